import Foundation
import KZRegRecords

/// Writes records as JSON (pretty-printed, keys sorted, NFC text, slashes unescaped).
public struct JSONExporter: Sendable {
    public init() {}

    public func data(for record: Record) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }
}
