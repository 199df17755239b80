/// A word, number or punctuation mark of a text, with its UTF-8 byte range in that text.
public struct TextToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case word, number, punctuation }

    public var kind: Kind
    /// The token as written.
    public var text: String
    /// The token in lower case (for matching).
    public var lower: String
    /// The token in lower case with Kazakh letters folded (see `KazakhFolding`), for keyword matching.
    public var folded: String
    /// UTF-8 byte offset of the token's first byte in the scanned text.
    public var start: Int
    /// UTF-8 byte offset just past the token.
    public var end: Int

    public var isWord: Bool { kind == .word }
    public var isNumber: Bool { kind == .number }
    public func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text == punctuation }
    /// Whether the token is a dash or hyphen of any kind.
    public var isDash: Bool { kind == .punctuation && ["-", "–", "—", "‒", "−"].contains(text) }
}

/// Splits text into words (letters, with inner hyphens and apostrophes), numbers (digits, with an inner
/// decimal comma or point) and single punctuation marks; whitespace separates tokens and is dropped.
public enum TextTokenizer {
    public static func tokens(in text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        func isLetter(_ s: Unicode.Scalar) -> Bool { SimpleScalars.isAlphabetic(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if SimpleScalars.isWhitespace(scalar) {
                index += 1
                continue
            }
            var end = index + 1
            let kind: TextToken.Kind
            if isDigit(scalar) {
                kind = .number
                while end < scalars.count {
                    if isDigit(scalars[end]) { end += 1; continue }
                    // "0,5", "1.5", "9.00" — but not a trailing "5." list label.
                    if scalars[end] == "," || scalars[end] == ".", end + 1 < scalars.count,
                       isDigit(scalars[end + 1]) {
                        end += 2
                        continue
                    }
                    break
                }
            } else if isLetter(scalar) {
                kind = .word
                while end < scalars.count {
                    if isLetter(scalars[end]) { end += 1; continue }
                    // Inner hyphen: "іс-қимыл", "көші-қон" (not "30-минут": that starts with a number).
                    if scalars[end] == "-", end + 1 < scalars.count, isLetter(scalars[end + 1]) {
                        end += 2
                        continue
                    }
                    break
                }
            } else {
                kind = .punctuation
            }
            let string = String(decoding: bytes[offsets[index]..<offsets[end]], as: UTF8.self)
            let (lower, folded) = KazakhFolding.lowerAndFold(string)
            tokens.append(TextToken(kind: kind, text: string, lower: lower, folded: folded,
                                    start: offsets[index], end: offsets[end]))
            index = end
        }
        return tokens
    }
}

extension String {
    /// The substring between two UTF-8 byte offsets (clamped to scalar boundaries by decoding).
    func utf8Slice(_ start: Int, _ end: Int) -> String {
        let bytes = Array(utf8)
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
