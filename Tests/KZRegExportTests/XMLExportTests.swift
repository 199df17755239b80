import Foundation
import KZRegExport
import KZRegRecords
import KZRegStructure
import Testing

@Suite struct XMLExportTests {
    private func xmlText(_ record: Record) throws -> String {
        String(decoding: try XMLExporter().data(for: record), as: UTF8.self)
    }

    @Test func theSampleRecordValidates() throws {
        let result = try XMLValidator().validate(XMLExporter().data(for: sampleRecord()))
        #expect(result.isValid, "\(result.messages)")
    }

    @Test func layoutOfTheRecord() throws {
        let root = try parseXML(try XMLExporter().data(for: sampleRecord()))
        #expect(root.name == "record")
        #expect(root.children.map(\.name) == ["source", "document", "annexes", "regulations", "repair", "structure"])
        let document = try #require(root.child("document"))
        #expect(document.attributes["status"] == "repealed")
        #expect(document.child("adopted")?.attributes == ["date": "2018-12-29", "number": "389",
                                                          "span-start": "5", "span-end": "10"])
        #expect(document.child("registered")?.attributes == ["date": "2019-01-03", "number": "А-9/406"])
        let annexes = root.child("annexes")?.children("annex") ?? []
        #expect(annexes.map { $0.attributes["number"] } == ["1", nil])
        let regulation = try #require(root.child("regulations")?.children("regulation").first)
        #expect(regulation.attributes["kind"] == "regulation")
        #expect(regulation.attributes["annex"] == "1")
        #expect(regulation.child("participants")?.children("participant").count == 2)
        let steps = regulation.child("steps")?.children("step") ?? []
        #expect(steps.count == 2)
        #expect(steps.first?.child("durations")?.child("duration")?.attributes["unit"] == "workingDay")
        #expect(steps.first?.child("durations")?.child("duration")?.attributes["value"] == "1.5")
        #expect(steps.last?.child("actor") == nil, "a null actor is left out")
        #expect(steps.last?.child("result") == nil)
        let token = root.child("repair")?.child("uncertain")?.child("token")
        #expect(token?.attributes["confidence"] == "0.25")
        #expect(token?.child("alternatives")?.children("alternative").count == 2)
        let tree = try #require(root.child("structure")?.child("node"))
        #expect(tree.attributes["kind"] == "document")
        #expect(tree.children("node").map { $0.attributes["kind"] } == ["title", "chapter"])
        #expect(tree.children("node").last?.attributes["number"] == "1")
        #expect(tree.children("node").last?.child("heading") != nil)
    }

    @Test func sameContentAsJSON() throws {
        let record = sampleRecord()
        let json = try JSONValue(parsing: JSONExporter().data(for: record))
        let xml = try parseXML(try XMLExporter().data(for: record))
        let differences = contentDifferences(json: json, xml: jsonContent(ofXML: xml))
        #expect(differences.isEmpty, "\(differences)")
    }

    /// Fields the record types gain later are written inside <extensions>, and the XML stays valid.
    @Test func unknownFieldsGoToExtensions() throws {
        var tree = try JSONValue.encoding(sampleRecord())
        tree = adding(to: tree, at: ["regulations", 0, "steps", 0], members: [
            "attachments": .array([.string("өтініш"), .string("анықтама")]),
            "deadlineNote": .string("Заң"),
            "chapter": .integer(2),
            "citations": .array([.object([
                "text": .string("2-қосымша"),
                "span": .object(["start": .integer(3), "end": .integer(9)]),
            ])]),
            "confidenceNote": .null,
        ])
        tree = adding(to: tree, at: ["regulations", 0], members: [
            "workflows": .array([.object(["name": .string("p")])]),
        ])
        tree = adding(to: tree, at: [], members: ["warnings": .array([.string("w")])])
        let data = try XMLExporter().data(for: tree, rootElement: "record")
        let result = try XMLValidator().validate(data)
        #expect(result.isValid, "\(result.messages)")
        let root = try parseXML(data)
        #expect(root.children.last?.name == "extensions")
        let step = try #require(root.child("regulations")?.child("regulation")?.child("steps")?.child("step"))
        let extensions = try #require(step.child("extensions"))
        #expect(extensions.children.map(\.name) == ["attachments", "chapter", "citations", "deadlineNote"])
        #expect(extensions.child("attachments")?.children("attachment").map(\.text)
                == ["өтініш", "анықтама"])
        #expect(extensions.child("citations")?.child("citation")?.attributes == ["span-start": "3", "span-end": "9"])
        #expect(extensions.child("chapter")?.text == "2")
        let regulation = try #require(root.child("regulations")?.child("regulation"))
        #expect(regulation.child("extensions")?.child("workflows")?.child("workflow")?.child("name")?.text == "p")
        // And the content still matches the tree it came from.
        let differences = contentDifferences(json: try JSONValue(parsing: JSONEncoder().encode(tree)),
                                             xml: jsonContent(ofXML: root))
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test func itemNames() {
        let layout = XMLLayout.record
        #expect(layout.itemName(forArray: "steps") == "step")
        #expect(layout.itemName(forArray: "durations", in: "step") == "duration")
        #expect(layout.itemName(forArray: "durations", in: "regulation") == "durationMention")
        #expect(layout.itemName(forArray: "processes") == "process")
        #expect(layout.itemName(forArray: "addresses") == "address")
        #expect(layout.itemName(forArray: "boxes") == "box")
        #expect(layout.itemName(forArray: "categories") == "category")
        #expect(layout.itemName(forArray: "forms") == "form")
        #expect(layout.itemName(forArray: "data") == "item")
        #expect(layout.itemName(forArray: "class") == "item")
    }

    @Test func namesThatAreSafeAsIs() {
        #expect(XMLText.isName("serviceName"))
        #expect(XMLText.isName("span-start"))
        #expect(XMLText.isName("_x.y"))
        #expect(!XMLText.isName(""))
        #expect(!XMLText.isName("1st"))
        #expect(!XMLText.isName("has space"))
        #expect(!XMLText.isName("xmlns"))
        #expect(!XMLText.isName("a:b"))
        #expect(!XMLText.isName("қызмет"))
    }

    @Test func keysThatAreNotXMLNamesAreKept() throws {
        let tree = JSONValue.object(["1 bad key": .string("v"), "xmlThing": .integer(1)])
        let root = try parseXML(try XMLExporter().data(for: tree, rootElement: "thing"))
        #expect(root.children.map(\.name) == ["field", "field"])
        #expect(Set(root.children.compactMap { $0.attributes["name"] }) == ["1 bad key", "xmlThing"])
    }

    @Test func theXSDRejectsBrokenRecords() throws {
        let valid = try xmlText(sampleRecord())
        let broken = [
            valid.replacingOccurrences(of: "kind=\"regulation\"", with: "kind=\"bogus\""),
            valid.replacingOccurrences(of: "schemaVersion=\"1\"", with: "schemaVersion=\"2\""),
            valid.replacingOccurrences(of: "status=\"repealed\"", with: "status=\"gone\""),
            valid.replacingOccurrences(of: "unit=\"workingDay\"", with: "unit=\"week\""),
            valid.replacingOccurrences(of: "date=\"2018-12-29\"", with: "date=\"29.12.2018\""),
            valid.replacingOccurrences(of: "<annexes>", with: "<annexes><bogus/>"),
            valid.replacingOccurrences(of: "span-start=\"20\"", with: "span-start=\"-1\""),
            valid.replacingOccurrences(of: "<label>", with: "<title>x</title><label>"),
            valid.replacingOccurrences(of: "</record>", with: ""),
            valid.replacingOccurrences(of: "confidence=\"0.25\"", with: "confidence=\"1.5\""),
            valid.replacingOccurrences(of: "value=\"1.5\"", with: "value=\"-1.5\""),
            valid.replacingOccurrences(of: "encoding=\"UTF-8\" transcoded", with: "encoding=\"\" transcoded"),
            valid.replacingOccurrences(of: "sha256=\"abab", with: "sha256=\"ABAB"),
            valid.replacingOccurrences(of: "transcoded=\"false\"", with: "transcoded=\"no\""),
        ]
        for (index, text) in broken.enumerated() {
            #expect(text != valid, "mutation \(index) changed nothing")
            let result = try XMLValidator().validate(text)
            #expect(!result.isValid, "mutation \(index) was accepted")
            #expect(!result.messages.isEmpty)
        }
    }

    @Test func documentsWithADoctypeAreRefused() throws {
        let valid = try xmlText(sampleRecord())
        let withDoctype = valid.replacingOccurrences(
            of: "<record", with: "<!DOCTYPE record [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<record")
        #expect(withDoctype != valid)
        let result = try XMLValidator().validate(withDoctype)
        #expect(!result.isValid)
        #expect(result.messages.contains { $0.contains("DOCTYPE") })
    }

    @Test func emptyOrBinaryInputIsInvalidNotACrash() throws {
        for data in [Data(), Data([0]), Data([0xFF, 0xFE, 0x00, 0x3C]), Data("<record".utf8)] {
            let result = try XMLValidator().validate(data)
            #expect(!result.isValid)
            #expect(!result.messages.isEmpty)
        }
    }

    @Test func anUnusableSchemaIsAnError() {
        #expect(throws: XMLSchemaError.self) { try XMLValidator(schema: "<notASchema/>").validate("<a/>") }
        #expect(throws: XMLSchemaError.self) { try XMLValidator(schema: "").validate("<a/>") }
    }

    @Test func exportsInParallel() async throws {
        let record = sampleRecord()
        let expected = try XMLExporter().data(for: record)
        try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try XMLExporter().data(for: record) } }
            for try await data in group { #expect(data == expected) }
        }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 { group.addTask { try XMLValidator().validate(expected).isValid } }
            for try await valid in group { #expect(valid) }
        }
    }
}

/// The tree with members added to the object at a path.
private func adding(to tree: JSONValue, at path: ArraySlice<PathStep>, members extra: [String: JSONValue])
    -> JSONValue {
    guard let head = path.first else {
        guard case .object(let members) = tree else { return tree }
        return .object(members.merging(extra) { _, added in added })
    }
    switch (tree, head) {
    case (.object(var members), .key(let key)):
        if let value = members[key] {
            members[key] = adding(to: value, at: path.dropFirst(), members: extra)
        }
        return .object(members)
    case (.array(var items), .index(let index)):
        items[index] = adding(to: items[index], at: path.dropFirst(), members: extra)
        return .array(items)
    default:
        return tree
    }
}

private func adding(to tree: JSONValue, at path: [PathStep], members extra: [String: JSONValue]) -> JSONValue {
    adding(to: tree, at: path[...], members: extra)
}
