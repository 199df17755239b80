import Foundation

/// The published JSON Schema of diff reports (`kzreg diff --format json`), shipped as a resource of this
/// module (`Schemas/kzreg-diff.schema.json`).
public enum DiffSchema {
    /// The schema's identifier.
    public static let id = "urn:kzreg:schema:diff:1"

    /// The schema document (JSON Schema draft 2020-12).
    public static let json: String = {
        let url = Bundle.module.url(forResource: "kzreg-diff.schema", withExtension: "json", subdirectory: "Schemas")
            ?? Bundle.module.url(forResource: "kzreg-diff.schema", withExtension: "json")
        guard let url, let data = try? Data(contentsOf: url) else {
            // A build that lost its resources cannot describe its own output; say so plainly.
            fatalError("kzreg: the kzreg-diff.schema.json schema is missing from the KZRegDiff resources")
        }
        return String(decoding: data, as: UTF8.self)
    }()
}
