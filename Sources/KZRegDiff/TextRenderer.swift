/// Renders a report as text for terminals: summary first, then metadata, regulations and their steps.
/// With `colour`, deletions are red, insertions green and headings bold (ANSI escapes).
public struct TextRenderer: Sendable {
    public var colour: Bool
    /// Whether unchanged steps are listed too.
    public var showUnchanged: Bool

    public init(colour: Bool = false, showUnchanged: Bool = false) {
        self.colour = colour
        self.showUnchanged = showUnchanged
    }

    public func render(_ report: DiffReport) -> String {
        var out: [String] = []
        let summary = report.summary
        out.append(bold("kzreg diff: \(report.old.file) → \(report.new.file)"))
        out.append(summary.substantive ? "Айырмашылықтар бар (differences found)."
                                       : "Мазмұндық айырмашылық жоқ (no substantive difference).")
        out.append("")
        out.append(bold("Summary"))
        out.append("  metadata changes: \(summary.metadataChanges)")
        out.append("  regulations: \(summary.regulationsPaired) paired, \(summary.regulationsAdded) added, "
                   + "\(summary.regulationsRemoved) removed")
        out.append("  participants: +\(summary.participantsAdded) −\(summary.participantsRemoved), "
                   + "\(summary.participantsRenamed) renamed")
        out.append("  processes changed: \(summary.processesChanged)")
        out.append("  steps: +\(summary.stepsAdded) −\(summary.stepsRemoved), \(summary.stepsMoved) moved, "
                   + "\(summary.stepsChanged) changed (\(summary.durationChanges) duration, "
                   + "\(summary.actorChanges) actor)")
        out.append("  points changed: \(summary.pointsChanged); chapters changed: \(summary.chaptersChanged); "
                   + "renumbered only: \(summary.renumbered)")
        if !summary.durations.isEmpty { out.append("  durations: \(DurationArithmetic.conventions)") }
        for total in summary.durations {
            out.append("  total duration — \(total.regulation): \(total.old.label) → \(total.new.label)"
                       + (total.deltaWorkingHours.map { " (\(DurationFormatter.delta(workingHours: $0)))" } ?? ""))
        }
        if !report.metadata.isEmpty {
            out.append("")
            out.append(bold("Metadata"))
            for change in report.metadata { out.append("  " + field(change)) }
        }
        for regulation in report.regulations {
            out.append("")
            out += render(regulation)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ regulation: RegulationDiff) -> [String] {
        var out: [String] = []
        switch regulation.status {
        case .paired:
            let numbers = "\(regulation.old?.index ?? 0) ↔ \(regulation.new?.index ?? 0)"
            out.append(bold("Regulation \(numbers): \(regulation.displayName)"))
        case .added:
            out.append(bold(green("Regulation added (new \(regulation.new?.index ?? 0)): \(regulation.displayName)")))
            out.append("  \(regulation.steps.count) step(s)")
            return out
        case .removed:
            out.append(bold(red("Regulation removed (old \(regulation.old?.index ?? 0)): \(regulation.displayName)")))
            out.append("  \(regulation.steps.count) step(s)")
            return out
        }
        for change in regulation.fields { out.append("  " + field(change)) }
        for participant in regulation.participants.removed { out.append("  " + red("− participant: \(participant)")) }
        for participant in regulation.participants.added { out.append("  " + green("+ participant: \(participant)")) }
        for rename in regulation.participants.renamed {
            out.append("  ~ participant: \(red(rename.old ?? "")) → \(green(rename.new ?? ""))")
        }
        for chapter in regulation.chapters {
            let old = chapter.oldNumber.map { "\($0)-тарау" } ?? "—"
            let new = chapter.newNumber.map { "\($0)-тарау" } ?? "—"
            let heading = chapter.newHeading ?? chapter.oldHeading ?? ""
            out.append("  chapter \(chapter.kind.rawValue)\(chapter.renumbered ? " (renumbered)" : ""): "
                       + "\(old) → \(new) \(heading)")
        }
        if let duration = regulation.duration {
            out.append("  total duration: \(duration.old.label) → \(duration.new.label)"
                       + (duration.deltaWorkingHours.map { " (\(DurationFormatter.delta(workingHours: $0)))" } ?? ""))
        }
        for step in regulation.steps where showUnchanged || step.kind != .unchanged {
            out += render(step)
        }
        for process in regulation.processes where showUnchanged || process.kind != .unchanged {
            out += render(process)
        }
        for point in regulation.points {
            let number = point.newNumber ?? point.oldNumber ?? "?"
            switch point.kind {
            case .added: out.append("  " + green("+ point \(number): \(point.newText ?? "")"))
            case .removed: out.append("  " + red("− point \(number): \(point.oldText ?? "")"))
            default:
                let numbers = point.oldNumber == point.newNumber ? number
                                                                 : "\(point.oldNumber ?? "?") → \(point.newNumber ?? "?")"
                out.append("  ~ point \(numbers) (\(point.kind.rawValue))")
                if let diff = point.textDiff { out.append("      " + words(diff)) }
            }
        }
        return out
    }

    private func render(_ step: StepChange) -> [String] {
        var out: [String] = []
        switch step.kind {
        case .added:
            out.append("  " + green("+ \(step.new?.name ?? "") (added): \(step.new?.text ?? "")"))
        case .removed:
            out.append("  " + red("− \(step.old?.name ?? "") (removed): \(step.old?.text ?? "")"))
        case .unchanged, .changed, .moved:
            let names = step.renumbered ? "\(step.old?.name ?? "") → \(step.new?.name ?? "")" : step.new?.name ?? ""
            out.append("  ~ \(names) (\(step.kind.rawValue))")
            if let actor = step.actor {
                out.append("      actor: \(red(actor.old ?? "—")) → \(green(actor.new ?? "—"))")
            }
            if let duration = step.duration { out.append("      duration: \(duration.description)") }
            if let diff = step.textDiff { out.append("      text: " + words(diff)) }
            if let diff = step.resultDiff { out.append("      result: " + words(diff)) }
        }
        return out
    }

    private func field(_ change: FieldChange) -> String {
        "\(change.field): \(red(change.old ?? "—")) → \(green(change.new ?? "—"))"
    }

    /// A word diff inline: [-deleted-] {+inserted+}, coloured on a terminal.
    private func words(_ edits: [WordEdit]) -> String {
        edits.map { edit in
            switch edit.op {
            case .equal: edit.text
            case .delete: colour ? red(edit.text) : "[-\(edit.text)-]"
            case .insert: colour ? green(edit.text) : "{+\(edit.text)+}"
            }
        }.joined(separator: " ")
    }

    private func red(_ text: String) -> String { colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    private func green(_ text: String) -> String { colour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
