import Testing
@testable import KZRegStructure

@Suite struct CleanserTests {
    func texts(_ input: String) -> [String] { Cleanser().cleanse(input).map(\.text) }

    @Test func joinsWrappedLinesButNotNewPoints() {
        let input = """
        1. Мемлекеттік көрсетілетін қызметті
        облыстың басқармасы көрсетеді:
        1) өтінішті
        тіркеу;
        - 2) құжаттарды қарау;
        2. Келесі тармақ.
        """
        #expect(texts(input) == [
            "1. Мемлекеттік көрсетілетін қызметті облыстың басқармасы көрсетеді:",
            "1) өтінішті тіркеу;",
            "- 2) құжаттарды қарау;",
            "2. Келесі тармақ.",
        ])
    }

    @Test func joinsAcrossPageBreakRunsAndLowercaseContinuations() {
        let input = "Құжаттар 2015 жылғы 23 қарашадағы\n\n\n\nҚазақстан Республикасының кодексіне сәйкес беріледі.\n\nКелесі абзац келесі\n\nжолда жалғасады.\n\nЖаңа абзац."
        #expect(texts(input) == [
            "Құжаттар 2015 жылғы 23 қарашадағы Қазақстан Республикасының кодексіне сәйкес беріледі.",
            "Келесі абзац келесі жолда жалғасады.",
            "Жаңа абзац.",
        ])
    }

    @Test func rejoinsHyphenatedWordsButKeepsCompounds() {
        let input = "Бизнес-процестер сипатталады. Бақылау вице-министрге жүк-\nтелсін, ал бизнес-\nпроцестерінің анықтамалығы алынсын."
        #expect(texts(input) == [
            "Бизнес-процестер сипатталады. Бақылау вице-министрге жүктелсін, ал бизнес-процестерінің анықтамалығы алынсын.",
        ])
        #expect(texts("стандарттың 1-\nқосымшасына сәйкес") == ["стандарттың 1-қосымшасына сәйкес"])
    }

    @Test func indentedParagraphStyleStartsParagraphsAtTheIndent() {
        let input = """
              1. Бірінші тармақ мәтіні
        жалғасы.
              Екінші абзац
        жалғасы.
              2. Екінші тармақ.
              3. Үшінші тармақ.
        """
        #expect(texts(input) == [
            "1. Бірінші тармақ мәтіні жалғасы.", "Екінші абзац жалғасы.", "2. Екінші тармақ.", "3. Үшінші тармақ.",
        ])
    }

    @Test func keepsDisplacedHyperlinkWordsInPlace() {
        let input = "      \"Мемлекеттік көрсетілетін қызметтер туралы\" Заңның \nРеспубликасы Заңының  1) тармақшасына сәйкес БҰЙЫРАМЫН:9-1-бабының\n      1. Бірінші.\n      2. Екінші.\n      3. Үшінші."
        let result = texts(input)
        #expect(result.first?.hasSuffix("сәйкес БҰЙЫРАМЫН:9-1-бабының") == true)
        #expect(result.count == 4)
    }

    @Test func setsApartTablesCaptionsSignaturesAndDebris() {
        let input = """
        4. Соңғы тармақ.

        Қала әкімі
        Г.Әбдірахымов

        Шымкент қаласы әкімдігінің
        2018 жылғы "29" желтоқсандағы
        № 389 қаулысына 1 қосымша

        Кесте
        1\t2\t3
        Алушы\tБеруші\tМерзім

        1
        | | |
        ----
        2 3
        """
        let blocks = Cleanser().cleanse(input)
        #expect(blocks.map(\.text).prefix(3) == ["4. Соңғы тармақ.", "Қала әкімі", "Г.Әбдірахымов"])
        let caption = blocks[3]
        guard case .caption(let info) = caption.kind else {
            Issue.record("expected a caption, got \(caption.kind)")
            return
        }
        #expect(info.number == "1")
        #expect(info.target == .act)
        #expect(caption.lines.count == 3)
        #expect(blocks[5].kind == .tableRow)
        #expect(blocks[6].cells == ["Алушы", "Беруші", "Мерзім"])
        #expect(blocks.last?.kind == .debris)
        #expect(blocks.last?.lines.count == 4)
    }

    @Test func statusNotesAndLegendsStartTheirOwnBlocks() {
        let input = "Регламентін бекіту туралы\nКүшін жойған\nЕскерту. Күші жойылды.\nМәтін\nШартты белгілер:"
        #expect(texts(input) == ["Регламентін бекіту туралы", "Күшін жойған", "Ескерту. Күші жойылды.", "Мәтін",
                                 "Шартты белгілер:"])
    }

    @Test func signaturesWithInitialsAreNotDebris() {
        let input = "2. Соңғы тармақ.\n\nСессия төрағасы Қ. Т. Ибраев\n\nМәслихат хатшысы Б. Қ. Иманғазинов"
        let blocks = Cleanser().cleanse(input)
        #expect(blocks.allSatisfy { $0.kind == .text })
        #expect(Cleanser().cleanse("а б в г\nд е ж з").first?.kind == .debris)
    }

    @Test func theWordQosymshaInsideASentenceIsNotACaption() {
        let input = "өкілі оның өкілеттігін растайтын құжатты қосымша\nұсынады."
        let blocks = Cleanser().cleanse(input)
        #expect(blocks.count == 1)
        #expect(blocks[0].kind == .text)
    }

    @Test func blockSpansAndSubSpansPointIntoTheInput() {
        let input = "  Бірінші жол\nекінші жол.\n\n2. Тармақ"
        let blocks = Cleanser().cleanse(input)
        let bytes = Array(input.utf8)
        let first = blocks[0]
        #expect(String(decoding: bytes[first.span.start..<first.span.end], as: UTF8.self) == "Бірінші жол\nекінші жол.")
        let range = first.text.firstRange(of: "екінші")!
        let sub = first.sourceSpan(of: range)
        #expect(String(decoding: bytes[sub.start..<sub.end], as: UTF8.self) == "екінші")
    }

    @Test func emptyAndBlankInputsGiveNoBlocks() {
        #expect(Cleanser().cleanse("").isEmpty)
        #expect(Cleanser().cleanse("\n\n  \n\t\n").isEmpty)
        #expect(Cleanser().cleanse("\r\nЖол\r\n").map(\.text) == ["Жол"])
    }
}
