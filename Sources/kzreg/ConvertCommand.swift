import ArgumentParser
import Foundation
import KZReg

/// `kzreg convert`: batch conversion with a manifest.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert many documents into record files, in parallel, with a manifest.",
        discussion: """
            Each INPUT is a file or a directory; directories are searched recursively for *.txt files (hidden \
            ones skipped). Inputs are processed in sorted order of their paths. For an input 'dir/NAME.txt' the \
            records are written to 'OUT/NAME.json' (and 'OUT/NAME.xml'), each atomically: a temporary file in OUT \
            is renamed over the destination, so a reader never sees half a record. If two inputs share a name \
            ('a/x.txt', 'b/x.txt') they are named after their directories too ('a_x', 'b_x') and a note says so.

            OUT/manifest.json lists every input: status ok or failed, the reason of a failure, the outputs, the \
            input's SHA-256, its charset, how many undecodable byte sequences became U+FFFD, and the time it \
            took. An input that fails (missing, unreadable, binary, \
            ...) does not stop the others; its reason is also printed on standard error. An input converted \
            with undecodable bytes gets a warning on standard error (even with --quiet) and is counted in the \
            summary; it does not change the exit status.

            On a re-run, inputs whose outputs are up to date are skipped: same input SHA-256, same pipeline \
            version and same kzreg build as recorded in the manifest, and all outputs present. --force converts \
            them anyway.

            A progress bar is shown when standard error is a terminal; otherwise one log line per input.

            Exit status: 0 when every input is ok, 1 when any failed, 2 on a usage error.

            Examples:
              kzreg convert Seeds --out out
              kzreg convert one.txt more/ --out out --format json --jobs 1
              kzreg convert archive --out out --force 2> convert.log
              jq -r '.entries[] | select(.status == "failed") | .input' out/manifest.json
            """)

    @Argument(help: ArgumentHelp(
        "Files and directories to convert (directories: every *.txt inside, recursively).",
        valueName: "input"))
    var inputs: [String] = []

    @Option(name: [.short, .customLong("out")], help: ArgumentHelp(
        "The output directory (created when missing).",
        discussion: "Records and manifest.json are written here; other files in it are left alone.",
        valueName: "dir"))
    var out: String

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Comma-separated output formats.",
        discussion: "Available: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Example: --format json",
        valueName: "formats"))
    var format: String = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "How many documents to convert at the same time.",
        discussion: "The default is the number of active processors. Use --jobs 1 to convert one document after the other, e.g. to measure or limit memory.",
        valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: ArgumentHelp(
        "Convert every input, even those whose outputs are up to date."))
    var force = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(
        "Report only failures, warnings and the final summary on standard error "
            + "(no progress bar, no per-input lines)."))
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file or directory") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        do {
            _ = try OutputFormat.parseList(format)
        } catch {
            throw ValidationError("--format: \(error)")
        }
    }

    func run() throws {
        var converter = BatchConverter(pipeline: Pipeline(), formats: try OutputFormat.parseList(format),
                                       jobs: jobs, force: force)
        converter.stampSuffix = Self.buildIdentity()
        let reporter = ConvertProgress(style: quiet ? .quiet : StandardError.isTerminal ? .bar : .lines,
                                       outputDirectory: out)
        let result: BatchConverter.Result
        do {
            result = try converter.run(paths: inputs, outputDirectory: out) { reporter.handle($0) }
        } catch let error as BatchError {
            throw CommandFailure(message: error.description)
        }
        reporter.finish(result)
        if !result.succeeded { throw ExitCode(ExitStatus.inputFailed) }
    }

    /// The running executable's size and modification time: outputs of another build are out of date, since
    /// any stage may have changed (the pipeline revision is only bumped for releases).
    static func buildIdentity() -> String? {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "build \(size)-\(Int(modified.timeIntervalSince1970))"
    }
}
