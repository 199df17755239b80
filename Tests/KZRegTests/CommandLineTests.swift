import Foundation
import Testing
@testable import KZReg

/// Runs the built `kzreg` executable, as scripts do, and checks exit codes, stdout and stderr.
@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try KZRegBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == KZRegVersion.tool)
        for subcommand in ["repair", "segment", "extract", "convert", "schema"] {
            let help = try KZRegBinary.run(["help", subcommand])
            #expect(help.status == 0, "kzreg help \(subcommand)")
            #expect(help.stdout.contains("Examples:"), "kzreg help \(subcommand) shows examples")
            #expect(help.stdout.contains("kzreg \(subcommand)"))
        }
    }

    @Test(arguments: [
        ["extract"],                                            // missing argument
        ["extract", "a.txt", "--format", "pdf"],                // bad option value
        ["convert", "Seeds"],                                   // missing --out
        ["convert", "Seeds", "--out", "x", "--jobs", "0"],      // invalid value
        ["convert", "Seeds", "--out", "x", "--format", "json,pdf"],
        ["convert", "--out", "x"],                              // no input
        ["repair", "a.txt", "--threshold", "2"],
        ["frobnicate"],                                         // unknown subcommand
        ["extract", "a.txt", "--no-such-flag"],
    ])
    func usageErrorsExitWith2(arguments: [String]) throws {
        let result = try KZRegBinary.run(arguments)
        #expect(result.status == 2, "kzreg \(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileIsAnInputFailure() throws {
        let result = try KZRegBinary.run(["extract", "/nonexistent/act.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/act.txt"))
        #expect(result.stderr.contains("no such file"))
        #expect(result.stdout.isEmpty)
    }

    @Test func directoryGivenToExtractIsAUsageErrorThatPointsToConvert() throws {
        let temp = try TemporaryDirectory()
        let result = try KZRegBinary.run(["extract", temp.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a directory"))
        #expect(result.stderr.contains("kzreg convert"))
    }

    @Test func unreadablePathIsAClearError() throws {
        let temp = try TemporaryDirectory()
        // A symbolic link loop cannot be opened by anyone, root included.
        let loop = temp.path + "/loop.txt"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let result = try KZRegBinary.run(["extract", loop])
        #expect(result.status == 1)
        #expect(result.stderr.contains("loop.txt: cannot be read:"))
        if getuid() != 0 {
            let locked = try temp.write(Genre.kazakhAct, to: "locked.txt")
            chmod(locked, 0)
            let denied = try KZRegBinary.run(["extract", locked])
            #expect(denied.status == 1)
            #expect(denied.stderr.contains("locked.txt: cannot be read: Permission denied"))
        }
    }

    @Test func badInputsGiveAClearErrorAndExit1() throws {
        let temp = try TemporaryDirectory()
        let cases: [(name: String, bytes: [UInt8], reason: String)] = [
            ("empty.txt", [], "the input is empty"),
            ("image.png", Genre.binary(count: 3000), "the input"),
            ("nul.txt", Array("мәтін".utf8) + [0, 1, 2] + Array("мәтін".utf8), "binary"),
            ("garbage.txt", [UInt8](repeating: 0x80, count: 400) + [0x0A], "not valid UTF-8"),
        ]
        for item in cases {
            let path = try temp.write(item.bytes, to: item.name)
            for command in ["extract", "segment", "repair"] {
                let result = try KZRegBinary.run([command, path])
                #expect(result.status == 1, "\(command) \(item.name)")
                #expect(result.stderr.contains(item.name) && result.stderr.contains(item.reason),
                        "\(command) \(item.name): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
        }
    }

    @Test(arguments: [
        ("utf16le-bom", Genre.utf16(Genre.kazakhAct, bigEndian: false, byteOrderMark: true), "UTF-16LE"),
        ("utf16le", Genre.utf16(Genre.kazakhAct, bigEndian: false, byteOrderMark: false), "UTF-16LE"),
        ("utf16be-bom", Genre.utf16(Genre.kazakhAct, bigEndian: true, byteOrderMark: true), "UTF-16BE"),
        ("utf16be", Genre.utf16(Genre.kazakhAct, bigEndian: true, byteOrderMark: false), "UTF-16BE"),
        ("cp1251", Genre.windows1251(Genre.russianAct), "windows-1251"),
        ("kz1048", Genre.kz1048(Genre.kazakhAct.replacingOccurrences(of: "–", with: "-")), "KZ-1048"),
        ("utf8-bom", [0xEF, 0xBB, 0xBF] + Array(Genre.kazakhAct.utf8), "UTF-8"),
    ])
    func otherEncodingsAreDecodedAndTheRecordSaysSo(name: String, bytes: [UInt8], encoding: String) throws {
        let temp = try TemporaryDirectory()
        let path = try temp.write(bytes, to: name + ".txt")
        let result = try KZRegBinary.run(["extract", path])
        #expect(result.status == 0, "\(name): \(result.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let source = try #require(record["source"] as? [String: Any])
        #expect(source["encoding"] as? String == encoding)
        #expect(source["file"] as? String == name + ".txt")
        #expect(source["sha256"] as? String == SHA256.hex(of: bytes))
        #expect(source["transcoded"] as? Bool == (encoding != "UTF-8"))

        // The repaired text is UTF-8 whatever the input charset, line for line.
        let repaired = try KZRegBinary.run(["repair", path, "--quiet"])
        #expect(repaired.status == 0)
        #expect(repaired.stderr.isEmpty)
        let expectedLines = Array((encoding == "windows-1251" ? Genre.russianAct : Genre.kazakhAct).utf8)
            .split(separator: 0x0A, omittingEmptySubsequences: false).count
        #expect(Array(repaired.stdout.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).count
            == expectedLines)
    }

    @Test func mostlyValidUTF8IsReadWithReplacementCharacters() throws {
        let temp = try TemporaryDirectory()
        var bytes = Array(Genre.kazakhAct.utf8)
        bytes.insert(0xFF, at: try #require(bytes.firstIndex(of: 0x20)))   // between two characters
        let path = try temp.write(bytes, to: "broken.txt")
        let result = try KZRegBinary.run(["repair", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\u{FFFD}"))
        #expect(result.stderr.contains("1 undecodable byte(s)"))
    }

    @Test func extractAndSegmentWarnAboutUndecodableBytesButSucceed() throws {
        let temp = try TemporaryDirectory()
        var bytes = Array(Genre.kazakhAct.utf8)
        let spaces = bytes.indices.filter { bytes[$0] == 0x20 }
        bytes.insert(0xFF, at: spaces[9])
        bytes.insert(0xFE, at: spaces[2])
        let path = try temp.write(bytes, to: "broken.txt")
        for format in ["json", "xml"] {
            let result = try KZRegBinary.run(["extract", path, "--format", format])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stderr == "kzreg: warning: \(path): 2 undecodable byte sequences replaced with U+FFFD\n")
            #expect(result.stdout.contains(format == "json" ? #""substitutions" : 2"# : #"substitutions="2""#))
        }
        for format in ["text", "json"] {
            let segment = try KZRegBinary.run(["segment", path, "--format", format])
            #expect(segment.status == 0, "\(format): \(segment.stderr)")
            #expect(segment.stderr == "kzreg: warning: \(path): 2 undecodable byte sequences replaced with U+FFFD\n")
        }
        let clean = try KZRegBinary.run(["extract", try temp.write(Genre.kazakhAct, to: "clean.txt")])
        #expect(clean.status == 0)
        #expect(clean.stderr.isEmpty)
        #expect(clean.stdout.contains(#""substitutions" : 0"#))
    }

    @Test func convertWarnsAboutUndecodableBytesAndCountsThemInTheSummary() throws {
        let temp = try TemporaryDirectory()
        var bytes = Array(Genre.kazakhAct.utf8)
        bytes.insert(0xFF, at: try #require(bytes.firstIndex(of: 0x20)))
        try temp.write(bytes, to: "in/broken.txt")
        try temp.write(Genre.kazakhAct, to: "in/clean.txt")
        let out = temp.path + "/out"
        let arguments = ["convert", temp.path + "/in", "--out", out, "--format", "json", "--quiet"]
        let result = try KZRegBinary.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "the warning and the summary, even with --quiet: \(result.stderr)")
        #expect(lines.first?.contains("warning: \(temp.path)/in/broken.txt: 1 undecodable byte sequence replaced")
                == true, "\(result.stderr)")
        #expect(lines.last?.contains("2 converted, 0 up to date, 0 failed") == true)
        #expect(lines.last?.contains("; 1 with undecodable bytes; manifest:") == true)
        let manifest = try #require(ConversionManifest.load(fromDirectory: out))
        #expect(manifest.entries.map(\.substitutions) == [1, 0])
        #expect(manifest.summary.withSubstitutions == 1)
        // A re-run that skips the inputs converts nothing, so it warns about nothing.
        let again = try KZRegBinary.run(arguments)
        #expect(again.status == 0)
        #expect(!again.stderr.contains("warning"), "\(again.stderr)")
        #expect(!again.stderr.contains("undecodable"), "\(again.stderr)")
    }

    @Test func textWithoutStructureGivesARecord() throws {
        let temp = try TemporaryDirectory()
        let path = try temp.write("Бұл жай мәтін.\nЕшқандай құрылым жоқ.\n", to: "plain.txt")
        let result = try KZRegBinary.run(["extract", path])
        #expect(result.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((record["regulations"] as? [Any])?.isEmpty == true)
        #expect(record["schemaVersion"] as? Int == 1)
    }

    @Test func standardInputIsReadWithDash() throws {
        let result = try KZRegBinary.run(["extract", "-"], stdin: Data(Genre.kazakhAct.utf8))
        #expect(result.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((record["source"] as? [String: Any])?["file"] as? String == "-")

        let empty = try KZRegBinary.run(["extract", "-"], stdin: Data())
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("the input is empty"))
    }

    @Test func extractWritesXMLToo() throws {
        let result = try KZRegBinary.run(["extract", "-", "--format", "xml"], stdin: Data(Genre.kazakhAct.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<?xml"))
        #expect(result.stdout.contains("<record"))
    }

    @Test func repairKeepsLinesAndReportsOnStderr() throws {
        let garbled = "Kymin sxxoriran\nAxMona o0abickl okiMairiHiH\r\n\n  No 15 6ousbin Tipkenal.\n"
        let result = try KZRegBinary.run(["repair", "-"], stdin: Data(garbled.utf8))
        #expect(result.status == 0)
        // Split on the LF byte: Swift's Character treats CR LF as one character.
        let inputLines = Array(garbled.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        let outputLines = Array(result.stdout.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(outputLines.count == inputLines.count)
        #expect(outputLines[2].isEmpty)
        #expect(outputLines[1].last == 0x0D)
        #expect(result.stderr.contains("tokens changed") || result.stderr.contains("token changed"))

        let quiet = try KZRegBinary.run(["repair", "-", "-q"], stdin: Data(garbled.utf8))
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout == result.stdout)
    }

    @Test func repairReportIsJSONWithSpansIntoTheInput() throws {
        let text = "Қаз\u{0430}\u{0306}қ тілі\nекінші жол\n"   // "а" + combining breve: not NFC
        let result = try KZRegBinary.run(["repair", "-", "--report", "json", "--quiet"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let edits = try #require(report["edits"] as? [[String: Any]])
        #expect(report["changedTokens"] as? Int == edits.count)
        let bytes = Array(text.utf8)
        for edit in edits {
            let start = try #require(edit["start"] as? Int)
            let end = try #require(edit["end"] as? Int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == edit["original"] as? String)
            #expect(edit["line"] as? Int == 1)
        }
    }

    @Test func segmentPrintsATreeWithSpansOrJSON() throws {
        let text = try KZRegBinary.run(["segment", "-"], stdin: Data(Genre.kazakhAct.utf8))
        #expect(text.status == 0)
        let firstLine = try #require(text.stdout.split(separator: "\n").first)
        #expect(firstLine.hasPrefix("document 0..<\(Genre.kazakhAct.utf8.count)"))
        #expect(text.stdout.split(separator: "\n").count > 1)

        let json = try KZRegBinary.run(["segment", "-", "--format", "json"], stdin: Data(Genre.kazakhAct.utf8))
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["structure"] as? [String: Any])?["kind"] as? String == "document")
        #expect(object["metadata"] != nil)
    }

    @Test func schemaPrintsBothSchemas() throws {
        let json = try KZRegBinary.run(["schema"])
        #expect(json.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        let xsd = try KZRegBinary.run(["schema", "--format", "xml"])
        #expect(xsd.status == 0)
        #expect(xsd.stdout.contains("schema"))
        #expect(xsd.stdout.contains("http://www.w3.org/2001/XMLSchema"))
    }

    @Test func convertReportsFailuresAndExits1ButConvertsTheRest() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/good.txt")
        try temp.write(Genre.binary(count: 500), to: "in/bad.txt")
        try temp.write(Genre.windows1251(Genre.russianAct), to: "in/sub/russian.txt")
        let out = temp.path + "/out"
        let result = try KZRegBinary.run(["convert", temp.path + "/in", "--out", out, "--jobs", "2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.txt"))
        #expect(result.stderr.contains("FAILED"))
        #expect(!result.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(outputs == ["good.json", "good.xml", "manifest.json", "russian.json", "russian.xml"])
        let manifest = try #require(ConversionManifest.load(fromDirectory: out))
        #expect(manifest.entries.map(\.status) == [.failed, .ok, .ok])
        #expect(manifest.entries[2].encoding == "windows-1251")
    }

    @Test func convertRerunSkipsUpToDateInputsUnlessForced() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/a.txt")
        try temp.write(Genre.kazakhAct, to: "in/b.txt")
        let out = temp.path + "/out"
        let arguments = ["convert", temp.path + "/in", "--out", out, "--format", "json"]
        #expect(try KZRegBinary.run(arguments).status == 0)
        let again = try KZRegBinary.run(arguments)
        #expect(again.status == 0)
        #expect(again.stderr.contains("0 converted, 2 up to date"))
        let forced = try KZRegBinary.run(arguments + ["--force"])
        #expect(forced.stderr.contains("2 converted, 0 up to date"))
        let quiet = try KZRegBinary.run(arguments + ["--quiet"])
        #expect(quiet.stderr.split(separator: "\n").count == 1, "only the summary: \(quiet.stderr)")
    }

    @Test func convertSaysWhenItRenamesClashingInputs() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Genre.kazakhAct, to: "in/x/act.txt")
        try temp.write(Genre.kazakhAct, to: "in/y/act.txt")
        let out = temp.path + "/out"
        let result = try KZRegBinary.run(["convert", temp.path + "/in", "--out", out, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note:"))
        #expect(FileManager.default.fileExists(atPath: out + "/x_act.json"))
        #expect(FileManager.default.fileExists(atPath: out + "/y_act.json"))
    }

    @Test func convertIntoAFileIsAnError() throws {
        let temp = try TemporaryDirectory()
        let file = try temp.write("x", to: "file")
        let result = try KZRegBinary.run(["convert", file, "--out", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a directory"))
    }
}

/// Finds and runs the `kzreg` executable built next to this test bundle.
enum KZRegBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable in the test bundle's build directory (e.g. `.build/debug/kzreg`), or the one named by
    /// the KZREG_BINARY environment variable.
    static let url: URL? = {
        if let path = ProcessInfo.processInfo.environment["KZREG_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = [Bundle.main.bundleURL, Bundle.main.executableURL, Bundle(for: Marker.self).bundleURL]
            .compactMap { $0 }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        for candidate in candidates {
            var directory = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let binary = directory.appendingPathComponent("kzreg")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
                directory.deleteLastPathComponent()
            }
        }
        return nil
    }()

    private final class Marker {}

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let binary = try #require(url, "the kzreg executable was not found next to the test bundle; build it first")
        let temp = try TemporaryDirectory()
        let outPath = temp.path + "/stdout"
        let errPath = temp.path + "/stderr"
        let inPath = temp.path + "/stdin"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data())
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
