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
    /// How much better (nats) the joined reading of OCR-split pieces that each read as a word must score than
    /// the pieces apart; infinity never joins readable words.
    public var joinWordsMargin: Float = 4
    /// Readable pieces are tried joined only when one of them scores below this many nats per garble byte (a
    /// poor reading); keeps the first pass from decoding every pair of adjacent words joined.
    public var joinWeakPiece: Float = -3
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
            case "joinWords": joinWordsMargin = v
            case "joinWeak": joinWeakPiece = v
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
        var key: Float        // what the beam is pruned by: the score (+ the lexicon look-ahead)
    }

    /// The lowest key among the insertion states of a full beam (`-infinity` unless the beam holds `width`
    /// states): the next beam gets that many distinct nodes with at least this key.
    private static func insertionFloor(_ beam: [State], _ width: Int, _ insertion: Float,
                                       _ key: (Int, Float) -> Float) -> Float {
        guard beam.count == width else { return -.infinity }
        var floor = Float.infinity
        for s in beam { floor = min(floor, key(Int(s.node), s.score + insertion)) }
        return floor
    }

    /// Moves the (up to) three beams after position `i` out of `beams`, so appending to them copies nothing.
    private static func takeNextBeams(_ beams: inout [[State]], after i: Int) -> ([State], [State], [State]) {
        var taken: ([State], [State], [State]) = ([], [], [])
        swap(&taken.0, &beams[i + 1])
        if i + 2 < beams.count { swap(&taken.1, &beams[i + 2]) }
        if i + 3 < beams.count { swap(&taken.2, &beams[i + 3]) }
        return taken
    }

    /// Puts back the beams `takeNextBeams` moved out.
    private static func putNextBeams(_ beams: inout [[State]], after i: Int,
                                     _ next1: [State], _ next2: [State], _ next3: [State]) {
        beams[i + 1] = next1
        if i + 2 < beams.count { beams[i + 2] = next2 }
        if i + 3 < beams.count { beams[i + 3] = next3 }
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
        var out: [WordCandidate] = []
        for c in results where !out.contains(where: { $0.word.utf8.elementsEqual(c.word.utf8) }) {
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

    /// Whether some lexicon reading of the garble scores above `threshold` before the character model's
    /// re-ranking (which only lowers a score). Exact, and cheap when the answer is no: a state's key bounds
    /// every reading through it, so the search drops each state whose key is not above the threshold.
    func hasLexiconReading(_ symbols: [UInt8], above threshold: Float) -> Bool {
        let n = symbols.count
        guard n > 0, n <= 48 else { return false }
        let search = lexiconFinals(channelOptions(symbols), n, threshold: threshold)
        return search.finals.contains { $0.1 + lexiconWeight * (model.wordLogP(Int($0.0)) ?? -30) > threshold }
    }

    private func lexiconSearch(_ options: [Range<Int>?], _ n: Int) -> [WordCandidate] {
        let (finals, histPrev, histLetter) = lexiconFinals(options, n, threshold: -.infinity)
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

    /// The beam search over the lexicon trie: the states that end a word after the last symbol (node, channel
    /// score, history) and the history arrays. States whose key is not above `threshold` are not kept.
    private func lexiconFinals(_ options: [Range<Int>?], _ n: Int, threshold: Float)
        -> (finals: [(Int32, Float, Int32)], histPrev: [Int32], histLetter: [UInt8]) {
        var histPrev: [Int32] = [-1]
        var histLetter: [UInt8] = [0]
        var beams = [[State]](repeating: [], count: n + 1)
        // the key of a state: its score plus the look-ahead (the best word below its node)
        let lookAhead = (0..<256).map { lexiconWeight * ((Float($0) - 255) / 10) }
        @inline(__always) func state(_ node: Int, _ score: Float, _ history: Int32) -> State {
            State(node: Int32(node), score: score, history: history,
                  key: score + lookAhead[Int(model.bestScore[node])])
        }
        beams[0] = [state(0, 0, 0)]
        var finals: [(Int32, Float, Int32)] = []
        var scratch = PruneScratch()
        let ascending = model.channelMatchesChildOrder
        for i in 0...n {
            var beam = beams[i]
            beams[i] = []
            if beam.isEmpty { continue }
            // Deletions: a letter that left no mark (one per position).
            var extra: [State] = []
            beam = prune(beam, &scratch)
            for s in beam.prefix(deletionSources) {
                let node = Int(s.node)
                let start = Int(model.firstChild[node])
                for c in start..<start + Int(model.childCount[node]) {
                    let d = deletionScale * model.deletion[Int(model.label[c])] + (i == n ? endDeletionLogP : 0)
                    guard d > deletionFloor else { continue }
                    var deleted = state(c, s.score + d, 0)
                    guard deleted.key > threshold else { continue }
                    histPrev.append(s.history); histLetter.append(model.label[c])
                    deleted.history = Int32(histPrev.count - 1)
                    extra.append(deleted)
                }
            }
            if !extra.isEmpty {   // (pruning the pruned beam again changes nothing)
                beam.append(contentsOf: extra)
                beam = prune(beam, &scratch)
            }
            if i == n {
                for s in beam where model.wordScore[Int(s.node)] != 0 {
                    finals.append((s.node, s.score, s.history))
                }
                break
            }
            // A full beam's insertions put beamWidth distinct nodes into the next beam, so a state for it that
            // scores below all of them can never survive its pruning: it is not made.
            let floor = max(Self.insertionFloor(beam, beamWidth, insertionLogP) { state($0, $1, 0).key },
                            threshold.nextUp)
            // the next three beams, moved out while they grow
            var (next1, next2, next3) = Self.takeNextBeams(&beams, after: i)
            defer { Self.putNextBeams(&beams, after: i, next1, next2, next3) }
            // Substitution fallback: a letter misread as a symbol the channel never paired it with.
            for s in beam.prefix(deletionSources) {
                let node = Int(s.node)
                let start = Int(model.firstChild[node])
                for c in start..<start + Int(model.childCount[node]) {
                    let next = state(c, s.score + substitutionLogP, 0)
                    if next.key < floor { continue }
                    histPrev.append(s.history); histLetter.append(model.label[c])
                    next1.append(State(node: next.node, score: next.score, history: Int32(histPrev.count - 1),
                                       key: next.key))
                }
            }
            for s in beam {
                let node = Int(s.node)
                // insertion: symbol explained by nothing
                let inserted = state(node, s.score + insertionLogP, s.history)
                if inserted.key > threshold { next1.append(inserted) }
                let first = Int(model.firstChild[node]), end = first + Int(model.childCount[node])
                for l in 1...3 where i + l <= n {
                    guard let range = options[i * 3 + l - 1] else { continue }
                    var c = first   // (entries and children both ascend: one walk finds each entry's child)
                    for e in range {
                        let letter = model.channelLetter[e]
                        if ascending {
                            while c < end && model.label[c] < letter { c += 1 }
                            if c == end { break }
                            if model.label[c] != letter { continue }
                        } else {
                            c = model.child(node, letter)
                            if c < 0 { continue }
                        }
                        let next = state(c, s.score + model.channelLogP[e], 0)
                        if (l == 1 && next.key < floor) || next.key <= threshold { continue }
                        histPrev.append(s.history); histLetter.append(letter)
                        let made = State(node: next.node, score: next.score, history: Int32(histPrev.count - 1),
                                         key: next.key)
                        switch l {
                        case 1: next1.append(made)
                        case 2: next2.append(made)
                        default: next3.append(made)
                        }
                    }
                }
            }
        }
        return (finals, histPrev, histLetter)
    }

    private func oovSearch(_ options: [Range<Int>?], _ n: Int) -> [WordCandidate] {
        let side = model.trigramSide
        var histPrev: [Int32] = [-1]
        var histLetter: [UInt8] = [0]
        var beams = [[State]](repeating: [], count: n + 1)
        beams[0] = [State(node: 0, score: 0, history: 0, key: 0)]
        var out: [WordCandidate] = []
        var scratch = PruneScratch()
        for i in 0...n {
            var beam = beams[i]
            beams[i] = []
            if beam.isEmpty { continue }
            beam = prune(beam, &scratch)
            if i == n {
                for s in beam {
                    let p2 = Int(s.node) >> 8, p1 = Int(s.node) & 0xFF
                    let score = s.score + model.trigram[(p2 * side + p1) * side] + oovLogP
                    out.append(WordCandidate(word: spell(letterPath(s.history, histPrev, histLetter)), score: score, unigram: nil))
                }
                break
            }
            let floor = Self.insertionFloor(beam, beamWidth, insertionLogP) { $1 }   // (see lexiconSearch)
            var (next1, next2, next3) = Self.takeNextBeams(&beams, after: i)
            defer { Self.putNextBeams(&beams, after: i, next1, next2, next3) }
            for s in beam {
                let p2 = Int(s.node) >> 8, p1 = Int(s.node) & 0xFF
                let inserted = s.score + insertionLogP
                next1.append(State(node: s.node, score: inserted, history: s.history, key: inserted))
                for l in 1...3 where i + l <= n {
                    guard let range = options[i * 3 + l - 1] else { continue }
                    for e in range {
                        let c = Int(model.channelLetter[e])
                        if c >= side { continue }
                        let lm = model.trigram[(p2 * side + p1) * side + c]
                        let score = s.score + model.channelLogP[e] + lm
                        if l == 1 && score < floor { continue }
                        histPrev.append(s.history); histLetter.append(UInt8(c))
                        let made = State(node: Int32(p1 << 8 | c), score: score, history: Int32(histPrev.count - 1),
                                         key: score)
                        switch l {
                        case 1: next1.append(made)
                        case 2: next2.append(made)
                        default: next3.append(made)
                        }
                    }
                }
            }
        }
        return out
    }

    /// The beam after pruning: the best state of each node, at most `beamWidth` of them, best first by key. Equal
    /// keys keep their order in `beam`, so this is exactly the first state per node of a stable sort by key,
    /// without sorting the whole beam.
    private func prune(_ beam: [State], _ scratch: inout PruneScratch) -> [State] {
        guard beamWidth > 0 else { return [] }
        scratch.begin(beam.count)
        for i in beam.indices {
            let s = beam[i]
            scratch.offer(node: s.node, rank: PruneScratch.rank(s.key, Int32(i)))
        }
        let count = min(scratch.ranks.count, beamWidth)
        if scratch.ranks.count > beamWidth { scratch.selectSmallest(beamWidth) }
        scratch.ranks[0..<count].sort()
        var out: [State] = []
        out.reserveCapacity(count)
        for r in scratch.ranks[0..<count] { out.append(beam[Int(r & 0xFFFF_FFFF)]) }
        return out
    }

    /// Reusable buffers of `prune`: an open-addressing table from node to its best state so far (slots valid in
    /// the current generation only, so starting a prune clears nothing), and the best states' ranks.
    private struct PruneScratch {
        private var stamp: [UInt32] = []
        private var slotNode: [Int32] = []
        private var slotEntry: [Int32] = []
        private var generation: UInt32 = 0
        private var shift: UInt32 = 32
        private var mask = 0
        /// Per distinct node, in first-seen order: the rank of its best state.
        var ranks: [UInt64] = []

        /// A state's place in the pruned order as one integer: higher key first, then lower index.
        @inline(__always) static func rank(_ key: Float, _ index: Int32) -> UInt64 {
            let bits = (key + 0).bitPattern   // (+ 0 makes -0 into 0: equal keys must tie)
            let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000   // increases with the key
            return UInt64(~ascending) << 32 | UInt64(UInt32(bitPattern: index))
        }

        /// Starts a prune of `count` states.
        mutating func begin(_ count: Int) {
            var size = 64
            while size < 2 * count { size <<= 1 }
            if size > stamp.count {
                stamp = [UInt32](repeating: 0, count: size)
                slotNode = [Int32](repeating: 0, count: size)
                slotEntry = [Int32](repeating: 0, count: size)
                generation = 0
                mask = size - 1
                shift = 32 - UInt32(size.trailingZeroBitCount)
            }
            generation &+= 1
            if generation == 0 {
                for j in stamp.indices { stamp[j] = 0 }
                generation = 1
            }
            ranks.removeAll(keepingCapacity: true)
        }

        /// Records a state of `node`: kept when it is the node's first or ranks before the node's best so far.
        @inline(__always) mutating func offer(node: Int32, rank: UInt64) {
            var slot = Int((UInt32(bitPattern: node) &* 0x9E37_79B1) >> shift) & mask
            while true {
                if stamp[slot] != generation {
                    stamp[slot] = generation
                    slotNode[slot] = node
                    slotEntry[slot] = Int32(ranks.count)
                    ranks.append(rank)
                    return
                }
                if slotNode[slot] == node {
                    let e = Int(slotEntry[slot])
                    if rank < ranks[e] { ranks[e] = rank }
                    return
                }
                slot = (slot + 1) & mask
            }
        }

        /// Reorders `ranks` so that its first k (< ranks.count) are the k smallest: quickselect.
        mutating func selectSmallest(_ k: Int) {
            var lo = 0, hi = ranks.count - 1
            let target = k - 1
            while lo < hi {
                let pivot = ranks[(lo + hi) / 2]
                var i = lo, j = hi
                while i <= j {
                    while ranks[i] < pivot { i += 1 }
                    while ranks[j] > pivot { j -= 1 }
                    if i <= j { ranks.swapAt(i, j); i += 1; j -= 1 }
                }
                if target <= j { hi = j } else if target >= i { lo = i } else { return }
            }
        }
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
