import Foundation
import KZRegRecords
import Testing
@testable import KZRegDiff

@Suite struct RendererTests {
    typealias S = RecordSamples

    private func report(injecting text: String? = nil) throws -> DiffReport {
        var steps = S.subsidySteps()
        steps[2].durations = [Duration(value: 2, unit: .workingDay, text: "", span: S.zero)]
        if let text { steps[1].text += " " + text }
        steps.remove(at: 4)
        let old = S.record("old <a>.txt", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps())])
        let new = S.record("new.txt", regulations: [S.regulation(S.subsidyService, steps: steps)])
        return try RecordDiffer().diff(old: old, new: new)
    }

    @Test func plainTextHasNoEscapeCodesAndMarksWords() throws {
        let text = TextRenderer(colour: false).render(try report(injecting: "жедел"))
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("3-қадам: 1 жұмыс күні → 2 жұмыс күні"))
        #expect(text.contains("{+жедел+}"))
        #expect(text.contains("− 5-қадам (removed)"))
        // The summary comes before any regulation.
        let summary = try #require(text.range(of: "Summary"))
        let regulation = try #require(text.range(of: "Regulation 1 ↔ 1"))
        #expect(summary.lowerBound < regulation.lowerBound)
    }

    @Test func colourTextUsesANSIColours() throws {
        let text = TextRenderer(colour: true).render(try report(injecting: "жедел"))
        #expect(text.contains("\u{1B}[32mжедел\u{1B}[0m"))
        #expect(text.contains("\u{1B}[31m"))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = HTMLRenderer().render(try report(injecting: "<script>alert(1)</script> & \"x\""))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("old &lt;a&gt;.txt"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("<ins>") && html.contains("<del"))
        // The duration table comes before the side-by-side steps.
        let durations = try #require(html.range(of: "id=\"durations\""))
        let steps = try #require(html.range(of: "class=\"steps side-by-side\""))
        #expect(durations.lowerBound < steps.lowerBound)
    }

    @Test func durationsAreWordedInKazakh() {
        #expect(DurationFormatter.label(value: 1, unit: .workingDay) == "1 жұмыс күні")
        #expect(DurationFormatter.label(value: 1.5, unit: .hour) == "1,5 сағат")
        #expect(DurationFormatter.label(value: 2, maxValue: 3, unit: .hour) == "2–3 сағат")
        #expect(DurationFormatter.workingTime(hours: 8) == "1 жұмыс күні")
        #expect(DurationFormatter.workingTime(hours: 12.5) == "1 жұмыс күні 4 сағат 30 минут")
        #expect(DurationFormatter.total(workingHours: 0, calendarDays: 0, months: 0) == "мерзімі жоқ")
        #expect(DurationFormatter.total(workingHours: 0.25, calendarDays: 10, months: 0)
                == "15 минут + 10 күнтізбелік күн")
        #expect(DurationFormatter.delta(workingHours: -8) == "−8 жұмыс сағаты (−1 жұмыс күні)")
        #expect(DurationArithmetic.workingHours(value: 30, unit: .minute) == 0.5)
        #expect(DurationArithmetic.workingHours(value: 3, unit: .calendarDay) == nil)
    }

    @Test func aStepsLimitIsItsLongestPerKindOfTime() {
        let limit = StepLimit([DurationValue(value: 4, unit: .hour), DurationValue(value: 1, unit: .workingDay),
                               DurationValue(value: 5, unit: .day)])
        #expect(limit.workingHours == 8)
        #expect(limit.calendarDays == 5)
        #expect(!limit.isWorkingTimeOnly)
        // A range counts with its upper bound.
        #expect(StepLimit([DurationValue(value: 2, maxValue: 3, unit: .workingDay)]).workingHours == 24)
    }
}

@Suite struct DiffInputTests {
    @Test func jsonIsRecognizedByContent() {
        #expect(DiffInput.looksLikeJSON(Array("  \n{\"schemaVersion\": 1}".utf8)))
        #expect(DiffInput.looksLikeJSON([0xEF, 0xBB, 0xBF] + Array("{}".utf8)))
        #expect(!DiffInput.looksLikeJSON(Array("\"Мемлекеттік ... регламенті\"\n{".utf8)))
        #expect(!DiffInput.looksLikeJSON([]))
    }

    @Test func documentsGoThroughTheProcessor() throws {
        let record = RecordSamples.record("x", regulations: [])
        var seen: String?
        let result = try DiffInput.record(bytes: Array("1. Жалпы ережелер".utf8), fileName: "doc.txt") { _, name in
            seen = name
            return record
        }
        #expect(seen == "doc.txt")
        #expect(result == record)
    }

    @Test func jsonThatIsNotARecordIsAClearError() throws {
        do {
            _ = try DiffInput.record(bytes: Array("{\"schemaVersion\": 1}".utf8), fileName: "bad.json") { _, _ in
                Issue.record("JSON must not be processed as a document")
                return RecordSamples.record("x", regulations: [])
            }
            Issue.record("expected an error")
        } catch let error as DiffError {
            #expect(error.description.contains("bad.json looks like JSON but is not a kzreg record"))
            #expect(error.description.contains("missing key"))
        }
    }

    @Test func writtenRecordsAreReadBack() throws {
        let record = RecordSamples.record("written.txt", regulations: [
            RecordSamples.regulation(RecordSamples.subsidyService, steps: RecordSamples.subsidySteps())])
        let encoder = JSONEncoder()
        let bytes = [UInt8](try encoder.encode(record))
        let read = try DiffInput.record(bytes: bytes, fileName: "renamed.json") { _, _ in record }
        #expect(read.source.file == "renamed.json")
        #expect(read.regulations == record.regulations)
    }
}

@Suite struct TextSimilarityTests {
    @Test func similarityIgnoresCaseAndPunctuationAndEndings() {
        #expect(TextSimilarity.similarity("Көрсетілетін қызметті берушінің басшысы;",
                                          "көрсетілетін қызметті беруші басшысының") == 1)
        #expect(TextSimilarity.similarity("өтінішті қабылдайды", "нәтижеге қол қояды") == 0)
        let partial = TextSimilarity.similarity("құжаттарды қарайды және нәтижені дайындайды",
                                                "құжаттарды тексереді және нәтижені дайындайды")
        #expect(partial > 0.5 && partial < 1)
    }

    @Test func wordDiffReportsReplacementsAsDeletionThenInsertion() {
        let edits = WordDiff().diff("нәтижесін дайындайды – 1 (бір) жұмыс күні;", "нәтижесін дайындайды – 2 (екі) жұмыс күні;")
        #expect(edits == [WordEdit(op: .equal, text: "нәтижесін дайындайды –"), WordEdit(op: .delete, text: "1 (бір)"),
                          WordEdit(op: .insert, text: "2 (екі)"), WordEdit(op: .equal, text: "жұмыс күні;")])
        #expect(!WordDiff.differs("Басшысы, қол қояды.", "басшысы қол қояды"))
        #expect(WordDiff().diff("", "жаңа мәтін") == [WordEdit(op: .insert, text: "жаңа мәтін")])
        #expect(WordDiff(maxCells: 1).diff("а б", "в г") == [WordEdit(op: .delete, text: "а б"),
                                                             WordEdit(op: .insert, text: "в г")])
    }

    @Test func alignerKeepsOrderAndFindsMoves() {
        let old = ["a", "b", "c", "d", "e"], new = ["a", "d", "b", "c", "e"]
        let entries = SequenceAligner().align(oldCount: old.count, newCount: new.count) { old[$0] == new[$1] ? 1 : 0 }
        #expect(entries == [.matched(old: 0, new: 0, similarity: 1), .moved(old: 3, new: 1, similarity: 1),
                            .matched(old: 1, new: 2, similarity: 1), .matched(old: 2, new: 3, similarity: 1),
                            .matched(old: 4, new: 4, similarity: 1)])
    }
}
