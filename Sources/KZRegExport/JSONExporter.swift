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
        // Every JSON string is delimited by ASCII quotes, which never compose with what follows or
        // precedes them, so normalizing the whole text normalizes each string and nothing else.
        if !data.allSatisfy({ $0 < 0x80 }) {
            let text = String(decoding: data, as: UTF8.self)
            if !ICU.isNFC(text) { data = Data(try ICU.nfc(text).utf8) }
        }
        data.append(0x0A)
        return data
    }
}
