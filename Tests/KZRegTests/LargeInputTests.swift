import Foundation
import Testing
@testable import KZReg

/// A 50 MB input (generated at run time from repeated genre text) is converted in bounded time and memory.
/// Set KZREG_SKIP_LARGE_TESTS=1 to skip these during quick local iterations; CI runs them.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["KZREG_SKIP_LARGE_TESTS"] == nil))
struct LargeInputTests {
    static let megabytes = 50

    @Test(.timeLimit(.minutes(20)))
    func fiftyMegabyteFileIsConvertedByTheCommandLine() throws {
        let temp = try TemporaryDirectory()
        let text = Genre.large(megabytes: Self.megabytes)
        let path = try temp.write(text, to: "large.txt")
        let byteCount = text.utf8.count
        #expect(byteCount >= Self.megabytes * 1_000_000)

        let out = temp.path + "/out"
        let before = Self.childPeakMemory()
        let result = try KZRegBinary.run(["convert", path, "--out", out, "--format", "json", "--jobs", "1", "--quiet"])
        let peak = Self.childPeakMemory()
        #expect(result.status == 0, "\(result.stderr)")

        let manifest = try #require(ConversionManifest.load(fromDirectory: out))
        let entry = try #require(manifest.entries.first)
        #expect(entry.status == .ok)
        #expect(entry.byteCount == byteCount)
        // The record is complete JSON and spans reach the end of the input.
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/large.json")))
        let structure = try #require((record as? [String: Any])?["structure"] as? [String: Any])
        let span = try #require(structure["span"] as? [String: Any])
        #expect(span["end"] as? Int == byteCount)
        // Peak memory stays within a fixed multiple of the input (no runaway copies). Only checkable when this
        // child raised the children's high-water mark.
        if peak > before {
            #expect(peak < 40 * byteCount, "peak RSS \(peak / 1_000_000) MB for a \(byteCount / 1_000_000) MB input")
        }
    }

    #if canImport(Glibc)
    static let RUSAGE_CHILDREN_WHO = __rusage_who_t(RUSAGE_CHILDREN.rawValue)
    #else
    static let RUSAGE_CHILDREN_WHO = RUSAGE_CHILDREN
    #endif

    /// The largest peak resident set size of any waited-for child process so far, in bytes.
    static func childPeakMemory() -> Int {
        var usage = rusage()
        getrusage(Self.RUSAGE_CHILDREN_WHO, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
