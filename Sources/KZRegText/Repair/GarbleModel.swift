import Foundation

/// The trained garble-repair model: channel P(garble substring | Cyrillic letter), lexicon trie with word
/// log-probabilities, character trigram for out-of-lexicon words, word bigrams and the letter-case model.
///
/// Binary layout (little-endian), written by `scripts/repair/train_model.py`:
/// "KZGM", version, alphabet, garble symbols, channel entries, deletion costs, trie nodes, char trigram,
/// bigram keys/values, case symbols, case prior and naive-Bayes tables.
public final class GarbleModel: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missingResource
        case corrupt(String)
        public var description: String {
            switch self {
            case .missingResource: return "garble repair model resource not found"
            case .corrupt(let why): return "garble repair model is corrupt: \(why)"
            }
        }
    }

    /// Lexicon letters, index 1...N (0 = word boundary). The last one is "-".
    let alphabet: [Unicode.Scalar]
    /// Letter index for a lowercase Cyrillic scalar (or "-").
    let letterIndex: [UInt32: UInt8]
    /// Garble symbol id (1...) for a case-folded input scalar; ASCII fast path.
    let asciiSymbol: [UInt8]
    let otherSymbol: [UInt32: UInt8]
    /// Channel entries sorted by key; `channelRanges[key]` is their range.
    let channelLetter: [UInt8]
    let channelLogP: [Float]
    let channelRanges: [UInt32: Range<Int>]
    /// Whether each key's entries are in increasing letter order and each node's children in increasing label
    /// order, so the decoder can match a key's entries against a node's children in one walk.
    let channelMatchesChildOrder: Bool
    /// "№" is produced from "Ne"/"No" by the numeric-context rule, not by the word decoder.
    let deletion: [Float]
    // Trie, breadth-first, children of a node contiguous.
    let firstChild: [UInt32]
    let label: [UInt8]
    let childCount: [UInt8]
    let wordScore: [UInt8]
    let bestScore: [UInt8]
    let trigram: [Float]
    let trigramSide: Int
    let bigramKeys: [UInt64]
    let bigramValues: [Float]
    let caseAscii: [UInt16]
    let caseOther: [UInt32: UInt16]
    let casePrior: [Float]
    /// [class][first? 0 : 1][symbol]
    let caseTable: [[[Float]]]
    /// FNV-1a hashes (sorted) of words usually written Capitalized mid-sentence (proper nouns, titles).
    let capitalized: [UInt64]
    /// FNV-1a hashes (sorted) of words usually written in ALL CAPS (БҰЙЫРАМЫН, ЕТЕДІ).
    let allCaps: [UInt64]
    /// FNV-1a hashes (sorted) of "previous word" pairs after which the word is Capitalized ("(" for a bracket).
    let capitalizedAfter: [UInt64]
    /// Words that most often follow a number in the clean text (months in their case forms, жылғы …): readings
    /// the decoder proposes after a number even when its beam missed them.
    let numberFollowers: [String]

    public convenience init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url, options: .alwaysMapped))
    }

    /// A short fingerprint of the model file (FNV-1a over its bytes), so outputs can name the model that made them.
    public let fingerprint: String

    public init(data: Data) throws {
        fingerprint = Self.fingerprint(of: data)
        var r = Reader(data: data)
        guard r.bytes(4) == Array("KZGM".utf8) else { throw LoadError.corrupt("bad magic") }
        guard r.u32() == 1 else { throw LoadError.corrupt("unsupported version") }
        let nAlpha = Int(r.u32())
        var alphabet: [Unicode.Scalar] = []
        var letterIndex: [UInt32: UInt8] = [:]
        for i in 0..<nAlpha {
            let v = r.u32()
            guard let s = Unicode.Scalar(v) else { throw LoadError.corrupt("alphabet") }
            alphabet.append(s)
            letterIndex[v] = UInt8(i + 1)
        }
        let nSym = Int(r.u32())
        var ascii = [UInt8](repeating: 0, count: 128)
        var other: [UInt32: UInt8] = [:]
        for i in 0..<nSym {
            let v = r.u32()
            if v < 128 { ascii[Int(v)] = UInt8(i + 1) } else { other[v] = UInt8(i + 1) }
        }
        let nChan = Int(r.u32())
        var keys: [UInt32] = []
        var letters: [UInt8] = []
        var logps: [Float] = []
        keys.reserveCapacity(nChan)
        for _ in 0..<nChan {
            let key = r.u32(), letter = r.u8(), lp = r.f32()
            if lp < -8 { continue }   // rarer than an unexplained symbol (insertion)
            keys.append(key)
            letters.append(letter)
            logps.append(lp)
        }
        let nKept = keys.count
        var ranges: [UInt32: Range<Int>] = [:]
        var i = 0
        while i < nKept {
            var j = i
            while j < nKept && keys[j] == keys[i] { j += 1 }
            ranges[keys[i]] = i..<j
            i = j
        }
        let side = Int(r.u32())
        var deletion: [Float] = []
        for _ in 0..<side { deletion.append(r.f32()) }
        let nNodes = Int(r.u32())
        var fc = [UInt32](repeating: 0, count: nNodes)
        var lb = [UInt8](repeating: 0, count: nNodes)
        var cc = [UInt8](repeating: 0, count: nNodes)
        var ws = [UInt8](repeating: 0, count: nNodes)
        var bs = [UInt8](repeating: 0, count: nNodes)
        guard r.remaining >= nNodes * 8 else { throw LoadError.corrupt("trie") }
        data.withUnsafeBytes { raw in
            let base = r.offset
            for n in 0..<nNodes {
                let o = base + n * 8
                fc[n] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self))
                lb[n] = raw[o + 4]
                cc[n] = raw[o + 5]
                ws[n] = raw[o + 6]
                bs[n] = raw[o + 7]
            }
        }
        r.offset += nNodes * 8
        var labelsAscending = true
        for n in 0..<nNodes where cc[n] > 1 {
            let start = Int(fc[n]), end = start + Int(cc[n])
            guard end <= nNodes else { labelsAscending = false; break }
            for c in start + 1..<end where lb[c - 1] >= lb[c] { labelsAscending = false }
        }
        let nTri = side * side * side
        let trigram = r.f32s(nTri)
        let nBig = Int(r.u32())
        var bkeys: [UInt64] = []
        bkeys.reserveCapacity(nBig)
        for _ in 0..<nBig { bkeys.append(r.u64()) }
        let bvals = r.f32s(nBig)
        let nCase = Int(r.u32())
        var caseAscii = [UInt16](repeating: 0, count: 128)
        var caseOther: [UInt32: UInt16] = [:]
        for k in 0..<nCase {
            let v = r.u32()
            if v < 128 { caseAscii[Int(v)] = UInt16(k + 1) } else { caseOther[v] = UInt16(k + 1) }
        }
        let prior = r.f32s(3)
        var table: [[[Float]]] = []
        for _ in 0..<3 {
            let f = r.f32s(nCase + 1)
            let c = r.f32s(nCase + 1)
            table.append([f, c])
        }
        var capitalized: [UInt64] = []
        if r.remaining >= 4 {
            let nCap = Int(r.u32())
            capitalized.reserveCapacity(nCap)
            for _ in 0..<nCap { capitalized.append(r.u64()) }
        }
        var allCaps: [UInt64] = []
        if r.remaining >= 4 {
            let n = Int(r.u32())
            for _ in 0..<n { allCaps.append(r.u64()) }
        }
        var capitalizedAfter: [UInt64] = []
        if r.remaining >= 4 {
            let n = Int(r.u32())
            for _ in 0..<n { capitalizedAfter.append(r.u64()) }
        }
        var numberFollowers: [String] = []
        if r.remaining >= 4 {
            let n = Int(r.u32())
            for _ in 0..<n {
                let length = Int(r.u32())
                numberFollowers.append(String(decoding: r.bytes(length), as: UTF8.self))
            }
        }
        guard !r.overrun else { throw LoadError.corrupt("truncated") }
        self.numberFollowers = numberFollowers
        self.capitalized = capitalized
        self.allCaps = allCaps
        self.capitalizedAfter = capitalizedAfter
        self.alphabet = alphabet
        self.letterIndex = letterIndex
        self.asciiSymbol = ascii
        self.otherSymbol = other
        self.channelLetter = letters
        self.channelLogP = logps
        self.channelRanges = ranges
        self.channelMatchesChildOrder = labelsAscending && Self.lettersAscending(letters, ranges.values)
        self.deletion = deletion
        self.firstChild = fc
        self.label = lb
        self.childCount = cc
        self.wordScore = ws
        self.bestScore = bs
        self.trigram = trigram
        self.trigramSide = side
        self.bigramKeys = bkeys
        self.bigramValues = bvals
        self.caseAscii = caseAscii
        self.caseOther = caseOther
        self.casePrior = prior
        self.caseTable = table
    }

    /// A copy of `base` with another channel (sorted by key).
    init(copying base: GarbleModel, channel: [(key: UInt32, letter: UInt8, logP: Float)]) {
        var ranges: [UInt32: Range<Int>] = [:]
        var i = 0
        while i < channel.count {
            var j = i
            while j < channel.count && channel[j].key == channel[i].key { j += 1 }
            ranges[channel[i].key] = i..<j
            i = j
        }
        fingerprint = base.fingerprint
        alphabet = base.alphabet
        letterIndex = base.letterIndex
        asciiSymbol = base.asciiSymbol
        otherSymbol = base.otherSymbol
        let letters = channel.map(\.letter)
        channelLetter = letters
        channelLogP = channel.map(\.logP)
        channelRanges = ranges
        channelMatchesChildOrder = base.channelMatchesChildOrder && Self.lettersAscending(letters, ranges.values)
        deletion = base.deletion
        firstChild = base.firstChild
        label = base.label
        childCount = base.childCount
        wordScore = base.wordScore
        bestScore = base.bestScore
        trigram = base.trigram
        trigramSide = base.trigramSide
        bigramKeys = base.bigramKeys
        bigramValues = base.bigramValues
        caseAscii = base.caseAscii
        caseOther = base.caseOther
        casePrior = base.casePrior
        caseTable = base.caseTable
        capitalized = base.capitalized
        allCaps = base.allCaps
        capitalizedAfter = base.capitalizedAfter
        numberFollowers = base.numberFollowers
    }

    /// Whether the letters of each range strictly increase.
    private static func lettersAscending(_ letters: [UInt8], _ ranges: some Sequence<Range<Int>>) -> Bool {
        for range in ranges where range.count > 1 {
            for e in range.dropFirst() where letters[e - 1] >= letters[e] { return false }
        }
        return true
    }

    /// The model committed with the package.
    public static func loadDefault() throws -> GarbleModel {
        guard let url = Bundle.module.url(forResource: "garble-model", withExtension: "bin",
                                          subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "garble-model", withExtension: "bin") else {
            throw LoadError.missingResource
        }
        return try GarbleModel(contentsOf: url)
    }

    static func fingerprint(of data: Data) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words { h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100000001b3 }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100000001b3 }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: lookups

    @inline(__always) func symbol(_ v: UInt32) -> UInt8 {
        if v < 128 { return asciiSymbol[Int(v)] }
        return otherSymbol[v] ?? 0
    }

    @inline(__always) func caseSymbol(_ v: UInt32) -> Int {
        if v < 128 { return Int(caseAscii[Int(v)]) }
        return Int(caseOther[v] ?? 0)
    }

    @inline(__always) func child(_ node: Int, _ letter: UInt8) -> Int {
        let start = Int(firstChild[node])
        let end = start + Int(childCount[node])
        var i = start
        while i < end {
            let l = label[i]
            if l == letter { return i }
            if l > letter { return -1 }
            i += 1
        }
        return -1
    }

    /// Lexicon log-probability of the word ending at `node`, or nil when no word ends there.
    @inline(__always) func wordLogP(_ node: Int) -> Float? {
        let s = wordScore[node]
        return s == 0 ? nil : (Float(s) - 255) / 10
    }

    @inline(__always) func bestLogP(_ node: Int) -> Float {
        (Float(bestScore[node]) - 255) / 10
    }

    /// Node of a lowercase word in the trie, or -1.
    func node(of word: String) -> Int {
        var n = 0
        for s in word.unicodeScalars {
            guard let l = letterIndex[s.value] else { return -1 }
            n = child(n, l)
            if n < 0 { return -1 }
        }
        return n
    }

    func unigramLogP(_ word: String) -> Float? {
        let n = node(of: word)
        return n < 0 ? nil : wordLogP(n)
    }

    func bigramLogP(_ previous: String, _ word: String) -> Float? {
        let key = GarbleModel.fnv1a(previous + " " + word)
        var lo = 0
        var hi = bigramKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bigramKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < bigramKeys.count && bigramKeys[lo] == key ? bigramValues[lo] : nil
    }

    /// Whether the clean text keeps this word lower-case when it opens a quote mid-sentence ("электрондық
    /// үкіметтің" порталы); stored among the capitalized-after pairs under the marker "\"lower".
    func isLowerCaseAfterQuote(_ word: String) -> Bool {
        Self.contains(capitalizedAfter, GarbleModel.fnv1a("\"lower " + word))
    }

    func isCapitalizedWord(_ word: String) -> Bool { Self.contains(capitalized, GarbleModel.fnv1a(word)) }
    func isAllCapsWord(_ word: String) -> Bool { Self.contains(allCaps, GarbleModel.fnv1a(word)) }
    func isCapitalized(_ word: String, after previous: String) -> Bool {
        Self.contains(capitalizedAfter, GarbleModel.fnv1a(previous + " " + word))
    }

    private static func contains(_ capitalized: [UInt64], _ key: UInt64) -> Bool {
        var lo = 0
        var hi = capitalized.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if capitalized[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < capitalized.count && capitalized[lo] == key
    }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        return h
    }
}

private struct Reader {
    let data: Data
    var offset = 0
    var overrun = false
    init(data: Data) { self.data = data }
    var remaining: Int { data.count - offset }

    mutating func bytes(_ n: Int) -> [UInt8] {
        guard offset + n <= data.count else { overrun = true; return [] }
        let start = data.startIndex + offset
        defer { offset += n }
        return Array(data[start..<start + n])
    }
    mutating func u8() -> UInt8 { bytes(1).first ?? 0 }
    mutating func u32() -> UInt32 {
        guard offset + 4 <= data.count else { overrun = true; return 0 }
        let o = offset
        offset += 4
        return data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
    }
    mutating func u64() -> UInt64 {
        let lo = UInt64(u32())
        let hi = UInt64(u32())
        return lo | hi << 32
    }
    mutating func f32() -> Float { Float(bitPattern: u32()) }
    mutating func f32s(_ n: Int) -> [Float] {
        guard offset + n * 4 <= data.count else { overrun = true; return [] }
        var out = [Float](repeating: 0, count: n)
        data.withUnsafeBytes { raw in
            for i in 0..<n {
                let o = offset + i * 4
                out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)))
            }
        }
        offset += n * 4
        return out
    }
}
