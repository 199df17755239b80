import Foundation

/// Repairs Kazakh text that was OCR'd with a Latin model (Cyrillic letters came out as Latin look-alikes).
///
/// Per token it decides: clean Cyrillic (kept byte-identical), legitimate Latin (URLs, e-mails, Roman
/// numerals, kept), numeric (only l/I/O→1/1/0 fixes inside numbers), or garbled, which is decoded with the
/// noisy-channel model of `GarbleModel` (lexicon trie beam + character trigram for unknown words), re-ranked
/// with word bigrams, and given back its letter case (ALL CAPS / Capitalized / lower) by the case model.
/// Line breaks are never touched, so line N of the output is line N of the input.
public struct GarbleRepairer: TextRepairing {
    public let model: GarbleModel
    private let cache: DecodeCache
    /// Fraction of Latin-only word tokens above which a whole document is treated as garbled.
    public var documentGarbleThreshold = 0.25
    /// Edits below this confidence are reported as uncertain by callers.
    public static let lowConfidence = 0.6

    public init(model: GarbleModel) {
        self.model = model
        self.cache = DecodeCache()
    }

    /// Loads the model committed as a resource of KZRegText.
    public static func loadDefault() throws -> GarbleRepairer {
        GarbleRepairer(model: try GarbleModel.loadDefault())
    }

    // MARK: - repair

    public func repair(_ text: String) -> RepairResult {
        let bytes = Array(text.utf8)
        let tokens = RepairTokenizer.tokens(bytes)
        if tokens.isEmpty { return RepairResult(text: text, edits: []) }
        // Document and line level evidence: how much of the text is Latin look-alike?
        var latinWords = 0, letterWords = 0
        for t in tokens where t.letters >= 2 {
            letterWords += 1
            if t.latin > 0 && t.cyrillic == 0 { latinWords += 1 }
        }
        let docGarbled = letterWords > 0 && Double(latinWords) / Double(letterWords) >= documentGarbleThreshold
        var lineGarbled: [Int: Bool] = [:]
        if !docGarbled {
            var stats: [Int: (Int, Int)] = [:]
            for t in tokens where t.letters >= 2 {
                var s = stats[t.line] ?? (0, 0)
                s.0 += 1
                if t.latin > 0 && t.cyrillic == 0 && !t.looksLikeLegitLatin(bytes) { s.1 += 1 }
                stats[t.line] = s
            }
            for (line, s) in stats { lineGarbled[line] = s.1 >= 3 && Double(s.1) >= 0.6 * Double(s.0) }
        }
        // Which tokens to decode, and per line whether the garble looks like an ALL-CAPS line.
        var toDecode = [Bool](repeating: false, count: tokens.count)
        var capsVotes: [Int: (Int, Int)] = [:]
        for (i, t) in tokens.enumerated() {
            guard docGarbled || (lineGarbled[t.line] ?? false) else { continue }
            guard t.latin > 0, !t.looksLikeLegitLatin(bytes) else { continue }
            toDecode[i] = true
            if t.latin >= 3, let core = t.core(bytes) {
                let ll = caseLikelihoods(core)
                var v = capsVotes[t.line] ?? (0, 0)
                v.1 += 1
                if ll[2] > max(ll[0], ll[1]) { v.0 += 1 }
                capsVotes[t.line] = v
            }
        }

        var edits: [RepairEdit] = []
        var previousWord: String? = nil
        var sentenceStart = true
        var previousLine = -1
        for (index, token) in tokens.enumerated() {
            if token.line > previousLine + 1 { sentenceStart = true }
            previousLine = token.line
            defer { sentenceStart = Self.endsSentence(token, bytes) }
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            guard toDecode[index] else {
                previousWord = token.cyrillic > 0 && token.latin == 0 ? token.coreLower(bytes) : nil
                continue
            }
            // "Ne"/"No" before a number → "№"
            if let core = token.core(bytes), isNumeroSign(core), let next, next.line == token.line,
               next.startsWithDigitLike(bytes) {
                edits.append(RepairEdit(start: token.coreStart, end: token.coreEnd, original: core,
                                        replacement: "№", alternatives: [core], confidence: 0.95))
                previousWord = nil
                continue
            }
            let votes = capsVotes[token.line] ?? (0, 0)
            let context = CaseContext(capsLine: votes.1 > 0 && Double(votes.0) >= 0.7 * Double(votes.1),
                                      sentenceStart: sentenceStart)
            guard let repaired = repairToken(token, bytes, previous: previousWord, context: context) else {
                previousWord = nil
                continue
            }
            previousWord = repaired.lowerWord
            if repaired.edit.replacement != repaired.edit.original { edits.append(repaired.edit) }
        }
        return RepairResult(applying: edits, to: text)
    }

    static func endsSentence(_ token: RepairToken, _ bytes: [UInt8]) -> Bool {
        var i = token.end - 1
        while i > token.start && (bytes[i] == 0x22 || bytes[i] == 0x29 || bytes[i] == 0xBB || bytes[i] == 0xC2) { i -= 1 }
        let b = bytes[i]
        return b == 0x2E || b == 0x21 || b == 0x3F
    }

    private func isNumeroSign(_ core: String) -> Bool {
        switch core {
        case "Ne", "No", "N", "N°", "Nº", "N2", "Neo", "Nе", "NO", "NE", "Ns", "Na", "Nо", "Ne.", "No.": return true
        default: return false
        }
    }

    struct CaseContext {
        var capsLine: Bool
        var sentenceStart: Bool
    }

    private struct TokenRepair {
        var edit: RepairEdit
        var lowerWord: String?
    }

    private func repairToken(_ token: RepairToken, _ bytes: [UInt8], previous: String?,
                             context: CaseContext) -> TokenRepair? {
        guard let core = token.core(bytes), !core.isEmpty else { return nil }
        var first = repairCore(core, previous: previous, context: context)
        var coreEnd = token.coreEnd
        // "H," is often one letter (ң): try the comma that follows as part of the word.
        if coreEnd < token.end, bytes[coreEnd] == 0x2C || bytes[coreEnd] == 0x2E,
           let last = core.unicodeScalars.last, "hHnNkKlI".unicodeScalars.contains(last) {
            let punct = String(UnicodeScalar(bytes[coreEnd]))
            let extended = repairCore(core + punct, previous: previous, context: context)
            // P(a real comma after a word) ≈ 0.08; P(none) ≈ 0.92
            if let a = first?.score, let b = extended?.score, b + log(0.92) > a + log(0.08) {
                first = extended
                coreEnd += 1
            }
        }
        guard let result = first else { return nil }
        let original = String(decoding: bytes[token.coreStart..<coreEnd], as: UTF8.self)
        let edit = RepairEdit(start: token.coreStart, end: coreEnd, original: original, replacement: result.text,
                              alternatives: result.alternatives.filter { $0 != result.text },
                              confidence: result.confidence)
        return TokenRepair(edit: edit, lowerWord: result.lastWord)
    }

    private struct CoreRepair {
        var text: String
        var alternatives: [String]
        var confidence: Double
        var score: Float?
        var lastWord: String?
    }

    private func repairCore(_ core: String, previous: String?, context: CaseContext) -> CoreRepair? {
        // Split the core at hyphens/slashes that separate numbers from words ("5-6a6biHbIH", "A-9/406").
        let pieces = Self.splitMixed(core)
        var out = ""
        var alternatives: [String] = []
        var confidence = 1.0
        var lastWord: String? = nil
        var prev = previous
        var score: Float? = nil
        var ctx = context
        for piece in pieces {
            switch piece.kind {
            case .separator:
                out += piece.text
            case .numeric:
                out += Self.fixNumber(piece.text)
                ctx.sentenceStart = false
            case .word:
                let decoded = decodeWord(piece.text, previous: prev, context: ctx)
                out += decoded.text
                if pieces.count == 1 { alternatives = decoded.alternatives }
                confidence = min(confidence, decoded.confidence)
                lastWord = decoded.lower
                prev = decoded.lower
                score = (score ?? 0) + decoded.score
                ctx.sentenceStart = false
            }
        }
        return CoreRepair(text: out, alternatives: alternatives, confidence: confidence, score: score,
                          lastWord: lastWord)
    }

    // MARK: pieces of a token

    enum PieceKind { case word, numeric, separator }
    struct Piece { var text: String; var kind: PieceKind }

    /// Splits on "-", "/", "." and ":" only where one side is numeric, so hyphenated words stay whole.
    static func splitMixed(_ core: String) -> [Piece] {
        let scalars = Array(core.unicodeScalars)
        // raw runs separated by separators
        var runs: [String] = []
        var seps: [String] = []
        var cur = String.UnicodeScalarView()
        for s in scalars {
            if s == "-" || s == "/" || s == "." || s == ":" || s == "," || s == "–" {
                runs.append(String(cur)); cur = String.UnicodeScalarView()
                seps.append(String(s))
            } else {
                cur.append(s)
            }
        }
        runs.append(String(cur))
        let numeric = runs.map { isNumeric($0) }
        var pieces: [Piece] = []
        var word = ""
        for (i, run) in runs.enumerated() {
            if numeric[i] {
                if !word.isEmpty { pieces.append(Piece(text: word, kind: .word)); word = "" }
                pieces.append(Piece(text: run, kind: .numeric))
            } else if run.isEmpty {
                // leading/trailing/double separator
            } else {
                word += run
            }
            if i < seps.count {
                let sep = seps[i]
                let joinsWords = !numeric[i] && i + 1 < runs.count && !numeric[i + 1]
                    && !runs[i].isEmpty && !runs[i + 1].isEmpty
                if joinsWords {
                    word += sep
                } else {
                    if !word.isEmpty { pieces.append(Piece(text: word, kind: .word)); word = "" }
                    pieces.append(Piece(text: sep, kind: .separator))
                }
            }
        }
        if !word.isEmpty { pieces.append(Piece(text: word, kind: .word)) }
        return pieces
    }

    /// A run is numeric when it has a digit and every other character is a digit look-alike (l, I, O, o, |),
    /// with digits in the majority — "2O19", "l0" — but not "3aH" or "6ip" (letters with digit look-alikes).
    static func isNumeric(_ run: String) -> Bool {
        var digits = 0, alike = 0, other = 0
        for s in run.unicodeScalars {
            if s.properties.numericType != nil && s.value < 128 { digits += 1 }
            else if s == "l" || s == "I" || s == "O" || s == "o" || s == "|" || s == "(" || s == ")" { alike += 1 }
            else { other += 1 }
        }
        return digits > 0 && other == 0 && digits > alike
    }

    static func fixNumber(_ run: String) -> String {
        var out = String.UnicodeScalarView()
        for s in run.unicodeScalars {
            switch s {
            case "l", "I", "|": out.append("1")
            case "O", "o": out.append("0")
            default: out.append(s)
            }
        }
        return String(out)
    }

    // MARK: word decoding

    struct DecodedWord: Sendable {
        var text: String
        var lower: String
        var alternatives: [String]
        var confidence: Double
        var score: Float
    }

    func decodeWord(_ garble: String, previous: String?, context: CaseContext) -> DecodedWord {
        let candidates: [WordCandidate]
        if let cached = cache.get(garble) {
            candidates = cached
        } else {
            var symbols: [UInt8] = []
            for s in garble.unicodeScalars { symbols.append(model.symbol(Self.fold(s).value)) }
            candidates = GarbleDecoder(model: model).decode(symbols)
            cache.put(garble, candidates)
        }
        guard !candidates.isEmpty else {
            return DecodedWord(text: garble, lower: garble.lowercased(), alternatives: [], confidence: 0, score: -100)
        }
        // Context re-ranking with word bigrams.
        var scored: [(WordCandidate, Float)] = candidates.map { c in
            var s = c.score
            if let prev = previous, let uni = c.unigram {
                let pb = model.bigramLogP(prev, c.word).map { exp($0) } ?? 0
                let mixed = log(0.5 * pb + 0.5 * exp(uni))
                s += mixed - uni
            } else if previous != nil {
                s += log(0.5)
            }
            return (c, s)
        }
        scored.sort { $0.1 > $1.1 }
        let top = scored[0].1
        var z: Float = 0
        for (_, s) in scored { z += exp(s - top) }
        let confidence = Double(1 / z)
        let best = scored[0].0.word
        let caseClass = self.caseClass(garble, word: best, context: context)
        let text = Self.applyCase(best, caseClass)
        let alternatives = scored.dropFirst().prefix(4).map { Self.applyCase($0.0.word, caseClass) }
        return DecodedWord(text: text, lower: best, alternatives: Array(alternatives), confidence: confidence,
                           score: candidates[0].score)
    }

    /// The decoder's readings of one garbled word with their scores (for inspection and tools).
    public func candidates(for garble: String) -> [(word: String, score: Float, unigram: Float?)] {
        var symbols: [UInt8] = []
        for s in garble.unicodeScalars { symbols.append(model.symbol(Self.fold(s).value)) }
        return GarbleDecoder(model: model).decode(symbols).map { ($0.word, $0.score, $0.unigram) }
    }

    /// Naive-Bayes log-likelihoods of the garble's raw characters under lower / Capitalized / ALL CAPS.
    func caseLikelihoods(_ garble: String) -> [Float] {
        var scores: [Float] = [0, 0, 0]
        var first = true
        for s in garble.unicodeScalars {
            guard s.properties.isAlphabetic || s == "¥" || s == ">" || s == ")" || s == "%" || s == "*" else { continue }
            let sym = model.caseSymbol(s.value)
            for k in 0..<3 { scores[k] += model.caseTable[k][first ? 0 : 1][sym] }
            first = false
        }
        return scores
    }

    /// 0 = lower, 1 = Capitalized, 2 = ALL CAPS. The garble's own letter case is weak evidence (scanned
    /// lower-case к, м, т, н … come out as capitals), so it is tempered and combined with context priors:
    /// ALL CAPS needs an all-caps-looking line, Capitalized a sentence start or a usually-capitalized word.
    func caseClass(_ garble: String, word: String, context: CaseContext) -> Int {
        let ll = caseLikelihoods(garble)
        let letters = garble.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        let p2: Float = letters < 2 ? 0.001 : (context.capsLine ? 0.85 : 0.01)
        let p1: Float = (context.sentenceStart || model.isCapitalizedWord(word)) ? 0.6 : 0.03
        let p0: Float = max(0.05, 1 - p1 - p2)
        let s = [0.5 * ll[0] + log(p0), 0.5 * ll[1] + log(p1), 0.5 * ll[2] + log(p2)]
        var best = 0
        for k in 1..<3 where s[k] > s[best] { best = k }
        return best
    }

    static func applyCase(_ word: String, _ caseClass: Int) -> String {
        switch caseClass {
        case 2: return word.uppercased()
        case 1:
            guard let f = word.first else { return word }
            return f.uppercased() + word.dropFirst()
        default: return word
        }
    }

    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
        if s.value < 128 { return s }
        let l = s.properties.lowercaseMapping.unicodeScalars
        return l.count == 1 ? l.first! : s
    }
}

/// Thread-safe memo of decoded garble words (garble text → candidates).
final class DecodeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [String: [WordCandidate]] = [:]

    func get(_ key: String) -> [WordCandidate]? {
        lock.lock(); defer { lock.unlock() }
        return table[key]
    }

    func put(_ key: String, _ value: [WordCandidate]) {
        lock.lock(); defer { lock.unlock() }
        if table.count > 200_000 { table.removeAll(keepingCapacity: true) }
        table[key] = value
    }
}
