import KZRegRecords

/// Pairs the regulations of two versions by service name (their title when the name is unknown).
///
/// Names are compared by stem similarity, so versions that spell a name differently still pair; the most
/// similar pairs are taken first and each regulation pairs at most once.
struct RegulationPairing: Sendable {
    struct Pair: Sendable, Hashable {
        var old: Int?
        var new: Int?
        var similarity: Double?
    }

    var threshold: Double

    /// Pairs in the new version's order; then the old regulations left unpaired, in their order.
    func pair(old: [Regulation], new: [Regulation]) -> [Pair] {
        var candidates: [(old: Int, new: Int, similarity: Double)] = []
        for (i, lhs) in old.enumerated() {
            for (j, rhs) in new.enumerated() {
                let similarity = Self.similarity(lhs, rhs)
                if similarity >= threshold { candidates.append((i, j, similarity)) }
            }
        }
        candidates.sort { ($0.similarity, $1.old, $1.new) > ($1.similarity, $0.old, $0.new) }
        var partnerOfNew: [Int: (old: Int, similarity: Double)] = [:]
        var pairedOld = Set<Int>()
        for candidate in candidates where !pairedOld.contains(candidate.old) && partnerOfNew[candidate.new] == nil {
            pairedOld.insert(candidate.old)
            partnerOfNew[candidate.new] = (candidate.old, candidate.similarity)
        }
        var pairs = new.indices.map { j in
            Pair(old: partnerOfNew[j]?.old, new: j, similarity: partnerOfNew[j]?.similarity)
        }
        pairs += old.indices.filter { !pairedOld.contains($0) }.map { Pair(old: $0, new: nil, similarity: nil) }
        return pairs
    }

    /// Similarity of two regulations' names (0–1).
    static func similarity(_ lhs: Regulation, _ rhs: Regulation) -> Double {
        if let left = lhs.serviceName, let right = rhs.serviceName {
            return TextSimilarity.similarity(left, right)
        }
        return TextSimilarity.similarity(lhs.serviceName ?? lhs.title, rhs.serviceName ?? rhs.title)
    }
}
