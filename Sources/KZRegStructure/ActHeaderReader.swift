/// Words of the act header that several stages recognize.
enum ActHeaderVocabulary {
    /// Status lines of adilet exports: "Күшін жойған" (repealed), "Қолданыстағы" (in force).
    static func status(of text: String) -> ActStatus? {
        guard text.utf8.count <= 80, text.count <= 40 else { return nil }
        let folded = TextTraits.folded(TextTraits.bare(text))
        // The line is the formula (a word may trail it), not a sentence that happens to start like it.
        let words = TextTraits.words(text)
        guard (1...3).contains(words.count) else { return nil }
        if folded.hasPrefix("күшін жойған") || folded == "күші жойылған" { return .repealed }
        if folded.hasPrefix("қолданыстағы") { return .inForce }
        // OCR noise: "Күйіп жойған", "Кушін жойган", "Қолданыстағы" with a wrong letter.
        if let (status, used) = leadingStatus(words), used == words.count || words.count - used == 1 && words[used].count <= 2 {
            return status
        }
        return nil
    }

    /// A status formula at the start of `words` and how many words it takes, OCR noise tolerated.
    static func leadingStatus(_ words: [Substring]) -> (ActStatus, Int)? {
        if FormulaMatcher.matchesPhrase(words, at: 0, FormulaMatcher.repealedStatus) { return (.repealed, 2) }
        if FormulaMatcher.matchesPhrase(words, at: 0, ["күші", "жойылған"]) { return (.repealed, 2) }
        if let first = words.first, FormulaMatcher.matches(first, "қолданыстағы") { return (.inForce, 1) }
        return nil
    }

    static func isStatusLine(_ text: String) -> Bool { status(of: text) != nil }

    /// The enacting formulas that close a preamble.
    static let enactingFormulas = [
        "ҚАУЛЫ ЕТЕДІ", "ҚАУЛЫ ЕТТІ", "БҰЙЫРАМЫН", "ШЕШІМ ҚАБЫЛДАДЫ", "ШЕШТІ", "ШЕШІМ ЕТЕДІ", "ҚАУЛЫ ҚАБЫЛДАДЫ",
        "ЖАРЛЫҚ ЕТЕМІН", "БҰЙЫРЫҚ ЕТЕМІН",
    ]

    /// Whether the text holds an enacting formula ("... ҚАУЛЫ ЕТЕДІ:", "БҰЙЫРАМЫН:"), wherever it stands.
    static func containsEnactingFormula(_ text: String) -> Bool {
        // Preambles are a few sentences; a longer block is not one.
        guard text.utf8.count <= 12_000, text.contains(where: { $0 == "Қ" || $0 == "Б" || $0 == "Ш" || $0 == "Ж" }) else { return false }
        let squeezed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return enactingFormulas.contains { squeezed.contains($0) }
    }

    /// Whether a sentence reports the justice registration ("... № 15 болып тіркелді").
    static func isRegistration(_ text: String) -> Bool {
        let folded = TextTraits.folded(text)
        if folded.contains("тіркелді") || folded.contains("тіркелген") && folded.contains("болып") { return true }
        // OCR noise: "тіркелдi", "тiркелд1", "болып тіркелд", a word split in two.
        let words = TextTraits.words(text)
        for (index, word) in words.enumerated() {
            if FormulaMatcher.matches(word, FormulaMatcher.registered, maxDistance: 1) { return true }
            if index > 0, FormulaMatcher.matches(words[index - 1], "болып", maxDistance: 1),
               FormulaMatcher.matches(word, "тіркелген", maxDistance: 1) || FormulaMatcher.matches(word, "тіркелді", maxDistance: 2) {
                return true
            }
            if index + 1 < words.count, word.count >= 3,
               FormulaMatcher.matches(String(word) + String(words[index + 1]), FormulaMatcher.registered, maxDistance: 1) {
                return true
            }
        }
        return false
    }

    /// Whether a sentence reports the repeal ("Күші жойылды - ... қаулысымен").
    static func isRepeal(_ text: some StringProtocol) -> Bool {
        TextTraits.folded(text).contains("күші жойылды") || repealClauseWord(in: TextTraits.words(text)) != nil
    }

    /// The index of the word starting "Күші жойылды" in `words`, OCR noise tolerated ("Күшті жойылды").
    static func repealClauseWord(in words: [Substring]) -> Int? {
        FormulaMatcher.firstPhrase(words, FormulaMatcher.repealClause)
    }
}

/// The act header read from the first cleansed blocks: its nodes, the act's metadata, and how many blocks
/// it took.
struct ActHeader {
    var node: StructureNode?
    var metadata: ActMetadata
    var blockCount: Int
}

/// Reads the act header: title, status line, act line, justice registration and editorial notes.
struct ActHeaderReader {
    /// How far into the document the act line may stand.
    var searchLimit = 12

    func read(_ blocks: [CleansedBlock]) -> ActHeader {
        var actLineIndex: Int?
        for (index, block) in blocks.prefix(searchLimit).enumerated() {
            // Header lines are short; a huge first block is running text, not an act header.
            guard block.kind == .text, block.text.utf8.count <= 8_000 else { break }
            if HeadingParser.numbering(block.text)?.style == .point || ActHeaderVocabulary.containsEnactingFormula(block.text) {
                break
            }
            // A status formula glued to the act line ("Күшін жойған Ақмола облысы әкімдігінің ...") is skipped.
            let sentences = Self.sentences(of: block)
            let lead = sentences.first { ActHeaderVocabulary.status(of: String(block.text[$0])) == nil }
            if let first = lead, ActLineParser().parse(String(block.text[first])) != nil {
                actLineIndex = index
                break
            }
        }
        guard let lineIndex = actLineIndex else {
            return ActHeader(node: nil, metadata: ActMetadata(), blockCount: 0)
        }
        var metadata = ActMetadata()
        var children: [StructureNode] = []
        var titleBlocks: [CleansedBlock] = []
        for block in blocks[..<lineIndex] {
            if let status = ActHeaderVocabulary.status(of: block.text) {
                metadata.status = status
                children.append(StructureNode(kind: .status, text: block.text, span: block.span))
            } else {
                titleBlocks.append(block)
            }
        }
        if !titleBlocks.isEmpty {
            let title = titleBlocks.map(\.text).joined(separator: " ")
            metadata.title = Self.cleanTitle(title)
            let span = titleBlocks.dropFirst().reduce(titleBlocks[0].span) { $0.union($1.span) }
            children.insert(StructureNode(kind: .title, text: metadata.title ?? title, span: span), at: 0)
        }
        // The act line block, and the registration, repeal and note blocks that follow it.
        var index = lineIndex
        var first = true
        while index < blocks.count, blocks[index].kind == .text {
            let block = blocks[index]
            if !first {
                let lead = TextTraits.folded(block.text.prefix(40))
                let isNote = FormulaMatcher.startsWithNoteWord(lead) || lead.contains("ескертпе")  // "РҚАО-ның ескертпесі!"
                let isStatus = ActHeaderVocabulary.status(of: block.text)
                guard isNote || isStatus != nil || ActHeaderVocabulary.isRegistration(block.text)
                        || ActHeaderVocabulary.isRepeal(block.text.prefix(80).description) else { break }
                if let status = isStatus {
                    metadata.status = status
                    children.append(StructureNode(kind: .status, text: block.text, span: block.span))
                    index += 1
                    continue
                }
            }
            var onlyStatusBefore = true
            for range in Self.sentences(of: block) {
                let sentence = String(block.text[range])
                let span = block.sourceSpan(of: range)
                let kind = classify(sentence, first: first && onlyStatusBefore)
                if kind != .status { onlyStatusBefore = false }
                switch kind {
                case .status:
                    if let status = ActHeaderVocabulary.status(of: sentence) { metadata.status = status }
                case .actLine:
                    if let line = ActLineParser().parse(sentence) {
                        metadata.issuer = Self.capitalized(line.issuer)
                        metadata.actType = line.actType
                        metadata.adopted = ActReference(date: line.date, number: line.number, span: span)
                    }
                case .registration:
                    if metadata.registered == nil {
                        metadata.registered = Self.reference(in: sentence, span: span)
                    }
                case .note:
                    if ActHeaderVocabulary.isRepeal(sentence) {
                        metadata.status = .repealed
                        if let tail = Self.afterRepealWords(sentence),
                           let reference = Self.reference(in: tail, span: span), reference.date != nil {
                            // The note's numeric form ("23.12.2020 № 810") wins over the prose clause.
                            if metadata.repealedBy == nil || FormulaMatcher.startsWithNoteWord(sentence) { metadata.repealedBy = reference }
                        }
                    }
                default:
                    break
                }
                if let last = children.last, last.kind == kind, kind == .note, last.span.end <= span.start,
                   !FormulaMatcher.startsWithNoteWord(sentence) && !ActHeaderVocabulary.isRepeal(sentence) {
                    // A note's later sentences stay in the same note.
                    children[children.count - 1].text += " " + sentence
                    children[children.count - 1].span = last.span.union(span)
                } else {
                    children.append(StructureNode(kind: kind, text: sentence, span: span))
                }
            }
            first = false
            index += 1
        }
        // Layouts that print the act line above the title: a short unterminated line right after it.
        if metadata.title == nil, index + 1 < blocks.count, blocks[index].kind == .text {
            let candidate = blocks[index]
            if candidate.text.utf8.count <= 1_200, !TextTraits.endsTerminated(candidate.text),
               HeadingParser.numbering(candidate.text) == nil, HeadingParser.chapter(candidate.text) == nil,
               !ActHeaderVocabulary.containsEnactingFormula(candidate.text), !TextTraits.isNameLine(candidate.text) {
                metadata.title = Self.cleanTitle(candidate.text)
                children.append(StructureNode(kind: .title, text: candidate.text, span: candidate.span))
                index += 1
            }
        }
        let span = children.dropFirst().reduce(children[0].span) { $0.union($1.span) }
        let node = StructureNode(kind: .header, span: span, children: children)
        return ActHeader(node: node, metadata: metadata, blockCount: index)
    }

    private func classify(_ sentence: String, first: Bool) -> NodeKind {
        if ActHeaderVocabulary.status(of: sentence) != nil { return .status }
        let lead = TextTraits.folded(sentence.prefix(40))
        if FormulaMatcher.startsWithNoteWord(lead) || lead.contains("ескертпе") || ActHeaderVocabulary.isRepeal(sentence) {
            return .note
        }
        if ActHeaderVocabulary.isRegistration(sentence) { return .registration }
        if first || ActLineParser().parse(sentence) != nil { return .actLine }
        return .note
    }

    /// The issuer with its first letter in upper case: issuers are proper names, and OCR or its repair
    /// sometimes loses the capital ("қарағанды облысы әкімдігі").
    static func capitalized(_ issuer: String?) -> String? {
        guard let issuer, let first = issuer.first, first.isLowercase else { return issuer }
        return first.uppercased() + issuer.dropFirst()
    }

    /// The text after "Күші жойылды".
    static func afterRepealWords(_ sentence: String) -> String? {
        let folded = TextTraits.folded(sentence)
        if let range = folded.firstRange(of: "күші жойылды") {
            let offset = folded.distance(from: folded.startIndex, to: range.upperBound)
            return String(sentence.dropFirst(offset))
        }
        let words = TextTraits.words(sentence)
        guard let index = ActHeaderVocabulary.repealClauseWord(in: words) else { return nil }
        return String(sentence[words[index + 1].endIndex...])
    }

    /// The first date and number of a sentence.
    static func reference(in text: String, span: SourceSpan) -> ActReference? {
        let date = KazakhDateParser().firstMatch(in: text)
        let number = ActNumberParser().firstMatch(in: text)
        guard date != nil || number != nil else { return nil }
        return ActReference(date: date?.date, number: number?.number, span: span)
    }

    /// The title without a stray leading quote OCR left ("\" АСЫЛ ..." is kept; a lone quote is dropped).
    static func cleanTitle(_ title: String) -> String {
        var result = Substring(title)
        while let first = result.first, first == " " { result = result.dropFirst() }
        return String(result)
    }

    /// The sentences of a header block: it breaks after a word ending in "." that is not an initial,
    /// a number or an abbreviation, when the next word starts with an upper-case letter or "Ескерту".
    static func sentences(of block: CleansedBlock) -> [Range<String.Index>] {
        let text = block.text
        var result: [Range<String.Index>] = []
        var start = text.startIndex
        let tokens = KazakhDateParser.tokens(text)
        for (offset, token) in tokens.enumerated() where offset + 1 < tokens.count {
            let word = text[token]
            guard word.hasSuffix("."), word.count > 3 else { continue }
            let core = word.dropLast()
            guard core.contains(where: { $0.isLetter }), !core.contains("."), core.last?.isLetter == true else { continue }
            if FormulaMatcher.startsWithNoteWord(core) { continue }  // "Ескерту. Күші жойылды ..."
            let next = text[tokens[offset + 1]]
            guard TextTraits.startsUppercase(next) else { continue }
            result.append(start..<token.upperBound)
            start = tokens[offset + 1].lowerBound
        }
        if start < text.endIndex { result.append(start..<text.endIndex) }
        // A status formula glued to the next line by the clean-up ("Күшін жойған Ақмола облысы ...").
        if let firstRange = result.first {
            let words = TextTraits.words(text[firstRange])
            if let (_, used) = ActHeaderVocabulary.leadingStatus(words), used < words.count, words.count - used > 3 {
                let cut = words[used].startIndex
                result[0] = firstRange.lowerBound..<cut
                result.insert(cut..<firstRange.upperBound, at: 1)
            }
        }
        // "Күші жойылды - ..." clause glued to the registration sentence without a full stop.
        var split: [Range<String.Index>] = []
        for range in result {
            let sentence = text[range]
            let words = TextTraits.words(sentence)
            let clauseStart = sentence.firstRange(of: "Күші жойылды")?.lowerBound
                ?? ActHeaderVocabulary.repealClauseWord(in: words).map { words[$0].startIndex }
            if let clause = clauseStart, clause > range.lowerBound,
               TextTraits.words(text[range.lowerBound..<clause]).count > 2 {
                split.append(range.lowerBound..<clause)
                split.append(clause..<range.upperBound)
            } else {
                split.append(range)
            }
        }
        return split.map { range in
            var upper = range.upperBound
            while upper > range.lowerBound, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
            return range.lowerBound..<upper
        }
    }
}
