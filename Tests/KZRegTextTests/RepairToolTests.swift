import Foundation
import Testing
@testable import KZRegText

/// Tooling hooks used by scripts/repair/evaluate and scripts/bench-repair (no-ops unless the env asks).
/// KZREG_REPAIR_FILES="in1:out1,in2:out2" repairs each input file into the output file.
/// KZREG_REPAIR_BENCH=FILE measures model load time and warm repair throughput on FILE.
@Suite struct RepairToolTests {
    @Test func repairFilesFromEnvironment() throws {
        guard let spec = ProcessInfo.processInfo.environment["KZREG_REPAIR_FILES"], !spec.isEmpty else { return }
        let repairer = try GarbleRepairer.loadDefault()
        for pair in spec.split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let text = try String(contentsOfFile: parts[0], encoding: .utf8)
            let result = repairer.repair(text)
            try result.text.write(toFile: parts[1], atomically: true, encoding: .utf8)
            if ProcessInfo.processInfo.environment["KZREG_REPAIR_EDITS"] != nil {
                var log = ""
                for e in result.edits {
                    log += "\(e.original)\t\(e.replacement)\t\(String(format: "%.2f", e.confidence))\t\(e.alternatives.joined(separator: " "))\n"
                }
                try log.write(toFile: parts[1] + ".edits", atomically: true, encoding: .utf8)
            }
        }
    }

    @Test func benchmarkFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["KZREG_REPAIR_BENCH"], !path.isEmpty else { return }
        let clock = ContinuousClock()
        var repairer: GarbleRepairer? = nil
        let load = try clock.measure { repairer = try GarbleRepairer.loadDefault() }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let bytes = Double(text.utf8.count)
        let cold = clock.measure { _ = repairer!.repair(text) }
        var rounds = 0
        var warmTotal = Duration.zero
        while warmTotal < .seconds(3) || rounds < 3 {
            warmTotal += clock.measure { _ = repairer!.repair(text) }
            rounds += 1
        }
        func secs(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        let warm = secs(warmTotal) / Double(rounds)
        print(String(format: "repair-bench: model load %.3f s; input %.0f bytes; first pass %.3f s (%.2f MB/s); warm %.4f s/pass (%.2f MB/s) over %d passes",
                     secs(load), bytes, secs(cold), bytes / secs(cold) / 1e6, warm, bytes / warm / 1e6, rounds))
    }
}
