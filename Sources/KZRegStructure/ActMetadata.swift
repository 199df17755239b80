/// Whether an act is in force.
public enum ActStatus: String, Sendable, Hashable, Codable {
    case inForce, repealed, unknown
}

/// A dated, numbered act or registration ("2018 жылғы 29 желтоқсандағы № 389").
public struct ActReference: Sendable, Hashable, Codable {
    public var date: CalendarDate?
    /// The number as written, without "№" ("А-9/406", "132/НҚ").
    public var number: String?
    /// Where it was found in the input.
    public var span: SourceSpan?

    public init(date: CalendarDate? = nil, number: String? = nil, span: SourceSpan? = nil) {
        self.date = date
        self.number = number
        self.span = span
    }
}

/// What the act header says about the act.
public struct ActMetadata: Sendable, Hashable, Codable {
    public var title: String?
    /// The act's kind as written (қаулы, бұйрық, шешім, ...), in the nominative.
    public var actType: String?
    /// Who issued it, in the nominative ("Ақмола облысы әкімдігі").
    public var issuer: String?
    public var adopted: ActReference?
    public var registered: ActReference?
    public var status: ActStatus
    public var repealedBy: ActReference?

    public init(title: String? = nil, actType: String? = nil, issuer: String? = nil,
                adopted: ActReference? = nil, registered: ActReference? = nil,
                status: ActStatus = .unknown, repealedBy: ActReference? = nil) {
        self.title = title
        self.actType = actType
        self.issuer = issuer
        self.adopted = adopted
        self.registered = registered
        self.status = status
        self.repealedBy = repealedBy
    }
}

/// The segmenter's output: the document tree and the act's metadata.
public struct SegmentedDocument: Sendable, Hashable {
    public var root: StructureNode
    public var metadata: ActMetadata

    public init(root: StructureNode, metadata: ActMetadata) {
        self.root = root
        self.metadata = metadata
    }

    /// The document with every span mapped (e.g. from repaired-text offsets back to input offsets).
    public func mappingSpans(_ transform: (Int) -> Int) -> SegmentedDocument {
        var metadata = metadata
        for keyPath in [\ActMetadata.adopted, \.registered, \.repealedBy] {
            let mapped = metadata[keyPath: keyPath]?.span?.mapped(transform)
            metadata[keyPath: keyPath]?.span = mapped
        }
        return SegmentedDocument(root: root.mappingSpans(transform), metadata: metadata)
    }
}

extension ActReference {
    private enum CodingKeys: String, CodingKey { case date, number, span }

    /// Writes `date` and `number` as null when unknown, so every reference has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(number, forKey: .number)
        try container.encodeIfPresent(span, forKey: .span)
    }
}
