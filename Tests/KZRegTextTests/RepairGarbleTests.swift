import Foundation
import Testing
@testable import KZRegText

/// The garble repair stage (issue 3): quality on hand-checked seed lines, no harm on clean text,
/// line preservation, legitimate Latin kept, numeric context.
@Suite struct RepairGarbleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared: GarbleRepairer = {
        // swiftlint:disable:next force_try
        try! GarbleRepairer.loadDefault()
    }()

    static func seed(_ prefix: String) throws -> String {
        let dir = root.appendingPathComponent("Seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }
        return try String(contentsOf: dir.appendingPathComponent(try #require(name)), encoding: .utf8)
    }

    /// Number of tokens of `expected` matched in order in `actual` (longest common subsequence).
    static func matchedWords(_ expected: [Substring], _ actual: [Substring]) -> Int {
        var previous = [Int](repeating: 0, count: actual.count + 1)
        for e in expected {
            var current = [Int](repeating: 0, count: actual.count + 1)
            for (j, a) in actual.enumerated() {
                current[j + 1] = e == a ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[actual.count]
    }

    @Test func modelLoadsFast() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try GarbleModel.loadDefault() }
        print("repair model load: \(elapsed)")
        #expect(elapsed < .seconds(5))   // debug build; release target is < 0.5 s (scripts/bench-repair)
    }

    @Test func seedLinesWordAccuracy() throws {
        let url = Self.root.appendingPathComponent("Fixtures/repair/seed-lines.tsv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && $0.contains("\t") }
            .map { $0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false) }
        #expect(rows.count >= 100)
        // The lines are repaired as one document, as the CLI would see them.
        let garbled = rows.map { String($0[0]) }.joined(separator: "\n")
        let repaired = Self.shared.repair(garbled).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(repaired.count == rows.count)
        var total = 0, exact = 0, folded = 0
        for (row, line) in zip(rows, repaired) {
            let want = row[1].split(separator: " ")
            let got = line.split(separator: " ")
            total += want.count
            exact += Self.matchedWords(want, got)
            folded += Self.matchedWords(want.map { Substring($0.lowercased()) }, got.map { Substring($0.lowercased()) })
        }
        let accuracy = Double(exact) / Double(total)
        let foldedAccuracy = Double(folded) / Double(total)
        print(String(format: "seed-line word accuracy: %.2f %% (%d/%d words, %d lines); case-insensitive %.2f %%",
                     accuracy * 100, exact, total, rows.count, foldedAccuracy * 100))
        // Issue 3's bar (measured 97.17 %, 857/882, with the committed model; see scripts/repair/README.md).
        #expect(accuracy >= 0.97)
    }

    @Test(arguments: ["001", "003"]) func cleanSeedsAreUntouched(_ prefix: String) throws {
        let text = try Self.seed(prefix)
        let result = Self.shared.repair(text)
        #expect(result.edits.isEmpty)
        #expect(Array(result.text.utf8) == Array(text.utf8))
    }

    @Test(arguments: ["000", "002", "004"]) func lineCountIsKept(_ prefix: String) throws {
        let text = try Self.seed(prefix)
        let result = Self.shared.repair(text)
        #expect(result.text.split(separator: "\n", omittingEmptySubsequences: false).count
                == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!result.edits.isEmpty)
        // edits are sorted, non-overlapping and point at their original bytes
        let bytes = Array(text.utf8)
        var last = 0
        for edit in result.edits {
            #expect(edit.start >= last && edit.end > edit.start)
            #expect(String(decoding: bytes[edit.start..<edit.end], as: UTF8.self) == edit.original)
            #expect((0...1).contains(edit.confidence))
            last = edit.end
        }
    }

    @Test func legitimateLatinIsKept() {
        let text = """
            MeMIIeKeTTIK KbI3METTI KOPCETY "AnekTpoHaAblK yKiMeTTiH" www.egov.kz BeO-mopTasbl apKbLIbl
            II Tapay. Kepi Oaitnanbic info@egov.kz HemMece SMS apkblibl KepceTineai
            """
        let result = Self.shared.repair(text)
        #expect(result.text.contains("www.egov.kz"))
        #expect(result.text.contains("info@egov.kz"))
        #expect(result.text.contains("SMS"))
        #expect(result.text.contains("II "))
        #expect(result.text.contains("мемлекеттік") || result.text.contains("Мемлекеттік"))
        #expect(result.text.split(separator: "\n").count == 2)
    }

    @Test func numeroSignAndNumbers() {
        let text = "AxMona o0JbICBIHBIH OginieT AenapTaMeHTiHae 2O19 xbutFbl 10 KbipKyilekTe Ne 7375 Goubin TipkenIi."
        let result = Self.shared.repair(text)
        #expect(result.text.contains("№ 7375"))
        #expect(result.text.contains("2019"))
        #expect(result.text.contains("жылғы"))
        #expect(result.text.contains("тіркелді"))
    }

    @Test func offsetsMapBackToTheInput() {
        let text = "Kymin sxxoriran\nKaysbicel 2019"
        let result = Self.shared.repair(text)
        let repairedBytes = Array(result.text.utf8)
        // the last token ("2019") maps back to its original offset
        let repairedOffset = repairedBytes.count - 4
        #expect(result.originalOffset(forRepairedOffset: repairedOffset) == text.utf8.count - 4)
    }

    @Test func cyrillicOnlyTextIsUntouched() {
        let text = "Қазақстан Республикасы Үкіметінің қаулысы. IV тарау. www.egov.kz e-mail: info@egov.kz"
        #expect(Self.shared.repair(text).edits.isEmpty)
    }
}
