/// Kazakh cardinal number words ("бір", "он бес", "жиырма төрт", "жүз").
public enum KazakhNumberWords {
    static let units: [String: Int] = [
        "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
    ]
    static let tens: [String: Int] = [
        "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80,
        "тоқсан": 90,
    ]

    /// The value of a single number word in lower case, or nil.
    public static func value(of word: String) -> Int? {
        units[word] ?? tens[word] ?? (word == "жүз" ? 100 : nil)
    }

    /// Reads the longest number written in words at the start of `words` (lower case):
    /// ["он", "бес", "минут"] → (15, 2). Returns nil when the first word is not a number word.
    public static func parse<S: Collection>(_ words: S) -> (value: Int, count: Int)? where S.Element == String {
        var total = 0
        var count = 0
        var iterator = words.makeIterator()
        var pending = iterator.next()
        // Hundreds: "[бір|екі|…] жүз".
        if let word = pending, let unit = units[word] {
            var lookahead = words.dropFirst().makeIterator()
            if lookahead.next() == "жүз" {
                total += unit * 100
                count += 2
                _ = iterator.next()
                pending = iterator.next()
            }
        }
        if count == 0, pending == "жүз" {
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
