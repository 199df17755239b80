/// Scores one given reading of a garble under the channel, with the costs the beam search uses: a letter
/// read as 1–3 garble symbols it is paired with, read as any single symbol (substitution), or leaving no
/// mark (deletion); a garble symbol explained by no letter (insertion).
extension GarbleDecoder {
    /// log P(garble | letters) of the best alignment, or nil when the lengths cannot align.
    func forcedChannelScore(_ symbols: [UInt8], _ letters: [UInt8]) -> Float? {
        forcedChannelScore(symbols, letters, options: channelOptions(symbols))
    }

    /// `forcedChannelScore(symbols, letters)` given the symbols' `channelOptions`; nil also when the score is
    /// not above `floor`. Every step costs (log-probs are never positive), so alignments that fall to the floor
    /// are dropped as they go.
    func forcedChannelScore(_ symbols: [UInt8], _ letters: [UInt8], options: [Range<Int>?],
                            floor: Float = -.infinity) -> Float? {
        let n = symbols.count, m = letters.count
        guard n > 0, m > 0, n <= 48, m <= 3 * n + 3 else { return nil }
        // best[k][i]: k letters read, i symbols consumed
        let width = n + 1
        var best = [Float](repeating: -.infinity, count: (m + 1) * width)
        best[0] = 0
        for k in 0...m {
            for i in 0...n {
                let here = best[k * width + i]
                if here <= floor { continue }
                if i < n {   // insertion
                    best[k * width + i + 1] = max(best[k * width + i + 1], here + insertionLogP)
                }
                guard k < m else { continue }
                let letter = letters[k]
                let next = (k + 1) * width
                best[next + i] = max(best[next + i], here + deletionScale * model.deletion[Int(letter)])
                if i < n { best[next + i + 1] = max(best[next + i + 1], here + substitutionLogP) }
                for l in 1...3 where i + l <= n {
                    guard let range = options[i * 3 + l - 1] else { continue }
                    for e in range where model.channelLetter[e] == letter {
                        best[next + i + l] = max(best[next + i + l], here + model.channelLogP[e])
                    }
                }
            }
        }
        let score = best[m * width + n]
        return score <= floor ? nil : score
    }
}
