import Foundation
import KZReg
import Testing
@testable import KZRegDiff

/// The real cases of issue 5 on the seed documents (000, 002 are OCR-garbled: the pipeline repairs them).
/// Set KZREG_DIFF_REPORTS=DIR to also write the text and HTML reports there for reading.
@Suite struct SeedDiffTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds")

    /// The seeds' records, made once (the garble repairer is slow to load and run).
    static let records: [String: Result<Record, any Error>] = {
        var records: [String: Result<Record, any Error>] = [:]
        for prefix in ["000", "002"] {
            records[prefix] = Result {
                let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
                guard let name = files.first(where: { $0.hasPrefix(prefix + "_") }) else {
                    throw DiffError.unreadableRecord(file: prefix, reason: "no such seed")
                }
                let bytes = [UInt8](try Data(contentsOf: seeds.appendingPathComponent(name)))
                let pipeline = Pipeline()
                return try pipeline.process(bytes: bytes, fileName: name).record
            }
        }
        return records
    }()

    static func record(_ prefix: String) throws -> Record {
        try #require(records[prefix]).get()
    }

    static func keep(_ report: DiffReport, as name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["KZREG_DIFF_REPORTS"] else { return }
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(TextRenderer().render(report).utf8).write(to: url.appendingPathComponent("\(name).txt"))
        try Data(HTMLRenderer().render(report).utf8).write(to: url.appendingPathComponent("\(name).html"))
        try JSONRenderer().data(for: report).write(to: url.appendingPathComponent("\(name).json"))
    }

    @Test func theSameTemplateInTwoRegionsPairsAndShowsStepLevelDifferences() throws {
        let report = try RecordDiffer().diff(old: try Self.record("000"), new: try Self.record("002"))
        try Self.keep(report, as: "000-vs-002")
        // Annex 1 of both acts is the same service: when extraction finds it, with steps, on both sides, it
        // pairs, and the report works at the level of steps — some steps align (unchanged or changed), and
        // the versions differ in steps or deadlines.
        let paired = report.regulations.first {
            $0.status == .paired && $0.steps.contains { $0.old != nil } && $0.steps.contains { $0.new != nil }
        }
        withKnownIssue("extraction does not yet find the livestock-subsidy regulation, with its steps, in both",
                       isIntermittent: true) {
            #expect(paired != nil)
        }
        guard let regulation = paired else { return }
        #expect(regulation.steps.contains { $0.kind == .unchanged || $0.kind == .changed })
        let s = report.summary
        #expect(s.stepsAdded + s.stepsRemoved + s.stepsChanged + s.durationChanges > 0)
    }

    @Test func theTwoRegulationsOfOneActAreDifferentServices() throws {
        let record = try Self.record("002")
        withKnownIssue("the extractor does not yet split 002's two annexed regulations", isIntermittent: true) {
            #expect(record.regulations.count == 2)
        }
        guard record.regulations.count >= 2 else { return }
        let report = try RecordDiffer(selection: RegulationSelection(parsing: "1:2")).diff(old: record, new: record)
        try Self.keep(report, as: "002-1-vs-2")
        #expect(report.regulations.map(\.status) == [.added, .removed])
    }

    @Test func theTwoRegulationsOfACleanActPairOnlyWithThemselves() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
        let name = try #require(files.first { $0.hasPrefix("003_") })
        let bytes = [UInt8](try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
        let record = try Pipeline().process(bytes: bytes, fileName: name).record
        try #require(record.regulations.count == 2)
        let whole = try RecordDiffer().diff(old: record, new: record)
        #expect(whole.regulations.map(\.status) == [.paired, .paired])
        #expect(!whole.hasSubstantiveDifferences)
        let crossed = try RecordDiffer(selection: RegulationSelection(parsing: "1:2")).diff(old: record, new: record)
        #expect(crossed.regulations.map(\.status) == [.added, .removed])
        #expect(crossed.hasSubstantiveDifferences)
    }
}
