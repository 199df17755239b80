import Foundation
import KZRegRecords
import Testing
@testable import KZRegDiff

/// Renders an HTML report in headless Chromium (Debian's `chromium` package) and asserts on the DOM it builds.
/// Skipped, with a message, when no Chromium is installed (`apt-get install -y chromium`; KZREG_CHROMIUM may
/// name the binary).
@Suite(.enabled(if: HeadlessChromium.path != nil,
                "chromium is not installed (apt-get install -y chromium): HTML rendering test skipped"))
struct HTMLChromiumTests {
    typealias S = RecordSamples

    private func report() throws -> DiffReport {
        var steps = S.subsidySteps()
        steps[2].durations = [Duration(value: 2, unit: .workingDay, text: "", span: S.zero)]
        steps[1].text += " <script>document.title='pwned'</script> & <b>x</b>"
        steps.insert(S.step(0, S.specialist, "\(S.specialist) деректерді ақпараттық жүйеде тексереді",
                            [(30, .minute)]), at: 4)
        let old = S.record("old.txt", regulations: [S.regulation(S.subsidyService, steps: S.subsidySteps())])
        let new = S.record("new <i>.txt", regulations: [S.regulation(S.subsidyService, steps: S.renumbered(steps))])
        return try RecordDiffer().diff(old: old, new: new)
    }

    @Test func theBrowserBuildsTheExpectedDocument() throws {
        let report = try report()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kzreg-diff-html-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.html")
        try Data(HTMLRenderer().render(report).utf8).write(to: file)

        let dom = try HeadlessChromium.dumpDOM(of: file)
        // The page parsed as one document, its title untouched by the injected script text.
        #expect(dom.contains("<title>kzreg diff: old.txt → new &lt;i&gt;.txt</title>"))
        #expect(!dom.contains("pwned'</script>") && !dom.contains("<b>x</b>"))
        #expect(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;"))
        // The duration table comes first, with the changed step and the totals.
        let durations = try #require(dom.range(of: "<table class=\"durations\">"))
        let steps = try #require(dom.range(of: "<table class=\"steps side-by-side\">"))
        #expect(durations.lowerBound < steps.lowerBound)
        #expect(dom.contains("<td>3-қадам</td><td class=\"old\">1 жұмыс күні</td><td class=\"new\">2 жұмыс күні</td>"))
        #expect(dom.contains("<tr class=\"total\">"))
        // Side by side: one row per aligned step; the inserted one is highlighted as an insertion.
        #expect(dom.components(separatedBy: "<tr class=\"step ").count - 1 == 6)
        #expect(dom.components(separatedBy: "<tr class=\"step added").count - 1 == 1)
        #expect(dom.contains("<ins class=\"whole\">"))
        #expect(dom.contains("<del>1 жұмыс күні</del>") && dom.contains("<ins>2 жұмыс күні</ins>"))
        // Nothing is fetched from outside the file.
        #expect(!dom.contains("src=") && !dom.contains("<link"))
    }

    @Test func theBrowserTakesAScreenshot() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kzreg-diff-shot-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.html")
        try Data(HTMLRenderer().render(try report()).utf8).write(to: file)
        let png = try HeadlessChromium.screenshot(of: file, to: directory.appendingPathComponent("shot.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000)
    }
}

/// Runs Debian's headless Chromium.
enum HeadlessChromium {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var path: String? {
        if let path = ProcessInfo.processInfo.environment["KZREG_CHROMIUM"], !path.isEmpty { return path }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                        "--disable-extensions", "--hide-scrollbars"]

    static func dumpDOM(of file: URL) throws -> String {
        String(decoding: try run(flags + ["--dump-dom", file.absoluteString]), as: UTF8.self)
    }

    static func screenshot(of file: URL, to png: URL) throws -> Data {
        _ = try run(flags + ["--window-size=1280,1600", "--screenshot=\(png.path)", file.absoluteString])
        return try Data(contentsOf: png)
    }

    /// Runs Chromium under coreutils' `timeout` (so a hung browser cannot hang the suite); returns its stdout.
    private static func run(_ arguments: [String], seconds: Int = 90) throws -> Data {
        guard let path else { throw Failure(description: "no chromium") }
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["\(seconds)", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("kzreg-chromium-home").path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with status \(process.terminationStatus)"
                + (process.terminationStatus == 124 ? " (timed out after \(seconds) s)" : ""))
        }
        return data
    }
}
