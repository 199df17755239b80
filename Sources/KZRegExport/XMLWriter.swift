import CLibXML2
import Foundation

/// A streaming XML 1.0 writer over libxml2's xmlTextWriter (through the C facade). Element and attribute
/// names must be valid XML names; text is sanitized (NFC, forbidden characters replaced) before writing.
final class XMLWriter {
    private var handle: OpaquePointer?

    init(indent: Bool) throws {
        guard let handle = kz_xml_writer_new(indent ? 1 : 0) else { throw XMLExportError.writer("start") }
        self.handle = handle
    }

    deinit { kz_xml_writer_discard(handle) }

    func startElement(_ name: String) throws {
        try check(kz_xml_start_element(try live(), name), "start element <\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws {
        try check(kz_xml_attribute(try live(), name, XMLText.sanitized(value)), "attribute \(name)")
    }

    func text(_ value: String) throws {
        try check(kz_xml_text(try live(), XMLText.sanitized(value)), "text")
    }

    func endElement() throws {
        try check(kz_xml_end_element(try live()), "end element")
    }

    /// Ends the document and returns its bytes; the writer cannot be used afterwards.
    func finish() throws -> Data {
        let handle = try live()
        self.handle = nil
        var length: Int32 = 0
        guard let bytes = kz_xml_writer_finish(handle, &length) else { throw XMLExportError.writer("finish") }
        defer { kz_xml_free(bytes) }
        return Data(bytes: bytes, count: Int(length))
    }

    private func live() throws -> OpaquePointer {
        guard let handle else { throw XMLExportError.writer("write after finish") }
        return handle
    }

    private func check(_ status: Int32, _ operation: String) throws {
        if status != 0 { throw XMLExportError.writer(operation) }
    }
}
