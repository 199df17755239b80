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
    /// Where `serviceName` was read.
    public var serviceNameSpan: SourceSpan?
    /// Who renders the service, in the nominative ("... мемлекеттік мекемесі", "облыстың жергілікті атқарушы органы").
    public var provider: String?
    /// Where `provider` was read.
    public var providerSpan: SourceSpan?
    /// The forms in which the service is rendered (электрондық, қағаз түрінде, ...).
    public var forms: ServiceForms?
    /// The result of the service ("Мемлекеттік қызмет көрсету нәтижесі: ...").
    public var result: TextExcerpt?
    /// The basis for starting the procedure ("... рәсімді бастауға ... негіздеме болады").
    public var basis: TextExcerpt?
    public var chapters: [Chapter]
    /// The structural units / employees taking part in the process, as written.
    public var participants: [String]
    /// `participants` with their actor keys and spans.
    public var participantActors: [ActorMention]
    /// The number of the point that lists the steps ("5"), if there is one.
    public var stepsPoint: String?
    public var steps: [Step]
    /// The portal / State Corporation process and condition lists ("1-процесс", "1-шарт", "1-үдеріс").
    public var processes: [ServiceProcess]
    /// Every time limit anywhere in the text, with the point it belongs to.
    public var durations: [DurationMention]
    /// References to other acts.
    public var references: [ActCitation]
    /// The approved text's own annexes ("... регламентіне 1-қосымша").
    public var annexes: [AnnexInfo]
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
        self.participantActors = []
        self.steps = steps
        self.processes = []
        self.durations = []
        self.references = []
        self.annexes = []
        self.span = span
    }

    private enum CodingKeys: String, CodingKey {
        case kind, annex, title, serviceName, serviceNameSpan, provider, providerSpan, forms, result, basis
        case chapters, participants, participantActors, stepsPoint, steps, processes, durations, references
        case annexes, span
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        annex = try container.decodeIfPresent(Int.self, forKey: .annex)
        title = try container.decode(String.self, forKey: .title)
        serviceName = try container.decodeIfPresent(String.self, forKey: .serviceName)
        serviceNameSpan = try container.decodeIfPresent(SourceSpan.self, forKey: .serviceNameSpan)
        provider = try container.decodeIfPresent(String.self, forKey: .provider)
        providerSpan = try container.decodeIfPresent(SourceSpan.self, forKey: .providerSpan)
        forms = try container.decodeIfPresent(ServiceForms.self, forKey: .forms)
        result = try container.decodeIfPresent(TextExcerpt.self, forKey: .result)
        basis = try container.decodeIfPresent(TextExcerpt.self, forKey: .basis)
        chapters = try container.decodeIfPresent([Chapter].self, forKey: .chapters) ?? []
        participants = try container.decodeIfPresent([String].self, forKey: .participants) ?? []
        participantActors = try container.decodeIfPresent([ActorMention].self, forKey: .participantActors) ?? []
        stepsPoint = try container.decodeIfPresent(String.self, forKey: .stepsPoint)
        steps = try container.decodeIfPresent([Step].self, forKey: .steps) ?? []
        processes = try container.decodeIfPresent([ServiceProcess].self, forKey: .processes) ?? []
        durations = try container.decodeIfPresent([DurationMention].self, forKey: .durations) ?? []
        references = try container.decodeIfPresent([ActCitation].self, forKey: .references) ?? []
        annexes = try container.decodeIfPresent([AnnexInfo].self, forKey: .annexes) ?? []
        span = try container.decode(SourceSpan.self, forKey: .span)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(annex, forKey: .annex)
        try container.encode(title, forKey: .title)
        try container.encode(serviceName, forKey: .serviceName)
        try container.encode(serviceNameSpan, forKey: .serviceNameSpan)
        try container.encode(provider, forKey: .provider)
        try container.encode(providerSpan, forKey: .providerSpan)
        try container.encode(forms, forKey: .forms)
        try container.encode(result, forKey: .result)
        try container.encode(basis, forKey: .basis)
        try container.encode(chapters, forKey: .chapters)
        try container.encode(participants, forKey: .participants)
        try container.encode(participantActors, forKey: .participantActors)
        try container.encode(stepsPoint, forKey: .stepsPoint)
        try container.encode(steps, forKey: .steps)
        try container.encode(processes, forKey: .processes)
        try container.encode(durations, forKey: .durations)
        try container.encode(references, forKey: .references)
        try container.encode(annexes, forKey: .annexes)
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

/// A piece of text with the span of the input it came from.
public struct TextExcerpt: Sendable, Hashable, Codable {
    public var text: String
    public var span: SourceSpan

    public init(text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

/// Someone who acts in the process: as written, and the canonical key that matches its other spellings.
public struct ActorMention: Sendable, Hashable, Codable {
    public var text: String
    /// See `ActorCanonicalizer.key(for:)`.
    public var key: String
    public var span: SourceSpan

    public init(text: String, key: String, span: SourceSpan) {
        self.text = text
        self.key = key
        self.span = span
    }
}

/// The forms in which a service is rendered ("электрондық (ішінара автоматтандырылған) және (немесе) қағаз түрінде").
public struct ServiceForms: Sendable, Hashable, Codable {
    /// How far an electronic service is automated.
    public enum Automation: String, Sendable, Hashable, Codable { case partial, full }

    public var electronic: Bool
    public var paper: Bool
    public var automation: Automation?
    /// The words as written.
    public var text: String
    public var span: SourceSpan

    public init(electronic: Bool, paper: Bool, automation: Automation?, text: String, span: SourceSpan) {
        self.electronic = electronic
        self.paper = paper
        self.automation = automation
        self.text = text
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case electronic, paper, automation, text, span }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(electronic, forKey: .electronic)
        try container.encode(paper, forKey: .paper)
        try container.encode(automation, forKey: .automation)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
    }
}

/// One procedure (рәсім, іс-қимыл) of the service process.
public struct Step: Sendable, Hashable, Codable {
    public var number: Int
    /// The actor as written at the start of the step.
    public var actor: String?
    /// The canonical key of `actor` (see `ActorCanonicalizer`).
    public var actorKey: String?
    /// Where `actor` was read.
    public var actorSpan: SourceSpan?
    public var text: String
    public var durations: [Duration]
    /// The step's result: its own "Нәтижесі - ...", else the item for it in a separate results point after
    /// the steps ("… рәсімнің (іс-қимылдың) нәтижесі: 1) …", see `ResultsPointReader`).
    public var result: String?
    /// Where `result` was read.
    public var resultSpan: SourceSpan?
    public var span: SourceSpan

    public init(number: Int, actor: String?, text: String, durations: [Duration], result: String?, span: SourceSpan) {
        self.number = number
        self.actor = actor
        self.text = text
        self.durations = durations
        self.result = result
        self.span = span
    }

    private enum CodingKeys: String, CodingKey {
        case number, actor, actorKey, actorSpan, text, durations, result, resultSpan, span
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        actor = try container.decodeIfPresent(String.self, forKey: .actor)
        actorKey = try container.decodeIfPresent(String.self, forKey: .actorKey)
        actorSpan = try container.decodeIfPresent(SourceSpan.self, forKey: .actorSpan)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        durations = try container.decodeIfPresent([Duration].self, forKey: .durations) ?? []
        result = try container.decodeIfPresent(String.self, forKey: .result)
        resultSpan = try container.decodeIfPresent(SourceSpan.self, forKey: .resultSpan)
        span = try container.decodeIfPresent(SourceSpan.self, forKey: .span) ?? SourceSpan(start: 0, end: 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(actor, forKey: .actor)
        try container.encode(actorKey, forKey: .actorKey)
        try container.encode(actorSpan, forKey: .actorSpan)
        try container.encode(text, forKey: .text)
        try container.encode(durations, forKey: .durations)
        try container.encode(result, forKey: .result)
        try container.encode(resultSpan, forKey: .resultSpan)
        try container.encode(span, forKey: .span)
    }
}

/// A time limit written in the text ("1 (бір) жұмыс күні ішінде" → 1 workingDay).
public struct Duration: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case minute, hour, day, workingDay, calendarDay, month, year
    }

    /// How the limit applies.
    public enum Qualifier: String, Sendable, Hashable, Codable, CaseIterable {
        /// "ішінде": within.
        case within
        /// "кешіктірмей", "аспайтын", "дейін": no later than.
        case noLaterThan
        /// "бұрын": before.
        case before
        /// "кейін", "соң": after.
        case after
        /// "сол жұмыс күні ішінде", "сол күні": within the same (working) day.
        case sameDay
    }

    public var value: Double
    /// The upper bound of a range ("2-3 сағат"), if any.
    public var maxValue: Double?
    public var unit: Unit
    public var qualifier: Qualifier?
    /// The words as written.
    public var text: String
    public var span: SourceSpan

    public init(value: Double, unit: Unit, text: String, span: SourceSpan) {
        self.value = value
        self.unit = unit
        self.text = text
        self.span = span
    }

    public init(value: Double, maxValue: Double? = nil, unit: Unit, qualifier: Qualifier?, text: String,
                span: SourceSpan) {
        self.value = value
        self.maxValue = maxValue
        self.unit = unit
        self.qualifier = qualifier
        self.text = text
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case value, maxValue, unit, qualifier, text, span }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(maxValue, forKey: .maxValue)
        try container.encode(unit, forKey: .unit)
        try container.encode(qualifier, forKey: .qualifier)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
    }
}

/// A time limit anywhere in an approved text, with the point it belongs to.
public struct DurationMention: Sendable, Hashable, Codable {
    public var duration: Duration
    /// The chapter number, if the point is in a numbered chapter.
    public var chapter: Int?
    /// The point ("5") and sub-point ("3") numbers as written, if any.
    public var point: String?
    public var subpoint: String?

    public init(duration: Duration, chapter: Int?, point: String?, subpoint: String?) {
        self.duration = duration
        self.chapter = chapter
        self.point = point
        self.subpoint = subpoint
    }

    private enum CodingKeys: String, CodingKey { case duration, chapter, point, subpoint }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(duration, forKey: .duration)
        try container.encode(chapter, forKey: .chapter)
        try container.encode(point, forKey: .point)
        try container.encode(subpoint, forKey: .subpoint)
    }
}

/// A portal / State Corporation process or condition ("1-процесс — ...", "2-шарт — ...", "3-үдеріс — ...").
public struct ServiceProcess: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case process, condition }

    public var kind: Kind
    /// The number in its own list ("2" for "2-шарт"); inferred from the list's order when OCR lost the digit
    /// ("Э-процесс") or the whole label.
    public var number: Int
    /// The label as written ("1-процесс", "2-шарт").
    public var label: String
    public var actor: String?
    public var actorKey: String?
    public var text: String
    public var durations: [Duration]
    public var span: SourceSpan

    public init(kind: Kind, number: Int, label: String, actor: String?, actorKey: String?, text: String,
                durations: [Duration], span: SourceSpan) {
        self.kind = kind
        self.number = number
        self.label = label
        self.actor = actor
        self.actorKey = actorKey
        self.text = text
        self.durations = durations
        self.span = span
    }

    private enum CodingKeys: String, CodingKey { case kind, number, label, actor, actorKey, text, durations, span }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(number, forKey: .number)
        try container.encode(label, forKey: .label)
        try container.encode(actor, forKey: .actor)
        try container.encode(actorKey, forKey: .actorKey)
        try container.encode(text, forKey: .text)
        try container.encode(durations, forKey: .durations)
        try container.encode(span, forKey: .span)
    }
}

/// A reference to another act ("... 2015 жылғы 28 сәуірдегі № 3-2/378 бұйрығымен", "№ 11284 болып тіркелген").
public struct ActCitation: Sendable, Hashable, Codable {
    /// The act's kind in the nominative (бұйрық, қаулы, шешім, заң, ...), if named.
    public var actType: String?
    public var date: CalendarDate?
    /// The act's number as written, without "№".
    public var number: String?
    /// The justice registration number ("№ 11284 болып тіркелген").
    public var registrationNumber: String?
    /// The point it was found in.
    public var point: String?
    /// The words as written.
    public var text: String
    public var span: SourceSpan

    public init(actType: String?, date: CalendarDate?, number: String?, registrationNumber: String?,
                point: String?, text: String, span: SourceSpan) {
        self.actType = actType
        self.date = date
        self.number = number
        self.registrationNumber = registrationNumber
        self.point = point
        self.text = text
        self.span = span
    }

    private enum CodingKeys: String, CodingKey {
        case actType, date, number, registrationNumber, point, text, span
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(actType, forKey: .actType)
        try container.encode(date, forKey: .date)
        try container.encode(number, forKey: .number)
        try container.encode(registrationNumber, forKey: .registrationNumber)
        try container.encode(point, forKey: .point)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
    }
}
