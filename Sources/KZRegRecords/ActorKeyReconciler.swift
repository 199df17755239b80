import KZRegStructure

/// Reconciles the keys of one actor that a regulation names twice — in its participants list and at the start
/// of a step — when repair noise spelt a word differently in each ("бюджеттік … бөлімі" and "әйкеттік … бөлімі";
/// "қаржыландыру әкімінің маманы" and "қаржыландыру бөлімінің маманы").
///
/// Only a participant and a step actor whose keys match nothing on the other side are paired, and only when
/// exactly one partner fits: the same number of words, most of them equal, the others close in spelling. A
/// differing word is then settled by the regulation's own text: a form found in this mention only yields to
/// its partner's form when that one recurs elsewhere. Both mentions take the settled words; their texts stay
/// as written.
struct ActorKeyReconciler: Sendable {
    let actors = ActorCanonicalizer()

    func reconcile(participants: inout [ActorMention], steps: inout [Step], texts: [String]) {
        let participantKeys = Set(participants.map(\.key))
        let stepKeys = Set(steps.compactMap(\.actorKey))
        let lonelyParticipants = Set(participants.map(\.key).filter { !stepKeys.contains($0) })
        let lonelySteps = Set(stepKeys.filter { !participantKeys.contains($0) })
        var pairs: [(participant: [String], step: [String])] = []
        for stepKey in lonelySteps {
            let step = words(stepKey)
            let near = lonelyParticipants.map(words).filter { Self.near($0, step) }
            guard near.count == 1, let participant = near.first,
                  lonelySteps.map(words).filter({ Self.near(participant, $0) }).count == 1 else { continue }
            pairs.append((participant, step))
        }
        guard !pairs.isEmpty else { return }
        let differing = Set(pairs.flatMap { pair in zip(pair.participant, pair.step).filter { $0 != $1 }.flatMap { [$0, $1] } })
        let support = occurrences(of: differing, in: texts)
        var renamed: [String: String] = [:]
        for (participant, step) in pairs {
            var settledParticipant = participant
            var settledStep = step
            for index in participant.indices where participant[index] != step[index] {
                let (left, right) = (participant[index], step[index])
                let (leftCount, rightCount) = (support[left] ?? 0, support[right] ?? 0)
                if leftCount <= 1, rightCount >= 2 { settledParticipant[index] = right }
                if rightCount <= 1, leftCount >= 2 { settledStep[index] = left }
            }
            renamed[participant.joined(separator: " ")] = settledParticipant.joined(separator: " ")
            renamed[step.joined(separator: " ")] = settledStep.joined(separator: " ")
        }
        for index in participants.indices {
            if let key = renamed[participants[index].key] { participants[index].key = key }
        }
        for index in steps.indices {
            if let key = steps[index].actorKey, let renamedKey = renamed[key] { steps[index].actorKey = renamedKey }
        }
    }

    private func words(_ key: String) -> [String] { key.split(separator: " ").map(String.init) }

    /// Two keys of one actor up to repair noise: at least two words, the same number of them, more than half
    /// equal, and every differing pair within 60 % of the longer word in edits.
    static func near(_ a: [String], _ b: [String]) -> Bool {
        guard a.count == b.count, a.count >= 2, a != b else { return false }
        let equal = zip(a, b).filter { $0 == $1 }.count
        guard equal * 2 > a.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let limit = max(x.count, y.count) * 3 / 5
            if FormulaMatcher.editDistance(KazakhFolding.fold(x), KazakhFolding.fold(y), limit: limit) > limit {
                return false
            }
        }
        return true
    }

    /// How many words of the texts stand for each of `stems` in an actor key (see `ActorCanonicalizer`).
    private func occurrences(of stems: Set<String>, in texts: [String]) -> [String: Int] {
        let prefixes = Set(stems.map { String($0.prefix(2)) })
        var counts: [String: Int] = [:]
        for text in texts {
            for token in TextTokenizer.tokens(in: text) where token.isWord && prefixes.contains(String(token.lower.prefix(2))) {
                let stem = actors.stem(of: token.lower)
                if stems.contains(stem) { counts[stem, default: 0] += 1 }
            }
        }
        return counts
    }
}
