import Testing
@testable import KZRegRecords

@Suite struct DurationParserTests {
    let parser = DurationParser()

    @Test func digits() {
        let found = parser.durations(in: "құжаттарды 10 минут ішінде тіркейді")
        #expect(found.count == 1)
        #expect(found.first?.value == 10)
        #expect(found.first?.unit == .minute)
        #expect(found.first?.qualifier == .within)
        #expect(found.first?.text == "10 минут ішінде")
    }
}
