/// A whitespace-delimited token of the input with its UTF-8 byte span.
public struct Token: Sendable, Hashable {
    public var text: String
    /// UTF-8 byte offset of the first byte.
    public var start: Int
    /// UTF-8 byte offset just past the last byte.
    public var end: Int

    /// Whether every byte is ASCII.
    public var isASCII: Bool { text.utf8.allSatisfy { $0 < 0x80 } }
}

/// Splits text into whitespace-delimited tokens, keeping byte spans.
public enum Tokenizer {
    /// The tokens of `text`, in order. Whitespace is space, tab, CR, LF, and the Unicode spaces.
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var offset = 0
        var start: Int?
        var current = ""
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if scalar.properties.isWhitespace {
                if let tokenStart = start {
                    tokens.append(Token(text: current, start: tokenStart, end: offset))
                    start = nil
                    current = ""
                }
            } else {
                if start == nil { start = offset }
                current.unicodeScalars.append(scalar)
            }
            offset += width
        }
        if let tokenStart = start { tokens.append(Token(text: current, start: tokenStart, end: offset)) }
        return tokens
    }
}
