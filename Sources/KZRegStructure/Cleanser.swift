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

    private enum Role: Equatable {
        case free, table, caption(Int), debris(Int)
    }

    /// The cleansed blocks of already split lines.
    public func cleanse(lines: [SourceLine]) -> [CleansedBlock] {
        var roles = [Role](repeating: .free, count: lines.count)
        markTables(lines, &roles)
        var captions: [Int: AnnexCaptionInfo] = [:]
        markCaptions(lines, &roles, &captions)
        markDebris(lines, &roles)
        let indentMode = usesIndentedParagraphs(lines)
        let hyphenated = hyphenatedWords(lines)

        var blocks: [CleansedBlock] = []
        var index = 0
        var blanks = 0
        var current: Builder?
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
                var builder = Builder(kind: .tableRow, first: line, index: index, blanksBefore: blanks)
                builder.cells = line.text.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { String($0.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
                blocks.append(builder.block())
                index += 1
            case .caption(let group), .debris(let group):
                flush()
                let isCaption = roles[index] == .caption(group)
                let kind: CleansedBlock.Kind = isCaption ? .caption(captions[group]!) : .debris
                var builder = Builder(kind: kind, first: line, index: index, blanksBefore: blanks)
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
                if var builder = current, !separatesActLine(builder.lastLine, line, lineIndex: index),
                   let join = joiner(previous: builder.lastLine, next: line, blanks: blanks,
                                     indentMode: indentMode, hyphenated: hyphenated) {
                    builder.append(line, index: index, separator: join.separator, dropTrailingHyphen: join.dropHyphen)
                    current = builder
                } else {
                    flush()
                    current = Builder(kind: .text, first: line, index: index, blanksBefore: blanks)
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
        if !TextTraits.startsLowercase(next.text), let last = TextTraits.words(previous.text).last,
           parser.actType(of: last, nominativeOnly: true) != nil, parser.parse(previous.text) != nil {
            return true
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
    private func joiner(previous: SourceLine, next: SourceLine, blanks: Int, indentMode: Bool,
                        hyphenated: Set<String>) -> Join? {
        let text = next.text
        if startsBlock(text, after: previous.text, blanks: blanks) { return nil }
        if blanks >= 1 && TextTraits.isNameLine(previous.text) { return nil }
        let previousTerminated = TextTraits.endsTerminated(previous.text)
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
                if previousTerminated && !TextTraits.startsLowercase(text) { return nil }
                if TextTraits.isPositionLine(previous.text) && previous.text.count <= 60 { return nil }
            case 1:
                guard !previousTerminated,
                      TextTraits.startsLowercase(text) || TextTraits.startsWithClosingPunctuation(text) else { return nil }
            default:
                if previousTerminated { return nil }
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
        guard text.utf8.count <= 40 else { return false }
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
                return blanks > 0 || TextTraits.endsTerminated(previous) || HeadingParser.numbering(previous) != nil
            }
        }
        if HeadingParser.chapter(text) != nil { return true }
        if TextTraits.isNameLine(text) { return true }
        if Self.isFormLabel(text) || Self.isFormLabel(previous) { return true }
        guard let lead = text.unicodeScalars.first, "ЕеШшҚқКк©".unicodeScalars.contains(lead) else { return false }
        let folded = TextTraits.folded(text.prefix(24))
        if folded.hasPrefix("ескерту") || folded.hasPrefix("шартты белгі") || text.hasPrefix("©") { return true }
        if ActHeaderVocabulary.isStatusLine(text) { return true }
        return false
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

    // MARK: Tables, captions, debris

    private func markTables(_ lines: [SourceLine], _ roles: inout [Role]) {
        for index in lines.indices where lines[index].hasTab {
            roles[index] = .table
        }
        // Dash rules between or after table rows ("-----") belong to the table.
        for index in lines.indices where roles[index] == .free && isRule(lines[index].text) {
            let nearTable = (index > 0 && roles[index - 1] == .table)
                || (index + 1 < lines.count && roles[index + 1] == .table)
            if nearTable { roles[index] = .table }
        }
    }

    private func isRule(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { TextTraits.isDash($0) || $0 == " " || $0 == "_" || $0 == "=" }
            && text.count >= 2
    }

    private func markCaptions(_ lines: [SourceLine], _ roles: inout [Role], _ captions: inout [Int: AnnexCaptionInfo]) {
        var group = 0
        for index in lines.indices where roles[index] == .free && !lines[index].isBlank {
            let text = lines[index].text
            guard !TextTraits.endsTerminated(text), let anchor = HeadingParser.captionAnchor(text) else { continue }
            // "... құжатты қосымша" + "ұсынады.": the word "қосымша" (additionally) inside a wrapped sentence.
            if index + 1 < lines.count, !lines[index + 1].isBlank, TextTraits.startsLowercase(lines[index + 1].text) {
                continue
            }
            group += 1
            var first = index
            var cursor = index - 1
            var taken = 0
            var blankRun = 0
            while cursor >= 0, taken < maxCaptionLines {
                let line = lines[cursor]
                if line.isBlank {
                    blankRun += 1
                    // A caption broken by blank lines continues mid-phrase below the gap ("министрінің",
                    // "2016 жылғы ...", "№ 52 ..."); a capitalized line below the gap starts the caption.
                    if blankRun > 2 || !continuesCaption(lines[first].text) { break }
                    cursor -= 1
                    continue
                }
                guard roles[cursor] == .free, isCaptionContinuation(line.text) else { break }
                blankRun = 0
                first = cursor
                taken += 1
                cursor -= 1
            }
            var last = index
            if taken == 0 && TextTraits.words(text).count <= 2 {
                last = downwardCaptionEnd(from: index, lines, roles) ?? index
            }
            for line in first...last where !lines[line].isBlank { roles[line] = .caption(group) }
            // Caption text decides the annex's target (act or approved text).
            let captionText = lines[first...last].filter { !$0.isBlank }.map(\.text).joined(separator: " ")
            var info = anchor
            info.target = HeadingParser.target(of: captionText)
            if info.number == nil, let number = HeadingParser.captionAnchor(captionText)?.number { info.number = number }
            captions[group] = info
        }
    }

    /// Whether a caption line reads as the continuation of the line above it.
    private func continuesCaption(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return TextTraits.startsLowercase(text) || TextTraits.isDigit(first) || first == "№"
    }

    /// Whether a line above an anchor can be part of its caption block.
    private func isCaptionContinuation(_ text: String) -> Bool {
        if text.utf8.count > maxCaptionLineLength * 4 || text.count > maxCaptionLineLength { return false }
        if TextTraits.endsTerminated(text) && !text.hasSuffix("ж.") { return false }
        if HeadingParser.numbering(text) != nil || HeadingParser.chapter(text) != nil { return false }
        if TextTraits.isNameLine(text) || TextTraits.isPositionLine(text) { return false }
        if HeadingParser.captionAnchor(text) != nil { return false }
        if ActHeaderVocabulary.isStatusLine(text) { return false }
        return true
    }

    /// "Бекітілген" / "1-қосымша" written above the caption lines: the line that names the act ends it.
    private func downwardCaptionEnd(from index: Int, _ lines: [SourceLine], _ roles: [Role]) -> Int? {
        var cursor = index + 1
        var taken = 0
        while cursor < lines.count, taken < 6 {
            let line = lines[cursor]
            if line.isBlank { cursor += 1; continue }
            guard roles[cursor] == .free, line.text.count <= maxCaptionLineLength,
                  HeadingParser.numbering(line.text) == nil else { return nil }
            taken += 1
            let words = TextTraits.words(TextTraits.folded(line.text)).map { String(TextTraits.bare($0)) }
            if words.contains(where: { HeadingParser.actDatives.contains($0) }) { return cursor }
            if TextTraits.endsTerminated(line.text) { return nil }
            cursor += 1
        }
        return nil
    }

    /// Marks runs of OCR debris: fragments of tables and diagrams that are not running text.
    private func markDebris(_ lines: [SourceLine], _ roles: inout [Role]) {
        var junk = [Bool](repeating: false, count: lines.count)
        for index in lines.indices where roles[index] == .free && !lines[index].isBlank {
            junk[index] = isJunk(lines[index].text)
        }
        var group = 1_000_000
        var index = 0
        while index < lines.count {
            guard junk[index] else { index += 1; continue }
            // Grow a run forward over junk lines, fragments and short blank gaps.
            var last = index
            var junkCount = 1
            var cursor = index + 1
            var blankRun = 0
            while cursor < lines.count {
                let line = lines[cursor]
                if line.isBlank { blankRun += 1; if blankRun > 3 { break }; cursor += 1; continue }
                guard roles[cursor] == .free else { break }
                if junk[cursor] { junkCount += 1; last = cursor }
                else if isFragment(line.text) {
                    // A fragment belongs to the run only if more junk follows soon.
                    var lookahead = cursor + 1
                    var found = false
                    var steps = 0
                    while lookahead < lines.count, steps < 4 {
                        if roles[lookahead] != .free { break }
                        if junk[lookahead] { found = true; break }
                        if !lines[lookahead].isBlank && !isFragment(lines[lookahead].text) { break }
                        lookahead += 1
                        steps += 1
                    }
                    if !found { break }
                } else {
                    break
                }
                blankRun = 0
                cursor += 1
            }
            if junkCount >= 2 {
                var first = index
                var back = index - 1
                var steps = 0
                while back >= 0, steps < 4, roles[back] == .free {
                    if lines[back].isBlank { back -= 1; steps += 1; continue }
                    guard isFragment(lines[back].text), lines[back].text.count <= 50 else { break }
                    first = back
                    back -= 1
                    steps += 1
                }
                group += 1
                for line in first...last where !lines[line].isBlank { roles[line] = .debris(group) }
            }
            index = last + 1
        }
    }

    /// A line that cannot be running text: no letters at all, a lone number, a ruler, bars, or mostly
    /// one- and two-letter scraps.
    func isJunk(_ text: String) -> Bool {
        if text.utf8.count > 600 { return false }
        let counts = TextTraits.letterCounts(text)
        if counts.letters == 0 {
            // "1", "---", ". . .", "| |" — but not a bare point number "1." before its text.
            return HeadingParser.numbering(text) == nil || text.count > 4
        }
        if text.utf8.contains(0x7C) { return true }  // "|"
        // Table columns flattened into one line: two or more gaps of several spaces in a short line.
        if text.utf8.count <= 200, !TextTraits.endsTerminated(text) {
            var gaps = 0
            var run = 0
            for byte in text.utf8 {
                if byte == 0x20 { run += 1 } else { if run >= 2 { gaps += 1 }; run = 0 }
            }
            if gaps >= 2 { return true }
        }
        // One pass: count words and "scraps" (words with one or two letters and no digit).
        var words = 0
        var scraps = 0
        var inWord = false
        var letters = 0
        var digits = 0
        func endWord() {
            if inWord, letters <= 2, digits == 0 { scraps += 1 }
            inWord = false
            letters = 0
            digits = 0
        }
        for scalar in text.unicodeScalars {
            if TextTraits.isBlank(scalar) { endWord(); continue }
            if !inWord { inWord = true; words += 1 }
            if TextTraits.isLetter(scalar) { letters += 1 } else if TextTraits.isDigit(scalar) { digits += 1 }
        }
        endWord()
        return words >= 3 && scraps * 10 >= words * 4
    }

    /// A short line that does not end a sentence.
    func isFragment(_ text: String) -> Bool {
        text.utf8.count <= 160 && text.count <= 60 && !TextTraits.endsTerminated(text) && HeadingParser.numbering(text) == nil
            && HeadingParser.captionAnchor(text) == nil
    }
}

/// Builds a `CleansedBlock` line by line.
private struct Builder {
    var kind: CleansedBlock.Kind
    var text: String
    var lines: [String]
    var pieces: [CleansedBlock.Piece]
    var firstLine: SourceLine
    var lastLine: SourceLine
    var firstIndex: Int
    var lastIndex: Int
    var blanksBefore: Int
    var cells: [String]?
    private var utf8Count: Int

    init(kind: CleansedBlock.Kind, first: SourceLine, index: Int, blanksBefore: Int) {
        self.kind = kind
        self.text = ""
        self.lines = []
        self.utf8Count = 0
        self.pieces = []
        self.firstLine = first
        self.lastLine = first
        self.firstIndex = index
        self.lastIndex = index
        self.blanksBefore = blanksBefore
        appendContent(of: first)
    }

    /// Appends a line's content with runs of spaces inside it squeezed to one (table rows and debris stay as
    /// they are),
    /// recording one piece per copied stretch so that spans still map byte for byte.
    private mutating func appendContent(of line: SourceLine) {
        let squeeze: Bool
        switch kind {
        case .text, .caption: squeeze = true
        case .tableRow, .debris: squeeze = false  // kept as written
        }
        var added = ""
        line.text.utf8.withContiguousStorageIfAvailable { bytes in
            var segmentStart = 0
            var index = 0
            func flush(_ end: Int) {
                guard end > segmentStart else { return }
                pieces.append(CleansedBlock.Piece(textStart: utf8Count, sourceStart: line.contentStart + segmentStart,
                                                  length: end - segmentStart))
                let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<end]), as: UTF8.self)
                added += segment
                utf8Count += end - segmentStart
            }
            while squeeze && index + 1 < bytes.count {
                if bytes[index] == 0x20 && bytes[index + 1] == 0x20 {
                    flush(index + 1)  // keep one space
                    var next = index + 1
                    while next < bytes.count && bytes[next] == 0x20 { next += 1 }
                    segmentStart = next
                    index = next
                } else {
                    index += 1
                }
            }
            flush(bytes.count)
        }
        text += added
        lines.append(added)
    }

    mutating func append(_ line: SourceLine, index: Int, separator: String, dropTrailingHyphen: Bool = false) {
        if dropTrailingHyphen, text.hasSuffix("-") {
            text.removeLast()
            utf8Count -= 1
            pieces[pieces.count - 1].length -= 1
        }
        text += separator
        utf8Count += separator.utf8.count
        appendContent(of: line)
        lastLine = line
        lastIndex = index
    }

    func block() -> CleansedBlock {
        CleansedBlock(kind: kind, text: text, lines: lines,
                      span: SourceSpan(start: firstLine.contentStart, end: lastLine.contentEnd),
                      lineRange: firstIndex...lastIndex, blankLinesBefore: blanksBefore, indent: firstLine.indent,
                      cells: cells, pieces: pieces)
    }
}
