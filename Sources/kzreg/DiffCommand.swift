import ArgumentParser
import Foundation
import KZReg
import KZRegDiff

/// `kzreg diff`: the substantive differences between two versions of a regulation.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what changed in substance between two versions of a regulation.",
        discussion: """
            OLD and NEW are documents in any state (clean or OCR-garbled text: they are repaired and \
            extracted first) or JSON records written by 'kzreg extract' / 'kzreg convert' (recognized by \
            their content). Regulations are paired by service name; steps are aligned by content, so an \
            inserted step shows as one insertion and a moved step as a move. The report gives a summary \
            first, then metadata changes, participants, steps added / removed / moved, duration changes \
            with the procedure's total before and after (1 working day = 8 working hours; calendar days are \
            kept apart), actor changes and word-level text changes.

            Examples:
              kzreg diff old.txt new.txt
              kzreg diff old.json new.json --format html --out diff.html
              kzreg diff act.txt act.txt --regulation 1:2
                (the act's first regulation against its second)

            Exit status: 0 no substantive difference (renumbering alone is not one), 1 differences, 2 error.
            """)

    @Argument(help: ArgumentHelp("The older version: a document or a kzreg JSON record ('-' for stdin).",
                                 valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer version: a document or a kzreg JSON record.", valueName: "new"))
    var new: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output format: 'text', 'json' or 'html'.", valueName: "format"))
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.",
                                                    valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp(
        "Compare only this regulation: its 1-based number or (part of) its service name; 'A:B' selects A in OLD "
            + "and B in NEW.", valueName: "N|NAME"))
    var regulation: String?

    @Flag(help: "List unchanged steps too (text format).")
    var all = false

    func run() throws {
        let code = execute()
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the diff and returns the exit code (errors are reported on standard error).
    private func execute() -> Int32 {
        do {
            guard ["text", "json", "html"].contains(format) else {
                throw DiffCommandError("unknown format '\(format)' (use text, json or html)")
            }
            guard old != "-" || new != "-" else { throw DiffCommandError("only one of OLD and NEW can be '-'") }
            let pipeline = Pipeline()
            let process: ([UInt8], String) throws -> Record = { bytes, name in
                try pipeline.process(bytes: bytes, fileName: name).record
            }
            let oldRecord = try DiffInput.record(bytes: try read(old), fileName: displayName(old), process: process)
            let newRecord = try DiffInput.record(bytes: try read(new), fileName: displayName(new), process: process)
            let differ = RecordDiffer(selection: regulation.map(RegulationSelection.init(parsing:))
                                      ?? RegulationSelection())
            let report = try differ.diff(old: oldRecord, new: newRecord)
            let data: Data
            switch format {
            case "json": data = try JSONRenderer().data(for: report)
            case "html": data = Data(HTMLRenderer().render(report).utf8)
            default:
                let colour = out == nil && isatty(STDOUT_FILENO) == 1
                    && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                data = Data(TextRenderer(colour: colour, showUnchanged: all).render(report).utf8)
            }
            if let out {
                do {
                    try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw DiffCommandError("\(out): cannot write the report (\(error.localizedDescription))")
                }
            } else {
                FileHandle.standardOutput.write(data)
            }
            return report.hasSubstantiveDifferences ? 1 : 0
        } catch {
            FileHandle.standardError.write(Data("kzreg diff: \(error)\n".utf8))
            return 2
        }
    }

    private func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiffCommandError("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw DiffCommandError("\(path): is a directory") }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DiffCommandError("\(path): cannot read (\(error.localizedDescription))")
        }
    }

    /// The name the report shows: the path as given.
    private func displayName(_ path: String) -> String { path }
}

/// An error of `kzreg diff`, reported as "kzreg diff: MESSAGE" with exit status 2.
struct DiffCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
