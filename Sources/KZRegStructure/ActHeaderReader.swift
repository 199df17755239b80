/// Words of the act header that several stages recognize.
enum ActHeaderVocabulary {
    /// Status lines of adilet exports: "Күшін жойған" (repealed), "Қолданыстағы" (in force).
    static func status(of text: String) -> ActStatus? {
        guard text.utf8.count <= 80, text.count <= 40 else { return nil }
        let folded = TextTraits.folded(TextTraits.bare(text))
        if folded.hasPrefix("күшін жойған") || folded == "күші жойылған" { return .repealed }
        if folded.hasPrefix("қолданыстағы") { return .inForce }
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
        return folded.contains("тіркелді") || folded.contains("тіркелген") && folded.contains("болып")
    }

    /// Whether a sentence reports the repeal ("Күші жойылды - ... қаулысымен").
    static func isRepeal(_ text: String) -> Bool {
        TextTraits.folded(text).contains("күші жойылды")
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
            if let first = Self.sentences(of: block).first, ActLineParser().parse(String(block.text[first])) != nil {
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
                let isNote = lead.hasPrefix("ескерту") || lead.contains("ескертпе")  // "РҚАО-ның ескертпесі!"
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
            for range in Self.sentences(of: block) {
                let sentence = String(block.text[range])
                let span = block.sourceSpan(of: range)
                let kind = classify(sentence, first: first && range.lowerBound == block.text.startIndex)
                switch kind {
                case .actLine:
                    if let line = ActLineParser().parse(sentence) {
                        metadata.issuer = line.issuer
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
                            if metadata.repealedBy == nil || sentence.hasPrefix("Ескерту") { metadata.repealedBy = reference }
                        }
                    }
                default:
                    break
                }
                if let last = children.last, last.kind == kind, kind == .note, last.span.end <= span.start,
                   !TextTraits.folded(sentence.prefix(10)).hasPrefix("ескерту") && !ActHeaderVocabulary.isRepeal(sentence) {
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
        let lead = TextTraits.folded(sentence.prefix(40))
        if lead.hasPrefix("ескерту") || lead.contains("ескертпе") || ActHeaderVocabulary.isRepeal(sentence) {
            return .note
        }
        if ActHeaderVocabulary.isRegistration(sentence) { return .registration }
        if first || ActLineParser().parse(sentence) != nil { return .actLine }
        return .note
    }

    /// The text after "Күші жойылды".
    static func afterRepealWords(_ sentence: String) -> String? {
        let folded = TextTraits.folded(sentence)
        guard let range = folded.firstRange(of: "күші жойылды") else { return nil }
        let offset = folded.distance(from: folded.startIndex, to: range.upperBound)
        return String(sentence.dropFirst(offset))
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
            if TextTraits.folded(core).hasPrefix("ескерту") { continue }  // "Ескерту. Күші жойылды ..."
            let next = text[tokens[offset + 1]]
            guard TextTraits.startsUppercase(next) else { continue }
            result.append(start..<token.upperBound)
            start = tokens[offset + 1].lowerBound
        }
        if start < text.endIndex { result.append(start..<text.endIndex) }
        // "Күші жойылды - ..." clause glued to the registration sentence without a full stop.
        var split: [Range<String.Index>] = []
        for range in result {
            let sentence = text[range]
            if let clause = sentence.firstRange(of: "Күші жойылды"), clause.lowerBound > range.lowerBound,
               TextTraits.words(text[range.lowerBound..<clause.lowerBound]).count > 2 {
                split.append(range.lowerBound..<clause.lowerBound)
                split.append(clause.lowerBound..<range.upperBound)
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
