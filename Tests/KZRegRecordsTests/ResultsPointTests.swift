import KZRegStructure
import KZRegText
import Testing
@testable import KZRegRecords

/// The steps' results given in a point of their own after the steps point (`ResultsPointReader`,
/// `StepResultMapper`), as the whole regulation extraction applies them.
@Suite struct ResultsPointTests {
    let stepsLead = "5. Мемлекеттік қызмет көрсету процесінің құрамына кіретін әрбір рәсімнің (іс-қимылдың) мазмұны, "
        + "оның орындалу ұзақтығы:"
    let resultsLead = "6. Келесі рәсімді (іс-қимылды) орындауды бастау үшін негіз болатын мемлекеттік қызмет көрсету "
        + "бойынша рәсімнің (іс-қимылдың) нәтижесі:"

    /// A regulation with the given steps (as "N)" sub-points of point 5) and results point (with its items as
    /// "N)" sub-points, or `bullet` items); the extracted steps and the source.
    func extract(steps: [String], resultsLead: String? = nil, results: [String] = [], bullet: Bool = false,
                 after: (inout TreeBuilder) -> [StructureNode] = { _ in [] }) -> ([Step], String) {
        var b = TreeBuilder()
        let root = b.node(.approvedText, heading: "\"Сынақ\" мемлекеттік көрсетілетін қызмет регламенті", "") { b in
            var nodes = [
                b.node(.point, "4", "4. Рәсімді бастауға көрсетілетін қызметті алушының өтініші негіздеме болып табылады."),
                b.node(.point, "5", stepsLead) { b in
                    steps.enumerated().map { index, step in b.node(.subpoint, "\(index + 1)", "\(index + 1)) \(step)") }
                },
            ]
            if let lead = resultsLead ?? (results.isEmpty ? nil : self.resultsLead) {
                nodes.append(b.node(.point, "6", lead) { b in
                    results.enumerated().map { index, result in
                        bullet ? b.node(.bulletItem, nil, "- \(result)")
                            : b.node(.subpoint, "\(index + 1)", "\(index + 1)) \(result)")
                    }
                })
            }
            return nodes + after(&b)
        }
        let locator = SpanLocator(repair: RepairResult(text: b.source, edits: []))
        let regulation = RegulationExtractor(locator: locator).extract(root, annex: nil, ownAnnexes: [])
        return (regulation.steps, b.source)
    }

    let threeSteps = [
        "кеңсе қызметкері өтінішті 15 минут ішінде тіркейді;",
        "басшы 1 сағат ішінде жауапты орындаушыны анықтайды;",
        "жауапты орындаушы 3 жұмыс күні ішінде жауаптың жобасын дайындайды.",
    ]

    @Test(arguments: [
        "6. Келесі рәсімді (іс-қимылды) орындауды бастау үшін негіз болатын мемлекеттік қызмет көрсету бойынша рәсімнің (іс-қимылдың) нәтижесі:",
        "6. Мемлекеттік қызмет көрсету бойынша рәсімдердің (іс-қимылдардың) нәтижелері келесі рәсімді (іс-қимылды) орындауды бастау үшін негіз болады:",
        "6. Көрсетілген рәсімдер бойынша (іс-қимыл) нәтижесі:",
        "6. Келесі рәсімнің (іс-қимылдың) орындалуына негіз болатын мемлекеттік қызметті көрсету бойынша рәсімнің (іс-қимылдың) нәтижесі:",
    ])
    func leadIns(_ text: String) {
        #expect(ResultsPointReader.isResultsLeadIn(text))
    }

    @Test(arguments: [
        "5. Мемлекеттік қызмет көрсету процесінің құрамына кіретін әрбір рәсімнің (іс-қимылдың) мазмұны, оның орындалу ұзақтығы:",
        "7. Әрбір рәсімнің (іс-қимылдың) ұзақтығын көрсете отырып, құрылымдық бөлімшелер (қызметкерлер) арасындағы рәсімдердің (іс-қимылдардың) реттілігін сипаттау:",
        "3. Мемлекеттік қызмет көрсету нәтижесі – анықтама.",
        "4. Мемлекеттік қызмет көрсету бойынша рәсімді (іс-қимылды) бастауға өтініш негіздеме болып табылады.",
        "9. Мемлекеттік қызмет көрсету нәтижесін беру тәртібі:",
    ])
    func notLeadIns(_ text: String) {
        #expect(!ResultsPointReader.isResultsLeadIn(text))
    }

    @Test func resultsGoToTheStepsByOrderWithSpans() {
        let (steps, source) = extract(steps: threeSteps, results: ["өтінішті тіркеу;", "басшының бұрыштамасы;", "жауап жобасы."])
        #expect(steps.map(\.result) == ["өтінішті тіркеу", "басшының бұрыштамасы", "жауап жобасы"])
        #expect(steps.map { $0.resultSpan?.text(in: source) } == ["өтінішті тіркеу", "басшының бұрыштамасы", "жауап жобасы"])
    }

    @Test func bulletsCountAsItems() {
        let (steps, source) = extract(steps: threeSteps, results: ["өтінішті тіркеу;", "бұрыштама;", "жауап жобасы."],
                                      bullet: true)
        #expect(steps.map(\.result) == ["өтінішті тіркеу", "бұрыштама", "жауап жобасы"])
        #expect(steps[1].resultSpan?.text(in: source) == "бұрыштама")
    }

    @Test func aParagraphAmongTheItemsIsNoItem() {
        var b = TreeBuilder()
        let lead = b.node(.point, "6", resultsLead) { b in [
            b.node(.subpoint, "1", "1) өтінішті тіркеу;"),
            b.node(.paragraph, nil, "Құжаттар толық болмаған жағдайда – бас тарту туралы хат;"),
            b.node(.subpoint, "2", "2) жауап жобасы."),
        ] }
        let reader = ResultsPointReader(locator: SpanLocator(repair: RepairResult(text: b.source, edits: [])))
        #expect(reader.items(of: lead).map(\.text) == ["өтінішті тіркеу", "жауап жобасы"])
    }

    @Test func countsThatDisagreeLeaveTheResultsEmpty() {
        let (fewer, _) = extract(steps: threeSteps, results: ["өтінішті тіркеу;", "жауап жобасы."])
        #expect(fewer.map(\.result) == [nil, nil, nil])
        #expect(fewer.map(\.resultSpan) == [nil, nil, nil])
        let (more, _) = extract(steps: threeSteps, results: ["тіркеу;", "бұрыштама;", "жоба;", "жауап."])
        #expect(more.map(\.result) == [nil, nil, nil])
    }

    @Test func aStepsOwnResultWins() {
        var steps = threeSteps
        steps[1] = "басшы 1 сағат ішінде жауапты орындаушыны анықтайды. Нәтижесі – бұрыштама қойылған өтініш;"
        let (found, source) = extract(steps: steps, results: ["өтінішті тіркеу;", "басшының бұрыштамасы;", "жауап жобасы."])
        #expect(found.map(\.result) == ["өтінішті тіркеу", "бұрыштама қойылған өтініш", "жауап жобасы"])
        #expect(found[1].resultSpan?.text(in: source) == "бұрыштама қойылған өтініш")
    }

    @Test func itemsNamingTheirStepGoToThatStep() {
        let (steps, source) = extract(steps: threeSteps, results: ["1-рәсім – тіркелген өтініш;", "3-рәсімнің нәтижесі – жауап жобасы."])
        #expect(steps.map(\.result) == ["тіркелген өтініш", nil, "жауап жобасы"])
        #expect(steps[2].resultSpan?.text(in: source) == "жауап жобасы")
        // A label naming no step, or labelled and unlabelled items mixed: ambiguous.
        let (unknown, _) = extract(steps: threeSteps, results: ["1-рәсім – тіркеу;", "7-рәсім – жоба."])
        #expect(unknown.map(\.result) == [nil, nil, nil])
        let (mixed, _) = extract(steps: threeSteps, results: ["1-рәсім – тіркеу;", "бұрыштама;", "жоба."])
        #expect(mixed.map(\.result) == [nil, nil, nil])
    }

    @Test func inlineItemsAfterTheColon() {
        let lead = resultsLead + " 1) өтінішті тіркеу; 2) басшының бұрыштамасы; 3) жауап жобасы."
        let (steps, source) = extract(steps: threeSteps, resultsLead: lead)
        #expect(steps.map(\.result) == ["өтінішті тіркеу", "басшының бұрыштамасы", "жауап жобасы"])
        #expect(steps[1].resultSpan?.text(in: source) == "басшының бұрыштамасы")
    }

    @Test func aListThatIsNoResultsPointGivesNothing() {
        // The participants and interaction points after the steps list as many items as there are steps.
        let (steps, _) = extract(steps: threeSteps) { b in [
            b.node(.point, "6", "6. Мемлекеттік қызмет көрсету процесіне қатысатын қызметкерлердің тізбесі:") { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері;"),
                b.node(.subpoint, "2", "2) басшы;"),
                b.node(.subpoint, "3", "3) жауапты орындаушы."),
            ] },
            b.node(.point, "7", "7. Әрбір рәсімнің (іс-қимылдың) ұзақтығын көрсете отырып, рәсімдердің (іс-қимылдардың) реттілігін сипаттау:") { b in [
                b.node(.subpoint, "1", "1) кеңсе қызметкері – 15 минут;"),
                b.node(.subpoint, "2", "2) басшы – 1 сағат;"),
                b.node(.subpoint, "3", "3) жауапты орындаушы – 3 жұмыс күні."),
            ] },
        ] }
        #expect(steps.map(\.result) == [nil, nil, nil])
    }

    @Test func aResultsPointInAnotherChapterIsNotRead() {
        let (steps, _) = extract(steps: threeSteps) { b in [
            b.node(.chapter, "3", heading: "3. Өзара іс-қимыл тәртібін сипаттау", "") { b in [
                b.node(.point, "8", "8. Келесі рәсімді (іс-қимылды) орындауды бастау үшін негіз болатын рәсімнің (іс-қимылдың) нәтижесі:") { b in [
                    b.node(.subpoint, "1", "1) тіркеу;"),
                    b.node(.subpoint, "2", "2) бұрыштама;"),
                    b.node(.subpoint, "3", "3) жоба."),
                ] },
            ] },
        ] }
        #expect(steps.map(\.result) == [nil, nil, nil])
    }

    @Test func listLabels() {
        #expect("1) тіркеу".utf8Slice(ResultsPointReader.afterListLabel("1) тіркеу"), 99) == "тіркеу")
        #expect("- тіркеу".utf8Slice(ResultsPointReader.afterListLabel("- тіркеу"), 99) == "тіркеу")
        #expect("2. тіркеу".utf8Slice(ResultsPointReader.afterListLabel("2. тіркеу"), 99) == "тіркеу")
        #expect(ResultsPointReader.afterListLabel("1-рәсім – тіркеу") == 0)
        #expect(ResultsPointReader.afterListLabel("тіркеу") == 0)
    }

    @Test func stepLabels() {
        #expect(ResultsPointReader.stepLabel("2-рәсім – бұрыштама")?.number == 2)
        #expect(ResultsPointReader.stepLabel("3-рәсімнің нәтижесі: жоба")?.number == 3)
        #expect(ResultsPointReader.stepLabel("1-іс-қимыл бойынша – тіркеу")?.number == 1)
        #expect(ResultsPointReader.stepLabel("өтінішті тіркеу") == nil)
        #expect(ResultsPointReader.stepLabel("2-тармақта көрсетілген құжаттар") == nil)
    }
}
