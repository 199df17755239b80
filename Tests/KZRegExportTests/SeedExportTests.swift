import Foundation
import KZReg
import Testing

/// Every seed through the whole pipeline, then through both exporters and both schemas.
@Suite struct SeedExportTests {
    let jsonValidator: JSONSchemaValidator
    let xmlValidator = XMLValidator()

    init() throws {
        jsonValidator = try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema)
    }

    static let seeds = seedFiles

    @Test func theSeedsAreThere() {
        #expect(SeedExportTests.seeds.count == 5)
    }

    private func process(_ url: URL) throws -> Record { try seedRecord(url) }

    @Test(arguments: seeds)
    func jsonValidatesAgainstTheJSONSchema(_ url: URL) throws {
        let json = try JSONExporter().data(for: try process(url))
        let violations = try jsonValidator.validate(json: json)
        #expect(violations.isEmpty, "\(url.lastPathComponent): \(violations.prefix(10))")
    }

    @Test(arguments: seeds)
    func xmlValidatesAgainstTheXSD(_ url: URL) throws {
        let xml = try XMLExporter().data(for: try process(url))
        let result = try xmlValidator.validate(xml)
        #expect(result.isValid, "\(url.lastPathComponent): \(result.messages.prefix(10))")
        #expect(result.messages.isEmpty)
    }

    @Test(arguments: seeds)
    func xmlCarriesTheSameContentAsJSON(_ url: URL) throws {
        let record = try process(url)
        let json = try JSONValue(parsing: try JSONExporter().data(for: record))
        let xml = try parseXML(try XMLExporter().data(for: record))
        #expect(xml.name == "record")
        let differences = contentDifferences(json: json, xml: jsonContent(ofXML: xml))
        #expect(differences.isEmpty, "\(url.lastPathComponent): \(differences.prefix(10))")
        // A few fields spot-checked by hand, so a blind spot in the generic comparison cannot hide them.
        #expect(xml.attributes["schemaVersion"] == "1")
        #expect(xml.child("source")?.attributes["sha256"] == record.source.sha256)
        #expect(xml.child("source")?.attributes["file"] == url.lastPathComponent)
        #expect(xml.child("document")?.attributes["status"] == record.document.status.rawValue)
        #expect(xml.child("annexes")?.children("annex").count == record.annexes.count)
        #expect(xml.child("regulations")?.children("regulation").count == record.regulations.count)
        let nodes = xml.child("structure")?.child("node")
        #expect(nodes?.attributes["kind"] == record.structure.kind.rawValue)
        #expect(nodes?.children("node").count == record.structure.children.count)
    }

    @Test(arguments: seeds)
    func jsonRoundTripIsStable(_ url: URL) throws {
        let record = try process(url)
        let json = try JSONExporter().data(for: record)
        let reread = try JSONRecordReader().record(from: json)
        #expect(reread == record)
        #expect(try JSONExporter().data(for: reread) == json)
    }

    @Test(arguments: seeds)
    func exportIsDeterministic(_ url: URL) throws {
        let record = try process(url)
        #expect(try JSONExporter().data(for: record) == JSONExporter().data(for: record))
        #expect(try XMLExporter().data(for: record) == XMLExporter().data(for: record))
    }
}
