/// What both passes of a repair share: the tokens and which of them are decoded. Neither depends on the
/// channel, so the adapted second pass reuses the first pass's.
struct RepairPassInput {
    let tokens: [RepairToken]
    /// Per token: garbled, to be decoded (its document or its line is garbled, it has Latin letters and is
    /// not a URL, e-mail, Roman numeral or known Latin term).
    let toDecode: [Bool]
    /// Whether this scan prints the descender of ң as a comma after the "H" (decided from the whole text).
    let descenderCommas: Bool
    /// How many tokens are decoded (a bound on a pass's edits).
    let decodeCount: Int

    init(_ bytes: [UInt8], documentGarbleThreshold: Double, descenderCommaRate: Float) {
        let tokens = RepairTokenizer.tokens(bytes)
        self.tokens = tokens
        // Document and line level evidence: how much of the text is Latin look-alike?
        var latinWords = 0, letterWords = 0
        for t in tokens where t.letters >= 2 {
            letterWords += 1
            if t.latin > 0 && t.cyrillic == 0 { latinWords += 1 }
        }
        let docGarbled = letterWords > 0 && Double(latinWords) / Double(letterWords) >= documentGarbleThreshold
        var lineGarbled: [Int: Bool] = [:]
        if !docGarbled {
            var stats: [Int: (Int, Int)] = [:]
            for t in tokens where t.letters >= 2 {
                var s = stats[t.line] ?? (0, 0)
                s.0 += 1
                if t.latin > 0 && t.cyrillic == 0 && !t.looksLikeLegitLatin(bytes) { s.1 += 1 }
                stats[t.line] = s
            }
            for (line, s) in stats { lineGarbled[line] = s.1 >= 3 && Double(s.1) >= 0.6 * Double(s.0) }
        }
        var toDecode = [Bool](repeating: false, count: tokens.count)
        var decodeCount = 0
        for (i, t) in tokens.enumerated() {
            guard docGarbled || (lineGarbled[t.line] ?? false) else { continue }
            guard t.latin > 0, !t.looksLikeLegitLatin(bytes) else { continue }
            toDecode[i] = true
            decodeCount += 1
        }
        self.toDecode = toDecode
        self.decodeCount = decodeCount
        // Some scans (bold serif faces) print the descender of ң as a comma after the "H" or "n":
        // "KbI3MeTIHIH,", "Gepyminin,". Real commas follow about 3 % of the words that end in "H" or "n"; these
        // scans put one after 13–50 %.
        var withComma = 0, endingInHOrN = 0
        for (i, t) in tokens.enumerated() where toDecode[i] && t.coreEnd - t.coreStart >= 4 {
            let last = bytes[t.coreEnd - 1] | 0x20
            guard last == 0x68 || last == 0x6E else { continue }
            endingInHOrN += 1
            if t.coreEnd < t.end && bytes[t.coreEnd] == 0x2C { withComma += 1 }
        }
        descenderCommas = (Double(withComma) + 0.3) / (Double(endingInHOrN) + 10) > Double(descenderCommaRate)
    }
}

/// Edits a pass takes as they are, by the index of the token they start at (none: an empty table).
struct KeptEdits<Edit> {
    private var edits: [Edit] = []
    /// Per token, the index in `edits` of the edit kept for it (-1: none); the edits themselves are not copied.
    private var byToken: [Int] = []

    init() {}

    /// The `edits` (sorted by start offset) that satisfy `keeps`, each at the token whose core starts where
    /// the edit starts.
    init(_ edits: [Edit], start: (Edit) -> Int, tokens: [RepairToken], where keeps: (Edit) -> Bool) {
        guard !edits.isEmpty else { return }
        self.edits = edits
        byToken = [Int](repeating: -1, count: tokens.count)
        var e = 0
        for (i, t) in tokens.enumerated() {
            while e < edits.count && start(edits[e]) < t.coreStart { e += 1 }
            if e == edits.count { break }
            if start(edits[e]) == t.coreStart && keeps(edits[e]) { byToken[i] = e }
        }
    }

    subscript(token: Int) -> Edit? {
        guard !byToken.isEmpty, byToken[token] >= 0 else { return nil }
        return edits[byToken[token]]
    }
}
