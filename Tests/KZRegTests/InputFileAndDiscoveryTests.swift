import Foundation
import Testing
@testable import KZReg

@Suite struct InputFileAndDiscoveryTests {
    @Test func readsFilesAndNamesWhatIsWrong() throws {
        let temp = try TemporaryDirectory()
        let file = try temp.write(Genre.kazakhAct, to: "act.txt")
        #expect(try InputFile.read(file) == Array(Genre.kazakhAct.utf8))
        #expect(throws: InputFileError.notFound(path: temp.path + "/none.txt")) {
            try InputFile.read(temp.path + "/none.txt")
        }
        #expect(throws: InputFileError.notFound(path: file + "/below")) { try InputFile.read(file + "/below") }
        #expect(throws: InputFileError.isDirectory(path: temp.path)) { try InputFile.read(temp.path) }
        let error = InputFileError.isDirectory(path: "Seeds")
        #expect(error.description == "Seeds: is a directory, not a file")
    }

    @Test func endlessOrOversizedInputStopsAtTheLimit() throws {
        #expect(throws: InputFileError.tooLarge(path: "/dev/zero", limit: 3 << 20)) {
            try InputFile.read("/dev/zero", limit: 3 << 20)
        }
        let temp = try TemporaryDirectory()
        let file = try temp.write([UInt8](repeating: 0x41, count: 101), to: "a.txt")
        #expect(throws: InputFileError.tooLarge(path: file, limit: 100)) { try InputFile.read(file, limit: 100) }
        #expect(try InputFile.read(file, limit: 101).count == 101)
    }

    @Test func readsFilesLargerThanOneChunk() throws {
        let temp = try TemporaryDirectory()
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = try temp.write(bytes, to: "big.bin")
        #expect(try InputFile.read(file) == bytes)
    }

    @Test func walksDirectoriesRecursivelyInSortedOrder() throws {
        let temp = try TemporaryDirectory()
        for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.TXT", "e.md", ".git/x.txt", "sub/.hidden.txt"] {
            try temp.write("x", to: "in/" + name)
        }
        let found = InputDiscovery().walk(directory: temp.path + "/in")
        let relative = found.map { String($0.dropFirst(temp.path.count + 4)) }
        #expect(relative == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.TXT"])
    }

    @Test func reportsEmptyDirectoriesAndKeepsMissingPaths() throws {
        let temp = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: temp.path + "/empty", withIntermediateDirectories: true)
        let (inputs, empty) = InputDiscovery().inputs(for: [temp.path + "/empty", temp.path + "/missing.txt"])
        #expect(empty == [temp.path + "/empty"])
        #expect(inputs.map(\.path) == [temp.path + "/missing.txt"])
    }

    @Test func manifestEntriesAlwaysHaveTheSameKeys() throws {
        let entry = ConversionManifest.Entry(input: "a.txt", name: "a", status: .failed, action: .converted,
                                             reason: "the input is empty")
        let manifest = ConversionManifest(stamp: "s", formats: [.json], startedAt: "2026-01-01T00:00:00Z",
                                          seconds: 1, jobs: 1, entries: [entry])
        let object = try JSONSerialization.jsonObject(with: manifest.jsonData()) as? [String: Any]
        let entries = try #require(object?["entries"] as? [[String: Any]])
        #expect(Set(entries[0].keys) == ["input", "name", "renamedBecause", "status", "action", "reason", "outputs",
                                         "sha256", "byteCount", "encoding", "substitutions", "stamp", "seconds"])
        #expect(entries[0]["sha256"] is NSNull)
        #expect(entries[0]["substitutions"] is NSNull)
        #expect((object?["summary"] as? [String: Any])?["failed"] as? Int == 1)
        let decoded = try JSONDecoder().decode(ConversionManifest.self, from: manifest.jsonData())
        #expect(decoded == manifest)
    }

    @Test func treeFormatterIndentsByDepthAndShowsSpans() {
        let tree = StructureNode(kind: .document, span: SourceSpan(start: 0, end: 100), children: [
            StructureNode(kind: .chapter, number: "1", heading: "Жалпы ережелер", span: SourceSpan(start: 0, end: 60),
                          children: [
                              StructureNode(kind: .point, number: "1", text: String(repeating: "ә", count: 100),
                                            span: SourceSpan(start: 20, end: 60)),
                          ]),
            StructureNode(kind: .tableRow, span: SourceSpan(start: 60, end: 100), cells: ["a", "b"]),
        ])
        let lines = StructureTreeFormatter(textLimit: 10).format(tree).split(separator: "\n").map(String.init)
        #expect(lines == [
            "document 0..<100",
            "  chapter 1 0..<60 «Жалпы ережелер»",
            "    point 1 20..<60 \"ææææææææææ…\"".replacingOccurrences(of: "æ", with: "ә"),
            "  tableRow 60..<100 \"a | b\"",
        ])
    }
}
