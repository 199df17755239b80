import ArgumentParser
import Foundation
import KZReg

/// `kzreg schema`: the published record schemas.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the published schema of the records: JSON Schema or XSD.",
        discussion: """
            The records 'kzreg extract' and 'kzreg convert' write follow a published schema: a JSON Schema \
            (draft 2020-12) for the JSON records and an XML Schema (XSD) for the XML records. Use them to \
            validate records in other tools.

            Examples:
              kzreg schema > record.schema.json
              kzreg schema --format xml > record.xsd
              xmllint --noout --schema record.xsd out/*.xml
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Which schema: 'json' (JSON Schema) or 'xml' (XSD).", valueName: "format"))
    var format: SchemaFormat = .json

    func run() throws {
        switch format {
        case .json: StandardOutput.write(RecordSchemas.jsonSchema)
        case .xml: StandardOutput.write(RecordSchemas.xsd)
        }
    }
}

/// Formats of `kzreg schema`.
enum SchemaFormat: String, ExpressibleByArgument, CaseIterable {
    case json, xml
}
