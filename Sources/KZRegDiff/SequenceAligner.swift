/// Aligns two sequences by content: an order-preserving alignment that maximizes the summed similarity of
/// matched pairs (dynamic programming, like LCS with weights), then pairs leftovers as moves.
///
/// An element inserted in the middle therefore shows as one insertion, not as every later element changed,
/// and an element that changed place shows as one move.
public struct SequenceAligner: Sendable {
    /// One entry of an alignment, in the order of the new sequence (removed elements where they stood).
    public enum Entry: Sendable, Hashable {
        case matched(old: Int, new: Int, similarity: Double)
        case removed(old: Int)
        case added(new: Int)
        case moved(old: Int, new: Int, similarity: Double)
    }

    /// Least similarity for two elements to be aligned in order.
    public var matchThreshold: Double
    /// Least similarity for an out-of-order pair to count as a move rather than a removal and an addition.
    public var moveThreshold: Double

    public init(matchThreshold: Double = 0.35, moveThreshold: Double = 0.6) {
        self.matchThreshold = matchThreshold
        self.moveThreshold = moveThreshold
    }

    /// Aligns `oldCount` elements with `newCount` elements given their pairwise similarity (0–1).
    public func align(oldCount n: Int, newCount m: Int, similarity: (Int, Int) -> Double) -> [Entry] {
        var table = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n { for j in 0..<m { table[i][j] = similarity(i, j) } }
        // best[i][j]: best score aligning old[i...] with new[j...].
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    var score = max(best[i + 1][j], best[i][j + 1])
                    if table[i][j] >= matchThreshold {
                        // Each match gains its similarity beyond the threshold (plus a little, so equal
                        // elements always beat skipping).
                        score = max(score, best[i + 1][j + 1] + table[i][j] - matchThreshold + 1e-6)
                    }
                    best[i][j] = score
                }
            }
        }
        var entries: [Entry] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, table[i][j] >= matchThreshold,
               abs(best[i][j] - (best[i + 1][j + 1] + table[i][j] - matchThreshold + 1e-6)) < 1e-9 {
                entries.append(.matched(old: i, new: j, similarity: table[i][j]))
                i += 1
                j += 1
            } else if j == m || (i < n && best[i + 1][j] >= best[i][j + 1]) {
                entries.append(.removed(old: i))
                i += 1
            } else {
                entries.append(.added(new: j))
                j += 1
            }
        }
        return pairMoves(entries, table: table)
    }

    /// Turns the best out-of-order (removed, added) pairs into moves, greedily by similarity.
    private func pairMoves(_ entries: [Entry], table: [[Double]]) -> [Entry] {
        var removed: [Int] = [], added: [Int] = []
        for entry in entries {
            if case .removed(let old) = entry { removed.append(old) }
            if case .added(let new) = entry { added.append(new) }
        }
        var candidates: [(old: Int, new: Int, similarity: Double)] = []
        for old in removed {
            for new in added where table[old][new] >= moveThreshold {
                candidates.append((old, new, table[old][new]))
            }
        }
        candidates.sort { ($0.similarity, $1.old, $1.new) > ($1.similarity, $0.old, $0.new) }
        var movedOld: [Int: (new: Int, similarity: Double)] = [:]
        var movedNew: [Int: (old: Int, similarity: Double)] = [:]
        for candidate in candidates where movedOld[candidate.old] == nil && movedNew[candidate.new] == nil {
            movedOld[candidate.old] = (candidate.new, candidate.similarity)
            movedNew[candidate.new] = (candidate.old, candidate.similarity)
        }
        return entries.compactMap { entry in
            switch entry {
            case .removed(let old) where movedOld[old] != nil:
                return nil
            case .added(let new):
                if let move = movedNew[new] { return .moved(old: move.old, new: new, similarity: move.similarity) }
                return entry
            default:
                return entry
            }
        }
    }
}
