import Foundation
import KZRegStructure
import KZRegText
import Testing
@testable import KZRegRecords

@Suite struct ServiceInfoTests {
    @Test func quotedServiceNameBeforeTheServiceWords() {
        let title = "\"Оралман мәртебесін беру\" мемлекеттік көрсетілетін қызметінің регламенті"
        #expect(ServiceInfoExtractor.quotedServiceName(in: title, titleIsName: true)?.text == "Оралман мәртебесін беру")
        let nested = "«Жер учаскесіне «Б» санатын беру» мемлекеттік көрсетілетін қызмет регламенті"
        #expect(ServiceInfoExtractor.quotedServiceName(in: nested, titleIsName: true)?.text == "Жер учаскесіне «Б» санатын беру")
        // A law's name ("... қызметтер туралы") and a corporation's name are not service names.
        #expect(ServiceInfoExtractor.quotedServiceName(
            in: "1. Осы \"Азаматтарға арналған үкімет\" мемлекеттік корпорациясының қызметі қағидалары "
                + "\"Мемлекеттік көрсетілетін қызметтер туралы\" Заңға сәйкес әзірленді.", titleIsName: false) == nil)
        let point = "1. Осы Қағидалар \"Қазақстан Республикасындағы цифрлық активтер туралы\" Заңға сәйкес әзірленді және "
            + "\"Тізілімге қосу (алып тастау)\" мемлекеттік қызметін көрсету тәртібін айқындайды."
        #expect(ServiceInfoExtractor.quotedServiceName(in: point, titleIsName: false)?.text == "Тізілімге қосу (алып тастау)")
    }

    @Test(arguments: [
        ("1. \"Оралман мәртебесін беру\" мемлекеттік көрсетілетін қызметі (бұдан әрі – Мемлекеттік көрсетілетін қызмет) "
            + "\"Шымкент қаласының еңбек инспекциясы және көші-қон басқармасы\" мемлекеттік мекемесімен (бұдан әрі – "
            + "көрсетілетін қызметті беруші) көрсетіледі.",
         "\"Шымкент қаласының еңбек инспекциясы және көші-қон басқармасы\" мемлекеттік мекемесі"),
        ("1. \"Субсидиялау\" мемлекеттік көрсетілетін қызметті облыстың ауыл шаруашылығы басқармасы (бұдан әрі – "
            + "көрсетілетін қызметті беруші) көрсетеді.", "облыстың ауыл шаруашылығы басқармасы"),
        ("2) цифрлық активтер саласындағы уәкілетті орган (бұдан әрі — көрсетілетін қызметті беруші) — орталық орган;",
         "цифрлық активтер саласындағы уәкілетті орган"),
        ("1. Мемлекеттік көрсетілетін қызмет (бұдан әрі – мемлекеттік қызмет) облыстың жергілікті атқарушы органымен "
            + "(бұдан әрі – көрсетілетін қызметті беруші) көрсетіледі.", "облыстың жергілікті атқарушы органы"),
    ])
    func provider(_ text: String, _ provider: String) {
        let found = ServiceInfoExtractor.provider(in: text)
        #expect(found?.text == provider)
    }

    @Test func noProviderWithoutTheParenthetical() {
        #expect(ServiceInfoExtractor.provider(in: "1. Мемлекеттік корпорация құжаттарды қабылдайды.") == nil)
    }
}

@Suite struct ReferenceExtractorTests {
    let extractor = ReferenceExtractor()

    @Test func orderWithRegistration() {
        let text = "Қазақстан Республикасы Ауыл шаруашылығы министрінің 2015 жылғы 28 сәуірдегі № 3-2/378 бұйрығымен "
            + "бекітілген (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 11284 болып тіркелген) стандарт"
        let found = extractor.references(in: text)
        #expect(found.count == 1)
        #expect(found.first?.citation.actType == "бұйрық")
        #expect(found.first?.citation.date == CalendarDate(year: 2015, month: 4, day: 28))
        #expect(found.first?.citation.number == "3-2/378")
        #expect(found.first?.citation.registration == "11284")
        if let first = found.first {
            #expect(text.utf8Slice(first.start, first.end).hasPrefix("2015 жылғы 28 сәуірдегі № 3-2/378 бұйрығымен"))
            #expect(text.utf8Slice(first.start, first.end).hasSuffix("болып тіркелген"))
        }
    }

    @Test func lawWithoutNumberAndResolutionWithNumericDate() {
        let found = extractor.references(in: "Қазақстан Республикасының 2013 жылғы 15 сәуірдегі Заңының 16-бабына және "
            + "әкімдігінің 23.12.2020 № 810 қаулысымен")
        #expect(found.map(\.citation.actType) == ["заң", "қаулы"])
        #expect(found.map(\.citation.number) == [nil, "810"])
        #expect(found.map(\.citation.date) == [CalendarDate(year: 2013, month: 4, day: 15),
                                               CalendarDate(year: 2020, month: 12, day: 23)])
    }

    @Test func registrationAfterTheQuotedNameOfWhatTheOrderApproved() {
        let text = "Министрдің 2015 жылғы 6 мамырдағы № 3-3/407 бұйрығымен бекітілген \"Жеке қосалқы шаруашылықтың бар "
            + "екендігі туралы анықтама беру\" мемлекеттік көрсетілетін қызмет стандартына (Нормативтік құқықтық "
            + "актілерді мемлекеттік тіркеу тізілімінде № 11487 болып тіркелген) сәйкес нысан бойынша анықтама"
        let found = extractor.references(in: text)
        #expect(found.count == 1)
        #expect(found.first?.citation.number == "3-3/407")
        #expect(found.first?.citation.registration == "11487")
    }

    @Test func registrationInTheNextSentenceIsItsOwnReference() {
        let text = "Министрдің 2015 жылғы 6 мамырдағы № 407 бұйрығымен бекітілген. Стандарт (Нормативтік құқықтық "
            + "актілерді мемлекеттік тіркеу тізілімінде № 11487 болып тіркелген) қолданылады"
        let found = extractor.references(in: text)
        #expect(found.map(\.citation.number) == ["407", nil])
        #expect(found.map(\.citation.registration) == [nil, "11487"])
    }

    @Test func bareMentionsAreNotReferences() {
        #expect(extractor.references(in: "осы қаулыға 1-қосымшаға сәйкес заңнамада белгіленген тәртіппен").isEmpty)
    }
}

@Suite struct AnnexLayoutTests {
    @Test func actAnnexesAndTheApprovedTextsTheyHold() {
        var b = TreeBuilder()
        let root = b.node(.document) { b in [
            b.node(.body, nil, "1. Регламенттер бекітілсін."),
            b.node(.annex, "1") { b in [
                b.node(.caption, nil, "Шымкент қаласы әкімдігінің 2018 жылғы 29 желтоқсандағы № 389 қаулысына 1 қосымша"),
                b.node(.approvedText, heading: "\"Бір\" мемлекеттік көрсетілетін қызметінің регламенті") { b in [
                    b.node(.annex) { b in [
                        b.node(.caption, nil, "\"Бір\" мемлекеттік көрсетілетін қызметінің регламентіне қосымша"),
                    ] },
                ] },
            ] },
            b.node(.annex, nil) { b in [
                b.node(.caption, nil, "Шымкент қаласы әкімдігінің № 389 қаулысына 2-қосымша"),
                b.node(.approvedText, heading: "Әлеуметтік көмек көрсетудің қағидалары"),
            ] },
            // A regulation's annex the segmenter left at the top level.
            b.node(.annex, nil) { b in [
                b.node(.caption, nil, "\"Қағидалар\" қағидаларына 2-қосымша"),
            ] },
            b.node(.annex, nil) { b in [
                b.node(.caption, nil, "Шымкент қаласы әкімдігінің № 389 қаулысына қосымша"),
            ] },
        ] }
        let layout = AnnexLayout(root)
        #expect(layout.actAnnexes.map(\.number) == [1, 2, nil])
        #expect(layout.actAnnexes[0].title == "\"Бір\" мемлекеттік көрсетілетін қызметінің регламенті")
        #expect(layout.approvedTexts.map(\.annex) == [1, 2])
        #expect(layout.approvedTexts.map(\.ownAnnexes.count) == [1, 1])
        #expect(layout.approvedTexts[1].ownAnnexes.first?.number == 2)
    }

    @Test(arguments: [("1-қосымша", 1), ("... қаулысына 2 қосымша", 2), ("регламентіне 3- қосымша", 3)])
    func captionNumbers(_ caption: String, _ number: Int) {
        #expect(AnnexLayout.number(inCaption: caption) == number)
    }

    @Test func bareAnnexHasNoNumber() {
        #expect(AnnexLayout.number(inCaption: "№ 389 қаулысына қосымша") == nil)
    }

    func annex(_ number: Int?) -> AnnexInfo {
        AnnexInfo(number: number, label: "", title: "", span: SourceSpan(start: 0, end: 0))
    }

    @Test func aDigitLostToOCRIsInferredOnlyFromAnUnambiguousSequence() {
        // "|-қосымша" repaired to "қосымша" before "2-қосымша".
        #expect(AnnexLayout.inferringLostNumbers([annex(nil), annex(2)]).map(\.number) == [1, 2])
        #expect(AnnexLayout.inferringLostNumbers([annex(1), annex(nil), annex(3)]).map(\.number) == [1, 2, 3])
        // A lone unnumbered annex, two unnumbered ones, or numbers out of step: left alone.
        #expect(AnnexLayout.inferringLostNumbers([annex(nil)]).map(\.number) == [nil])
        #expect(AnnexLayout.inferringLostNumbers([annex(1), annex(2), annex(nil)]).map(\.number) == [1, 2, nil])
        #expect(AnnexLayout.inferringLostNumbers([annex(nil), annex(nil), annex(3)]).map(\.number) == [nil, nil, 3])
        #expect(AnnexLayout.inferringLostNumbers([annex(nil), annex(5)]).map(\.number) == [nil, 5])
    }
}

@Suite struct RecordShapeTests {
    @Test func absentOptionalsAreWrittenAsNull() throws {
        var regulation = Regulation(kind: .rules, annex: nil, title: "Қағидалар", span: SourceSpan(start: 0, end: 1))
        regulation.steps = [Step(number: 1, actor: nil, text: "мәтін", durations: [], result: nil,
                                 span: SourceSpan(start: 0, end: 1))]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(regulation)) as! [String: Any]
        for key in ["annex", "serviceName", "serviceNameSpan", "provider", "providerSpan", "forms", "result", "basis",
                    "stepsPoint"] {
            #expect(object[key] is NSNull, "\(key)")
        }
        for key in ["chapters", "participants", "participantActors", "steps", "processes", "durations", "references",
                    "annexes"] {
            #expect(object[key] is [Any], "\(key)")
        }
        let step = (object["steps"] as! [[String: Any]])[0]
        for key in ["actor", "actorKey", "actorSpan", "result", "resultSpan"] { #expect(step[key] is NSNull, "\(key)") }
        let duration = try JSONSerialization.jsonObject(with: encoder.encode(
            Duration(value: 1, unit: .hour, text: "1 сағат", span: SourceSpan(start: 0, end: 1)))) as! [String: Any]
        #expect(duration["qualifier"] is NSNull)
        #expect(duration["maxValue"] is NSNull)
        // And it reads back.
        let decoded = try JSONDecoder().decode(Regulation.self, from: encoder.encode(regulation))
        #expect(decoded == regulation)
    }
}

@Suite struct OddInputTests {
    @Test(arguments: [
        "",
        "5. мазмұны ұзақтығы рәсім:",
        "5. Әрбір рәсімнің (іс-қимылдың) мазмұны, оның орындалу ұзақтығы: 1)",
        String(repeating: "1) 2) 3) ( ) « » — ; ", count: 200),
        "\"\"\"\" мемлекеттік көрсетілетін қызмет (бұдан әрі – көрсетілетін қызметті беруші)",
        "99999999999999999999999-процесс — 1 (бір) сағат ішінде 1-шарт —",
        String(repeating: "ә", count: 10_000),
    ])
    func extractionNeverCrashesAndStaysInsideTheInput(_ text: String) {
        var builder = TreeBuilder()
        let root = builder.node(.document) { b in [
            b.node(.approvedText, heading: text) { b in [
                b.node(.point, "5", text) { b in [b.node(.subpoint, "1", text), b.node(.paragraph, nil, text)] },
                b.node(.point, "99999999999999999999", text),
            ] },
        ] }
        let document = SegmentedDocument(root: root, metadata: ActMetadata())
        let source = SourceInfo(file: "odd.txt", sha256: "", byteCount: builder.source.utf8.count, encoding: "UTF-8",
                                transcoded: false)
        let record = RecordBuilder().build(document: document, source: source,
                                           repair: RepairSummary(method: "nfc", changedTokens: 0, uncertain: []),
                                           repaired: RepairResult(text: builder.source, edits: []))
        #expect(record.regulations.count == 1)
        let length = builder.source.utf8.count
        for regulation in record.regulations {
            for span in regulation.steps.flatMap({ [$0.span] + $0.durations.map(\.span) })
                + regulation.durations.map(\.duration.span) + regulation.processes.map(\.span) {
                #expect(span.start >= 0 && span.start <= span.end && span.end <= length)
            }
        }
    }
}
