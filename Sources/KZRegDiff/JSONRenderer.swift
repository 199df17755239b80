import Foundation

/// Writes a report as JSON (schema `kzreg-diff`: pretty-printed, keys sorted, slashes unescaped).
public struct JSONRenderer: Sendable {
    public init() {}

    public func data(for report: DiffReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    public func render(_ report: DiffReport) throws -> String {
        String(decoding: try data(for: report), as: UTF8.self)
    }
}
