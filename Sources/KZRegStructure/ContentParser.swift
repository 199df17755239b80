/// Turns the cleansed blocks of an act body, an annex or an approved text into nodes: chapters, points,
/// sub-points, bullet items, paragraphs, tables, legends, debris and notes, nested as a reader expects.
struct ContentParser {
    /// Whether "2. Мемлекеттік қызмет ..." style numbered headings and upper-case headings are recognized
    /// (inside approved texts only; an act's own points are never headings).
    var numberedHeadings: Bool
    /// Whether short all-capitals lines ("ЖАЛПЫ ЕРЕЖЕЛЕР") open chapters (approved texts only: in forms they
    /// are captions like "ӨТІНІШ").
    var upperCaseHeadings = false

    func parse(_ blocks: ArraySlice<CleansedBlock>) -> [StructureNode] {
        var tree = OpenTree()
        let blocks = Array(blocks)
        let nextPoint = nextPointNumbers(blocks)
        var index = 0
        var chapterCount = 0
        var lastPoint = 0
        while index < blocks.count {
            let block = blocks[index]
            switch block.kind {
            case .tableRow:
                var rows: [CleansedBlock] = []
                while index < blocks.count, blocks[index].kind == .tableRow,
                      rows.isEmpty || blocks[index].blankLinesBefore <= 2 {
                    rows.append(blocks[index])
                    index += 1
                }
                let rowNodes = rows.map {
                    StructureNode(kind: .tableRow, text: $0.text, span: $0.span, cells: $0.cells)
                }
                // A legend: "Шартты белгілер:" followed by its symbol rows.
                if let last = tree.lastLeaf, last.kind == .paragraph, Self.isLegendHeading(last.text) {
                    tree.replaceLastLeaf(with: StructureNode(kind: .legend, text: last.text,
                                                             span: rowNodes.reduce(last.span) { $0.union($1.span) },
                                                             children: rowNodes))
                } else {
                    tree.closeItems()
                    tree.add(StructureNode(kind: .table, span: rowNodes.reduce(rows[0].span) { $0.union($1.span) },
                                           children: rowNodes))
                }
                continue
            case .debris:
                tree.closeItems()
                tree.add(StructureNode(kind: .debris, text: block.lines.joined(separator: "\n"), span: block.span))
            case .caption(let info):
                // Captions are split off by the segmenter; one that reaches here is kept as a caption.
                tree.closeItems()
                tree.add(StructureNode(kind: .caption, number: info.number, text: block.text, span: block.span))
            case .text:
                parseText(block, at: index, nextPoint: nextPoint, chapterCount: &chapterCount,
                          lastPoint: &lastPoint, tree: &tree)
            }
            index += 1
        }
        return tree.finish()
    }

    private func parseText(_ block: CleansedBlock, at index: Int, nextPoint: [Int?], chapterCount: inout Int,
                           lastPoint: inout Int, tree: inout OpenTree) {
        let text = block.text
        let folded = TextTraits.folded(text.prefix(12))
        if folded.hasPrefix("ескерту") || FormulaMatcher.startsWithNoteWord(text.prefix(40)) || text.hasPrefix("©") {
            tree.closeItems()
            tree.add(StructureNode(kind: .note, text: text, span: block.span))
            return
        }
        if let heading = HeadingParser.chapter(text) {
            chapterCount += 1
            tree.openChapter(StructureNode(kind: .chapter, number: heading.number, heading: heading.title,
                                           text: text, span: block.span))
            return
        }
        let numbering = HeadingParser.numbering(text)
        if numberedHeadings, let numbering, numbering.style == .point, let number = numbering.number,
           let value = Int(number), isNumberedHeading(numbering.rest, value: value, chapterCount: chapterCount,
                                                      lastPoint: lastPoint, nextPoint: nextPoint[index + 1]) {
            chapterCount += 1
            tree.openChapter(StructureNode(kind: .chapter, number: number, heading: String(numbering.rest),
                                           text: text, span: block.span))
            return
        }
        if upperCaseHeadings, numbering == nil, isUpperCaseHeading(text) {
            chapterCount += 1
            tree.openChapter(StructureNode(kind: .chapter, heading: text, text: text, span: block.span))
            return
        }
        guard let numbering else {
            tree.addParagraph(StructureNode(kind: .paragraph, text: text, span: block.span))
            return
        }
        let rest = String(numbering.rest)
        switch numbering.style {
        case .point:
            if let value = Int(numbering.number?.split(separator: ".").first ?? "") { lastPoint = value }
            tree.openPoint(StructureNode(kind: .point, number: numbering.number, text: rest, span: block.span))
        case .subpoint:
            tree.openSubpoint(StructureNode(kind: .subpoint, number: numbering.number, text: rest, span: block.span))
        case .numberedBullet, .bullet:
            tree.addBullet(StructureNode(kind: .bulletItem, number: numbering.number, text: rest, span: block.span))
        }
    }

    /// "2. Мемлекеттік қызмет көрсету процесінде ..." is a heading, not a point, when it reads like a title
    /// (no final stop, no colon, capitalized), carries the next chapter number, and the point numbering
    /// around it confirms it: either it does not continue the points, or the next point repeats its number.
    private func isNumberedHeading(_ rest: Substring, value: Int, chapterCount: Int, lastPoint: Int,
                                   nextPoint: Int?) -> Bool {
        guard value == chapterCount + 1, !rest.isEmpty, rest.count <= 300, !TextTraits.endsTerminated(rest),
              !rest.contains(":"), !rest.contains(";"), TextTraits.startsUppercase(rest) else { return false }
        guard let next = nextPoint else { return false }
        if value == lastPoint + 1 { return next == value || next == 1 }
        return true
    }

    /// "ЖАЛПЫ ЕРЕЖЕЛЕР": a short line all in Cyrillic capitals.
    private func isUpperCaseHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 400, text.count <= 150, !TextTraits.endsTerminated(text) || text.hasSuffix(".") == false else { return false }
        let counts = TextTraits.letterCounts(text)
        guard counts.letters >= 6, counts.upper == counts.letters, counts.cyrillic * 10 >= counts.letters * 9 else {
            return false
        }
        return !ActHeaderVocabulary.containsEnactingFormula(text)
    }

    static func isLegendHeading(_ text: String) -> Bool {
        let folded = TextTraits.folded(text)
        return folded.hasPrefix("шартты белгі") || folded.hasPrefix("шартты белгілер")
    }

    /// For each block, the number of the next point at or after it (nil when none follows).
    private func nextPointNumbers(_ blocks: [CleansedBlock]) -> [Int?] {
        var result = [Int?](repeating: nil, count: blocks.count + 1)
        var next: Int?
        for index in stride(from: blocks.count - 1, through: 0, by: -1) {
            let block = blocks[index]
            if block.kind == .text, let numbering = HeadingParser.numbering(block.text), numbering.style == .point,
               let number = numbering.number, !number.contains("."), let value = Int(number) {
                next = value
            }
            result[index] = next
        }
        return result
    }
}

/// The nodes under construction: a container list with an open chapter, point and sub-point.
private struct OpenTree {
    var top: [StructureNode] = []
    var chapter: StructureNode?
    var point: StructureNode?
    var subpoint: StructureNode?

    /// The most recently added node that has no open descendants.
    var lastLeaf: StructureNode? {
        if let subpoint { return subpoint.children.last ?? subpoint }
        if let point { return point.children.last ?? point }
        if let chapter { return chapter.children.last }
        return top.last
    }

    mutating func replaceLastLeaf(with node: StructureNode) {
        if subpoint != nil {
            if subpoint!.children.isEmpty { subpoint!.children.append(node) } else { subpoint!.children[subpoint!.children.count - 1] = node }
        } else if point != nil {
            if point!.children.isEmpty { point!.children.append(node) } else { point!.children[point!.children.count - 1] = node }
        } else if chapter != nil {
            chapter!.children[chapter!.children.count - 1] = node
        } else {
            top[top.count - 1] = node
        }
    }

    mutating func closeSubpoint() {
        guard let node = subpoint else { return }
        subpoint = nil
        point!.children.append(finished(node))
    }

    mutating func closeItems() {
        closeSubpoint()
        guard let node = point else { return }
        point = nil
        add(finished(node))
    }

    mutating func closeChapter() {
        closeItems()
        guard let node = chapter else { return }
        chapter = nil
        top.append(finished(node))
    }

    /// Adds a node at the container level (the open chapter, or the top).
    mutating func add(_ node: StructureNode) {
        if chapter != nil { chapter!.children.append(node) } else { top.append(node) }
    }

    mutating func openChapter(_ node: StructureNode) {
        closeChapter()
        chapter = node
    }

    mutating func openPoint(_ node: StructureNode) {
        closeSubpoint()
        // "2.1." under an open "2.".
        if let open = point, let number = node.number, let parent = open.number, number.hasPrefix(parent + "."),
           number.split(separator: ".").count == parent.split(separator: ".").count + 1 {
            point!.children.append(node)
            return
        }
        closeItems()
        point = node
    }

    mutating func openSubpoint(_ node: StructureNode) {
        closeSubpoint()
        if point == nil {
            add(node)
        } else {
            subpoint = node
        }
    }

    mutating func addBullet(_ node: StructureNode) {
        if subpoint != nil && node.number == nil {
            subpoint!.children.append(node)
        } else if point != nil {
            closeSubpoint()
            point!.children.append(node)
        } else {
            add(node)
        }
    }

    mutating func addParagraph(_ node: StructureNode) {
        if subpoint != nil { subpoint!.children.append(node) }
        else if point != nil { point!.children.append(node) }
        else { add(node) }
    }

    mutating func finish() -> [StructureNode] {
        closeChapter()
        return top
    }

    private func finished(_ node: StructureNode) -> StructureNode {
        var node = node
        for child in node.children { node.span = node.span.union(child.span) }
        return node
    }
}
