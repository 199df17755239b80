/// A range of UTF-8 byte offsets into the original input: `start` inclusive, `end` exclusive.
public struct SourceSpan: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    /// The span with both ends mapped (e.g. from repaired-text offsets back to input offsets).
    public func mapped(_ transform: (Int) -> Int) -> SourceSpan {
        SourceSpan(start: transform(start), end: transform(end))
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
