import KZRegStructure

/// Sorts the annexes of a document tree into the act's own annexes ("... қаулысына 1-қосымша") and the
/// annexes of its approved texts ("... регламентіне 2-қосымша"), and finds which act-level annex holds each
/// approved text.
struct AnnexLayout: Sendable {
    struct PlacedText: Sendable {
        var node: StructureNode
        /// The act-level annex number holding it; nil in the act's body or an unnumbered annex.
        var annex: Int?
        var ownAnnexes: [AnnexInfo]
    }

    private(set) var actAnnexes: [AnnexInfo] = []
    private(set) var approvedTexts: [PlacedText] = []

    init(_ root: StructureNode) {
        // Walk in document order, remembering the current act-level annex (its index in `actAnnexes`).
        var currentAnnex: Int?
        var holders: [Int?] = []   // per approved text
        func visit(_ node: StructureNode, insideText: Bool) {
            switch node.kind {
            case .annex where !insideText:
                let info = Self.info(node)
                if Self.targetsApprovedText(node), !approvedTexts.isEmpty {
                    approvedTexts[approvedTexts.count - 1].ownAnnexes.append(info)
                } else {
                    actAnnexes.append(info)
                    currentAnnex = actAnnexes.count - 1
                }
                for child in node.children { visit(child, insideText: false) }
            case .approvedText:
                var placed = PlacedText(node: node, annex: nil, ownAnnexes: [])
                holders.append(currentAnnex)
                placed.ownAnnexes = node.descendantsAndSelf.filter { $0.kind == .annex }.map(Self.info)
                approvedTexts.append(placed)
                // An approved text after its annex's content ends the annex only when another annex starts.
            default:
                for child in node.children { visit(child, insideText: insideText) }
            }
        }
        for child in root.children { visit(child, insideText: false) }
        actAnnexes = Self.inferringLostNumbers(actAnnexes)
        for (index, holder) in holders.enumerated() {
            approvedTexts[index].annex = holder.flatMap { actAnnexes[$0].number }
        }
    }

    /// Numbers the one unnumbered annex among numbered ones when OCR lost its digit ("|-қосымша" read as
    /// "қосымша"): only when a numbered annex follows it and every other annex carries its position's number
    /// (1, 2, 3, ...), so the gap is unambiguous. A lone or trailing unnumbered annex stays unnumbered.
    static func inferringLostNumbers(_ annexes: [AnnexInfo]) -> [AnnexInfo] {
        let unnumbered = annexes.indices.filter { annexes[$0].number == nil }
        guard annexes.count >= 2, unnumbered.count == 1, unnumbered[0] < annexes.count - 1,
              annexes.indices.allSatisfy({ annexes[$0].number == nil || annexes[$0].number == $0 + 1 })
        else { return annexes }
        var result = annexes
        result[unnumbered[0]].number = unnumbered[0] + 1
        return result
    }

    /// The annex's number, caption and title.
    static func info(_ node: StructureNode) -> AnnexInfo {
        let caption = node.children(.caption).map(\.text).joined(separator: "\n")
        let label = caption.isEmpty ? node.text : caption
        let title = node.heading ?? node.firstChild(.title)?.text
            ?? node.firstChild(.approvedText).map { $0.heading ?? RegulationExtractor.firstLine(of: $0.text) } ?? ""
        let number = node.number.flatMap(RegulationScope.integer) ?? Self.number(inCaption: label)
        return AnnexInfo(number: number, label: label.trimmingWhitespace(), title: title.trimmingWhitespace(),
                         span: node.span)
    }

    /// "1-қосымша", "1 қосымша", "2- қосымша" → the number; a bare "қосымша" → nil.
    static func number(inCaption caption: String) -> Int? {
        let tokens = TextTokenizer.tokens(in: caption)
        for (index, token) in tokens.enumerated() where token.isWord && token.lower.hasPrefix("қосымша") {
            var cursor = index - 1
            if cursor >= 0, tokens[cursor].isDash { cursor -= 1 }
            if cursor >= 0, tokens[cursor].isNumber { return Int(tokens[cursor].text) }
            return nil
        }
        return nil
    }

    /// Whether an annex caption names an approved text ("регламентіне", "қағидаларына", "стандартына") rather
    /// than the act.
    static func targetsApprovedText(_ node: StructureNode) -> Bool {
        let caption = (node.children(.caption).map(\.text).joined(separator: " ") + " " + node.text).lowercased()
        let tokens = TextTokenizer.tokens(in: caption).filter(\.isWord).map(\.lower)
        guard let annexWord = tokens.lastIndex(where: { $0.hasPrefix("қосымша") }) else { return false }
        let before = tokens[..<annexWord].suffix(4)
        let actWords = ["қаулы", "бұйры", "шешім", "жарлы", "өкім"]
        if before.contains(where: { word in actWords.contains { word.hasPrefix($0) } }) { return false }
        return before.contains { $0.hasPrefix("регламент") || $0.hasPrefix("қағида") || $0.hasPrefix("стандарт") }
    }
}
