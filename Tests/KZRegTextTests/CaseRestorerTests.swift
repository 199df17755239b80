import Foundation
import Testing
@testable import KZRegText

/// Letter case of repaired garbled words (`CaseRestorer`): glyph evidence, context, ALL-CAPS lines and formulae.
@Suite struct CaseRestorerTests {
    static let model: GarbleModel = {
        // swiftlint:disable:next force_try
        try! GarbleModel.loadDefault()
    }()
    let restorer = CaseRestorer(model: CaseRestorerTests.model)
    let midSentence = CaseContext(capsLine: false, sentenceStart: false)
    let sentenceStart = CaseContext(capsLine: false, sentenceStart: true)

    /// The words of `text` that carry Cyrillic letters.
    static func cyrillicWords(_ text: Substring) -> [String] {
        text.split(separator: " ").map(String.init).filter { $0.unicodeScalars.contains { $0.value >= 0x400 && $0.value < 0x530 } }
    }

    static func isAllCaps(_ word: String) -> Bool { word == word.uppercased() && word != word.lowercased() }
    static func isLower(_ word: String) -> Bool { word == word.lowercased() }

    @Test func lowerCaseShapesAreReadPerLetter() {
        #expect(CaseRestorer.lowerShaped("6", letter: "б"))
        #expect(CaseRestorer.lowerShaped("G", letter: "б"))
        #expect(!CaseRestorer.lowerShaped("B", letter: "б"))
        #expect(CaseRestorer.lowerShaped("9", letter: "ә"))
        #expect(!CaseRestorer.lowerShaped("9", letter: "а"))
        #expect(CaseRestorer.lowerShaped("a", letter: "а"))
        #expect(!CaseRestorer.lowerShaped("K", letter: "к"))   // к prints as K in either case
    }

    @Test func lowerCaseGlyphRulesOutACapital() {
        // a garble starting with the shape of lower-case б cannot be a capital Б, even at a sentence start or
        // for a word the model lists as usually capitalized (білім, as in Білім және ғылым министрлігі)
        #expect(restorer.caseClass(of: "Ginim", reading: "білім", context: midSentence, oov: false) == .lower)
        #expect(restorer.caseClass(of: "6inim", reading: "білім", context: sentenceStart, oov: false) == .lower)
        #expect(restorer.caseClass(of: "Binim", reading: "білім", context: sentenceStart, oov: false) == .capitalized)
        #expect(restorer.caseClass(of: "9ninet", reading: "әділет", context: sentenceStart, oov: false) == .lower)
    }

    @Test func glyphAfterLeadingMarkIsNoEvidence() {
        // "[u" is one letter (Ц): its "u" is not the word's first stroke, so it does not rule out a capital
        #expect(restorer.caseClass(of: "[udpasik", reading: "цифрлық", context: sentenceStart, oov: false) == .capitalized)
        #expect(restorer.caseClass(of: "udpasik", reading: "цифрлық", context: sentenceStart, oov: false) == .lower)
    }

    @Test func unknownWordIsANameOnlyWhenItsCapitalIsUnmistakable() {
        // lower-case с, о, у print as C, O, Y at least as often as not: no evidence of a name
        #expect(restorer.caseClass(of: "Coiqa", reading: "сойқа", context: midSentence, oov: true) == .lower)
        #expect(restorer.caseClass(of: "Aiqa", reading: "айқа", context: midSentence, oov: true) == .capitalized)
        #expect(restorer.caseClass(of: "aiqa", reading: "айқа", context: midSentence, oov: true) == .lower)
    }

    @Test func vowelLessReadingsAreAbbreviations() {
        #expect(CaseRestorer.isAbbreviation("рмк"))
        #expect(CaseRestorer.isAbbreviation("шжқ"))
        #expect(!CaseRestorer.isAbbreviation("сол"))
        #expect(!CaseRestorer.isAbbreviation("к"))
        #expect(restorer.caseClass(of: "PMK", reading: "рмк", context: midSentence, oov: false) == .allCaps)
        #expect(restorer.caseClass(of: "Pmk", reading: "рмк", context: midSentence, oov: false) == .lower)
    }

    @Test func applyCase() {
        #expect(CaseRestorer.applyCase("қаулы", .allCaps) == "ҚАУЛЫ")
        #expect(CaseRestorer.applyCase("қаулы", .capitalized) == "Қаулы")
        #expect(CaseRestorer.applyCase("қаулы", .lower) == "қаулы")
    }

    // MARK: lines and runs, through the repairer

    static let repairer = GarbleRepairer(model: model)

    static func repairedLines(_ text: String) -> [Substring] {
        repairer.repair(text).text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static let body = "KbI3MeT KepceTy TypasibI Kazakctah PecnyOnukacbiHbIH 3aHbIHA colikec o6sIcTbIH oKiMairi"

    @Test func formulaEndingAParagraphIsAllCaps() {
        let lines = Self.repairedLines(Self.body + " KAYJIbI ETEDI:\n\n1. MemnekeTTik KbI3MeT KepceTy Typanbi.")
        let formula = Self.cyrillicWords(lines[0]).suffix(2)
        #expect(formula.count == 2 && formula.allSatisfy(Self.isAllCaps), "\(lines[0])")
        #expect(!Self.cyrillicWords(lines[0]).dropLast(2).contains(where: Self.isAllCaps), "\(lines[0])")
    }

    @Test func formulaAcrossALineBreakIsAllCaps() {
        let lines = Self.repairedLines(Self.body + " KAYJIbI\nETEDI:\n\n1. MemnekeTTik KbI3MeT KepceTy Typanbi.")
        #expect(Self.cyrillicWords(lines[0]).last.map(Self.isAllCaps) == true, "\(lines[0])")
        #expect(Self.cyrillicWords(lines[1]).allSatisfy(Self.isAllCaps), "\(lines[1])")
    }

    @Test func capsLookingWordsInsideAParagraphStayLowerCase() {
        // caps-looking words before a colon, but the paragraph goes on: scanned lower case, not a formula
        let lines = Self.repairedLines(Self.body + " KbI3METTI AJIYIIbI:\nMemnekeTTik KbI3MeT KepceTy Typanbi.")
        #expect(Self.cyrillicWords(lines[0]).suffix(2).allSatisfy(Self.isLower), "\(lines[0])")
    }

    @Test func nounBeforeAColonOnItsOwnLineIsNoFormula() {
        // two caps-looking words ending with ":" on their own line after a line that goes on: a formula ends
        // with a finite verb (ЕТЕДІ), "ҚЫЗМЕТТІ АЛУШЫ:" is a scanned lower-case clause
        let lines = Self.repairedLines(Self.body + " KepceTy\nKbI3METTI AJIYIIbI:\n\n1) Noptanra kipy;")
        #expect(Self.cyrillicWords(lines[1]).allSatisfy(Self.isLower), "\(lines[1])")
        let formula = Self.repairedLines(Self.body + "\nKAYJIbI ETEDI:\n\n1. MemnekeTTik KbI3MeT KepceTy Typanbi.")
        #expect(Self.cyrillicWords(formula[1]).allSatisfy(Self.isAllCaps), "\(formula[1])")
    }

    @Test func capsLineRunningOnIntoLowerCaseTextIsNoHeading() {
        // after a full stop, a caps-looking line without an end of its own that runs on into the next line's
        // lower-case text is part of the paragraph, not a heading
        let text = Self.body + " KepceTy.\nKOMMUCCHAHBIH XATLUBICbI KOMMCCKA OTbIPbICbIHbIH XATTAMACbIH\n"
            + "KepceTinetiH KbiIsMeT Oepywihih KbIs3MeTKepnepine 20 mMuHyT iwinge\n"
        let lines = Self.repairedLines(text)
        #expect(!Self.cyrillicWords(lines[1]).contains(where: Self.isAllCaps), "\(lines[1])")
        #expect(Self.cyrillicWords(lines[1]).first.map { $0.first!.isUppercase } == true, "\(lines[1])")
    }

    @Test func headingGoesOnOverItsNextCapsLine() {
        let text = Self.body + " KepceTy.\n\nKA3AKCTAH PECIYBJIMKACBI EHBEK MUHUCTPIHIH\nBYUPbIFbI\n\nMemnekeTTik KbI3MeT."
        let lines = Self.repairedLines(text)
        #expect(Self.cyrillicWords(lines[2]).allSatisfy(Self.isAllCaps), "\(lines[2])")
        #expect(Self.cyrillicWords(lines[3]).allSatisfy(Self.isAllCaps), "\(lines[3])")
    }

    @Test func quotedStampLineIsAllCaps() {
        let lines = Self.repairedLines(Self.body + " KepceTy\n\"KEJICIJIAI\"\nKazakctah PecnyOnukacbiHbIH")
        #expect(Self.cyrillicWords(lines[1]).allSatisfy(Self.isAllCaps), "\(lines[1])")
    }

    @Test func latinTokensKeepTheirCase() {
        let lines = Self.repairedLines(Self.body + " Www.egov.kz apKbLIbl KepceTy.\n\nKA3AKCTAH PECIYBJIMKACBI www.egov.kz")
        #expect(lines[0].contains("Www.egov.kz"))
        #expect(lines[2].contains("www.egov.kz"))
    }
}
