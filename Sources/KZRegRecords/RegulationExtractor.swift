import KZRegStructure

/// Builds the `Regulation` of one approved text node: kind, title, chapters, service information,
/// participants, steps, processes, every duration and the references to other acts.
struct RegulationExtractor: Sendable {
    let locator: SpanLocator

    /// The regulation of an approved-text node (or of a whole document read as one, with its `title`).
    func extract(_ node: StructureNode, annex: Int?, ownAnnexes: [AnnexInfo], title knownTitle: String? = nil)
        -> Regulation {
        let scope = RegulationScope(node)
        let titleNode = knownTitle == nil ? node.firstChild(.title) : nil
        let title = (knownTitle ?? node.heading ?? titleNode?.text ?? Self.firstLine(of: node.text)).trimmingWhitespace()
        // A title cut short (a wrapped title the segmenter did not join) may lose its "регламенті": then the
        // opening words of the text decide.
        var kind = Self.kind(of: title)
        if kind == .other { kind = Self.kind(of: String(node.fullText.prefix(600))) }
        var regulation = Regulation(kind: kind, annex: annex, title: title, span: node.span)
        regulation.chapters = chapters(scope)
        let info = ServiceInfoExtractor(locator: locator)
        // The title is the heading (no span of its own) or a title child.
        let titleSource = knownTitle == nil ? (titleNode ?? (node.heading == nil ? node : nil)) : nil
        if let (name, span) = info.serviceName(title: titleSource, titleText: title, scope: scope) {
            regulation.serviceName = name
            regulation.serviceNameSpan = titleSource == nil && span == node.span ? nil : span
        } else if let found = ServiceInfoExtractor.quotedServiceName(in: title, titleIsName: true) {
            regulation.serviceName = found.text
        }
        if let (provider, span) = info.provider(scope: scope) {
            regulation.provider = provider
            regulation.providerSpan = span
        }
        let actors = ActorCanonicalizer(abbreviations: AbbreviationFinder.abbreviations(in: scope.body.map(\.node.ownText)))
        let (stepsPoint, steps) = StepExtractor(locator: locator, actors: actors).extract(scope)
        let stepsIndex = scope.body.firstIndex { $0.node.kind == .point && $0.node.number == stepsPoint && stepsPoint != nil }
            ?? scope.body.count
        regulation.forms = info.forms(scope: scope, before: stepsIndex)
        regulation.result = info.result(scope: scope, before: stepsIndex)
        regulation.basis = info.basis(scope: scope)
        var participants = ParticipantExtractor(locator: locator, actors: actors).participants(scope: scope)
        var reconciledSteps = steps
        ActorKeyReconciler().reconcile(participants: &participants, steps: &reconciledSteps,
                                       texts: scope.body.map(\.node.ownText))
        regulation.participantActors = participants
        regulation.participants = participants.map(\.text)
        // Results listed in a point of their own after the steps ("Келесі рәсімді … бастау үшін негіз болатын
        // … рәсімнің (іс-қимылдың) нәтижесі: 1) …").
        if let items = ResultsPointReader(locator: locator).items(scope, stepsIndex: stepsIndex) {
            StepResultMapper.assign(items, to: &reconciledSteps)
        }
        regulation.stepsPoint = stepsPoint
        regulation.steps = reconciledSteps
        regulation.processes = ProcessExtractor(locator: locator, actors: actors).extract(scope)
        regulation.durations = durations(scope)
        regulation.references = references(scope)
        regulation.annexes = ownAnnexes
        return regulation
    }

    /// "регламент" → regulation, "қағидалар" → rules (whichever the text names first), else other.
    static func kind(of title: String) -> Regulation.Kind {
        let folded = KazakhFolding.fold(title)
        let regulation = folded.range(of: "регламент")?.lowerBound
        let rules = folded.range(of: "кагида")?.lowerBound
        switch (regulation, rules) {
        case let (regulation?, rules?): return regulation < rules ? .regulation : .rules
        case (_?, nil): return .regulation
        case (nil, _?): return .rules
        default: return .other
        }
    }

    static func firstLine(of text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1).first ?? "")
    }

    private func chapters(_ scope: RegulationScope) -> [Chapter] {
        var result: [Chapter] = []
        for scoped in scope.body where scoped.node.kind == .chapter {
            let heading = (scoped.node.heading ?? scoped.node.text).trimmingWhitespace()
            result.append(Chapter(number: scoped.chapter ?? result.count + 1, heading: heading,
                                  span: scoped.node.span))
        }
        return result
    }

    private func durations(_ scope: RegulationScope) -> [DurationMention] {
        let parser = DurationParser()
        var result: [DurationMention] = []
        for scoped in scope.nodes {
            if let cells = scoped.node.cells, scoped.node.text.isEmpty {
                for cell in cells {
                    for match in parser.durations(in: cell) {
                        result.append(DurationMention(
                            duration: Duration(value: match.value, maxValue: match.maxValue, unit: match.unit,
                                               qualifier: match.qualifier, text: match.text, span: scoped.node.span),
                            chapter: scoped.chapter, point: scoped.point, subpoint: scoped.subpoint))
                    }
                }
                continue
            }
            let text = scoped.node.text
            guard !text.isEmpty else { continue }
            let matches = parser.durations(in: text)
            guard !matches.isEmpty else { continue }
            let aligned = locator.aligned(scoped.node)
            for match in matches {
                result.append(DurationMention(
                    duration: Duration(value: match.value, maxValue: match.maxValue, unit: match.unit,
                                       qualifier: match.qualifier, text: match.text,
                                       span: aligned.span(match.start, match.end)),
                    chapter: scoped.chapter, point: scoped.point, subpoint: scoped.subpoint))
            }
        }
        return result
    }

    private func references(_ scope: RegulationScope) -> [ActCitation] {
        let extractor = ReferenceExtractor()
        var result: [ActCitation] = []
        for scoped in scope.nodes where !scoped.node.ownText.isEmpty {
            let text = scoped.node.ownText
            let found = extractor.references(in: text)
            guard !found.isEmpty else { continue }
            let aligned = locator.aligned(scoped.node)
            for reference in found {
                result.append(ActCitation(actType: reference.citation.actType, date: reference.citation.date,
                                          number: reference.citation.number,
                                          registrationNumber: reference.citation.registration,
                                          point: scoped.point, text: text.utf8Slice(reference.start, reference.end),
                                          span: aligned.span(reference.start, reference.end)))
            }
        }
        return result
    }
}
