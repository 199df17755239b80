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

/// The cases beyond the single-change pairs: a regional variant of one template and an act whose two
/// regulations swap places.
@Suite struct FixtureVariantTests {
    @Test func aRegionalVariantShowsMetadataDeadlinesAndTheDroppedStep() throws {
        let report = try GoldenTests.report("regional-variant")
        #expect(Set(report.metadata.map(\.field)).isSuperset(of: ["document.issuer", "document.adopted.date",
                                                                  "document.adopted.number"]))
        let regulation = try #require(report.regulations.first)
        #expect(regulation.status == .paired)
        #expect(regulation.steps.map(\.kind) == [.unchanged, .changed, .changed, .changed, .removed])
        #expect(regulation.steps.compactMap(\.duration?.description)
                == ["2-қадам: 2 сағат → 30 минут", "3-қадам: 1 жұмыс күні → 3 жұмыс күні"])
        #expect(regulation.points.count == 1)
        #expect(regulation.points.first?.textDiff?.contains { $0.op == .insert && $0.text.contains("электрондық") }
                == true)
        // 15 min + 2 h + 1 wd + 2 h + 15 min → 15 min + 30 min + 3 wd + 2 h: +14.25 working hours.
        #expect(regulation.duration?.deltaWorkingHours == 14.25)
    }

    @Test func regulationsPairByServiceNameNotByPosition() throws {
        let report = try GoldenTests.report("regulations-reordered")
        #expect(report.regulations.map(\.status) == [.paired, .paired])
        #expect(report.regulations.map { [$0.old?.index, $0.new?.index] } == [[2, 1], [1, 2]])
        #expect(report.summary.durationChanges == 1)
        #expect(report.regulations[0].steps.compactMap(\.duration?.description) == ["2-қадам: 3 жұмыс күні → 5 жұмыс күні"])
    }

    @Test func oneRegulationCanBeSelected() throws {
        let byName = try GoldenTests.report("regulations-reordered",
                                            selection: RegulationSelection(parsing: "санитариялық қорытынды"))
        #expect(byName.regulations.count == 1)
        #expect(byName.regulations.first?.old?.index == 2 && byName.regulations.first?.new?.index == 1)
        // The act's two different services, set against each other, do not pair.
        let crossed = try GoldenTests.report("identical", selection: RegulationSelection(parsing: "1:1"))
        #expect(crossed.regulations.map(\.status) == [.paired])
        let different = try GoldenTests.report("regulations-reordered", selection: RegulationSelection(parsing: "1:1"))
        #expect(different.regulations.map(\.status) == [.added, .removed])
    }
}
