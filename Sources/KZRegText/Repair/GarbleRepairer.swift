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
    /// The trained model that document adaptation starts from (the model itself unless adapted).
    private var baseModel: GarbleModel
    /// Decoded garble words (garble text → candidates).
    private let cache: ByteMemo<[WordCandidate]>
    /// Whole token decisions, so repeated tokens in repeated contexts cost one lookup.
    private let decisions: ByteMemo<Decision>
    /// Whether adjacent garbled pieces are one word (see `joinedRuns`).
    private let joins: ByteMemo<Bool>
    /// `bestWord` by garbled core.
    private let bestWords: ByteMemo<BestWord>
    private let adaptedRepairers: RepairerMemo
    /// Fraction of Latin-only word tokens above which a whole document is treated as garbled.
    public var documentGarbleThreshold = 0.25

    /// Decoder weights.
    public let settings: GarbleDecoderSettings

    public init(model: GarbleModel, settings: GarbleDecoderSettings = GarbleDecoderSettings()) {
        let model = settings.lookAlikeLogP < 0 ? model.withLookAlikeVariants(cost: settings.lookAlikeLogP) : model
        self.model = model
        self.baseModel = model
        self.settings = settings
        self.cache = ByteMemo(capacity: 200_000)
        self.decisions = ByteMemo(capacity: 400_000)
        self.joins = ByteMemo(capacity: 200_000)
        self.bestWords = ByteMemo(capacity: 200_000)
        self.adaptedRepairers = RepairerMemo()
        self.followerProposals = ProposalWord.list(model.numberFollowers, model)
        self.otherFollowerProposals = followerProposals
    }

    /// Loads the model committed as a resource of KZRegText.
    public static func loadDefault() throws -> GarbleRepairer {
        GarbleRepairer(model: try GarbleModel.loadDefault())
    }

    // MARK: - repair

    /// Re-estimate the channel on each garbled document from its confident first-pass repairs (see
    /// `ChannelAdapter`) and decode it again.
    public var adaptsToDocument = true

    /// Words the document's first pass read with confidence, with their counts: a cache language model for
    /// the adapted pass (names and terms repeat within a document).
    var documentWords: [String: Int] = [:] {
        didSet {
            documentProposals = ProposalWord.list(documentWords.lazy.filter { $0.value >= 2 }.map(\.key), model)
            let proposed = Set(documentProposals.map(\.word))
            otherFollowerProposals = followerProposals.filter { !proposed.contains($0.word) }
        }
    }
    /// The words of `documentWords` seen at least twice, in its order, as `readings` proposes them.
    private var documentProposals: [ProposalWord] = []
    /// `model.numberFollowers` as `readings` proposes them.
    private let followerProposals: [ProposalWord]
    /// `followerProposals` less the words of `documentProposals` (each word is proposed once).
    private var otherFollowerProposals: [ProposalWord]
    /// Readings including proposed words, per garble and context (see `readings(_:afterNumber:)`).
    private let proposals = ByteMemo<[WordCandidate]>(capacity: 100_000)

    public func repair(_ text: String) -> RepairResult {
        repair(text, rounds: adaptsToDocument ? settings.adaptRounds : 0)
    }

    private func repair(_ text: String, rounds: Int) -> RepairResult {
        let bytes = Array(text.utf8)
        let input = RepairPassInput(bytes, documentGarbleThreshold: documentGarbleThreshold,
                                    descenderCommaRate: settings.descenderCommaRate)
        let firstPass = repairPass(bytes, input)
        guard rounds > 0, firstPass.count >= 40 else {
            return RepairResult(applying: firstPass.map(\.repairEdit), toUTF8: bytes)
        }
        // Repairers of adapted channels are memoized by the first pass's confident repairs (the evidence they
        // are estimated from), so a document seen again reuses the adapted channel and its decode caches.
        let threshold = Double(settings.adaptConfidence)
        var fingerprint: UInt64 = 0xcbf29ce484222325
        for repair in firstPass where repair.edit.confidence >= threshold {
            for b in repair.edit.original.utf8 { fingerprint = (fingerprint ^ UInt64(b)) &* 0x100000001b3 }
            fingerprint = (fingerprint ^ 0x1FF) &* 0x100000001b3
            for b in repair.edit.replacement.utf8 { fingerprint = (fingerprint ^ UInt64(b)) &* 0x100000001b3 }
        }
        var second: GarbleRepairer
        if let cached = adaptedRepairers.get(fingerprint) {
            second = cached
        } else {
            var pairs: [(symbols: [UInt8], letters: [UInt8])] = []
            var seen = Set<[UInt8]>()
            for edit in firstPass.lazy.map(\.edit) where edit.confidence >= threshold {
                let word = edit.replacement.lowercased()
                guard let letters = model.letters(of: word), letters.count >= 3, model.unigramLogP(word) != nil else { continue }
                let symbols = symbols(of: edit.original)
                if symbols.contains(0) { continue }
                if !seen.insert(symbols + [255] + letters).inserted { continue }
                pairs.append((symbols, letters))
            }
            var adapter = ChannelAdapter(model: baseModel, settings: settings)
            adapter.priorWeight = settings.adaptPrior
            guard let (adapted, _) = adapter.adapt(pairs: pairs) else {
                return RepairResult(applying: firstPass.map(\.repairEdit), toUTF8: bytes)
            }
            var plain = settings
            plain.lookAlikeLogP = 0
            second = GarbleRepairer(model: adapted, settings: plain)
            second.baseModel = baseModel
            second.documentGarbleThreshold = documentGarbleThreshold
            // the document's own vocabulary: words its first pass read with confidence, and the parts of
            // its hyphenated compounds of four letters or more (a compound's other garbles are read part by part;
            // short parts such as "ақ" of "сондай-ақ" would only pull abbreviations their way)
            var words: [String: Int] = [:]
            for repair in firstPass where repair.edit.confidence >= threshold {
                guard let word = repair.lowerWord else { continue }
                words[word, default: 0] += 1
                if word.utf8.contains(0x2D) {
                    for part in word.split(separator: "-") where part.unicodeScalars.count >= 4 {
                        words[String(part), default: 0] += 1
                    }
                }
            }
            second.documentWords = words
            adaptedRepairers.put(fingerprint, second)
        }
        // confident first-pass repairs stay; the rest is decoded again with the adapted channel
        if rounds - 1 > 0 { return second.repair(text, rounds: rounds - 1) }
        let keep = KeptEdits(firstPass, start: \.edit.start, tokens: input.tokens) { $0.edit.confidence >= 0.9 }
        return RepairResult(applying: second.repairPass(bytes, input, keep: keep).map(\.repairEdit), toUTF8: bytes)
    }

    /// An edit of one pass with the lower-case word it read (the next token's context). The edit is kept as its
    /// start and its `Decision` (the memo's own object on a hit), so copying a pass edit costs two references.
    private struct PassEdit {
        var start: Int
        var decision: Decision
        var lowerWord: String?

        init(edit: RepairEdit, lowerWord: String? = nil) {
            start = edit.start
            decision = Decision(original: edit.original, originalLength: edit.end - edit.start,
                                replacement: edit.replacement, alternatives: edit.alternatives,
                                confidence: edit.confidence, lowerWord: lowerWord)
            self.lowerWord = lowerWord
        }

        init(start: Int, decision: Decision) {
            self.start = start
            self.decision = decision
            lowerWord = decision.lowerWord
        }

        /// The edit's fields, read from the decision (no `RepairEdit` is made to read one).
        var edit: DecisionEdit { DecisionEdit(start: start, decision: decision) }

        var repairEdit: RepairEdit {
            RepairEdit(start: start, end: start + decision.originalLength, original: decision.original,
                       replacement: decision.replacement, alternatives: decision.alternatives,
                       confidence: decision.confidence)
        }

        /// Whether the edit changes its text (`edit.replacement != edit.original`).
        var changesText: Bool { decision.changesText }
    }

    /// One pass over the text: its edits in order. Edits in `keep` (by token) are taken as they are.
    private func repairPass(_ bytes: [UInt8], _ input: RepairPassInput,
                            keep: KeptEdits<PassEdit> = KeptEdits()) -> [PassEdit] {
        let tokens = input.tokens, toDecode = input.toDecode
        if tokens.isEmpty { return [] }
        // Which tokens belong to a run of words written in ALL CAPS.
        let capsRun = CaseRestorer(model: model).allCapsTokens(tokens, bytes, decoded: toDecode, bestWord: bestWord)

        // a kept repair decides how many tokens it joined, and starts no other join
        var kept = [Int?](repeating: nil, count: tokens.count)
        for i in tokens.indices {
            if let edit = keep[i] {
                var n = 0
                while i + n + 1 < tokens.count && tokens[i + n + 1].start < edit.edit.end { n += 1 }
                kept[i] = n
            }
        }
        let joinNext = joinedRuns(tokens, bytes, toDecode: toDecode, kept: kept)
        var edits: [PassEdit] = []
        edits.reserveCapacity(input.decodeCount)
        var previousWord: String? = nil
        var sentenceStart = true
        var previousLine = -1
        var skip = 0
        var genuineStart = true      // sentenceStart from a sentence end or a blank line, not from a quote
        var afterLoneQuote = false   // the previous token is a quote on its own ('беру "' + line break)
        for (index, single) in tokens.enumerated() {
            if skip > 0 { skip -= 1; continue }
            var token = single
            for k in 0..<joinNext[index] { token = token.joined(with: tokens[index + 1 + k]) }
            skip = joinNext[index]
            let nextIndex = index + 1 + joinNext[index]
            if token.line > previousLine + 1 { sentenceStart = true; genuineStart = true }
            previousLine = token.line
            var consumedEnd = false   // the repair read the token's final "!" as a letter (its core keeps "!")
            let afterSentenceEnd = genuineStart
            defer {
                let ends = Self.endsSentence(token, bytes) && !consumedEnd
                let noWord = token.letters == 0 && token.digits == 0
                let loneQuote = noWord && (bytes[token.end - 1] == 0x22 || bytes[token.end - 1] == 0xAB)
                sentenceStart = ends || loneQuote || (sentenceStart && noWord)
                genuineStart = ends || (genuineStart && noWord)
                afterLoneQuote = loneQuote
            }
            let next = nextIndex < tokens.count ? tokens[nextIndex] : nil
            guard toDecode[index] else {
                previousWord = token.cyrillic > 0 && token.latin == 0 ? token.coreLower(bytes)
                    : token.letters == 0 && token.digits > 0 && token.coreEnd - token.coreStart == token.digits
                    ? Self.numberContext : nil
                continue
            }
            if let kept = keep[index] {
                edits.append(kept)
                previousWord = kept.lowerWord
                continue
            }
            // "Ne"/"No" before a number → "№"
            if token.startsWithN(bytes), let core = token.core(bytes), isNumeroSign(core), let next,
               next.line <= token.line + 1, next.startsWithDigitLike(bytes) {
                edits.append(PassEdit(edit: RepairEdit(start: token.coreStart, end: token.coreEnd, original: core,
                                                       replacement: "№", alternatives: [core], confidence: 0.95)))
                previousWord = nil
                continue
            }
            // a word right after an opening quote starts a title ("Мемлекеттік көрсетілетін қызметтер туралы")
            // "«*onbingbi" = жойылды: OCR cut a ж into "«" and a right half. A « right before the core that no »
            // closes later on the line is read as part of the word when the word reads with ж.
            let guillemetHalf = token.coreStart == token.start + 2 && bytes[token.start] == 0xC2
                && bytes[token.start + 1] == 0xAB && !Self.closesGuillemet(after: token.coreEnd, in: bytes)
            let opensQuote = token.coreStart > token.start && !guillemetHalf
                && (bytes[token.start] == 0x22 || bytes[token.start] == 0xC2 || bytes[token.start] == 0xE2)
            let opensBracket = token.coreStart > token.start && bytes[token.start] == 0x28
            var context = CaseContext(capsLine: capsRun[index], sentenceStart: sentenceStart || opensQuote,
                                      previous: opensBracket ? "(" : previousWord)
            context.opensQuote = (opensQuote || afterLoneQuote) && !afterSentenceEnd
            // right context: the next word (its best context-free reading when garbled), if nothing but space
            // separates them
            if settings.nextBigramWeight != 0, token.coreEnd == token.end, let next, next.coreStart == next.start,
               next.line <= token.line + 1, next.coreEnd > next.coreStart {
                if toDecode[nextIndex] {
                    context.next = contextWord(next, bytes)
                } else if next.cyrillic > 0 && next.latin == 0 {
                    context.next = next.coreLower(bytes)
                }
            }
            // a surname: the word right after an initial on the same line ("Е. Қошанов")
            if index > 0, tokens[index - 1].letters == 1, tokens[index - 1].line == token.line,
               tokens[index - 1].coreEnd < tokens[index - 1].end, bytes[tokens[index - 1].coreEnd] == 0x2E {
                context.surname = true
            }
            // an initial: one letter and a full stop before a name that starts with a capital ("b. Mycun" = Б. Мусин)
            if token.letters == 1, token.coreEnd < token.end, bytes[token.coreEnd] == 0x2E, let next,
               next.line == token.line, next.letters >= 2, let first = bytes[next.start..<next.end].first(where: {
                   ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
                context.initial = first >= 0x41 && first <= 0x5A
            }
            if guillemetHalf, let read = repairToken(token, bytes, previous: previousWord, context: context,
                                                 descenderCommas: input.descenderCommas),
               read.lowerWord?.unicodeScalars.first == "ж" {
                let r = read.repairEdit
                let edit = RepairEdit(start: token.start, end: r.end, original: "«" + r.original,
                                      replacement: r.replacement, alternatives: r.alternatives, confidence: r.confidence)
                edits.append(PassEdit(edit: edit, lowerWord: read.lowerWord))
                previousWord = read.lowerWord
                continue
            }
            if guillemetHalf {   // a real opening quote after all
                context.sentenceStart = true
                context.opensQuote = !afterSentenceEnd
            }
            guard var repaired = repairToken(token, bytes, previous: previousWord, context: context,
                                                 descenderCommas: input.descenderCommas) else {
                previousWord = nil
                continue
            }
            previousWord = repaired.lowerWord
                ?? (repaired.edit.replacement.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Self.numberContext : nil)
            consumedEnd = repaired.edit.end == token.end && Self.endsWithBang(repaired.edit.original)
            if repaired.changesText {
                repaired.lowerWord = previousWord
                edits.append(repaired)   // moved, not copied
            }
        }
        return edits
    }

    /// The context word standing for a number ("2015 жылғы", "29 шілдедегі", "№ 5413 болып"); the model's
    /// bigrams count every digit token as this word.
    static let numberContext = "0"

    /// `word.hasSuffix("!")`, by its last byte first.
    static func endsWithBang(_ word: String) -> Bool { word.utf8.last == 0x21 && word.hasSuffix("!") }

    /// How many following tokens each garbled token is read together with (0 for none): OCR sometimes splits a
    /// word with spaces ("KO MaHbicKa" = "қолданысқа", "YChIHY bl" = "ұсынуды", "KON Man Dbl" = "жолдайды").
    /// Adjacent garbled pieces of one line with no punctuation between them are joined when the joined reading
    /// is a lexicon word whose score, with the prior `joinLogP` of each spurious space, beats every other way
    /// of reading the pieces. Runs of three are tried before pairs.
    /// `kept[i]` is the number of following tokens a kept edit at token i covers: that is its run, and it
    /// starts no other.
    func joinedRuns(_ tokens: [RepairToken], _ bytes: [UInt8], toDecode: [Bool], kept: [Int?]) -> [Int] {
        var join = kept.map { $0 ?? 0 }
        let prior = settings.joinLogP
        guard prior < 0 else { return join }
        let keepSpace = log(1 - exp(prior))
        func joinable(_ i: Int) -> Bool {
            let a = tokens[i], b = tokens[i + 1]
            return toDecode[i] && toDecode[i + 1] && kept[i] == nil && a.line == b.line && a.coreEnd == a.end && b.coreStart == b.start
                && a.coreEnd > a.coreStart && b.coreEnd > b.coreStart && a.digits == 0 && b.digits == 0
                && !(b.letters == 1 && b.end > b.coreEnd && bytes[b.coreEnd] == 0x2E)   // an initial: "E."
        }
        var key: [UInt8] = []   // the memo key of the pieces: their cores separated by a zero byte (one buffer)
        func decide(_ i: Int, _ last: Int) -> Bool {
            key.removeAll(keepingCapacity: true)
            for k in i...last {
                if k > i { key.append(0) }
                key.append(contentsOf: bytes[tokens[k].coreStart..<tokens[k].coreEnd])
            }
            if let known = joins.get(key) { return known }
            let cores = (i...last).map { tokens[$0].core(bytes) ?? "" }
            let joins = !cores.contains(where: isNumeroSign)
                && shouldJoin(cores, prior: prior, keepSpace: keepSpace)
            self.joins.put(key, joins)
            return joins
        }
        var i = 0
        while i + 1 < tokens.count {
            defer { i += 1 }
            if let n = kept[i] { i += n; continue }
            guard joinable(i) else { continue }
            if i + 2 < tokens.count, joinable(i + 1), decide(i, i + 2) {
                join[i] = 2
                i += 2
            } else if decide(i, i + 1) {
                join[i] = 1
                i += 1
            }
        }
        return join
    }

    /// A fragment (a piece with no lexicon reading, or a short one that is not a common word) is joined when the
    /// joined word beats the pieces apart. Pieces that all read as words are joined only when one reads poorly
    /// (`joinWeakPiece` per byte) and the joined word wins by `joinWordsMargin` ("KOJI aliAbI" = жолдайды); a
    /// compound of the word list never is ("мал шаруашылығы"). Three pieces are joined only when no split of
    /// them reads better (each part alone or two of them joined).
    private func shouldJoin(_ pieces: [String], prior: Float, keepSpace: Float) -> Bool {
        func fragment(_ core: String, _ best: WordCandidate?) -> Bool {
            guard let unigram = best?.unigram else { return true }
            return core.unicodeScalars.count <= 2 && unigram < -9
        }
        func score(_ core: String) -> Float { contextFreeCandidates(core).first?.score ?? -100 }
        let whole = pieces.joined()
        let bests = pieces.map { contextFreeCandidates($0).first }
        let hasFragment = zip(pieces, bests).contains(where: { fragment($0, $1) })
        // readable pieces are worth a joined reading only when one of them reads poorly per garble byte
        func weak(_ core: String, _ best: WordCandidate?) -> Bool {
            (best?.score ?? -100) < settings.joinWeakPiece * Float(core.utf8.count)
        }
        guard whole.unicodeScalars.count <= settings.joinLength,
              hasFragment || (settings.joinWordsMargin.isFinite && zip(pieces, bests).contains(where: weak))
        else { return false }
        let gaps = Float(pieces.count - 1)
        let spaces = gaps * (pieces.count == 3 ? settings.join3LogP : prior)
        // pieces that all read as words need the joined word to read clearly better ("KOJI aliAbI" = жолдайды,
        // not "қол айдың")
        let apart = bests.reduce(0) { $0 + ($1?.score ?? -100) } + gaps * keepSpace
            + (hasFragment ? 0 : settings.joinWordsMargin)
        // Most pieces are separate words: a bounded search proves that no joined reading can beat them apart
        // before the full decode of the joined garble is paid for.
        if Self.withUTF8(whole, cache.get) == nil,
           !GarbleDecoder(model: model, settings: settings).hasLexiconReading(symbols(of: whole), above: apart - spaces) {
            return false
        }
        guard let joined = contextFreeCandidates(whole).first, joined.unigram != nil,
              !isCompound(joined.word) else { return false }
        var best = apart
        if pieces.count == 3 {
            best = max(best, score(pieces[0] + pieces[1]) + prior + keepSpace + (bests[2]?.score ?? -100),
                       (bests[0]?.score ?? -100) + keepSpace + score(pieces[1] + pieces[2]) + prior)
        }
        return joined.score + spaces > best
    }

    /// A word-list form that is two words written together ("асылтұқымды" = "асыл" + "тұқымды"): OCR splits
    /// such a form where the printed text had a space, so it is never the reason to join.
    func isCompound(_ word: String) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 6 else { return false }
        for k in 3...(letters.count - 3) {
            var head = String.UnicodeScalarView(), tail = String.UnicodeScalarView()
            head.append(contentsOf: letters[..<k]); tail.append(contentsOf: letters[k...])
            // both parts must be more than bare word-list forms (the list is full of short rare forms)
            if let h = model.unigramLogP(String(head)), h > -11.9, let t = model.unigramLogP(String(tail)), t > -11.9 {
                return true
            }
        }
        return false
    }

    /// The decoder's readings plus words the beam missed that the garble explains nearly as well (forced
    /// alignment within `documentProposalMargin` of the best): words of this document's confident vocabulary
    /// ("KeUmE" for a жылғы the document spells out clearly elsewhere) and, after a number, the words that
    /// follow numbers in legal text (months, жылғы …). Cached per garble and context.
    func readings(_ garble: String, afterNumber: Bool) -> [WordCandidate] {
        let proposeFollowers = afterNumber && !model.numberFollowers.isEmpty
        guard proposeFollowers || !documentWords.isEmpty, settings.documentProposalMargin > 0 else {
            return contextFreeCandidates(garble)
        }
        var key = Array(garble.utf8)
        key.append(proposeFollowers ? 1 : 0)
        if let cached = proposals.get(key) { return cached }
        var candidates = contextFreeCandidates(garble)
        let best = candidates.first?.score ?? -.infinity
        let symbols = symbols(of: garble)
        let decoder = GarbleDecoder(model: model, settings: settings)
        var options: [Range<Int>?]? = nil   // (made for the first word of a fitting length)
        let read = candidates
        var added: [WordCandidate] = []
        func propose(_ word: ProposalWord) {
            guard abs(word.length - symbols.count) <= 3, let unigram = word.unigram, let letters = word.letters,
                  !read.contains(where: { $0.word.utf8.elementsEqual(word.word.utf8) }) else { return }
            if options == nil { options = decoder.channelOptions(symbols) }
            let floor = best - settings.documentProposalMargin - decoder.lexiconWeight * unigram
            guard let channel = decoder.forcedChannelScore(symbols, letters, options: options!, floor: floor) else {
                return
            }
            let score = channel + decoder.lexiconWeight * unigram
            if score > best - settings.documentProposalMargin {
                added.append(WordCandidate(word: word.word, score: score, unigram: unigram))
            }
        }
        for word in documentProposals { propose(word) }
        if proposeFollowers { for word in otherFollowerProposals { propose(word) } }
        if !added.isEmpty {
            candidates.append(contentsOf: added)
            candidates.sort { $0.score > $1.score }
        }
        proposals.put(key, candidates)
        return candidates
    }

    /// The decoder's readings of one garbled word, best first (cached).
    func contextFreeCandidates(_ garble: String) -> [WordCandidate] {
        if let cached = Self.withUTF8(garble, cache.get) { return cached }
        let candidates = GarbleDecoder(model: model, settings: settings).decode(symbols(of: garble))
        Self.withUTF8(garble) { cache.put($0, candidates) }
        return candidates
    }

    /// A lone upper-case Latin letter read as the Cyrillic capital it most likely stands for.
    func singleLetter(_ piece: String) -> String? {
        let scalars = Array(piece.unicodeScalars)
        guard scalars.count == 1, scalars[0].value >= 65, scalars[0].value <= 90 else { return nil }
        let id = model.symbol(Self.fold(scalars[0]).value)
        guard id != 0, let range = model.channelRanges[UInt32(id)] else { return nil }
        var best: (Float, Int)? = nil
        for e in range {
            let l = Int(model.channelLetter[e])
            guard l >= 1 && l <= model.alphabet.count else { continue }
            let letter = model.alphabet[l - 1]
            if "ьъыңйё-".unicodeScalars.contains(letter) { continue }
            if best == nil || model.channelLogP[e] > best!.0 { best = (model.channelLogP[e], l) }
        }
        guard let b = best else { return nil }
        return String(model.alphabet[b.1 - 1]).uppercased()
    }

    /// The best lexicon reading of a garbled word (lower case), if any.
    func bestWord(_ core: String) -> String? {
        if let known = Self.withUTF8(core, bestWords.get) { return known.word }
        let word = bestWordUncached(core)
        Self.withUTF8(core) { bestWords.put($0, BestWord(word: word)) }
        return word
    }

    private func bestWordUncached(_ core: String) -> String? {
        let pieces = Self.splitMixed(core).filter { $0.kind == .word }
        guard pieces.count == 1 else { return nil }
        return decodeWord(pieces[0].text, previous: nil, context: CaseContext(capsLine: false, sentenceStart: false)).lower
    }

    /// `contextWord` of a token's core, looked up without making its string.
    func contextWord(_ token: RepairToken, _ bytes: [UInt8]) -> String? {
        if token.gap == nil, token.coreEnd > token.coreStart,
           let cached = cache.get(bytes, token.coreStart..<token.coreEnd) {
            return cached.first?.word
        }
        return token.core(bytes).flatMap(contextWord)
    }

    /// The best context-free reading of a garbled word used as a neighbour's context (cheap when cached).
    func contextWord(_ core: String) -> String? {
        if let cached = Self.withUTF8(core, cache.get) { return cached.first?.word }
        for b in core.utf8 where b < 0x41 && b != 0x21 && b != 0x29 && b != 0x3E && b != 0x2A && b != 0x25 { return bestWord(core) }
        return decodeWord(core, previous: nil, context: CaseContext(capsLine: false, sentenceStart: false)).lower
    }

    static func endsClause(_ token: RepairToken, _ bytes: [UInt8]) -> Bool {
        var i = token.end - 1
        while i > token.start && (bytes[i] == 0x22 || bytes[i] == 0x29 || bytes[i] == 0xBB || bytes[i] == 0xC2) { i -= 1 }
        let b = bytes[i]
        return b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3A || b == 0x3B
    }

    static func endsSentence(_ token: RepairToken, _ bytes: [UInt8]) -> Bool {
        var i = token.end - 1
        while i > token.start && (bytes[i] == 0x22 || bytes[i] == 0x29 || bytes[i] == 0xBB || bytes[i] == 0xC2) { i -= 1 }
        let b = bytes[i]
        return b == 0x2E || b == 0x21 || b == 0x3F
    }

    private func isNumeroSign(_ core: String) -> Bool {
        guard core.utf8.first == 0x4E else { return false }
        switch core {
        case "Ne", "No", "N", "N°", "Nº", "N2", "Neo", "Nе", "NO", "NE", "Ns", "Na", "Nо", "Ne.", "No.": return true
        default: return false
        }
    }

    /// A token's repair and the lower-case word it read (a `PassEdit`, so the pass can keep it without a copy).
    private typealias TokenRepair = PassEdit

    private func repairToken(_ token: RepairToken, _ bytes: [UInt8], previous: String?,
                             context: CaseContext, descenderCommas: Bool) -> TokenRepair? {
        guard token.coreEnd > token.coreStart else { return nil }   // (the core is made only on a memo miss)
        let follower: UInt8 = token.coreEnd < token.end ? bytes[token.coreEnd] : 0
        // everything besides the previous word, core, follower and next word that the decision depends on
        var flags: UInt16 = (context.capsLine ? 2 : 0) | (context.sentenceStart ? 1 : 0)
            | (Self.isOpeningBracket(context.previous) ? 4 : 0) | (context.initial ? 8 : 0) | (context.surname ? 16 : 0)
            | (descenderCommas ? 32 : 0) | (context.opensQuote ? 64 : 0)
        if follower == 0x5D && Self.opensBracket(before: token.coreEnd, in: bytes) { flags |= 128 }   // "[…]"
        if follower == 0x27 && token.coreEnd + 1 < token.end && bytes[token.coreEnd + 1] == 0x22 { flags |= 256 }   // '"
        let decisions = decisions
        let hit = Self.withDecisionKey(previous, bytes, token.coreStart..<token.coreEnd, flags, follower, context.next,
                                       decisions.get)
        if let hit { return TokenRepair(start: token.coreStart, decision: hit) }
        let repaired = repairTokenUncached(token, token.core(bytes)!, bytes, previous: previous, context: context,
                                           descenderCommas: descenderCommas)
        if let r = repaired {
            Self.withDecisionKey(previous, bytes, token.coreStart..<token.coreEnd, flags, follower, context.next) {
                decisions.put($0, r.decision)
            }
        }
        return repaired
    }

    /// Calls `body` with the `decisions` key of a token (previous word, 1, core, 1, two flag bytes, follower, next word),
    /// written on the stack.
    private static func withDecisionKey<R>(_ previous: String?, _ bytes: [UInt8], _ core: Range<Int>, _ flags: UInt16,
                                           _ follower: UInt8, _ next: String?,
                                           _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let count = (previous?.utf8.count ?? 0) + core.count + 5 + (next?.utf8.count ?? 0)
        return withUnsafeTemporaryAllocation(byteCount: count, alignment: 8) { buffer in
            var key = KeyWriter(buffer)
            if let previous { key.append(previous) }
            key.append(1)
            bytes.withUnsafeBytes { key.append(UnsafeRawBufferPointer(rebasing: $0[core])) }
            key.append(1)
            key.append(UInt8(truncatingIfNeeded: flags))
            key.append(UInt8(truncatingIfNeeded: flags >> 8))
            key.append(follower)
            if let next { key.append(next) }
            return body(key.written)
        }
    }

    private func repairTokenUncached(_ token: RepairToken, _ core: String, _ bytes: [UInt8], previous: String?,
                                     context: CaseContext, descenderCommas: Bool) -> TokenRepair? {
        var first = repairCore(core, previous: previous, context: context)
        var coreEnd = token.coreEnd
        // Punctuation right after a garbled word may be part of a glyph: "H," is ң with its descender, "T]" is
        // "ті". Try it as part of the word and keep whichever reading is likelier. A closing bracket that no
        // opening bracket on its line explains is almost never real.
        if coreEnd < token.end, let last = core.unicodeScalars.last, CaseRestorer.isLetterLike(last) {
            let punct = bytes[coreEnd]
            let realPunctuation: Float? = switch punct {
            case 0x2C, 0x2E: "hHnNkKlI".unicodeScalars.contains(last) ? settings.realCommaPrior : nil
            case 0x5D: Self.opensBracket(before: coreEnd, in: bytes) ? nil : 0.02
            default: nil
            }
            if punct == 0x2C, descenderCommas, first?.lastWord?.unicodeScalars.last.map({ $0 == "ң" || $0 == "қ" }) == true,
               first?.text.unicodeScalars.last.map({ $0 == "ң" || $0 == "Ң" || $0 == "қ" || $0 == "Қ" }) == true {
                // the word reads ң or қ at its end, whatever glyph the OCR made of it ("n", "H", "i", "x"), and
                // this document prints descenders as commas: the comma is that letter's descender far more often
                // than a real comma (aligned training renders: 871 to 61), and the channel, trained on word
                // cores without their punctuation, cannot weigh it
                coreEnd += 1
            } else if let prior = realPunctuation {
                let extended = repairCore(core + String(UnicodeScalar(punct)), previous: previous, context: context)
                // in a scan that prints descenders whole, a comma that changes nothing in the reading is real
                let changes = descenderCommas || punct != 0x2C || extended?.text != first?.text
                if changes, let a = first?.score, let b = extended?.score, b + log(1 - prior) > a + log(prior) {
                    first = extended
                    coreEnd += 1
                } else if punct == 0x5D, first != nil {
                    coreEnd += 1   // a stray "]" that is no letter either: OCR noise, left out of the repair
                }
            }
        }
        guard var result = first else { return nil }
        // Kazakh Cyrillic has no apostrophe: after a garbled word it is a misread closing quote (' or '" → ").
        if coreEnd < token.end, bytes[coreEnd] == 0x27, result.lastWord != nil {
            coreEnd += 1
            if coreEnd < token.end, bytes[coreEnd] == 0x22 { coreEnd += 1 }
            result.text += "\""
        }
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
                let hasNumber = pieces.contains { $0.kind == .numeric }
                if let initial = singleLetter(piece.text) {
                    // an initial ("E." → "Е.") or a letter in a code ("A-9/406" → "А-9/406")
                    out += initial
                    lastWord = nil
                    ctx.sentenceStart = false
                    continue
                }
                let lastWordPiece = piece.text == pieces.last(where: { $0.kind == .word })?.text
                var wordContext = ctx
                if !lastWordPiece || pieces.last?.kind != .word { wordContext.next = nil }
                var decoded = decodeWord(piece.text, previous: prev, context: wordContext)
                if !decoded.inLexicon, var parts = decodeHyphenParts(piece.text, previous: prev, context: wordContext) {
                    parts.alternatives = Array(([decoded.text] + parts.alternatives).prefix(4))
                    decoded = parts
                }
                if hasNumber && CaseRestorer.capsLooking(piece.text) && piece.text.unicodeScalars.count <= 4 {
                    decoded.text = decoded.lower.uppercased()   // "331/HK" → "331/НҚ"
                }
                if ctx.initial && decoded.lower.unicodeScalars.count == 1 { decoded.text = decoded.lower.uppercased() }
                out += decoded.text
                if pieces.count == 1 { alternatives = decoded.alternatives }
                confidence = min(confidence, decoded.confidence)
                lastWord = decoded.lower
                prev = decoded.lower
                score = (score ?? 0) + decoded.score
                ctx.sentenceStart = false
                ctx.previous = decoded.lower
            }
        }
        return CoreRepair(text: out, alternatives: alternatives, confidence: confidence, score: score,
                          lastWord: lastWord)
    }

    /// A hyphenated compound the lexicon lacks as a whole ("аппараттық-бағдарламалық"), read part by part:
    /// nil unless it has a hyphen between letters and every part reads as a lexicon word. Its alternatives
    /// are the last part's, after the other parts' readings.
    private func decodeHyphenParts(_ garble: String, previous: String?, context: CaseContext) -> DecodedWord? {
        guard garble.utf8.contains(0x2D) else { return nil }
        let parts = garble.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ $0.unicodeScalars.count >= 2 }) else { return nil }
        var joined: DecodedWord? = nil
        var prev = previous
        var ctx = context
        for (i, part) in parts.enumerated() {
            if i + 1 < parts.count { ctx.next = nil } else { ctx.next = context.next }
            let decoded = decodeWord(String(part), previous: prev, context: ctx)
            guard decoded.inLexicon else { return nil }
            if var j = joined {
                j.alternatives = decoded.alternatives.map { j.text + "-" + $0 }
                j.text += "-" + decoded.text
                j.lower += "-" + decoded.lower
                j.confidence = min(j.confidence, decoded.confidence)
                j.score += decoded.score
                joined = j
            } else {
                joined = decoded
            }
            prev = decoded.lower
            ctx.sentenceStart = false
            ctx.previous = decoded.lower
        }
        return joined
    }

    /// Whether a closing "»" (right after a non-space, not before a letter) follows `offset` on its line.
    static func closesGuillemet(after offset: Int, in bytes: [UInt8]) -> Bool {
        var i = offset
        while i + 1 < bytes.count && bytes[i] != 0x0A {
            if bytes[i] == 0xC2 && bytes[i + 1] == 0xBB && i > 0 && bytes[i - 1] != 0x20 && bytes[i - 1] != 0x09 {
                let after = i + 2 < bytes.count ? bytes[i + 2] : 0x20
                if !((after | 0x20) >= 0x61 && (after | 0x20) <= 0x7A) { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether a "[" appears earlier on the same line.
    static func opensBracket(before offset: Int, in bytes: [UInt8]) -> Bool {
        var i = offset - 1
        while i >= 0 && bytes[i] != 0x0A {
            if bytes[i] == 0x5B { return true }
            i -= 1
        }
        return false
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
        // a core only ends in "," or "." when the repair tries it as part of the last letter ("H," = ң)
        if let last = seps.last, last == "," || last == ".", runs.last?.isEmpty == true, runs.count >= 2,
           !isNumeric(runs[runs.count - 2]) {
            runs.removeLast()
            runs[runs.count - 1] += seps.removeLast()
        }
        var numeric = runs.map { isNumeric($0) }
        // "©31H-631": digits that all look like letters (0 о, 1 і, 3 з, 4 ч, 6 б/ө, 8 в, 9 ә) after a hyphen
        // that follows a word are the rest of a hyphenated word ("өзін-өзі"), not a number
        // (and "€HI1311e/1" = "енгізіледі": "/1" after a long word is "ді", no fraction)
        for i in runs.indices where i > 0 && numeric[i] && !numeric[i - 1] && i + 1 == runs.count
            && runs[i].unicodeScalars.allSatisfy({ "0134689".unicodeScalars.contains($0) })
            && ((seps[i - 1] == "-" && runs[i - 1].unicodeScalars.count >= 3 && runs[i].unicodeScalars.count >= 2)
                || (seps[i - 1] == "/" && runs[i - 1].unicodeScalars.count >= 4)) {
            numeric[i] = false
        }
        // "|-KOChIMIIIA": a lone digit look-alike before a hyphenated word is a number ("1-қосымша")
        for i in runs.indices where i + 1 < runs.count && seps[i] == "-" && !runs[i + 1].isEmpty
            && !numeric[i + 1] && (1...2).contains(runs[i].unicodeScalars.count)
            && runs[i].unicodeScalars.allSatisfy({ $0 == "|" || $0 == "l" || $0 == "I" }) {
            numeric[i] = true
        }
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
        /// Whether the reading is a lexicon word (not spelled out by the character model).
        var inLexicon = false
    }

    func decodeWord(_ garble: String, previous: String?, context: CaseContext) -> DecodedWord {
        let candidates = readings(garble, afterNumber: previous == Self.numberContext)
        guard !candidates.isEmpty else {
            return DecodedWord(text: garble, lower: garble.lowercased(), alternatives: [], confidence: 0, score: -100,
                               inLexicon: false)
        }
        // Context re-ranking with word bigrams: log(P(w | context) / P(w)) under a 50/50 bigram/unigram mix, for
        // the previous word and (as P(next | w) / P(next)) the next one. Bigrams are sparse over inflections, so a
        // reading also gets the context support of another reading of the same stem (it differs only in its
        // last letter or in letters past the other's end): context picks the stem, the garble the ending.
        let boosts: [(left: Float, right: Float)] = candidates.map { c in
            var left: Float = 0, right: Float = 0
            if let prev = previous {
                if let uni = c.unigram {
                    let pb = model.bigramLogP(prev, c.word).map { exp($0) } ?? 0
                    left = min(log(0.5 * pb + 0.5 * exp(uni)) - uni, settings.bigramCap)
                } else {
                    left = log(0.5)
                }
            }
            if let next = context.next, settings.nextBigramWeight != 0, let un = model.unigramLogP(next) {
                if c.unigram != nil {
                    let pb = model.bigramLogP(c.word, next).map { exp($0) } ?? 0
                    right = min(log(0.5 * pb + 0.5 * exp(un)) - un, settings.bigramCap)
                } else {
                    right = log(0.5)
                }
            }
            return (left, right)
        }
        var shared = boosts
        if settings.stemShare != 0 {
            let letters = candidates.map { Array($0.word.unicodeScalars) }
            for i in candidates.indices where candidates[i].unigram != nil {
                for j in candidates.indices where j != i && candidates[j].unigram != nil {
                    guard boosts[j].left > shared[i].left || boosts[j].right > shared[i].right,
                          Self.sameStem(letters[i], letters[j]) else { continue }
                    shared[i].left = max(shared[i].left, settings.stemShare * boosts[j].left - settings.stemPenalty)
                    shared[i].right = max(shared[i].right, settings.stemShare * boosts[j].right - settings.stemPenalty)
                }
            }
        }
        var scored: [(WordCandidate, Float)] = []
        for (c, b) in zip(candidates, shared) {
            var score = c.score + settings.bigramWeight * b.left + settings.nextBigramWeight * b.right
            if context.surname && Self.hasSurnameEnding(c.word) { score += settings.surnameBonus }
            if let n = documentWords[c.word] { score += settings.documentWeight * log(1 + Float(min(n, 20))) }
            scored.append((c, score))
        }
        scored.sort { $0.1 > $1.1 }
        let top = scored[0].1
        var z: Float = 0
        for (_, s) in scored { z += exp(s - top) }
        let confidence = Double(1 / z)
        let best = scored[0].0.word
        let caseClass = CaseRestorer(model: model).caseClass(of: garble, reading: best, context: context,
                                                             oov: scored[0].0.unigram == nil)
        let text = CaseRestorer.applyCase(best, caseClass)
        let alternatives = scored.dropFirst().prefix(4).map { CaseRestorer.applyCase($0.0.word, caseClass) }
        return DecodedWord(text: text, lower: best, alternatives: Array(alternatives), confidence: confidence,
                           score: candidates[0].score, inLexicon: scored[0].0.unigram != nil)
    }

    /// Endings of the surnames that sign Kazakh acts (Қошанов, Мусин, Әбдірова, Жұмабекұлы …).
    static func hasSurnameEnding(_ word: String) -> Bool {
        ["ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "қызы", "енко", "ский", "ская"].contains { word.hasSuffix($0) }
    }

    /// Two readings of one stem: the shorter is a prefix of the longer except perhaps its last letter, and
    /// that common part has at least four letters ("шаруашылығы"/"шаруашылығын", "бұйрықты"/"бұйрықтың").
    static func sameStem(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let n = min(a.count, b.count)
        var common = 0
        while common < n && a[common] == b[common] { common += 1 }
        return common >= 4 && common >= n - 1
    }

    /// The decoder's readings of one garbled word with their scores (for inspection and tools).
    public func candidates(for garble: String) -> [(word: String, score: Float, unigram: Float?)] {
        contextFreeCandidates(garble).map { ($0.word, $0.score, $0.unigram) }
    }

    /// The garble's case-folded symbols as the model numbers them (0 = a symbol the model has never seen).
    func symbols(of garble: String) -> [UInt8] {
        garble.unicodeScalars.map { model.symbol(Self.fold($0).value) }
    }

    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
        if s.value < 128 { return s }
        let l = s.properties.lowercaseMapping.unicodeScalars
        return l.count == 1 ? l.first! : s
    }
}

extension GarbleRepairer {
    /// Appends the UTF-8 bytes of `s` (one copy for a native string).
    @inline(__always) static func appendUTF8(_ s: String, to key: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ key.append(contentsOf: $0) }) == nil {
            key.append(contentsOf: s.utf8)
        }
    }

    /// Calls `body` with the UTF-8 bytes of `s` (in place for a native string).
    @inline(__always) static func withUTF8<R>(_ s: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var s = s
        return s.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// `word == "("`, without a general string comparison.
    @inline(__always) static func isOpeningBracket(_ word: String?) -> Bool {
        guard let word else { return false }
        return word.utf8.count == 1 && word.utf8.first == 0x28
    }
}

/// A word `readings` may propose, with what it needs to know of it (worked out once per repairer).
struct ProposalWord: Sendable {
    let word: String
    /// Unicode scalars.
    let length: Int
    let unigram: Float?
    let letters: [UInt8]?

    static func list(_ words: some Sequence<String>, _ model: GarbleModel) -> [ProposalWord] {
        words.map { ProposalWord(word: $0, length: $0.unicodeScalars.count, unigram: model.unigramLogP($0),
                                 letters: model.letters(of: $0)) }
    }
}

/// A memoized `bestWord` result (the memo cannot store a bare optional).
struct BestWord: Sendable {
    let word: String?
}

/// A token's repair in a given context (previous word, case context, following character). A class, so a memo
/// hit hands out one reference rather than copies of its strings.
final class Decision: Sendable {
    let original: String
    let originalLength: Int
    let replacement: String
    let alternatives: [String]
    let confidence: Double
    let lowerWord: String?
    /// `replacement != original`, compared once.
    let changesText: Bool

    init(original: String, originalLength: Int, replacement: String, alternatives: [String], confidence: Double,
         lowerWord: String?) {
        self.original = original
        self.originalLength = originalLength
        self.replacement = replacement
        self.alternatives = alternatives
        self.confidence = confidence
        self.lowerWord = lowerWord
        self.changesText = replacement != original
    }
}

/// The fields of a `RepairEdit` made by a `Decision` at `start`.
struct DecisionEdit {
    let start: Int
    let decision: Decision
    var end: Int { start + decision.originalLength }
    var original: String { decision.original }
    var replacement: String { decision.replacement }
    var confidence: Double { decision.confidence }
}

/// A few repairers of document-adapted channels, by channel fingerprint (most recent kept).
final class RepairerMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(UInt64, GarbleRepairer)] = []

    func get(_ key: UInt64) -> GarbleRepairer? {
        lock.lock(); defer { lock.unlock() }
        return entries.first { $0.0 == key }?.1
    }

    func put(_ key: UInt64, _ value: GarbleRepairer) {
        lock.lock(); defer { lock.unlock() }
        entries.insert((key, value), at: 0)
        if entries.count > 8 { entries.removeLast() }
    }
}
