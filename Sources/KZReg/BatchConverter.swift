import Dispatch
import Foundation

/// Why a batch could not run at all (as opposed to single inputs failing, which the manifest records).
public struct BatchError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Converts many inputs into record files in one output directory, in parallel, and writes a manifest.
///
/// For every input it writes `<name>.<format>` atomically and lists the input in `manifest.json` with its
/// outcome. A failing input never stops the others. Inputs whose outputs are up to date — same input SHA-256,
/// same pipeline stamp, same output names, all outputs present — are skipped unless `force` is set.
/// The converter is a value; one instance can run many batches, from any thread.
public struct BatchConverter: Sendable {
    public var pipeline: Pipeline
    public var formats: [OutputFormat]
    /// How many inputs are converted at the same time.
    public var jobs: Int
    /// Convert every input even when its outputs are up to date.
    public var force: Bool
    public var discovery: InputDiscovery
    public var writer: AtomicFileWriter
    /// Extra identity appended to the pipeline's version stamp, e.g. the build of the running executable, so
    /// that outputs made by another build count as out of date.
    public var stampSuffix: String?

    /// The stamp recorded for every output: the pipeline's version stamp plus `stampSuffix`.
    public var stamp: String { [pipeline.versionStamp, stampSuffix].compactMap { $0 }.joined(separator: "; ") }

    public init(pipeline: Pipeline = Pipeline(), formats: [OutputFormat] = OutputFormat.allCases,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false) {
        self.pipeline = pipeline
        self.formats = formats
        self.jobs = max(1, jobs)
        self.force = force
        self.discovery = InputDiscovery()
        self.writer = AtomicFileWriter()
        self.stampSuffix = nil
    }

    /// What a batch run produced.
    public struct Result: Sendable {
        public var manifest: ConversionManifest
        /// Where the manifest was written.
        public var manifestPath: String
        /// Input directories in which no `*.txt` file was found.
        public var emptyDirectories: [String]
        /// Whether every input is ok.
        public var succeeded: Bool { manifest.summary.failed == 0 }
    }

    /// Progress of a running batch, reported from the worker threads.
    public enum Event: Sendable {
        /// The inputs are known and conversion begins.
        case started(inputs: [BatchInput])
        /// One input is done (converted, skipped or failed); `completed` of `total` are done.
        case finished(entry: ConversionManifest.Entry, completed: Int, total: Int)
    }

    /// Converts the files and directories in `paths` into `outputDirectory` (created if missing).
    /// `progress` is called from worker threads, one call at a time.
    /// Throws a `BatchError` only when the batch cannot run at all (the output directory is unusable).
    public func run(paths: [String], outputDirectory: String,
                    progress: @escaping @Sendable (Event) -> Void = { _ in }) throws -> Result {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        try prepare(outputDirectory: outputDirectory)
        let (inputs, emptyDirectories) = discovery.inputs(for: paths)
        let previous = force ? [:] : Dictionary(
            (ConversionManifest.load(fromDirectory: outputDirectory)?.entries ?? []).map { ($0.input, $0) },
            uniquingKeysWith: { first, _ in first })
        progress(.started(inputs: inputs))

        let state = BatchState(count: inputs.count, order: Self.largestFirst(inputs))
        let workers = min(jobs, max(1, inputs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.next() {
                let entry = convert(inputs[index], into: outputDirectory, previous: previous[inputs[index].path])
                let completed = state.store(entry, at: index)
                state.report { progress(.finished(entry: entry, completed: completed, total: inputs.count)) }
            }
        }

        let elapsed = clock.now - start
        let manifest = ConversionManifest(
            stamp: stamp, formats: formats, startedAt: Self.iso8601(startedAt),
            seconds: Self.seconds(elapsed), jobs: workers, entries: state.entries())
        let manifestPath = Self.join(outputDirectory, ConversionManifest.fileName)
        do {
            try writer.write(try manifest.jsonData(), to: manifestPath)
        } catch {
            throw BatchError(path: manifestPath, reason: "\(error)")
        }
        return Result(manifest: manifest, manifestPath: manifestPath, emptyDirectories: emptyDirectories)
    }

    /// Converts one input and writes its outputs; never throws: failures become a failed entry.
    public func convert(_ input: BatchInput, into outputDirectory: String,
                        previous: ConversionManifest.Entry? = nil) -> ConversionManifest.Entry {
        let clock = ContinuousClock()
        let start = clock.now
        let outputs = formats.map { "\(input.name).\($0.fileExtension)" }
        var entry = ConversionManifest.Entry(input: input.path, name: input.name,
                                             renamedBecause: input.renamedBecause, status: .failed,
                                             action: .converted)
        func finish(_ entry: ConversionManifest.Entry) -> ConversionManifest.Entry {
            var entry = entry
            entry.seconds = Self.seconds(clock.now - start)
            return entry
        }
        func fail(_ reason: String) -> ConversionManifest.Entry {
            entry.status = .failed
            entry.reason = reason
            entry.outputs = []
            // Outputs of an earlier successful run would no longer match the input: remove them.
            for output in outputs { unlink(Self.join(outputDirectory, output)) }
            return finish(entry)
        }

        var bytes: [UInt8]
        do {
            bytes = try InputFile.read(input.path)
        } catch let error as InputFileError {
            return fail(error.reason)
        } catch {
            return fail("\(error)")
        }
        entry.sha256 = SHA256.hex(of: bytes)
        entry.byteCount = bytes.count

        if let previous, isUpToDate(previous, sha256: entry.sha256!, outputs: outputs, name: input.name,
                                    in: outputDirectory) {
            var skipped = previous
            skipped.action = .skipped
            skipped.renamedBecause = input.renamedBecause
            return finish(skipped)
        }

        // Keep only the record past this point: for large inputs the raw bytes and the intermediate texts
        // and trees would otherwise stay alive while the exporters build their output.
        let record: Record
        do {
            let document = try pipeline.process(bytes: bytes, fileName: Self.fileName(of: input.path))
            entry.encoding = document.decoded.encoding
            entry.substitutions = document.decoded.substitutions
            record = document.record
        } catch {
            return fail("\(error)")
        }
        bytes = []
        entry.stamp = stamp
        for (format, output) in zip(formats, outputs) {
            do {
                try writer.write(try format.export(record), to: Self.join(outputDirectory, output))
            } catch let error as OutputWriteError {
                return fail(error.description)
            } catch {
                return fail("\(format.rawValue) export failed: \(error)")
            }
        }
        entry.status = .ok
        entry.outputs = outputs
        return finish(entry)
    }

    private func isUpToDate(_ previous: ConversionManifest.Entry, sha256: String, outputs: [String], name: String,
                            in outputDirectory: String) -> Bool {
        previous.status == .ok && previous.sha256 == sha256 && previous.stamp == stamp
            && previous.name == name && previous.outputs == outputs
            && outputs.allSatisfy { FileManager.default.fileExists(atPath: Self.join(outputDirectory, $0)) }
    }

    private func prepare(outputDirectory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BatchError(path: outputDirectory, reason: "the output path exists and is not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                throw BatchError(path: outputDirectory,
                                 reason: "cannot create the output directory: \(error.localizedDescription)")
            }
        }
        guard access(outputDirectory, W_OK | X_OK) == 0 else {
            throw BatchError(path: outputDirectory,
                             reason: "the output directory is not writable: \(String(cString: strerror(errno)))")
        }
    }

    /// Work order: biggest inputs first, so one large file does not finish alone at the end.
    private static func largestFirst(_ inputs: [BatchInput]) -> [Int] {
        let sizes = inputs.map { input -> Int in
            ((try? FileManager.default.attributesOfItem(atPath: input.path))?[.size] as? Int) ?? 0
        }
        return inputs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func fileName(of path: String) -> String {
        path == InputFile.standardInputName ? path : URL(fileURLWithPath: path).lastPathComponent
    }

    /// A duration in seconds, rounded to microseconds.
    static func seconds(_ duration: Swift.Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return ((Double(seconds) + Double(attoseconds) / 1e18) * 1e6).rounded() / 1e6
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// The shared, lock-protected bookkeeping of one batch run: which input is next and the finished entries.
private final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private let reportLock = NSLock()
    private let order: [Int]
    private var position = 0
    private var completed = 0
    private var results: [ConversionManifest.Entry?]

    init(count: Int, order: [Int]) {
        self.order = order
        self.results = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.withLock {
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }

    func store(_ entry: ConversionManifest.Entry, at index: Int) -> Int {
        lock.withLock {
            results[index] = entry
            completed += 1
            return completed
        }
    }

    /// Runs `body` while no other worker reports, so progress callbacks never overlap.
    func report(_ body: () -> Void) {
        reportLock.withLock(body)
    }

    func entries() -> [ConversionManifest.Entry] {
        lock.withLock { results.compactMap { $0 } }
    }
}
