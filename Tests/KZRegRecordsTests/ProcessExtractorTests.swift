import KZRegStructure
import KZRegText
import Testing
@testable import KZRegRecords

@Suite struct ProcessExtractorTests {
    func processes(_ items: [String]) -> [String] {
        var b = TreeBuilder()
        let root = b.node(.approvedText, heading: "\"Сынақ\" мемлекеттік көрсетілетін қызмет регламенті", "") { b in [
            b.node(.point, "9", "9. Портал арқылы рәсімдердің (іс-қимылдардың) реттілігін сипаттау:") { b in
                items.enumerated().map { index, item in b.node(.subpoint, "\(index + 1)", "\(index + 1)) \(item)") }
            },
        ] }
        let extractor = ProcessExtractor(locator: SpanLocator(repair: RepairResult(text: b.source, edits: [])))
        return extractor.extract(RegulationScope(root)).map { "\($0.number)/\($0.kind.rawValue)/\($0.label)" }
    }

    @Test func numbersLostToLettersFollowTheirKindsOrder() {
        #expect(processes(["1-процесс — авторизация;", "1-шарт — тексеру;", "Э-процесс — өңдеу;", "З-шарт — тексеру;"])
                == ["1/process/1-процесс", "1/condition/1-шарт", "2/process/Э-процесс", "2/condition/З-шарт"])
    }

    @Test func aLabelLostAltogetherFillsAGapOfOne() {
        #expect(processes(["3-үдеріс — таңдау;", "күндерде — сауалды өңдеу;", "2-шарт — тексеру;", "5-үдеріс — алу."])
                == ["3/process/3-үдеріс", "4/process/күндерде", "2/condition/2-шарт", "5/process/5-үдеріс"])
    }

    @Test func anAmbiguousGapStaysOpen() {
        // Two label-shaped items for one missing number; and a gap of two.
        #expect(processes(["3-үдеріс — таңдау;", "күндерде — өңдеу;", "бірақ — тексеру;", "5-үдеріс — алу."])
                == ["3/process/3-үдеріс", "5/process/5-үдеріс"])
        #expect(processes(["1-үдеріс — таңдау;", "күндерде — өңдеу;", "4-үдеріс — алу."])
                == ["1/process/1-үдеріс", "4/process/4-үдеріс"])
    }

    @Test func aDefinedAbbreviationNamesTheProcessActor() {
        var b = TreeBuilder()
        let root = b.node(.approvedText, heading: "\"Сынақ\" мемлекеттік көрсетілетін қызмет регламенті", "") { b in [
            b.node(.point, "8", "8. ХҚКО арқылы рәсімдердің (іс-қимылдардың) реттілігін сипаттау:"),
            b.node(.paragraph, nil, "1-процесс – ХҚКО операторы өтінішті қабылдайды – 15 минут ішінде;"),
            b.node(.paragraph, nil, "2-процесс – ХҚКО жинақтау секторының қызметкері құжаттарды жолдайды;"),
            b.node(.paragraph, nil, "3-процесс – ХҚКО дайын құжатты көрсетілетін қызметті алушыға береді."),
        ] }
        let locator = SpanLocator(repair: RepairResult(text: b.source, edits: []))
        let plain = ProcessExtractor(locator: locator).extract(RegulationScope(root))
        #expect(plain.map(\.actor) == ["операторы", "секторының қызметкері", "көрсетілетін қызметті алушыға"])
        let found = ProcessExtractor(locator: locator, actors: ActorCanonicalizer(abbreviations: ["хқко"]))
            .extract(RegulationScope(root))
        #expect(found.map(\.actor) == ["ХҚКО операторы", "ХҚКО жинақтау секторының қызметкері", "ХҚКО"])
        #expect(found.map(\.actorKey) == ["хқко оператор", "хқко жинақтау сектор қызметкер", "хқко"])
    }
}
