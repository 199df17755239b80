import Foundation
import KZReg

/// Shows the progress of `kzreg convert` on standard error: a redrawn bar on a terminal, one line per input
/// otherwise. The batch converter calls it from worker threads, one call at a time.
struct ConvertProgress: Sendable {
    enum Style: Sendable {
        /// A progress bar redrawn in place; failures are printed above it.
        case bar
        /// One plain line per input.
        case lines
        /// Failures and the summary only.
        case quiet
    }

    var style: Style
    var outputDirectory: String
    var width = 30

    func handle(_ event: BatchConverter.Event) {
        switch event {
        case .started(let inputs):
            for input in inputs {
                if let reason = input.renamedBecause {
                    emit("note: \(input.path) → \(input.name).* (\(reason))")
                }
            }
            if style == .bar, !inputs.isEmpty { StandardError.write(bar(completed: 0, total: inputs.count, label: "")) }
        case .finished(let entry, let completed, let total):
            let counter = "[\(completed)/\(total)]"
            switch (entry.status, entry.action) {
            case (.failed, _):
                emit("\(counter) FAILED \(entry.input): \(entry.reason ?? "unknown reason")", always: true)
            case (.ok, .skipped):
                if style == .lines { emit("\(counter) up to date \(entry.input)") }
            case (.ok, .converted):
                if let warning = substitutionWarning(file: entry.input, substitutions: entry.substitutions ?? 0) {
                    emit("\(counter) \(warning)", always: true)
                }
                if style == .lines {
                    emit("\(counter) ok \(entry.input) → \(entry.outputs.joined(separator: ", ")) "
                        + "(\(String(format: "%.3f", entry.seconds)) s)")
                }
            }
            if style == .bar {
                StandardError.write(bar(completed: completed, total: total, label: entry.input))
            }
        }
    }

    func finish(_ result: BatchConverter.Result) {
        if style == .bar { StandardError.write("\r\u{1B}[2K") }
        for directory in result.emptyDirectories { emit("warning: no *.txt file in \(directory)", always: true) }
        let summary = result.manifest.summary
        let seconds = result.manifest.seconds
        let megabytes = Double(summary.convertedBytes) / 1_000_000
        var line = "\(summary.inputs) input\(summary.inputs == 1 ? "" : "s"): \(summary.converted) converted, "
            + "\(summary.skipped) up to date, \(summary.failed) failed in \(String(format: "%.2f", seconds)) s"
        if summary.converted > 0, seconds > 0 {
            line += " (\(String(format: "%.1f", megabytes / seconds)) MB/s, \(result.manifest.jobs) jobs)"
        }
        if summary.withSubstitutions > 0 { line += "; \(summary.withSubstitutions) with undecodable bytes" }
        emit(line + "; manifest: \(result.manifestPath)", always: true)
    }

    private func emit(_ line: String, always: Bool = false) {
        guard always || style != .quiet else { return }
        let clear = style == .bar ? "\r\u{1B}[2K" : ""
        StandardError.write("\(clear)kzreg: \(line)\n")
    }

    private func bar(completed: Int, total: Int, label: String) -> String {
        let filled = total == 0 ? width : completed * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let name = label.count > 40 ? "…" + label.suffix(39) : label
        return "\r\u{1B}[2K[\(bar)] \(completed)/\(total) \(name)"
    }
}
