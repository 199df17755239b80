import KZRegStructure

/// Reads the point listing the structural units / employees that take part in the process
/// ("… процесіне қатысатын … бөлімшелерінің (қызметкерлерінің) тізбесі:") into actors with keys and spans.
struct ParticipantExtractor: Sendable {
    let locator: SpanLocator
    /// Gives the items their keys; carries the abbreviations the regulation defines.
    var actors = ActorCanonicalizer()

    /// The items of the point listing the units / employees taking part ("…процесіне қатысатын … тізбесі:").
    func participants(scope: RegulationScope) -> [ActorMention] {
        let body = scope.body
        guard let lead = body.first(where: { scoped in
            let folded = KazakhFolding.fold(scoped.node.ownText)
            return scoped.node.kind == .point && folded.simpleContains("катысатын")
                && (folded.simpleContains("тизбе") || folded.simpleContains("тизим"))
        }) else { return [] }
        var items: [ActorMention] = []
        let children = lead.node.children.filter { !$0.ownText.isEmpty }
        if !children.isEmpty {
            for child in children {
                let text = child.ownText
                let start = ServiceInfoExtractor.afterLabel(text)
                var item = text.utf8Slice(start, text.utf8.count).trimmingWhitespace()
                while let last = item.last, last == ";" || last == "." || last == "," { item.removeLast() }
                guard !item.isEmpty else { continue }
                let span = locator.aligned(child).span(start, start + item.utf8.count)
                items.append(ActorMention(text: item, key: actors.key(for: item), span: span))
            }
            return items
        }
        // Inline list: "...тізбесі: 1) ...; 2) ...".
        let text = lead.node.ownText
        guard let colon = text.firstIndex(of: ":") else { return [] }
        let aligned = locator.aligned(lead.node)
        var cursor = text.utf8.distance(from: text.utf8.startIndex, to: colon) + 1
        let rest = String(text[text.index(after: colon)...])
        for piece in rest.split(separator: ";", omittingEmptySubsequences: false) {
            let pieceText = String(piece)
            let skip = ServiceInfoExtractor.afterLabel(pieceText)
            var item = pieceText.utf8Slice(skip, pieceText.utf8.count).trimmingWhitespace()
            while let last = item.last, last == "." || last == "," { item.removeLast() }
            if !item.isEmpty, let range = pieceText.range(of: item) {
                let start = cursor + pieceText.utf8.distance(from: pieceText.utf8.startIndex, to: range.lowerBound)
                items.append(ActorMention(text: item, key: actors.key(for: item),
                                          span: aligned.span(start, start + item.utf8.count)))
            }
            cursor += pieceText.utf8.count + 1
        }
        return items
    }
}
