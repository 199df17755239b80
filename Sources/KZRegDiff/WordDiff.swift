/// Word-level diff of two texts by longest common subsequence.
///
/// Words are whitespace-separated tokens; two tokens are the same word when their stems agree (case,
/// surrounding punctuation and word endings aside — OCR damage concentrates there, and a change of substance
/// changes a stem or a number). Runs of one operation are merged; at a replacement the deletion comes first.
public struct WordDiff: Sendable {
    /// Above this many cells (old words × new words) the texts are reported as replaced wholesale.
    public var maxCells: Int

    public init(maxCells: Int = 4_000_000) {
        self.maxCells = maxCells
    }

    /// The edits that turn `old` into `new`.
    public func diff(_ old: String, _ new: String) -> [WordEdit] {
        let a = Self.tokens(old), b = Self.tokens(new)
        let keysA = a.map(Self.key), keysB = b.map(Self.key)
        var ops: [(WordEdit.Operation, String)] = []
        if a.count * b.count > maxCells {
            ops = a.map { (.delete, $0) } + b.map { (.insert, $0) }
            return Self.merge(ops)
        }
        // Trim the common prefix and suffix: cheap, and keeps the table small.
        var prefix = 0
        while prefix < a.count, prefix < b.count, keysA[prefix] == keysB[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              keysA[a.count - 1 - suffix] == keysB[b.count - 1 - suffix] { suffix += 1 }
        for index in 0..<prefix { ops.append((.equal, b[index])) }
        let midA = Array(prefix..<(a.count - suffix)), midB = Array(prefix..<(b.count - suffix))
        let n = midA.count, m = midB.count
        // lengths[i][j]: LCS length of midA[i...] and midB[j...], stored row-major.
        var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] = keysA[midA[i]] == keysB[midB[j]]
                        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, keysA[midA[i]] == keysB[midB[j]] {
                ops.append((.equal, b[midB[j]]))
                i += 1
                j += 1
            } else if j == m || (i < n && lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1]) {
                ops.append((.delete, a[midA[i]]))
                i += 1
            } else {
                ops.append((.insert, b[midB[j]]))
                j += 1
            }
        }
        for index in (b.count - suffix)..<b.count { ops.append((.equal, b[index])) }
        return Self.merge(ops)
    }

    /// Whether the texts differ beyond case, punctuation around words, word endings and spacing.
    public static func differs(_ old: String, _ new: String) -> Bool {
        tokens(old).map(key) != tokens(new).map(key)
    }

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    static func key(_ token: String) -> String {
        let stems = TextSimilarity.stems(token)
        return stems.isEmpty ? token : stems.joined(separator: " ")
    }

    /// Merges runs of one operation; within a replacement, all deletions come before all insertions.
    static func merge(_ ops: [(WordEdit.Operation, String)]) -> [WordEdit] {
        var result: [WordEdit] = []
        var deleted: [String] = [], inserted: [String] = [], equal: [String] = []
        func flushChanges() {
            if !deleted.isEmpty { result.append(WordEdit(op: .delete, text: deleted.joined(separator: " "))) }
            if !inserted.isEmpty { result.append(WordEdit(op: .insert, text: inserted.joined(separator: " "))) }
            deleted = []
            inserted = []
        }
        func flushEqual() {
            if !equal.isEmpty { result.append(WordEdit(op: .equal, text: equal.joined(separator: " "))) }
            equal = []
        }
        for (op, word) in ops {
            switch op {
            case .equal:
                flushChanges()
                equal.append(word)
            case .delete:
                flushEqual()
                deleted.append(word)
            case .insert:
                flushEqual()
                inserted.append(word)
            }
        }
        flushChanges()
        flushEqual()
        return result
    }
}
