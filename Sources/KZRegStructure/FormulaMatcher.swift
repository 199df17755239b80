/// Tolerant matching of the genre's fixed formula words ("Күшін жойған", "тіркелді", "қосымша", "Ескерту",
/// "Күші жойылды") against OCR-repaired text, where a letter or two may be wrong ("Күйіп жойған",
/// "Күшті жойылды", "тiркелдi" with a Latin "i").
public enum FormulaMatcher {
    /// The Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit`.
    public static func editDistance(_ a: some StringProtocol, _ b: some StringProtocol, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// A word lower-cased, stripped of punctuation and with Latin look-alike letters turned Cyrillic
    /// ("Тiркелдi." → "тіркелді").
    public static func normalized(_ word: some StringProtocol) -> String {
        let folded = TextTraits.folded(TextTraits.bare(word))
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        for character in folded {
            result.append(latinLookalikes[character] ?? character)
        }
        return result
    }

    private static let latinLookalikes: [Character: Character] = [
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "k": "к", "h": "һ",
        "m": "м", "t": "т", "b": "в", "ə": "ә", "ӊ": "ң",
    ]

    /// How many edits a word of this length may carry and still count as the formula word: none for short
    /// words, one for 4–6 letters, two from 7 letters on.
    public static func tolerance(forLength length: Int) -> Int {
        length >= 7 ? 2 : length >= 4 ? 1 : 0
    }

    /// Whether `word` is `target` up to OCR noise: same first letter, within the length's tolerance
    /// (or `maxDistance` when given).
    public static func matches(_ word: some StringProtocol, _ target: String, maxDistance: Int? = nil) -> Bool {
        let candidate = normalized(word)
        guard let first = candidate.first, let targetFirst = target.first else { return false }
        if candidate == target { return true }
        guard first == targetFirst || (first == "к" && targetFirst == "қ") || (first == "қ" && targetFirst == "к") else {
            return false
        }
        let limit = maxDistance ?? tolerance(forLength: target.count)
        return editDistance(candidate, target, limit: limit) <= limit
    }

    /// Whether the words starting at `start` spell `phrase` up to OCR noise: every word's first letter kept,
    /// the edits summed over the phrase within the tolerance of its total length, no word wholly replaced.
    public static func matchesPhrase(_ words: [Substring], at start: Int, _ phrase: [String]) -> Bool {
        guard start + phrase.count <= words.count else { return false }
        let total = phrase.reduce(0) { $0 + $1.count }
        let budget = tolerance(forLength: total)
        var used = 0
        for (offset, target) in phrase.enumerated() {
            let candidate = normalized(words[start + offset])
            guard let first = candidate.first, first == target.first || (first == "к" && target.first == "қ") else {
                return false
            }
            let distance = editDistance(candidate, target, limit: budget - used)
            if distance > budget - used || distance * 2 > target.count { return false }
            used += distance
        }
        return true
    }

    /// Whether the words anywhere in `words` spell `phrase` (see `matchesPhrase(_:at:_:)`).
    public static func containsPhrase(_ words: [Substring], _ phrase: [String]) -> Bool {
        firstPhrase(words, phrase) != nil
    }

    /// The index of the first word where `phrase` starts, or nil.
    public static func firstPhrase(_ words: [Substring], _ phrase: [String]) -> Int? {
        guard words.count >= phrase.count else { return nil }
        for start in 0...(words.count - phrase.count) where matchesPhrase(words, at: start, phrase) { return start }
        return nil
    }

    // MARK: The genre's formulas

    /// "Күшін жойған" — the repealed-status line.
    public static let repealedStatus = ["күшін", "жойған"]
    /// "Күші жойылды" — the repeal clause and note.
    public static let repealClause = ["күші", "жойылды"]
    /// "Қолданыстағы" — the in-force status line.
    public static let inForceStatus = ["қолданыстағы"]
    /// "тіркелді" — the registration sentence.
    public static let registered = "тіркелді"
    /// "Ескерту" — an editorial note.
    public static let note = "ескерту"
    /// "қосымша" — the annex word.
    public static let annex = "қосымша"

    /// Whether the text starts with an editorial-note word ("Ескерту.", "Ескерту:", OCR'd "Ескерт у").
    public static func startsWithNoteWord(_ text: some StringProtocol) -> Bool {
        let lead = TextTraits.words(text.prefix(40))
        guard let first = lead.first else { return false }
        if matches(first, note) { return true }
        // A word split by a stray space: "Ескер ту."
        if lead.count >= 2, first.count >= 3 { return matches(String(first) + String(lead[1]), note) }
        return false
    }
}

/// Digits as OCR writes them in numbering and captions: "|", "l" (and "I", "І" before a hyphen) for "1",
/// "O"/"О" for "0" beside real digits ("|-қосымша", "l-тарау", "1O.").
public enum OCRDigits {
    /// Characters that stand for "1" wherever a number is expected.
    static let oneLookalikes: Set<Character> = ["|", "l", "ǀ", "¦"]

    /// The digit a character stands for in a number, or nil.
    static func digit(_ character: Character, besideDigits: Bool) -> Character? {
        if character.isASCII, character.isNumber { return character }
        if oneLookalikes.contains(character) { return "1" }
        if besideDigits, character == "O" || character == "О" || character == "o" || character == "о" { return "0" }
        return nil
    }

    /// Reads `text` as a number written with OCR look-alikes ("|" → "1", "l0" → "10"), or nil when a
    /// character is neither a digit nor a look-alike, or when no character is a real digit or "|"/"l".
    public static func number(_ text: some StringProtocol) -> String? {
        guard !text.isEmpty, text.count <= 4 else { return nil }
        let hasDigit = text.contains { $0.isASCII && $0.isNumber }
        var result = ""
        for character in text {
            guard let digit = digit(character, besideDigits: hasDigit) else { return nil }
            result.append(digit)
        }
        return result
    }
}
