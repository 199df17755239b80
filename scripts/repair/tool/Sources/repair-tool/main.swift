import Foundation
import KZRegText
#if canImport(Glibc)
import Glibc
#endif

/// CPU seconds used by this process (user + system): throughput per core, independent of machine load.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds used by the calling thread.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

// repair-tool repair IN OUT [EDITS]   repair a file (OUT gets the text, EDITS a TSV of edits)
// repair-tool bench FILE [SECONDS]     model load time and repair throughput (first pass and warm)
// repair-tool passes FILE N            one cold and N warm repairs of FILE, no timing (for `perf stat` or
//                                      callgrind's instruction counts, see `warmPasses`)
let args = CommandLine.arguments
func secs(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
let clock = ContinuousClock()
/// The committed model of the repo (this tool's own bundle has no copy of it).
let modelURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "../../../../../Sources/KZRegText/Resources/garble-model.bin").standardized
func loadRepairer() throws -> GarbleRepairer {
    var settings = GarbleDecoderSettings()
    if let spec = ProcessInfo.processInfo.environment["KZREG_REPAIR_TUNE"] { settings.apply(spec) }
    let path = ProcessInfo.processInfo.environment["KZREG_REPAIR_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
    let url = path.map { URL(fileURLWithPath: $0) } ?? modelURL
    do {
        return GarbleRepairer(model: try GarbleModel(contentsOf: url), settings: settings)
    } catch {
        FileHandle.standardError.write(Data("repair-tool: cannot load the model \(url.path): \(error)\n".utf8))
        exit(2)
    }
}
/// N repairs of `text` (its own function, so `valgrind --tool=callgrind --toggle-collect='*warmPasses*'` counts
/// the instructions of the warm passes alone).
@inline(never) func warmPasses(_ repairer: GarbleRepairer, _ text: String, _ n: Int) {
    for _ in 0..<n { _ = repairer.repair(text) }
}
guard args.count >= 3 else {
    FileHandle.standardError.write("usage: repair-tool repair IN OUT [EDITS] | bench FILE [SECONDS] | passes FILE N\n".data(using: .utf8)!)
    exit(2)
}
switch args[1] {
case "repair":
    let repairer = try loadRepairer()
    var i = 2
    while i + 1 < args.count {
        let text = try String(contentsOfFile: args[i], encoding: .utf8)
        let result = repairer.repair(text)
        try result.text.write(toFile: args[i + 1], atomically: true, encoding: .utf8)
        var log = ""
        for e in result.edits {
            log += "\(e.start)\t\(e.original)\t\(e.replacement)\t\(String(format: "%.2f", e.confidence))\t\(e.alternatives.joined(separator: " "))\n"
        }
        try log.write(toFile: args[i + 1] + ".edits", atomically: true, encoding: .utf8)
        i += 2
    }
case "bench":
    var repairer: GarbleRepairer? = nil
    let cpu0 = cpuSeconds()
    let load = try clock.measure { repairer = try loadRepairer() }
    let cpuLoad = cpuSeconds() - cpu0
    let text = try String(contentsOfFile: args[2], encoding: .utf8)
    let seconds = args.count > 3 ? Double(args[3]) ?? 5 : 5
    let bytes = Double(text.utf8.count)
    let cpu1 = cpuSeconds()
    let cold = clock.measure { _ = repairer!.repair(text) }
    let cpuCold = cpuSeconds() - cpu1
    var rounds = 0
    var total = Duration.zero
    var perPass: [Double] = []   // thread CPU seconds of each warm pass
    let cpu2 = cpuSeconds()
    while secs(total) < seconds || rounds < 3 {
        let t0 = threadCPUSeconds()
        total += clock.measure { _ = repairer!.repair(text) }
        perPass.append(threadCPUSeconds() - t0)
        rounds += 1
    }
    perPass.sort()
    let cpuWarm = (cpuSeconds() - cpu2) / Double(rounds)
    let warm = secs(total) / Double(rounds)
    print(String(format: "model load: %.3f s wall, %.3f s CPU", secs(load), cpuLoad))
    print(String(format: "input: %.0f bytes", bytes))
    print(String(format: "first pass (cold decode cache): %.3f s wall = %.3f MB/s; %.3f s CPU = %.3f MB/s per core",
                 secs(cold), bytes / secs(cold) / 1e6, cpuCold, bytes / cpuCold / 1e6))
    print(String(format: "warm (%d passes, 1 thread): %.4f s wall = %.2f MB/s; %.4f s CPU = %.2f MB/s per core",
                 rounds, warm, bytes / warm / 1e6, cpuWarm, bytes / cpuWarm / 1e6))
    // the median and the fastest pass are steadier than the mean on a shared machine
    let median = perPass[perPass.count / 2], fastest = perPass[0]
    print(String(format: "warm per pass (thread CPU): median %.4f s = %.2f MB/s, fastest %.4f s = %.2f MB/s",
                 median, bytes / median / 1e6, fastest, bytes / fastest / 1e6))
case "passes":
    let repairer = try loadRepairer()
    let text = try String(contentsOfFile: args[2], encoding: .utf8)
    let n = args.count > 3 ? Int(args[3]) ?? 0 : 0
    let changed = repairer.repair(text).edits.count
    warmPasses(repairer, text, n)
    print("\(n) warm passes, \(changed) edits")
case "word":
    let repairer = try loadRepairer()
    for w in args[2...] {
        print(w, repairer.candidates(for: w).map { "\($0.word) \(String(format: "%.2f", $0.score)) u=\($0.unigram.map { String(format: "%.1f", $0) } ?? "-")" }.joined(separator: " | "))
    }
default:
    exit(2)
}
