/// Kazakh cardinal number words ("бір", "он бес", "жиырма төрт", "жүз"), read through `KazakhFolding`.
public enum KazakhNumberWords {
    // Keys are folded (see `KazakhFolding`): "бір" → "бир", "тоғыз" → "тогыз".
    static let units: [String: Int] = [
        "бир": 1, "еки": 2, "уш": 3, "торт": 4, "бес": 5, "алты": 6, "жети": 7, "сегиз": 8, "тогыз": 9,
    ]
    static let tens: [String: Int] = [
        "он": 10, "жиырма": 20, "отыз": 30, "кырык": 40, "елу": 50, "алпыс": 60, "жетпис": 70, "сексен": 80,
        "токсан": 90,
    ]
    static let hundred = "жуз"

    /// The value of a single number word, or nil.
    public static func value(of word: String) -> Int? {
        let word = KazakhFolding.fold(word)
        return units[word] ?? tens[word] ?? (word == hundred ? 100 : nil)
    }

    /// Whether an already folded word is a number word (a cheap test before `parse`).
    public static func isNumberWord(folded word: String) -> Bool {
        // Every number word takes 4–12 UTF-8 bytes of simple scalars; a word of simple scalars (each a character
        // of its own, none canonically equivalent to another) of another length is none of them.
        if !(4...12).contains(word.utf8.count), word.unicodeScalars.allSatisfy({ SimpleScalars.isSimple($0.value) }) {
            return false
        }
        return units[word] != nil || tens[word] != nil || word == hundred
    }

    /// Reads the longest number written in words at the start of `words` (lower case):
    /// ["он", "бес", "минут"] → (15, 2). Returns nil when the first word is not a number word.
    public static func parse<S: Collection>(_ words: S) -> (value: Int, count: Int)? where S.Element == String {
        let words = words.map { KazakhFolding.fold($0) }
        var total = 0
        var count = 0
        var iterator = words.makeIterator()
        var pending = iterator.next()
        // Hundreds: "[бір|екі|…] жүз".
        if let word = pending, let unit = units[word] {
            var lookahead = words.dropFirst().makeIterator()
            if lookahead.next() == hundred {
                total += unit * 100
                count += 2
                _ = iterator.next()
                pending = iterator.next()
            }
        }
        if count == 0, pending == hundred {
            total += 100
            count += 1
            pending = iterator.next()
        }
        if let word = pending, let ten = tens[word] {
            total += ten
            count += 1
            pending = iterator.next()
        }
        if let word = pending, let unit = units[word] {
            total += unit
            count += 1
        }
        return count > 0 ? (total, count) : nil
    }
}
