import ArgumentParser
import Foundation
import KZReg

/// `kzreg repair`: the repaired text, line for line, and what changed.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Repair OCR-garbled text and print it line for line.",
        discussion: """
            Reads one document, decodes it and replaces garbled tokens (Latin look-alikes OCR'd from Cyrillic \
            Kazakh, e.g. "Kymin" → "Күшін") with their repaired form. Only tokens change: every line break is \
            kept, so line N of the output is line N of the input. Layout clean-up (joining wrapped lines, page \
            breaks) is not part of repair; see 'kzreg segment'.

            The text goes to standard output as UTF-8, whatever the input's charset. A summary — how many \
            tokens changed and which repairs are uncertain — goes to standard error.

            Examples:
              kzreg repair Seeds/000_ad434dc5b759e9fe.txt > repaired.txt
              cat scan.txt | kzreg repair - --quiet
              kzreg repair scan.txt --report json | jq '.edits[] | select(.uncertain)'
              kzreg repair scan.txt -q | diff scan.txt -     # lines align one to one
            """)

    @OptionGroup var input: DocumentInput

    @Flag(name: .shortAndLong, help: ArgumentHelp(
        "Print nothing on standard error except errors.",
        discussion: "Without it, a summary of changed and low-confidence tokens is printed on standard error."))
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(
        "Print the list of edits instead of the text.",
        discussion: """
            'json' prints one JSON object on standard output: the charset, the number of changed tokens, and every \
            edit with its span (UTF-8 byte offsets into the decoded input), line and column (1-based), the \
            original token, its replacement, the alternatives considered, the confidence (0–1) and whether it \
            counts as uncertain.
            """,
        valueName: "format"))
    var report: RepairReportFormat?

    @Option(name: .long, help: ArgumentHelp(
        "Confidence below which a repair is reported as uncertain.",
        discussion: """
            A number from 0 to 1. Example: --threshold 0.8 lists every repair the repairer is less than 80% sure \
            of. At the default, 0.9, about 3–13 % of the repairs of a garbled document are listed, and more \
            than half of the wrong ones are among them (measured by scripts/repair/evaluate); 0.95 lists about \
            half as many again and catches about three quarters.
            """,
        valueName: "confidence"))
    var threshold: Double = RepairResult.reviewThreshold

    @Option(name: .long, help: ArgumentHelp(
        "How many uncertain repairs the summary lists (0 lists none).",
        valueName: "count"))
    var limit: Int = 20

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
    }

    func run() throws {
        let bytes = try input.readBytes()
        let pipeline = Pipeline()
        let (decoded, result) = try input.reporting { try pipeline.repair(bytes: bytes) }
        let lines = LineIndex(decoded.text)
        let uncertain = result.uncertainEdits(below: threshold)
        switch report {
        case .json:
            let report = RepairReport(
                file: input.recordedName, encoding: decoded.encoding, changedTokens: result.edits.count,
                uncertainTokens: uncertain.count, threshold: threshold,
                edits: result.edits.map { edit in
                    let position = lines.position(of: edit.start)
                    return RepairReport.Edit(
                        start: edit.start, end: edit.end, line: position.line, column: position.column,
                        original: edit.original, replacement: edit.replacement, alternatives: edit.alternatives,
                        confidence: edit.confidence, uncertain: edit.confidence < threshold)
                })
            StandardOutput.write(try encodeJSON(report))
        case nil:
            StandardOutput.write(result.text)
        }
        guard !quiet else { return }
        var summary = "kzreg repair: \(input.file): \(result.edits.count) token\(result.edits.count == 1 ? "" : "s") "
            + "changed, \(uncertain.count) uncertain (confidence < \(threshold))"
        if decoded.transcoded { summary += "; read as \(decoded.encoding)" }
        if decoded.substitutions > 0 { summary += "; \(decoded.substitutions) undecodable byte(s) became U+FFFD" }
        summary += "\n"
        for edit in uncertain.prefix(limit) {
            let position = lines.position(of: edit.start)
            let others = edit.alternatives.isEmpty ? "" : "; also: \(edit.alternatives.joined(separator: ", "))"
            summary += "  \(position.line):\(position.column) \(edit.original) → \(edit.replacement) "
                + "(confidence \(String(format: "%.2f", edit.confidence))\(others))\n"
        }
        if uncertain.count > limit { summary += "  … and \(uncertain.count - limit) more (--limit, --report json)\n" }
        StandardError.write(summary)
    }
}

/// Formats of `kzreg repair --report`.
enum RepairReportFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}

/// What `kzreg repair --report json` prints.
struct RepairReport: Encodable {
    struct Edit: Encodable {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        var original: String
        var replacement: String
        var alternatives: [String]
        var confidence: Double
        var uncertain: Bool
    }

    var file: String
    var encoding: String
    var changedTokens: Int
    var uncertainTokens: Int
    var threshold: Double
    var edits: [Edit]
}

/// Maps UTF-8 byte offsets to 1-based line and column (column counted in characters).
struct LineIndex {
    private let text: String
    private let lineStarts: [Int]

    init(_ text: String) {
        self.text = text
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        let lineStart = lineStarts[max(0, low - 1)]
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: lineStart)
        let to = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        return (low, text[from..<to].count + 1)
    }
}
