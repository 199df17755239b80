import Foundation

/// One reading of a garbled word: lowercase Cyrillic plus its score (channel + lexicon/char-LM log-prob).
struct WordCandidate: Sendable {
    var word: String
    var score: Float
    /// Lexicon unigram log-prob (nil for out-of-lexicon readings).
    var unigram: Float?
}

/// Tunable weights of the word decoder (defaults are the tuned values).
public struct GarbleDecoderSettings: Sendable {
    public var beamWidth = 64
    public var oovTrigger: Float = 1.2
    public var insertionLogP: Float = -6.5
    public var oovLogP: Float = -5
    public var lexiconWeight: Float = 1.2
    public var deletionSources = 12
    public var deletionFloor: Float = -5
    public var substitutionLogP: Float = -7.5
    public var charWeight: Float = 0.15
    /// Document adaptation: rounds, pseudo-count weight of the trained channel, confidence of pairs used.
    public var adaptRounds = 1
    public var adaptPrior: Float = 50
    public var adaptConfidence: Float = 0.8
    /// Weight of the word-bigram re-ranking (log of the bigram/unigram mixture over the unigram).
    public var bigramWeight: Float = 1
    /// Upper bound of the bigram boost (nats): context re-ranks close readings, never overrides clear garble.
    public var bigramCap: Float = 100
    /// Weight of the right-context bigram (the next word's best reading); 0 turns it off.
    public var nextBigramWeight: Float = 1
    /// Share of a same-stem reading's bigram support a reading gets (0 turns it off).
    public var stemShare: Float = 1
    /// Nats subtracted from a same-stem reading's bigram support before it is shared.
    public var stemPenalty: Float = 1.5
    /// Prior that a "," or "." right after a garbled word ending in a look-alike of a letter with a descender
    /// or tail (H, h, n, N, k, K, l, I) is real punctuation, not part of the letter ("GepyWiHiH," = берушінің).
    public var realCommaPrior: Float = 0.08
    /// Share of the garbled words ending in "H" that a comma follows above which a text is taken to print
    /// the descender of ң as a comma.
    public var descenderCommaRate: Float = 0.07
    /// Multiplier of the learned deletion log-probs (a Cyrillic letter that left no mark in the garble).
    public var deletionScale: Float = 1
    /// Extra cost of a deletion after the last garble symbol (an ending the garble shows no trace of).
    public var endDeletionLogP: Float = 0
    /// Cost (nats, ≤ 0) of a channel entry derived by swapping one garble glyph for a look-alike; 0 = none.
    public var lookAlikeLogP: Float = -4
    /// Log prior (≤ 0) that a space between two garbled pieces of one line is an OCR split inside a word
    /// ("KO MaHbicKa" = "қолданысқа"); 0 never joins.
    public var joinLogP: Float = -6
    /// Log prior (≤ 0) of each of the two spaces of a word that OCR split into three pieces ("KON Man Dbl").
    public var join3LogP: Float = -4
    /// Weight of the document's own confident vocabulary in the adapted pass (0 turns it off).
    public var documentWeight: Float = 0.5
    /// Bonus (nats) of a surname-like reading (-ов, -ева, -ин, -ұлы …) right after an initial.
    public var surnameBonus: Float = 3
    /// How far (nats) below the beam's best reading a document word read by forced alignment may score and
    /// still be considered; 0 proposes none.
    public var documentProposalMargin: Float = 6
    /// Longest joined garble (symbols) tried.
    public var joinLength = 16
    public init() {}

    /// Overrides from a "name=value,name=value" string (used by the evaluation tool while tuning).
    public mutating func apply(_ spec: String) {
        for item in spec.split(separator: ",") {
            let kv = item.split(separator: "=")
            guard kv.count == 2, let v = Float(kv[1]) else { continue }
            switch kv[0] {
            case "beam": beamWidth = Int(v)
            case "oovTrigger": oovTrigger = v
            case "insertion": insertionLogP = v
            case "oov": oovLogP = v
            case "lexicon": lexiconWeight = v
            case "deletionSources": deletionSources = Int(v)
            case "deletionFloor": deletionFloor = v
            case "substitution": substitutionLogP = v
            case "char": charWeight = v
            case "adaptRounds": adaptRounds = Int(v)
            case "adaptPrior": adaptPrior = v
            case "adaptConfidence": adaptConfidence = v
            case "bigram": bigramWeight = v
            case "bigramCap": bigramCap = v
            case "deletionScale": deletionScale = v
            case "endDeletion": endDeletionLogP = v
            case "lookAlike": lookAlikeLogP = v
            case "join": joinLogP = v
            case "join3": join3LogP = v
            case "document": documentWeight = v
            case "surname": surnameBonus = v
            case "proposal": documentProposalMargin = v
            case "joinLength": joinLength = Int(v)
            case "next": nextBigramWeight = v
            case "stem": stemShare = v
            case "stemPenalty": stemPenalty = v
            case "comma": realCommaPrior = v
            case "commaRate": descenderCommaRate = v
            default: break
            }
        }
    }
}

/// Noisy-channel decoder of one garbled word (case-folded garble symbols → Cyrillic).
struct GarbleDecoder {
    let model: GarbleModel
    init(model: GarbleModel, settings: GarbleDecoderSettings = GarbleDecoderSettings()) {
        self.model = model
        beamWidth = settings.beamWidth
        oovTrigger = settings.oovTrigger
        insertionLogP = settings.insertionLogP
        oovLogP = settings.oovLogP
        lexiconWeight = settings.lexiconWeight
        deletionSources = settings.deletionSources
        deletionFloor = settings.deletionFloor
        substitutionLogP = settings.substitutionLogP
        charWeight = settings.charWeight
        deletionScale = settings.deletionScale
        endDeletionLogP = settings.endDeletionLogP
    }
    var endDeletionLogP: Float = 0
    var deletionScale: Float = 1
    var beamWidth = 32
    /// Run the out-of-lexicon search when the best lexicon reading costs more than this per symbol (+ 12).
    var oovTrigger: Float = 1.2
    var maxCandidates = 6
    /// Penalty for an input symbol the channel explains by no letter (stray mark, unknown symbol).
    var insertionLogP: Float = -7
    /// log P(word is outside the lexicon).
    var oovLogP: Float = -5
    var lexiconWeight: Float = 1.2
    /// Deletions (a letter that left no mark) are tried from the best few states only, for likely ones.
    var deletionSources = 12
    var deletionFloor: Float = -5
    /// Cost of a letter read as an arbitrary single symbol (outside the learned channel).
    var substitutionLogP: Float = -9
    /// Weight of the character trigram on lexicon words (vowel harmony etc. penalize junk forms).
    var charWeight: Float = 0.15

    private struct State {
        var node: Int32       // trie node (lexicon) or packed (p2,p1) letters (OOV)
        var score: Float      // channel (+ LM for OOV)
        var history: Int32    // index into the history arrays
    }

    /// Decodes the folded garble symbols. Returns candidates best first.
    func decode(_ symbols: [UInt8]) -> [WordCandidate] {
        let n = symbols.count
        guard n > 0, n <= 48 else { return [] }
        let options = channelOptions(symbols)
        var results = lexiconSearch(options, n)
        // The character model is consulted only when the lexicon explains the garble poorly.
        let bestLexicon = results.map(\.score).max() ?? -.infinity
        if bestLexicon < -oovTrigger * Float(n) - 12 {
            results.append(contentsOf: oovSearch(options, n))
        }
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

    /// The channel entries that can explain the garble from each position with 1–3 symbols: element
    /// `i * 3 + l - 1` holds the range of entries for symbols[i..<i+l].
    func channelOptions(_ symbols: [UInt8]) -> [Range<Int>?] {
        let n = symbols.count
        var options = [Range<Int>?](repeating: nil, count: n * 3)
        for i in 0..<n {
            var key: UInt32 = 0
            for l in 1...3 where i + l <= n {
                key = key << 8 | UInt32(symbols[i + l - 1])
                if symbols[i + l - 1] == 0 { break }
                options[i * 3 + l - 1] = model.channelRanges[key]
            }
        }
        return options
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
            beam = prune(beam, lexicon: true)
            for s in beam.prefix(deletionSources) {
                let node = Int(s.node)
                let start = Int(model.firstChild[node])
                for c in start..<start + Int(model.childCount[node]) {
                    let d = deletionScale * model.deletion[Int(model.label[c])] + (i == n ? endDeletionLogP : 0)
                    if d > deletionFloor {
                        histPrev.append(s.history); histLetter.append(model.label[c])
                        extra.append(State(node: Int32(c), score: s.score + d, history: Int32(histPrev.count - 1)))
                    }
                }
            }
            beam.append(contentsOf: extra)
            beam = prune(beam, lexicon: true)
            // Substitution fallback: a letter misread as a symbol the channel never paired it with.
            if i < n {
                for s in beam.prefix(deletionSources) {
                    let node = Int(s.node)
                    let start = Int(model.firstChild[node])
                    for c in start..<start + Int(model.childCount[node]) {
                        histPrev.append(s.history); histLetter.append(model.label[c])
                        beams[i + 1].append(State(node: Int32(c), score: s.score + substitutionLogP,
                                                  history: Int32(histPrev.count - 1)))
                    }
                }
            }
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
        // The character model re-ranks lexicon readings relative to the most word-like one, so it does not
        // shift the balance between lexicon and out-of-lexicon readings.
        var paths: [([UInt8], Float, Float)] = []
        var bestChar: Float = -.infinity
        for (node, score, h) in finals {
            let letters = letterPath(h, histPrev, histLetter)
            let cs = charScore(letters) / Float(max(letters.count, 1))
            bestChar = max(bestChar, cs)
            paths.append((letters, score + lexiconWeight * (model.wordLogP(Int(node)) ?? -30), cs))
        }
        for ((letters, score, cs), final) in zip(paths, finals) {
            let lp = model.wordLogP(Int(final.0)) ?? -30
            out.append(WordCandidate(word: spell(letters), score: score + charWeight * Float(letters.count) * (cs - bestChar),
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
                    out.append(WordCandidate(word: spell(letterPath(s.history, histPrev, histLetter)), score: score, unigram: nil))
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
        // best state per node, top beamWidth by score (+ the lexicon look-ahead: best word below the node)
        var keyed: [(Float, Int32)] = []
        keyed.reserveCapacity(beam.count)
        for (i, s) in beam.enumerated() {
            let k = lexicon ? s.score + lexiconWeight * model.bestLogP(Int(s.node)) : s.score
            keyed.append((k, Int32(i)))
        }
        // Only the best few matter: sort those above the (2·beamWidth)-th best key, and the whole list only
        // when they hold fewer than beamWidth distinct nodes. Both give the same beam (the sort is stable).
        if keyed.count > beamWidth * 4 {
            var keys = keyed.map(\.0)
            let cutoff = Self.kthLargest(&keys, beamWidth * 2)
            var top = keyed.filter { $0.0 >= cutoff }
            top.sort { $0.0 > $1.0 }
            let out = distinctNodes(top, beam)
            if out.count == beamWidth { return out }
        }
        keyed.sort { $0.0 > $1.0 }
        return distinctNodes(keyed, beam)
    }

    /// The first state of each node, in order, up to beamWidth of them.
    private func distinctNodes(_ keyed: [(Float, Int32)], _ beam: [State]) -> [State] {
        var seen = Set<Int32>(minimumCapacity: beamWidth * 2)
        var out: [State] = []
        out.reserveCapacity(beamWidth)
        for (_, i) in keyed {
            let s = beam[Int(i)]
            if seen.insert(s.node).inserted {
                out.append(s)
                if out.count == beamWidth { break }
            }
        }
        return out
    }

    /// The k-th largest value (1-based) of `values` (reordered in place): quickselect.
    static func kthLargest(_ values: inout [Float], _ k: Int) -> Float {
        var lo = 0, hi = values.count - 1
        let target = k - 1
        while lo < hi {
            let pivot = values[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if target <= j { hi = j } else if target >= i { lo = i } else { return values[target] }
        }
        return values[target]
    }

    private func letterPath(_ h: Int32, _ prev: [Int32], _ letters: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = Int(h)
        while i > 0 {
            out.append(letters[i])
            i = Int(prev[i])
        }
        return out.reversed()
    }

    /// Character trigram log-probability of a letter sequence (with word boundaries), per letter.
    private func charScore(_ letters: [UInt8]) -> Float {
        let side = model.trigramSide
        var p2 = 0, p1 = 0
        var total: Float = 0
        for l in letters {
            let c = Int(l)
            if c >= side { continue }
            total += model.trigram[(p2 * side + p1) * side + c]
            p2 = p1; p1 = c
        }
        total += model.trigram[(p2 * side + p1) * side]
        return total
    }

    private func spell(_ letters: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        for l in letters { s.append(model.alphabet[Int(l) - 1]) }
        return String(s)
    }
}
