import Foundation

/// A JSON value, decoded strictly (a number never reads as a Boolean or the reverse).
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Double.self) { self = .number(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([JSONValue].self) { self = .array(value); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }
}

/// Checks JSON against the subset of JSON Schema the diff schema uses: type, enum, const, required,
/// properties, additionalProperties: false, items, minimum, oneOf and local $ref. Returns the violations.
struct SchemaValidator {
    let root: JSONValue

    func violations(of value: JSONValue) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", errors: &errors)
        return errors
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, errors: inout [String]) {
        guard case .object(let rules) = schema else { return }
        if case .string(let reference)? = rules["$ref"] {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard case .object(let root) = root, case .object(let defs)? = root["$defs"], let target = defs[name] else {
                errors.append("\(path): unresolved \(reference)")
                return
            }
            check(value, against: target, at: path, errors: &errors)
        }
        if case .array(let options)? = rules["oneOf"] {
            let passing = options.filter { option in
                var sub: [String] = []
                check(value, against: option, at: path, errors: &sub)
                return sub.isEmpty
            }
            if passing.count != 1 { errors.append("\(path): matches \(passing.count) of oneOf") }
        }
        if let type = rules["type"] {
            let allowed: [String] = switch type {
            case .string(let name): [name]
            case .array(let names): names.compactMap { if case .string(let n) = $0 { n } else { nil } }
            default: []
            }
            if !allowed.contains(where: { matches(value, type: $0) }) {
                errors.append("\(path): not of type \(allowed)")
                return
            }
        }
        if case .array(let options)? = rules["enum"], !options.contains(value) {
            errors.append("\(path): \(value) not in enum")
        }
        if let constant = rules["const"], constant != value { errors.append("\(path): not \(constant)") }
        if case .number(let minimum)? = rules["minimum"], case .number(let number) = value, number < minimum {
            errors.append("\(path): below \(minimum)")
        }
        if case .object(let members) = value {
            if case .array(let required)? = rules["required"] {
                for case .string(let key) in required where members[key] == nil {
                    errors.append("\(path): missing \(key)")
                }
            }
            let properties: [String: JSONValue]
            if case .object(let props)? = rules["properties"] { properties = props } else { properties = [:] }
            for (key, member) in members {
                if let property = properties[key] {
                    check(member, against: property, at: "\(path).\(key)", errors: &errors)
                } else if rules["additionalProperties"] == .bool(false) {
                    errors.append("\(path): unexpected key \(key)")
                }
            }
        }
        if case .array(let elements) = value, let items = rules["items"] {
            for (index, element) in elements.enumerated() {
                check(element, against: items, at: "\(path)[\(index)]", errors: &errors)
            }
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
             ("object", .object): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}
