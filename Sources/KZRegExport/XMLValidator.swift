import CLibXML2
import Foundation

/// The outcome of validating an XML document against an XSD.
public struct XMLValidationResult: Sendable, Hashable {
    public var isValid: Bool
    /// libxml2's messages ("line N: ..."), one per problem.
    public var messages: [String]
}

/// Why a schema could not be used for validation.
public struct XMLSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { "unusable XML schema: " + messages.joined(separator: "; ") }
}

/// Validates XML documents against an XML Schema with libxml2 (through the C facade).
public struct XMLValidator: Sendable {
    /// The XSD text.
    public var schema: String
    /// Room for libxml2's messages, in bytes; longer output is cut.
    public var messageCapacity = 64 * 1024

    /// A validator for kzreg records by default.
    public init(schema: String = RecordSchemas.xsd) {
        self.schema = schema
    }

    public func validate(_ xml: Data) throws -> XMLValidationResult {
        var buffer = [CChar](repeating: 0, count: max(messageCapacity, 1))
        var xsd = Array(schema.utf8)
        guard xml.count <= Int32.max, xsd.count <= Int32.max else {
            return XMLValidationResult(isValid: false, messages: ["the document is too large to validate"])
        }
        let status = xml.withUnsafeBytes { documentBytes in
            xsd.withUnsafeMutableBufferPointer { schemaBytes in
                schemaBytes.withMemoryRebound(to: CChar.self) { schemaChars in
                    let document = documentBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                    return kz_xml_validate(document, Int32(documentBytes.count), schemaChars.baseAddress,
                                           Int32(schemaChars.count), &buffer, Int32(buffer.count))
                }
            }
        }
        let text = buffer.withUnsafeBufferPointer { pointer in
            String(decoding: UnsafeRawBufferPointer(pointer).prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let messages = text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if status < 0 { throw XMLSchemaError(messages: messages) }
        return XMLValidationResult(isValid: status == 0, messages: messages)
    }

    public func validate(_ xml: String) throws -> XMLValidationResult {
        try validate(Data(xml.utf8))
    }
}
