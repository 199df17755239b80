import KZRegStructure

/// The machine-readable record of one input document (schema version 1).
public struct Record: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var source: SourceInfo
    public var document: DocumentInfo
    /// Every annex (қосымша) of the act, in order.
    public var annexes: [AnnexInfo]
    /// Every регламент / қағидалар in the file.
    public var regulations: [Regulation]
    /// What the repair stage changed.
    public var repair: RepairSummary
    /// The document tree.
    public var structure: StructureNode

    public init(source: SourceInfo, document: DocumentInfo, annexes: [AnnexInfo], regulations: [Regulation],
                repair: RepairSummary, structure: StructureNode) {
        self.schemaVersion = Record.currentSchemaVersion
        self.source = source
        self.document = document
        self.annexes = annexes
        self.regulations = regulations
        self.repair = repair
        self.structure = structure
    }
}

/// Where the record came from.
public struct SourceInfo: Sendable, Hashable, Codable {
    /// The input file name ("-" for standard input).
    public var file: String
    /// Lower-case hex SHA-256 of the input bytes.
    public var sha256: String
    /// Size of the input in bytes.
    public var byteCount: Int
    /// The charset the input was read as ("UTF-8", "UTF-16LE", "windows-1251", ...).
    public var encoding: String
    /// True when the input was not UTF-8: spans then refer to its UTF-8 transcoding.
    public var transcoded: Bool
    /// How many undecodable byte sequences of the input were replaced with U+FFFD (one per sequence); 0 when
    /// every byte decoded. Records written before kzreg reported it read back as 0.
    public var substitutions: Int

    public init(file: String, sha256: String, byteCount: Int, encoding: String, transcoded: Bool,
                substitutions: Int = 0) {
        self.file = file
        self.sha256 = sha256
        self.byteCount = byteCount
        self.encoding = encoding
        self.transcoded = transcoded
        self.substitutions = substitutions
    }

    private enum CodingKeys: String, CodingKey { case file, sha256, byteCount, encoding, transcoded, substitutions }

    /// Reads `substitutions` as 0 when absent: it was added to schema version 1 after its first release.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        sha256 = try container.decode(String.self, forKey: .sha256)
        byteCount = try container.decode(Int.self, forKey: .byteCount)
        encoding = try container.decode(String.self, forKey: .encoding)
        transcoded = try container.decode(Bool.self, forKey: .transcoded)
        substitutions = try container.decodeIfPresent(Int.self, forKey: .substitutions) ?? 0
    }
}

/// The act's metadata.
public struct DocumentInfo: Sendable, Hashable, Codable {
    public var title: String?
    public var actType: String?
    public var issuer: String?
    public var adopted: ActReference
    public var registered: ActReference
    public var status: ActStatus
    public var repealedBy: ActReference?

    public init(title: String? = nil, actType: String? = nil, issuer: String? = nil,
                adopted: ActReference = ActReference(), registered: ActReference = ActReference(),
                status: ActStatus = .unknown, repealedBy: ActReference? = nil) {
        self.title = title
        self.actType = actType
        self.issuer = issuer
        self.adopted = adopted
        self.registered = registered
        self.status = status
        self.repealedBy = repealedBy
    }

    /// The record's view of what the segmenter read in the act header.
    public init(_ metadata: ActMetadata) {
        self.init(title: metadata.title, actType: metadata.actType, issuer: metadata.issuer,
                  adopted: metadata.adopted ?? ActReference(), registered: metadata.registered ?? ActReference(),
                  status: metadata.status, repealedBy: metadata.repealedBy)
    }

    private enum CodingKeys: String, CodingKey {
        case title, actType, issuer, adopted, registered, status, repealedBy
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(actType, forKey: .actType)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(adopted, forKey: .adopted)
        try container.encode(registered, forKey: .registered)
        try container.encode(status, forKey: .status)
        try container.encode(repealedBy, forKey: .repealedBy)
    }
}

/// An annex (қосымша) of the act.
public struct AnnexInfo: Sendable, Hashable, Codable {
    /// The annex number, or nil for an unnumbered "қосымша".
    public var number: Int?
    /// The caption as written ("Шымкент қаласы әкімдігінің ... № 389 қаулысына 1 қосымша").
    public var label: String
    /// The annex's title (usually the approved text's title).
    public var title: String
    public var span: SourceSpan

    public init(number: Int?, label: String, title: String, span: SourceSpan) {
        self.number = number
        self.label = label
        self.title = title
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case number, label, title, span }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(label, forKey: .label)
        try container.encode(title, forKey: .title)
        try container.encode(span, forKey: .span)
    }
}

/// What the repair stage changed in the input.
public struct RepairSummary: Sendable, Hashable, Codable {
    /// The repairer that ran ("nfc", "garble").
    public var method: String
    /// How many tokens it changed.
    public var changedTokens: Int
    /// Edits whose confidence is low, for review.
    public var uncertain: [UncertainToken]

    public init(method: String, changedTokens: Int, uncertain: [UncertainToken]) {
        self.method = method
        self.changedTokens = changedTokens
        self.uncertain = uncertain
    }
}

/// A repaired token the repairer was unsure of.
public struct UncertainToken: Sendable, Hashable, Codable {
    public var span: SourceSpan
    public var original: String
    public var replacement: String
    public var alternatives: [String]
    public var confidence: Double

    public init(span: SourceSpan, original: String, replacement: String, alternatives: [String], confidence: Double) {
        self.span = span
        self.original = original
        self.replacement = replacement
        self.alternatives = alternatives
        self.confidence = confidence
    }
}
