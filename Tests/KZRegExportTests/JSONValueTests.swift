import Foundation
import KZRegExport
import Testing

@Suite struct JSONValueTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Data(text.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5, 1e3, true, false, null, "x\"\\\/\n\u0416\ud83c\uddf0"], "b": {}} "#)
        #expect(value == .object(["a": .array([.integer(1), .number(-2.5), .number(1000), .bool(true), .bool(false),
                                               .null, .string("x\"\\/\nЖ\u{1F1F0}")]),
                                  "b": .object([:])]))
        #expect(try parse("0") == .integer(0))
        #expect(try parse("-0.0") == .number(-0.0))
        #expect(try parse("12345678901234567890") == .number(1.2345678901234567e19))
        #expect(try JSONValue(parsing: Data([0xEF, 0xBB, 0xBF] + Array("[]".utf8))) == .array([]))
    }

    @Test(arguments: ["", " ", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "01", "1.", ".5", "+1", "1e", "tru", "nul",
                      "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00 \"", "\"a\u{1}b\"", "[1] [2]",
                      "{\"a\": 1, \"a\": 2}", "NaN", "1e999"])
    func rejectsWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONParseError.self, "\(text.debugDescription)") { try parse(text) }
    }

    @Test func rejectsInvalidUTF8AndAbsurdNesting() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: Data([0x22, 0xC3, 0x28, 0x22])) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try parse(fine) }
    }

    @Test func jsonEqualityComparesNumbersByValue() {
        #expect(JSONValue.integer(1).isJSONEqual(to: .number(1.0)))
        #expect(!JSONValue.integer(1).isJSONEqual(to: .string("1")))
        #expect(JSONValue.object(["a": .array([.integer(2)])]).isJSONEqual(to: .object(["a": .array([.number(2)])])))
        #expect(!JSONValue.object(["a": .null]).isJSONEqual(to: .object([:])))
    }

    @Test func agreesWithFoundationOnTheExportedRecord() throws {
        let data = try JSONExporter().data(for: sampleRecord())
        #expect(try JSONValue(parsing: data) == JSONDecoder().decode(JSONValue.self, from: data))
    }
}
