import Foundation
import KZReg
import Testing
@testable import KZRegDiff

/// Golden tests over the constructed version pairs in `Fixtures/diff/<case>/`: `old.*` and `new.*` (documents
/// `.txt` or kzreg JSON records `.json`) must produce `expected.json` (and the plain text `expected.txt`).
/// Regenerate with `scripts/update-diff-fixtures` (sets KZREG_UPDATE_FIXTURES=1) and review the diff.
@Suite struct GoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/diff")
    static var updating: Bool { ProcessInfo.processInfo.environment["KZREG_UPDATE_FIXTURES"] == "1" }

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path,
                                                  isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// The report of one fixture case, its inputs named as in the fixture directory.
    static func report(_ name: String, selection: RegulationSelection = RegulationSelection()) throws -> DiffReport {
        let directory = root.appendingPathComponent(name)
        func record(_ side: String) throws -> Record {
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            let file = try #require(files.filter { $0.hasPrefix(side + ".") }.sorted().first,
                                    "\(name): no \(side).txt or \(side).json")
            let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
            return try DiffInput.record(bytes: bytes, fileName: file) { bytes, fileName in
                try Pipeline().process(bytes: bytes, fileName: fileName).record
            }
        }
        return try RecordDiffer(selection: selection).diff(old: try record("old"), new: try record("new"))
    }

    @Test func everyCaseHasItsGoldenFiles() {
        #expect(Self.cases.count >= 6)
        for name in Self.cases {
            let directory = Self.root.appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("expected.json").path),
                    "\(name): expected.json missing (run scripts/update-diff-fixtures)")
        }
    }

    @Test(arguments: cases) func reportMatchesGolden(_ name: String) throws {
        let report = try Self.report(name)
        let json = try JSONRenderer().data(for: report)
        let text = Data(TextRenderer(colour: false).render(report).utf8)
        let directory = Self.root.appendingPathComponent(name)
        for (file, data) in [("expected.json", json), ("expected.txt", text)] {
            let url = directory.appendingPathComponent(file)
            if Self.updating {
                try data.write(to: url)
            } else {
                let expected = try Data(contentsOf: url)
                #expect(String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                        "\(name)/\(file) differs from the golden file")
            }
        }
        let validator = SchemaValidator(root: try JSONValue.parse(Data(DiffSchema.json.utf8)))
        #expect(validator.violations(of: try JSONValue.parse(json)) == [])
    }
}
