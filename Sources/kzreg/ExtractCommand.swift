import ArgumentParser
import Foundation
import KZReg

/// `kzreg extract`: the record of one document.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the record of one document (JSON by default).",
        discussion: """
            Runs the whole pipeline on one document and prints its record on standard output: the source \
            (file name, SHA-256, charset, undecodable bytes), the act's metadata (title, act type, issuer, \
            adoption, registration, status, repeal), the annexes, every regulation or rules with chapters, \
            participants and steps, what the repair changed, and the document tree.

            When some bytes of the input cannot be decoded they become U+FFFD, the record counts them in \
            source.substitutions and a warning names the file and the count on standard error; the exit \
            status stays 0.

            Examples:
              kzreg extract Seeds/003_f86ed6d25a9ec299.txt > 003.json
              kzreg extract Seeds/003_f86ed6d25a9ec299.txt | jq .document
              cat act.txt | kzreg extract - --format json
            To convert many documents at once, with a manifest, use 'kzreg convert'.
            """)

    @OptionGroup var input: DocumentInput

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output format: \(OutputFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")).",
        discussion: "The formats follow the published schemas ('kzreg schema').",
        valueName: "format"))
    var format: OutputFormat = .json

    func run() throws {
        let bytes = try input.readBytes()
        let document = try input.reporting { try Pipeline().process(bytes: bytes, fileName: input.recordedName) }
        let data = try input.reporting { try format.export(document.record) }
        StandardOutput.write(data)
        warnAboutSubstitutions(file: input.displayName, substitutions: document.record.source.substitutions)
    }
}
