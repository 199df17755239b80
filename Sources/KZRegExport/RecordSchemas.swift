import Foundation

/// The published schemas of the kzreg record (schema version 1), shipped as resources of this module
/// (`Schemas/kzreg-record.xsd`, `Schemas/kzreg-record.schema.json`).
public enum RecordSchemas {
    /// The XML Schema (XSD 1.0) every XML record validates against.
    public static let xsd: String = load("kzreg-record", "xsd")
    /// The JSON Schema (draft 2020-12) every JSON record validates against.
    public static let jsonSchema: String = load("kzreg-record.schema", "json")

    /// The schema text for a format name ("xml"/"xsd" or "json"), or nil for an unknown name.
    public static func schema(forFormat format: String) -> String? {
        switch format.lowercased() {
        case "xml", "xsd": return xsd
        case "json": return jsonSchema
        default: return nil
        }
    }

    private static func load(_ name: String, _ fileExtension: String) -> String {
        let url = Bundle.module.url(forResource: name, withExtension: fileExtension, subdirectory: "Schemas")
            ?? Bundle.module.url(forResource: name, withExtension: fileExtension)
        guard let url, let data = try? Data(contentsOf: url) else {
            // A build that lost its resources cannot describe its own output; say so plainly.
            fatalError("kzreg: the \(name).\(fileExtension) schema is missing from the KZRegExport resources")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
