import Foundation

/// The record of a batch conversion, written to `manifest.json` in the output directory: every input with
/// its outcome, reason, outputs, fingerprint and timing. A later run reads it to skip inputs that are up to date.
public struct ConversionManifest: Sendable, Hashable, Codable {
    /// The version of this manifest's own format.
    public static let currentFormatVersion = 1
    /// The file name of the manifest in the output directory.
    public static let fileName = "manifest.json"

    public var manifestVersion: Int
    /// The tool that wrote it ("kzreg 0.1.0").
    public var tool: String
    /// The pipeline's version stamp (see `Pipeline.versionStamp`).
    public var stamp: String
    /// The formats that were asked for.
    public var formats: [OutputFormat]
    /// When the run started (ISO 8601, UTC).
    public var startedAt: String
    /// Wall-clock time of the whole run, in seconds.
    public var seconds: Double
    /// How many parallel jobs converted the inputs.
    public var jobs: Int
    public var summary: Summary
    /// One entry per input, sorted by input path.
    public var entries: [Entry]

    public init(stamp: String, formats: [OutputFormat], startedAt: String, seconds: Double, jobs: Int,
                entries: [Entry]) {
        self.manifestVersion = Self.currentFormatVersion
        self.tool = "kzreg \(KZRegVersion.tool)"
        self.stamp = stamp
        self.formats = formats
        self.startedAt = startedAt
        self.seconds = seconds
        self.jobs = jobs
        self.entries = entries
        self.summary = Summary(entries)
    }

    /// Counts of the run's outcomes.
    public struct Summary: Sendable, Hashable, Codable {
        public var inputs: Int
        public var converted: Int
        public var skipped: Int
        public var failed: Int
        /// Bytes of input converted in this run (skipped inputs excluded).
        public var convertedBytes: Int
        /// Inputs converted in this run that had undecodable bytes (replaced with U+FFFD in their records).
        public var withSubstitutions: Int

        public init(_ entries: [Entry]) {
            inputs = entries.count
            converted = entries.filter { $0.status == .ok && $0.action == .converted }.count
            skipped = entries.filter { $0.action == .skipped }.count
            failed = entries.filter { $0.status == .failed }.count
            convertedBytes = entries.filter { $0.action == .converted }.compactMap(\.byteCount).reduce(0, +)
            withSubstitutions = entries.filter { $0.action == .converted && ($0.substitutions ?? 0) > 0 }.count
        }

        private enum CodingKeys: String, CodingKey {
            case inputs, converted, skipped, failed, convertedBytes, withSubstitutions
        }

        /// Reads `withSubstitutions` as 0 in manifests written before it existed.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            inputs = try container.decode(Int.self, forKey: .inputs)
            converted = try container.decode(Int.self, forKey: .converted)
            skipped = try container.decode(Int.self, forKey: .skipped)
            failed = try container.decode(Int.self, forKey: .failed)
            convertedBytes = try container.decode(Int.self, forKey: .convertedBytes)
            withSubstitutions = try container.decodeIfPresent(Int.self, forKey: .withSubstitutions) ?? 0
        }
    }

    /// Whether an input was converted.
    public enum Status: String, Sendable, Hashable, Codable {
        case ok, failed
    }

    /// What this run did with an input.
    public enum Action: String, Sendable, Hashable, Codable {
        /// Ran the pipeline (successfully or not).
        case converted
        /// Left alone: its outputs were up to date.
        case skipped
    }

    /// One input and what became of it.
    public struct Entry: Sendable, Hashable, Codable {
        /// The input path.
        public var input: String
        /// The outputs' base name in the output directory.
        public var name: String
        /// Why `name` differs from the input's file name, when it does.
        public var renamedBecause: String?
        public var status: Status
        public var action: Action
        /// Why it failed, when it did.
        public var reason: String?
        /// The output file names (relative to the output directory), for successful inputs.
        public var outputs: [String]
        /// Lower-case hex SHA-256 of the input bytes, when they could be read.
        public var sha256: String?
        public var byteCount: Int?
        /// The charset the input was read as.
        public var encoding: String?
        /// How many undecodable byte sequences were replaced with U+FFFD (the record's
        /// `source.substitutions`), for inputs that were decoded.
        public var substitutions: Int?
        /// The pipeline stamp the outputs were made with.
        public var stamp: String?
        /// Time spent on this input in this run (reading, converting, writing), in seconds.
        public var seconds: Double

        public init(input: String, name: String, renamedBecause: String? = nil, status: Status, action: Action,
                    reason: String? = nil, outputs: [String] = [], sha256: String? = nil, byteCount: Int? = nil,
                    encoding: String? = nil, substitutions: Int? = nil, stamp: String? = nil,
                    seconds: Double = 0) {
            self.input = input
            self.name = name
            self.renamedBecause = renamedBecause
            self.status = status
            self.action = action
            self.reason = reason
            self.outputs = outputs
            self.sha256 = sha256
            self.byteCount = byteCount
            self.encoding = encoding
            self.substitutions = substitutions
            self.stamp = stamp
            self.seconds = seconds
        }

        private enum CodingKeys: String, CodingKey {
            case input, name, renamedBecause, status, action, reason, outputs, sha256, byteCount, encoding,
                 substitutions, stamp, seconds
        }

        /// Writes absent values as null, so every entry has the same shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(input, forKey: .input)
            try container.encode(name, forKey: .name)
            try container.encode(renamedBecause, forKey: .renamedBecause)
            try container.encode(status, forKey: .status)
            try container.encode(action, forKey: .action)
            try container.encode(reason, forKey: .reason)
            try container.encode(outputs, forKey: .outputs)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(byteCount, forKey: .byteCount)
            try container.encode(encoding, forKey: .encoding)
            try container.encode(substitutions, forKey: .substitutions)
            try container.encode(stamp, forKey: .stamp)
            try container.encode(seconds, forKey: .seconds)
        }
    }

    /// The manifest as pretty, key-sorted JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads the manifest in `directory`, or nil when there is none or it cannot be parsed (then nothing is
    /// considered up to date).
    public static func load(fromDirectory directory: String) -> ConversionManifest? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ConversionManifest.self, from: data)
    }
}
