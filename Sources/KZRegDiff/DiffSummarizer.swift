/// Counts what a report contains and decides whether the difference is substantive.
struct DiffSummarizer: Sendable {
    func summary(metadata: [FieldChange], regulations: [RegulationDiff]) -> DiffSummary {
        var summary = DiffSummary(metadataChanges: metadata.count)
        for regulation in regulations {
            switch regulation.status {
            case .paired: summary.regulationsPaired += 1
            case .added: summary.regulationsAdded += 1
            case .removed: summary.regulationsRemoved += 1
            }
            guard regulation.status == .paired else { continue }
            summary.regulationFieldChanges += regulation.fields.count
            summary.participantsAdded += regulation.participants.added.count
            summary.participantsRemoved += regulation.participants.removed.count
            summary.participantsRenamed += regulation.participants.renamed.count
            for step in regulation.steps {
                switch step.kind {
                case .added: summary.stepsAdded += 1
                case .removed: summary.stepsRemoved += 1
                case .moved: summary.stepsMoved += 1
                case .changed: summary.stepsChanged += 1
                case .unchanged: break
                }
                if step.duration != nil { summary.durationChanges += 1 }
                if step.actor != nil { summary.actorChanges += 1 }
                if step.renumbered && step.kind == .unchanged { summary.renumbered += 1 }
            }
            summary.processesChanged += regulation.processes.filter { $0.kind != .unchanged }.count
            summary.pointsChanged += regulation.points.count
            for chapter in regulation.chapters {
                if chapter.kind == .unchanged {
                    summary.renumbered += 1
                } else {
                    summary.chaptersChanged += 1
                }
            }
            if let duration = regulation.duration { summary.durations.append(duration) }
        }
        summary.substantive = summary.metadataChanges + summary.regulationFieldChanges + summary.regulationsAdded
            + summary.regulationsRemoved + summary.participantsAdded + summary.participantsRemoved
            + summary.participantsRenamed + summary.stepsAdded + summary.stepsRemoved + summary.stepsMoved
            + summary.stepsChanged + summary.processesChanged + summary.pointsChanged + summary.chaptersChanged > 0
        return summary
    }
}
