import Foundation

/// A file format records are exported to.
public enum OutputFormat: String, CaseIterable, Sendable, Codable, Comparable {
    case json
    case xml

    /// The output file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The record in this format.
    public func export(_ record: Record) throws -> Data {
        switch self {
        case .json: return try JSONExporter().data(for: record)
        case .xml: return try XMLExporter().data(for: record)
        }
    }

    /// Parses a comma-separated list such as "json,xml" (case-insensitive, duplicates dropped, in canonical order).
    public static func parseList(_ text: String) throws -> [OutputFormat] {
        var formats = Set<OutputFormat>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name) else {
                throw UnknownFormat(name: String(part), known: allCases.map(\.rawValue))
            }
            formats.insert(format)
        }
        return formats.sorted()
    }

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// A format name that is not one of `OutputFormat`'s.
    public struct UnknownFormat: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var known: [String]
        public var description: String {
            "unknown output format \"\(name)\" (available: \(known.joined(separator: ", ")))"
        }
    }
}
