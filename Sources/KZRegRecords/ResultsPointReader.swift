import KZRegStructure

/// Reads the point that gives the steps' results apart from the steps themselves, after the steps point:
/// "Келесі рәсімді (іс-қимылды) орындауды бастау үшін негіз болатын мемлекеттік қызмет көрсету бойынша
/// рәсімнің (іс-қимылдың) нәтижесі:", "… рәсімдердің (іс-қимылдардың) нәтижелері … негіз болады:",
/// "Көрсетілген рәсімдер бойынша (іс-қимыл) нәтижесі:". Its items are its "1)" sub-points, "- " bullets or
/// paragraphs, or the "1) …; 2) …" items written inline after its colon, in document order.
///
/// Only a point of the same chapter that follows the steps point (and, numbered, has a greater number, so a
/// step written as "1." is never taken) counts; the first such point is read.
struct ResultsPointReader: Sendable {
    let locator: SpanLocator

    /// One listed result.
    struct Item: Sendable, Hashable {
        /// The step the item names itself ("2-рәсім – …", "2-рәсімнің нәтижесі – …", "2-рәсім бойынша – …").
        var step: Int?
        /// The result as written, without list label, step label and closing punctuation.
        var text: String
        /// Where `text` was read.
        var span: SourceSpan
    }

    /// Whether a point's text introduces the results of the procedures: a word for the procedure ("рәсімнің",
    /// "рәсімдер бойынша (іс-қимыл)", "іс-қимылдардың") shortly before "нәтижесі" / "нәтижелері". The steps
    /// lead-in ("… мазмұны, оның орындалу ұзақтығы") and the interaction point ("… реттілігін сипаттау") are not.
    static func isResultsLeadIn(_ text: String) -> Bool {
        guard !StepExtractor.isStepsLeadIn(text) else { return false }
        let tokens = TextTokenizer.tokens(in: String(text.prefix(400)))
        guard !tokens.contains(where: { $0.folded.hasPrefix("реттилиг") }) else { return false }
        for (index, token) in tokens.enumerated() where token.folded.hasPrefix("натиже") {
            let before = tokens[max(0, index - 5)..<index]
            if before.contains(where: { $0.isWord && ResultFinder.isProcedureWord($0) }) { return true }
        }
        return false
    }

    /// The items of the results point that follows the steps point at `stepsIndex` of `scope.body`, or nil
    /// when there is no such point.
    func items(_ scope: RegulationScope, stepsIndex: Int) -> [Item]? {
        let body = scope.body
        guard stepsIndex < body.count else { return nil }
        let steps = body[stepsIndex]
        let stepsNumber = steps.point.flatMap(RegulationScope.integer)
        for scoped in body[(stepsIndex + 1)...] where scoped.node.kind == .point {
            if scoped.chapter != steps.chapter { break }
            if let stepsNumber, let number = scoped.node.number.flatMap(RegulationScope.integer),
               number <= stepsNumber { continue }
            guard Self.isResultsLeadIn(scoped.node.ownText) else { continue }
            let found = items(of: scoped.node)
            if !found.isEmpty { return found }
        }
        return nil
    }

    /// The items of one results point: its "1)" sub-points and "- " bullets (a paragraph between them only
    /// explains one), else its paragraphs, else the items inline after its colon.
    func items(of lead: StructureNode) -> [Item] {
        let texts = lead.children.filter { !$0.ownText.isEmpty }
        let listed = texts.filter { $0.kind == .subpoint || $0.kind == .bulletItem }
        let children = listed.isEmpty ? texts.filter { $0.kind == .paragraph } : listed
        if !children.isEmpty {
            return children.compactMap { child in
                let text = child.ownText
                return item(in: text, from: Self.afterListLabel(text), to: text.utf8.count,
                            aligned: locator.aligned(child))
            }
        }
        return inlineItems(lead)
    }

    /// "… нәтижесі: 1) …; 2) …": items after the colon, each opening with its "N)" label, numbered from 1.
    private func inlineItems(_ lead: StructureNode) -> [Item] {
        let text = lead.ownText
        let tokens = TextTokenizer.tokens(in: text)
        guard let colon = tokens.firstIndex(where: { $0.is(":") }) else { return [] }
        var starts: [(label: Int, body: Int)] = []
        var expected = 1
        for index in (colon + 1)..<tokens.count where tokens[index].isNumber && index + 1 < tokens.count {
            let before = tokens[index - 1]
            guard tokens[index + 1].is(")"), Int(tokens[index].text) == expected,
                  before.is(":") || before.is(";") || before.isDash else { continue }
            guard index + 2 < tokens.count else { break }
            starts.append((tokens[index].start, tokens[index + 2].start))
            expected += 1
        }
        let aligned = locator.aligned(lead)
        var items: [Item] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].label : text.utf8.count
            if let item = item(in: text, from: start.body, to: end, aligned: aligned) { items.append(item) }
        }
        return items
    }

    /// The result written in `text` between two byte offsets, past a step label, without closing punctuation.
    private func item(in text: String, from start: Int, to end: Int, aligned: AlignedNode) -> Item? {
        let piece = text.utf8Slice(start, end)
        var offset = start
        var step: Int?
        if let label = Self.stepLabel(piece) {
            step = label.number
            offset += label.bodyStart
        }
        var result = text.utf8Slice(offset, end)
        let leading = result.unicodeScalars.prefix { $0.properties.isWhitespace }
        offset += leading.reduce(0) { $0 + UTF8.width($1) }
        result = result.trimmingWhitespace()
        while let last = result.last, ";.,".contains(last) || last.isWhitespace { result.removeLast() }
        guard !result.isEmpty else { return nil }
        return Item(step: step, text: result, span: aligned.span(offset, offset + result.utf8.count))
    }

    /// The byte offset past a list label opening `text`: "1)", "1.", "- ", "- 1)" (not the "1-" of a step label).
    static func afterListLabel(_ text: String) -> Int {
        let tokens = TextTokenizer.tokens(in: String(text.prefix(20)))
        var index = 0
        if index < tokens.count, tokens[index].isDash { index += 1 }
        if index + 1 < tokens.count, tokens[index].isNumber, tokens[index + 1].is(")") || tokens[index + 1].is(".") {
            index += 2
        }
        return index < tokens.count ? tokens[index].start : (index == 0 ? 0 : text.utf8.count)
    }

    /// A label naming the step a result belongs to: "2-рәсім –", "2-рәсімнің нәтижесі –", "2-іс-қимыл
    /// бойынша:" (a number, a dash, a procedure word, at most two more words, then a dash or colon). The step
    /// number and the byte offset of the text after the label.
    static func stepLabel(_ text: String) -> (number: Int, bodyStart: Int)? {
        let tokens = TextTokenizer.tokens(in: String(text.prefix(80)))
        guard tokens.count >= 5, tokens[0].isNumber, tokens[1].isDash, tokens[2].isWord,
              ResultFinder.isProcedureWord(tokens[2]), let number = Int(tokens[0].text) else { return nil }
        var index = 3
        while index < tokens.count, index <= 5, tokens[index].isWord { index += 1 }
        guard index + 1 < tokens.count, tokens[index].isDash || tokens[index].is(":") else { return nil }
        return (number, tokens[index + 1].start)
    }
}
