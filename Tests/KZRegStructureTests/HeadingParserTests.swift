import Testing
@testable import KZRegStructure

@Suite struct HeadingParserTests {
    @Test func recognizesChapterAndSectionHeadings() {
        let chapter = HeadingParser.chapter("1-тарау. Жалпы ережелер")
        #expect(chapter == ChapterHeading(number: "1", division: "тарау", title: "Жалпы ережелер"))
        #expect(HeadingParser.chapter("2-бөлім. Мемлекеттік қызмет көрсету тәртібі")?.number == "2")
        #expect(HeadingParser.chapter("3 - тарау Қорытынды ережелер")?.title == "Қорытынды ережелер")
        #expect(HeadingParser.chapter("4-ТАРАУ. ҚОРЫТЫНДЫ")?.division == "тарау")
        #expect(HeadingParser.chapter("II тарау. Негізгі ұғымдар")?.number == "2")
        #expect(HeadingParser.chapter("Тарау 5. Шағымдану")?.number == "5")
    }

    @Test func doesNotTakePointsOrReferencesForHeadings() {
        #expect(HeadingParser.chapter("1. Жалпы ережелер") == nil)
        #expect(HeadingParser.chapter("16-бабының 1 және 3-тармақтарына сәйкес") == nil)
        #expect(HeadingParser.chapter("5-тармағында көрсетілген") == nil)
    }

    @Test func readsItemNumbering() {
        #expect(HeadingParser.numbering("1. Мыналар:")?.style == .point)
        #expect(HeadingParser.numbering("12. Мәтін")?.number == "12")
        #expect(HeadingParser.numbering("2.1. Мәтін")?.number == "2.1")
        #expect(HeadingParser.numbering("3) осы қаулыны")?.style == .subpoint)
        #expect(HeadingParser.numbering("9-1) жаңа тармақша")?.number == "9-1")
        #expect(HeadingParser.numbering("3-1. Енгізілген тармақ")?.style == .point)
        #expect(HeadingParser.numbering("3-1. Енгізілген тармақ")?.number == "3-1")
        #expect(HeadingParser.numbering("16-бабына сәйкес") == nil)
        let bullet = HeadingParser.numbering("- 2) Көрсетілетін қызметті берушінің")
        #expect(bullet?.style == .numberedBullet)
        #expect(bullet?.number == "2")
        #expect(bullet?.rest == "Көрсетілетін қызметті берушінің")
        #expect(HeadingParser.numbering("- жеке тұлғалар;")?.style == .bullet)
        #expect(HeadingParser.numbering("• заңды тұлғалар;")?.style == .bullet)
    }

    @Test func rejectsNumbersThatAreNotItems() {
        #expect(HeadingParser.numbering("2019 жылғы 29 тамыздағы") == nil)
        #expect(HeadingParser.numbering("26.03.2020 № А-4/156") == nil)
        #expect(HeadingParser.numbering("9.00-ден 20.00-ге дейін") == nil)
        #expect(HeadingParser.numbering("1 қосымша") == nil)
        #expect(HeadingParser.numbering("-тің") == nil)
        #expect(HeadingParser.numbering("1234. Мәтін") == nil)
    }

    @Test func recognizesAnnexCaptionAnchors() {
        let numbered = HeadingParser.captionAnchor("№ 389 қаулысына 1 қосымша")
        #expect(numbered?.number == "1")
        #expect(numbered?.isAnnex == true)
        #expect(numbered?.target == .act)
        #expect(HeadingParser.captionAnchor("регламентіне 2-қосымша")?.number == "2")
        #expect(HeadingParser.captionAnchor("регламентіне 2-қосымша")?.target == .approvedText)
        #expect(HeadingParser.captionAnchor("Қосымша")?.number == nil)
        #expect(HeadingParser.captionAnchor("Қосымша")?.isAnnex == true)
        #expect(HeadingParser.captionAnchor("№ 52 бұйрығымен бекітілген")?.isAnnex == false)
        #expect(HeadingParser.captionAnchor("Бекітілген")?.isAnnex == false)
        #expect(HeadingParser.captionAnchor("осы қаулыға қосымшаға сәйкес бекітілсін") == nil)
        #expect(HeadingParser.captionAnchor("1. Мәтін 3-қосымша") == nil)
    }

    @Test func namesTheKindOfAnApprovedText() {
        #expect(HeadingParser.approvedTextKind(ofTitle: "\"Оралман мәртебесін беру\" мемлекеттік көрсетілетін қызметінің регламенті") == "регламент")
        #expect(HeadingParser.approvedTextKind(ofTitle: "Мемлекеттік корпорацияның қызметі қағидалары") == "қағидалар")
        #expect(HeadingParser.approvedTextKind(ofTitle: "Мемлекеттік қызмет көрсету бизнес-процестерінің анықтамасы") == nil)
    }
}
