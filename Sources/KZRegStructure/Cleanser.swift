/// Undoes the layout of a converted document: joins lines wrapped mid-sentence into paragraphs (also across
/// page-break blank runs), rejoins words split by a line-end hyphen, drops stray indentation, and sets apart
/// what must not be joined: numbered points, headings, annex captions, table rows, signature lines and OCR debris.
///
/// Every block keeps its byte span in the input. The cleanser never reorders or rewrites words, so text such
/// as the displaced hyperlink words of some adilet exports ("... сәйкес БҰЙЫРАМЫН:9-1-бабының") stays as is.
public struct Cleanser: Sendable {
    /// Lines longer than this are never part of a caption block (the anchor line excepted).
    public var maxCaptionLineLength = 140
    /// How many lines above its anchor a caption block may reach.
    public var maxCaptionLines = 8

    public init() {}

    /// The cleansed blocks of `text`, in input order.
    public func cleanse(_ text: String) -> [CleansedBlock] {
        cleanse(lines: LineSplitter.lines(of: text))
    }

    /// The cleansed blocks of already split lines.
    public func cleanse(lines: [SourceLine]) -> [CleansedBlock] {
        var roles = [LineRole](repeating: .free, count: lines.count)
        TableLineDetector().mark(lines, &roles)
        let captions = CaptionDetector(maxLineLength: maxCaptionLineLength, maxLines: maxCaptionLines)
            .mark(lines, &roles)
        DebrisDetector().mark(lines, &roles)
        let indentMode = usesIndentedParagraphs(lines)
        let blankSeparated = usesBlankSeparatedParagraphs(lines)
        let linePerParagraph = !indentMode && !blankSeparated && usesOneLinePerParagraph(lines)
        let width = typicalLineWidth(lines)
        let hyphenated = hyphenatedWords(lines)

        var blocks: [CleansedBlock] = []
        var index = 0
        var blanks = 0
        var current: CleansedBlockBuilder?
        func flush() {
            if let builder = current { blocks.append(builder.block()) }
            current = nil
        }
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                blanks += 1
                index += 1
                continue
            }
            switch roles[index] {
            case .table:
                flush()
                var builder = CleansedBlockBuilder(kind: .tableRow, first: line, index: index, blanksBefore: blanks)
                builder.cells = line.text.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { String($0.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
                blocks.append(builder.block())
                index += 1
            case .caption(let group), .debris(let group):
                flush()
                let isCaption = roles[index] == .caption(group)
                let kind: CleansedBlock.Kind = isCaption ? .caption(captions[group]!) : .debris
                var builder = CleansedBlockBuilder(kind: kind, first: line, index: index, blanksBefore: blanks)
                var next = index + 1
                while next < lines.count, lines[next].isBlank || roles[next] == roles[index] {
                    if !lines[next].isBlank {
                        builder.append(lines[next], index: next, separator: isCaption ? " " : "\n")
                    }
                    next += 1
                }
                // Trailing blank lines belong to the gap before the next block.
                var last = next - 1
                while last > index, lines[last].isBlank { last -= 1 }
                blocks.append(builder.block())
                index = last + 1
            case .free:
                if let previous = current?.lastLine, !separatesActLine(previous, line, lineIndex: index),
                   let join = joiner(previous: previous, next: line, blanks: blanks,
                                     indentMode: indentMode, blankSeparated: blankSeparated,
                                     linePerParagraph: linePerParagraph, width: width, hyphenated: hyphenated) {
                    // Mutate in place: a copy of the builder would copy the paragraph for every line.
                    current!.append(line, index: index, separator: join.separator, dropTrailingHyphen: join.dropHyphen)
                } else {
                    flush()
                    current = CleansedBlockBuilder(kind: .text, first: line, index: index, blanksBefore: blanks)
                }
                index += 1
            }
            blanks = 0
        }
        flush()
        return blocks
    }

    // MARK: Joining wrapped lines

    /// Near the top, an act line ("... № 140 қаулысы") is never glued to the title above it, nor is the
    /// next sentence glued to it.
    private func separatesActLine(_ previous: SourceLine, _ next: SourceLine, lineIndex: Int) -> Bool {
        guard lineIndex < 40, next.text.utf8.count < 2_000 else { return false }
        let parser = ActLineParser()
        if !TextTraits.startsLowercase(next.text), let last = TextTraits.words(previous.text).last {
            // "... № 389 қаулысы." or "... № 15 болып тіркелді" closes a header sentence.
            if parser.actType(of: last, nominativeOnly: true) != nil, parser.parse(previous.text) != nil { return true }
            if TextTraits.folded(TextTraits.bare(last)) == "тіркелді" { return true }
        }
        guard let first = TextTraits.words(next.text).first, !TextTraits.startsLowercase(first),
              next.text.utf8.contains(0xE2) || next.text.contains(where: { $0.isNumber }) else { return false }
        return parser.parse(next.text) != nil && !TextTraits.endsTerminated(previous.text)
            && startsWithIssuer(next.text)
    }

    /// Whether an act line starts right at this line (its issuer phrase comes first).
    private func startsWithIssuer(_ text: String) -> Bool {
        guard let date = KazakhDateParser().firstMatch(in: text) else { return false }
        let before = TextTraits.words(text[..<date.range.lowerBound])
        return !before.isEmpty && before.count <= 14 && before.last.map(KazakhGrammar.isGenitive) == true
    }

    private struct Join {
        var separator: String
        var dropHyphen: Bool
    }

    /// How `next` continues the paragraph that ends with `previous`, or nil when it starts a new block.
    private func joiner(previous: SourceLine, next: SourceLine, blanks: Int, indentMode: Bool, blankSeparated: Bool,
                        linePerParagraph: Bool, width: Int,
                        hyphenated: Set<String>) -> Join? {
        let text = next.text
        if startsBlock(text, after: previous.text, blanks: blanks) { return nil }
        if blanks >= 1 && TextTraits.isNameLine(previous.text) { return nil }
        if previous.text.hasSuffix("__") { return nil }  // a form field ("өтініш беруші: ______")
        let previousTerminated = TextTraits.endsTerminated(previous.text)
        // A wrapped line fills the page width; a clearly shorter unfinished line followed by a capital ended
        // its paragraph (a heading, a title, a form label) — unless it breaks off mid-phrase.
        if blanks == 0, !previousTerminated, previous.text.count * 5 < width * 3,
           !TextTraits.startsLowercase(text), !TextTraits.startsWithClosingPunctuation(text),
           !Self.endsMidPhrase(previous.text), !previous.text.hasSuffix("-") {
            return nil
        }
        if indentMode {
            if next.indent >= 3 { return nil }
            if blanks == 1 && !(previousTerminated == false && (TextTraits.startsLowercase(text)
                                                                || TextTraits.startsWithClosingPunctuation(text))) {
                return nil
            }
            if blanks >= 2 && previousTerminated && !TextTraits.startsLowercase(text) { return nil }
        } else {
            switch blanks {
            case 0:
                // Where blank lines separate paragraphs, a line break without one is a wrap, even after a
                // full stop ("... өзгереді." + "Өтінішті тіркеген ..."); elsewhere a stop ends the paragraph.
                if previousTerminated && !TextTraits.startsLowercase(text) && !blankSeparated { return nil }
                // Where every paragraph is one long line, only a lower-case start continues the line above.
                if linePerParagraph && !TextTraits.startsLowercase(text)
                    && !TextTraits.startsWithClosingPunctuation(text) && !previous.text.hasSuffix("-") { return nil }
                if previous.text.utf8.count <= 240 && TextTraits.isPositionLine(previous.text)
                    && previous.text.count <= 60 { return nil }
            case 1:
                guard !previousTerminated,
                      TextTraits.startsLowercase(text) || TextTraits.startsWithClosingPunctuation(text) else { return nil }
            default:
                // After a page break a lower-case line still continues the sentence, unless the line above
                // closed a list item.
                if previousTerminated && (!TextTraits.startsLowercase(text) || previous.text.hasSuffix(";")) {
                    return nil
                }
                if !TextTraits.startsLowercase(text) && HeadingParser.numbering(previous.text) == nil
                    && previous.text.count < 80 && !Self.endsMidPhrase(previous.text) { return nil }
            }
        }
        return join(previous.text, text, hyphenated: hyphenated)
    }

    private func join(_ previous: String, _ next: String, hyphenated: Set<String>) -> Join {
        let previousScalars = previous.unicodeScalars
        if let last = previousScalars.last {
            if last == "-", previousScalars.count >= 2 {
                let beforeHyphen = previousScalars[previousScalars.index(previousScalars.endIndex, offsetBy: -2)]
                if TextTraits.isDigit(beforeHyphen) { return Join(separator: "", dropHyphen: false) }
                if TextTraits.isLetter(beforeHyphen), TextTraits.startsLowercase(next) {
                    // "бизнес-" + "процесі": keep the hyphen when the document writes compounds with this
                    // first part ("бизнес-процестер"); "жүк-" + "телсін" has none, so the word is rejoined.
                    let left = TextTraits.words(previous).last.map { TextTraits.folded(TextTraits.bare($0.dropLast())) } ?? ""
                    let keep = !left.isEmpty && hyphenated.contains(left)
                    return Join(separator: "", dropHyphen: !keep)
                }
            }
            // "(" + "маманы)", "№ 7-1/" + "68": nothing between.
            if last == "(" || last == "«" || last == "/" { return Join(separator: "", dropHyphen: false) }
        }
        if TextTraits.startsWithClosingPunctuation(next) { return Join(separator: "", dropHyphen: false) }
        return Join(separator: " ", dropHyphen: false)
    }

    /// A form's label line: "Нысан", "Үлгі", "Үлгі нысан".
    static func isFormLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 40, text.utf8.count >= 6,
              let lead = text.unicodeScalars.first(where: { !TextTraits.isQuote($0) }),
              lead == "Н" || lead == "н" || lead == "Ү" || lead == "ү" else { return false }
        let folded = TextTraits.folded(TextTraits.bare(text))
        return folded == "нысан" || folded == "үлгі" || folded == "үлгі нысан" || folded == "нысаны"
    }

    /// Whether a line visibly breaks off mid-phrase: it ends with a comma, a conjunction, or a case ending that
    /// needs a head word after it ("23 қарашадағы", "Республикасының", "үшін").
    static func endsMidPhrase(_ text: String) -> Bool {
        guard let last = TextTraits.words(text).last else { return false }
        if last.hasSuffix(",") || last.hasSuffix("-") { return true }
        let word = TextTraits.folded(TextTraits.bare(last))
        if ["және", "мен", "бен", "пен", "немесе", "не", "мен", "үшін", "бойынша", "сәйкес", "арқылы"].contains(word) {
            return true
        }
        let endings = ["дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ның", "нің", "дың", "дің", "тың", "тің"]
        return word.count > 4 && endings.contains { word.hasSuffix($0) }
    }

    /// Whether a line starts a block of its own: a numbered point or sub-point, a bullet, a chapter heading,
    /// a signatory's name, a note, a legend or a footer.
    func startsBlock(_ text: String, after previous: String, blanks: Int) -> Bool {
        if let numbering = HeadingParser.numbering(text) {
            switch numbering.style {
            case .point, .subpoint, .numberedBullet:
                return true
            case .bullet:
                // A dash may also continue a wrapped phrase ("(бұдан әрі" + "- Портал)"); a list item either
                // follows a finished line or is itself finished.
                return blanks > 0 || TextTraits.endsTerminated(previous) || HeadingParser.numbering(previous) != nil
                    || TextTraits.endsTerminated(text)
            }
        }
        if HeadingParser.chapter(text) != nil { return true }
        if TextTraits.isNameLine(text) { return true }
        if Self.isFormLabel(text) || Self.isFormLabel(previous) { return true }
        guard let lead = text.unicodeScalars.first, "ЕеШшҚқКк©".unicodeScalars.contains(lead) else { return false }
        let folded = TextTraits.folded(text.prefix(24))
        if folded.hasPrefix("ескерту") || folded.hasPrefix("шартты белгі") || text.hasPrefix("©") { return true }
        if (lead == "Е" || lead == "е"), FormulaMatcher.startsWithNoteWord(text.prefix(40)) { return true }
        if ActHeaderVocabulary.isStatusLine(text) { return true }
        return false
    }

    /// The width of a full line: the 80th percentile of line lengths in characters.
    func typicalLineWidth(_ lines: [SourceLine]) -> Int {
        var histogram = [Int](repeating: 0, count: 401)
        var total = 0
        for line in lines where !line.isBlank && !line.hasTab {
            histogram[min(400, line.text.utf8.count / 2)] += 1  // Cyrillic letters take two bytes
            total += 1
        }
        guard total > 0 else { return 0 }
        var seen = 0
        for (length, count) in histogram.enumerated() {
            seen += count
            if seen * 5 >= total * 4 { return length }
        }
        return 400
    }

    /// Documents that put each paragraph on one long line, with neither blank lines nor indents between them.
    func usesOneLinePerParagraph(_ lines: [SourceLine]) -> Bool {
        var long = 0
        var nonBlank = 0
        for line in lines where !line.isBlank && !line.hasTab {
            nonBlank += 1
            if line.text.utf8.count > 220 { long += 1 }  // ~110 Cyrillic letters: longer than any page width
        }
        return nonBlank >= 4 && long * 3 >= nonBlank
    }

    /// Documents that separate paragraphs with blank lines (and wrap them, if at all, without one).
    func usesBlankSeparatedParagraphs(_ lines: [SourceLine]) -> Bool {
        var blank = 0
        var nonBlank = 0
        for line in lines { if line.isBlank { blank += 1 } else { nonBlank += 1 } }
        return nonBlank >= 4 && blank * 10 >= nonBlank * 3
    }

    /// Documents that mark paragraphs by indenting their first line (and wrap the rest flush left).
    func usesIndentedParagraphs(_ lines: [SourceLine]) -> Bool {
        var nonBlank = 0
        var indentedStarts = 0
        for (index, line) in lines.enumerated() where !line.isBlank {
            nonBlank += 1
            guard line.indent >= 3, !line.hasTab, index + 1 < lines.count else { continue }
            let next = lines[index + 1]
            if !next.isBlank && next.indent < 2 { indentedStarts += 1 }
        }
        return indentedStarts >= 3 && indentedStarts * 20 >= nonBlank
    }

    /// First parts of the hyphenated compounds written within lines (lower-cased), to tell compounds from
    /// words split at a line end.
    private func hyphenatedWords(_ lines: [SourceLine]) -> Set<String> {
        guard lines.contains(where: { $0.text.hasSuffix("-") }) else { return [] }
        var result: Set<String> = []
        for line in lines where line.text.utf8.contains(0x2D) {
            for word in TextTraits.words(line.text) where word.utf8.contains(0x2D) && !word.hasSuffix("-") {
                // Every first part of a compound written whole ("бизнес" from "бизнес-процестер").
                let parts = TextTraits.folded(TextTraits.bare(word)).split(separator: "-")
                for end in parts.indices.dropLast() {
                    result.insert(parts[...end].joined(separator: "-"))
                }
            }
        }
        return result
    }
}
