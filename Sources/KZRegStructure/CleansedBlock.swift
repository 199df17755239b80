/// A unit of cleansed text: a paragraph joined from wrapped lines, an annex caption, a table row or a
/// block of OCR debris. It remembers where each of its pieces lies in the input.
public struct CleansedBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A paragraph of running text (wrapped lines joined, page breaks and hyphenation undone).
        case text
        /// An annex caption block ("... қаулысына 1-қосымша", "... бұйрығымен бекітілген").
        case caption(AnnexCaptionInfo)
        /// One line of a tab-separated table.
        case tableRow
        /// OCR'd table or diagram debris: fragments, dash rows, lone numbers, kept as one opaque block.
        case debris
    }

    /// One stretch of `text` copied from the input.
    struct Piece: Sendable, Hashable {
        /// UTF-8 offset in `text`.
        var textStart: Int
        /// UTF-8 offset in the input.
        var sourceStart: Int
        var length: Int
    }

    public var kind: Kind
    /// The cleansed text: lines joined with single spaces (table rows: the line as is).
    public var text: String
    /// The physical lines the block came from, each trimmed.
    public var lines: [String]
    /// Where the block lies in the input: first byte of its first line to last byte of its last line.
    public var span: SourceSpan
    /// Indices of its first and last physical lines.
    public var lineRange: ClosedRange<Int>
    /// How many blank lines separate it from the block before.
    public var blankLinesBefore: Int
    /// Indentation of its first line.
    public var indent: Int
    /// Cells of a table row.
    public var cells: [String]?
    var pieces: [Piece]

    /// The input span of a UTF-8 range of `text`.
    public func sourceSpan(ofUTF8 range: Range<Int>) -> SourceSpan {
        guard !pieces.isEmpty else { return span }
        func map(_ offset: Int, preferEnd: Bool) -> Int {
            var chosen = pieces[0]
            for piece in pieces {
                if preferEnd ? piece.textStart < offset : piece.textStart <= offset { chosen = piece } else { break }
            }
            let within = min(max(0, offset - chosen.textStart), chosen.length)
            return chosen.sourceStart + within
        }
        let start = map(range.lowerBound, preferEnd: false)
        let end = max(start, map(range.upperBound, preferEnd: true))
        return SourceSpan(start: start, end: end)
    }

    /// The input span of a range of `text`.
    public func sourceSpan(of range: Range<String.Index>) -> SourceSpan {
        let utf8 = text.utf8
        let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
        return sourceSpan(ofUTF8: lower..<upper)
    }
}
