import Testing
@testable import KZRegStructure

@Suite struct ActLineParserTests {
    let parser = ActLineParser()

    @Test func readsAnAkimatResolution() throws {
        let line = try #require(parser.parse("Шымкент қаласы әкімдігінің 2018 жылғы 29 желтоқсандағы № 389 қаулысы."))
        #expect(line.issuer == "Шымкент қаласы әкімдігі")
        #expect(line.actType == "қаулы")
        #expect(line.date?.iso == "2018-12-29")
        #expect(line.number == "389")
    }

    @Test func readsAMinistryOrder() throws {
        let line = try #require(parser.parse(
            "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрінің 2020 жылғы 9 сәуірдегі № 132/НҚ бұйрығы."))
        #expect(line.issuer == "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрі")
        #expect(line.actType == "бұйрық")
        #expect(line.number == "132/НҚ")
    }

    @Test func readsAMaslikhatDecisionAndOtherIssuers() throws {
        let decision = try #require(parser.parse("Ақмола облыстық мәслихатының 2019 жылғы 12 шілдедегі № 6С-36-4 шешімі."))
        #expect(decision.issuer == "Ақмола облыстық мәслихаты")
        #expect(decision.actType == "шешім")
        #expect(decision.date?.iso == "2019-07-12")
        let order = try #require(parser.parse("Ақмола облысы әкімдігінің 2019 жылғы 29 тамыздағы № А-9/406 қаулысы."))
        #expect(order.issuer == "Ақмола облысы әкімдігі")
        #expect(order.number == "А-9/406")
        let joint = try #require(parser.parse("Қазақстан Республикасы Ішкі істер министрінің 2015 жылғы 3 наурыздағы № 170 бірлескен бұйрығы"))
        #expect(joint.actType == "бірлескен бұйрық")
        #expect(joint.issuer == "Қазақстан Республикасы Ішкі істер министрі")
    }

    @Test func readsAJointActOfTwoIssuers() throws {
        let line = try #require(parser.parse(
            "Қазақстан Республикасы Қаржы министрінің 2015 жылғы 3 наурыздағы № 1 және Қазақстан Республикасы Ұлттық экономика министрінің 2015 жылғы 4 наурыздағы № 2 бірлескен бұйрығы."))
        #expect(line.actType == "бірлескен бұйрық")
        #expect(line.issuer == "Қазақстан Республикасы Қаржы министрі")
        #expect(line.number == "1")
        #expect(line.date?.iso == "2015-03-03")
    }

    @Test func keepsTheAdjectiveOfANormativeResolution() throws {
        let line = try #require(parser.parse("Қазақстан Республикасы Жоғарғы Сотының 2019 жылғы 20 сәуірдегі № 2 нормативтік қаулысы."))
        #expect(line.actType == "нормативтік қаулы")
        #expect(line.issuer == "Қазақстан Республикасы Жоғарғы Соты")
    }

    @Test func ignoresTitlesThatOnlyMentionAnAct() {
        // A title about amending an order names the order in the dative, not as the act line does.
        #expect(parser.parse("министрінің 2016 жылғы 22 қаңтардағы № 52 бұйрығына өзгеріс енгізу туралы") == nil)
        #expect(parser.parse("Мемлекеттік көрсетілетін қызметтер туралы") == nil)
    }

    @Test func turnsGenitivesIntoNominatives() {
        #expect(KazakhGrammar.nominative(ofGenitive: "әкімдігінің") == "әкімдігі")
        #expect(KazakhGrammar.nominative(ofGenitive: "министрінің") == "министрі")
        #expect(KazakhGrammar.nominative(ofGenitive: "мәслихатының") == "мәслихаты")
        #expect(KazakhGrammar.nominative(ofGenitive: "Кеңестің") == "Кеңес")
        #expect(KazakhGrammar.isGenitive("әкімдігінің"))
        #expect(!KazakhGrammar.isGenitive("әкімдігі"))
    }
}
