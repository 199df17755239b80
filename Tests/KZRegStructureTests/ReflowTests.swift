import Foundation
import Testing
@testable import KZRegStructure

/// The cleanser must undo layout, not depend on it: re-wrapping a document's long lines at 80 characters
/// (as OCR exports do) and inserting page-break blank runs mid-paragraph must give the same tree — same
/// kinds, numbers, headings and texts.
@Suite struct ReflowTests {
    /// Wraps lines longer than `width` at spaces; every `breakEvery`-th wrap also gets a page break.
    static func reflow(_ text: String, width: Int = 80, breakEvery: Int = 23) -> String {
        var output: [String] = []
        var wraps = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count > width, !line.contains("\t") else { output.append(String(line)); continue }
            var current = ""
            let words = line.split(separator: " ")
            for (index, word) in words.enumerated() {
                // Never break after a word ending in "-": "әрі-" + break + "көрсетілетін" cannot be told from a
                // word hyphenated at the line end, so no cleanser could restore it.
                if !current.isEmpty && current.count + 1 + word.count > width && !current.hasSuffix("-") {
                    output.append(current)
                    wraps += 1
                    if wraps % breakEvery == 0 && index < words.count { output += ["", "", ""] }
                    current = String(word)
                } else {
                    current += current.isEmpty ? String(word) : " " + word
                }
            }
            output.append(current)
        }
        return output.joined(separator: "\n")
    }

    struct Shape: Equatable, CustomStringConvertible {
        var kind: NodeKind
        var number: String?
        var heading: String?
        var text: String
        var description: String { "\(kind) \(number ?? "-") «\(text.prefix(50))»" }
    }

    static func shapes(_ text: String) -> [Shape] {
        Segmenter().segment(text).root.descendantsAndSelf.map {
            Shape(kind: $0.kind, number: $0.number, heading: $0.heading, text: $0.cells == nil ? $0.text : "")
        }
    }

    @Test func reflowedSeed003GivesTheSameTree() throws {
        let original = try TestSupport.seed("003")
        let reflowed = Self.reflow(original)
        #expect(reflowed.split(separator: "\n").count > original.split(separator: "\n").count * 2)
        let expected = Self.shapes(original)
        let actual = Self.shapes(reflowed)
        #expect(actual.count == expected.count)
        for (left, right) in zip(expected, actual) where left != right {
            Issue.record("\(left.text) became \(right.text)")
            break
        }
    }

    /// The same document with every blank line removed (one paragraph per line, nothing between).
    static func withoutBlankLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
    }

    @Test(arguments: ["003"])
    func seedWithoutBlankLinesGivesTheSameTree(_ prefix: String) throws {
        let original = try TestSupport.seed(prefix)
        let expected = Self.shapes(original)
        let actual = Self.shapes(Self.withoutBlankLines(original))
        #expect(actual.count == expected.count)
        for (left, right) in zip(expected, actual) where left != right {
            Issue.record("\(left) became \(right)")
            break
        }
    }

    @Test(arguments: ["02-akimat-two-regulations.txt", "10-numbered-headings-and-points.txt",
                      "05-annex-label-styles.txt", "07-repealed-act.txt"])
    func fixturesWithoutBlankLinesGiveTheSameTree(_ name: String) throws {
        let original = try String(contentsOf: TestSupport.fixtureFolder.appendingPathComponent(name), encoding: .utf8)
        let expected = Self.shapes(original)
        let actual = Self.shapes(Self.withoutBlankLines(original))
        #expect(actual.count == expected.count)
        for (left, right) in zip(expected, actual) where left != right {
            Issue.record("\(left) became \(right)")
            break
        }
    }

    @Test(arguments: ["02-akimat-two-regulations.txt", "10-numbered-headings-and-points.txt"])
    func reflowedFixturesGiveTheSameTree(_ name: String) throws {
        let original = try String(contentsOf: TestSupport.fixtureFolder.appendingPathComponent(name), encoding: .utf8)
        let expected = Self.shapes(original)
        let actual = Self.shapes(Self.reflow(original, width: 50, breakEvery: 5))
        #expect(actual.count == expected.count)
        for (left, right) in zip(expected, actual) where left != right {
            Issue.record("\(left.text) became \(right.text)")
            break
        }
    }
}
