import KZRegStructure

/// Extracts the portal / State Corporation process and condition lists: "1-процесс — ...", "1-шарт — ...",
/// "1-үдеріс — ..." (also as sub-points: "2) 1-үдеріс — ..."), in document order.
struct ProcessExtractor: Sendable {
    let locator: SpanLocator
    let actors = ActorCanonicalizer()
    let durations = DurationParser()

    /// The kind named by a folded label word: "процесс", "үдеріс" (process), "шарт" (condition).
    static func kind(of folded: String) -> ServiceProcess.Kind? {
        if folded.hasPrefix("процес") || folded.hasPrefix("удерис") { return .process }
        if folded.hasPrefix("шарт") { return .condition }
        return nil
    }

    func extract(_ scope: RegulationScope) -> [ServiceProcess] {
        var result: [ServiceProcess] = []
        for scoped in scope.body where !scoped.node.ownText.isEmpty && scoped.node.kind != .tableRow {
            let text = scoped.node.ownText
            let tokens = TextTokenizer.tokens(in: text)
            var labels: [(kind: ServiceProcess.Kind, number: Int, labelStart: Int, labelEnd: Int, bodyStart: Int)] = []
            for index in tokens.indices where tokens[index].isNumber {
                // "1-процесс —": number, hyphen, word, dash.
                guard index + 3 < tokens.count, tokens[index + 1].isDash, tokens[index + 2].isWord,
                      let kind = Self.kind(of: tokens[index + 2].folded), let number = Int(tokens[index].text),
                      tokens[index + 3].isDash || tokens[index + 3].is(":") else { continue }
                // At the start of the node (after a list label) or after ";" / ".".
                let before = tokens[..<index].filter { !($0.isNumber || $0.is(")") || $0.isDash) }
                guard before.isEmpty || tokens[index - 1].is(";") || tokens[index - 1].is(".") else { continue }
                guard index + 4 < tokens.count else { continue }
                labels.append((kind, number, tokens[index].start, tokens[index + 2].end, tokens[index + 4].start))
            }
            guard !labels.isEmpty else { continue }
            let aligned = locator.aligned(scoped.node)
            for (position, label) in labels.enumerated() {
                let end = position + 1 < labels.count ? labels[position + 1].labelStart : text.utf8.count
                let rawBody = text.utf8Slice(label.bodyStart, end)
                let body = rawBody.trimmingWhitespace()
                let actor = processActor(in: body)
                let found = durations.durations(in: rawBody).map { match in
                    Duration(value: match.value, maxValue: match.maxValue, unit: match.unit,
                             qualifier: match.qualifier, text: match.text,
                             span: aligned.span(label.bodyStart + match.start, label.bodyStart + match.end))
                }
                result.append(ServiceProcess(kind: label.kind, number: label.number,
                                             label: text.utf8Slice(label.labelStart, label.labelEnd),
                                             actor: actor, actorKey: actor.map { actors.key(for: $0) },
                                             text: body, durations: found,
                                             span: aligned.span(label.labelStart, end)))
            }
        }
        return result
    }

    /// The first actor named in a process description, in whatever case ("көрсетілетін қызметті алушының").
    private func processActor(in text: String) -> String? {
        let tokens = TextTokenizer.tokens(in: text)
        guard let head = tokens.firstIndex(where: { $0.isWord && actors.isHeadReading($0.lower) }) else { return nil }
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
