/// A node of the document tree. Every node knows the bytes of the original input it came from.
public struct StructureNode: Sendable, Hashable, Codable {
    /// What the node stands for.
    public var kind: NodeKind
    /// The number as written, without its punctuation ("1", "2.1", "3" for "3-қосымша"), if numbered.
    public var number: String?
    /// A heading or title, for chapters, annexes and approved texts.
    public var heading: String?
    /// The node's own text (cleansed, NFC), without the text of its children.
    public var text: String
    /// Where the node lies in the original input (UTF-8 byte offsets), children included.
    public var span: SourceSpan
    /// Table cells, for `tableRow` nodes.
    public var cells: [String]?
    /// The nodes inside this one, in document order.
    public var children: [StructureNode]

    public init(kind: NodeKind, number: String? = nil, heading: String? = nil, text: String = "",
                span: SourceSpan, cells: [String]? = nil, children: [StructureNode] = []) {
        self.kind = kind
        self.number = number
        self.heading = heading
        self.text = text
        self.span = span
        self.cells = cells
        self.children = children
    }

    /// This node and all its descendants, depth first, in document order.
    public var descendantsAndSelf: [StructureNode] {
        var result: [StructureNode] = []
        func walk(_ node: StructureNode) {
            result.append(node)
            node.children.forEach(walk)
        }
        walk(self)
        return result
    }

    /// The first child of a kind.
    public func firstChild(_ kind: NodeKind) -> StructureNode? { children.first { $0.kind == kind } }

    /// The children of a kind.
    public func children(_ kind: NodeKind) -> [StructureNode] { children.filter { $0.kind == kind } }

    /// The node's text followed by its descendants' text, one per line.
    public var fullText: String {
        descendantsAndSelf.map { node in node.cells.map { $0.joined(separator: "\t") } ?? node.text }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The tree with every span mapped (e.g. from repaired-text offsets back to input offsets).
    public func mappingSpans(_ transform: (Int) -> Int) -> StructureNode {
        var copy = self
        copy.span = span.mapped(transform)
        copy.children = children.map { $0.mappingSpans(transform) }
        return copy
    }
}

/// Visits a document tree depth first. Return false from `visit` to skip a node's children.
public protocol StructureVisitor {
    mutating func visit(_ node: StructureNode, depth: Int) -> Bool
    mutating func leave(_ node: StructureNode, depth: Int)
}

extension StructureVisitor {
    public mutating func leave(_ node: StructureNode, depth: Int) {}
}

extension StructureNode {
    /// Walks the tree with a visitor.
    public func walk<V: StructureVisitor>(_ visitor: inout V, depth: Int = 0) {
        guard visitor.visit(self, depth: depth) else { return }
        for child in children { child.walk(&visitor, depth: depth + 1) }
        visitor.leave(self, depth: depth)
    }
}
