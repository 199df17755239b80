/// Gives the steps the results a separate results point lists for them (see `ResultsPointReader`), for the
/// steps that carry no "Нәтижесі – …" of their own (a step's own result always wins).
///
/// Items that name their step ("2-рәсім – …") go to that step, when every item names a different existing
/// step. Items without such labels go to the steps by order, only when there are exactly as many items as
/// steps. Anything else — some items labelled and others not, a label naming no step or two items naming one,
/// a count that differs from the steps' — is ambiguous, and no step takes a result from the point.
enum StepResultMapper {
    /// The step index each item belongs to, or nil when the mapping is ambiguous.
    static func mapping(_ items: [ResultsPointReader.Item], steps: [Step]) -> [Int]? {
        guard !items.isEmpty, !steps.isEmpty else { return nil }
        let labelled = items.compactMap(\.step)
        if labelled.count == items.count {
            guard Set(labelled).count == labelled.count else { return nil }
            var indices: [Int] = []
            for number in labelled {
                let matching = steps.indices.filter { steps[$0].number == number }
                guard matching.count == 1 else { return nil }
                indices.append(matching[0])
            }
            return indices
        }
        guard labelled.isEmpty, items.count == steps.count else { return nil }
        return Array(steps.indices)
    }

    /// Sets `result` and `resultSpan` of the steps without a result of their own from `items`, when the
    /// mapping is unambiguous; otherwise leaves the steps as they are.
    static func assign(_ items: [ResultsPointReader.Item], to steps: inout [Step]) {
        guard let indices = mapping(items, steps: steps) else { return }
        for (item, index) in zip(items, indices) where steps[index].result == nil {
            steps[index].result = item.text
            steps[index].resultSpan = item.span
        }
    }
}
