import KZRegStructure

/// Extracts the steps of an approved text from its point on "the content of each procedure (action) and its
/// duration" (…әрбір рәсімнің (іс-қимылдың) мазмұны, оның орындалу ұзақтығы): its numbered sub-points
/// ("1)", "1.", "- 1)"), or the paragraphs that follow it. The point that re-describes the interaction between
/// units ("…рәсімнің ұзақтығын көрсете отырып, … реттілігін сипаттау") and the portal process list are not
/// step sources.
struct StepExtractor: Sendable {
    let locator: SpanLocator
    /// Reads the actors; carries the abbreviations the regulation defines.
    var actors = ActorCanonicalizer()
    let durations = DurationParser()

    /// A piece of a step: a node, or a byte range of a node's text when steps were split out of one paragraph.
    struct Part {
        var node: StructureNode
        var range: Range<Int>?
        var text: String {
            guard let range else { return node.ownText }
            return node.ownText.utf8Slice(range.lowerBound, range.upperBound)
        }
    }

    /// Whether a point's text introduces the steps.
    static func isStepsLeadIn(_ text: String) -> Bool {
        let folded = KazakhFolding.fold(text)
        guard folded.simpleContains("мазмун") else { return false }
        guard folded.simpleContains("узакты") || folded.simpleContains("мерзим") else { return false }
        return folded.simpleContains("расим") || folded.simpleContains("ис-кимыл")
            || folded.simpleContains("ис-арекет") || folded.simpleContains("ис - кимыл")
    }

    /// The steps point (its number) and its steps.
    func extract(_ scope: RegulationScope) -> (point: String?, steps: [Step]) {
        let candidates = scope.body.filter { $0.node.kind != .chapter && Self.isStepsLeadIn($0.node.ownText) }
        // A point that introduces a list (children, or a closing colon) beats one that only refers to it
        // ("... мазмұны осы регламенттің 5-тармағында көрсетілген"); points beat other nodes.
        func introducesList(_ scoped: ScopedNode) -> Bool {
            !scoped.node.children.isEmpty || scoped.node.ownText.trimmingWhitespace().hasSuffix(":")
        }
        guard let lead = candidates.first(where: { $0.node.kind == .point && introducesList($0) })
                ?? candidates.first(where: introducesList)
                ?? candidates.first(where: { $0.node.kind == .point }) ?? candidates.first
        else { return (nil, []) }
        let groups = stepGroups(lead: lead, scope: scope)
        var steps: [Step] = []
        for (ordinal, group) in groups.enumerated() {
            steps.append(step(group.parts, number: group.number ?? ordinal + 1))
        }
        return (lead.node.number ?? lead.point, steps)
    }

    // MARK: - Finding the step nodes

    private struct Group {
        var number: Int?
        var parts: [Part]
    }

    private func stepGroups(lead: ScopedNode, scope: RegulationScope) -> [Group] {
        let children = lead.node.children
        if !children.isEmpty {
            let groups = grouping(children)
            if !groups.isEmpty { return groups }
        }
        // The segmenter may have placed the steps after the point as its siblings.
        if let parent = node(at: lead.path.dropLast(), in: scope.root), let index = lead.path.last {
            let following = Array(parent.children[(index + 1)...])
            var taken: [StructureNode] = []
            var expected = 1
            for sibling in following {
                if sibling.kind == .chapter || sibling.kind == .annex || sibling.kind == .approvedText { break }
                if sibling.kind == .point {
                    // Steps numbered "1.", "2." restart the count; the next real point ends the list.
                    guard let number = sibling.number.flatMap(RegulationScope.integer), number == expected
                    else { break }
                    expected += 1
                }
                taken.append(sibling)
            }
            let groups = grouping(taken)
            if !groups.isEmpty, taken.contains(where: { $0.number != nil }) { return groups }
        }
        return inlineGroups(lead.node)
    }

    /// Numbered nodes start steps; unnumbered paragraphs continue the step before them. Without any numbered
    /// node, each paragraph is a step.
    private func grouping(_ nodes: [StructureNode]) -> [Group] {
        let numbered: Set<NodeKind> = [.subpoint, .point, .bulletItem]
        if nodes.contains(where: { numbered.contains($0.kind) && $0.number != nil }) {
            var groups: [Group] = []
            for node in nodes {
                if numbered.contains(node.kind), node.number != nil {
                    groups.append(Group(number: node.number.flatMap(RegulationScope.integer),
                                        parts: node.descendantsAndSelf.filter { !$0.ownText.isEmpty }
                                            .map { Part(node: $0) }))
                } else if !groups.isEmpty, node.kind != .table, node.kind != .debris, node.kind != .legend {
                    groups[groups.count - 1].parts += node.descendantsAndSelf.filter { !$0.ownText.isEmpty }
                        .map { Part(node: $0) }
                }
            }
            return groups
        }
        // Paragraphs labelled "1-рәсім –" start steps and the others continue them; without labels each
        // paragraph is a step. A paragraph giving a result ("нәтижесі: ...") always continues the step before it.
        let paragraphs = nodes.filter { ($0.kind == .paragraph || $0.kind == .bulletItem) && !$0.ownText.isEmpty }
        let labelled = paragraphs.contains { ProcedureLabel.read($0.ownText) != nil }
        var groups: [Group] = []
        for paragraph in paragraphs {
            let label = ProcedureLabel.read(paragraph.ownText)?.number
            if !groups.isEmpty, label == nil, labelled || ResultFinder.opensWithResult(paragraph.ownText) {
                groups[groups.count - 1].parts.append(Part(node: paragraph))
            } else {
                groups.append(Group(number: label, parts: [Part(node: paragraph)]))
            }
        }
        return groups
    }

    /// Steps written inside the lead-in paragraph itself ("... ұзақтығы: 1) ...; 2) ...").
    private func inlineGroups(_ node: StructureNode) -> [Group] {
        let text = node.ownText
        let tokens = TextTokenizer.tokens(in: text)
        var starts: [(number: Int, offset: Int)] = []
        var expected = 1
        for (index, token) in tokens.enumerated() where token.isNumber && index + 1 < tokens.count {
            guard tokens[index + 1].is(")"), Int(token.text) == expected else { continue }
            // Only at the start of an item: after ":" ";" "." or a dash.
            let before = index > 0 ? tokens[index - 1] : nil
            guard let before, before.is(":") || before.is(";") || before.is(".") || before.isDash else { continue }
            starts.append((expected, token.start))
            expected += 1
        }
        guard !starts.isEmpty else { return [] }
        var groups: [Group] = []
        let length = text.utf8.count
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset : length
            groups.append(Group(number: start.number, parts: [Part(node: node, range: start.offset..<end)]))
        }
        return groups
    }

    private func node(at path: ArraySlice<Int>, in root: StructureNode) -> StructureNode? {
        var node = root
        for index in path {
            guard index < node.children.count else { return nil }
            node = node.children[index]
        }
        return node
    }

    // MARK: - Building a step

    private func step(_ parts: [Part], number: Int) -> Step {
        var texts: [String] = []
        var found: [Duration] = []
        var actor: (text: String, span: SourceSpan)?
        var result: (text: String, span: SourceSpan)?
        var span: SourceSpan?
        for (index, part) in parts.enumerated() {
            let aligned = locator.aligned(part.node)
            let base = part.range?.lowerBound ?? 0
            let text = part.text
            // Steps split out of one paragraph keep their "1)" label in the text, and paragraphs their "1-рәсім –"
            // label: drop them as the segmenter drops "1)".
            let labelEnd = part.range == nil ? ProcedureLabel.read(text)?.bodyStart ?? 0 : ServiceInfoExtractor.afterLabel(text)
            let shown = text.utf8Slice(labelEnd, text.utf8.count)
            texts.append(shown.trimmingWhitespace())
            let partSpan = part.range.map { aligned.span($0.lowerBound, $0.upperBound) } ?? part.node.span
            span = span.map { $0.union(partSpan) } ?? partSpan
            if index == 0, let found = actors.actor(in: text) {
                actor = (found.text, aligned.span(base + found.start, base + found.end))
            }
            for match in durations.durations(in: text) {
                found.append(Duration(value: match.value, maxValue: match.maxValue, unit: match.unit,
                                      qualifier: match.qualifier, text: match.text,
                                      span: aligned.span(base + match.start, base + match.end)))
            }
            if result == nil, let found = ResultFinder.result(in: text) {
                result = (found.text, aligned.span(base + found.start, base + found.end))
            }
        }
        var step = Step(number: number, actor: actor?.text, text: texts.joined(separator: "\n"), durations: found,
                        result: result?.text, span: span ?? SourceSpan(start: 0, end: 0))
        step.actorKey = actor.map { actors.key(for: $0.text) }
        step.actorSpan = actor?.span
        step.resultSpan = result?.span
        return step
    }
}
