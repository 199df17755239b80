import Foundation
import KZRegRecords

/// Why a value could not be written as XML.
public enum XMLExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxml2's writer refused an operation (out of memory, or a name it does not accept).
    case writer(String)

    public var description: String {
        switch self {
        case .writer(let operation): return "the XML writer failed (\(operation))"
        }
    }
}

/// Writes records as XML through libxml2, with the same content as the JSON export.
///
/// The XML is driven by the record's `Encodable` representation (see `JSONValue.encoding(_:)`) and laid out by an
/// `XMLLayout`: fields the layout knows are written where `Schemas/kzreg-record.xsd` expects them; fields
/// added to the record types later appear inside `<extensions>` without changes here.
public struct XMLExporter: Sendable {
    public var layout: XMLLayout
    /// Pretty-print with two-space indentation.
    public var indent: Bool

    public init(layout: XMLLayout = .record, indent: Bool = true) {
        self.layout = layout
        self.indent = indent
    }

    /// The record as an XML document with root `<record schemaVersion="1">`.
    public func data(for record: Record) throws -> Data {
        try data(for: record, rootElement: "record")
    }

    /// Any encodable value as an XML document with the given root element.
    public func data<T: Encodable>(for value: T, rootElement: String) throws -> Data {
        try data(for: try JSONValue.encoding(value), rootElement: rootElement)
    }

    /// An encoded tree as an XML document with the given root element.
    public func data(for tree: JSONValue, rootElement: String) throws -> Data {
        let writer = try XMLWriter(indent: indent)
        try LayoutWriter(layout: layout, writer: writer).write(tree, as: rootElement)
        var data = try writer.finish()
        if data.last != 0x0A { data.append(0x0A) }
        return data
    }
}

/// Walks an encoded tree and writes it with a layout.
private struct LayoutWriter {
    let layout: XMLLayout
    let writer: XMLWriter

    func write(_ value: JSONValue, as key: String, in parent: String? = nil) throws {
        if LayoutWriter.isSpan(value) {
            try start(key)
            _ = try writeSpan(value)
            try writer.endElement()
            return
        }
        switch value {
        case .null:
            return
        case .bool, .integer, .number, .string:
            try start(key)
            let text = LayoutWriter.text(of: value)
            if !text.isEmpty { try writer.text(text) }
            try writer.endElement()
        case .array(let items):
            try start(key)
            try writeItems(items, of: key, in: parent)
            try writer.endElement()
        case .object(let members):
            if let inner = layout.wrappedObjects[key] {
                try start(key)
                try writeObject(members, as: inner)
                try writer.endElement()
            } else {
                try writeObject(members, as: key)
            }
        }
    }

    private func writeItems(_ items: [JSONValue], of key: String, in parent: String?) throws {
        let itemName = layout.itemName(forArray: key, in: parent)
        for item in items {
            if item == .null {
                try start(itemName)
                try writer.attribute("null", "true")
                try writer.endElement()
            } else {
                try write(item, as: itemName)
            }
        }
    }

    private func writeObject(_ members: [String: JSONValue], as name: String) throws {
        try start(name)
        guard let elementLayout = layout.elements[name] else {
            // Not in the layout (inside extensions): spans as attributes, the rest as elements by key.
            var rest = members
            if let span = rest["span"], try writeSpan(span) { rest["span"] = nil }
            for member in LayoutWriter.sorted(rest) { try write(member.value, as: member.key, in: name) }
            try writer.endElement()
            return
        }
        var written = Set<String>()
        for key in elementLayout.attributes {
            guard let value = members[key] else { continue }
            if value == .null {
                written.insert(key)
            } else if key == "span", try writeSpan(value) {
                written.insert(key)
            } else if value.isScalar {
                try writer.attribute(key, LayoutWriter.text(of: value))
                written.insert(key)
            }
        }
        for key in elementLayout.children {
            guard let value = members[key] else { continue }
            if layout.inlineArrays.contains(key), case .array(let items) = value {
                try writeItems(items, of: key, in: name)
            } else {
                try write(value, as: key, in: name)
            }
            written.insert(key)
        }
        let extensions = members.filter { !written.contains($0.key) && $0.value != .null }
        if !extensions.isEmpty {
            try start(layout.extensionsElement)
            for member in LayoutWriter.sorted(extensions) { try write(member.value, as: member.key, in: name) }
            try writer.endElement()
        }
        try writer.endElement()
    }

    /// Writes a `{start, end}` object as `span-start`/`span-end` attributes; false when it is not one.
    private func writeSpan(_ value: JSONValue) throws -> Bool {
        guard LayoutWriter.isSpan(value), case .integer(let start)? = value["start"],
              case .integer(let end)? = value["end"] else { return false }
        try writer.attribute("span-start", String(start))
        try writer.attribute("span-end", String(end))
        return true
    }

    /// Whether a value is a source span: an object of exactly the integers `start` and `end`.
    static func isSpan(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value, members.count == 2,
              case .integer? = value["start"], case .integer? = value["end"] else { return false }
        return true
    }

    /// Starts the element for a key; keys that are not XML names become `<field name="key">`.
    private func start(_ key: String) throws {
        if XMLText.isName(key) {
            try writer.startElement(key)
        } else {
            try writer.startElement("field")
            try writer.attribute("name", key)
        }
    }

    private static func sorted(_ members: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        members.sorted { $0.key < $1.key }
    }

    /// The lexical form of a scalar: booleans as true/false, numbers as in JSON.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return String(describing: number)
        case .string(let string): return string
        case .array, .object: return ""
        }
    }
}
