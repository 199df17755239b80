/// Turns text into the document tree: act header, preamble, enacting points, signature, annexes with their
/// captions, titles and approved texts (chapters, points, sub-points, tables, legends, debris), and nested
/// annexes of the approved texts. It runs the `Cleanser` first; every node's span is a UTF-8 byte range of
/// the text it was given.
public struct Segmenter: Sendable {
    public var cleanser: Cleanser

    public init(cleanser: Cleanser = Cleanser()) {
        self.cleanser = cleanser
    }

    /// Segments `text`; spans are UTF-8 byte offsets into `text`.
    public func segment(_ text: String) -> SegmentedDocument {
        let blocks = cleanser.cleanse(text)
        return DocumentAssembler().assemble(blocks, length: text.utf8.count)
    }
}

/// Puts the cleansed blocks together into the document tree.
struct DocumentAssembler {
    func assemble(_ blocks: [CleansedBlock], length: Int) -> SegmentedDocument {
        var children: [StructureNode] = []
        let header = ActHeaderReader().read(blocks)
        if let node = header.node { children.append(node) }
        var index = header.blockCount

        // The act's own part ends at the first caption that opens an annex.
        let firstCaption = blocks[index...].firstIndex { if case .caption = $0.kind { return true } else { return false } }
            ?? blocks.count
        let actPart = blocks[index..<firstCaption]

        // Preamble: up to the enacting formula, or up to the first point after a header.
        var bodyStart = index
        if let formula = actPart.prefix(8).firstIndex(where: {
            $0.kind == .text && HeadingParser.numbering($0.text)?.style != .point
                && ActHeaderVocabulary.containsEnactingFormula($0.text)
        }), actPart[index..<formula].allSatisfy({ $0.kind == .text && HeadingParser.numbering($0.text) == nil }) {
            bodyStart = formula + 1
        } else if header.node != nil {
            bodyStart = actPart.firstIndex { $0.kind != .text || HeadingParser.numbering($0.text) != nil
                || HeadingParser.chapter($0.text) != nil } ?? firstCaption
        }
        if bodyStart > index {
            let preamble = blocks[index..<bodyStart]
            children.append(StructureNode(kind: .preamble, text: preamble.map(\.text).joined(separator: "\n"),
                                          span: spanOf(preamble)))
        }
        index = bodyStart

        // Body, then the signature block (trailing short lines after the last point).
        var bodyEnd = firstCaption
        var footer: [CleansedBlock] = []
        while bodyEnd > index, blocks[bodyEnd - 1].kind == .text, blocks[bodyEnd - 1].text.hasPrefix("©") {
            footer.insert(blocks[bodyEnd - 1], at: 0)
            bodyEnd -= 1
        }
        var signatureStart = bodyEnd
        let hasPoints = blocks[index..<bodyEnd].contains { HeadingParser.numbering($0.text)?.style == .point }
        if header.node != nil || hasPoints {
            while signatureStart > index, isSignatureLike(blocks[signatureStart - 1]) { signatureStart -= 1 }
        }
        let bodyNodes = ContentParser(numberedHeadings: false).parse(blocks[index..<signatureStart])
        if !bodyNodes.isEmpty {
            if header.node != nil || bodyStart > header.blockCount {
                children.append(StructureNode(kind: .body, span: spanOf(bodyNodes), children: bodyNodes))
            } else {
                children.append(contentsOf: bodyNodes)
            }
        }
        if signatureStart < bodyEnd {
            let signature = blocks[signatureStart..<bodyEnd]
            children.append(StructureNode(kind: .signature,
                                          text: signature.flatMap(\.lines).joined(separator: "\n"),
                                          span: spanOf(signature)))
        }
        children.append(contentsOf: footer.map { StructureNode(kind: .note, text: $0.text, span: $0.span) })

        // Annexes.
        children.append(contentsOf: annexes(Array(blocks[firstCaption...])))
        let root = StructureNode(kind: .document, span: SourceSpan(start: 0, end: length), children: children)
        return SegmentedDocument(root: root, metadata: header.metadata)
    }

    /// A short line after the points that is not a sentence: a position, a name, "КЕЛІСІЛДІ", a date.
    private func isSignatureLike(_ block: CleansedBlock) -> Bool {
        guard block.kind == .text, HeadingParser.numbering(block.text) == nil else { return false }
        if TextTraits.isNameLine(block.text) || TextTraits.isPositionLine(block.text) { return true }
        return block.text.count <= 160 && !TextTraits.endsTerminated(block.text)
            && !TextTraits.folded(block.text.prefix(10)).hasPrefix("ескерту")
            && !FormulaMatcher.startsWithNoteWord(block.text.prefix(40))
    }

    // MARK: Annexes

    /// Splits the blocks from the first caption on into act-level annexes; captions that point at an
    /// approved text ("... регламентіне 1-қосымша") open annexes nested in that text.
    private func annexes(_ blocks: [CleansedBlock]) -> [StructureNode] {
        var result: [StructureNode] = []
        var start = 0
        while start < blocks.count {
            // The annex runs to the next act-level caption.
            var end = start + 1
            // Stacked captions and notes before the title stay with this annex.
            var approvalCaption = false
            while end < blocks.count {
                if case .caption(let info) = blocks[end].kind { approvalCaption = approvalCaption || !info.isAnnex }
                else if !(blocks[end].kind == .text && TextTraits.folded(blocks[end].text.prefix(10)).hasPrefix("ескерту")) { break }
                end += 1
            }
            let insideApprovedText = end < blocks.count
                && (approvalCaption || isApprovedTextTitle(blocks[end], caption: blocks[start]))
            while end < blocks.count {
                if case .caption(let info) = blocks[end].kind {
                    let nested = info.target == .approvedText || (info.target == .unknown && insideApprovedText)
                    if !nested || !insideApprovedText { break }
                }
                end += 1
            }
            result.append(annex(blocks[start..<end]))
            start = end
        }
        return result
    }

    private func isApprovedTextTitle(_ block: CleansedBlock, caption: CleansedBlock) -> Bool {
        guard block.kind == .text, HeadingParser.numbering(block.text) == nil else { return false }
        if HeadingParser.approvedTextKind(ofTitle: block.text) != nil { return true }
        if case .caption(let info) = caption.kind, !info.isAnnex { return true }
        return false
    }

    /// One annex: its caption, its title, and its content — an approved text with nested annexes, or
    /// plain content (forms, tables).
    private func annex(_ blocks: ArraySlice<CleansedBlock>) -> StructureNode {
        guard let captionBlock = blocks.first, case .caption(let info) = captionBlock.kind else {
            let nodes = ContentParser(numberedHeadings: false).parse(blocks)
            return StructureNode(kind: .annex, span: spanOf(blocks), children: nodes)
        }
        var children = [StructureNode(kind: .caption, number: info.number, text: captionBlock.text, span: captionBlock.span)]
        var number = info.number
        var isApproved = !info.isAnnex
        var rest = blocks.dropFirst()
        // Captions stacked without text between them ("... қаулысына 1-қосымша" over "... бекітілген") and
        // editorial notes before the title belong to the same annex.
        while let next = rest.first {
            if case .caption(let more) = next.kind {
                children.append(StructureNode(kind: .caption, number: more.number, text: next.text, span: next.span))
                number = number ?? more.number
                isApproved = isApproved || !more.isAnnex
            } else if next.kind == .text, TextTraits.folded(next.text.prefix(10)).hasPrefix("ескерту") {
                children.append(StructureNode(kind: .note, text: next.text, span: next.span))
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        var title: StructureNode?
        if let first = rest.first, first.kind == .text, HeadingParser.numbering(first.text) == nil,
           HeadingParser.chapter(first.text) == nil, !first.text.hasSuffix(":"),
           !ContentParser.isLegendHeading(first.text), !TextTraits.folded(first.text.prefix(10)).hasPrefix("ескерту") {
            title = StructureNode(kind: .title, text: first.text, span: first.span)
            isApproved = isApproved || HeadingParser.approvedTextKind(ofTitle: first.text) != nil
            rest = rest.dropFirst()
        }
        if isApproved {
            var inner: [StructureNode] = title.map { [$0] } ?? []
            // Nested annexes split the approved text's tail.
            let nestedStart = rest.firstIndex { if case .caption = $0.kind { return true } else { return false } }
                ?? rest.endIndex
            inner += ContentParser(numberedHeadings: true, upperCaseHeadings: true)
                .parse(rest[rest.startIndex..<nestedStart])
            var cursor = nestedStart
            while cursor < rest.endIndex {
                var end = cursor + 1
                while end < rest.endIndex {
                    if case .caption = rest[end].kind { break }
                    end += 1
                }
                inner.append(annex(rest[cursor..<end]))
                cursor = end
            }
            if !inner.isEmpty {
                children.append(StructureNode(kind: .approvedText, heading: title?.text, span: spanOf(inner),
                                              children: inner))
            }
        } else {
            if let title { children.append(title) }
            children += ContentParser(numberedHeadings: true).parse(rest)
        }
        return StructureNode(kind: .annex, number: number, heading: title?.text, text: "",
                             span: spanOf(children), children: children)
    }

    private func spanOf(_ blocks: ArraySlice<CleansedBlock>) -> SourceSpan {
        guard let first = blocks.first else { return SourceSpan(start: 0, end: 0) }
        return blocks.dropFirst().reduce(first.span) { $0.union($1.span) }
    }

    private func spanOf(_ nodes: [StructureNode]) -> SourceSpan {
        guard let first = nodes.first else { return SourceSpan(start: 0, end: 0) }
        return nodes.dropFirst().reduce(first.span) { $0.union($1.span) }
    }
}
