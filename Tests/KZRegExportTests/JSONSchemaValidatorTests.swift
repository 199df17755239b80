import Foundation
import KZRegExport
import Testing

/// The Swift JSON Schema validator accepts what it should and rejects what it should.
@Suite struct JSONSchemaValidatorTests {
    private func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: Data(text.utf8)) }

    private func violations(_ schema: String, _ instance: String) throws -> [JSONSchemaViolation] {
        try JSONSchemaValidator(schemaText: schema).validate(json(instance))
    }

    private func accepts(_ schema: String, _ instance: String) throws -> Bool {
        try violations(schema, instance).isEmpty
    }

    @Test func type() throws {
        #expect(try accepts(#"{"type": "string"}"#, #""x""#))
        #expect(try !accepts(#"{"type": "string"}"#, "1"))
        #expect(try accepts(#"{"type": "integer"}"#, "3"))
        #expect(try accepts(#"{"type": "integer"}"#, "3.0"))
        #expect(try !accepts(#"{"type": "integer"}"#, "3.5"))
        #expect(try accepts(#"{"type": "number"}"#, "3"))
        #expect(try !accepts(#"{"type": "number"}"#, #""3""#))
        #expect(try !accepts(#"{"type": "boolean"}"#, "0"))
        #expect(try !accepts(#"{"type": "integer"}"#, "true"))
        #expect(try accepts(#"{"type": "null"}"#, "null"))
        #expect(try !accepts(#"{"type": "object"}"#, "[]"))
        #expect(try !accepts(#"{"type": "array"}"#, "{}"))
    }

    @Test func typeLists() throws {
        let schema = #"{"type": ["string", "null"]}"#
        #expect(try accepts(schema, #""x""#))
        #expect(try accepts(schema, "null"))
        #expect(try !accepts(schema, "1"))
        #expect(try !accepts(schema, "{}"))
    }

    @Test func propertiesRequiredAndAdditionalProperties() throws {
        let schema = #"""
        {"type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}, "b": {"type": "string"}},
         "additionalProperties": false}
        """#
        #expect(try accepts(schema, #"{"a": 1, "b": "x"}"#))
        #expect(try accepts(schema, #"{"a": 1}"#))
        let missing = try violations(schema, #"{"b": "x"}"#)
        #expect(missing.map(\.keyword) == ["required"])
        let wrongType = try violations(schema, #"{"a": "1"}"#)
        #expect(wrongType.map(\.instancePath) == ["/a"])
        let extra = try violations(schema, #"{"a": 1, "c/d": 2}"#)
        #expect(extra.map(\.keyword) == ["additionalProperties"])
        #expect(extra.first?.instancePath == "/c~1d")
        let typed = #"{"additionalProperties": {"type": "integer"}}"#
        #expect(try accepts(typed, #"{"x": 1}"#))
        #expect(try !accepts(typed, #"{"x": "1"}"#))
    }

    @Test func items() throws {
        let schema = #"{"type": "array", "items": {"type": "integer", "minimum": 0}}"#
        #expect(try accepts(schema, "[0, 1, 2]"))
        #expect(try accepts(schema, "[]"))
        let bad = try violations(schema, "[0, -1, \"x\"]")
        #expect(Set(bad.map(\.instancePath)) == ["/1", "/2"])
    }

    @Test func enumAndConst() throws {
        #expect(try accepts(#"{"enum": ["a", "b", null]}"#, #""b""#))
        #expect(try accepts(#"{"enum": ["a", "b", null]}"#, "null"))
        #expect(try !accepts(#"{"enum": ["a", "b"]}"#, #""c""#))
        #expect(try accepts(#"{"const": 1}"#, "1"))
        #expect(try accepts(#"{"const": 1}"#, "1.0"))
        #expect(try !accepts(#"{"const": 1}"#, "2"))
        #expect(try !accepts(#"{"const": 1}"#, #""1""#))
        #expect(try accepts(#"{"const": {"a": [1, "x"]}}"#, #"{"a": [1, "x"]}"#))
        #expect(try !accepts(#"{"const": {"a": [1, "x"]}}"#, #"{"a": [1, "y"]}"#))
    }

    @Test func patternIsASearchUnlessAnchored() throws {
        #expect(try accepts(#"{"pattern": "b"}"#, #""abc""#))
        #expect(try !accepts(#"{"pattern": "^b"}"#, #""abc""#))
        let date = #"{"pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}"#
        #expect(try accepts(date, #""2019-08-29""#))
        #expect(try !accepts(date, #""2019-8-29""#))
        #expect(try !accepts(date, #""2019-13-01""#))
        #expect(try !accepts(date, #""29.08.2019""#))
        #expect(try accepts(#"{"pattern": "x"}"#, "5"), "pattern ignores non-strings")
    }

    @Test func minimumMaximumAndLengths() throws {
        #expect(try !accepts(#"{"minimum": 0}"#, "-0.5"))
        #expect(try accepts(#"{"minimum": 0}"#, "0"))
        #expect(try !accepts(#"{"maximum": 1}"#, "1.01"))
        #expect(try !accepts(#"{"minLength": 2}"#, #""й""#))
        #expect(try accepts(#"{"minLength": 2}"#, #""ққ""#))
        #expect(try !accepts(#"{"maxItems": 1}"#, "[1, 2]"))
        #expect(try !accepts(#"{"minItems": 1}"#, "[]"))
    }

    @Test func referencesIntoDefs() throws {
        let schema = #"""
        {"$defs": {"node": {"type": "object", "required": ["kind"],
                            "properties": {"kind": {"enum": ["a", "b"]},
                                           "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
         "$ref": "#/$defs/node"}
        """#
        #expect(try accepts(schema, #"{"kind": "a", "children": [{"kind": "b", "children": []}]}"#))
        let deep = try violations(schema, #"{"kind": "a", "children": [{"kind": "b", "children": [{"kind": "c"}]}]}"#)
        #expect(deep.map(\.instancePath) == ["/children/0/children/0/kind"])
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: ##"{"$ref": "#/$defs/none"}"##) }
    }

    @Test func anyOfAndOneOf() throws {
        let anyOf = #"{"anyOf": [{"type": "string", "pattern": "^[0-9]+$"}, {"type": "null"}]}"#
        #expect(try accepts(anyOf, #""12""#))
        #expect(try accepts(anyOf, "null"))
        #expect(try violations(anyOf, #""x""#).map(\.keyword) == ["anyOf"])
        let oneOf = #"{"oneOf": [{"type": "integer"}, {"type": "number"}]}"#
        #expect(try accepts(oneOf, "1.5"))
        #expect(try !accepts(oneOf, "1"), "an integer matches both alternatives")
        #expect(try !accepts(oneOf, #""x""#))
        #expect(try !accepts(#"{"not": {"type": "null"}}"#, "null"))
        #expect(try !accepts(#"{"allOf": [{"type": "integer"}, {"minimum": 5}]}"#, "3"))
    }

    @Test func booleanSchemas() throws {
        #expect(try accepts("true", "{}"))
        #expect(try !accepts("false", "{}"))
        #expect(try !accepts(#"{"properties": {"a": false}}"#, #"{"a": 1}"#))
    }

    @Test func unsupportedOrMalformedSchemasAreRefused() {
        #expect(throws: JSONSchemaError.unsupportedKeyword("patternProperties", at: "#/patternProperties")) {
            try JSONSchemaValidator(schemaText: #"{"patternProperties": {"^a": {}}}"#)
        }
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: #"{"type": "text"}"#) }
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: #"{"pattern": "("}"#) }
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: #"{"required": "a"}"#) }
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: "[1]") }
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schemaText: "{") }
    }
}

/// The published record schema rejects records that break the fields issue 2 pins.
@Suite struct RecordJSONSchemaTests {
    let validator: JSONSchemaValidator
    let valid: JSONValue

    init() throws {
        validator = try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema)
        valid = try JSONValue(parsing: JSONExporter().data(for: sampleRecord()))
    }

    /// The valid sample with one value replaced (or removed, for nil) at a path of keys and indices.
    private func changing(_ path: [PathStep], to replacement: JSONValue?) -> JSONValue {
        func change(_ value: JSONValue, _ path: ArraySlice<PathStep>) -> JSONValue? {
            guard let head = path.first else { return replacement }
            switch (value, head) {
            case (.object(var members), .key(let key)):
                members[key] = change(members[key] ?? .null, path.dropFirst())
                return .object(members)
            case (.array(var items), .index(let index)):
                if let changed = change(items[index], path.dropFirst()) {
                    items[index] = changed
                } else {
                    items.remove(at: index)
                }
                return .array(items)
            default:
                return value
            }
        }
        return change(valid, path[...]) ?? .null
    }

    @Test func theSampleIsValid() {
        #expect(validator.validate(valid).isEmpty)
    }

    @Test(arguments: [
        (["schemaVersion"], JSONValue.integer(2)),
        (["schemaVersion"], JSONValue.string("1")),
        (["source", "sha256"], JSONValue.string("ABCD")),
        (["source", "sha256"], JSONValue.string(String(repeating: "A", count: 64))),
        (["source", "byteCount"], JSONValue.integer(-1)),
        (["document", "status"], JSONValue.string("active")),
        (["document", "adopted", "date"], JSONValue.string("2019-8-29")),
        (["document", "adopted", "date"], JSONValue.string("29.08.2019")),
        (["document", "adopted", "number"], JSONValue.integer(389)),
        (["document", "title"], JSONValue.integer(1)),
        (["document", "repealedBy"], JSONValue.string("2020-12-23")),
        (["annexes", 0, "number"], JSONValue.string("1")),
        (["regulations", 0, "kind"], JSONValue.string("standard")),
        (["regulations", 0, "steps", 0, "durations", 0, "unit"], JSONValue.string("week")),
        (["regulations", 0, "steps", 0, "durations", 0, "value"], JSONValue.string("1")),
        (["regulations", 0, "participants"], JSONValue.array([.integer(1)])),
        (["regulations", 0, "chapters", 0, "span"], JSONValue.object(["start": .integer(1)])),
        (["regulations", 0, "chapters", 0, "span", "extra"], JSONValue.integer(1)),
        (["structure", "kind"], JSONValue.string("section")),
        (["structure", "children", 1, "children", 0, "text"], JSONValue.null),
        (["repair", "uncertain", 0, "confidence"], JSONValue.number(1.5)),
    ] as [([PathStep], JSONValue)])
    func wrongValuesAreRejected(_ path: [PathStep], _ value: JSONValue) {
        let violations = validator.validate(changing(path, to: value))
        #expect(!violations.isEmpty, "\(path) = \(value) was accepted")
    }

    @Test(arguments: [
        ["schemaVersion"], ["source"], ["document"], ["annexes"], ["regulations"], ["repair"], ["structure"],
        ["document", "status"], ["document", "repealedBy"], ["document", "issuer"], ["regulations", 0, "serviceName"],
        ["regulations", 0, "steps", 0, "actor"], ["regulations", 0, "steps", 0, "result"],
        ["structure", "children"], ["annexes", 0, "label"],
    ] as [[PathStep]])
    func missingFieldsAreRejected(_ path: [PathStep]) {
        let violations = validator.validate(changing(path, to: nil))
        #expect(violations.contains { $0.keyword == "required" }, "\(path) could be left out")
    }

    @Test func nullWhereTheIssueAllowsIt() {
        for path: [PathStep] in [["document", "title"], ["document", "repealedBy"], ["document", "adopted", "date"],
                            ["annexes", 0, "number"], ["regulations", 0, "annex"], ["regulations", 0, "provider"],
                            ["regulations", 0, "steps", 0, "result"]] {
            #expect(validator.validate(changing(path, to: .null)).isEmpty, "\(path) = null was rejected")
        }
    }

    @Test func newFieldsAreWelcome() {
        let extended = changing(["regulations", 0, "steps", 0, "forms"], to: .array([.string("өтініш")]))
        #expect(validator.validate(extended).isEmpty)
    }
}

/// A step of a path into a JSON document: an object key or an array index.
enum PathStep: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }

    var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}
