import Foundation
import KZRegRecords
import Testing
@testable import KZRegDiff

@Suite struct SchemaTests {
    typealias S = RecordSamples

    static var schemaFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KZRegDiff/Schemas/kzreg-diff.schema.json")
    }

    @Test func theBundledSchemaIsThePublishedFile() throws {
        let file = try String(contentsOf: Self.schemaFile, encoding: .utf8)
        #expect(file == DiffSchema.json)
        let schema = try JSONValue.parse(Data(DiffSchema.json.utf8))
        guard case .object(let root) = schema else { Issue.record("schema is not an object"); return }
        #expect(root["$id"] == .string(DiffSchema.id))
    }

    @Test func reportsConformToTheSchema() throws {
        var steps = S.subsidySteps()
        steps.insert(S.step(0, nil, "жаңа қадам мәтіні", []), at: 2)
        steps[4].durations = []
        steps[0].actor = "қызметкер"
        let old = S.record("old", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps(),
                                                             participants: ["басшы", "маман"]),
                                                S.regulation(nil, steps: [])])
        let new = S.record("new", regulations: [S.regulation(S.subsidyService, steps: S.renumbered(steps),
                                                             participants: ["маман", "кеңсе"],
                                                             chapters: [Chapter(number: 1, heading: "Жалпы",
                                                                                span: S.zero)]),
                                                S.regulation(S.processingService, steps: S.subsidySteps())])
        let report = try RecordDiffer().diff(old: old, new: new)
        let validator = SchemaValidator(root: try JSONValue.parse(Data(DiffSchema.json.utf8)))
        let json = try JSONValue.parse(try JSONRenderer().data(for: report))
        #expect(validator.violations(of: json) == [])
        // The validator is not a rubber stamp.
        guard case .object(var broken) = json else { return }
        broken["summary"] = .string("none")
        broken["extra"] = .null
        #expect(validator.violations(of: .object(broken)).count == 2)
    }

    @Test func reportsRoundTripThroughJSON() throws {
        let old = S.record("old", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps())])
        var steps = S.subsidySteps()
        steps.remove(at: 0)
        let new = S.record("new", regulations: [S.regulation(S.subsidyService, steps: steps)])
        let report = try RecordDiffer().diff(old: old, new: new)
        let decoded = try JSONDecoder().decode(DiffReport.self, from: try JSONRenderer().data(for: report))
        #expect(decoded == report)
    }
}
