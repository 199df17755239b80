import Foundation
import KZRegRecords
import KZRegStructure
import Testing
@testable import KZRegDiff

@Suite struct RecordDifferTests {
    typealias S = RecordSamples

    private func diff(_ oldSteps: [Step], _ newSteps: [Step], oldParticipants: [String] = [],
                      newParticipants: [String] = []) throws -> DiffReport {
        let old = S.record("old", regulations: [S.regulation(S.subsidyService, steps: oldSteps,
                                                             participants: oldParticipants)])
        let new = S.record("new", regulations: [S.regulation(S.subsidyService, steps: newSteps,
                                                             participants: newParticipants)])
        return try RecordDiffer().diff(old: old, new: new)
    }

    @Test func identicalRecordsHaveNoSubstantiveDifference() throws {
        let report = try diff(S.subsidySteps(), S.subsidySteps())
        #expect(!report.hasSubstantiveDifferences)
        #expect(report.metadata.isEmpty)
        #expect(report.regulations.count == 1)
        #expect(report.regulations[0].steps.allSatisfy { $0.kind == .unchanged && !$0.renumbered })
        #expect(report.summary.durations.first?.deltaWorkingHours == 0)
    }

    @Test func aStepInsertedInTheMiddleIsOneInsertion() throws {
        var steps = S.subsidySteps()
        steps.insert(S.step(0, S.specialist, "\(S.specialist) ауыл шаруашылығы өндірушісінің құжаттарын "
                            + "ақпараттық жүйе деректерімен салыстырып тексереді", [(2, .workingDay)]), at: 3)
        let report = try diff(S.subsidySteps(), S.renumbered(steps))
        let kinds = report.regulations[0].steps.map(\.kind)
        #expect(kinds == [.unchanged, .unchanged, .unchanged, .added, .unchanged, .unchanged])
        #expect(report.summary.stepsAdded == 1)
        #expect(report.summary.stepsChanged == 0)
        #expect(report.summary.renumbered == 2)
        #expect(report.regulations[0].steps[3].new?.number == 4)
        // The total grows by the new step's 2 working days.
        #expect(report.summary.durations.first?.deltaWorkingHours == 16)
        #expect(report.hasSubstantiveDifferences)
    }

    @Test func aRemovedStepIsOneRemoval() throws {
        var steps = S.subsidySteps()
        steps.remove(at: 1)
        let report = try diff(S.subsidySteps(), S.renumbered(steps))
        #expect(report.regulations[0].steps.map(\.kind) == [.unchanged, .removed, .unchanged, .unchanged, .unchanged])
        #expect(report.regulations[0].steps[1].old?.number == 2)
    }

    @Test func aMovedStepIsOneMove() throws {
        var steps = S.subsidySteps()
        let moved = steps.remove(at: 4)
        steps.insert(moved, at: 1)
        let report = try diff(S.subsidySteps(), S.renumbered(steps))
        let kinds = report.regulations[0].steps.map(\.kind)
        #expect(kinds.filter { $0 == .moved }.count == 1)
        #expect(kinds.filter { $0 != .moved && $0 != .unchanged }.isEmpty)
        #expect(report.summary.stepsMoved == 1)
        let move = try #require(report.regulations[0].steps.first { $0.kind == .moved })
        #expect(move.old?.number == 5)
        #expect(move.new?.number == 2)
    }

    @Test func aChangedDurationIsReportedWithTheTotals() throws {
        var steps = S.subsidySteps()
        steps[2].durations = [Duration(value: 2, unit: .workingDay, text: "2 (екі) жұмыс күні", span: S.zero)]
        steps[2].text = steps[2].text
        let report = try diff(S.subsidySteps(), steps)
        let changes = report.regulations[0].steps.filter { $0.duration != nil }
        #expect(changes.count == 1)
        #expect(changes[0].duration?.description == "3-қадам: 1 жұмыс күні → 2 жұмыс күні")
        #expect(changes[0].duration?.deltaWorkingHours == 8)
        #expect(changes[0].kind == .changed)
        let total = try #require(report.summary.durations.first)
        // 15 min + 4 h + 1 wd + 1 wd + 2 h = 2 wd 6 h 15 min = 22.25 working hours.
        #expect(total.old.workingHours == 22.25)
        #expect(total.new.workingHours == 30.25)
        #expect(total.old.label == "2 жұмыс күні 6 сағат 15 минут")
        #expect(total.deltaWorkingHours == 8)
        #expect(report.summary.durationChanges == 1)
    }

    @Test func calendarDaysAreNotMixedIntoWorkingTime() throws {
        var steps = S.subsidySteps()
        steps[3].durations = [Duration(value: 10, unit: .calendarDay, text: "", span: S.zero)]
        let report = try diff(S.subsidySteps(), steps)
        let total = try #require(report.summary.durations.first)
        #expect(total.new.calendarDays == 10)
        #expect(total.new.workingHours == 14.25)
        #expect(total.deltaWorkingHours == nil)
        #expect(report.regulations[0].steps[3].duration?.deltaWorkingHours == nil)
    }

    @Test func aRenamedActorIsAnActorChangeOfTheSameStep() throws {
        var steps = S.subsidySteps()
        let renamed = "көрсетілетін қызметті берушінің бас маманы"
        steps[3].actor = renamed
        steps[3].text = steps[3].text.replacingFirst(S.specialist, with: renamed)
        let report = try diff(S.subsidySteps(), steps)
        let step = report.regulations[0].steps[3]
        #expect(step.kind == .changed)
        #expect(step.actor == FieldChange(field: "actor", old: S.specialist, new: renamed))
        #expect(step.textDiff?.contains(WordEdit(op: .delete, text: "жауапты")) == true)
        #expect(report.summary.actorChanges == 1)
        #expect(report.summary.stepsAdded == 0 && report.summary.stepsRemoved == 0)
    }

    @Test func participantsAreMatchedAcrossSpellings() throws {
        let old = ["көрсетілетін қызметті берушінің кеңсе қызметкері", "көрсетілетін қызметті берушінің басшысы",
                   "көрсетілетін қызметті берушінің жауапты маманы"]
        let new = ["Көрсетілетін қызметті берушінің басшысы", "көрсетілетін қызметті берушінің жауапты маманы"]
        let report = try diff(S.subsidySteps(), S.subsidySteps(), oldParticipants: old, newParticipants: new)
        #expect(report.regulations[0].participants.removed == ["көрсетілетін қызметті берушінің кеңсе қызметкері"])
        #expect(report.regulations[0].participants.added.isEmpty)
        #expect(report.regulations[0].participants.renamed.isEmpty)
        #expect(report.summary.participantsRemoved == 1)
        #expect(report.hasSubstantiveDifferences)
    }

    @Test func regulationsPairByServiceNameDespiteSpelling() throws {
        let respelled = "асыл тұқымды мал шаруашылығын дамытуды, мал шаруашылығының өнімділігін және өнім сапасын "
            + "арттыруды субсидиялау"
        let old = S.record("old", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps()),
                                                S.regulation(S.processingService, steps: [])])
        let new = S.record("new", regulations: [S.regulation(respelled, steps: S.subsidySteps())])
        let report = try RecordDiffer().diff(old: old, new: new)
        #expect(report.regulations.map(\.status) == [.paired, .removed])
        #expect(report.regulations[0].old?.index == 1)
        #expect(report.regulations[1].old?.index == 2)
        #expect(report.regulations[0].fields.map(\.field).contains("regulation.serviceName"))
        #expect(report.summary.regulationsRemoved == 1)
    }

    @Test func differentServicesDoNotPair() throws {
        let old = S.record("a", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps())])
        let new = S.record("b", regulations: [S.regulation(S.processingService, steps: S.subsidySteps())])
        let report = try RecordDiffer().diff(old: old, new: new)
        #expect(report.regulations.map(\.status) == [.added, .removed])
        #expect(report.summary.regulationsPaired == 0)
    }

    @Test func selectionPicksOneRegulationPerSide() throws {
        let record = S.record("act", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps()),
                                                   S.regulation(S.processingService, steps: [])])
        let byNumber = try RecordDiffer(selection: RegulationSelection(parsing: "2")).diff(old: record, new: record)
        #expect(byNumber.regulations.count == 1)
        #expect(byNumber.regulations[0].new?.serviceName == S.processingService)
        let byName = try RecordDiffer(selection: RegulationSelection(parsing: "асыл тұқымды"))
            .diff(old: record, new: record)
        #expect(byName.regulations.map { $0.new?.index } == [1])
        let crossed = try RecordDiffer(selection: RegulationSelection(parsing: "1:2")).diff(old: record, new: record)
        #expect(crossed.regulations.map(\.status) == [.added, .removed])
        #expect(throws: DiffError.self) {
            try RecordDiffer(selection: RegulationSelection(parsing: "3")).diff(old: record, new: record)
        }
        #expect(throws: DiffError.self) {
            try RecordDiffer(selection: RegulationSelection(parsing: "жер учаскелерін беру")).diff(old: record,
                                                                                                new: record)
        }
    }

    @Test func metadataChangesAreListed() throws {
        let old = S.record("old", adopted: ActReference(date: CalendarDate(year: 2019, month: 8, day: 29),
                                                        number: "А-9/406"), regulations: [])
        var new = S.record("new", adopted: ActReference(date: CalendarDate(year: 2019, month: 8, day: 29),
                                                        number: "А-9/407"), regulations: [])
        new.document.status = .repealed
        new.document.repealedBy = ActReference(date: CalendarDate(year: 2020, month: 3, day: 26), number: "А-4/156")
        let report = try RecordDiffer().diff(old: old, new: new)
        #expect(report.metadata.map(\.field) == ["document.adopted.number", "document.status",
                                                 "document.repealedBy.date", "document.repealedBy.number"])
        #expect(report.metadata[0] == FieldChange(field: "document.adopted.number", old: "А-9/406", new: "А-9/407"))
        #expect(report.summary.metadataChanges == 4)
    }

    @Test func renumberedChaptersAloneAreNotSubstantive() throws {
        let chapters = ["Жалпы ережелер",
                        "Мемлекеттік қызмет көрсету процесінде көрсетілетін қызметті берушінің әрекет ету тәртібін сипаттау",
                        "Ақпараттық жүйелерді пайдалану тәртібін сипаттау"]
        let old = S.record("old", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps(),
            chapters: chapters.enumerated().map { Chapter(number: $0.offset + 1, heading: $0.element, span: S.zero) })])
        let new = S.record("new", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps(),
            chapters: chapters.enumerated().map { Chapter(number: $0.offset + 2, heading: $0.element, span: S.zero) })])
        let report = try RecordDiffer().diff(old: old, new: new)
        #expect(report.regulations[0].chapters.count == 3)
        #expect(report.regulations[0].chapters.allSatisfy { $0.renumbered && $0.kind == .unchanged })
        #expect(report.summary.renumbered == 3)
        #expect(!report.hasSubstantiveDifferences)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

@Suite struct ActorKeyTests {
    typealias S = RecordSamples

    @Test func theSameActorKeyIsTheSameActorWhateverTheSpelling() throws {
        var oldSteps = S.subsidySteps(), newSteps = S.subsidySteps()
        oldSteps[1].actorKey = "басшы"
        newSteps[1].actorKey = "басшы"
        newSteps[1].actor = "көрсетілетін қызметті берушінің басшылығы"
        oldSteps[2].actorKey = "жауапты маман"
        newSteps[2].actorKey = "бас маман"
        let old = S.record("old", regulations: [S.regulation(S.subsidyService, steps: oldSteps)])
        let new = S.record("new", regulations: [S.regulation(S.subsidyService, steps: newSteps)])
        let report = try RecordDiffer().diff(old: old, new: new)
        #expect(report.regulations[0].steps[1].actor == nil)
        #expect(report.regulations[0].steps[2].actor != nil)
        #expect(report.summary.actorChanges == 1)
    }
}

@Suite struct PointDiffTests {
    typealias S = RecordSamples

    private func record(_ file: String, points: [(String, String)]) -> Record {
        var offset = 0
        let nodes = points.map { number, text in
            defer { offset += 100 }
            return StructureNode(kind: .point, number: number, text: text, span: SourceSpan(start: offset, end: offset + 90))
        }
        var regulation = S.regulation(S.subsidyService, steps: [])
        regulation.span = SourceSpan(start: 0, end: offset)
        var record = S.record(file, regulations: [regulation])
        record.structure = StructureNode(kind: .document, span: SourceSpan(start: 0, end: offset), children: nodes)
        return record
    }

    @Test func changedPointsGetAWordDiffAndUnchangedOnesAreLeftOut() throws {
        let old = record("old", points: [("1", "Мемлекеттік көрсетілетін қызмет нысаны: қағаз түрінде."),
                                         ("2", "Мемлекеттік қызмет көрсету нәтижесі – анықтама беру."),
                                         ("3", "Көрсетілетін қызметті алушының өтініші негіздеме болып табылады.")])
        let new = record("new", points: [("1", "Мемлекеттік көрсетілетін қызмет нысаны: электрондық және қағаз түрінде."),
                                         ("2", "Мемлекеттік қызмет көрсету нәтижесі – анықтама беру."),
                                         ("3", "Көрсетілетін қызметті алушының өтініші негіздеме болып табылады.")])
        let report = try RecordDiffer().diff(old: old, new: new)
        let points = report.regulations[0].points
        #expect(points.count == 1)
        #expect(points.first?.kind == .changed)
        #expect(points.first?.textDiff?.filter { $0.op != .equal } == [WordEdit(op: .insert, text: "электрондық және")])
        #expect(report.summary.pointsChanged == 1)
    }

    @Test func pointsStopWhereTheNumberingStartsAgain() throws {
        let text = [("1", "Жалпы ережелер туралы тармақ."), ("2", "Қызмет нысаны: қағаз түрінде."),
                    ("1", "Басқа регламенттің бірінші тармағы."), ("2", "Басқа регламенттің екінші тармағы.")]
        let old = record("old", points: Array(text.prefix(2)))
        let new = record("new", points: text)
        let report = try RecordDiffer().diff(old: old, new: new)
        #expect(report.regulations[0].points.isEmpty)
    }
}

@Suite struct ProcessDiffTests {
    typealias S = RecordSamples

    private func process(_ number: Int, _ kind: ServiceProcess.Kind, _ text: String,
                         _ durations: [(Double, Duration.Unit)] = []) -> ServiceProcess {
        ServiceProcess(kind: kind, number: number, label: "\(number)-\(kind == .process ? "процесс" : "шарт")",
                       actor: nil, actorKey: nil, text: text,
                       durations: durations.map { Duration(value: $0.0, unit: $0.1, text: "", span: S.zero) },
                       span: S.zero)
    }

    @Test func processesAreAlignedAndNamedByTheirLabels() throws {
        let oldProcesses = [
            process(1, .process, "көрсетілетін қызметті алушының порталда ЖСН/БСН және парольді енгізу процесі"),
            process(1, .condition, "порталда тіркелген көрсетілетін қызметті алушы туралы деректердің түпнұсқалығын тексеру"),
            process(2, .process, "көрсетілетін қызметті берушінің өтінімді өңдеуі", [(1, .workingDay)]),
        ]
        var newProcesses = oldProcesses
        newProcesses[2] = process(2, .process, "көрсетілетін қызметті берушінің өтінімді өңдеуі", [(2, .workingDay)])
        newProcesses.append(process(3, .process, "көрсетілетін қызметті алушының нәтижені жеке кабинетте алуы"))
        var oldRegulation = S.regulation(S.subsidyService, steps: S.subsidySteps())
        var newRegulation = oldRegulation
        oldRegulation.processes = oldProcesses
        newRegulation.processes = newProcesses
        let report = try RecordDiffer().diff(old: S.record("old", regulations: [oldRegulation]),
                                             new: S.record("new", regulations: [newRegulation]))
        let processes = report.regulations[0].processes
        #expect(processes.map(\.kind) == [.unchanged, .unchanged, .changed, .added])
        #expect(processes[2].duration?.description == "2-процесс: 1 жұмыс күні → 2 жұмыс күні")
        #expect(processes[3].new?.name == "3-процесс")
        #expect(report.summary.processesChanged == 2)
        #expect(report.summary.stepsChanged == 0)
        #expect(report.hasSubstantiveDifferences)
    }
}
