import Foundation
import KZReg
import Testing

/// Undecodable input bytes are counted in `source.substitutions`, in both exports, and both schemas accept it.
@Suite struct SubstitutionExportTests {
    let jsonValidator: JSONSchemaValidator
    let xmlValidator = XMLValidator()

    init() throws {
        jsonValidator = try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema)
    }

    /// A golden input (Kazakh, valid UTF-8) with invalid UTF-8 put in between characters: a lone 0xFF, a
    /// lead byte without its continuation (0xD0 before a space) and a stray continuation byte (0x80).
    static func brokenInput() throws -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("Fixtures/records/inputs/01-steps-as-points.txt")
        var bytes = [UInt8](try Data(contentsOf: url))
        let spaces = bytes.indices.filter { bytes[$0] == 0x20 }
        #expect(spaces.count > 30)
        for (offset, broken) in [(spaces[30], [UInt8]([0x80])), (spaces[20], [0xD0]), (spaces[10], [0xFF])] {
            bytes.insert(contentsOf: broken, at: offset)
        }
        return bytes
    }

    /// The NFC pipeline: the repair model is not what is tested here, and it is slow in debug builds.
    private func record(_ bytes: [UInt8]) throws -> Record {
        try Pipeline(repairer: NFCRepairer(), repairMethod: "nfc").process(bytes: bytes, fileName: "broken.txt")
            .record
    }

    @Test func invalidUTF8IsCountedInJSONAndValidates() throws {
        let record = try record(try Self.brokenInput())
        #expect(record.source.substitutions == 3)
        #expect(record.source.encoding == "UTF-8")
        let data = try JSONExporter().data(for: record)
        let json = try JSONValue(parsing: data)
        #expect(json["source"]?["substitutions"] == .integer(3))
        let violations = try jsonValidator.validate(json: data)
        #expect(violations.isEmpty, "\(violations.prefix(10))")
    }

    @Test func invalidUTF8IsCountedInXMLAndValidates() throws {
        let data = try XMLExporter().data(for: try record(try Self.brokenInput()))
        let source = try #require(try parseXML(data).child("source"))
        #expect(source.attributes["substitutions"] == "3")
        #expect(source.child("extensions") == nil, "a declared attribute, not an extension")
        let result = try xmlValidator.validate(data)
        #expect(result.isValid, "\(result.messages.prefix(10))")
        #expect(result.messages.isEmpty)
    }

    @Test func cleanInputSaysZeroInBothFormats() throws {
        let url = repositoryRoot.appendingPathComponent("Fixtures/records/inputs/01-steps-as-points.txt")
        let record = try record([UInt8](try Data(contentsOf: url)))
        #expect(record.source.substitutions == 0)
        #expect(try JSONValue(parsing: JSONExporter().data(for: record))["source"]?["substitutions"] == .integer(0))
        #expect(try parseXML(XMLExporter().data(for: record)).child("source")?.attributes["substitutions"] == "0")
    }

    @Test func bothSchemasRejectANegativeOrNonIntegerCount() throws {
        var json = try JSONValue(parsing: JSONExporter().data(for: sampleRecord()))
        for bad: JSONValue in [.integer(-1), .string("2"), .number(1.5)] {
            guard case .object(var members) = json, case .object(var source)? = members["source"] else {
                Issue.record("no source object")
                return
            }
            source["substitutions"] = bad
            members["source"] = .object(source)
            json = .object(members)
            let violations = jsonValidator.validate(json)
            #expect(violations.contains { $0.instancePath == "/source/substitutions" }, "\(bad): \(violations)")
        }
        let xml = String(decoding: try XMLExporter().data(for: sampleRecord()), as: UTF8.self)
        for bad in ["-1", "two", "1.5"] {
            let broken = xml.replacingOccurrences(of: "substitutions=\"0\"", with: "substitutions=\"\(bad)\"")
            #expect(broken != xml)
            #expect(try !xmlValidator.validate(broken).isValid, "substitutions=\"\(bad)\"")
        }
    }

    /// Records written before the field existed stay valid schema-version-1 records and read back as 0.
    @Test func recordsWithoutTheFieldStayValidAndReadAsZero() throws {
        var record = sampleRecord()
        record.source.substitutions = 5
        let json = try JSONValue(parsing: JSONExporter().data(for: record))
        guard case .object(var members) = json, case .object(var source)? = members["source"] else {
            Issue.record("no source object")
            return
        }
        source["substitutions"] = nil
        members["source"] = .object(source)
        let old = try JSONEncoder().encode(JSONValue.object(members))
        #expect(try jsonValidator.validate(json: old).isEmpty)
        #expect(try JSONRecordReader().record(from: old).source.substitutions == 0)

        let xml = String(decoding: try XMLExporter().data(for: record), as: UTF8.self)
        let oldXML = xml.replacingOccurrences(of: " substitutions=\"5\"", with: "")
        #expect(oldXML != xml)
        #expect(try xmlValidator.validate(oldXML).isValid)
    }
}
