import Foundation
import Testing
@testable import KZReg

@Suite struct BatchConverterTests {
    func converter(jobs: Int = 2, force: Bool = false, formats: [OutputFormat] = OutputFormat.allCases) -> BatchConverter {
        BatchConverter(pipeline: Pipeline(), formats: formats, jobs: jobs, force: force)
    }

    func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func convertsEveryInputOfADirectoryTreeAndWritesAManifest() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/a.txt")
        try temp.write(Genre.kazakhAct, to: "in/sub/b.txt")
        try temp.write("not an input", to: "in/notes.md")
        try temp.write("hidden", to: "in/.hidden.txt")
        let out = temp.path + "/out"
        let result = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)

        #expect(result.succeeded)
        #expect(result.manifest.entries.map(\.name) == ["a", "b"])
        #expect(try files(in: out) == ["a.json", "a.xml", "b.json", "b.xml", "manifest.json"])
        let entry = try #require(result.manifest.entries.first)
        #expect(entry.status == .ok)
        #expect(entry.action == .converted)
        #expect(entry.outputs == ["a.json", "a.xml"])
        #expect(entry.sha256 == SHA256.hex(of: Array(Genre.kazakhAct.utf8)))
        #expect(entry.byteCount == Genre.kazakhAct.utf8.count)
        #expect(entry.encoding == "UTF-8")
        #expect(entry.stamp == converter().stamp)

        // The manifest on disk is the one returned, and it names the input's file in the record.
        let onDisk = try #require(ConversionManifest.load(fromDirectory: out))
        #expect(onDisk.entries == result.manifest.entries)
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/b.json")))
        let source = (record as? [String: Any])?["source"] as? [String: Any]
        #expect(source?["file"] as? String == "b.txt")
        // No temporary files are left behind.
        #expect(try files(in: out).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func oneFailingInputDoesNotStopTheOthers() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/good.txt")
        try temp.write([], to: "in/empty.txt")
        try temp.write(Genre.binary(count: 2000), to: "in/picture.txt")
        let missing = temp.path + "/in/missing.txt"
        let result = try converter().run(paths: [temp.path + "/in", missing], outputDirectory: temp.path + "/out")

        #expect(!result.succeeded)
        let byName = Dictionary(uniqueKeysWithValues: result.manifest.entries.map { ($0.name, $0) })
        #expect(byName["good"]?.status == .ok)
        #expect(byName["empty"]?.status == .failed)
        #expect(byName["empty"]?.reason == "the input is empty")
        #expect(byName["picture"]?.status == .failed)
        #expect(byName["picture"]?.reason?.isEmpty == false)
        #expect(byName["missing"]?.reason == "no such file")
        #expect(byName["missing"]?.sha256 == nil)
        #expect(result.manifest.summary.failed == 3)
        #expect(result.manifest.summary.converted == 1)
        #expect(try files(in: temp.path + "/out") == ["good.json", "good.xml", "manifest.json"])
    }

    @Test func rerunSkipsUpToDateInputsAndReconvertsChangedOnes() throws {
        let temp = try TemporaryDirectory()
        let a = try temp.write(Genre.kazakhAct, to: "in/a.txt")
        try temp.write(Genre.kazakhAct + "\n3. Қосымша тармақ.\n", to: "in/b.txt")
        let out = temp.path + "/out"
        let first = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(first.manifest.summary.converted == 2)

        let second = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(second.manifest.entries.map(\.action) == [.skipped, .skipped])
        #expect(second.manifest.entries.allSatisfy { $0.status == .ok })
        #expect(second.manifest.summary.skipped == 2)

        // Change a's content: only a is converted again.
        try temp.write(Genre.kazakhAct.replacingOccurrences(of: "№ 88", with: "№ 89"), to: "in/a.txt")
        let third = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(third.manifest.entries.map(\.action) == [.converted, .skipped])
        #expect(third.manifest.entries[0].sha256 == SHA256.hex(of: try InputFile.read(a)))

        // A missing output makes its input out of date.
        try FileManager.default.removeItem(atPath: out + "/b.xml")
        let fourth = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(fourth.manifest.entries.map(\.action) == [.skipped, .converted])
        #expect(FileManager.default.fileExists(atPath: out + "/b.xml"))

        // --force converts everything.
        let forced = try converter(force: true).run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(forced.manifest.entries.map(\.action) == [.converted, .converted])
    }

    @Test func anotherPipelineStampOrFormatMakesOutputsOutOfDate() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/a.txt")
        let out = temp.path + "/out"
        _ = try converter(formats: [.json]).run(paths: [temp.path + "/in"], outputDirectory: out)
        // Asking for XML too: the planned outputs differ from the recorded ones.
        let both = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(both.manifest.entries[0].action == .converted)
        // A pipeline with another repair method has another stamp.
        var other = converter()
        other.pipeline = Pipeline(repairer: NFCRepairer(), repairMethod: "other")
        #expect(other.pipeline.versionStamp != Pipeline().versionStamp)
        // … and so does the same method with another repair model.
        var retrained = Pipeline()
        retrained.repairModel = "0000000000000000"
        #expect(retrained.versionStamp != Pipeline().versionStamp)
        #expect(Pipeline().versionStamp.contains(try #require(Pipeline.bundledGarbleRepairer).model.fingerprint))
        let restamped = try other.run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(restamped.manifest.entries[0].action == .converted)
        // Another build of the executable (stamp suffix) too.
        other.stampSuffix = "build 2"
        #expect(try other.run(paths: [temp.path + "/in"], outputDirectory: out).manifest.entries[0].action == .converted)
        #expect(try other.run(paths: [temp.path + "/in"], outputDirectory: out).manifest.entries[0].action == .skipped)
    }

    @Test func sameNameInTwoDirectoriesDoesNotOverwrite() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/north/act.txt")
        try temp.write(Genre.kazakhAct.replacingOccurrences(of: "Ақтөбе", with: "Атырау"), to: "in/south/act.txt")
        let out = temp.path + "/out"
        let result = try converter(formats: [.json]).run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(result.manifest.entries.map(\.name) == ["north_act", "south_act"])
        #expect(result.manifest.entries.allSatisfy { $0.renamedBecause != nil })
        let north = try String(contentsOfFile: out + "/north_act.json", encoding: .utf8)
        let south = try String(contentsOfFile: out + "/south_act.json", encoding: .utf8)
        #expect(north != south)
    }

    @Test func theSameFileGivenTwiceIsConvertedOnce() throws {
        let temp = try TemporaryDirectory()
        let file = try temp.write(Genre.kazakhAct, to: "in/a.txt")
        let result = try converter().run(paths: [temp.path + "/in", file], outputDirectory: temp.path + "/out")
        #expect(result.manifest.entries.count == 1)
    }

    @Test func parallelAndSerialRunsWriteTheSameRecords() throws {
        let temp = try TemporaryDirectory()
        for index in 0..<8 {
            try temp.write(Genre.kazakhAct.replacingOccurrences(of: "№ 88", with: "№ \(index)"), to: "in/\(index).txt")
        }
        let serial = try converter(jobs: 1).run(paths: [temp.path + "/in"], outputDirectory: temp.path + "/serial")
        let parallel = try converter(jobs: 4).run(paths: [temp.path + "/in"], outputDirectory: temp.path + "/parallel")
        #expect(serial.manifest.entries.map(\.input) == parallel.manifest.entries.map(\.input))
        for entry in serial.manifest.entries {
            for output in entry.outputs {
                let a = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/serial/" + output))
                let b = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/parallel/" + output))
                #expect(a == b, "\(output) differs between --jobs 1 and --jobs 4")
            }
        }
    }

    @Test func progressReportsEveryInputOnce() throws {
        let temp = try TemporaryDirectory()
        for index in 0..<5 { try temp.write(Genre.kazakhAct, to: "in/\(index).txt") }
        let log = EventLog()
        _ = try converter(jobs: 3).run(paths: [temp.path + "/in"], outputDirectory: temp.path + "/out") { log.add($0) }
        let finished = log.finished
        #expect(finished.map(\.completed).sorted() == [1, 2, 3, 4, 5])
        #expect(Set(finished.map(\.input)).count == 5)
    }

    @Test func anOutputPathThatIsAFileIsAnError() throws {
        let temp = try TemporaryDirectory()
        let file = try temp.write("x", to: "occupied")
        #expect(throws: BatchError.self) { try converter().run(paths: [file], outputDirectory: file) }
    }

    @Test func failedInputLosesItsStaleOutputs() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/a.txt")
        let out = temp.path + "/out"
        _ = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(FileManager.default.fileExists(atPath: out + "/a.json"))
        try temp.write([], to: "in/a.txt")
        let result = try converter().run(paths: [temp.path + "/in"], outputDirectory: out)
        #expect(result.manifest.entries[0].status == .failed)
        #expect(!FileManager.default.fileExists(atPath: out + "/a.json"))
    }

    @Test func atomicWriterReplacesWholeFiles() throws {
        let temp = try TemporaryDirectory()
        let path = temp.path + "/file.json"
        try AtomicFileWriter().write(Data("first".utf8), to: path)
        try AtomicFileWriter().write(Data("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try files(in: temp.path) == ["file.json"])
        #expect(throws: OutputWriteError.self) {
            try AtomicFileWriter().write(Data("x".utf8), to: temp.path + "/no/such/dir/file.json")
        }
    }

    @Test func aManifestWrittenBeforeSubstitutionsWereCountedStillLoads() throws {
        let temp = try TemporaryDirectory()
        let manifest = ConversionManifest(stamp: "s", formats: [.json], startedAt: "2026-01-01T00:00:00Z", seconds: 1,
                                          jobs: 1, entries: [.init(input: "a.txt", name: "a", status: .ok,
                                                                   action: .converted, substitutions: 4)])
        #expect(manifest.summary.withSubstitutions == 1)
        var object = try #require(try JSONSerialization.jsonObject(with: manifest.jsonData()) as? [String: Any])
        var summary = try #require(object["summary"] as? [String: Any])
        var entry = try #require((object["entries"] as? [[String: Any]])?.first)
        #expect(summary.removeValue(forKey: "withSubstitutions") as? Int == 1)
        #expect(entry.removeValue(forKey: "substitutions") as? Int == 4)
        object["summary"] = summary
        object["entries"] = [entry]
        try temp.write([UInt8](try JSONSerialization.data(withJSONObject: object)), to: ConversionManifest.fileName)
        let loaded = try #require(ConversionManifest.load(fromDirectory: temp.path))
        #expect(loaded.entries.first?.substitutions == nil)
        #expect(loaded.summary.withSubstitutions == 0)
        #expect(loaded.entries.first?.input == "a.txt")
    }

    @Test func formatListParsing() throws {
        #expect(try OutputFormat.parseList("json,xml") == [.json, .xml])
        #expect(try OutputFormat.parseList("XML, json,xml") == [.json, .xml])
        #expect(throws: OutputFormat.UnknownFormat.self) { try OutputFormat.parseList("json,pdf") }
        #expect(throws: OutputFormat.UnknownFormat.self) { try OutputFormat.parseList("") }
    }
}

/// Collects batch events from worker threads.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BatchConverter.Event] = []

    func add(_ event: BatchConverter.Event) { lock.withLock { events.append(event) } }

    var finished: [(input: String, completed: Int)] {
        lock.withLock {
            events.compactMap { event in
                if case .finished(let entry, let completed, _) = event { return (entry.input, completed) }
                return nil
            }
        }
    }
}
