import Foundation
import KZReg
import Testing

// Temporary probe (removed before the report): runs the garble repairer through the pipeline.
@Test func zzProbeGarbled() throws {
    guard let dir = ProcessInfo.processInfo.environment["KZREG_PROBE_OUT"] else { return }
    let repairer = try GarbleRepairer.loadDefault()
    let pipeline = Pipeline(repairer: repairer, repairMethod: "garble")
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    for (name, golden) in [("000_ad434dc5b759e9fe", "seed-000"), ("002_b00cff447d8fad42", "seed-002"),
                           ("004_330650b0f542082e", "seed-004")] {
        let url = root.appendingPathComponent("Seeds/\(name).txt")
        let processed = try pipeline.process(bytes: [UInt8](try Data(contentsOf: url)), fileName: name)
        try JSONExporter().data(for: processed.record).write(to: URL(fileURLWithPath: "\(dir)/\(name).json"))
        try processed.repair.text.write(toFile: "\(dir)/\(name).repaired.txt", atomically: true, encoding: .utf8)
        let expected = try JSONDecoder().decode(ExpectedRecord.self, from: Data(contentsOf:
            root.appendingPathComponent("Fixtures/records/expected/\(golden).json")))
        let score = ExtractionEvaluator().score(processed.record.regulations, against: expected)
        print("probe \(golden): \(score.summary)")
        for mismatch in score.mismatches { print("probe   \(mismatch)") }
    }
}
