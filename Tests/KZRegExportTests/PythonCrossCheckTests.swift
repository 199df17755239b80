import Foundation
import KZReg
import Testing

/// An independent second opinion on the JSON Schema and on the seeds' JSON, from python3's `jsonschema`
/// package when it is installed. The Swift validator stays the one the suite relies on.
@Suite(.enabled(if: Python.hasJSONSchema, "python3 with jsonschema is not installed"))
struct PythonCrossCheckTests {
    static let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
        print(path, len(errors), "; ".join(e.message[:120] for e in errors[:3]))
    """

    @Test func pythonAgreesWithTheSwiftValidator() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kzreg-export-crosscheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaURL = directory.appendingPathComponent("schema.json")
        try Data(RecordSchemas.jsonSchema.utf8).write(to: schemaURL)

        var documents: [(url: URL, data: Data)] = []
        for seed in seedFiles {
            let record = try seedRecord(seed)
            documents.append((directory.appendingPathComponent(seed.lastPathComponent + ".json"),
                              try JSONExporter().data(for: record)))
        }
        // One broken document, so the comparison covers a rejection too.
        let broken = String(decoding: try JSONExporter().data(for: sampleRecord()), as: UTF8.self)
            .replacingOccurrences(of: "\"workingDay\"", with: "\"week\"")
        documents.append((directory.appendingPathComponent("broken.json"), Data(broken.utf8)))
        for document in documents { try document.data.write(to: document.url) }

        let swiftValidator = try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema)
        let result = try Python.run(["-c", PythonCrossCheckTests.script, schemaURL.path]
                                                         + documents.map(\.url.path))
        #expect(result.status == 0, "python failed: \(result.output)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == documents.count)
        for (document, line) in zip(documents, lines) {
            let pythonErrors = Int(line.split(separator: " ")[1]) ?? -1
            let swiftErrors = try swiftValidator.validate(json: document.data).count
            #expect((pythonErrors == 0) == (swiftErrors == 0), "\(line) — Swift found \(swiftErrors)")
        }
        #expect(lines.last?.split(separator: " ")[1] != "0", "python accepted the broken record")
    }
}

/// python3, if it is there.
enum Python {
    static let hasJSONSchema: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    /// Runs python3 and returns its exit status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
