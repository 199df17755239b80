import Foundation
import KZRegStructure
import KZRegText
import Testing
@testable import KZRegRecords

@Suite struct StepExtractorTests {
    func regulation(_ build: (inout TreeBuilder) -> [StructureNode]) -> (StructureNode, String) {
        var builder = TreeBuilder()
        let root = builder.node(.approvedText, heading: "\"Сынақ\" мемлекеттік көрсетілетін қызмет регламенті",
                                "", build)
        return (root, builder.source)
    }

    let lead = "5. Мемлекеттік қызмет көрсету процесінің құрамына кіретін әрбір рәсімнің (іс-қимылдың) мазмұны, "
        + "оның орындалу ұзақтығы:"

    func steps(_ root: StructureNode, _ source: String) -> (String?, [Step]) {
        StepExtractor(locator: SpanLocator(repair: RepairResult(text: source, edits: []))).extract(RegulationScope(root))
    }

    @Test func subpointChildrenWithAContinuationParagraph() {
        let (root, source) = regulation { b in [
            b.node(.point, "4", "4. Рәсімді бастауға өтініш негіздеме болады."),
            b.node(.point, "5", lead) { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері құжаттарды 10 минут ішінде тіркейді;"),
                b.node(.subpoint, "2", "2) жауапты орындаушы 3 жұмыс күні ішінде құжаттарды қарайды;"),
                b.node(.paragraph, nil, "Құжаттар толық болмаған жағдайда бір жұмыс күні ішінде бас тартады."),
                b.node(.subpoint, "3", "3) басшы сол жұмыс күні ішінде қол қояды. Нәтижесі – қол қойылған жауап."),
            ] },
            b.node(.point, "6", "6. Әрбір рәсімнің (іс-қимылдың) ұзақтығын көрсете отырып, рәсімдердің реттілігін сипаттау:") { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері – 15 минут;"),
            ] },
        ] }
        let (point, found) = steps(root, source)
        #expect(point == "5")
        #expect(found.map(\.number) == [1, 2, 3])
        #expect(found.map(\.actorKey) == ["кеңсе қызметкер", "жауапты орындаушы", "басшы"])
        #expect(found[1].durations.map(\.value) == [3, 1])
        #expect(found[1].text.contains("бас тартады"))
        #expect(found[2].result == "қол қойылған жауап")
        #expect(found[2].durations.first?.qualifier == .sameDay)
        // Spans point at the words in the source.
        #expect(found[0].durations[0].span.text(in: source) == "10 минут ішінде")
        #expect(found[0].actorSpan?.text(in: source) == "кеңсе қызметкері")
        #expect(found[2].resultSpan?.text(in: source) == "қол қойылған жауап")
        #expect(found[1].span.text(in: source).hasSuffix("бас тартады."))
    }

    @Test func stepsNumberedAsPointsAfterTheLeadIn() {
        let (root, source) = regulation { b in [
            b.node(.point, "5", lead),
            b.node(.point, "1", "1. кеңсе қызметкері өтінішті 15 (он бес) минут ішінде тіркейді;"),
            b.node(.point, "2", "2. басшысы 1 (бір) сағат ішінде орындаушыны анықтайды."),
            b.node(.point, "6", "6. Мемлекеттік қызмет көрсету процесіне қатысатын қызметкерлердің тізбесі:") { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері;"),
                b.node(.subpoint, "2", "2) басшы."),
            ] },
        ] }
        let (point, found) = steps(root, source)
        #expect(point == "5")
        #expect(found.map(\.number) == [1, 2])
        #expect(found.map(\.actorKey) == ["кеңсе қызметкер", "басшы"])
        #expect(found.map { $0.durations.map(\.unit) } == [[.minute], [.hour]])
    }

    @Test func stepsWrittenInsideTheLeadInParagraph() {
        let (root, source) = regulation { b in [
            b.node(.point, "5", lead + " 1) кеңсе қызметкері 20 минут ішінде тіркейді; 2) басшы 2 сағат ішінде қарайды; "
                   + "3) жауапты маман 5 жұмыс күні ішінде жауап дайындайды."),
        ] }
        let (_, found) = steps(root, source)
        #expect(found.map(\.number) == [1, 2, 3])
        #expect(found.map(\.actorKey) == ["кеңсе қызметкер", "басшы", "жауапты маман"])
        #expect(found[2].durations.first?.span.text(in: source) == "5 жұмыс күні ішінде")
        #expect(found[0].text == "кеңсе қызметкері 20 минут ішінде тіркейді;")
        #expect(found[0].span.text(in: source) == "1) кеңсе қызметкері 20 минут ішінде тіркейді;")
    }

    @Test func unnumberedParagraphsAreSteps() {
        let (root, source) = regulation { b in [
            b.node(.point, "2", lead) { b in [
                b.node(.paragraph, nil, "кеңсе қызметкері өтінішті тіркейді – 30 минут;"),
                b.node(.paragraph, nil, "басшылығы құжаттармен танысады – 2 сағат."),
            ] },
        ] }
        let (_, found) = steps(root, source)
        #expect(found.map(\.number) == [1, 2])
        #expect(found.map(\.actorKey) == ["кеңсе қызметкер", "басшылық"])
    }

    @Test func paragraphsLabelledAsProcedures() {
        let (root, source) = regulation { b in [
            b.node(.point, "2", lead) { b in [
                b.node(.paragraph, nil, "1-рәсім: көрсетілетін қызметті берушінің кеңсе қызметкері өтінішті 30 минут ішінде тіркейді;"),
                b.node(.paragraph, nil, "2-рәсім: көрсетілетін қызметті берушінің басшысы 1 сағат ішінде қарайды."),
            ] },
        ] }
        let (_, found) = steps(root, source)
        #expect(found.map(\.number) == [1, 2])
        #expect(found.map(\.actorKey) == ["кеңсе қызметкер", "басшы"])
        #expect(found.map { $0.durations.map(\.unit) } == [[.minute], [.hour]])
    }

    @Test func labelledParagraphsWithTheirResultsOnLinesOfTheirOwn() {
        let (root, source) = regulation { b in [
            b.node(.point, "5", lead) { b in [
                b.node(.paragraph, nil, "1-рәсім – мәдени мұра бөлімінің басшысы жауапты маманды анықтайды – сол күні;"),
                b.node(.paragraph, nil, "нәтижесі: жауапты маманға жолданған құжаттар;"),
                b.node(.paragraph, nil, "2-рәсім – бөлімнің жауапты маманы жобаны 8 (сегіз) жұмыс күні ішінде дайындайды;"),
                b.node(.paragraph, nil, "Рәсімнің нәтижесі – рұқсаттың жобасы."),
                b.node(.paragraph, nil, "Құжаттар толық болмаған жағдайда 2 жұмыс күні ішінде бас тартады."),
            ] },
        ] }
        let (_, found) = steps(root, source)
        #expect(found.map(\.number) == [1, 2])
        #expect(found.map(\.actor) == ["мәдени мұра бөлімінің басшысы", "бөлімнің жауапты маманы"])
        #expect(found.map(\.result) == ["жауапты маманға жолданған құжаттар", "рұқсаттың жобасы"])
        // The unlabelled paragraph continues the labelled step before it.
        #expect(found[1].durations.map(\.value) == [8, 2])
        // The label is no part of the action text.
        #expect(found[0].text.hasPrefix("мәдени мұра бөлімінің басшысы"))
        #expect(found[0].actorSpan?.text(in: source) == "мәдени мұра бөлімінің басшысы")
    }

    @Test func aResultLineContinuesAnUnlabelledParagraphStep() {
        let (root, source) = regulation { b in [
            b.node(.point, "2", lead) { b in [
                b.node(.paragraph, nil, "кеңсе қызметкері өтінішті тіркейді – 30 минут;"),
                b.node(.paragraph, nil, "Нәтижесі: тіркелген өтініш;"),
                b.node(.paragraph, nil, "басшылығы құжаттармен танысады – 2 сағат."),
            ] },
        ] }
        let (_, found) = steps(root, source)
        #expect(found.map(\.number) == [1, 2])
        #expect(found.map(\.result) == ["тіркелген өтініш", nil])
    }

    @Test(arguments: [("1-рәсім – басшы қол қояды", 1), ("2-іс-қимыл: басшы", 2), ("3-қадам басшы", 3),
                      ("1-рәсімнің нәтижесі: жоба", nil), ("1-тармақта көрсетілген", nil)])
    func procedureLabels(_ text: String, _ number: Int?) {
        #expect(ProcedureLabel.read(text)?.number == number)
    }

    @Test func aCrossReferenceToTheStepsPointIsNotTheStepsPoint() {
        let (root, source) = regulation { b in [
            b.node(.point, "3", "3. Әрбір рәсімнің (іс-қимылдың) мазмұны мен ұзақтығы осы регламенттің 5-тармағында көрсетілген."),
            b.node(.point, "5", lead) { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері құжаттарды 10 минут ішінде тіркейді;"),
            ] },
        ] }
        let (point, found) = steps(root, source)
        #expect(point == "5")
        #expect(found.count == 1)
    }

    @Test func noStepsPointGivesNoSteps() {
        let (root, source) = regulation { b in [
            b.node(.point, "1", "1. Әлеуметтік көмек бір жыл ішінде бір рет көрсетіледі."),
            b.node(.point, "2", "2. Әрбір рәсімнің ұзақтығы осы регламенттің 1-тармағында көрсетілген.") { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері – 15 минут;"),
            ] },
        ] }
        let (point, found) = steps(root, source)
        #expect(point == nil)
        #expect(found.isEmpty)
    }

    @Test func leadInSurvivesLostDiacritics() {
        #expect(StepExtractor.isStepsLeadIn("5. процесінің курамына кіретін әрбір рәсімнің (іс-кимылдың) мазмүны, оның орындалу узақтығы:"))
        #expect(!StepExtractor.isStepsLeadIn("7. Әрбір рәсімнің (іс-қимылдың) ұзақтығын көрсете отырып, реттілігін сипаттау:"))
    }
}

@Suite struct RegulationKindTests {
    @Test(arguments: [
        ("\"Оралман мәртебесін беру\" мемлекеттік көрсетілетін қызметінің регламенті", Regulation.Kind.regulation),
        ("Әлеуметтік көмек көрсетудің қағидалары", .rules),
        ("Цифрлық майнингке арналған кешенді есепке алу және тізілімін жүргізу ҚАҒИДАЛАРЫ", .rules),
        ("Мемлекеттік қызмет стандарты", .other),
    ])
    func kinds(_ title: String, _ kind: Regulation.Kind) {
        #expect(RegulationExtractor.kind(of: title) == kind)
    }
}

@Suite struct ExtractionEvaluatorTests {
    func regulation(annex: Int?, steps: [(Int, String, [Duration])]) -> Regulation {
        var regulation = Regulation(kind: .regulation, annex: annex, title: "", span: SourceSpan(start: 0, end: 1))
        regulation.steps = steps.map { number, actor, durations in
            var step = Step(number: number, actor: actor, text: "", durations: durations, result: nil,
                            span: SourceSpan(start: 0, end: 1))
            step.actorKey = ActorCanonicalizer().key(for: actor)
            return step
        }
        return regulation
    }

    func minutes(_ value: Double) -> Duration {
        Duration(value: value, unit: .minute, qualifier: .within, text: "", span: SourceSpan(start: 0, end: 1))
    }

    let golden = """
        {"input": "x", "regulations": [
          {"annex": 1, "steps": [
            {"number": 1, "actor": "көрсетілетін қызметті берушінің кеңсе қызметкері",
             "durations": [{"value": 10, "unit": "minute", "qualifier": "within"}]},
            {"number": 2, "actor": "басшысы", "durations": [{"value": 30, "unit": "minute", "qualifier": "within"}]}]},
          {"annex": 2, "steps": [{"number": 1, "actor": "маман", "durations": []}]}]}
        """

    @Test func stepsCountWhenActorKeyAndAllDurationsAreRight() throws {
        let expected = try JSONDecoder().decode(ExpectedRecord.self, from: Data(golden.utf8))
        let extracted = [
            regulation(annex: 1, steps: [(1, "кеңсе қызметкері", [minutes(10)]), (2, "басшы", [minutes(20)]),
                                         (3, "басшы", [])]),
            regulation(annex: 2, steps: [(1, "маманы", [])]),
        ]
        let score = ExtractionEvaluator().score(extracted, against: expected)
        #expect(score.expectedSteps == 3)
        #expect(score.extractedSteps == 4)
        #expect(score.correctSteps == 2)        // step 2 has the wrong duration; step 3 is extra
        #expect(score.precision == 0.5)
        #expect(score.recall == 2.0 / 3.0)
    }

    @Test func regulationsPairByAnnexNumber() throws {
        let expected = try JSONDecoder().decode(ExpectedRecord.self, from: Data(golden.utf8))
        // Only the second annex's regulation was found: it is scored against the second golden regulation.
        let score = ExtractionEvaluator().score([regulation(annex: 2, steps: [(1, "маман", [])])], against: expected)
        #expect(score.correctSteps == 1)
        #expect(score.mismatches.contains("regulation 1: missing"))
    }
}
