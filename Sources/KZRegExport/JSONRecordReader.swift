import Foundation
import KZRegRecords

/// Why a file could not be read as a kzreg record.
public enum RecordReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not JSON at all.
    case notJSON(String)
    /// The JSON is not a kzreg record (not an object, or no `schemaVersion`).
    case notARecord(String)
    /// A kzreg record of a schema version this build does not read.
    case unsupportedSchemaVersion(found: Int, supported: Int)
    /// A kzreg record whose content does not fit the record model.
    case invalidRecord(path: String, reason: String)

    public var description: String {
        switch self {
        case .notJSON(let reason): return "not JSON: \(reason)"
        case .notARecord(let reason): return "not a kzreg record: \(reason)"
        case .unsupportedSchemaVersion(let found, let supported):
            return "unsupported kzreg record schemaVersion \(found) (this build reads \(supported))"
        case .invalidRecord(let path, let reason):
            return "invalid kzreg record at \(path.isEmpty ? "the top level" : path): \(reason)"
        }
    }
}

/// Reads a record JSON written by kzreg back into a `Record`.
public struct JSONRecordReader: Sendable {
    public init() {}

    public func record(from data: Data) throws -> Record {
        let header: VersionHeader
        do {
            header = try JSONDecoder().decode(VersionHeader.self, from: data)
        } catch let error as RecordReadError {
            throw error
        } catch let error as DecodingError {
            throw RecordReadError.classify(error)
        } catch {
            throw RecordReadError.notJSON(String(describing: error))
        }
        guard let version = header.schemaVersion else {
            throw RecordReadError.notARecord("it has no integer schemaVersion")
        }
        guard version == Record.currentSchemaVersion else {
            throw RecordReadError.unsupportedSchemaVersion(found: version, supported: Record.currentSchemaVersion)
        }
        do {
            return try JSONDecoder().decode(Record.self, from: data)
        } catch let error as DecodingError {
            throw RecordReadError.invalid(error)
        }
    }

    /// Reads the record in a file.
    public func record(contentsOf url: URL) throws -> Record {
        try record(from: Data(contentsOf: url))
    }
}

/// Just enough of a record to check what it is.
private struct VersionHeader: Decodable {
    var schemaVersion: Int?

    private enum CodingKeys: String, CodingKey { case schemaVersion }

    init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<CodingKeys>
        do {
            container = try decoder.container(keyedBy: CodingKeys.self)
        } catch DecodingError.typeMismatch {
            throw RecordReadError.notARecord("the top level is not a JSON object")
        }
        schemaVersion = try? container.decodeIfPresent(Int.self, forKey: .schemaVersion)
    }
}

extension RecordReadError {
    /// A decoding error met while reading the header: the input is not JSON.
    static func classify(_ error: DecodingError) -> RecordReadError {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            let underlying = (context.underlyingError.map { String(describing: $0) }) ?? context.debugDescription
            return .notJSON(underlying)
        }
        return .notARecord(String(describing: error))
    }

    /// A decoding error met while reading the record itself, with the JSON path where it happened.
    static func invalid(_ error: DecodingError) -> RecordReadError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidRecord(path: path(context.codingPath), reason: "missing field \"\(key.stringValue)\"")
        case .valueNotFound(let type, let context):
            return .invalidRecord(path: path(context.codingPath), reason: "null where \(type) is required")
        case .typeMismatch(let type, let context):
            return .invalidRecord(path: path(context.codingPath), reason: "expected \(type)")
        case .dataCorrupted(let context):
            return .invalidRecord(path: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .invalidRecord(path: "", reason: String(describing: error))
        }
    }
}
