import Foundation
import KZRegRecords

/// Reads one side of a diff: a JSON record written by kzreg, or a document to run through the pipeline.
public enum DiffInput {
    /// Whether the bytes are JSON (an object) rather than a document: their first non-blank byte is "{".
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let first = bytes[start...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{")
    }

    /// The record of `bytes`: decoded when they hold a JSON record, otherwise produced by `process`.
    public static func record(bytes: [UInt8], fileName: String,
                              process: (_ bytes: [UInt8], _ fileName: String) throws -> Record) throws -> Record {
        guard looksLikeJSON(bytes) else { return try process(bytes, fileName) }
        do {
            var record = try JSONDecoder().decode(Record.self, from: Data(bytes))
            // Report the file as the user named it, not as it was named when the record was written.
            record.source.file = fileName
            return record
        } catch let error as DecodingError {
            throw DiffError.unreadableRecord(file: fileName, reason: describe(error))
        } catch {
            throw DiffError.unreadableRecord(file: fileName, reason: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case let .keyNotFound(key, context): return "missing key \"\(key.stringValue)\"\(path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(context.debugDescription)\(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
