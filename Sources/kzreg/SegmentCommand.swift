import ArgumentParser
import Foundation
import KZReg

/// `kzreg segment`: the document tree.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the document tree: header, points, annexes, chapters, tables, with source spans.",
        discussion: """
            Runs decode → repair → clean-up → segmentation and prints the tree the segmenter built. Every node \
            has a kind (header, title, actLine, point, subpoint, annex, caption, approvedText, chapter, table, \
            debris, ...), the number as written, a heading where it has one, and its span: UTF-8 byte offsets \
            into the decoded input, start inclusive, end exclusive ("120..<245"). Bytes the decoder could not \
            read become U+FFFD, and a warning on standard error counts them.

            Text format, one node per line, indented by depth:
              kind number start..<end «heading» "the start of the node's own text…"

            Examples:
              kzreg segment Seeds/003_f86ed6d25a9ec299.txt
              kzreg segment Seeds/001_560a4f2505b14698.txt | grep -E '^ *(chapter|annex)'
              kzreg segment doc.txt --format json | jq '.structure.children[].kind'
              tail -c +121 doc.txt | head -c 125     # the bytes of the node at 120..<245
            """)

    @OptionGroup var input: DocumentInput

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output format: 'text' (an indented tree) or 'json'.",
        discussion: "'json' prints {source, metadata, structure}: the act's metadata and the full tree, as in a record's 'structure'.",
        valueName: "format"))
    var format: SegmentFormat = .text

    @Flag(name: .long, help: ArgumentHelp(
        "In text format, print each node's whole text instead of its first 80 characters."))
    var fullText = false

    func run() throws {
        let bytes = try input.readBytes()
        let document = try input.reporting { try Pipeline().process(bytes: bytes, fileName: input.recordedName) }
        switch format {
        case .text:
            let formatter = StructureTreeFormatter(textLimit: fullText ? nil : 80)
            StandardOutput.write(formatter.format(document.segmented.root))
        case .json:
            let output = SegmentOutput(source: document.record.source, metadata: document.segmented.metadata,
                                       structure: document.segmented.root)
            StandardOutput.write(try encodeJSON(output))
        }
        warnAboutSubstitutions(file: input.displayName, substitutions: document.record.source.substitutions)
    }
}

/// Formats of `kzreg segment`.
enum SegmentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What `kzreg segment --format json` prints.
struct SegmentOutput: Encodable {
    var source: SourceInfo
    var metadata: ActMetadata
    var structure: StructureNode
}
