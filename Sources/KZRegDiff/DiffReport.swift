import KZRegRecords

/// The substantive differences between two versions of an act (schema `kzreg-diff`, version 1).
///
/// Everything a renderer needs is in here: both sides of every aligned step are kept, so the HTML view
/// can show the versions side by side without the records.
public struct DiffReport: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The older version.
    public var old: DiffSide
    /// The newer version.
    public var new: DiffSide
    /// Counts and duration totals, first thing a reader sees.
    public var summary: DiffSummary
    /// Changes of the act's metadata (title, dates, numbers, status, repeal).
    public var metadata: [FieldChange]
    /// The regulations of both sides, paired by service name; unpaired ones are added or removed.
    public var regulations: [RegulationDiff]

    public init(old: DiffSide, new: DiffSide, summary: DiffSummary, metadata: [FieldChange],
                regulations: [RegulationDiff]) {
        self.schemaVersion = DiffReport.currentSchemaVersion
        self.old = old
        self.new = new
        self.summary = summary
        self.metadata = metadata
        self.regulations = regulations
    }

    /// True when the versions differ in substance (renumbering alone does not count).
    public var hasSubstantiveDifferences: Bool { summary.substantive }
}

/// One of the two compared inputs.
public struct DiffSide: Sendable, Hashable, Codable {
    /// The input file name as given.
    public var file: String
    /// SHA-256 of the input bytes, from its record.
    public var sha256: String
    /// The act's title, when known.
    public var title: String?

    public init(file: String, sha256: String, title: String?) {
        self.file = file
        self.sha256 = sha256
        self.title = title
    }

    private enum CodingKeys: String, CodingKey { case file, sha256, title }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(title, forKey: .title)
    }
}

/// A named value that differs between the versions; nil stands for "absent".
public struct FieldChange: Sendable, Hashable, Codable {
    /// Dotted path of the field ("document.adopted.date", "regulation.serviceName").
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    private enum CodingKeys: String, CodingKey { case field, old, new }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
    }
}

/// The headline figures of a report.
public struct DiffSummary: Sendable, Hashable, Codable {
    /// Whether anything beyond renumbering differs; decides the exit code.
    public var substantive: Bool
    public var metadataChanges: Int
    /// Changes of paired regulations' title, service name, provider or kind.
    public var regulationFieldChanges: Int
    public var regulationsPaired: Int
    public var regulationsAdded: Int
    public var regulationsRemoved: Int
    public var participantsAdded: Int
    public var participantsRemoved: Int
    public var participantsRenamed: Int
    public var stepsAdded: Int
    public var stepsRemoved: Int
    public var stepsMoved: Int
    /// Aligned steps whose text, actor or durations changed.
    public var stepsChanged: Int
    public var durationChanges: Int
    public var actorChanges: Int
    /// Portal / State Corporation processes and conditions added, removed, moved or changed.
    public var processesChanged: Int
    /// Points added, removed or changed in text.
    public var pointsChanged: Int
    /// Chapters added, removed or retitled.
    public var chaptersChanged: Int
    /// Chapters, steps or points whose number changed while their content did not.
    public var renumbered: Int
    /// Total procedure duration before and after, one entry per paired regulation.
    public var durations: [DurationTotalChange]

    public init(substantive: Bool = false, metadataChanges: Int = 0, regulationFieldChanges: Int = 0,
                regulationsPaired: Int = 0,
                regulationsAdded: Int = 0, regulationsRemoved: Int = 0, participantsAdded: Int = 0,
                participantsRemoved: Int = 0, participantsRenamed: Int = 0, stepsAdded: Int = 0, stepsRemoved: Int = 0, stepsMoved: Int = 0,
                stepsChanged: Int = 0, durationChanges: Int = 0, actorChanges: Int = 0, processesChanged: Int = 0,
                pointsChanged: Int = 0,
                chaptersChanged: Int = 0, renumbered: Int = 0, durations: [DurationTotalChange] = []) {
        self.substantive = substantive
        self.metadataChanges = metadataChanges
        self.regulationFieldChanges = regulationFieldChanges
        self.regulationsPaired = regulationsPaired
        self.regulationsAdded = regulationsAdded
        self.regulationsRemoved = regulationsRemoved
        self.participantsAdded = participantsAdded
        self.participantsRemoved = participantsRemoved
        self.participantsRenamed = participantsRenamed
        self.stepsAdded = stepsAdded
        self.stepsRemoved = stepsRemoved
        self.stepsMoved = stepsMoved
        self.stepsChanged = stepsChanged
        self.durationChanges = durationChanges
        self.actorChanges = actorChanges
        self.processesChanged = processesChanged
        self.pointsChanged = pointsChanged
        self.chaptersChanged = chaptersChanged
        self.renumbered = renumbered
        self.durations = durations
    }
}

/// The total duration of one regulation's procedure in both versions.
public struct DurationTotalChange: Sendable, Hashable, Codable {
    /// The service name (or title) of the regulation, as in the new version.
    public var regulation: String
    public var old: DurationTotal
    public var new: DurationTotal
    /// New minus old, in working hours; nil when either side is not computable in working time.
    public var deltaWorkingHours: Double?

    public init(regulation: String, old: DurationTotal, new: DurationTotal) {
        self.regulation = regulation
        self.old = old
        self.new = new
        if old.hasWorkingTime || new.hasWorkingTime, old.calendarDays == new.calendarDays,
           old.months == new.months {
            self.deltaWorkingHours = new.workingHours - old.workingHours
        } else {
            self.deltaWorkingHours = nil
        }
    }

    private enum CodingKeys: String, CodingKey { case regulation, old, new, deltaWorkingHours }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(regulation, forKey: .regulation)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(deltaWorkingHours, forKey: .deltaWorkingHours)
    }
}

/// How a regulation of one version relates to the other version.
public enum PairStatus: String, Sendable, Hashable, Codable {
    case paired, added, removed
}

/// Identifies a regulation inside its record.
public struct RegulationRef: Sendable, Hashable, Codable {
    /// 1-based position among the record's regulations.
    public var index: Int
    public var annex: Int?
    public var kind: Regulation.Kind
    public var title: String
    public var serviceName: String?

    public init(index: Int, regulation: Regulation) {
        self.index = index
        self.annex = regulation.annex
        self.kind = regulation.kind
        self.title = regulation.title
        self.serviceName = regulation.serviceName
    }

    private enum CodingKeys: String, CodingKey { case index, annex, kind, title, serviceName }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(annex, forKey: .annex)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(serviceName, forKey: .serviceName)
    }
}

/// The differences inside one pair of regulations (or one unpaired regulation).
public struct RegulationDiff: Sendable, Hashable, Codable {
    public var status: PairStatus
    public var old: RegulationRef?
    public var new: RegulationRef?
    /// Similarity of the two service names (0–1), for paired regulations.
    public var nameSimilarity: Double?
    /// Title, service name, provider and kind changes.
    public var fields: [FieldChange]
    public var participants: ParticipantChanges
    public var chapters: [ChapterChange]
    /// Every step of both versions in aligned order (unchanged ones included, for side-by-side views).
    public var steps: [StepChange]
    /// The portal / State Corporation processes and conditions ("1-процесс", "2-шарт"), aligned like steps.
    public var processes: [StepChange]
    /// Points added, removed, moved or changed in text (unchanged points are left out).
    public var points: [PointChange]
    /// Total procedure duration in both versions (paired regulations only).
    public var duration: DurationTotalChange?

    public init(status: PairStatus, old: RegulationRef?, new: RegulationRef?, nameSimilarity: Double? = nil,
                fields: [FieldChange] = [], participants: ParticipantChanges = ParticipantChanges(),
                chapters: [ChapterChange] = [], steps: [StepChange] = [], processes: [StepChange] = [],
                points: [PointChange] = [], duration: DurationTotalChange? = nil) {
        self.status = status
        self.old = old
        self.new = new
        self.nameSimilarity = nameSimilarity
        self.fields = fields
        self.participants = participants
        self.chapters = chapters
        self.steps = steps
        self.processes = processes
        self.points = points
        self.duration = duration
    }

    /// The name a reader knows the regulation by: the service name, else the title.
    public var displayName: String {
        let ref = new ?? old
        return ref?.serviceName ?? ref?.title ?? ""
    }

    private enum CodingKeys: String, CodingKey {
        case status, old, new, nameSimilarity, fields, participants, chapters, steps, processes, points, duration
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(nameSimilarity, forKey: .nameSimilarity)
        try container.encode(fields, forKey: .fields)
        try container.encode(participants, forKey: .participants)
        try container.encode(chapters, forKey: .chapters)
        try container.encode(steps, forKey: .steps)
        try container.encode(processes, forKey: .processes)
        try container.encode(points, forKey: .points)
        try container.encode(duration, forKey: .duration)
    }
}

/// Participants (actors of the procedure) that appear in only one version, or are spelled differently.
public struct ParticipantChanges: Sendable, Hashable, Codable {
    public var added: [String]
    public var removed: [String]
    /// Participants matched across versions whose wording changed.
    public var renamed: [FieldChange]

    public init(added: [String] = [], removed: [String] = [], renamed: [FieldChange] = []) {
        self.added = added
        self.removed = removed
        self.renamed = renamed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && renamed.isEmpty }
}

/// What happened to an aligned element (step, point, chapter).
public enum ChangeKind: String, Sendable, Hashable, Codable {
    /// Same content (the number may differ: see `renumbered`).
    case unchanged
    /// Aligned, but text, actor or durations differ.
    case changed
    /// Only in the new version.
    case added
    /// Only in the old version.
    case removed
    /// In both versions, at a different place in the order.
    case moved
}

/// A chapter's fate between the versions.
public struct ChapterChange: Sendable, Hashable, Codable {
    public var kind: ChangeKind
    public var oldNumber: Int?
    public var newNumber: Int?
    public var oldHeading: String?
    public var newHeading: String?
    public var renumbered: Bool

    public init(kind: ChangeKind, oldNumber: Int?, newNumber: Int?, oldHeading: String?, newHeading: String?) {
        self.kind = kind
        self.oldNumber = oldNumber
        self.newNumber = newNumber
        self.oldHeading = oldHeading
        self.newHeading = newHeading
        self.renumbered = oldNumber != nil && newNumber != nil && oldNumber != newNumber
    }

    private enum CodingKeys: String, CodingKey { case kind, oldNumber, newNumber, oldHeading, newHeading, renumbered }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(oldNumber, forKey: .oldNumber)
        try container.encode(newNumber, forKey: .newNumber)
        try container.encode(oldHeading, forKey: .oldHeading)
        try container.encode(newHeading, forKey: .newHeading)
        try container.encode(renumbered, forKey: .renumbered)
    }
}

/// A step (or a portal process) as the report shows it.
public struct StepSnapshot: Sendable, Hashable, Codable {
    public var number: Int
    /// How the text names it: "1-процесс", "2-шарт" for processes; nil for steps ("N-қадам").
    public var label: String?
    public var actor: String?
    public var text: String
    public var durations: [DurationValue]
    public var result: String?

    public init(_ step: Step, label: String? = nil) {
        self.number = step.number
        self.label = label
        self.actor = step.actor
        self.text = step.text
        self.durations = step.durations.map(DurationValue.init)
        self.result = step.result
    }

    /// "2-қадам", or the process's own label.
    public var name: String { label ?? "\(number)-қадам" }

    private enum CodingKeys: String, CodingKey { case number, label, actor, text, durations, result }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(label, forKey: .label)
        try container.encode(actor, forKey: .actor)
        try container.encode(text, forKey: .text)
        try container.encode(durations, forKey: .durations)
        try container.encode(result, forKey: .result)
    }
}

/// A time limit without its source position.
public struct DurationValue: Sendable, Hashable, Codable {
    public var value: Double
    /// The upper bound of a range ("2-3 сағат"), if any.
    public var maxValue: Double?
    public var unit: Duration.Unit
    /// The limit in words, normalized ("1 жұмыс күні", "15 минут", "2–3 сағат").
    public var label: String

    public init(value: Double, maxValue: Double? = nil, unit: Duration.Unit) {
        self.value = value
        self.maxValue = maxValue
        self.unit = unit
        self.label = DurationFormatter.label(value: value, maxValue: maxValue, unit: unit)
    }

    public init(_ duration: Duration) {
        self.init(value: duration.value, maxValue: duration.maxValue, unit: duration.unit)
    }

    /// The longest time the limit allows: the range's upper bound, else the value.
    public var limit: Double { maxValue ?? value }

    private enum CodingKeys: String, CodingKey { case value, maxValue, unit, label }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(maxValue, forKey: .maxValue)
        try container.encode(unit, forKey: .unit)
        try container.encode(label, forKey: .label)
    }
}

/// One entry of the step alignment.
public struct StepChange: Sendable, Hashable, Codable {
    public var kind: ChangeKind
    public var old: StepSnapshot?
    public var new: StepSnapshot?
    /// Content similarity of the aligned steps (0–1).
    public var similarity: Double?
    /// True when the aligned steps carry different numbers.
    public var renumbered: Bool
    /// The actor's change, when the actor differs.
    public var actor: FieldChange?
    /// The duration change ("2-қадам: 1 жұмыс күні → 2 жұмыс күні"), when the limits differ.
    public var duration: DurationChange?
    /// Word-level diff of the step text, when it differs.
    public var textDiff: [WordEdit]?
    /// Word-level diff of the step result, when it differs.
    public var resultDiff: [WordEdit]?

    public init(kind: ChangeKind, old: StepSnapshot?, new: StepSnapshot?, similarity: Double? = nil,
                actor: FieldChange? = nil, duration: DurationChange? = nil, textDiff: [WordEdit]? = nil,
                resultDiff: [WordEdit]? = nil) {
        self.kind = kind
        self.old = old
        self.new = new
        self.similarity = similarity
        self.renumbered = old != nil && new != nil && old?.number != new?.number
        self.actor = actor
        self.duration = duration
        self.textDiff = textDiff
        self.resultDiff = resultDiff
    }

    private enum CodingKeys: String, CodingKey {
        case kind, old, new, similarity, renumbered, actor, duration, textDiff, resultDiff
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(similarity, forKey: .similarity)
        try container.encode(renumbered, forKey: .renumbered)
        try container.encode(actor, forKey: .actor)
        try container.encode(duration, forKey: .duration)
        try container.encode(textDiff, forKey: .textDiff)
        try container.encode(resultDiff, forKey: .resultDiff)
    }
}

/// A step's time limits in both versions.
public struct DurationChange: Sendable, Hashable, Codable {
    public var old: [DurationValue]
    public var new: [DurationValue]
    /// New minus old limit of the step in working hours, when both are working time.
    public var deltaWorkingHours: Double?
    /// The change in words: "2-қадам: 1 жұмыс күні → 2 жұмыс күні".
    public var description: String

    /// The change of the limits of the step (or process) called `name` ("2-қадам", "1-процесс").
    public init(name: String, old: [DurationValue], new: [DurationValue]) {
        self.old = old
        self.new = new
        let oldLimit = StepLimit(old), newLimit = StepLimit(new)
        if oldLimit.isWorkingTimeOnly, newLimit.isWorkingTimeOnly {
            self.deltaWorkingHours = newLimit.workingHours - oldLimit.workingHours
        } else {
            self.deltaWorkingHours = nil
        }
        func words(_ values: [DurationValue]) -> String {
            values.isEmpty ? "мерзімі жоқ" : values.map(\.label).joined(separator: ", ")
        }
        self.description = "\(name): \(words(old)) → \(words(new))"
    }

    private enum CodingKeys: String, CodingKey { case old, new, deltaWorkingHours, description }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(deltaWorkingHours, forKey: .deltaWorkingHours)
        try container.encode(description, forKey: .description)
    }
}

/// A run of words in a word-level diff.
public struct WordEdit: Sendable, Hashable, Codable {
    public enum Operation: String, Sendable, Hashable, Codable {
        /// In both versions.
        case equal
        /// Only in the new version.
        case insert
        /// Only in the old version.
        case delete
    }

    public var op: Operation
    /// The words, joined by single spaces.
    public var text: String

    public init(op: Operation, text: String) {
        self.op = op
        self.text = text
    }
}

/// A numbered point's fate between the versions (only points that differ are reported).
public struct PointChange: Sendable, Hashable, Codable {
    public var kind: ChangeKind
    public var oldNumber: String?
    public var newNumber: String?
    public var oldText: String?
    public var newText: String?
    public var similarity: Double?
    /// Word-level diff, for changed points.
    public var textDiff: [WordEdit]?

    public init(kind: ChangeKind, oldNumber: String?, newNumber: String?, oldText: String?, newText: String?,
                similarity: Double? = nil, textDiff: [WordEdit]? = nil) {
        self.kind = kind
        self.oldNumber = oldNumber
        self.newNumber = newNumber
        self.oldText = oldText
        self.newText = newText
        self.similarity = similarity
        self.textDiff = textDiff
    }

    private enum CodingKeys: String, CodingKey { case kind, oldNumber, newNumber, oldText, newText, similarity, textDiff }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(oldNumber, forKey: .oldNumber)
        try container.encode(newNumber, forKey: .newNumber)
        try container.encode(oldText, forKey: .oldText)
        try container.encode(newText, forKey: .newText)
        try container.encode(similarity, forKey: .similarity)
        try container.encode(textDiff, forKey: .textDiff)
    }
}
