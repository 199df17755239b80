import KZRegStructure

/// Reads what the general provisions of a regulation say about the service: its quoted name, the provider,
/// the forms, the result and the basis for starting the procedure.
struct ServiceInfoExtractor: Sendable {
    let locator: SpanLocator

    // MARK: - Service name

    /// The quoted name right before "мемлекеттік (көрсетілетін) қызмет…", in the title or else in the first points.
    func serviceName(title: StructureNode?, titleText: String, scope: RegulationScope) -> (String, SourceSpan)? {
        if let title, let found = Self.quotedServiceName(in: titleText, titleIsName: true) {
            return (found.text, locator.aligned(title).span(found.start, found.end))
        }
        for scoped in scope.body.prefix(12) where !scoped.node.ownText.isEmpty {
            if let found = Self.quotedServiceName(in: scoped.node.ownText, titleIsName: false) {
                return (found.text, locator.aligned(scoped.node).span(found.start, found.end))
            }
        }
        return nil
    }

    static let openingQuotes: Set<Character> = ["\"", "«", "“", "„"]
    static let closingQuotes: Set<Character> = ["\"", "»", "”", "“"]

    /// Finds `"…" мемлекеттік көрсетілетін қызмет…` / `"…" мемлекеттік қызмет…` in `text`.
    static func quotedServiceName(in text: String, titleIsName: Bool) -> (text: String, start: Int, end: Int)? {
        let characters = Array(text)
        var offsets: [Int] = []
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
        for (index, character) in characters.enumerated() where closingQuotes.contains(character) && index > 0 {
            // A closing quote is followed by a space; the words after it name a state service.
            guard index + 1 < characters.count, characters[index + 1].isWhitespace else { continue }
            let after = TextTokenizer.tokens(in: String(characters[(index + 1)...].prefix(60))).prefix(3).map(\.folded)
            guard after.first == "мемлекеттик", after.count >= 2 else { continue }
            let service = after[1].hasPrefix("корсетил") && after.count == 3 ? after[2] : after[1]
            guard service.hasPrefix("кызмет"), !service.hasPrefix("кызметтер") else { continue }
            // The opening quote: guillemets pair up; straight quotes open at the first quote of the sentence
            // for a title, else at the nearest quote that starts a word.
            var opening: Int?
            if character == "»" {
                var depth = 0
                var cursor = index - 1
                while cursor >= 0 {
                    if characters[cursor] == "»" { depth += 1 }
                    if characters[cursor] == "«" {
                        if depth == 0 { opening = cursor; break }
                        depth -= 1
                    }
                    cursor -= 1
                }
            } else if titleIsName {
                opening = characters[..<index].firstIndex { openingQuotes.contains($0) }
            } else {
                // Pair straight quotes from the start of the text; the name opens at its pair.
                let quotes = characters[..<index].indices.filter { openingQuotes.contains(characters[$0]) }
                if quotes.count % 2 == 1 { opening = quotes.last }
                else if let first = quotes.first { opening = first }
            }
            guard let open = opening, index - open > 2 else { continue }
            let start = offsets[open + 1]
            let end = offsets[index]
            let name = text.utf8Slice(start, end).trimmingWhitespace()
            guard !name.isEmpty else { continue }
            return (name, start, end)
        }
        return nil
    }

    // MARK: - Provider

    /// The provider: the words before "(бұдан әрі – көрсетілетін қызметті беруші)", in the nominative.
    func provider(scope: RegulationScope) -> (String, SourceSpan)? {
        for scoped in scope.body.prefix(20) where !scoped.node.ownText.isEmpty {
            let text = scoped.node.ownText
            guard let found = Self.provider(in: text) else { continue }
            return (found.text, locator.aligned(scoped.node).span(found.start, found.end))
        }
        return nil
    }

    static func provider(in text: String) -> (text: String, start: Int, end: Int)? {
        let tokens = TextTokenizer.tokens(in: text)
        for index in tokens.indices where tokens[index].is("(") {
            // "(бұдан әрі – көрсетілетін қызметті беруші)" / "(бұдан әрі - қызмет беруші)".
            let inside = tokens[(index + 1)...].prefix(8)
            guard let close = inside.firstIndex(where: { $0.is(")") }) else { continue }
            let words = tokens[(index + 1)..<close].filter(\.isWord).map(\.lower)
            // "(бұдан әрі – көрсетілетін қызметті беруші)", tolerating an OCR-damaged "бұдан".
            let folded = words.map(KazakhFolding.fold)
            guard folded.first == "будан" || folded.dropFirst().first == "ари", folded.last == "беруши"
            else { continue }
            // The provider runs back to the previous ")" or the service's "қызметі"/"қызмет" word.
            var start = index
            while start > 0 {
                let previous = tokens[start - 1]
                if previous.is(")") || previous.is(";") || previous.is(":") { break }
                if previous.isWord, previous.folded.hasPrefix("кызмет"), start - 1 > 0,
                   tokens[start - 2].folded.hasPrefix("корсетил") || tokens[start - 2].folded == "мемлекеттик" { break }
                if index - start > 30 { break }
                start -= 1
            }
            guard start < index else { continue }
            var first = start
            // Skip a leading dash or "–" left from a parenthetical.
            while first < index, tokens[first].isDash || tokens[first].is(",") { first += 1 }
            guard first < index else { continue }
            let last = index - 1
            let startOffset = tokens[first].start
            let endOffset = tokens[last].end
            return (nominative(text.utf8Slice(startOffset, endOffset)), startOffset, endOffset)
        }
        return nil
    }

    /// "… мекемесімен" → "… мекемесі", "… органымен" → "… органы" (the provider is written in the instrumental).
    static func nominative(_ phrase: String) -> String {
        let lastSpace = phrase.lastIndex(of: " ") ?? phrase.startIndex
        let head = phrase[..<lastSpace]
        var word = String(phrase[lastSpace...]).trimmingWhitespace()
        for ending in ["мен", "бен", "пен"] where word.lowercased().hasSuffix(ending) && word.count > 5 {
            word = String(word.dropLast(3))
            break
        }
        return head.isEmpty ? word : head + " " + word
    }

    // MARK: - Forms, result, basis

    /// "Мемлекеттік қызмет көрсету нысаны: электрондық (ішінара автоматтандырылған) және (немесе) қағаз түрінде."
    func forms(scope: RegulationScope, before limit: Int) -> ServiceForms? {
        for scoped in scope.body.prefix(limit) where scoped.node.kind == .point || scoped.node.kind == .paragraph {
            let text = scoped.node.ownText
            let tokens = TextTokenizer.tokens(in: text)
            guard let index = tokens.indices.first(where: { index in
                tokens[index].folded == "нысаны" && index + 1 < tokens.count
                    && (tokens[index + 1].is(":") || tokens[index + 1].isDash)
            }) else { continue }
            // Not the form of delivering the result ("нәтижесін беру нысаны").
            if tokens[..<index].contains(where: { $0.folded.hasPrefix("натиже") }) { continue }
            guard index + 2 < tokens.count else { continue }
            var last = index + 2
            while last + 1 < tokens.count, !tokens[last + 1].is(";") { last += 1 }
            if tokens[last].is("."), last > index + 2 { last -= 1 }
            let start = tokens[index + 2].start
            let end = tokens[last].end
            let value = text.utf8Slice(start, end)
            let folded = KazakhFolding.fold(value)
            let electronic = folded.simpleContains("электрон")
            let paper = folded.simpleContains("кагаз")
            guard electronic || paper else { continue }
            let automation: ServiceForms.Automation? = folded.simpleContains("ишинара") ? .partial
                : folded.simpleContains("толык автомат") ? .full : nil
            return ServiceForms(electronic: electronic, paper: paper, automation: automation, text: value,
                                span: locator.aligned(scoped.node).span(start, end))
        }
        return nil
    }

    /// "Мемлекеттік қызмет көрсету нәтижесі: …" / "… нәтижесі – …".
    func result(scope: RegulationScope, before limit: Int) -> TextExcerpt? {
        for scoped in scope.body.prefix(limit) where scoped.node.kind == .point {
            let text = scoped.node.ownText
            let tokens = TextTokenizer.tokens(in: text)
            guard let index = tokens.prefix(12).firstIndex(where: { $0.folded.hasPrefix("натиже") }),
                  index > 0, tokens[..<index].contains(where: { $0.folded.hasPrefix("корсет") }) else { continue }
            var bodyStart = index + 1
            if bodyStart < tokens.count, tokens[bodyStart].isDash || tokens[bodyStart].is(":") { bodyStart += 1 }
            else if tokens[index].folded != "натижеси" { continue }
            guard bodyStart < tokens.count else { continue }
            let start = tokens[bodyStart].start
            var end = text.utf8.count
            if text.hasSuffix(".") { end -= 1 }
            guard end > start else { continue }
            return TextExcerpt(text: text.utf8Slice(start, end).trimmingWhitespace(),
                               span: locator.aligned(scoped.node).span(start, end))
        }
        return nil
    }

    /// The point saying what starts the procedure ("… рәсімді бастауға … негіздеме болады").
    func basis(scope: RegulationScope) -> TextExcerpt? {
        for scoped in scope.body where scoped.node.kind == .point {
            let folded = KazakhFolding.fold(scoped.node.ownText)
            guard folded.simpleContains("бастау"), folded.simpleContains("негиз") else { continue }
            let text = scoped.node.ownText
            let start = Self.afterLabel(text)
            return TextExcerpt(text: text.utf8Slice(start, text.utf8.count).trimmingWhitespace(),
                               span: locator.aligned(scoped.node).span(start, text.utf8.count))
        }
        return nil
    }

    /// The byte offset after a leading "5." / "1)" label, if any.
    static func afterLabel(_ text: String) -> Int {
        let tokens = TextTokenizer.tokens(in: text)
        var index = 0
        while index < tokens.count, index < 4, tokens[index].isNumber || tokens[index].is(".") || tokens[index].is(")")
                || tokens[index].isDash {
            index += 1
        }
        return index < tokens.count ? tokens[index].start : 0
    }
}
