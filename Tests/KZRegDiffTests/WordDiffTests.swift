import Testing
@testable import KZRegDiff

@Suite struct WordDiffTests {
    @Test func insertionInTheMiddleIsOneInsertion() {
        let edits = WordDiff().diff("қызметкер құжаттарды қабылдайды", "қызметкер барлық құжаттарды қабылдайды")
        #expect(edits == [WordEdit(op: .equal, text: "қызметкер"), WordEdit(op: .insert, text: "барлық"),
                          WordEdit(op: .equal, text: "құжаттарды қабылдайды")])
    }
}
