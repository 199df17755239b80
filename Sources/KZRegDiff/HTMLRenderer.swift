/// Renders a report as one self-contained HTML page (inline CSS, no scripts, no external assets):
/// summary and a table of duration changes on top, then each regulation with the two versions side by side,
/// deletions and insertions highlighted. Every piece of text from the records is escaped.
public struct HTMLRenderer: Sendable {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="kk">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="kzreg diff">
        <title>kzreg diff: \(escape(report.old.file)) → \(escape(report.new.file))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <h1>kzreg diff</h1>
        <p class="files"><span class="old-file">\(escape(report.old.file))</span> → \
        <span class="new-file">\(escape(report.new.file))</span></p>

        """
        html += summary(report)
        html += durationTable(report)
        if !report.metadata.isEmpty {
            html += "<h2>Метадеректер / Metadata</h2>\n"
            html += fieldTable(report.metadata, id: "metadata")
        }
        for regulation in report.regulations { html += section(regulation) }
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Top of the page

    private func summary(_ report: DiffReport) -> String {
        let s = report.summary
        let verdict = s.substantive ? "Айырмашылықтар бар — differences found"
                                    : "Мазмұндық айырмашылық жоқ — no substantive difference"
        let rows: [(String, Int)] = [
            ("metadata changes", s.metadataChanges), ("regulation field changes", s.regulationFieldChanges),
            ("regulations paired", s.regulationsPaired), ("regulations added", s.regulationsAdded),
            ("regulations removed", s.regulationsRemoved), ("participants added", s.participantsAdded),
            ("participants removed", s.participantsRemoved), ("participants renamed", s.participantsRenamed),
            ("steps added", s.stepsAdded), ("steps removed", s.stepsRemoved), ("steps moved", s.stepsMoved),
            ("steps changed", s.stepsChanged), ("duration changes", s.durationChanges),
            ("actor changes", s.actorChanges), ("processes changed", s.processesChanged),
            ("points changed", s.pointsChanged),
            ("chapters changed", s.chaptersChanged), ("renumbered only", s.renumbered),
        ]
        var html = "<section id=\"summary\" class=\"\(s.substantive ? "differs" : "same")\">\n"
        html += "<h2>Қорытынды / Summary</h2>\n<p class=\"verdict\">\(escape(verdict))</p>\n"
        html += "<ul class=\"counts\">\n"
        for (label, count) in rows {
            html += "<li class=\"\(count == 0 ? "zero" : "nonzero")\"><span class=\"label\">\(escape(label))</span> "
                + "<span class=\"count\" data-count=\"\(count)\">\(count)</span></li>\n"
        }
        html += "</ul>\n</section>\n"
        return html
    }

    private func durationTable(_ report: DiffReport) -> String {
        var html = "<section id=\"durations\">\n<h2>Мерзімдер / Durations</h2>\n"
        html += "<table class=\"durations\">\n<thead><tr><th>Регламент</th><th>Қадам</th><th>Бұрын</th>"
            + "<th>Енді</th><th>Өзгеріс</th></tr></thead>\n<tbody>\n"
        var rows = 0
        for regulation in report.regulations where regulation.status == .paired {
            for step in regulation.steps + regulation.processes {
                guard let duration = step.duration else { continue }
                rows += 1
                html += "<tr class=\"step-duration\"><td>\(escape(regulation.displayName))</td>"
                    + "<td>\(escape((step.new ?? step.old)?.name ?? ""))</td>"
                    + "<td class=\"old\">\(escape(labels(duration.old)))</td>"
                    + "<td class=\"new\">\(escape(labels(duration.new)))</td>"
                    + "<td>\(escape(duration.deltaWorkingHours.map(DurationFormatter.delta) ?? "—"))</td></tr>\n"
            }
            if let total = regulation.duration {
                rows += 1
                html += "<tr class=\"total\"><td>\(escape(regulation.displayName))</td><td>барлығы / total</td>"
                    + "<td class=\"old\">\(escape(total.old.label))</td>"
                    + "<td class=\"new\">\(escape(total.new.label))</td>"
                    + "<td>\(escape(total.deltaWorkingHours.map(DurationFormatter.delta) ?? "—"))</td></tr>\n"
            }
        }
        if rows == 0 { html += "<tr><td colspan=\"5\">—</td></tr>\n" }
        html += "</tbody>\n</table>\n<p class=\"conventions\">\(escape(DurationArithmetic.conventions))</p>\n</section>\n"
        return html
    }

    // MARK: Regulations

    private func section(_ regulation: RegulationDiff) -> String {
        var html = "<section class=\"regulation \(regulation.status.rawValue)\">\n"
        let label: String = switch regulation.status {
        case .paired: "Регламент \(regulation.old?.index ?? 0) ↔ \(regulation.new?.index ?? 0)"
        case .added: "Қосылған регламент / added (new \(regulation.new?.index ?? 0))"
        case .removed: "Алынып тасталған регламент / removed (old \(regulation.old?.index ?? 0))"
        }
        html += "<h2>\(escape(label)): \(escape(regulation.displayName))</h2>\n"
        if !regulation.fields.isEmpty { html += fieldTable(regulation.fields, id: nil) }
        let participants = regulation.participants
        if !participants.isEmpty {
            html += "<h3>Қатысушылар / Participants</h3>\n<ul class=\"participants\">\n"
            for name in participants.removed { html += "<li class=\"removed\"><del>\(escape(name))</del></li>\n" }
            for name in participants.added { html += "<li class=\"added\"><ins>\(escape(name))</ins></li>\n" }
            for rename in participants.renamed {
                html += "<li class=\"renamed\"><del>\(escape(rename.old ?? ""))</del> → "
                    + "<ins>\(escape(rename.new ?? ""))</ins></li>\n"
            }
            html += "</ul>\n"
        }
        if !regulation.chapters.isEmpty {
            html += "<h3>Тараулар / Chapters</h3>\n<table class=\"chapters side-by-side\">\n"
            for chapter in regulation.chapters {
                let old = chapter.oldNumber.map { "\($0). \(chapter.oldHeading ?? "")" } ?? ""
                let new = chapter.newNumber.map { "\($0). \(chapter.newHeading ?? "")" } ?? ""
                html += "<tr class=\"\(chapter.kind.rawValue)\(chapter.renumbered ? " renumbered" : "")\">"
                    + "<td class=\"old\">\(escape(old))</td><td class=\"new\">\(escape(new))</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !regulation.steps.isEmpty {
            html += "<h3>Қадамдар / Steps</h3>\n<table class=\"steps side-by-side\">\n"
            html += "<thead><tr><th>Бұрын / old</th><th>Енді / new</th>"
                + "</tr></thead>\n<tbody>\n"
            for step in regulation.steps { html += row(step) }
            html += "</tbody>\n</table>\n"
        }
        if !regulation.processes.isEmpty {
            html += "<h3>Процестер / Processes</h3>\n<table class=\"processes side-by-side\">\n"
            html += "<thead><tr><th>Бұрын / old</th><th>Енді / new</th></tr></thead>\n<tbody>\n"
            for process in regulation.processes { html += row(process) }
            html += "</tbody>\n</table>\n"
        }
        if !regulation.points.isEmpty {
            html += "<h3>Тармақтар / Points</h3>\n<table class=\"points side-by-side\">\n<tbody>\n"
            for point in regulation.points {
                let (old, new) = point.textDiff.map(sides) ?? (escape(point.oldText ?? ""), escape(point.newText ?? ""))
                html += "<tr class=\"\(point.kind.rawValue)\">"
                    + "<td class=\"old\">\(point.oldNumber.map { "<b>\(escape($0)).</b> " } ?? "")\(old)</td>"
                    + "<td class=\"new\">\(point.newNumber.map { "<b>\(escape($0)).</b> " } ?? "")\(new)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "</section>\n"
        return html
    }

    private func row(_ step: StepChange) -> String {
        var oldCell = "", newCell = ""
        if let old = step.old {
            oldCell = cell(old, text: step.textDiff.map { sides($0).old } ?? escape(old.text),
                           actorChanged: step.actor != nil, durationChanged: step.duration != nil, isOld: true)
        }
        if let new = step.new {
            newCell = cell(new, text: step.textDiff.map { sides($0).new } ?? escape(new.text),
                           actorChanged: step.actor != nil, durationChanged: step.duration != nil, isOld: false)
        }
        if step.kind == .removed { oldCell = "<del class=\"whole\">\(oldCell)</del>" }
        if step.kind == .added { newCell = "<ins class=\"whole\">\(newCell)</ins>" }
        var classes = [step.kind.rawValue]
        if step.renumbered { classes.append("renumbered") }
        let note = step.kind == .unchanged ? "" : "<span class=\"kind\">\(escape(step.kind.rawValue))</span>"
        return "<tr class=\"step \(classes.joined(separator: " "))\"><td class=\"old\">\(oldCell)</td>"
            + "<td class=\"new\">\(note)\(newCell)</td></tr>\n"
    }

    private func cell(_ step: StepSnapshot, text: String, actorChanged: Bool, durationChanged: Bool,
                      isOld: Bool) -> String {
        let mark = isOld ? "del" : "ins"
        var html = "<div class=\"number\">\(escape(step.name))</div>"
        if let actor = step.actor {
            let escaped = escape(actor)
            html += "<div class=\"actor\">\(actorChanged ? "<\(mark)>\(escaped)</\(mark)>" : escaped)</div>"
        }
        html += "<div class=\"text\">\(text)</div>"
        if !step.durations.isEmpty {
            let escaped = escape(labels(step.durations))
            html += "<div class=\"duration\">Мерзімі: \(durationChanged ? "<\(mark)>\(escaped)</\(mark)>" : escaped)</div>"
        }
        if let result = step.result { html += "<div class=\"result\">Нәтижесі: \(escape(result))</div>" }
        return html
    }

    /// The old side (equal and deleted words) and the new side (equal and inserted words) of a word diff.
    private func sides(_ edits: [WordEdit]) -> (old: String, new: String) {
        var old: [String] = [], new: [String] = []
        for edit in edits {
            let text = escape(edit.text)
            switch edit.op {
            case .equal:
                old.append(text)
                new.append(text)
            case .delete: old.append("<del>\(text)</del>")
            case .insert: new.append("<ins>\(text)</ins>")
            }
        }
        return (old.joined(separator: " "), new.joined(separator: " "))
    }

    private func fieldTable(_ changes: [FieldChange], id: String?) -> String {
        var html = "<table class=\"fields\"\(id.map { " id=\"\($0)\"" } ?? "")>\n"
        for change in changes {
            html += "<tr><th>\(escape(change.field))</th><td class=\"old\"><del>\(escape(change.old ?? "—"))</del></td>"
                + "<td class=\"new\"><ins>\(escape(change.new ?? "—"))</ins></td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func labels(_ values: [DurationValue]) -> String {
        values.isEmpty ? "—" : values.map(\.label).joined(separator: ", ")
    }

    /// Escapes text for HTML element content and double-quoted attributes.
    public func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let css = """
    body{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5em;color:#222;line-height:1.4}
    h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1em}
    table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
    table.side-by-side{width:100%;table-layout:fixed}table.side-by-side td{width:50%}
    table.fields{width:100%;table-layout:fixed}table.fields th{width:24%}table.fields td{width:38%}
    del{background:#fdd;color:#900;text-decoration:line-through}ins{background:#dfd;color:#060;text-decoration:none}
    del.whole,ins.whole{display:block;text-decoration:none}
    tr.added td.new{background:#efe}tr.removed td.old{background:#fee}tr.moved td{background:#eef}
    tr.changed td{background:#fffbe6}tr.total td{font-weight:bold}
    .conventions{color:#666;font-size:.85em}.number{font-weight:bold}.actor{font-style:italic}.duration,.result{color:#555;font-size:.9em}
    .kind{float:right;font-size:.8em;color:#666;border:1px solid #ccc;border-radius:3px;padding:0 .3em}
    ul.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.2em .8em;padding:0;list-style:none}
    ul.counts li.zero{color:#888}ul.counts li.nonzero .count{font-weight:bold;color:#000}
    #summary.differs .verdict{color:#900;font-weight:bold}#summary.same .verdict{color:#060;font-weight:bold}
    """
}
