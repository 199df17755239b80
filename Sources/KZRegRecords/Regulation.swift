import KZRegStructure

/// One approved text (регламент, қағидалар, ...) with what users need from it.
public struct Regulation: Sendable, Hashable, Codable {
    /// What sort of approved text it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case regulation, rules, other
    }

    public var kind: Kind
    /// The act-level annex that holds it; nil when it is the act's body.
    public var annex: Int?
    public var title: String
    /// The quoted state-service name.
    public var serviceName: String?
    /// Who renders the service.
    public var provider: String?
    public var chapters: [Chapter]
    public var participants: [String]
    public var steps: [Step]
    public var span: SourceSpan

    public init(kind: Kind, annex: Int?, title: String, serviceName: String? = nil, provider: String? = nil,
                chapters: [Chapter] = [], participants: [String] = [], steps: [Step] = [], span: SourceSpan) {
        self.kind = kind
        self.annex = annex
        self.title = title
        self.serviceName = serviceName
        self.provider = provider
        self.chapters = chapters
        self.participants = participants
        self.steps = steps
        self.span = span
    }

    private enum CodingKeys: String, CodingKey {
        case kind, annex, title, serviceName, provider, chapters, participants, steps, span
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(annex, forKey: .annex)
        try container.encode(title, forKey: .title)
        try container.encode(serviceName, forKey: .serviceName)
        try container.encode(provider, forKey: .provider)
        try container.encode(chapters, forKey: .chapters)
        try container.encode(participants, forKey: .participants)
        try container.encode(steps, forKey: .steps)
        try container.encode(span, forKey: .span)
    }
}

/// A chapter (тарау, бөлім) of an approved text.
public struct Chapter: Sendable, Hashable, Codable {
    public var number: Int
    public var heading: String
    public var span: SourceSpan

    public init(number: Int, heading: String, span: SourceSpan) {
        self.number = number
        self.heading = heading
        self.span = span
    }
}

/// One procedure (рәсім, іс-қимыл) of the service process.
public struct Step: Sendable, Hashable, Codable {
    public var number: Int
    /// The actor as written at the start of the step.
    public var actor: String?
    public var text: String
    public var durations: [Duration]
    /// The step's result ("Нәтижесі - ...").
    public var result: String?
    public var span: SourceSpan

    public init(number: Int, actor: String?, text: String, durations: [Duration], result: String?, span: SourceSpan) {
        self.number = number
        self.actor = actor
        self.text = text
        self.durations = durations
        self.result = result
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case number, actor, text, durations, result, span }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(actor, forKey: .actor)
        try container.encode(text, forKey: .text)
        try container.encode(durations, forKey: .durations)
        try container.encode(result, forKey: .result)
        try container.encode(span, forKey: .span)
    }
}

/// A time limit written in the text ("1 (бір) жұмыс күні ішінде" → 1 workingDay).
public struct Duration: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case minute, hour, day, workingDay, calendarDay, month, year
    }

    public var value: Double
    public var unit: Unit
    /// The words as written.
    public var text: String
    public var span: SourceSpan

    public init(value: Double, unit: Unit, text: String, span: SourceSpan) {
        self.value = value
        self.unit = unit
        self.text = text
        self.span = span
    }
}
