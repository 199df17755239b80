import Foundation
import Testing
@testable import KZRegStructure

@Suite struct SegmenterLargeInputTests {
    /// A multi-megabyte input (the fixtures repeated) segments without blowing up: the work is linear,
    /// so this finishes well inside the limit, and every copy's structure is found.
    @Test(.timeLimit(.minutes(2))) func segmentsAMultiMegabyteInputLinearly() throws {
        let sample = try String(contentsOf: TestSupport.fixtureFolder
            .appendingPathComponent("02-akimat-two-regulations.txt"), encoding: .utf8)
        let copies = 1_000
        let text = String(repeating: sample + "\n\n", count: copies)
        #expect(text.utf8.count > 4_000_000)
        let root = Segmenter().segment(text).root
        // The first copy supplies the header; each copy has two act-level annexes.
        #expect(root.children(.annex).count == 2 * copies)
        #expect(root.span.end == text.utf8.count)
    }

    @Test func oneHugeLineDoesNotBreakAnything() {
        let line = String(repeating: "сөз ", count: 200_000)
        let root = Segmenter().segment(line).root
        #expect(root.children.count == 1)
        #expect(root.children[0].kind == .paragraph)
    }
}
