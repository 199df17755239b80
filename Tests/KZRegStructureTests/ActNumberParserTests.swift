import Testing
@testable import KZRegStructure

@Suite struct ActNumberParserTests {
    let parser = ActNumberParser()

    @Test func readsNumbersAsWritten() {
        #expect(parser.parse("№ А-9/406 қаулысы") == "А-9/406")
        #expect(parser.parse("2020 жылғы 9 сәуірдегі № 132/НҚ бұйрығы.") == "132/НҚ")
        #expect(parser.parse("№ 389 қаулысына 1 қосымша") == "389")
        #expect(parser.parse("№6С-36-4 шешімі") == "6С-36-4")
        #expect(parser.parse("№ 52  (Нормативтік құқықтық") == "52")
    }

    @Test func rejoinsNumbersSplitByOCR() {
        // "№ 05\n/02" joined by the cleanser into "№ 05 /02".
        #expect(parser.parse("31.01.2020 № 05 /02 (алғашқы ресми") == "05/02")
        #expect(parser.parse("№ 138/ НҚ бұйрығына") == "138/НҚ")
    }

    @Test func dropsTrailingPunctuation() {
        #expect(parser.parse("болып тіркелді № 20415.") == "20415")
        #expect(parser.parse("(№ 7375)") == "7375")
        #expect(parser.parse("№ 15, болып") == "15")
    }

    @Test func findsAllNumbersAndIgnoresBareSigns() {
        #expect(parser.matches(in: "№ 389 қаулысы. № 15 болып").map(\.number) == ["389", "15"])
        #expect(parser.parse("№ п/п") == nil)
        #expect(parser.parse("нөмірі жоқ") == nil)
    }
}
