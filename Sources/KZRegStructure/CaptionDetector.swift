/// Finds annex caption blocks: the anchor line that ends with the annex word ("... 1-қосымша") or the approval
/// word ("... бекітілген"), and the short caption lines above it (or below a leading "Бекітілген").
struct CaptionDetector {
    /// Lines longer than this are never part of a caption block (the anchor line excepted).
    var maxLineLength: Int
    /// How many lines above its anchor a caption block may reach.
    var maxLines: Int

    /// Marks caption lines and returns what each caption group says.
    func mark(_ lines: [SourceLine], _ roles: inout [LineRole]) -> [Int: AnnexCaptionInfo] {
        var captions: [Int: AnnexCaptionInfo] = [:]
        var group = 0
        for index in lines.indices where roles[index] == .free && !lines[index].isBlank {
            let text = lines[index].text
            guard !TextTraits.endsTerminated(text), let anchor = anchor(at: index, lines) else { continue }
            // "... құжатты қосымша" + "ұсынады.": the word "қосымша" (additionally) inside a wrapped sentence.
            // A numbered annex word or one right after the caption dative ("қаулысына 2-қосымша") is a caption
            // even when the next line starts in lower case (OCR and repair get the case wrong).
            let anchorWords = TextTraits.words(text)
            let namesTarget = anchor.number != nil
                || anchorWords.count >= 2 && HeadingParser.isCaptionDative(anchorWords[anchorWords.count - 2])
            if !namesTarget, index + 1 < lines.count, !lines[index + 1].isBlank, TextTraits.startsLowercase(lines[index + 1].text) {
                continue
            }
            group += 1
            var first = index
            var cursor = index - 1
            var taken = 0
            var blankRun = 0
            while cursor >= 0, taken < maxLines {
                let line = lines[cursor]
                if line.isBlank {
                    blankRun += 1
                    // A caption broken by blank lines continues mid-phrase below the gap ("министрінің",
                    // "2016 жылғы ...", "№ 52 ..."); a capitalized line below the gap starts the caption.
                    if blankRun > 3 || !continuesCaption(lines[first].text) { break }
                    cursor -= 1
                    continue
                }
                guard roles[cursor] == .free, isCaptionContinuation(line.text, below: lines[first].text) else { break }
                blankRun = 0
                first = cursor
                taken += 1
                cursor -= 1
            }
            // A caption starts a block: if the line right above it is running text that breaks off
            // unfinished, the "caption" is really the tail of that sentence ("... № 279 бұйрығымен бекітілген
            // "Оралман мәртебесін беру" Стандартындағы ..."), not a caption.
            // Likewise a "caption" whose first line starts in lower case continues a sentence (across a page
            // break, say).
            // OCR (and its repair) also gets the case of the first letter wrong: a lower-case caption start right
            // under a signature's name line still starts a caption.
            // Likewise right under another caption block ("... 2-қосымша" above "... қаулысымен бекітілген").
            var above = first - 1
            while above >= 0, lines[above].isBlank, first - above <= 3 { above -= 1 }
            let underSignature = above >= 0 && !lines[above].isBlank
                && (above == first - 1 && (TextTraits.isNameLine(lines[above].text) || TextTraits.isPositionLine(lines[above].text))
                    || Self.isCaption(roles[above]))
            if TextTraits.startsLowercase(lines[first].text) && !underSignature || (first > 0 && roles[first - 1] == .free
                && !lines[first - 1].isBlank && continuesSentence(above: lines[first - 1].text)) {
                group -= 1
                continue
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
        return captions
    }

    /// The caption anchor a line ends, reading a lone annex word with the dative that ends the line above
    /// ("№ 331 бұйрыққа" / "қосымшаға").
    private func anchor(at index: Int, _ lines: [SourceLine]) -> AnnexCaptionInfo? {
        let text = lines[index].text
        if let anchor = HeadingParser.captionAnchor(text) { return anchor }
        // "1-қосым ша": the annex word split by a stray space.
        let words = TextTraits.words(text)
        if words.count >= 2, let tail = words.last, tail.count <= 4, words[words.count - 2].count >= 4,
           FormulaMatcher.matches(String(words[words.count - 2].drop { !$0.isLetter }) + String(tail), FormulaMatcher.annex, maxDistance: 1) {
            var head = text[..<tail.startIndex]
            while head.last == " " || head.last == "\t" { head = head.dropLast() }
            let joined = String(head) + String(tail)
            if let anchor = HeadingParser.captionAnchor(joined), anchor.isAnnex { return anchor }
        }
        guard index > 0, !lines[index - 1].isBlank, TextTraits.words(text).count == 1,
              let dative = TextTraits.words(lines[index - 1].text).last, HeadingParser.isCaptionDative(dative),
              var anchor = HeadingParser.captionAnchor(dative + " " + text) else { return nil }
        anchor.target = HeadingParser.target(of: lines[index - 1].text + " " + text)
        return anchor
    }

    private static func isCaption(_ role: LineRole) -> Bool {
        if case .caption = role { return true }
        return false
    }

    /// Whether an unfinished line of running text stands right above a would-be caption.
    private func continuesSentence(above text: String) -> Bool {
        if TextTraits.endsTerminated(text) || TextTraits.isNameLine(text) || TextTraits.isPositionLine(text) {
            return false
        }
        if ActHeaderVocabulary.isStatusLine(text) || HeadingParser.chapter(text) != nil { return false }
        // Short lines without a stop are signature or heading lines; running text is long or numbered.
        return HeadingParser.numbering(text) != nil || text.count > maxLineLength
    }

    /// Whether a caption line reads as the continuation of the line above it.
    private func continuesCaption(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if TextTraits.startsLowercase(text) || TextTraits.isDigit(first) || first == "№" { return true }
        // A fragment of two or three characters is OCR's remains of "№" or a quote, not a sentence start.
        if text.count <= 3 { return true }
        // "Қаулысына 1-қосымша" with the first letter OCR'd in upper case still continues the caption above.
        let words = TextTraits.words(text.prefix(80))
        return words.count <= 4 && words.dropLast().contains { HeadingParser.isCaptionDative($0) }
            && HeadingParser.captionAnchor(text)?.isAnnex == true
    }

    /// Whether a line above an anchor can be part of its caption block.
    private func isCaptionContinuation(_ text: String, below: String) -> Bool {
        if text.utf8.count > maxLineLength * 4 || text.count > maxLineLength { return false }
        if TextTraits.endsTerminated(text) && !text.hasSuffix("ж.") { return false }
        if HeadingParser.numbering(text) != nil || HeadingParser.chapter(text) != nil { return false }
        if TextTraits.isNameLine(text) { return false }
        // "... министрі" right above the caption's date line is the issuer named in the caption with its
        // genitive ending lost to OCR ("министрінің" → "министрі"), not a signature's position line.
        if TextTraits.isPositionLine(text), !(below.first?.isNumber == true && KazakhDateParser().firstMatch(in: below) != nil) {
            return false
        }
        if HeadingParser.captionAnchor(text) != nil { return false }
        if ActHeaderVocabulary.isStatusLine(text) { return false }
        return true
    }

    /// "Бекітілген" / "1-қосымша" written above the caption lines: the line that names the act ends it.
    private func downwardCaptionEnd(from index: Int, _ lines: [SourceLine], _ roles: [LineRole]) -> Int? {
        var cursor = index + 1
        var taken = 0
        while cursor < lines.count, taken < 6 {
            let line = lines[cursor]
            if line.isBlank { cursor += 1; continue }
            guard roles[cursor] == .free, line.text.count <= maxLineLength,
                  HeadingParser.numbering(line.text) == nil else { return nil }
            taken += 1
            let words = TextTraits.words(TextTraits.folded(line.text)).map { String(TextTraits.bare($0)) }
            if words.contains(where: { HeadingParser.actDatives.contains($0) }) { return cursor }
            if TextTraits.endsTerminated(line.text) { return nil }
            cursor += 1
        }
        return nil
    }
}
