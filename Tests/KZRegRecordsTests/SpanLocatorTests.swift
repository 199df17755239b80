import KZRegStructure
import KZRegText
import Testing
@testable import KZRegRecords

@Suite struct SpanLocatorTests {
    @Test func cleansedTextMapsBackAcrossLineBreaksAndHyphens() {
        // The node text joins wrapped lines and a line-end hyphenation, as the cleanser does.
        let source = "Кіріспе.\n   1) кеңсе қызметкері құжаттар-\nды 10 минут\n   ішінде тіркейді;\n"
        let start = source.utf8.count - "   1) кеңсе қызметкері құжаттар-\nды 10 минут\n   ішінде тіркейді;\n".utf8.count
        let node = StructureNode(kind: .subpoint, number: "1",
                                 text: "1) кеңсе қызметкері құжаттарды 10 минут ішінде тіркейді;",
                                 span: SourceSpan(start: start, end: source.utf8.count - 1))
        let aligned = SpanLocator(repair: RepairResult(text: source, edits: [])).aligned(node)
        let text = node.text
        func span(of part: String) -> String {
            let range = text.range(of: part)!
            let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            return aligned.span(lower, upper).text(in: source)
        }
        #expect(span(of: "10 минут ішінде") == "10 минут\n   ішінде")
        #expect(span(of: "құжаттарды") == "құжаттар-\nды")
        #expect(span(of: "кеңсе қызметкері") == "кеңсе қызметкері")
    }

    @Test func repairedTokensMapToTheGarbledInput() {
        // The input is garbled; the repair replaced two tokens; node spans are in input coordinates.
        let input = "басшы 10 MuHyT iшінде қол қояды"
        let edits = [
            RepairEdit(start: input.utf8Offset(of: "MuHyT"), end: input.utf8Offset(of: "MuHyT") + 5,
                       original: "MuHyT", replacement: "минут"),
            RepairEdit(start: input.utf8Offset(of: "iшінде"), end: input.utf8Offset(of: "iшінде") + "iшінде".utf8.count,
                       original: "iшінде", replacement: "ішінде"),
        ]
        let repair = RepairResult(applying: edits, to: input)
        #expect(repair.text == "басшы 10 минут ішінде қол қояды")
        let node = StructureNode(kind: .paragraph, text: repair.text, span: SourceSpan(start: 0, end: input.utf8.count))
        let aligned = SpanLocator(repair: repair).aligned(node)
        let match = DurationParser().durations(in: node.text)[0]
        #expect(aligned.span(match.start, match.end).text(in: input) == "10 MuHyT iшінде")
    }

    @Test func withoutTheTextFieldsGetTheNodeSpan() {
        let node = StructureNode(kind: .paragraph, text: "басшы 10 минут ішінде", span: SourceSpan(start: 7, end: 40))
        #expect(SpanLocator().aligned(node).span(6, 20) == node.span)
    }
}

extension String {
    func utf8Offset(of part: String) -> Int {
        utf8.distance(from: startIndex, to: range(of: part)!.lowerBound)
    }
}
