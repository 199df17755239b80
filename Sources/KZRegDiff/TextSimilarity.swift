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
