import Foundation
import KZRegExport
import KZRegRecords
import KZRegStructure
import Testing

@Suite struct JSONValueEncodingTests {
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

    @Test func keepsEveryEncodedMemberAndNulls() throws {
        let tree = try JSONValue.encoding(Sample())
        guard case .object(let members) = tree else {
            Issue.record("not an object: \(tree)")
            return
        }
        #expect(Set(members.keys) == ["number", "actor", "text", "durations", "result", "span"])
        #expect(tree["number"] == .integer(3))
        #expect(tree["actor"] == .null)
        #expect(tree["durations"] == .array([]))
        #expect(tree["span"] == .object(["start": .integer(1), "end": .integer(2)]))
    }

    /// The tree is the JSON the value encodes to, as the JSON encoder writes it and the parser reads it back.
    @Test func matchesWhatTheJSONEncoderWrites() throws {
        let record = sampleRecord()
        let tree = try JSONValue.encoding(record)
        // Numbers by value: the tree keeps 2.0 a `.number`, the parser reads "2" as an `.integer`.
        #expect(tree.isJSONEqual(to: try JSONValue(parsing: JSONEncoder().encode(record))))
        #expect(tree.isJSONEqual(to: try JSONValue(parsing: JSONEncoder().encode(tree))))
        #expect(!tree.isJSONEqual(to: try JSONValue.encoding(sampleRecord(text: "other"))))
    }

    private struct Twice: Encodable {
        enum CodingKeys: String, CodingKey { case key }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode([1, 2], forKey: .key)
            try container.encode("last", forKey: .key)
        }
    }

    @Test func theLastWriteOfAKeyWins() throws {
        #expect(try JSONValue.encoding(Twice()) == .object(["key": .string("last")]))
    }

    @Test func mappingStringsMapsKeysAndValuesOnly() throws {
        let tree: JSONValue = .object(["a": .array([.string("x"), .integer(1), .null]), "b": .bool(true)])
        #expect(tree.mappingStrings { $0.uppercased() }
                == .object(["A": .array([.string("X"), .integer(1), .null]), "B": .bool(true)]))
        // Keys the transform merges keep the value of the key that sorted first.
        let merged = JSONValue.object(["b": .integer(2), "a": .integer(1)]).mappingStrings { _ in "k" }
        #expect(merged == .object(["k": .integer(1)]))
    }

    @Test func encodesScalarsAndCollections() throws {
        #expect(try JSONValue.encoding(1.5) == .number(1.5))
        #expect(try JSONValue.encoding(UInt8(7)) == .integer(7))
        #expect(try JSONValue.encoding(UInt64.max) == .number(Double(UInt64.max)))
        #expect(try JSONValue.encoding([true, false]) == .array([.bool(true), .bool(false)]))
        #expect(try JSONValue.encoding(CalendarDate(year: 2019, month: 8, day: 29)) == .string("2019-08-29"))
        #expect(try JSONValue.encoding(["k": [1, 2]]) == .object(["k": .array([.integer(1), .integer(2)])]))
        let optional: Int? = nil
        #expect(try JSONValue.encoding(optional) == .null)
    }

    @Test func nonFiniteNumbersAreAnError() {
        #expect(throws: EncodingError.self) { try JSONValue.encoding([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValue.encoding(Double.infinity) }
    }

    @Test func aLargeDictionaryKeepsEveryKey() throws {
        let dictionary = Dictionary(uniqueKeysWithValues: (0..<500).map { ("k\($0)", $0) })
        guard case .object(let members) = try JSONValue.encoding(dictionary) else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 500)
        #expect(members == dictionary.mapValues { JSONValue.integer($0) })
    }
}
