import Foundation

/// Unsupervised adaptation of the channel to one document: every scan garbles in its own way (ш as "III" in one,
/// "W" in another), so after a first pass the confident repairs are aligned to their garble, the substitutions
/// are counted, and the channel is re-estimated as a blend of those counts and the trained channel. A second
/// pass decodes the document with it. Nothing here depends on particular words.
extension GarbleModel {
    /// A copy of this model with another channel (entries: packed garble key, letter, log-prob).
    func withChannel(_ entries: [(key: UInt32, letter: UInt8, logP: Float)]) -> GarbleModel {
        GarbleModel(copying: self, channel: entries.sorted { ($0.key, $0.letter) < ($1.key, $1.letter) })
    }

    /// The trained channel as (key, letter, log-prob) entries.
    var channelEntries: [(key: UInt32, letter: UInt8, logP: Float)] {
        var out: [(key: UInt32, letter: UInt8, logP: Float)] = []
        for (key, range) in channelRanges {
            for e in range { out.append((key, channelLetter[e], channelLogP[e])) }
        }
        return out
    }

    @inline(__always) func channelLogP(_ key: UInt32, _ letter: UInt8) -> Float? {
        guard let range = channelRanges[key] else { return nil }
        for e in range where channelLetter[e] == letter { return channelLogP[e] }
        return nil
    }

    /// Glyphs a Latin OCR model confuses among themselves regardless of the script it misreads (case-folded):
    /// a garble seen with one of them is also possible with the other.
    static let lookAlikes: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("h", "b"), ("l", "i"), ("l", "1"), ("l", "!"), ("l", "|"), ("i", "1"), ("i", "!"), ("0", "o"),
        ("6", "o"), ("s", "b"), ("t", "l"), ("r", "f"), ("u", "i"),
    ]

    /// A copy whose channel also has, for every entry, the variants with one symbol replaced by a look-alike
    /// (at `cost` nats below the entry), where the trained channel has no such entry for that letter.
    func withLookAlikeVariants(cost: Float) -> GarbleModel {
        var pairs: [(UInt8, UInt8)] = []
        for (a, b) in Self.lookAlikes {
            let x = symbol(a.value), y = symbol(b.value)
            if x != 0 && y != 0 { pairs.append((x, y)); pairs.append((y, x)) }
        }
        var alike = [[UInt8]](repeating: [], count: 256)
        for (x, y) in pairs { alike[Int(x)].append(y) }
        var entries = channelEntries
        var best: [UInt64: Float] = [:]
        for e in entries {
            var syms: [UInt8] = []
            var k = e.key
            while k != 0 { syms.insert(UInt8(k & 0xFF), at: 0); k >>= 8 }
            for p in syms.indices {
                for y in alike[Int(syms[p])] {
                    var v = syms
                    v[p] = y
                    var key: UInt32 = 0
                    for s in v { key = key << 8 | UInt32(s) }
                    if channelLogP(key, e.letter) != nil { continue }
                    let id = UInt64(key) << 8 | UInt64(e.letter)
                    best[id] = max(best[id] ?? -.infinity, e.logP + cost)
                }
            }
        }
        for (id, logP) in best { entries.append((UInt32(id >> 8), UInt8(id & 0xFF), logP)) }
        return withChannel(entries)
    }

    /// Letter indices of a lowercase word, or nil if a character is outside the lexicon alphabet.
    func letters(of word: String) -> [UInt8]? {
        var out: [UInt8] = []
        for s in word.unicodeScalars {
            guard let l = letterIndex[s.value] else { return nil }
            out.append(l)
        }
        return out
    }
}

struct ChannelAdapter {
    let model: GarbleModel
    let settings: GarbleDecoderSettings
    /// Weight of the trained channel, in pseudo-counts per letter.
    var priorWeight: Float = 30
    /// Pairs needed before adapting at all.
    var minimumPairs = 40

    /// Counts (letter, garble key) segments on the Viterbi alignment of each pair and blends them with the
    /// trained channel. Returns nil when there is too little evidence.
    func adapt(pairs: [(symbols: [UInt8], letters: [UInt8])]) -> (GarbleModel, UInt64)? {
        guard pairs.count >= minimumPairs else { return nil }
        var counts: [UInt64: Float] = [:]      // letter << 32 | key
        var letterTotals = [Float](repeating: 0, count: 256)
        for pair in pairs {
            guard let segments = align(pair.symbols, pair.letters) else { continue }
            for (letter, key) in segments where key != 0 {
                counts[UInt64(letter) << 32 | UInt64(key), default: 0] += 1
                letterTotals[Int(letter)] += 1
            }
        }
        if counts.isEmpty { return nil }
        // blend: P'(s|c) = (n(c,s) + w·P(s|c)) / (n(c) + w)
        var blended: [UInt64: Float] = [:]
        for e in model.channelEntries {
            let id = UInt64(e.letter) << 32 | UInt64(e.key)
            let n = letterTotals[Int(e.letter)]
            blended[id] = (counts[id] ?? 0) + priorWeight * exp(e.logP) / (n + priorWeight) * (n + priorWeight)
        }
        for (id, n) in counts where blended[id] == nil { blended[id] = n }
        var entries: [(key: UInt32, letter: UInt8, logP: Float)] = []
        for (id, mass) in blended {
            let letter = UInt8(id >> 32)
            let key = UInt32(id & 0xFFFF_FFFF)
            let p = mass / (letterTotals[Int(letter)] + priorWeight)
            if p < 0.002 { continue }
            entries.append((key, letter, log(p)))
        }
        let adapted = model.withChannel(entries)
        // fingerprint of the adapted channel (entries are sorted inside the model)
        var h: UInt64 = 0xcbf29ce484222325
        for (e, range) in adapted.channelRanges.sorted(by: { $0.key < $1.key }) {
            for i in range {
                for v in [UInt64(e), UInt64(adapted.channelLetter[i]), UInt64(adapted.channelLogP[i].bitPattern)] {
                    h = (h ^ v) &* 0x100000001b3
                }
            }
        }
        return (adapted, h)
    }

    /// Viterbi alignment: each letter emits 0–3 symbols (channel, or a one-symbol substitution at a fixed cost),
    /// stray symbols are insertions. Returns (letter, packed key) per letter (key 0 = deletion).
    func align(_ y: [UInt8], _ x: [UInt8]) -> [(UInt8, UInt32)]? {
        let n = x.count, m = y.count
        guard n > 0, m > 0, m <= 48, n <= 40 else { return nil }
        let width = m + 1
        var best = [Float](repeating: -.infinity, count: (n + 1) * width)
        var back = [Int8](repeating: -1, count: (n + 1) * width)   // 0...3 = symbols consumed by letter, 4 = insertion
        best[0] = 0
        for i in 0...n {
            for j in 0...m {
                let idx = i * width + j
                if i == 0 && j == 0 { continue }
                var b: Float = -.infinity
                var arg: Int8 = -1
                if j > 0, best[idx - 1] > -.infinity {
                    let v = best[idx - 1] + settings.insertionLogP
                    if v > b { b = v; arg = 4 }
                }
                if i > 0 {
                    let c = x[i - 1]
                    let d = model.deletion[Int(c)]
                    if d > settings.deletionFloor, best[idx - width] > -.infinity {
                        let v = best[idx - width] + d
                        if v > b { b = v; arg = 0 }
                    }
                    var key: UInt32 = 0
                    for l in 1...3 where j - l >= 0 {
                        key = UInt32(y[j - l]) << (8 * UInt32(l - 1)) | key
                        let prev = best[(i - 1) * width + j - l]
                        if prev == -.infinity { continue }
                        var lp = model.channelLogP(key, c)
                        if lp == nil && l == 1 { lp = settings.substitutionLogP }
                        if let lp, prev + lp > b { b = prev + lp; arg = Int8(l) }
                    }
                }
                best[idx] = b
                back[idx] = arg
            }
        }
        guard best[n * width + m] > -.infinity else { return nil }
        var out: [(UInt8, UInt32)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let a = back[i * width + j]
            if a == 4 { j -= 1; continue }
            if a < 0 { return nil }
            let l = Int(a)
            var key: UInt32 = 0
            for k in 0..<l { key = key << 8 | UInt32(y[j - l + k]) }
            out.append((x[i - 1], key))
            i -= 1
            j -= l
        }
        return out.reversed()
    }
}
