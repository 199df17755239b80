/// A time limit found in a text, with its UTF-8 byte range in that text.
public struct DurationMatch: Sendable, Hashable {
    public var value: Double
    /// The upper bound of a range ("2-3 сағат"), if any.
    public var maxValue: Double?
    public var unit: Duration.Unit
    public var qualifier: Duration.Qualifier?
    /// The words as written.
    public var text: String
    public var start: Int
    public var end: Int
}

/// Finds time limits in Kazakh text: "10 минут ішінде", "1 (бір) жұмыс күні ішінде", "он бес минут",
/// "күнтізбелік он күн", "бір тәуліктен кешіктірмей", "сол жұмыс күні ішінде", "— 4 сағат".
public struct DurationParser: Sendable {
    public init() {}

    public func durations(in text: String) -> [DurationMatch] {
        let tokens = TextTokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        var matches: [DurationMatch] = []
        var index = 0
        while index < tokens.count {
            if let match = sameDay(tokens, at: index, bytes: bytes) ?? quantity(tokens, at: index, bytes: bytes) {
                matches.append(match.match)
                index = match.next
            } else {
                index += 1
            }
        }
        return matches
    }

    // MARK: - Patterns

    private typealias Found = (match: DurationMatch, next: Int)

    /// "сол жұмыс күні (ішінде)", "сол күні": one (working) day, the same day.
    private func sameDay(_ tokens: [TextToken], at index: Int, bytes: [UInt8]) -> Found? {
        guard tokens[index].folded == "сол" else { return nil }
        var next = index + 1
        guard let (unit, afterUnit) = unitAt(tokens, next, value: 1) else { return nil }
        guard unit == .workingDay || unit == .day || unit == .calendarDay,
              ["куни", "кун"].contains(tokens[afterUnit - 1].folded) else { return nil }
        next = afterUnit
        if next < tokens.count, tokens[next].folded == "ишинде" { next += 1 }
        return (make(value: 1, maxValue: nil, unit: unit, qualifier: .sameDay, tokens, index, next, bytes), next)
    }

    /// A number (digits, digits with words in brackets, or words) followed by a unit and an optional qualifier.
    private func quantity(_ tokens: [TextToken], at index: Int, bytes: [UInt8]) -> Found? {
        guard let (value, maxValue, afterNumber) = number(tokens, at: index) else { return nil }
        // "айдың 3 күніне дейін" is a day of the month, "№ 5" a number, not a duration.
        if index > 0, ["айдын", "айынын", "№"].contains(tokens[index - 1].folded) { return nil }
        var next = afterNumber
        // "30-минут": a hyphen between the number and its unit.
        if next < tokens.count, tokens[next].isDash, next + 1 < tokens.count, tokens[next + 1].isWord { next += 1 }
        guard let (foundUnit, afterUnit) = unitAt(tokens, next, value: value) else { return nil }
        var unit = foundUnit
        var first = index
        // "күнтізбелік он күн": the adjective before the number.
        if unit == .day, index > 0, tokens[index - 1].folded.hasPrefix("кунтизбелик") {
            unit = .calendarDay
            first = index - 1
        } else if unit == .day, index > 0, tokens[index - 1].folded == "жумыс" {
            unit = .workingDay
            first = index - 1
        }
        next = afterUnit
        let (qualifier, afterQualifier) = qualifierAt(tokens, next)
        next = afterQualifier
        return (make(value: value, maxValue: maxValue, unit: unit, qualifier: qualifier, tokens, first, next, bytes),
                next)
    }

    private func make(value: Double, maxValue: Double?, unit: Duration.Unit, qualifier: Duration.Qualifier?,
                      _ tokens: [TextToken], _ first: Int, _ next: Int, _ bytes: [UInt8]) -> DurationMatch {
        let start = tokens[first].start
        let end = tokens[next - 1].end
        return DurationMatch(value: value, maxValue: maxValue, unit: unit, qualifier: qualifier,
                             text: String(decoding: bytes[start..<end], as: UTF8.self), start: start, end: end)
    }

    // MARK: - Numbers

    /// Reads "15", "0,5", "1 (бір)", "15 (он бес)", "он бес", "бес (5)", "2-3", "жарты".
    private func number(_ tokens: [TextToken], at index: Int) -> (Double, Double?, Int)? {
        let token = tokens[index]
        var value: Double
        var next: Int
        var maxValue: Double?
        if token.isNumber {
            guard let parsed = Double(token.text.replacingComma()) else { return nil }
            value = parsed
            next = index + 1
            next = skipBracketedNumber(tokens, next, anyWords: true)
            // A range: "2-3 сағат", "1 – 2 жұмыс күні".
            if next + 1 < tokens.count, tokens[next].isDash, tokens[next + 1].isNumber,
               let upper = Double(tokens[next + 1].text.replacingComma()), upper > value {
                maxValue = upper
                next = skipBracketedNumber(tokens, next + 2)
            }
        } else if token.isWord {
            if token.folded == "жарты" {
                return (0.5, nil, index + 1)
            }
            guard KazakhNumberWords.isNumberWord(folded: token.folded) else { return nil }
            let words = tokens[index...].prefix(4).map { $0.isWord ? $0.folded : "" }
            guard let (parsed, count) = KazakhNumberWords.parse(words) else { return nil }
            value = Double(parsed)
            next = skipBracketedNumber(tokens, index + count)
        } else {
            return nil
        }
        return (value, maxValue, next)
    }

    /// Skips "(бір)", "(он бес)" or "(5)" after a number. After digits, any one or two bracketed words are
    /// skipped (`anyWords`): OCR often garbles the number word ("1 (ор) жұмыс күні"); the unit must follow.
    private func skipBracketedNumber(_ tokens: [TextToken], _ index: Int, anyWords: Bool = false) -> Int {
        guard index < tokens.count, tokens[index].is("(") else { return index }
        var cursor = index + 1
        while cursor < tokens.count, cursor - index <= (anyWords ? 3 : 4) {
            let token = tokens[cursor]
            if token.is(")") { return cursor > index + 1 ? cursor + 1 : index }
            guard token.isNumber || KazakhNumberWords.value(of: token.folded) != nil || token.folded == "жарты"
                || (anyWords && token.isWord) else { return index }
            cursor += 1
        }
        return index
    }

    // MARK: - Units

    private func unitAt(_ tokens: [TextToken], _ index: Int, value: Double) -> (Duration.Unit, Int)? {
        guard index < tokens.count, tokens[index].isWord else { return nil }
        let word = tokens[index].folded
        if word == "жумыс", index + 1 < tokens.count, Self.isDayWord(tokens[index + 1].folded) {
            return (.workingDay, index + 2)
        }
        if word.hasPrefix("кунтизбелик"), index + 1 < tokens.count, Self.isDayWord(tokens[index + 1].folded) {
            return (.calendarDay, index + 2)
        }
        if Self.isDayWord(word) { return (.day, index + 1) }
        if word.hasPrefix("таули") { return (.day, index + 1) }
        if word.hasPrefix("минут") { return (.minute, index + 1) }
        if word.hasPrefix("сагат") { return (.hour, index + 1) }
        if Self.monthWords.contains(word) { return (.month, index + 1) }
        if word.hasPrefix("жыл"), value < 1000, Self.yearWords.contains(word) {
            return (.year, index + 1)
        }
        return nil
    }

    // Word forms are folded (see `KazakhFolding`): "күнінен" → "кунинен".
    static let daySuffixes: Set<String> = [
        "", "и", "ге", "нен", "инен", "де", "инде", "ди", "ин", "нин", "инин", "ине", "дер", "дери", "дерде",
        "дерге", "дерден", "дик", "дей",
    ]
    /// "күн" in any case form, but not "күнтізбелік".
    static func isDayWord(_ folded: String) -> Bool {
        guard folded.hasPrefix("кун") else { return false }
        return daySuffixes.contains(String(folded.dropFirst(3)))
    }
    static let monthWords: Set<String> = [
        "ай", "айы", "айдан", "айга", "айда", "айдын", "айын", "айлык", "айынан", "айында", "айлар",
    ]
    /// Not "жылғы" / "жылы" after a year: those are dates, and values ≥ 1000 are rejected anyway.
    static let yearWords: Set<String> = ["жыл", "жылы", "жылдан", "жылга", "жылда", "жылдын", "жылын", "жылдык"]

    // MARK: - Qualifiers

    private func qualifierAt(_ tokens: [TextToken], _ index: Int) -> (Duration.Qualifier?, Int) {
        guard index < tokens.count, tokens[index].isWord else { return (nil, index) }
        switch tokens[index].folded {
        case "ишинде", "бойы", "бойында", "аралыгында", "мерзимде", "мерзим", "мерзими", "мерзиминде":
            return (.within, index + 1)
        case "кешиктирмей", "кешиктирилмей", "кешиктирмейтин", "аспайтын", "аспай", "аспайды", "дейин", "дейинги":
            return (.noLaterThan, index + 1)
        case "бурын", "ерте":
            return (.before, index + 1)
        case "кейин", "сон", "откен", "откеннен":
            var next = index + 1
            if next < tokens.count, ["сон", "кейин"].contains(tokens[next].folded) { next += 1 }
            return (.after, next)
        default:
            return (nil, index)
        }
    }
}

extension String {
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
