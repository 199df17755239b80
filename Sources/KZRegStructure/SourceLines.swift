/// One physical line of the input, located by UTF-8 byte offsets.
public struct SourceLine: Sendable, Hashable {
    /// Offset of the line's first byte.
    public var start: Int
    /// Offset just past the line's last byte, before "\r\n" / "\n".
    public var end: Int
    /// Offset of the first byte that is not a space or tab (== `contentEnd` for a blank line).
    public var contentStart: Int
    /// Offset just past the last byte that is not whitespace.
    public var contentEnd: Int
    /// The line without leading and trailing whitespace.
    public var text: String
    /// Leading spaces (a tab counts as four).
    public var indent: Int
    /// Whether the raw line holds a tab character (outside its leading indentation too).
    public var hasTab: Bool
    /// Whether the raw line ends with whitespace before the line break (a sign of a soft wrap).
    public var hasTrailingSpace: Bool

    public var isBlank: Bool { text.isEmpty }
}

/// Splits text into `SourceLine`s working on UTF-8 bytes, in one linear pass.
///
/// Runs of blank lines are kept up to `maxBlankRun` lines: longer runs mean nothing more to the cleanser
/// (a page break is a page break), and a flood of empty lines must not cost memory per line.
public enum LineSplitter {
    public static let maxBlankRun = 4

    public static func lines(of text: String) -> [SourceLine] {
        var copy = text
        return copy.withUTF8 { lines(ofUTF8: $0) }
    }

    static func lines(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
        var result: [SourceLine] = []
        result.reserveCapacity(bytes.count / 60 + 1)
        var lineStart = 0
        let count = bytes.count
        var blankRun = 0
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            let line = makeLine(bytes, start: lineStart, end: end)
            blankRun = line.isBlank ? blankRun + 1 : 0
            if blankRun <= maxBlankRun { result.append(line) }
            if lineEnd >= count { break }
            lineStart = lineEnd + 1
        }
        return result
    }

    private static func makeLine(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> SourceLine {
        var indent = 0
        var position = start
        var hasTab = false
        // Leading whitespace: ASCII space/tab, form feed, and U+00A0 (C2 A0).
        while position < end {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0C { indent += 1; position += 1 }
            else if byte == 0x09 { indent += 4; hasTab = true; position += 1 }
            else if byte == 0xC2 && position + 1 < end && bytes[position + 1] == 0xA0 { indent += 1; position += 2 }
            else { break }
        }
        let contentStart = position
        var contentEnd = end
        while contentEnd > contentStart {
            let byte = bytes[contentEnd - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0D { contentEnd -= 1 }
            else if byte == 0xA0 && contentEnd - 2 >= contentStart && bytes[contentEnd - 2] == 0xC2 { contentEnd -= 2 }
            else { break }
        }
        if !hasTab {
            var index = contentStart
            while index < contentEnd {
                if bytes[index] == 0x09 { hasTab = true; break }
                index += 1
            }
        }
        let text = contentStart < contentEnd
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd]), as: UTF8.self) : ""
        return SourceLine(start: start, end: end, contentStart: contentStart, contentEnd: contentEnd, text: text,
                          indent: indent, hasTab: hasTab && !text.isEmpty, hasTrailingSpace: contentEnd < end)
    }
}
