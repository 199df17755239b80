/// One token the repair stage replaced, traceable to its bytes in the repair input.
public struct RepairEdit: Sendable, Hashable, Codable {
    /// UTF-8 byte offset where the replaced token starts in the repair input.
    public var start: Int
    /// UTF-8 byte offset just past the replaced token in the repair input.
    public var end: Int
    /// The token as it was in the input.
    public var original: String
    /// What the token became.
    public var replacement: String
    /// Other readings the repairer considered, best first.
    public var alternatives: [String]
    /// The repairer's confidence in `replacement`, from 0 to 1.
    public var confidence: Double

    public init(start: Int, end: Int, original: String, replacement: String,
                alternatives: [String] = [], confidence: Double = 1) {
        self.start = start
        self.end = end
        self.original = original
        self.replacement = replacement
        self.alternatives = alternatives
        self.confidence = confidence
    }
}

/// The output of a repair stage: the repaired text and the edits that produced it from the input.
///
/// Repairs change tokens only, never line breaks, so line N of `text` is line N of the input.
public struct RepairResult: Sendable {
    /// The repaired text.
    public let text: String
    /// The edits, sorted by `start` and non-overlapping.
    public let edits: [RepairEdit]
    /// For each edit, where its replacement starts in the repaired text.
    private let repairedStarts: [Int]

    public init(text: String, edits: [RepairEdit]) {
        self.text = text
        self.edits = edits
        var starts: [Int] = []
        starts.reserveCapacity(edits.count)
        var delta = 0
        for k in edits.indices {   // (by index: no copy of each edit)
            starts.append(edits[k].start + delta)
            delta += edits[k].replacement.utf8.count - (edits[k].end - edits[k].start)
        }
        self.repairedStarts = starts
    }

    /// Builds the result of applying `edits` (sorted, non-overlapping) to `input`.
    public init(applying edits: [RepairEdit], to input: String) {
        self.init(applying: edits, toUTF8: Array(input.utf8))
    }

    /// Builds the result of applying `edits` (sorted, non-overlapping) to the input's UTF-8 bytes.
    init(applying edits: [RepairEdit], toUTF8 source: [UInt8]) {
        var length = source.count
        for k in edits.indices { length += edits[k].replacement.utf8.count - (edits[k].end - edits[k].start) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        var position = 0
        for k in edits.indices {   // (by index: no copy of each edit)
            bytes.append(contentsOf: source[position..<edits[k].start])
            if edits[k].replacement.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: edits[k].replacement.utf8)
            }
            position = edits[k].end
        }
        bytes.append(contentsOf: source[position...])
        self.init(text: String(decoding: bytes, as: UTF8.self), edits: edits)
    }

    /// Maps a UTF-8 byte offset in the repaired text back to the input. An offset inside a replacement
    /// maps into the replaced token (clamped to it), so spans stay within the original token.
    public func originalOffset(forRepairedOffset offset: Int) -> Int {
        // Binary search for the last edit whose repaired start is <= offset.
        var low = 0
        var high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if repairedStart(of: middle) <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        let index = low - 1
        let edit = edits[index]
        let repairedStart = repairedStart(of: index)
        let repairedEnd = repairedStart + edit.replacement.utf8.count
        if offset >= repairedEnd { return edit.end + (offset - repairedEnd) }
        return min(edit.start + (offset - repairedStart), edit.end)
    }

    /// The confidence below which an edit is listed for review. At 0.9 the garble repairer lists about 3–13 % of
    /// its edits (garbled seeds 000, 002, 004: 6 %, 9 %, 13 %), and more than half of its wrong words are among them
    /// (`scripts/repair/evaluate`: 6.5 % of the edits and 55 % of the wrong words on held-out renders, 3.1 % and
    /// 59 % on the hand-checked seed lines); at 0.5 it would list 1 % and 14 %, and none on the seed lines.
    public static let reviewThreshold = 0.9

    /// The low-confidence edits, for review.
    public func uncertainEdits(below threshold: Double = RepairResult.reviewThreshold) -> [RepairEdit] {
        edits.filter { $0.confidence < threshold }
    }

    private func repairedStart(of index: Int) -> Int { repairedStarts[index] }
}

/// A repair stage: turns possibly garbled text into clean text, token by token.
public protocol TextRepairing: Sendable {
    /// Repairs `text`, keeping every line break.
    func repair(_ text: String) -> RepairResult
}

/// The minimal repair stage: brings every token to Unicode NFC and changes nothing else.
public struct NFCRepairer: TextRepairing {
    public init() {}

    public func repair(_ text: String) -> RepairResult {
        if text.utf8.allSatisfy({ $0 < 0x80 }) || ICU.isNFC(text) {
            return RepairResult(text: text, edits: [])
        }
        var edits: [RepairEdit] = []
        for token in Tokenizer.tokens(in: text) where !token.isASCII {
            let normalized = (try? ICU.nfc(token.text)) ?? token.text
            if normalized != token.text {
                edits.append(RepairEdit(start: token.start, end: token.end, original: token.text,
                                        replacement: normalized))
            }
        }
        return RepairResult(applying: edits, to: text)
    }
}
