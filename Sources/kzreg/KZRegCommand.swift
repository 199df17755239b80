import ArgumentParser
import KZReg

/// The `kzreg` command: its subcommands each run part of the pipeline.
struct KZRegCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kzreg",
        abstract: "Turn Kazakh legal documents (регламенттер, қағидалар) into clean text and structured records.",
        discussion: """
            The pipeline: decode the bytes → repair OCR garbling (Latin look-alikes → Cyrillic) → clean up the \
            layout and segment the document into a tree → extract the regulation record → export JSON/XML.
            Each subcommand runs the pipeline up to one stage:

              kzreg repair FILE            repaired text, line for line
              kzreg segment FILE           the document tree with source spans
              kzreg extract FILE           the record of one document
              kzreg convert DIR --out OUT  records for many documents, with a manifest
              kzreg schema                 the published record schema
              kzreg diff OLD NEW           what changed in substance between two versions

            FILE may be '-' to read standard input. Source spans everywhere are UTF-8 byte offsets into the \
            decoded input.

            Exit status: 0 ok, 1 an input failed (missing, unreadable, not text), 2 usage error.
            Run 'kzreg help SUBCOMMAND' for the details and examples of one subcommand.
            """,
        version: KZRegVersion.tool,
        subcommands: [RepairCommand.self, SegmentCommand.self, ExtractCommand.self, ConvertCommand.self,
                      SchemaCommand.self, DiffCommand.self])
}
