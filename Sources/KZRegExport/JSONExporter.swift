import Foundation
import KZRegRecords
import KZRegText

/// Writes records as JSON: pretty-printed, keys sorted, slashes unescaped, every string in NFC, one
/// trailing newline. The same record always gives the same bytes.
public struct JSONExporter: Sendable {
    public init() {}

    public func data(for record: Record) throws -> Data {
        try data(encoding: record)
    }

    /// Any encodable value, written the same way.
    public func data<T: Encodable>(encoding value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        // A non-NFC string leaves the whole text non-NFC, so text that is NFC needs nothing more. Otherwise
        // normalize string by string: normalizing the JSON text itself could fuse an escape's last letter
        // with a combining mark that follows it ("\n" + U+0303 → "\ñ").
        if !data.allSatisfy({ $0 < 0x80 }), !ICU.isNFC(String(decoding: data, as: UTF8.self)) {
            data = try encoder.encode(try JSONValue.encoding(value).mappingStrings { try ICU.nfc($0) })
        }
        data.append(0x0A)
        return data
    }
}
