import Foundation

/// Normalized word keys and similarity measures for matching text across versions.
///
/// Versions of a regulation spell the same thing differently (case, quotes, punctuation, inflection:
/// "көрсетілетін қызметті берушінің" / "көрсетілетін қызметті беруші"), so matching works on stems:
/// lower-cased letter-and-digit runs cut to their first `stemLength` characters.
public enum TextSimilarity {
    /// Characters kept of each word when comparing stems (Kazakh inflection is suffixal).
    public static let stemLength = 5

    /// The letter-and-digit runs of `text`, lower-cased.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The stems of `text`'s words.
    public static func stems(_ text: String) -> [String] {
        words(text).map { String($0.prefix(stemLength)) }
    }

    /// A key that is equal for texts that differ only in case, punctuation and spacing.
    public static func key(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// A key that is equal for texts that differ only in case, punctuation, spacing and word endings.
    public static func stemKey(_ text: String) -> String {
        stems(text).joined(separator: " ")
    }

    /// Dice coefficient of the stem multisets of two texts: 1 for the same words, 0 for none shared.
    public static func similarity(_ lhs: String, _ rhs: String) -> Double {
        similarity(stems: stems(lhs), stems(rhs))
    }

    /// Dice coefficient of two stem multisets.
    public static func similarity(stems lhs: [String], _ rhs: [String]) -> Double {
        if lhs.isEmpty && rhs.isEmpty { return 1 }
        if lhs.isEmpty || rhs.isEmpty { return 0 }
        var counts: [String: Int] = [:]
        for stem in lhs { counts[stem, default: 0] += 1 }
        var shared = 0
        for stem in rhs {
            if let count = counts[stem], count > 0 {
                shared += 1
                counts[stem] = count - 1
            }
        }
        return 2 * Double(shared) / Double(lhs.count + rhs.count)
    }
}

/// Stem similarity weighted by how telling each stem is among a set of texts (inverse document frequency):
/// the formula every step repeats ("көрсетілетін қызметті берушінің ...") counts little, the words that set
/// a step apart count much. Used to align the steps or points of two versions, weighted over both.
public struct WeightedSimilarity: Sendable {
    private let weights: [String: Double]
    private let defaultWeight: Double

    /// Weights from `texts` (each a list of stems): weight = ln(1 + N / texts containing the stem).
    public init(texts: [[String]]) {
        var frequency: [String: Int] = [:]
        for text in texts { for stem in Set(text) { frequency[stem, default: 0] += 1 } }
        let count = Double(max(texts.count, 1))
        weights = frequency.mapValues { log1p(count / Double($0)) }
        defaultWeight = log1p(count)
    }

    /// Weighted Dice coefficient of two stem multisets (1 for the same stems, 0 for none shared).
    public func similarity(_ lhs: [String], _ rhs: [String]) -> Double {
        if lhs.isEmpty && rhs.isEmpty { return 1 }
        var left: [String: Int] = [:], right: [String: Int] = [:]
        for stem in lhs { left[stem, default: 0] += 1 }
        for stem in rhs { right[stem, default: 0] += 1 }
        var shared = 0.0, total = 0.0
        for (stem, count) in left {
            let weight = weights[stem] ?? defaultWeight
            total += Double(count) * weight
            if let other = right[stem] { shared += Double(min(count, other)) * weight }
        }
        for (stem, count) in right { total += Double(count) * (weights[stem] ?? defaultWeight) }
        return total > 0 ? 2 * shared / total : 0
    }
}
