import KZRegStructure

/// One node of an approved text with where it sits: its chapter, point and sub-point.
struct ScopedNode: Sendable {
    var node: StructureNode
    /// The number of the chapter holding it (or the chapter's ordinal when unnumbered).
    var chapter: Int?
    /// The number of the point holding it (the node itself for a point).
    var point: String?
    /// The number of the sub-point holding it (the node itself for a sub-point).
    var subpoint: String?
    /// True inside one of the approved text's own annexes.
    var inAnnex: Bool
    /// Index path from the approved text node.
    var path: [Int]
}

/// The nodes of one approved text in document order, with their context.
struct RegulationScope: Sendable {
    let root: StructureNode
    let nodes: [ScopedNode]

    init(_ root: StructureNode) {
        self.root = root
        var nodes: [ScopedNode] = []
        var chapterOrdinal = 0
        func walk(_ node: StructureNode, chapter: Int?, point: String?, subpoint: String?, inAnnex: Bool,
                  path: [Int]) {
            var chapter = chapter
            var point = point
            var subpoint = subpoint
            switch node.kind {
            case .chapter:
                chapterOrdinal += 1
                chapter = node.number.flatMap(Self.integer) ?? chapterOrdinal
                point = nil
                subpoint = nil
            case .point:
                point = node.number
                subpoint = nil
            case .subpoint, .bulletItem:
                if node.number != nil { subpoint = node.number }
            default:
                break
            }
            let annex = inAnnex || node.kind == .annex
            nodes.append(ScopedNode(node: node, chapter: annex ? nil : chapter, point: annex ? nil : point,
                                    subpoint: annex ? nil : subpoint, inAnnex: annex, path: path))
            for (index, child) in node.children.enumerated() {
                walk(child, chapter: chapter, point: point, subpoint: subpoint, inAnnex: annex, path: path + [index])
            }
        }
        for (index, child) in root.children.enumerated() {
            walk(child, chapter: nil, point: nil, subpoint: nil, inAnnex: false, path: [index])
        }
        self.nodes = nodes
    }

    /// The nodes outside the approved text's own annexes.
    var body: [ScopedNode] { nodes.filter { !$0.inAnnex } }

    /// The leading integer of a number as written ("1", "9-1" → 9, "2.1" → 2, "IV" → nil).
    static func integer(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }
}

extension StructureNode {
    /// The node's text, or its table cells joined by tabs.
    var ownText: String {
        if !text.isEmpty { return text }
        return cells?.joined(separator: "\t") ?? ""
    }
}
