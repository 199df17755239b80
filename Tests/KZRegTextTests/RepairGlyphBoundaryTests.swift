import Testing
@testable import KZRegText

/// Where a garbled word starts and ends: OCR splits words with spaces, reads a letter's descender as a comma
/// and "і" as "]", and reads the digit 1 as "|".
@Suite struct RepairGlyphBoundaryTests {
    static var repairer: GarbleRepairer { RepairGarbleTests.shared }

    @Test func spaceInsideAWordIsJoined() {
        let result = Self.repairer.repair("COH, KO MaHbicKa eHri3zineai.")
        #expect(result.text.contains("қолданысқа"))
        // the joined edit spans both pieces and the space between them in the input
        let edit = result.edits.first { $0.replacement.lowercased() == "қолданысқа" }
        #expect(edit?.original == "KO MaHbicKa")
    }

    @Test func wordSplitInThreeIsJoined() {
        let result = Self.repairer.repair("KYKaTTapAbl GacwbuibiKKa KON Man Dbl.")
        #expect(result.text.hasSuffix("жолдайды."))
        let edit = result.edits.first { $0.replacement == "жолдайды" }
        #expect(edit?.original == "KON Man Dbl")
    }

    @Test func twoReadableWordsStayApart() {
        let text = Self.repairer.repair("KbI3METTI OepyIIiHiH KOpCeTy").text
        #expect(text.split(separator: " ").count == 3)
    }

    @Test func piecesThatEachReadAsAWordAreJoinedWhenTheWholeReadsClearlyBetter() {
        // "KOJI" reads қол and "aliAbI" айдың, but together they are жолдайды, by a wide margin
        let result = Self.repairer.repair("KyKaTTapapl KeHce KbI3MeTKepiHe KOJI aliAbI.")
        #expect(result.text.hasSuffix("жолдайды."), "\(result.text)")
        // two words the garble reads as well apart as together stay apart
        #expect(Self.repairer.repair("oHbI CAThII Ay IIIbIFbIHJapbIH").text.contains("сатып алу"))
    }

    @Test func anInitialIsNotJoined() {
        let text = Self.repairer.repair("o6sIcbIHbIH oKiMi E. Mapxa6aeB").text
        #expect(text.contains("Е."))
    }

    @Test func descenderCommaBelongsToTheLetter() {
        #expect(Self.repairer.repair("KepceTineTiH KbI3MeTTi GepyWiHiH, GacWibINbiFbI").text.contains("берушінің басшылығы"))
    }

    @Test func aScanThatPrintsDescendersAsCommasLosesThem() {
        // most words ending in "H" carry a comma: this scan prints the descender of ң as one
        let text = Array(repeating: "MeMJIeKeTTiK KepceTineTiH KbI3MeTIHIH, periaMeHTi", count: 6).joined(separator: "\n")
        #expect(!Self.repairer.repair(text).text.contains(","))
    }

    @Test func aScanThatPrintsTheDescenderAfterALowerCaseNLosesItToo() {
        // bold faces read ң as "n" and its descender as a comma; once the scan is known to do so, the comma
        // goes whatever glyph the OCR put before it, and after қ as well
        let lines = Array(repeating: "KepceTineTin KbI3MeTTi Gepyminin, Kence KbI3MeTKepi", count: 6)
            + ["KbI3MeTTi Gepymini, Kence KbI3MeTKepi", "PecnyGnnkacbinbin, eHCayJIbIK, CaKTay MuHHCTpJIiri"]
        let text = Self.repairer.repair(lines.joined(separator: "\n")).text
        #expect(!text.contains(","), "\(text)")
        #expect(text.contains("денсаулық сақтау"), "\(text)")
    }

    @Test func aHyphenatedCompoundTheLexiconLacksIsReadPartByPart() {
        // the lexicon has each half but not the compound: the character model would spell it letter by letter
        let result = Self.repairer.repair("aNNapaTTBIK-OarJapnaMasibIK KEIIeH 1 eCenKe amy")
        #expect(result.text.hasPrefix("аппараттық-бағдарламалық "), "\(result.text)")
        #expect(result.edits.first?.original == "aNNapaTTBIK-OarJapnaMasibIK")
        // a compound the lexicon has stays one reading
        #expect(Self.repairer.repair("ic-KHMbIIAapAbl").text == "іс-қимылдарды")
    }

    @Test func realCommasAfterGenitivesStay() {
        // few words ending in "H" carry a comma: those that do are real (a list of genitives)
        let lines = Array(repeating: "MeMJIeKeTTiK KepceTineTiH KbI3MeTTi KepceTineTiH MeKeMeHiH KbI3MeTKepi", count: 10)
            + ["KaJlaJapAblH, ayJaHAapAbIH, aybUIAapAblH OKiMAepi"]
        #expect(Self.repairer.repair(lines.joined(separator: "\n")).text.hasSuffix("қалалардың, аудандардың, ауылдардың әкімдері"))
    }

    @Test func guillemetBeforeAWordWithZheIsPartOfTheLetter() {
        #expect(Self.repairer.repair("Kywi «*onbingbi").text == "Күші жойылды")
        // a guillemet that a » closes on the line is a quote
        #expect(Self.repairer.repair("«KaszakcTaH PecnyOnukacbl»").text.hasPrefix("«Қазақстан"))
    }

    @Test func apostropheAfterAWordIsOneClosingQuote() {
        // the second token's "'\"" is one misread quote; its cached reading must not be the first token's
        #expect(Self.repairer.repair("Oepy KbI3METTI' Oepy KbI3METTI'\"").text == "беру қызметті\" беру қызметті\"")
    }

    @Test func unmatchedClosingBracketIsALetter() {
        let text = Self.repairer.repair("KepceTineTiH KbI3MeTT] anyLubl").text
        #expect(text.contains("қызметті"))
        #expect(!text.contains("]"))
        // a bracket that closes one opened on the line stays
        #expect(Self.repairer.repair("[KbI3METTI]").text.hasSuffix("]"))
    }

    @Test func barBeforeAHyphenatedWordIsOne() {
        #expect(Self.repairer.repair("KayJbIChIHA |-KOChIMIIIA").text.hasSuffix("1-қосымша"))
    }

    @Test func aLowerCaseInitialBeforeANameIsACapital() {
        let text = Self.repairer.repair("JKOHE b. Mycun").text
        #expect(text.contains("Б. Мусин"))   // and the surname slot prefers a surname ending to "мүсін"
        #expect(GarbleRepairer.hasSurnameEnding("қошанов") && !GarbleRepairer.hasSurnameEnding("мүсін"))
        // an abbreviation before a lower-case word keeps its case
        #expect(!Self.repairer.repair("2015 x. 29 minaeneri").text.contains("Ж."))
    }

    @Test func enactingFormulaBeforeANumberedPointIsAllCaps() {
        let text = Self.repairer.repair("o0upIchIHBIH oKiMAITT KAYJIBI ETE/L:\n1. Koca Gepinren").text
        #expect(text.contains("ҚАУЛЫ ЕТЕДІ:"))
    }

    @Test func wordsThatFollowNumbersAreProposedAfterANumber() {
        #expect(Self.repairer.model.numberFollowers.contains("жылғы"))
        // a month the beam misses in a badly garbled date
        #expect(Self.repairer.repair("31 xarrapaarsl Ne 05/02").text.hasPrefix("31 қаңтардағы № 05/02"))
    }

    @Test func aWordTheCleanTextKeepsLowerCaseAfterAQuoteStaysLowerCase() {
        let text = Self.repairer.repair("HOTUXKECiH Oepy \"\nANEKTPOHABIK YKIMETTIH\" www.egov.kz").text
        #expect(text.contains("\nэлектрондық үкіметтің\""))
        // after a sentence end a quote does not keep the word lower-case
        let start = Self.repairer.repair("Oepy.\n\"ANEKTPOHABIK YKIMETTIH\" www.egov.kz").text
        #expect(!start.contains("\"электрондық"))
    }

    @Test func strayClosingBracketIsDropped() {
        let result = Self.repairer.repair("OTKEH COH KOJIIaHBICKA €HI13LIEI].")
        #expect(result.text.hasSuffix("."))
        #expect(!result.text.contains("]"))
        #expect(result.edits.contains { $0.original.hasSuffix("]") })   // the edit still shows what it replaced
    }

    @Test func letterLikeDigitsAfterAHyphenFinishTheWord() {
        #expect(GarbleRepairer.splitMixed("©31H-631").map(\.kind) == [.word])
        #expect(GarbleRepairer.splitMixed("A-9/406").map(\.kind) == [.word, .separator, .numeric, .separator, .numeric])
        #expect(GarbleRepairer.splitMixed("Ne42-02").count > 1)
        #expect(GarbleRepairer.splitMixed("€HI1311e/1").map(\.kind) == [.word])
        #expect(GarbleRepairer.splitMixed("42/02").map(\.kind) == [.numeric, .separator, .numeric])
    }

    @Test func splitMixedKeepsATrailingGlyphCommaInTheWord() {
        let pieces = GarbleRepairer.splitMixed("GepyWiHiH,")
        #expect(pieces.count == 1 && pieces[0].kind == .word && pieces[0].text == "GepyWiHiH,")
        let numbered = GarbleRepairer.splitMixed("|-KOChIMIIIA")
        #expect(numbered.map(\.kind) == [.numeric, .separator, .word])
    }
}

/// The adapted pass's cache language model: words the document already read with confidence are favoured.
@Suite struct RepairDocumentVocabularyTests {
    @Test func aDocumentWordWinsAClosePair() throws {
        var settings = GarbleDecoderSettings()
        settings.documentWeight = 50
        var repairer = GarbleRepairer(model: RepairGarbleTests.shared.model, settings: settings)
        let garble = "3aHgapbiHa"
        let readings = repairer.candidates(for: garble)
        try #require(readings.count >= 2)
        let context = CaseContext(capsLine: false, sentenceStart: false)
        #expect(repairer.decodeWord(garble, previous: nil, context: context).lower == readings[0].word)
        repairer.documentWords[readings[1].word] = 3
        #expect(repairer.decodeWord(garble, previous: nil, context: context).lower == readings[1].word)
    }
}

/// Forced alignment scores a given reading of a garble with the beam search's costs.
@Suite struct ForcedAlignmentTests {
    @Test func theRightReadingAlignsBest() throws {
        let model = RepairGarbleTests.shared.model
        let decoder = GarbleDecoder(model: model)
        let symbols = "kbi3metti".unicodeScalars.map { model.symbol($0.value) }
        func score(_ word: String) throws -> Float {
            let letters = try #require(model.letters(of: word))
            return try #require(decoder.forcedChannelScore(symbols, letters))
        }
        let right = try score("қызметті"), near = try score("қызмет"), far = try score("жылғы")
        #expect(right > near && near > far)
        #expect(decoder.forcedChannelScore([], [1]) == nil)
    }
}
