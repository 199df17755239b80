/// Reads dates written the Kazakh way: "2019 жылғы 29 тамыздағы", "2018 жылғы "29" желтоқсанда",
/// "29 тамыз 2019 жыл", and numeric "26.03.2020".
public struct KazakhDateParser: Sendable {
    /// A date found in a text, with the range of the words that wrote it.
    public struct Match: Sendable, Hashable {
        public var date: CalendarDate
        public var range: Range<String.Index>
    }

    /// Month stems in calendar order; every case form starts with its stem ("тамыздағы", "сәуірде").
    public static let monthStems = [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ]

    public init() {}

    /// The month (1–12) a word names in any case form ("тамыздағы" → 8), or nil.
    public func month(of word: some StringProtocol) -> Int? {
        let bare = TextTraits.folded(TextTraits.bare(word))
        guard bare.count >= 4 else { return nil }
        for (index, stem) in Self.monthStems.enumerated() where bare.hasPrefix(stem) {
            // "қазан" is also a noun ("cauldron") — only the date context below makes it a month.
            return index + 1
        }
        return nil
    }

    /// The only or first date in `text`.
    public func parse(_ text: String) -> CalendarDate? { firstMatch(in: text)?.date }

    /// The first date written in `text`.
    public func firstMatch(in text: String) -> Match? { matches(in: text, limit: 1).first }

    /// Every date written in `text`, in order.
    public func matches(in text: String, limit: Int = .max) -> [Match] {
        let tokens = Self.tokens(text)
        var result: [Match] = []
        var index = 0
        while index < tokens.count && result.count < limit {
            if let (match, used) = match(tokens, at: index, in: text) {
                result.append(match)
                index += used
            } else {
                index += 1
            }
        }
        return result
    }

    private func match(_ tokens: [Range<String.Index>], at index: Int, in text: String) -> (Match, Int)? {
        let word = text[tokens[index]]
        let bare = TextTraits.bare(word)
        // Numeric "26.03.2020".
        if let date = Self.numericDate(bare) {
            return (Match(date: date, range: tokens[index]), 1)
        }
        // "2019 жылғы 29 тамыздағы" (year, жылғы/жылы/ж., day in optional quotes, month).
        if let year = Self.year(bare) {
            // Where the day may stand: after the year word; OCR also drops it ("2019 10 қыркүйекте") or
            // garbles it past reading ("2019 хилл 10 қыркүйекте") — the day and month words still anchor the date.
            var dayPositions: [Int] = []
            if bare.count > 4 {
                dayPositions = [index + 1]  // "2019ж." carries its own "year" word
            } else if index + 1 < tokens.count, Self.isYearWord(text[tokens[index + 1]]) {
                dayPositions = [index + 2]
                // "жыл ғы": the year word split by a stray space.
                if index + 2 < tokens.count, TextTraits.bare(text[tokens[index + 2]]).count <= 3,
                   TextTraits.bare(text[tokens[index + 2]]).allSatisfy({ $0.isLetter }) { dayPositions.append(index + 3) }
            } else {
                dayPositions = [index + 1]
                if index + 1 < tokens.count, Self.couldBeGarbledYearWord(text[tokens[index + 1]]) { dayPositions.append(index + 2) }
            }
            for next in dayPositions {
                guard next + 1 < tokens.count, let day = Self.day(text[tokens[next]]),
                      let month = month(of: text[tokens[next + 1]]) ?? fuzzyMonth(of: text[tokens[next + 1]]),
                      let date = CalendarDate(year: year, month: month, day: day) else { continue }
                return (Match(date: date, range: tokens[index].lowerBound..<tokens[next + 1].upperBound), next + 2 - index)
            }
            return nil
        }
        // "29 тамыз 2019 жыл".
        if let day = Self.day(word), index + 2 < tokens.count, let month = month(of: text[tokens[index + 1]]),
           let year = Self.year(TextTraits.bare(text[tokens[index + 2]])),
           let date = CalendarDate(year: year, month: month, day: day) {
            var end = tokens[index + 2].upperBound
            var used = 3
            if index + 3 < tokens.count, Self.isYearWord(text[tokens[index + 3]]) {
                end = tokens[index + 3].upperBound
                used = 4
            }
            return (Match(date: date, range: tokens[index].lowerBound..<end), used)
        }
        return nil
    }

    static func tokens(_ text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isSpace = text[index].isWhitespace
            if isSpace {
                if let tokenStart = start { result.append(tokenStart..<index); start = nil }
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let tokenStart = start { result.append(tokenStart..<text.endIndex) }
        return result
    }

    /// A four-digit year 1900–2099, possibly glued to "ж." ("2019ж.").
    static func year(_ word: Substring) -> Int? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let value = Int(digits), (1900...2099).contains(value) else { return nil }
        let rest = word.dropFirst(4)
        if rest.isEmpty { return value }
        let folded = TextTraits.folded(rest)
        return folded.hasPrefix("ж") ? value : nil
    }

    /// A word of letters that may be OCR's wreck of "жылғы" ("хилл", "жыртқыш", "кеиде"): 2–9 letters.
    static func couldBeGarbledYearWord(_ word: Substring) -> Bool {
        let bare = TextTraits.bare(word)
        return (2...9).contains(bare.count) && bare.allSatisfy { $0.isLetter }
    }

    /// The month a word names with one OCR error in its stem ("тамьздағы", "қыркуйекте"), when only one month
    /// comes that close. Used only where a year and a day already frame the word.
    public func fuzzyMonth(of word: some StringProtocol) -> Int? {
        let bare = FormulaMatcher.normalized(word)
        guard bare.count >= 4 else { return nil }
        var found: Int?
        for (index, stem) in Self.monthStems.enumerated() {
            let head = bare.prefix(stem.count)
            let headLonger = bare.prefix(stem.count + 1)
            if FormulaMatcher.editDistance(head, stem, limit: 1) <= 1 || FormulaMatcher.editDistance(headLonger, stem, limit: 1) <= 1
                || FormulaMatcher.editDistance(bare.prefix(stem.count - 1), stem, limit: 1) <= 1 {
                if found != nil && found != index + 1 { return nil }
                found = index + 1
            }
        }
        return found
    }

    static func isYearWord(_ word: Substring) -> Bool {
        let folded = TextTraits.folded(TextTraits.bare(word))
        return folded.hasPrefix("жыл") || folded == "ж"
    }

    /// A day 1–31, possibly in quotes ("29", «29»).
    static func day(_ word: Substring) -> Int? {
        var bare = TextTraits.bare(word)
        // OCR's "l0", "2|" for "10", "21".
        if (1...2).contains(bare.count), !bare.allSatisfy({ $0.isASCII && $0.isNumber }),
           let digits = OCRDigits.number(bare), bare.contains(where: { $0.isNumber }) || bare.count == 1 {
            bare = Substring(digits)
        }
        guard (1...2).contains(bare.count), bare.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(bare), (1...31).contains(value) else { return nil }
        return value
    }

    /// "dd.mm.yyyy" (also with "/" or "-" separators between two-digit parts).
    static func numericDate(_ word: Substring) -> CalendarDate? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4 || (parts[2].count > 4 && TextTraits.folded(parts[2].dropFirst(4)).hasPrefix("ж")),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2].prefix(4))
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
