import Testing
@testable import KZRegStructure

@Suite struct KazakhDateParserTests {
    let parser = KazakhDateParser()

    @Test func readsTheActLineForm() {
        #expect(parser.parse("2019 жылғы 29 тамыздағы № А-9/406")?.iso == "2019-08-29")
        #expect(parser.parse("Шымкент қаласы әкімдігінің 2018 жылғы 29 желтоқсандағы № 389 қаулысы.")?.iso == "2018-12-29")
    }

    @Test(arguments: Array(KazakhDateParser.monthStems.enumerated()))
    func readsEveryMonthInItsCaseForms(_ month: (offset: Int, element: String)) {
        // Locative-attributive, locative, dative, nominative and the bare stem.
        for suffix in ["дағы", "дегі", "да", "де", "ындағы", "інде", "ға", "ге", "ы", "і", ""] {
            let text = "2020 жылғы 7 \(month.element)\(suffix)"
            #expect(parser.parse(text) == CalendarDate(year: 2020, month: month.offset + 1, day: 7), "\(text)")
        }
    }

    @Test func acceptsAQuotedDayAndCapitals() {
        #expect(parser.parse("2018 жылғы \"29\" желтоқсандағы")?.iso == "2018-12-29")
        #expect(parser.parse("2018 жылғы «3» НАУРЫЗДАҒЫ")?.iso == "2018-03-03")
        #expect(parser.parse("2016 жылы 29 тамызда")?.iso == "2016-08-29")
        #expect(parser.parse("2019ж. 5 қазанда")?.iso == "2019-10-05")
    }

    @Test func readsDayMonthYearOrder() {
        #expect(parser.parse("29 тамыз 2019 жыл")?.iso == "2019-08-29")
    }

    @Test func readsNumericDates() {
        #expect(parser.parse("26.03.2020")?.iso == "2020-03-26")
        #expect(parser.parse("Ақмола облысы әкімдігінің 26.03.2020 № А-4/156 қаулысымен")?.iso == "2020-03-26")
        #expect(parser.parse("(23.12.2020)")?.iso == "2020-12-23")
    }

    @Test func rejectsImpossibleOrPartialDates() {
        #expect(parser.parse("2019 жылғы 31 маусымдағы") == nil)   // June has 30 days
        #expect(parser.parse("31.02.2020") == nil)
        #expect(parser.parse("2019 жылғы тамызда") == nil)          // no day
        #expect(parser.parse("сағат 9.00-ден 20.00-ге дейін") == nil)
        #expect(parser.parse("29 адам 2019 жыл") == nil)
    }

    @Test func findsEveryDateWithItsRange() {
        let text = "2018 жылғы 29 желтоқсанда № 15 болып тіркелді. Күші жойылды - 23.12.2020 № 810"
        let matches = parser.matches(in: text)
        #expect(matches.map(\.date.iso) == ["2018-12-29", "2020-12-23"])
        #expect(text[matches[0].range] == "2018 жылғы 29 желтоқсанда")
        #expect(text[matches[1].range] == "23.12.2020")
    }

    @Test func namesMonths() {
        #expect(parser.month(of: "тамыздағы") == 8)
        #expect(parser.month(of: "Қыркүйектегі") == 9)
        #expect(parser.month(of: "жыл") == nil)
    }
}
