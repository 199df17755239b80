@_exported import KZRegDiff
@_exported import KZRegExport
@_exported import KZRegRecords
@_exported import KZRegStructure
@_exported import KZRegText

/// Everything the pipeline produced for one input.
public struct ProcessedDocument: Sendable {
    public var decoded: DecodedInput
    public var repair: RepairResult
    /// The segmented document; spans point into `decoded.text`.
    public var segmented: SegmentedDocument
    public var record: Record
}

/// The kzreg pipeline: decode → repair → cleanse and segment → extract the record.
public struct Pipeline: Sendable {
    public var decoder: InputDecoder
    public var repairer: any TextRepairing
    public var repairMethod: String
    /// The fingerprint of the repair model, when the repairer has one (part of `versionStamp`).
    public var repairModel: String?
    public var segmenter: Segmenter
    public var builder: RecordBuilder

    /// The garble repairer with the bundled model, loaded once per process; nil only when the model
    /// resource is missing from the build (then the pipeline falls back to NFC and records say "nfc").
    public static let bundledGarbleRepairer: GarbleRepairer? = try? GarbleRepairer.loadDefault()

    /// The standard pipeline: repairs OCR-garbled Kazakh with the bundled model.
    public init() {
        if let garble = Pipeline.bundledGarbleRepairer {
            self.init(repairer: garble, repairMethod: "garble")
            repairModel = garble.model.fingerprint
        } else {
            self.init(repairer: NFCRepairer(), repairMethod: "nfc")
        }
    }

    /// A pipeline with the given repairer (e.g. `NFCRepairer()` to only normalize).
    public init(repairer: any TextRepairing, repairMethod: String) {
        self.decoder = InputDecoder()
        self.repairer = repairer
        self.repairMethod = repairMethod
        self.segmenter = Segmenter()
        self.builder = RecordBuilder()
    }

    /// Runs every stage over the raw bytes of one input.
    public func process(bytes: [UInt8], fileName: String) throws -> ProcessedDocument {
        let decoded = try decoder.decode(bytes)
        let repair = repairer.repair(decoded.text)
        let segmented = segmenter.segment(repair.text)
            .mappingSpans { repair.originalOffset(forRepairedOffset: $0) }
        let source = SourceInfo(file: fileName, sha256: SHA256.hex(of: bytes), byteCount: bytes.count,
                                encoding: decoded.encoding, transcoded: decoded.transcoded,
                                substitutions: decoded.substitutions)
        let uncertain = repair.uncertainEdits().map {
            UncertainToken(span: SourceSpan(start: $0.start, end: $0.end), original: $0.original,
                           replacement: $0.replacement, alternatives: $0.alternatives, confidence: $0.confidence)
        }
        let summary = RepairSummary(method: repairMethod, changedTokens: repair.edits.count, uncertain: uncertain)
        let record = builder.build(document: segmented, source: source, repair: summary, repaired: repair)
        return ProcessedDocument(decoded: decoded, repair: repair, segmented: segmented, record: record)
    }
}
