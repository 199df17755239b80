/// Finds OCR'd table and diagram debris — fragments, dash rows, lone numbers, bars, flattened columns — and
/// marks each run as one opaque block, so that it is never misread as points or paragraphs.
struct DebrisDetector {
    /// Marks runs of OCR debris: fragments of tables and diagrams that are not running text.
    func mark(_ lines: [SourceLine], _ roles: inout [LineRole]) {
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
        var initial = false  // "Е." / "Е.Н.": capitals each followed by a period — a name's initials
        var previousWasCapital = false
        var allInitials = true
        func endWord() {
            if inWord, letters <= 2, digits == 0, !(initial && allInitials) { scraps += 1 }
            inWord = false
            letters = 0
            digits = 0
            initial = false
            allInitials = true
            previousWasCapital = false
        }
        for scalar in text.unicodeScalars {
            if TextTraits.isBlank(scalar) { endWord(); continue }
            if !inWord { inWord = true; words += 1 }
            if TextTraits.isLetter(scalar) {
                letters += 1
                if !TextTraits.isUpper(scalar) || previousWasCapital { allInitials = false }
                previousWasCapital = TextTraits.isUpper(scalar)
            } else if scalar == "." && previousWasCapital {
                initial = true
                previousWasCapital = false
            } else {
                if TextTraits.isDigit(scalar) { digits += 1 }
                allInitials = false
                previousWasCapital = false
            }
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
