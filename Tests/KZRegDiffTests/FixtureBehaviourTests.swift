import Foundation
import KZReg
import Testing
@testable import KZRegDiff

/// What each constructed version pair must show, independent of the golden files' details.
@Suite struct FixtureBehaviourTests {
    private func report(_ name: String) throws -> DiffReport { try GoldenTests.report(name) }

    private func paired(_ report: DiffReport) throws -> RegulationDiff {
        #expect(report.summary.regulationsPaired == 1)
        #expect(report.summary.regulationsAdded == 0 && report.summary.regulationsRemoved == 0)
        return try #require(report.regulations.first { $0.status == .paired })
    }

    @Test func identicalDocumentsShowNoDifference() throws {
        let report = try report("identical")
        #expect(!report.hasSubstantiveDifferences)
        let regulation = try paired(report)
        #expect(regulation.steps.count == 5)
        #expect(regulation.steps.allSatisfy { $0.kind == .unchanged })
    }

    @Test func anInsertedStepIsOneInsertion() throws {
        let report = try report("step-inserted")
        let regulation = try paired(report)
        #expect(regulation.steps.map(\.kind) == [.unchanged, .unchanged, .unchanged, .added, .unchanged, .unchanged])
        #expect(regulation.steps[3].new?.number == 4)
        #expect(report.summary.stepsAdded == 1 && report.summary.stepsChanged == 0)
        #expect(report.summary.durations.first?.deltaWorkingHours == 8)
        #expect(report.hasSubstantiveDifferences)
    }

    @Test func aChangedDurationShowsOnItsStepAndInTheTotal() throws {
        let report = try report("duration-changed")
        let regulation = try paired(report)
        let changed = regulation.steps.filter { $0.kind != .unchanged }
        #expect(changed.count == 1)
        #expect(changed.first?.duration?.description == "3-қадам: 1 жұмыс күні → 2 жұмыс күні")
        #expect(report.summary.durations.first?.deltaWorkingHours == 8)
    }

    @Test func aRenamedActorIsAnActorChange() throws {
        let report = try report("actor-renamed")
        let regulation = try paired(report)
        #expect(report.summary.stepsAdded == 0 && report.summary.stepsRemoved == 0)
        let actors = regulation.steps.compactMap(\.actor)
        #expect(actors.count == 1)
        #expect(actors.first?.new?.contains("бас маманы") == true)
        #expect(regulation.participants.renamed.count + regulation.participants.added.count >= 1)
    }

    @Test func renumberedChaptersAreEditorialOnly() throws {
        let report = try report("chapters-renumbered")
        let regulation = try paired(report)
        #expect(!report.hasSubstantiveDifferences)
        #expect(regulation.chapters.count == 3)
        #expect(regulation.chapters.allSatisfy { $0.renumbered && $0.kind == .unchanged })
    }

    @Test func aRemovedParticipantIsListed() throws {
        let report = try report("participant-removed")
        let regulation = try paired(report)
        #expect(regulation.participants.removed.count == 1)
        #expect(regulation.participants.removed.first?.contains("кеңсе қызметкері") == true)
        #expect(report.summary.actorChanges == 2)
        #expect(report.summary.stepsAdded == 0 && report.summary.stepsRemoved == 0)
    }

    @Test func aMovedStepIsOneMove() throws {
        let report = try report("step-moved")
        let regulation = try paired(report)
        #expect(regulation.steps.filter { $0.kind == .moved }.count == 1)
        #expect(regulation.steps.filter { $0.kind != .moved }.allSatisfy { $0.kind == .unchanged })
        #expect(report.summary.durations.first?.deltaWorkingHours == 0)
    }

    @Test func recordsReadFromJSONGiveTheSameReportAsDocuments() throws {
        let directory = GoldenTests.root.appendingPathComponent("step-inserted")
        var records: [Record] = []
        for side in ["old", "new"] {
            let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent("\(side).txt")))
            let record = try Pipeline().process(bytes: bytes, fileName: "\(side).txt").record
            let json = [UInt8](try JSONExporter().data(for: record))
            #expect(DiffInput.looksLikeJSON(json))
            records.append(try DiffInput.record(bytes: json, fileName: "\(side).txt") { _, _ in
                Issue.record("a JSON record must not go through the pipeline")
                return record
            })
        }
        let fromJSON = try RecordDiffer().diff(old: records[0], new: records[1])
        #expect(fromJSON == (try GoldenTests.report("step-inserted")))
    }
}
