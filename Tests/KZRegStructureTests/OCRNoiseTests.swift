import Testing
@testable import KZRegStructure

/// The fuzzy matchers and the parsers' tolerance of the OCR noise this genre carries after repair.
@Suite struct FormulaMatcherTests {
    @Test func editDistanceIsLevenshteinWithACutOff() {
        #expect(FormulaMatcher.editDistance("күшін", "күшін", limit: 2) == 0)
        #expect(FormulaMatcher.editDistance("күйіп", "күшін", limit: 2) == 2)
        #expect(FormulaMatcher.editDistance("тіркелд", "тіркелді", limit: 2) == 1)
        #expect(FormulaMatcher.editDistance("", "абв", limit: 5) == 3)
        // Past the limit it only says "more than the limit".
        #expect(FormulaMatcher.editDistance("жойылды", "бекітілген", limit: 2) == 3)
    }

    @Test func normalizesCaseQuotesAndLatinLookalikes() {
        #expect(FormulaMatcher.normalized("Тiркелдi.") == "тіркелді")
        #expect(FormulaMatcher.normalized("«Ескерту»") == "ескерту")
        #expect(FormulaMatcher.normalized("Kосымшa") == "косымша")
    }

    @Test func formulaWordsMatchWithinTheirLengthTolerance() {
        #expect(FormulaMatcher.matches("тіркелдi", FormulaMatcher.registered))
        #expect(FormulaMatcher.matches("тіркелд", FormulaMatcher.registered))
        #expect(FormulaMatcher.matches("Есксрту", FormulaMatcher.note))
        #expect(FormulaMatcher.matches("косымша", FormulaMatcher.annex))
        // A different first letter or too many edits is another word.
        #expect(!FormulaMatcher.matches("бекітілді", FormulaMatcher.registered))
        #expect(!FormulaMatcher.matches("тіркеу", FormulaMatcher.registered))
        #expect(!FormulaMatcher.matches("ескі", FormulaMatcher.note))
        // Short words get no slack at all.
        #expect(FormulaMatcher.tolerance(forLength: 3) == 0)
    }

    @Test func phrasesShareOneBudget() {
        let words = TextTraits.words("Кушін жойган")
        #expect(FormulaMatcher.matchesPhrase(words, at: 0, FormulaMatcher.repealedStatus))
        #expect(FormulaMatcher.matchesPhrase(TextTraits.words("Күйіп жойған"), at: 0, FormulaMatcher.repealedStatus))
        // Two errors in each word exceed the phrase's budget.
        #expect(!FormulaMatcher.matchesPhrase(TextTraits.words("Күйіп жайлан"), at: 0, FormulaMatcher.repealedStatus))
        #expect(!FormulaMatcher.matchesPhrase(TextTraits.words("Күшіне енеді"), at: 0, FormulaMatcher.repealClause))
        let sentence = TextTraits.words("тіркелді. Күшті жойылды - облыс әкімдігінің")
        #expect(FormulaMatcher.firstPhrase(sentence, FormulaMatcher.repealClause) == 1)
    }

    @Test func noteWordSurvivesNoiseAndSplits() {
        #expect(FormulaMatcher.startsWithNoteWord("Ескерту. Күші жойылды"))
        #expect(FormulaMatcher.startsWithNoteWord("Ескерту: қаулы"))
        #expect(FormulaMatcher.startsWithNoteWord("Ескер ту. Күші жойылды"))
        #expect(FormulaMatcher.startsWithNoteWord("Ескерпу. Күші жойылды"))
        #expect(!FormulaMatcher.startsWithNoteWord("Есепке алу тәртібі"))
    }

    @Test func ocrDigitsReadLookalikes() {
        #expect(OCRDigits.number("|") == "1")
        #expect(OCRDigits.number("l") == "1")
        #expect(OCRDigits.number("1O") == "10")
        #expect(OCRDigits.number("2|") == "21")
        // "O" alone is a letter, not a zero.
        #expect(OCRDigits.number("O") == nil)
        #expect(OCRDigits.number("а1") == nil)
    }
}

@Suite struct OCRNoiseParserTests {
    @Test func statusLinesWithOCRNoise() {
        #expect(ActHeaderVocabulary.status(of: "Күшін жойған") == .repealed)
        #expect(ActHeaderVocabulary.status(of: "Күйіп жойған") == .repealed)
        #expect(ActHeaderVocabulary.status(of: "Кушін жоиған") == .repealed)
        #expect(ActHeaderVocabulary.status(of: "Қолданыстағы") == .inForce)
        #expect(ActHeaderVocabulary.status(of: "Қолданыстаты") == .inForce)
        // A sentence that starts like the formula is not a status line.
        #expect(ActHeaderVocabulary.status(of: "Күшін жойған актілер тізбесі бекітілсін") == nil)
        #expect(ActHeaderVocabulary.status(of: "Күшіне енеді") == nil)
    }

    @Test func registrationAndRepealWithOCRNoise() {
        #expect(ActHeaderVocabulary.isRegistration("Әділет министрлігінде 2021 жылғы 3 мамырда № 22690 болып тiркелдi"))
        #expect(ActHeaderVocabulary.isRegistration("№ 5120 болып тіркелд"))
        #expect(ActHeaderVocabulary.isRegistration("№ 5120 болып тір келді"))
        #expect(!ActHeaderVocabulary.isRegistration("Осы қаулы мемлекеттік тіркеуге жатады"))
        #expect(ActHeaderVocabulary.isRepeal("Күшті жойылды - облыс әкімдігінің 2020 жылғы 5 мамырдағы № 98 қаулысымен"))
        #expect(ActHeaderReader.afterRepealWords("Күшi жоиылды - 12.05.2021 № 7") == " - 12.05.2021 № 7")
    }

    @Test func captionAnchorsWithOCRDigitsAndCaseForms() {
        #expect(HeadingParser.captionAnchor("қаулысына |-қосымша")?.number == "1")
        #expect(HeadingParser.captionAnchor("қаулысына l-қосымша")?.number == "1")
        #expect(HeadingParser.captionAnchor("регламентіне 1|-қосымша")?.number == "11")
        #expect(HeadingParser.captionAnchor("шешіміне 2-косымша")?.number == "2")
        // The repair's case form right after the caption dative.
        let dative = HeadingParser.captionAnchor("Қаулысына қосымшаға")
        #expect(dative?.isAnnex == true)
        #expect(dative?.target == .act)
        #expect(HeadingParser.captionAnchor("бұйрығымен бекітілгeн")?.isAnnex == false)
        // Not captions: the case form without the dative, and the imperative.
        #expect(HeadingParser.captionAnchor("құжаттар тізбесі қосымшаға") == nil)
        #expect(HeadingParser.captionAnchor("осы қаулыға қосымшаға сәйкес бекітілсін") == nil)
    }

    @Test func headingsAndPointsWithOCRDigits() {
        #expect(HeadingParser.chapter("l-тарау. Жалпы ережелер") == ChapterHeading(number: "1", division: "тарау", title: "Жалпы ережелер"))
        #expect(HeadingParser.chapter("|-бөлім. Жалпы ережелер")?.number == "1")
        #expect(HeadingParser.chapter("I-тарау. Жалпы ережелер")?.number == "1")
        #expect(HeadingParser.chapter("1O-тарау. Қорытынды")?.number == "10")
        #expect(HeadingParser.chapter("lorem ipsum") == nil)
        #expect(HeadingParser.numbering("|. Осы қағидалар")?.number == "1")
        #expect(HeadingParser.numbering("l) өтініш;")?.style == .subpoint)
        #expect(HeadingParser.numbering("1|. Мемлекеттік қызмет")?.number == "11")
        #expect(HeadingParser.numbering("lауазымды адам") == nil)
    }

    @Test func datesWithAGarbledOrMissingYearWord() {
        let parser = KazakhDateParser()
        #expect(parser.parse("2019 хилл 10 қыркүйекте") == CalendarDate(year: 2019, month: 9, day: 10))
        #expect(parser.parse("2021 3 мамырда № 22") == CalendarDate(year: 2021, month: 5, day: 3))
        #expect(parser.parse("2020 жылғы l5 наурыздағы") == CalendarDate(year: 2020, month: 3, day: 15))
        #expect(parser.parse("2018 жылғы 4 тамьздағы") == CalendarDate(year: 2018, month: 8, day: 4))
        // A garbled month word that is close to no month stays unread.
        #expect(parser.parse("2019 жылғы 4 бастап") == nil)
        // Without a day and a month the year alone is no date.
        #expect(parser.parse("2019 жылдың қорытындысы") == nil)
    }

    @Test func actNumbersAfterSignLookalikes() {
        let parser = ActNumberParser()
        #expect(parser.parse("No 42/02 қаулысы") == "42/02")
        #expect(parser.parse("Ne 05 /02 қаулысымен") == "05/02")
        #expect(parser.parse("N° 7375 болып") == "7375")
        #expect(parser.parse("Ne 05\n/02") == "05/02")
        // A stray space inside a registration number; a following year or a line break is no part of it.
        #expect(parser.parse("№ 33 287 болып тіркелді") == "33287")
        #expect(parser.parse("№ 15 2019 жылғы") == "15")
        #expect(parser.parse("№ 15\n287 болып") == "15")
        // "N" inside a word or before a non-digit is a letter.
        #expect(parser.parse("NOKIA 3310") == nil)
        #expect(parser.parse("WiN 5") == nil)
    }
}

@Suite struct NoisyHeaderTests {
    @Test func statusGluedToTheActLineIsSplitOff() {
        let text = """
        Жер қатынастары саласындағы мемлекеттік көрсетілетін қызмет регламентін бекіту туралы

        Күйіп жойған
        батыс облысы әкімдігінің 2017 жылғы 3 наурыздағы № 41 қаулысы. Батыс облысының Әділет департаментінде 2017 хилл 20 наурызда № 5120 болып тіркелдi. Күшті жойылды - Батыс облысы әкімдігінің 2020 жылғы 14 мамырдағы № 98 қаулысымен

        Батыс облысының әкімдігі ҚАУЛЫ ЕТЕДІ:

        1. Регламент бекітілсін.
        """
        let document = Segmenter().segment(text)
        let metadata = document.metadata
        #expect(metadata.status == .repealed)
        // The issuer is a proper name: the capital lost to OCR comes back.
        #expect(metadata.issuer == "Батыс облысы әкімдігі")
        #expect(metadata.actType == "қаулы")
        #expect(metadata.adopted?.number == "41")
        #expect(metadata.registered?.date == CalendarDate(year: 2017, month: 3, day: 20))
        #expect(metadata.registered?.number == "5120")
        #expect(metadata.repealedBy?.date == CalendarDate(year: 2020, month: 5, day: 14))
        #expect(metadata.title == "Жер қатынастары саласындағы мемлекеттік көрсетілетін қызмет регламентін бекіту туралы")
    }

    @Test func statusStaysUnknownWithoutAStatusLineOrRepeal() {
        let text = """
        Қағидаларды бекіту туралы

        Қазақстан Республикасы Қаржы министрінің 2022 жылғы 5 мамырдағы № 470 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2022 жылғы 11 мамырда № 28012 болып тіркелді

        БҰЙЫРАМЫН:

        1. Қағидалар бекітілсін.
        """
        #expect(Segmenter().segment(text).metadata.status == .unknown)
        let inForce = text.replacingOccurrences(of: "туралы\n\n", with: "туралы\n\nҚолданыстағы\n\n")
        #expect(Segmenter().segment(inForce).metadata.status == .inForce)
    }
}

@Suite struct OCRSplitWordTests {
    @Test func aYearWordSplitBySpaceStillReadsAsADate() {
        #expect(KazakhDateParser().parse("2016 жыл ғы 6 сәуірдегі") == CalendarDate(year: 2016, month: 4, day: 6))
    }

    @Test func anAnnexWordSplitBySpaceStillAnchorsACaption() {
        let text = """
        1. Қағидалар бекітілсін.

        Облыс әкімдігінің
        2020 жылғы 5 мамырдағы
        № 98 қаулысына 1-қосым ша

        Жер учаскелерін беру қағидалары

        1. Осы Қағидалар жер учаскелерін беру тәртібін айқындайды.
        """
        let annexes = TestSupport.nodes(.annex, in: Segmenter().segment(text).root)
        #expect(annexes.count == 1)
        #expect(annexes.first?.number == "1")
    }
}

@Suite struct NoisyActLineTests {
    @Test func actTypeAndGenitiveSurviveOneWrongLetter() {
        let line = ActLineParser().parse("Солтүстік облысы әкімдігінін 2019 жылғы 4 наурыздағы № 57 қаулысі.")
        #expect(line?.actType == "қаулы")
        #expect(line?.issuer == "Солтүстік облысы әкімдігі")
        #expect(line?.number == "57")
        #expect(ActLineParser().parse("Денсаулық сақтау министрінің 2020 жылғы 2 қазандағы № 112 бұйрыгы")?.actType == "бұйрық")
    }

    @Test func anotherCaseFormIsStillNoActLine() {
        // A title naming another act in the accusative or dative is not the act line.
        #expect(ActLineParser().parse("Облыс әкімдігінің 2019 жылғы 4 наурыздағы № 57 қаулысын өзгерту туралы") == nil)
        #expect(ActLineParser().parse("Мәслихаттың 2019 жылғы 4 наурыздағы № 57 шешімін өзгерту туралы") == nil)
    }
}
