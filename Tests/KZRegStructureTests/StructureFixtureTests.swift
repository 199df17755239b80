import Foundation
import Testing
@testable import KZRegStructure

/// Golden-file tests over `Fixtures/structure/*.txt`: the segmenter's JSON (tree and metadata) must equal
/// the reviewed `*.json` next to each input. `scripts/update-structure-fixtures` regenerates the goldens
/// (it runs this suite with `UPDATE_FIXTURES=1`); review the diff before committing.
@Suite struct StructureFixtureTests {
    static let updating = ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1"

    static func json(for text: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Segmenter().segment(text))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test func thereAreFixturesForTheGenre() {
        #expect(TestSupport.fixtureNames.count >= 8)
    }

    @Test(arguments: TestSupport.fixtureNames)
    func segmenterOutputMatchesGolden(_ name: String) throws {
        let input = TestSupport.fixtureFolder.appendingPathComponent(name)
        let golden = input.deletingPathExtension().appendingPathExtension("json")
        let text = try String(contentsOf: input, encoding: .utf8)
        let actual = try Self.json(for: text)
        if Self.updating {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "\(name): segmenter output differs from \(golden.lastPathComponent); run scripts/update-structure-fixtures and review the diff")
    }

    @Test(arguments: TestSupport.fixtureNames)
    func everySpanSlicesToItsText(_ name: String) throws {
        let text = try String(contentsOf: TestSupport.fixtureFolder.appendingPathComponent(name), encoding: .utf8)
        let root = Segmenter().segment(text).root
        for node in root.descendantsAndSelf {
            #expect(TestSupport.spanHoldsTextStart(node, in: text),
                    "\(name) \(node.kind) \(node.span): «\(node.text.prefix(40))»")
        }
    }

    @Test func goldensRoundTrip() throws {
        for name in TestSupport.fixtureNames {
            let golden = TestSupport.fixtureFolder.appendingPathComponent(name).deletingPathExtension()
                .appendingPathExtension("json")
            guard let data = try? Data(contentsOf: golden) else { continue }
            let decoded = try JSONDecoder().decode(SegmentedDocument.self, from: data)
            #expect(decoded.root.kind == .document)
        }
    }
}
