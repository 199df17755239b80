import ArgumentParser
import Foundation
import KZReg

struct KZRegCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kzreg", abstract: "Kazakh regulation toolkit")
    func run() throws {
        let pipeline = Pipeline()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "Seeds/003_f86ed6d25a9ec299.txt")))
        let processed = try pipeline.process(bytes: bytes, fileName: "003")
        FileHandle.standardOutput.write(try JSONExporter().data(for: processed.record))
    }
}
KZRegCommand.main()
