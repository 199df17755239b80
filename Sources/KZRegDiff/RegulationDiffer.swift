import KZRegRecords
import KZRegStructure

/// Compares two versions of one regulation: fields, participants, chapters, steps, points, durations.
struct RegulationDiffer: Sendable {
    typealias Side = (ref: RegulationRef, regulation: Regulation, structure: StructureNode)

    var aligner: SequenceAligner
    var wordDiff = WordDiff()

    func diff(old: Side, new: Side, nameSimilarity: Double?) -> RegulationDiff {
        let steps = stepChanges(old: old.regulation.steps, new: new.regulation.steps)
        let duration = DurationTotalChange(
            regulation: new.ref.serviceName ?? new.ref.title,
            old: DurationTotal(steps: old.regulation.steps.map { StepSnapshot($0) }),
            new: DurationTotal(steps: new.regulation.steps.map { StepSnapshot($0) }))
        return RegulationDiff(
            status: .paired, old: old.ref, new: new.ref, nameSimilarity: nameSimilarity.map(Self.rounded),
            fields: fieldChanges(old: old.regulation, new: new.regulation),
            participants: participantChanges(old: old.regulation, new: new.regulation),
            chapters: chapterChanges(old: old.regulation.chapters, new: new.regulation.chapters),
            steps: steps,
            processes: processChanges(old: old.regulation.processes, new: new.regulation.processes),
            points: pointChanges(old: Self.points(of: old.regulation, in: old.structure),
                                 new: Self.points(of: new.regulation, in: new.structure)),
            duration: duration)
    }

    /// A regulation present in one version only: its steps are all added or all removed.
    func unpaired(_ status: PairStatus, _ ref: RegulationRef, _ regulation: Regulation) -> RegulationDiff {
        let added = status == .added
        let steps = regulation.steps.map { step in
            StepChange(kind: added ? .added : .removed, old: added ? nil : StepSnapshot(step),
                       new: added ? StepSnapshot(step) : nil)
        }
        return RegulationDiff(status: status, old: added ? nil : ref, new: added ? ref : nil,
                              participants: ParticipantChanges(added: added ? regulation.participants : [],
                                                               removed: added ? [] : regulation.participants),
                              steps: steps)
    }

    // MARK: Fields

    func fieldChanges(old: Regulation, new: Regulation) -> [FieldChange] {
        var changes: [FieldChange] = []
        func text(_ field: String, _ lhs: String?, _ rhs: String?) {
            if MetadataDiffer.differs(lhs, rhs, words: true) {
                changes.append(FieldChange(field: field, old: lhs, new: rhs))
            }
        }
        text("regulation.kind", old.kind.rawValue, new.kind.rawValue)
        text("regulation.title", old.title, new.title)
        text("regulation.serviceName", old.serviceName, new.serviceName)
        text("regulation.provider", old.provider, new.provider)
        return changes
    }

    // MARK: Participants

    /// Participants are a set: each old one pairs with its most similar new one (same actor key, or stem
    /// similarity ≥ 0.6). A matched pair is a rename when the actor keys differ (or, without keys, the words).
    func participantChanges(old: Regulation, new: Regulation) -> ParticipantChanges {
        let oldNames = old.participants, newNames = new.participants
        let oldKeys = oldNames.map { Self.participantKey($0, in: old) }
        let newKeys = newNames.map { Self.participantKey($0, in: new) }
        var candidates: [(old: Int, new: Int, similarity: Double)] = []
        for i in oldNames.indices {
            for j in newNames.indices {
                var similarity = TextSimilarity.similarity(oldNames[i], newNames[j])
                if let lhs = oldKeys[i], let rhs = newKeys[j], lhs == rhs { similarity = max(similarity, 1) }
                if similarity >= 0.6 { candidates.append((i, j, similarity)) }
            }
        }
        candidates.sort { ($0.similarity, $1.old, $1.new) > ($1.similarity, $0.old, $0.new) }
        var pairedOld: [Int: Int] = [:], pairedNew = Set<Int>()
        for candidate in candidates where pairedOld[candidate.old] == nil && !pairedNew.contains(candidate.new) {
            pairedOld[candidate.old] = candidate.new
            pairedNew.insert(candidate.new)
        }
        var changes = ParticipantChanges()
        changes.removed = oldNames.indices.filter { pairedOld[$0] == nil }.map { oldNames[$0] }
        changes.added = newNames.indices.filter { !pairedNew.contains($0) }.map { newNames[$0] }
        changes.renamed = oldNames.indices.compactMap { i in
            guard let j = pairedOld[i] else { return nil }
            let renamed = if let lhs = oldKeys[i], let rhs = newKeys[j] { lhs != rhs }
                          else { TextSimilarity.stemKey(oldNames[i]) != TextSimilarity.stemKey(newNames[j]) }
            return renamed ? FieldChange(field: "participant", old: oldNames[i], new: newNames[j]) : nil
        }
        return changes
    }

    /// The actor key the extractor gave a participant, if any.
    static func participantKey(_ name: String, in regulation: Regulation) -> String? {
        regulation.participantActors.first { $0.text == name }?.key
    }

    // MARK: Chapters

    /// Chapters that were added, removed, retitled or renumbered (unchanged ones are left out).
    func chapterChanges(old: [Chapter], new: [Chapter]) -> [ChapterChange] {
        let entries = aligner.align(oldCount: old.count, newCount: new.count) { i, j in
            0.9 * TextSimilarity.similarity(old[i].heading, new[j].heading)
                + 0.1 * Self.positionCloseness(i, old.count, j, new.count)
        }
        return entries.compactMap { entry in
            switch entry {
            case let .matched(i, j, _), let .moved(i, j, _):
                let retitled = WordDiff.differs(old[i].heading, new[j].heading)
                var kind: ChangeKind = retitled ? .changed : .unchanged
                if case .moved = entry { kind = .moved }
                let change = ChapterChange(kind: kind, oldNumber: old[i].number, newNumber: new[j].number,
                                           oldHeading: old[i].heading, newHeading: new[j].heading)
                return change.kind == .unchanged && !change.renumbered ? nil : change
            case let .removed(i):
                return ChapterChange(kind: .removed, oldNumber: old[i].number, newNumber: nil,
                                     oldHeading: old[i].heading, newHeading: nil)
            case let .added(j):
                return ChapterChange(kind: .added, oldNumber: nil, newNumber: new[j].number,
                                     oldHeading: nil, newHeading: new[j].heading)
            }
        }
    }

    // MARK: Steps

    /// The portal processes and conditions, aligned like steps (their labels tell them apart).
    func processChanges(old: [ServiceProcess], new: [ServiceProcess]) -> [StepChange] {
        func steps(_ processes: [ServiceProcess]) -> [Step] {
            processes.map { process in
                var step = Step(number: process.number, actor: process.actor, text: process.text,
                                durations: process.durations, result: nil, span: process.span)
                step.actorKey = process.actorKey
                return step
            }
        }
        return stepChanges(old: steps(old), new: steps(new), oldLabels: old.map(\.label), newLabels: new.map(\.label))
    }

    /// Every step of both versions, aligned by content (text, actor, position).
    func stepChanges(old: [Step], new: [Step], oldLabels: [String]? = nil, newLabels: [String]? = nil)
        -> [StepChange] {
        func oldSnapshot(_ i: Int) -> StepSnapshot { StepSnapshot(old[i], label: oldLabels?[i]) }
        func newSnapshot(_ j: Int) -> StepSnapshot { StepSnapshot(new[j], label: newLabels?[j]) }
        let oldStems = old.map { TextSimilarity.stems($0.text) }
        let newStems = new.map { TextSimilarity.stems($0.text) }
        let weighted = WeightedSimilarity(texts: oldStems + newStems)
        let entries = aligner.align(oldCount: old.count, newCount: new.count) { i, j in
            let text = weighted.similarity(oldStems[i], newStems[j])
            let actor = Self.actorSimilarity(old[i], new[j])
            return 0.8 * text + 0.1 * actor + 0.1 * Self.positionCloseness(i, old.count, j, new.count)
        }
        return entries.map { entry in
            switch entry {
            case let .matched(i, j, similarity):
                return compare(old[i], new[j], oldSnapshot(i), newSnapshot(j), kind: nil, similarity: similarity)
            case let .moved(i, j, similarity):
                return compare(old[i], new[j], oldSnapshot(i), newSnapshot(j), kind: .moved, similarity: similarity)
            case let .removed(i):
                return StepChange(kind: .removed, old: oldSnapshot(i), new: nil)
            case let .added(j):
                return StepChange(kind: .added, old: nil, new: newSnapshot(j))
            }
        }
    }

    /// The change between two aligned steps; `kind` overrides the computed unchanged/changed.
    func compare(_ old: Step, _ new: Step, _ oldSnapshot: StepSnapshot, _ newSnapshot: StepSnapshot,
                 kind: ChangeKind?, similarity: Double) -> StepChange {
        var actor: FieldChange?
        if Self.actorDiffers(old, new) { actor = FieldChange(field: "actor", old: old.actor, new: new.actor) }
        var duration: DurationChange?
        if Self.durationKey(oldSnapshot.durations) != Self.durationKey(newSnapshot.durations) {
            duration = DurationChange(name: newSnapshot.name, old: oldSnapshot.durations, new: newSnapshot.durations)
        }
        let textDiff = WordDiff.differs(old.text, new.text) ? wordDiff.diff(old.text, new.text) : nil
        var resultDiff: [WordEdit]?
        if MetadataDiffer.differs(old.result, new.result, words: true) {
            resultDiff = wordDiff.diff(old.result ?? "", new.result ?? "")
        }
        let changed = actor != nil || duration != nil || textDiff != nil || resultDiff != nil
        return StepChange(kind: kind ?? (changed ? .changed : .unchanged), old: oldSnapshot, new: newSnapshot,
                          similarity: Self.rounded(similarity), actor: actor, duration: duration,
                          textDiff: textDiff, resultDiff: resultDiff)
    }

    /// 1 for the same actor (same actor key, or the same words without keys), less for other actors.
    static func actorSimilarity(_ old: Step, _ new: Step) -> Double {
        if let lhs = old.actorKey, let rhs = new.actorKey, lhs == rhs { return 1 }
        switch (old.actor, new.actor) {
        case let (lhs?, rhs?): return TextSimilarity.similarity(lhs, rhs)
        // One actor unread (the extractor could not find it): no evidence either way.
        default: return 0.5
        }
    }

    /// Whether two aligned steps have different actors: by actor key when both have one, else by stems.
    /// A step whose actor was not read on one side is not an actor change (nothing is known to differ).
    static func actorDiffers(_ old: Step, _ new: Step) -> Bool {
        if let lhs = old.actorKey, let rhs = new.actorKey { return lhs != rhs }
        guard let lhs = old.actor, let rhs = new.actor else { return false }
        return TextSimilarity.stemKey(lhs) != TextSimilarity.stemKey(rhs)
    }

    /// The limits as a comparable multiset.
    static func durationKey(_ values: [DurationValue]) -> [String] {
        values.map { "\($0.value)-\($0.maxValue ?? $0.value) \($0.unit.rawValue)" }.sorted()
    }

    // MARK: Points

    /// The numbered points inside a regulation's span of the document tree, with their own text.
    ///
    /// Points of one approved text are numbered continuously; when the numbering starts again at 1, another
    /// approved text has begun (its span was not told apart), so the points stop there.
    static func points(of regulation: Regulation, in structure: StructureNode) -> [StructureNode] {
        guard regulation.span.length > 0 else { return [] }
        var points: [StructureNode] = []
        var highest = 0
        for node in structure.descendantsAndSelf where node.kind == .point
            && node.span.start >= regulation.span.start && node.span.end <= regulation.span.end {
            let number = node.number.flatMap { Int($0.prefix { $0.isNumber }) }
            if number == 1 && highest > 1 { break }
            highest = max(highest, number ?? 0)
            points.append(node)
        }
        return points
    }

    /// Points that were added, removed, moved or changed in text (unchanged ones are left out).
    func pointChanges(old: [StructureNode], new: [StructureNode]) -> [PointChange] {
        let oldStems = old.map { TextSimilarity.stems($0.text) }
        let newStems = new.map { TextSimilarity.stems($0.text) }
        let weighted = WeightedSimilarity(texts: oldStems + newStems)
        let entries = aligner.align(oldCount: old.count, newCount: new.count) { i, j in
            0.9 * weighted.similarity(oldStems[i], newStems[j])
                + 0.1 * Self.positionCloseness(i, old.count, j, new.count)
        }
        return entries.compactMap { entry in
            switch entry {
            case let .matched(i, j, similarity), let .moved(i, j, similarity):
                let differs = WordDiff.differs(old[i].text, new[j].text)
                var kind: ChangeKind = differs ? .changed : .unchanged
                if case .moved = entry { kind = .moved }
                if kind == .unchanged { return nil }
                return PointChange(kind: kind, oldNumber: old[i].number, newNumber: new[j].number,
                                   oldText: old[i].text, newText: new[j].text, similarity: Self.rounded(similarity),
                                   textDiff: differs ? wordDiff.diff(old[i].text, new[j].text) : nil)
            case let .removed(i):
                return PointChange(kind: .removed, oldNumber: old[i].number, newNumber: nil,
                                   oldText: old[i].text, newText: nil)
            case let .added(j):
                return PointChange(kind: .added, oldNumber: nil, newNumber: new[j].number,
                                   oldText: nil, newText: new[j].text)
            }
        }
    }

    // MARK: Helpers

    /// 1 when two elements stand at the same relative place in their sequences, 0 at opposite ends.
    static func positionCloseness(_ i: Int, _ n: Int, _ j: Int, _ m: Int) -> Double {
        let left = n > 1 ? Double(i) / Double(n - 1) : 0
        let right = m > 1 ? Double(j) / Double(m - 1) : 0
        return 1 - abs(left - right)
    }

    /// Similarities are reported to three decimals, so reports are stable across platforms.
    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
