import KZRegStructure

/// Extracts the portal / State Corporation process and condition lists: "1-процесс — ...", "1-шарт — ...",
/// "1-үдеріс — ..." (also as sub-points: "2) 1-үдеріс — ..."), in document order.
struct ProcessExtractor: Sendable {
    let locator: SpanLocator
    /// Reads the actors; carries the abbreviations the regulation defines ("(бұдан әрі – ХҚКО)").
    var actors = ActorCanonicalizer()
    let durations = DurationParser()

    func extract(_ scope: RegulationScope) -> [ServiceProcess] {
        let body = scope.body.filter { !$0.node.ownText.isEmpty && $0.node.kind != .tableRow }
        // Labels in document order, with the position of their node in `body`.
        var found: [(position: Int, label: ProcessLabelReader.Label, end: Int)] = []
        for (position, scoped) in body.enumerated() {
            let text = scoped.node.ownText
            let labels = ProcessLabelReader.labels(in: text)
            for (index, label) in labels.enumerated() {
                let end = index + 1 < labels.count ? labels[index + 1].labelStart : text.utf8.count
                found.append((position, label, end))
            }
        }
        guard !found.isEmpty else { return [] }
        found = numbered(found)
        found = fillingGaps(found, body: body)
        return found.map { entry in
            let node = body[entry.position].node
            let text = node.ownText
            let aligned = locator.aligned(node)
            let label = entry.label
            let rawBody = text.utf8Slice(label.bodyStart, entry.end)
            let actor = processActor(in: rawBody.trimmingWhitespace())
            let durations = durations.durations(in: rawBody).map { match in
                Duration(value: match.value, maxValue: match.maxValue, unit: match.unit,
                         qualifier: match.qualifier, text: match.text,
                         span: aligned.span(label.bodyStart + match.start, label.bodyStart + match.end))
            }
            return ServiceProcess(kind: label.kind, number: label.number ?? 0,
                                  label: text.utf8Slice(label.labelStart, label.labelEnd),
                                  actor: actor, actorKey: actor.map { actors.key(for: $0) },
                                  text: rawBody.trimmingWhitespace(), durations: durations,
                                  span: aligned.span(label.labelStart, entry.end))
        }
    }

    private typealias Entry = (position: Int, label: ProcessLabelReader.Label, end: Int)

    /// Gives a label whose number OCR turned into a letter ("Э-процесс") the number after the previous label
    /// of its kind.
    private func numbered(_ entries: [Entry]) -> [Entry] {
        var last: [ServiceProcess.Kind: Int] = [:]
        return entries.map { entry in
            var entry = entry
            let number = entry.label.number ?? (last[entry.label.kind] ?? 0) + 1
            entry.label.number = number
            last[entry.label.kind] = number
            return entry
        }
    }

    /// Restores a label that OCR destroyed altogether ("8) күндерде — ..." between "7) 4-үдеріс — ..." and
    /// "10) 6-үдеріс — ..."): when the numbers of one kind skip exactly one, and exactly one unlabelled node of
    /// the same kind lies between them, shaped like a label (one word, then a dash), it is the missing one.
    private func fillingGaps(_ entries: [Entry], body: [ScopedNode]) -> [Entry] {
        let labelled = Set(entries.map(\.position))
        var added: [Entry] = []
        for kind in [ServiceProcess.Kind.process, .condition] {
            let ofKind = entries.filter { $0.label.kind == kind }
            for (before, after) in zip(ofKind, ofKind.dropFirst()) {
                guard let first = before.label.number, after.label.number == first + 2,
                      after.position > before.position + 1 else { continue }
                let between = (before.position + 1..<after.position).filter { position in
                    !labelled.contains(position) && body[position].node.kind == body[before.position].node.kind
                }
                let shaped = between.compactMap { position in
                    Self.labelShape(body[position].node.ownText).map { (position, $0) }
                }
                guard shaped.count == 1, let (position, shape) = shaped.first else { continue }
                let label = ProcessLabelReader.Label(kind: kind, number: first + 1, labelStart: shape.start,
                                                     labelEnd: shape.end, bodyStart: shape.bodyStart)
                added.append((position, label, body[position].node.ownText.utf8.count))
            }
        }
        // A node claimed by both kinds is ambiguous: leave it out.
        let twice = Dictionary(grouping: added, by: \.position).filter { $0.value.count > 1 }.keys
        added.removeAll { twice.contains($0.position) }
        return (entries + added).sorted { ($0.position, $0.label.labelStart) < ($1.position, $1.label.labelStart) }
    }

    /// A text that starts (after a list label) with a single word and a dash, followed by more text: the
    /// shape of a process label whose words OCR garbled. Byte offsets of the word and of the body.
    static func labelShape(_ text: String) -> (start: Int, end: Int, bodyStart: Int)? {
        let tokens = TextTokenizer.tokens(in: String(text.prefix(80)))
        var index = 0
        while index < tokens.count, tokens[index].isNumber || tokens[index].is(")") { index += 1 }
        guard index + 2 < tokens.count, tokens[index].isWord, tokens[index + 1].isDash else { return nil }
        return (tokens[index].start, tokens[index].end, tokens[index + 2].start)
    }

    /// The first actor named in a process description, in whatever case ("көрсетілетін қызметті алушының"),
    /// or a defined abbreviation with the actor phrase it opens.
    private func processActor(in text: String) -> String? {
        let tokens = TextTokenizer.tokens(in: text)
        guard let head = tokens.firstIndex(where: { $0.isWord && actors.isHeadReading($0.lower) }) else { return nil }
        // A defined abbreviation ("ХҚКО", "ХҚКО операторы", "ХҚКО жинақтау секторының қызметкері") opens the
        // actor phrase read as at the start of a step.
        if actors.abbreviations.contains(tokens[head].lower),
           let (start, end) = actors.phrase(tokens, from: head, strict: false) {
            return text.utf8Slice(tokens[start].start, tokens[end].end)
        }
        var start = head
        // Extend over the service-party words before the head ("көрсетілетін қызметті алушы").
        while start > 0, tokens[start - 1].isWord, start > head - 3 {
            let word = tokens[start - 1].lower
            guard word.hasPrefix("көрсетіл") || word.hasPrefix("қызмет") || word == "мемлекеттік" || word == "жауапты"
            else { break }
            start -= 1
        }
        var end = head
        if end + 1 < tokens.count, tokens[end + 1].isWord, actors.isNominativeHead(tokens[end + 1].lower) { end += 1 }
        return text.utf8Slice(tokens[start].start, tokens[end].end)
    }
}
