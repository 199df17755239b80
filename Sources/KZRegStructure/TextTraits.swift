/// Small character- and line-level tests shared by the cleanser, the parsers and the segmenter.
/// They work on `Unicode.Scalar`s and never build regular expressions, so they stay cheap on big inputs.
enum TextTraits {
    // ASCII and Cyrillic are decided by code point; only other scripts pay for a Unicode property lookup.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x0400 && value <= 0x04FF { return value < 0x0482 || value >= 0x048A }
        return scalar.properties.isAlphabetic
    }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0x0400 && value <= 0x042F { return true }
        if value >= 0x0430 && value <= 0x045F { return false }
        if value >= 0x0460 && value <= 0x04FF { return value % 2 == 0 && value != 0x04C0 || value == 0x04C1 || value == 0x04C3 }
        return scalar.properties.isUppercase
    }
    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value >= 0x0400 && value <= 0x04FF { return isLetter(scalar) && !isUpper(scalar) }
        return scalar.properties.isLowercase
    }
    /// Whitespace: ASCII blanks, NBSP and the Unicode space block, without a property lookup.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0xA0 || (value >= 0x2000 && value <= 0x200B) || value == 0x202F || value == 0x205F
            || value == 0x3000 || value == 0x1680 || value == 0x85 || value == 0x2028 || value == 0x2029
    }
    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x0400 && scalar.value <= 0x04FF }
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x60, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E: return true
        default: return false
        }
    }
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2012, 0x2013, 0x2014, 0x2212: return true
        default: return false
        }
    }
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { isBlank(scalar) }

    /// The first letter of the text, skipping quotes, brackets, dashes and spaces.
    static func firstLetter(_ text: some StringProtocol) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            if isLetter(scalar) { return scalar }
            if isDigit(scalar) { return nil }
        }
        return nil
    }

    /// Whether the text begins (after quotes and brackets) with a lower-case letter.
    static func startsLowercase(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !isQuote($0) && $0 != "(" && !isSpace($0) }) else {
            return false
        }
        return isLetter(first) && isLower(first)
    }

    /// Whether the text begins with an upper-case letter (quotes and brackets skipped).
    static func startsUppercase(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !isQuote($0) && $0 != "(" && !isSpace($0) }) else {
            return false
        }
        return isLetter(first) && isUpper(first)
    }

    /// Whether the text begins with punctuation that attaches to the previous word (".", ",", ";", ":", ")").
    static func startsWithClosingPunctuation(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return ".,;:)»!?".unicodeScalars.contains(first)
    }

    /// The last scalar that is not a closing quote or bracket.
    static func lastSignificant(_ text: some StringProtocol) -> Unicode.Scalar? {
        text.unicodeScalars.reversed().first { !isQuote($0) && $0 != ")" && !isSpace($0) }
    }

    /// Whether the text ends a sentence or a list item: ".", ":", ";", "!", "?" (closing quotes skipped).
    static func endsTerminated(_ text: some StringProtocol) -> Bool {
        guard let last = text.unicodeScalars.reversed().first(where: { !isQuote($0) && !isSpace($0) }) else {
            return false
        }
        return ".:;!?".unicodeScalars.contains(last)
    }

    /// Whitespace-separated words.
    static func words(_ text: some StringProtocol) -> [Substring] {
        let text = Substring(text)
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isBlank(scalars[index]) {
                if let wordStart = start { result.append(text[wordStart..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { result.append(text[wordStart..<scalars.endIndex]) }
        return result
    }

    /// The text lower-cased, with "ё" folded and NBSP turned to space.
    static func folded(_ text: some StringProtocol) -> String {
        String(text).lowercased()
    }

    /// The word stripped of surrounding quotes and punctuation.
    static func bare(_ word: some StringProtocol) -> Substring {
        func strip(_ scalar: Unicode.Scalar) -> Bool {
            if isQuote(scalar) { return true }
            switch scalar.value {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D: return true  // . , ; : ! ? ( ) [ ]
            default: return false
            }
        }
        let text = Substring(word)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !strip($0) }),
              let last = scalars.lastIndex(where: { !strip($0) }) else { return "" }
        return text[first..<scalars.index(after: last)]
    }

    /// Counts of letters, upper-case letters and Cyrillic letters in the text.
    static func letterCounts(_ text: some StringProtocol) -> (letters: Int, upper: Int, cyrillic: Int, latin: Int) {
        var letters = 0, upper = 0, cyrillic = 0, latin = 0
        for scalar in text.unicodeScalars where isLetter(scalar) {
            letters += 1
            if isUpper(scalar) { upper += 1 }
            if isCyrillic(scalar) { cyrillic += 1 } else if scalar.value < 0x250 { latin += 1 }
        }
        return (letters, upper, cyrillic, latin)
    }

    /// Whether a short line names a signatory: initials next to a surname ("Г.Әбдірахымов", "Е. Маржықпаев",
    /// "Маржықпаев Е.Н.").
    static func isNameLine(_ text: String) -> Bool {
        guard text.utf8.count <= 240 else { return false }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 60, scalars.count >= 4 else { return false }
        let words = TextTraits.words(text)
        guard words.count <= 7 else { return false }
        // An initial: upper-case letter, ".", optional space, upper-case letter.
        var index = 0
        while index + 2 < scalars.count {
            if isUpper(scalars[index]) && scalars[index + 1] == "." && (index == 0 || !isLetter(scalars[index - 1])) {
                var next = index + 2
                if next < scalars.count && scalars[next] == " " { next += 1 }
                if next < scalars.count && isUpper(scalars[next]) {
                    // Initials must come at the start or the end of the line, next to a surname.
                    let before = String(String.UnicodeScalarView(scalars[0..<index]))
                    let after = String(String.UnicodeScalarView(scalars[next...]))
                    let afterWords = TextTraits.words(after)
                    if afterWords.count <= 2 || TextTraits.words(before).count <= 1 {
                        return !endsWithLowercaseSentence(text)
                    }
                }
            }
            index += 1
        }
        return false
    }

    private static func endsWithLowercaseSentence(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.last == "." else { return false }
        return isLower(scalars[scalars.count - 2]) && words(text).count > 3
    }

    /// Nominative job titles that end a signature line ("Қала әкімі", "... министрі").
    static let positionWords: Set<String> = [
        "әкімі", "министрі", "төрағасы", "хатшысы", "басшысы", "директоры", "бастығы", "президенті",
        "орынбасары", "атқарушы", "төрайымы", "уәкілі", "прокуроры", "вице-министрі", "премьер-министрі",
        "м.а.", "м.а", "министр", "әкім", "төраға", "хатшы",
    ]

    /// Whether a short line ends with a job title (a signature line).
    static func isPositionLine(_ text: String) -> Bool {
        guard text.utf8.count <= 400, text.utf8.count >= 8 else { return false }
        let words = TextTraits.words(text)
        guard !words.isEmpty, words.count <= 10, let last = words.last else { return false }
        return positionWords.contains(folded(bare(last)))
    }
}
