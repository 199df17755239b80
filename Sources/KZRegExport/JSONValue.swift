import Foundation

/// A JSON value tree: a parsed JSON document (for schema validation and generic comparisons), or what a value's
/// `Encodable` conformance writes (`JSONValue.encoding(_:)`, which the XML exporter lays out). Object members
/// are unordered: both exports write them in an order of their own (sorted keys, or the XML layout's order).
public indirect enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits an `Int`.
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text (UTF-8, an optional byte order mark skipped); throws `JSONParseError`.
    public init(parsing data: Data) throws {
        self = try JSONParser.parse(data)
    }

    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            if let count = array.count { items.reserveCapacity(count) }
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(members)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if let string = try? value.decode(String.self) {
            self = .string(string)
        } else if let integer = try? value.decode(Int.self) {
            self = .integer(integer)
        } else {
            self = .number(try value.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .integer(let integer):
            var container = encoder.singleValueContainer()
            try container.encode(integer)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in members { try container.encode(value, forKey: AnyKey(key)) }
        }
    }

    /// The JSON type name ("null", "boolean", "integer", "number", "string", "array", "object").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number(let number): return number == number.rounded() ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// True for null, booleans, numbers and strings.
    public var isScalar: Bool {
        switch self {
        case .null, .bool, .integer, .number, .string: return true
        case .array, .object: return false
        }
    }

    /// The tree with every string (values and keys) transformed. Keys that the transform makes equal keep the
    /// value of the key that sorted first before the transform.
    public func mappingStrings(_ transform: (String) throws -> String) rethrows -> JSONValue {
        switch self {
        case .null, .bool, .integer, .number: return self
        case .string(let string): return .string(try transform(string))
        case .array(let items): return .array(try items.map { try $0.mappingStrings(transform) })
        case .object(let members):
            let mapped = try members.sorted { $0.key < $1.key }.map {
                (try transform($0.key), try $0.value.mappingStrings(transform))
            }
            return .object(Dictionary(mapped, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The numeric value of a number.
    public var numberValue: Double? {
        switch self {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        default: return nil
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// JSON equality: numbers compare by value (1 equals 1.0), everything else structurally.
    public func isJSONEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.array(let lhs), .array(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isJSONEqual(to: $1) }
        case (.object(let lhs), .object(let rhs)):
            return lhs.count == rhs.count && lhs.allSatisfy { key, value in
                rhs[key].map { value.isJSONEqual(to: $0) } ?? false
            }
        default:
            if let lhs = numberValue, let rhs = other.numberValue { return lhs == rhs }
            return self == other
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
