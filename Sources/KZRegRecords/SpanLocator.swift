import KZRegStructure
import KZRegText

/// Maps a byte range of a node's (cleansed, repaired) text to the span of the original input it came from.
///
/// The node's span gives the slice of the input; the slice is brought into repaired coordinates through the
/// repair's edits, and the node text is aligned with it scalar by scalar, ignoring whitespace (the cleanser
/// joins lines and drops line-end hyphens). Where the alignment fails, the node's own span is returned, so a
/// field's span always covers its source, at worst at node granularity.
public struct SpanLocator: Sendable {
    private let repaired: [UInt8]?
    private let edits: [RepairEdit]
    private let repairedStarts: [Int]
    private let repair: RepairResult?

    /// A locator over the repair stage's output (`repair.text` with its edits from the input).
    public init(repair: RepairResult) {
        self.repair = repair
        self.repaired = Array(repair.text.utf8)
        self.edits = repair.edits
        var starts: [Int] = []
        var delta = 0
        for edit in repair.edits {
            starts.append(edit.start + delta)
            delta += edit.replacement.utf8.count - (edit.end - edit.start)
        }
        self.repairedStarts = starts
    }

    /// A locator without the text: every field gets its node's span.
    public init() {
        self.repair = nil
        self.repaired = nil
        self.edits = []
        self.repairedStarts = []
    }

    /// The input offset → repaired-text offset.
    func repairedOffset(forInputOffset offset: Int) -> Int {
        var low = 0
        var high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        let edit = edits[low - 1]
        let start = repairedStarts[low - 1]
        let replacementLength = edit.replacement.utf8.count
        if offset >= edit.end { return start + replacementLength + (offset - edit.end) }
        return start + min(offset - edit.start, replacementLength)
    }

    func inputOffset(forRepairedOffset offset: Int) -> Int {
        repair?.originalOffset(forRepairedOffset: offset) ?? offset
    }

    /// An alignment of `node`'s text with its source, to map many ranges of the same node.
    public func aligned(_ node: StructureNode) -> AlignedNode {
        AlignedNode(node: node, locator: self)
    }

    /// For every byte offset of `node.text`, the repaired-text offset it aligns with, or -1 (no entries when
    /// the alignment fails).
    fileprivate func alignment(of node: StructureNode, textBytes: [UInt8]) -> [Int] {
        guard let repaired, node.span.end > node.span.start, !node.text.isEmpty else { return [] }
        let start = max(0, min(repairedOffset(forInputOffset: node.span.start), repaired.count))
        let end = max(start, min(repairedOffset(forInputOffset: node.span.end), repaired.count))
        let slice = Self.visibleScalars(bytes: repaired[start..<end], base: start)
        let text = Self.visibleScalars(bytes: textBytes[...], base: 0)
        guard !text.isEmpty, !slice.isEmpty else { return [] }
        var i = 0
        var j = Self.find(text, from: 0, in: slice, after: 0) ?? -1
        guard j >= 0 else { return [] }
        var map = [Int](repeating: -1, count: textBytes.count)
        while i < text.count, j < slice.count {
            if text[i].scalar == slice[j].scalar {
                map[text[i].offset] = slice[j].offset
                i += 1
                j += 1
            } else if Self.isHyphen(slice[j].scalar) {
                j += 1
            } else if Self.isHyphen(text[i].scalar) || Self.isQuote(text[i].scalar) && Self.isQuote(slice[j].scalar) {
                map[text[i].offset] = slice[j].offset
                i += 1
                if Self.isQuote(slice[j].scalar) { j += 1 }
            } else if let resync = Self.find(text, from: i, in: slice, after: j) {
                j = resync
            } else {
                i += 1
            }
        }
        return map
    }

    private struct VisibleScalar {
        var scalar: Unicode.Scalar
        var offset: Int
    }

    private static func visibleScalars(bytes: ArraySlice<UInt8>, base: Int) -> [VisibleScalar] {
        var result: [VisibleScalar] = []
        var offset = base
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if !SimpleScalars.isWhitespace(scalar) {
                result.append(VisibleScalar(scalar: lowered(scalar), offset: offset))
            }
            offset += UTF8.width(scalar)
        }
        return result
    }

    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if let value = SimpleScalars.lowercase(scalar.value), let lower = Unicode.Scalar(value) { return lower }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{00AD}" || scalar == "‐"
    }

    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        ["\"", "«", "»", "“", "”", "„", "'"].contains(scalar)
    }

    /// Where the next few scalars of `text` from `i` occur in `slice`, at or after `after` (within a window).
    private static func find(_ text: [VisibleScalar], from i: Int, in slice: [VisibleScalar], after: Int) -> Int? {
        let length = min(6, text.count - i)
        guard length > 0 else { return nil }
        let limit = min(slice.count - length, after + 400)
        guard limit >= after else { return nil }
        for j in after...limit {
            var matched = true
            for k in 0..<length where text[i + k].scalar != slice[j + k].scalar {
                matched = false
                break
            }
            if matched { return j }
        }
        return nil
    }
}

/// A node whose text is aligned with the input, mapping byte ranges of `node.text` to input spans.
public struct AlignedNode: Sendable {
    public let node: StructureNode
    private let locator: SpanLocator
    /// Repaired-text offsets by byte offset of the node text (-1: none); empty when the alignment failed.
    private let map: [Int]
    private let textBytes: [UInt8]

    init(node: StructureNode, locator: SpanLocator) {
        self.node = node
        self.locator = locator
        self.textBytes = Array(node.text.utf8)
        self.map = locator.alignment(of: node, textBytes: textBytes)
    }

    /// The input span of the bytes `start..<end` of the node's text, or the node's span when unknown.
    public func span(_ start: Int, _ end: Int) -> SourceSpan {
        let start = max(0, start)
        let end = min(end, textBytes.count)
        guard start < end else { return node.span }
        guard !map.isEmpty else { return node.span }
        var first: Int?
        var offset = start
        while offset < end {
            if map[offset] >= 0 { first = map[offset]; break }
            offset += 1
        }
        var last: Int?
        offset = end - 1
        while offset >= start {
            let mapped = map[offset]
            if mapped >= 0 {
                // Map the end of that scalar: its byte width in the repaired text.
                last = mapped + Self.scalarWidth(textBytes, at: offset)
                break
            }
            offset -= 1
        }
        guard let first, let last, first < last else { return node.span }
        let span = SourceSpan(start: locator.inputOffset(forRepairedOffset: first),
                              end: locator.inputOffset(forRepairedOffset: last))
        guard span.start >= node.span.start, span.end <= node.span.end, span.start < span.end else { return node.span }
        return span
    }

    /// The span of the whole node text.
    public var whole: SourceSpan { node.span }

    private static func scalarWidth(_ bytes: [UInt8], at offset: Int) -> Int {
        let lead = bytes[offset]
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }
}
