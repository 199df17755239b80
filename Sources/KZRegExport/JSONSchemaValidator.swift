import Foundation

/// One way an instance fails its schema.
public struct JSONSchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// A JSON Pointer into the instance ("" is the whole document).
    public var instancePath: String
    /// The schema keyword that failed.
    public var keyword: String
    public var message: String

    public var description: String { "\(instancePath.isEmpty ? "/" : instancePath): \(message) [\(keyword)]" }
}

/// Why a schema cannot be used.
public enum JSONSchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    case notJSON(String)
    /// The schema uses a keyword this validator does not implement (so it would silently not check it).
    case unsupportedKeyword(String, at: String)
    case malformed(String, at: String)
    case unresolvedReference(String, at: String)

    public var description: String {
        switch self {
        case .notJSON(let reason): return "the schema is not JSON: \(reason)"
        case .unsupportedKeyword(let keyword, let path): return "unsupported schema keyword \(keyword) at \(path)"
        case .malformed(let reason, let path): return "malformed schema at \(path): \(reason)"
        case .unresolvedReference(let reference, let path): return "unresolved $ref \(reference) at \(path)"
        }
    }
}

/// Validates JSON documents against a JSON Schema (draft 2020-12), implementing the subset kzreg's
/// schemas use: `type` (one or several), `properties`, `required`, `additionalProperties`, `items`,
/// `enum`, `const`, `pattern`, `minimum`, `maximum`, `minLength`, `maxLength`, `minItems`, `maxItems`,
/// `$ref` to the same document (`#/$defs/...`), `allOf`, `anyOf`, `oneOf`, `not`. A schema using any
/// other assertion keyword is refused up front rather than half-checked.
public struct JSONSchemaValidator: Sendable {
    public let schema: JSONValue
    /// Every `$ref` of the schema, resolved once.
    private var references: [String: JSONValue] = [:]

    static let annotations: Set<String> = ["$schema", "$id", "$comment", "title", "description", "examples",
                                           "default", "deprecated", "readOnly", "writeOnly", "format"]
    static let types: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    public init(schema: JSONValue) throws {
        self.schema = schema
        try check(schema, at: "#")
    }

    public init(schemaText: String) throws {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Data(schemaText.utf8))
        } catch {
            throw JSONSchemaError.notJSON(String(describing: error))
        }
        try self.init(schema: value)
    }

    /// Every violation of the schema by `instance`; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [JSONSchemaViolation] {
        var run = Run(references: references)
        run.evaluate(schema, instance, path: InstancePath.root, depth: 0)
        // Objects are walked in hash order; sort so the same document always reports the same list.
        return run.violations.enumerated().sorted {
            ($0.element.instancePath, $0.offset) < ($1.element.instancePath, $1.offset)
        }.map(\.element)
    }

    /// Parses `data` as JSON and validates it.
    public func validate(json data: Data) throws -> [JSONSchemaViolation] {
        validate(try JSONValue(parsing: data))
    }

    // MARK: Checking the schema

    private mutating func check(_ node: JSONValue, at path: String) throws {
        switch node {
        case .bool: return
        case .object(let keywords):
            for (keyword, value) in keywords.sorted(by: { $0.key < $1.key }) {
                let here = path + "/" + JSONSchemaValidator.escape(keyword)
                try check(keyword: keyword, value: value, at: here)
            }
        default:
            throw JSONSchemaError.malformed("a schema must be an object or a boolean", at: path)
        }
    }

    private mutating func check(keyword: String, value: JSONValue, at path: String) throws {
        func malformed(_ reason: String) -> JSONSchemaError { .malformed("\(keyword) \(reason)", at: path) }
        switch keyword {
        case _ where JSONSchemaValidator.annotations.contains(keyword):
            return
        case "type":
            let names: [JSONValue]
            if case .array(let list) = value { names = list } else { names = [value] }
            for name in names {
                guard case .string(let type) = name, JSONSchemaValidator.types.contains(type) else {
                    throw malformed("must name JSON types")
                }
            }
        case "properties", "$defs":
            guard case .object(let members) = value else { throw malformed("must be an object") }
            for (name, subschema) in members.sorted(by: { $0.key < $1.key }) {
                try check(subschema, at: path + "/" + JSONSchemaValidator.escape(name))
            }
        case "required":
            guard case .array(let names) = value, names.allSatisfy({ if case .string = $0 { true } else { false } })
            else { throw malformed("must be an array of strings") }
        case "additionalProperties", "items", "not":
            try check(value, at: path)
        case "allOf", "anyOf", "oneOf":
            guard case .array(let subschemas) = value, !subschemas.isEmpty else {
                throw malformed("must be a non-empty array")
            }
            for (index, subschema) in subschemas.enumerated() { try check(subschema, at: path + "/\(index)") }
        case "enum":
            guard case .array = value else { throw malformed("must be an array") }
        case "const":
            return
        case "pattern":
            guard case .string(let pattern) = value, (try? Regex(pattern)) != nil else {
                throw malformed("must be a valid regular expression")
            }
        case "minimum", "maximum":
            guard value.numberValue != nil else { throw malformed("must be a number") }
        case "minLength", "maxLength", "minItems", "maxItems":
            guard case .integer(let count) = value, count >= 0 else { throw malformed("must be a count") }
        case "$ref":
            guard case .string(let reference) = value else { throw malformed("must be a string") }
            guard let target = JSONSchemaValidator.resolve(reference, in: schema) else {
                throw JSONSchemaError.unresolvedReference(reference, at: path)
            }
            references[reference] = target
        default:
            throw JSONSchemaError.unsupportedKeyword(keyword, at: path)
        }
    }

    /// Resolves "#" or "#/a/b" (a JSON Pointer into the schema document).
    static func resolve(_ reference: String, in root: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        let pointer = reference.dropFirst()
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var node = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = (String(token).removingPercentEncoding ?? String(token))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let members):
                guard let next = members[key] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    static func escape(_ token: String) -> String {
        if !token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

// MARK: - Evaluation

/// Where the validator is in the instance; turned into a JSON Pointer only when something fails.
private final class InstancePath: Sendable {
    let parent: InstancePath?
    let token: String

    static let root = InstancePath(parent: nil, token: "")

    init(parent: InstancePath?, token: String) {
        self.parent = parent
        self.token = token
    }

    func appending(_ token: String) -> InstancePath { InstancePath(parent: self, token: token) }
    func appending(_ index: Int) -> InstancePath { InstancePath(parent: self, token: String(index)) }

    var pointer: String {
        var tokens: [String] = []
        var node: InstancePath? = self
        while let current = node, current.parent != nil {
            tokens.append(JSONSchemaValidator.escape(current.token))
            node = current.parent
        }
        return tokens.reversed().map { "/" + $0 }.joined()
    }
}

/// One validation run: the violations found so far and the compiled patterns.
private struct Run {
    let references: [String: JSONValue]
    var violations: [JSONSchemaViolation] = []
    var patterns: [String: Regex<AnyRegexOutput>] = [:]
    static let maximumDepth = 2048

    init(references: [String: JSONValue]) { self.references = references }

    mutating func fail(_ path: InstancePath, _ keyword: String, _ message: String) {
        violations.append(JSONSchemaViolation(instancePath: path.pointer, keyword: keyword, message: message))
    }

    /// Whether `instance` is valid against `schema`, without recording why not.
    mutating func isValid(_ schema: JSONValue, _ instance: JSONValue, path: InstancePath, depth: Int) -> Bool {
        let saved = violations
        violations = []
        evaluate(schema, instance, path: path, depth: depth)
        let valid = violations.isEmpty
        violations = saved
        return valid
    }

    mutating func evaluate(_ schema: JSONValue, _ instance: JSONValue, path: InstancePath, depth: Int) {
        guard depth < Run.maximumDepth else { return fail(path, "$ref", "schema nesting too deep") }
        let keywords: [String: JSONValue]
        switch schema {
        case .bool(true): return
        case .bool(false): return fail(path, "false", "no value is allowed here")
        case .object(let members): keywords = members
        default: return
        }

        if case .string(let reference)? = keywords["$ref"], let target = references[reference] {
            evaluate(target, instance, path: path, depth: depth + 1)
        }
        if let type = keywords["type"] { checkType(type, instance, path) }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(where: { $0.isJSONEqual(to: instance) }) {
            fail(path, "enum", "\(Run.show(instance)) is not one of \(allowed.map(Run.show).joined(separator: ", "))")
        }
        if let constant = keywords["const"], !constant.isJSONEqual(to: instance) {
            fail(path, "const", "\(Run.show(instance)) is not \(Run.show(constant))")
        }

        switch instance {
        case .string(let string):
            checkString(keywords, string, path)
        case .integer, .number:
            let number = instance.numberValue ?? 0
            if let minimum = keywords["minimum"]?.numberValue, number < minimum {
                fail(path, "minimum", "\(Run.show(instance)) is less than \(Run.format(minimum))")
            }
            if let maximum = keywords["maximum"]?.numberValue, number > maximum {
                fail(path, "maximum", "\(Run.show(instance)) is greater than \(Run.format(maximum))")
            }
        case .array(let items):
            if case .integer(let minimum)? = keywords["minItems"], items.count < minimum {
                fail(path, "minItems", "has \(items.count) items, fewer than \(minimum)")
            }
            if case .integer(let maximum)? = keywords["maxItems"], items.count > maximum {
                fail(path, "maxItems", "has \(items.count) items, more than \(maximum)")
            }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    evaluate(itemSchema, item, path: path.appending(index), depth: depth + 1)
                }
            }
        case .object(let members):
            checkObject(keywords, members, path, depth)
        case .null, .bool:
            break
        }

        if case .array(let subschemas)? = keywords["allOf"] {
            for subschema in subschemas { evaluate(subschema, instance, path: path, depth: depth + 1) }
        }
        if case .array(let subschemas)? = keywords["anyOf"],
           !subschemas.contains(where: { isValid($0, instance, path: path, depth: depth + 1) }) {
            fail(path, "anyOf", "matches none of the \(subschemas.count) alternatives")
        }
        if case .array(let subschemas)? = keywords["oneOf"] {
            let matches = subschemas.filter { isValid($0, instance, path: path, depth: depth + 1) }.count
            if matches != 1 { fail(path, "oneOf", "matches \(matches) of the alternatives instead of exactly one") }
        }
        if let negated = keywords["not"], isValid(negated, instance, path: path, depth: depth + 1) {
            fail(path, "not", "matches a schema it must not match")
        }
    }

    private mutating func checkType(_ type: JSONValue, _ instance: JSONValue, _ path: InstancePath) {
        let names: [String]
        switch type {
        case .string(let name): names = [name]
        case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
        default: return
        }
        let actual = instance.typeName
        let matches = names.contains { $0 == actual || ($0 == "number" && actual == "integer") }
        if !matches { fail(path, "type", "\(actual) where \(names.joined(separator: " or ")) is required") }
    }

    private mutating func checkString(_ keywords: [String: JSONValue], _ string: String, _ path: InstancePath) {
        let length = string.unicodeScalars.count
        if case .integer(let minimum)? = keywords["minLength"], length < minimum {
            fail(path, "minLength", "is shorter than \(minimum) characters")
        }
        if case .integer(let maximum)? = keywords["maxLength"], length > maximum {
            fail(path, "maxLength", "is longer than \(maximum) characters")
        }
        if case .string(let pattern)? = keywords["pattern"] {
            if patterns[pattern] == nil { patterns[pattern] = try? Regex(pattern) }
            if let regex = patterns[pattern], (try? regex.firstMatch(in: string)) == nil {
                fail(path, "pattern", "\(Run.show(.string(string))) does not match \(pattern)")
            }
        }
    }

    private mutating func checkObject(_ keywords: [String: JSONValue], _ members: [String: JSONValue],
                                      _ path: InstancePath, _ depth: Int) {
        if case .array(let required)? = keywords["required"] {
            for case .string(let name) in required where members[name] == nil {
                fail(path, "required", "missing required property \"\(name)\"")
            }
        }
        var properties: [String: JSONValue] = [:]
        if case .object(let declared)? = keywords["properties"] { properties = declared }
        for (name, value) in members {
            let here = path.appending(name)
            if let propertySchema = properties[name] {
                evaluate(propertySchema, value, path: here, depth: depth + 1)
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) {
                    fail(here, "additionalProperties", "property \"\(name)\" is not allowed")
                } else {
                    evaluate(additional, value, path: here, depth: depth + 1)
                }
            }
        }
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .integer(let integer): return String(integer)
        case .number(let number): return format(number)
        case .string(let string):
            let shown = string.count > 40 ? String(string.prefix(40)) + "…" : string
            return "\"\(shown)\""
        case .array(let items): return "an array of \(items.count)"
        case .object: return "an object"
        }
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
