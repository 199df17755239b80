import Testing
@testable import KZRegText

/// The byte-keyed memo of the repairer and the repair tokenizer's token cores.
@Suite struct ByteMemoTests {
    @Test func keysAreComparedByTheirBytes() {
        let memo = ByteMemo<String>(capacity: 100)
        memo.put(Array("ab".utf8), "ab")
        memo.put(Array("abc".utf8), "abc")
        memo.put([], "empty")
        #expect(memo.get(Array("ab".utf8)) == "ab")
        #expect(memo.get(Array("abc".utf8)) == "abc")
        #expect(memo.get([]) == "empty")
        #expect(memo.get(Array("a".utf8)) == nil)
        // a key read in place from a larger array
        let bytes = Array("xxabcx".utf8)
        #expect(memo.get(bytes, 2..<5) == "abc")
        #expect(memo.get(bytes, 2..<4) == "ab")
        memo.put(Array("ab".utf8), "replaced")
        #expect(memo.get(Array("ab".utf8)) == "replaced")
    }

    @Test func manyKeysAndTheCapacity() {
        let memo = ByteMemo<Int>(capacity: 5_000)
        for i in 0..<4_000 { memo.put(Array("key \(i)".utf8), i) }
        var found = 0
        for i in 0..<4_000 where memo.get(Array("key \(i)".utf8)) == Optional(i) { found += 1 }
        #expect(found == 4_000)
        // reaching the capacity empties the memo
        for i in 4_000..<5_001 { memo.put(Array("key \(i)".utf8), i) }
        #expect(memo.get(Array("key 0".utf8)) == nil)
        #expect(memo.get(Array("key 5000".utf8)) == 5_000)
    }

    @Test func tokenCoresStripEdgeMarks() {
        let text = "(\"KbI3MeT\"), — .. «Ne» -5- ¥a"
        let bytes = Array(text.utf8)
        let tokens = RepairTokenizer.tokens(bytes)
        let cores = tokens.map { String(decoding: bytes[$0.coreStart..<$0.coreEnd], as: UTF8.self) }
        #expect(cores == ["KbI3MeT", "", "", "Ne", "5", "¥a"])
        #expect(tokens[0].latin == 6 && tokens[0].digits == 1)
        #expect(tokens[5].hasGarbleMark && tokens[5].latin == 2)
        // an all-mark token has an empty core at its first scalar that is not a leading mark
        #expect(tokens[2].coreStart == tokens[2].start && tokens[2].coreEnd == tokens[2].coreStart)
    }
}

