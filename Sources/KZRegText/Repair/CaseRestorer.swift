import Foundation

/// How a decoded word is written.
enum CaseClass: Int, Sendable {
    case lower = 0, capitalized = 1, allCaps = 2
}

/// Where a garbled word stands, as far as its letter case is concerned.
struct CaseContext {
    /// The word belongs to a run of words judged to be written in ALL CAPS (see `CaseRestorer.allCapsTokens`).
    var capsLine: Bool
    var sentenceStart: Bool
    /// The previous word (lower case), or "(" when the token opens a bracket.
    var previous: String? = nil
    /// The next word (lower case), when only a space separates it.
    var next: String? = nil
    /// The token is an initial: one letter and a full stop before a capitalized name.
    var initial = false
    /// The token follows an initial: a surname.
    var surname = false
    /// The word opens a quote mid-sentence (its capital then depends on the word: a title or not).
    var opensQuote = false
}

/// Gives a decoded garbled word back its letter case (lower / Capitalized / ALL CAPS).
///
/// The garble's own case is weak evidence: scanned lower-case к, м, т, н … print as Latin capitals, so context
/// decides (sentence starts, the model's usually-capitalized and all-caps words, caps-looking headings and
/// formulae), and the glyph evidence used is the kind that does not lie: a glyph that only ever imitates the
/// lower-case form of the decoded letter (a, e, o … for а, е, о; 6 or G for б; 9 for ә) rules out a capital, and
/// how often the document prints lower-case а, е, р, х as capitals says how much a short line of capitals means.
struct CaseRestorer {
    let model: GarbleModel

    /// The case class of `word`, the lower-case reading of `garble`; `oov` when the reading is not in the lexicon.
    func caseClass(of garble: String, reading word: String, context: CaseContext, oov: Bool) -> CaseClass {
        let capsLooking = Self.capsLooking(garble)
        if capsLooking && (context.capsLine || model.isAllCapsWord(word) || Self.isAbbreviation(word)) { return .allCaps }
        var first: Unicode.Scalar? = nil
        for u in garble.unicodeScalars where Self.isLetterLike(u) || (u.value >= 48 && u.value <= 57) { first = u; break }
        guard let f = first else { return .lower }
        // a glyph after a leading mark ("[udpasik", "[{upisik": Ц) is not the letter's first stroke: no evidence
        let leading = f == garble.unicodeScalars.first
        if leading && Self.lowerShaped(f, letter: word.unicodeScalars.first) { return .lower }
        let v = f.value
        let upper = leading && ((v >= 65 && v <= 90) || v == 0xA5)
        let noCase = !leading || (!(v >= 97 && v <= 122) && !upper)   // digits, ">", ")" …: no case evidence
        if context.opensQuote && model.isLowerCaseAfterQuote(word) { return .lower }
        if context.sentenceStart && (upper || noCase) { return .capitalized }
        if model.isCapitalizedWord(word) { return .capitalized }
        if let previous = context.previous, model.isCapitalized(word, after: previous) { return .capitalized }
        // a name, if its capital is unmistakable (lower-case с, о, у often print as C, O, Y)
        if oov && "AEPX".unicodeScalars.contains(f) { return .capitalized }
        return .lower
    }

    /// A glyph that, as the first glyph of a word read with first letter `letter`, only ever imitates the
    /// lower-case form of that letter: lower-case Latin look-alikes (a, e, o, p, c …), and the shapes of
    /// lower-case б (6, G, O, S), ә and э (9), ө (6), ж (*, >).
    static func lowerShaped(_ glyph: Unicode.Scalar, letter: Unicode.Scalar?) -> Bool {
        if "aeopcyxiungdrfs".unicodeScalars.contains(glyph) { return true }
        guard let letter else { return false }
        switch letter {
        case "б": return "6GOS".unicodeScalars.contains(glyph)
        case "ә", "э": return glyph == "9"
        case "ө": return glyph == "6"
        case "ж": return glyph == "*" || glyph == ">"
        default: return false
        }
    }

    /// A reading with no vowel (РМК, ШЖҚ, НҚ) is an abbreviation, written in capitals when its garble looks so.
    static func isAbbreviation(_ word: String) -> Bool {
        var letters = 0
        for s in word.unicodeScalars {
            if "аәеёиоөуұүыіэюя".unicodeScalars.contains(s) { return false }
            if s.properties.isAlphabetic { letters += 1 }
        }
        return letters >= 2
    }

    /// Garble with no lower-case Latin letter except b and l (ы and Ы both look like "bI").
    static func capsLooking(_ core: String) -> Bool { capsLooking(utf8: core.utf8) }

    static func capsLooking<Bytes: Sequence<UInt8>>(utf8: Bytes) -> Bool {
        var letters = 0
        for u in utf8 {
            if u >= 97 && u <= 122 && u != 98 && u != 108 { return false }
            if (u >= 65 && u <= 90) || u == 98 { letters += 1 }
        }
        return letters >= 2
    }

    static func applyCase(_ word: String, _ caseClass: CaseClass) -> String {
        switch caseClass {
        case .allCaps: return word.uppercased()
        case .capitalized:
            guard let f = word.first else { return word }
            return f.uppercased() + word.dropFirst()
        case .lower: return word
        }
    }

    @inline(__always) static func isLetterLike(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 || v == 0x3E || v == 0x29 || v == 0x25 || v == 0x2A }
        if v >= 0xC0 && v < 0x530 { return true }
        return v == 0xA5 || v == 0x20AC || v == 0xA9
    }
}

extension CaseRestorer {
    /// Per token: is it one of the words of a run written in ALL CAPS? Evidence, over the garbled tokens:
    /// - a line whose garbled words all look caps (`capsLooking`) that starts a paragraph (unless it runs on,
    ///   without an end of its own, into the next line's lower-case text), goes on from an ALL-CAPS line that
    ///   does not end a sentence, holds a word usually written in capitals (БҰЙЫРАМЫН), or is a formula of at
    ///   most two words ending with a finite verb and ":" or a quoted stamp ("КЕЛІСІЛДІ") whose capitals are
    ///   unlikely for this document's lower case;
    /// - the two caps-looking words that end a paragraph with a finite verb and ":" (an enacting formula).
    func allCapsTokens(_ tokens: [RepairToken], _ bytes: [UInt8], decoded: [Bool],
                       bestWord: (String) -> String?) -> [Bool] {
        var caps = [Bool](repeating: false, count: tokens.count)
        // the words weighed: decoded tokens with at least two Latin letters (tokens are unjoined, their core is
        // bytes[coreStart..<coreEnd])
        var isWord = [Bool](repeating: false, count: tokens.count)
        var looksCaps = [Bool](repeating: false, count: tokens.count)
        var upper = 0, lower = 0
        let classes = Self.byteClasses
        for i in tokens.indices where decoded[i] {
            let start = tokens[i].coreStart, end = tokens[i].coreEnd
            guard tokens[i].latin >= 2 && end > start else { continue }
            isWord[i] = true
            // `capsLooking` and, past the first byte, the capital and small a, e, p, x in one pass
            var letters = 0, small: UInt8 = 0, capitalAEPX = 0, smallAEPX = 0
            for k in start..<end {
                let c = classes[Int(bytes[k])]
                small |= c & 1
                letters &+= Int(c >> 1 & 1)
                capitalAEPX &+= Int(c >> 2 & 1)
                smallAEPX &+= Int(c >> 3 & 1)
            }
            let first = classes[Int(bytes[start])]
            upper += capitalAEPX - Int(first >> 2 & 1)
            lower += smallAEPX - Int(first >> 3 & 1)
            looksCaps[i] = small == 0 && letters >= 2
        }
        func core(_ i: Int) -> String { tokens[i].core(bytes)! }
        // log-likelihood ratio of one capital A/E/P/X: ALL CAPS (≈0.9) against this document's lower case
        let rate = min(max(Double(upper + 1) / Double(upper + lower + 5), 0.02), 0.6)
        let perCapital = log(0.9 / rate)
        func evidence(_ i: Int) -> Double {
            guard isWord[i] else { return 0 }
            var n = 0
            for u in bytes[tokens[i].coreStart..<tokens[i].coreEnd] {
                if u == 0x41 || u == 0x45 || u == 0x50 || u == 0x58 { n += 1 }
            }
            return Double(n) * perCapital
        }

        // do all the garbled words of the line that starts at token `from` look caps?
        func lineLooksCaps(from: Int) -> Bool {
            var k = from, any = false
            while k < tokens.count && tokens[k].line == tokens[from].line {
                if isWord[k] { if !looksCaps[k] { return false }; any = true }
                k += 1
            }
            return any
        }
        // an enacting formula ends with a finite verb (ЕТЕДІ, ҚАБЫЛДАДЫ, БҰЙЫРАМЫН), not a noun ("ҚЫЗМЕТТІ АЛУШЫ:")
        func endsEnactingVerb(_ i: Int) -> Bool {
            guard let word = bestWord(core(i)) else { return false }
            return model.isAllCapsWord(word) || Self.finiteVerbEndings.contains { word.hasSuffix($0) }
        }

        // lines whose garbled words all look caps, line by line (tokens come in line order)
        var words: [Int] = []
        var previousLine = -2, previousLast = -1, previousCaps = false   // the last line with tokens
        var start = 0
        while start < tokens.count {
            let line = tokens[start].line
            var end = start
            var allCaps = true
            words.removeAll(keepingCapacity: true)
            while end < tokens.count && tokens[end].line == line {
                if isWord[end] { words.append(end); allCaps = allCaps && looksCaps[end] }
                end += 1
            }
            let last = end - 1
            var isCaps = false
            if !words.isEmpty && allCaps {
                let previous = line > 0 && previousLine == line - 1 ? previousLast : nil
                let paragraphStart = previous.map { GarbleRepairer.endsClause(tokens[$0], bytes) } ?? true
                // a heading goes on from an ALL-CAPS line that does not end a sentence
                let continued = previousCaps && previousLine == line - 1
                    && !GarbleRepairer.endsSentence(tokens[previous!], bytes)
                let capsWord = words.contains { i in bestWord(core(i)).map { model.isAllCapsWord($0) } ?? false }
                // a line that starts a paragraph but runs on into the next line's lower-case text is OCR capitals
                // in a sentence, not a heading
                let runsOn = !capsWord && !GarbleRepairer.endsClause(tokens[last], bytes)
                    && end < tokens.count && tokens[end].line == line + 1 && !lineLooksCaps(from: end)
                    && !Self.startsItem(tokens[end], bytes)
                isCaps = continued || capsWord || (paragraphStart && !runsOn)
                if !isCaps, words.count <= 2, let first = words.first {
                    // a formula line ("ҚАУЛЫ ЕТЕДІ:") or a quoted stamp ("КЕЛІСІЛДІ")
                    let lastByte = bytes[tokens[last].end - 1]
                    let quoted = lastByte == 0x22 && bytes[tokens[first].start] == 0x22
                    isCaps = (quoted || (lastByte == 0x3A && endsEnactingVerb(words.last!)))
                        && words.reduce(0) { $0 + evidence($1) } >= Self.lineEvidence
                }
                if isCaps { for i in words { caps[i] = true } }
            }
            previousLine = line
            previousLast = last
            previousCaps = isCaps
            start = end
        }

        // an enacting formula: the last two words of a paragraph that ends with ":", both caps-looking, with at
        // most a line break between them (ҚАУЛЫ ЕТЕДІ:, ШЕШІМ ҚАБЫЛДАДЫ:); without a blank line after it, the
        // last word must be one usually written in capitals (ЕТЕДІ)
        for (i, t) in tokens.enumerated() where isWord[i] && looksCaps[i] && bytes[t.end - 1] == 0x3A {
            let paragraphEnd = i + 1 == tokens.count || tokens[i + 1].line > t.line + 1
                || (tokens[i + 1].line > t.line && bestWord(core(i)).map(model.isAllCapsWord) == true)
            guard paragraphEnd, i > 0, isWord[i - 1], looksCaps[i - 1], tokens[i - 1].line + 1 >= t.line,
                  endsEnactingVerb(i),
                  tokens[i - 1].end < t.start, !GarbleRepairer.endsClause(tokens[i - 1], bytes) else { continue }
            caps[i] = true
            caps[i - 1] = true
        }
        return caps
    }

    /// Per byte: 1 a small Latin letter other than b and l (not caps-looking), 2 a capital or b (a caps-looking
    /// letter), 4 a capital A, E, P or X, 8 a small a, e, p or x.
    private static let byteClasses: [UInt8] = (0...255).map { (u: Int) -> UInt8 in
        var c: UInt8 = 0
        if u >= 97 && u <= 122 && u != 98 && u != 108 { c |= 1 }
        if (u >= 65 && u <= 90) || u == 98 { c |= 2 }
        if u == 0x41 || u == 0x45 || u == 0x50 || u == 0x58 { c |= 4 }
        if u == 0x61 || u == 0x65 || u == 0x70 || u == 0x78 { c |= 8 }
        return c
    }

    /// Endings of the finite verb that closes an enacting formula (ЕТЕДІ, ҚАБЫЛДАДЫ, ШЕШТІ, БҰЙЫРАМЫН, ЕТЕМІН).
    static let finiteVerbEndings = ["ды", "ді", "ты", "ті", "мын", "мін", "мыз", "міз"]

    /// A token that opens a list item or a numbered point ("1.", "2)", "-", "–").
    static func startsItem(_ token: RepairToken, _ bytes: [UInt8]) -> Bool {
        let b = bytes[token.start]
        return (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0xE2
    }

    /// Log-likelihood ratio a formula or stamp line needs from its capitals.
    static let lineEvidence = 2.0
}
