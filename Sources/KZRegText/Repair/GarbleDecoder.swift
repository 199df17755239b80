import Foundation

/// One reading of a garbled word: lowercase Cyrillic plus its score (channel + lexicon/char-LM log-prob).
struct WordCandidate: Sendable {
    var word: String
    var score: Float
    /// Lexicon unigram log-prob (nil for out-of-lexicon readings).
    var unigram: Float?
}

/// Noisy-channel decoder of one garbled word (case-folded garble symbols → Cyrillic).
struct GarbleDecoder {
    let model: GarbleModel
    var beamWidth = 48
    var maxCandidates = 6
    /// Penalty for an input symbol the channel explains by no letter (stray mark, unknown symbol).
    var insertionLogP: Float = -7
    /// log P(word is outside the lexicon).
    var oovLogP: Float = -5
    var lexiconWeight: Float = 1.0

    private struct State {
        var node: Int32       // trie node (lexicon) or packed (p2,p1) letters (OOV)
        var score: Float      // channel (+ LM for OOV)
        var history: Int32    // index into the history arrays
    }

    /// Decodes the folded garble symbols. Returns candidates best first.
    func decode(_ symbols: [UInt8]) -> [WordCandidate] {
        let n = symbols.count
        guard n > 0, n <= 48 else { return [] }
        // Channel options per (position, length).
        var options = [Range<Int>?](repeating: nil, count: n * 3)
        for i in 0..<n {
            var key: UInt32 = 0
            for l in 1...3 where i + l <= n {
                key = key << 8 | UInt32(symbols[i + l - 1])
                if symbols[i + l - 1] == 0 { break }
                options[i * 3 + l - 1] = model.channelRanges[key]
            }
        }
        var results = lexiconSearch(options, n)
        let oov = oovSearch(options, n)
        results.append(contentsOf: oov)
        results.sort { $0.score > $1.score }
        var seen = Set<String>()
        var out: [WordCandidate] = []
        for c in results where !seen.contains(c.word) {
            seen.insert(c.word)
            out.append(c)
            if out.count == maxCandidates { break }
        }
        return out
    }

    private func lexiconSearch(_ options: [Range<Int>?], _ n: Int) -> [WordCandidate] {
        var histPrev: [Int32] = [-1]
        var histLetter: [UInt8] = [0]
        var beams = [[State]](repeating: [], count: n + 1)
        beams[0] = [State(node: 0, score: 0, history: 0)]
        var finals: [(Int32, Float, Int32)] = []
        for i in 0...n {
            var beam = beams[i]
            if beam.isEmpty { continue }
            // Deletions: a letter that left no mark (one per position).
            var extra: [State] = []
            for s in beam {
                let node = Int(s.node)
                let start = Int(model.firstChild[node])
                for c in start..<start + Int(model.childCount[node]) {
                    let d = model.deletion[Int(model.label[c])]
                    if d > -9 {
                        histPrev.append(s.history); histLetter.append(model.label[c])
                        extra.append(State(node: Int32(c), score: s.score + d, history: Int32(histPrev.count - 1)))
                    }
                }
            }
            beam.append(contentsOf: extra)
            beam = prune(beam, lexicon: true)
            if i == n {
                for s in beam where model.wordScore[Int(s.node)] != 0 {
                    finals.append((s.node, s.score, s.history))
                }
                break
            }
            for s in beam {
                let node = Int(s.node)
                // insertion: symbol explained by nothing
                beams[i + 1].append(State(node: s.node, score: s.score + insertionLogP, history: s.history))
                for l in 1...3 where i + l <= n {
                    guard let range = options[i * 3 + l - 1] else { continue }
                    for e in range {
                        let c = model.child(node, model.channelLetter[e])
                        if c < 0 { continue }
                        histPrev.append(s.history); histLetter.append(model.channelLetter[e])
                        beams[i + l].append(State(node: Int32(c), score: s.score + model.channelLogP[e],
                                                  history: Int32(histPrev.count - 1)))
                    }
                }
            }
        }
        var out: [WordCandidate] = []
        for (node, score, h) in finals {
            let lp = model.wordLogP(Int(node)) ?? -30
            out.append(WordCandidate(word: spell(h, histPrev, histLetter), score: score + lexiconWeight * lp,
                                     unigram: lp))
        }
        return out
    }

    private func oovSearch(_ options: [Range<Int>?], _ n: Int) -> [WordCandidate] {
        let side = model.trigramSide
        var histPrev: [Int32] = [-1]
        var histLetter: [UInt8] = [0]
        var beams = [[State]](repeating: [], count: n + 1)
        beams[0] = [State(node: 0, score: 0, history: 0)]
        var out: [WordCandidate] = []
        for i in 0...n {
            var beam = beams[i]
            if beam.isEmpty { continue }
            beam = prune(beam, lexicon: false)
            if i == n {
                for s in beam {
                    let p2 = Int(s.node) >> 8, p1 = Int(s.node) & 0xFF
                    let score = s.score + model.trigram[(p2 * side + p1) * side] + oovLogP
                    out.append(WordCandidate(word: spell(s.history, histPrev, histLetter), score: score, unigram: nil))
                }
                break
            }
            for s in beam {
                let p2 = Int(s.node) >> 8, p1 = Int(s.node) & 0xFF
                beams[i + 1].append(State(node: s.node, score: s.score + insertionLogP, history: s.history))
                for l in 1...3 where i + l <= n {
                    guard let range = options[i * 3 + l - 1] else { continue }
                    for e in range {
                        let c = Int(model.channelLetter[e])
                        if c >= side { continue }
                        let lm = model.trigram[(p2 * side + p1) * side + c]
                        histPrev.append(s.history); histLetter.append(UInt8(c))
                        beams[i + l].append(State(node: Int32(p1 << 8 | c), score: s.score + model.channelLogP[e] + lm,
                                                  history: Int32(histPrev.count - 1)))
                    }
                }
            }
        }
        return out
    }

    private func prune(_ beam: [State], lexicon: Bool) -> [State] {
        // keep the best state per node, then the top beamWidth by score (+ lexicon look-ahead)
        var best: [Int32: State] = [:]
        best.reserveCapacity(beam.count)
        for s in beam {
            if let b = best[s.node], b.score >= s.score { continue }
            best[s.node] = s
        }
        var states = Array(best.values)
        if states.count > beamWidth {
            if lexicon {
                states.sort { $0.score + lexiconWeight * model.bestLogP(Int($0.node)) >
                              $1.score + lexiconWeight * model.bestLogP(Int($1.node)) }
            } else {
                states.sort { $0.score > $1.score }
            }
            states.removeLast(states.count - beamWidth)
        }
        return states
    }

    private func spell(_ h: Int32, _ prev: [Int32], _ letters: [UInt8]) -> String {
        var scalars: [Unicode.Scalar] = []
        var i = Int(h)
        while i > 0 {
            scalars.append(model.alphabet[Int(letters[i]) - 1])
            i = Int(prev[i])
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars.reversed())
        return String(s)
    }
}
