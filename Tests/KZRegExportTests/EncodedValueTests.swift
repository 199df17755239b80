import Foundation
import KZRegExport
import KZRegRecords
import KZRegStructure
import Testing

@Suite struct EncodedValueTests {
    private struct Sample: Encodable {
        var number = 3
        var actor: String? = nil
        var text = "t"
        var durations: [Int] = []
        var result: String? = "r"
        var span = SourceSpan(start: 1, end: 2)
        var skipped: String? = nil

        enum CodingKeys: String, CodingKey { case number, actor, text, durations, result, span, skipped }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(actor, forKey: .actor)
            try container.encode(text, forKey: .text)
            try container.encode(durations, forKey: .durations)
            try container.encode(result, forKey: .result)
            try container.encode(span, forKey: .span)
            try container.encodeIfPresent(skipped, forKey: .skipped)
        }
    }

    @Test func keepsTheEncodingOrderAndNulls() throws {
        let tree = try EncodedValue.encoding(Sample())
        guard case .object(let members) = tree else {
            Issue.record("not an object: \(tree)")
            return
        }
        #expect(members.map(\.key) == ["number", "actor", "text", "durations", "result", "span"])
        #expect(tree["number"] == .integer(3))
        #expect(tree["actor"] == .null)
        #expect(tree["durations"] == .array([]))
        #expect(tree["span"] == .object([.init(key: "start", value: .integer(1)),
                                         .init(key: "end", value: .integer(2))]))
    }

    @Test func encodesScalarsAndCollections() throws {
        #expect(try EncodedValue.encoding(1.5) == .number(1.5))
        #expect(try EncodedValue.encoding(UInt8(7)) == .integer(7))
        #expect(try EncodedValue.encoding(UInt64.max) == .number(Double(UInt64.max)))
        #expect(try EncodedValue.encoding([true, false]) == .array([.bool(true), .bool(false)]))
        #expect(try EncodedValue.encoding(CalendarDate(year: 2019, month: 8, day: 29)) == .string("2019-08-29"))
        #expect(try EncodedValue.encoding(["k": [1, 2]])
                == .object([.init(key: "k", value: .array([.integer(1), .integer(2)]))]))
        let optional: Int? = nil
        #expect(try EncodedValue.encoding(optional) == .null)
    }

    @Test func nonFiniteNumbersAreAnError() {
        #expect(throws: EncodingError.self) { try EncodedValue.encoding([Double.nan]) }
        #expect(throws: EncodingError.self) { try EncodedValue.encoding(Double.infinity) }
    }

    @Test func aLargeDictionaryKeepsEveryKey() throws {
        let dictionary = Dictionary(uniqueKeysWithValues: (0..<500).map { ("k\($0)", $0) })
        guard case .object(let members) = try EncodedValue.encoding(dictionary) else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 500)
        #expect(Set(members.map(\.key)) == Set(dictionary.keys))
    }
}
