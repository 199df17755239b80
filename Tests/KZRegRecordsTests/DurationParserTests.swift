import Testing
@testable import KZRegRecords

@Suite struct DurationParserTests {
    let parser = DurationParser()

    func only(_ text: String) -> DurationMatch? {
        let found = parser.durations(in: text)
        #expect(found.count == 1, "\(text): \(found)")
        return found.first
    }

    @Test func digitsWithinAndTheSurfaceText() {
        let found = only("құжаттарды 10 минут ішінде тіркейді")
        #expect(found?.value == 10)
        #expect(found?.unit == .minute)
        #expect(found?.qualifier == .within)
        #expect(found?.text == "10 минут ішінде")
        // The byte range points at the words in the text.
        let text = "құжаттарды 10 минут ішінде тіркейді"
        if let found { #expect(text.utf8Slice(found.start, found.end) == "10 минут ішінде") }
    }

    @Test(arguments: [
        ("1 (бір) жұмыс күні ішінде", 1.0, Duration.Unit.workingDay, Duration.Qualifier?.some(.within)),
        ("15 (он бес) минут ішінде", 15, .minute, .within),
        ("он бес минут ішінде", 15, .minute, .within),
        ("жиырма төрт сағат ішінде", 24, .hour, .within),
        ("екі жұмыс күні", 2, .workingDay, nil),
        ("3 (үш) жұмыс күнінен кешіктірмей", 3, .workingDay, .noLaterThan),
        ("бір тәуліктен кешіктірмей", 1, .day, .noLaterThan),
        ("күнтізбелік он күн ішінде", 10, .calendarDay, .within),
        ("он күнтізбелік күн ішінде", 10, .calendarDay, .within),
        ("5 күн бұрын", 5, .day, .before),
        ("3 күннен кейін", 3, .day, .after),
        ("бір ай ішінде", 1, .month, .within),
        ("1 айдан кешіктірмей", 1, .month, .noLaterThan),
        ("бір жыл ішінде", 1, .year, .within),
        ("30-минут ішінде", 30, .minute, .within),
        ("— 4 сағат;", 4, .hour, nil),
        ("2 сағаттан кешіктірмей", 2, .hour, .noLaterThan),
        ("жарты сағат ішінде", 0.5, .hour, .within),
        ("0,5 сағат", 0.5, .hour, nil),
        ("қырық бес минут", 45, .minute, nil),
        ("5 (бес) жұмыс күнінен аспайтын мерзімде", 5, .workingDay, .noLaterThan),
        ("ОН БЕС МИНУТ ІШІНДЕ", 15, .minute, .within),
    ])
    func forms(_ text: String, _ value: Double, _ unit: Duration.Unit, _ qualifier: Duration.Qualifier?) {
        let found = only(text)
        #expect(found?.value == value, "\(text)")
        #expect(found?.unit == unit, "\(text)")
        #expect(found?.qualifier == qualifier, "\(text)")
    }

    @Test func sameWorkingDayIsOneWorkingDay() {
        let found = only("басшылығы сол жұмыс күні ішінде жауаптың жобасына қол қояды")
        #expect(found?.value == 1)
        #expect(found?.unit == .workingDay)
        #expect(found?.qualifier == .sameDay)
        #expect(found?.text == "сол жұмыс күні ішінде")
        let day = only("құжаттарды қарап болған сол күні жолдайды")
        #expect(day?.unit == .day)
        #expect(day?.qualifier == .sameDay)
    }

    @Test func rangesKeepTheirUpperBound() {
        let found = only("2-3 жұмыс күні ішінде")
        #expect(found?.value == 2)
        #expect(found?.maxValue == 3)
        #expect(found?.unit == .workingDay)
    }

    @Test func twoDurationsInOneSentence() {
        let found = parser.durations(in: "30 (отыз) минут ішінде тіркейді және 1 (бір) жұмыс күнінен кешіктірмей жолдайды")
        #expect(found.map(\.unit) == [.minute, .workingDay])
        #expect(found.map(\.value) == [30, 1])
        #expect(found.map(\.qualifier) == [.within, .noLaterThan])
    }

    @Test(arguments: [
        "2019 жылғы 29 тамыздағы № А-9/406 қаулысы",   // a date, not 2019 years
        "есептік айдан кейінгі айдың 3 күніне дейін",   // a day of the month
        "сағат 9.00-ден 20.00-ге дейін",               // a time of day
        "№ 15 болып тіркелді",                         // a number
        "1) көрсетілетін қызметті берушінің маманы",    // a list label
        "құжаттарды күн ішінде қарайды",               // no number
        "бір реттік және өзге де төлемдер",             // "бір" without a unit
        "күнтізбелік күннен бастап",                    // no number
    ])
    func notDurations(_ text: String) {
        #expect(parser.durations(in: text).isEmpty, "\(text)")
    }
}

@Suite struct KazakhNumberWordsTests {
    @Test(arguments: [
        (["бір"], 1, 1), (["он"], 10, 1), (["он", "бес"], 15, 2), (["жиырма", "төрт"], 24, 2), (["отыз"], 30, 1),
        (["алпыс"], 60, 1), (["жүз"], 100, 1), (["екі", "жүз", "елу"], 250, 3), (["тоқсан", "тоғыз", "күн"], 99, 2),
    ])
    func numbers(_ words: [String], _ value: Int, _ count: Int) {
        let parsed = KazakhNumberWords.parse(words)
        #expect(parsed?.value == value)
        #expect(parsed?.count == count)
    }

    @Test func notANumber() {
        #expect(KazakhNumberWords.parse(["минут"]) == nil)
        #expect(KazakhNumberWords.parse([String]()) == nil)
    }
}
