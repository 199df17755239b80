/// What a golden file says a document's regulations should be (`Fixtures/records/expected/*.json`).
/// Only the fields given are checked.
public struct ExpectedRecord: Sendable, Codable {
    public struct ExpectedDuration: Sendable, Codable {
        public var value: Double
        public var unit: Duration.Unit
        public var qualifier: Duration.Qualifier?
    }

    public struct ExpectedStep: Sendable, Codable {
        public var number: Int
        /// The actor as written; compared through `ActorCanonicalizer.key(for:)`.
        public var actor: String?
        public var durations: [ExpectedDuration]
        public var result: String?
    }

    public struct ExpectedProcess: Sendable, Codable {
        /// The label as a human reads it ("1-процесс"); its number and the kind are checked.
        public var label: String
        public var kind: ServiceProcess.Kind
    }

    public struct ExpectedForms: Sendable, Codable {
        public var electronic: Bool
        public var paper: Bool
    }

    /// A reference to another act; the date is ISO 8601 ("2015-04-28").
    public struct ExpectedReference: Sendable, Codable {
        public var actType: String?
        public var date: String?
        public var number: String?
        public var registrationNumber: String?
    }

    public struct ExpectedRegulation: Sendable, Codable {
        public var kind: Regulation.Kind?
        public var annex: Int?
        public var serviceName: String?
        public var provider: String?
        public var stepsPoint: String?
        public var participants: [String]?
        public var steps: [ExpectedStep]
        public var processes: [ExpectedProcess]?
        /// The service's forms, result and basis, and the references to other acts: checked only when the
        /// golden file gives them (`null` then means that nothing must be found).
        public var forms: ExpectedForms?
        public var serviceResult: String?
        public var basis: String?
        public var references: [ExpectedReference]?
        /// Which of the optional fields above the golden file gives.
        public var checksForms = false
        public var checksServiceResult = false
        public var checksBasis = false

        private enum CodingKeys: String, CodingKey {
            case kind, annex, serviceName, provider, stepsPoint, participants, steps, processes
            case forms, serviceResult, basis, references
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decodeIfPresent(Regulation.Kind.self, forKey: .kind)
            annex = try container.decodeIfPresent(Int.self, forKey: .annex)
            serviceName = try container.decodeIfPresent(String.self, forKey: .serviceName)
            provider = try container.decodeIfPresent(String.self, forKey: .provider)
            stepsPoint = try container.decodeIfPresent(String.self, forKey: .stepsPoint)
            participants = try container.decodeIfPresent([String].self, forKey: .participants)
            steps = try container.decode([ExpectedStep].self, forKey: .steps)
            processes = try container.decodeIfPresent([ExpectedProcess].self, forKey: .processes)
            forms = try container.decodeIfPresent(ExpectedForms.self, forKey: .forms)
            serviceResult = try container.decodeIfPresent(String.self, forKey: .serviceResult)
            basis = try container.decodeIfPresent(String.self, forKey: .basis)
            references = try container.decodeIfPresent([ExpectedReference].self, forKey: .references)
            checksForms = container.contains(.forms)
            checksServiceResult = container.contains(.serviceResult)
            checksBasis = container.contains(.basis)
        }
    }

    /// The input, relative to the repository root.
    public var input: String
    public var description: String?
    /// True when the input is OCR-garbled and needs the repair stage.
    public var garbled: Bool?
    public var regulations: [ExpectedRegulation]
}

/// How well a record matches its golden file.
public struct ExtractionScore: Sendable, Hashable {
    /// Steps in the golden file, steps extracted, and extracted steps whose actor key and all durations
    /// (value and unit) are right.
    public var expectedSteps = 0
    public var extractedSteps = 0
    public var correctSteps = 0
    /// Durations of matched steps whose qualifier is right too, out of the golden durations of matched steps.
    public var correctQualifiers = 0
    public var checkedQualifiers = 0
    /// Other checked fields (kind, annex, service name, provider, steps point, participants, results,
    /// processes, and where given forms, service result, basis and references): how many were right, and
    /// what was wrong.
    public var correctFields = 0
    public var checkedFields = 0
    public var mismatches: [String] = []

    public init() {}

    /// Step precision; nil when nothing was extracted.
    public var precision: Double? { extractedSteps == 0 ? nil : Double(correctSteps) / Double(extractedSteps) }
    /// Step recall; nil when the golden file has no steps.
    public var recall: Double? { expectedSteps == 0 ? nil : Double(correctSteps) / Double(expectedSteps) }

    public static func + (lhs: ExtractionScore, rhs: ExtractionScore) -> ExtractionScore {
        var sum = lhs
        sum.expectedSteps += rhs.expectedSteps
        sum.extractedSteps += rhs.extractedSteps
        sum.correctSteps += rhs.correctSteps
        sum.correctQualifiers += rhs.correctQualifiers
        sum.checkedQualifiers += rhs.checkedQualifiers
        sum.correctFields += rhs.correctFields
        sum.checkedFields += rhs.checkedFields
        sum.mismatches += rhs.mismatches
        return sum
    }

    /// "steps P=1.000 R=0.917 (11/12 of 12 extracted) qualifiers 20/21 fields 30/31".
    public var summary: String {
        func figure(_ value: Double?) -> String {
            guard let value else { return "n/a" }
            let scaled = Int((value * 1000).rounded())
            let fraction = String(scaled % 1000)
            return "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
        return "steps P=\(figure(precision)) R=\(figure(recall)) (correct \(correctSteps), expected \(expectedSteps), "
            + "extracted \(extractedSteps)) qualifiers \(correctQualifiers)/\(checkedQualifiers) "
            + "fields \(correctFields)/\(checkedFields)"
    }
}

/// Compares extracted regulations with a golden file. Regulations are paired in order; steps by number.
public struct ExtractionEvaluator: Sendable {
    let actors = ActorCanonicalizer()

    public init() {}

    public func score(_ regulations: [Regulation], against expected: ExpectedRecord) -> ExtractionScore {
        var score = ExtractionScore()
        score.extractedSteps = regulations.reduce(0) { $0 + $1.steps.count }
        score.expectedSteps = expected.regulations.reduce(0) { $0 + $1.steps.count }
        check(&score, "regulation count", expected.regulations.count, regulations.count)
        var used = Set<Int>()
        for (index, golden) in expected.regulations.enumerated() {
            guard let match = pairing(golden, at: index, in: regulations, used: used) else {
                score.mismatches.append("regulation \(index + 1): missing")
                continue
            }
            used.insert(match)
            compare(regulations[match], golden, label: "regulation \(index + 1)", into: &score)
        }
        return score
    }

    /// The extracted regulation to compare a golden one with: the one in the same numbered annex, else the one
    /// at the same position, else the next one not yet paired.
    private func pairing(_ golden: ExpectedRecord.ExpectedRegulation, at index: Int, in regulations: [Regulation],
                         used: Set<Int>) -> Int? {
        if let annex = golden.annex,
           let match = regulations.indices.first(where: { !used.contains($0) && regulations[$0].annex == annex }) {
            return match
        }
        if index < regulations.count, !used.contains(index),
           golden.annex == nil || regulations[index].annex == nil || regulations[index].annex == golden.annex {
            return index
        }
        return nil
    }

    private func compare(_ actual: Regulation, _ golden: ExpectedRecord.ExpectedRegulation, label: String,
                         into score: inout ExtractionScore) {
        if let kind = golden.kind { check(&score, "\(label) kind", kind, actual.kind) }
        check(&score, "\(label) annex", golden.annex, actual.annex)
        check(&score, "\(label) serviceName", golden.serviceName.map(Self.normalized),
              actual.serviceName.map(Self.normalized))
        check(&score, "\(label) provider", golden.provider.map(Self.normalized), actual.provider.map(Self.normalized))
        check(&score, "\(label) stepsPoint", golden.stepsPoint, actual.stepsPoint)
        if let participants = golden.participants {
            check(&score, "\(label) participants", participants.map { actors.key(for: $0) },
                  actual.participantActors.map(\.key))
        }
        if let processes = golden.processes {
            // Compared by number and kind: the label word itself ("процесс", "үдеріс") says nothing more, and
            // in OCR'd text it is often misspelt ("1-прогресс") or lost.
            check(&score, "\(label) processes",
                  processes.map { "\($0.label.prefix { $0.isNumber })/\($0.kind.rawValue)" },
                  actual.processes.map { "\($0.number)/\($0.kind.rawValue)" })
        }
        if golden.checksForms {
            check(&score, "\(label) forms", golden.forms.map { "electronic \($0.electronic), paper \($0.paper)" },
                  actual.forms.map { "electronic \($0.electronic), paper \($0.paper)" })
        }
        if golden.checksServiceResult {
            check(&score, "\(label) serviceResult", golden.serviceResult.map(Self.normalized),
                  actual.result.map { Self.normalized($0.text) })
        }
        if golden.checksBasis {
            check(&score, "\(label) basis", golden.basis.map(Self.normalized), actual.basis.map { Self.normalized($0.text) })
        }
        if let references = golden.references {
            func describe(_ parts: [String?]) -> String { parts.map { $0 ?? "-" }.joined(separator: " ") }
            check(&score, "\(label) references",
                  references.map { describe([$0.actType, $0.date, $0.number, $0.registrationNumber]) },
                  actual.references.map { describe([$0.actType, $0.date?.iso, $0.number, $0.registrationNumber]) })
        }
        var used = Set<Int>()
        for step in golden.steps {
            guard let index = actual.steps.indices.first(where: { !used.contains($0) && actual.steps[$0].number == step.number })
            else {
                score.mismatches.append("\(label) step \(step.number): missing")
                continue
            }
            used.insert(index)
            let found = actual.steps[index]
            let expectedKey = step.actor.map { actors.key(for: $0) }
            let durationsRight = Self.sameMultiset(step.durations.map { "\($0.value) \($0.unit.rawValue)" },
                                                   found.durations.map { "\($0.value) \($0.unit.rawValue)" })
            if expectedKey == found.actorKey && durationsRight {
                score.correctSteps += 1
            } else {
                let want = step.durations.map { "\($0.value) \($0.unit.rawValue)" }.joined(separator: ", ")
                let got = found.durations.map { "\($0.value) \($0.unit.rawValue)" }.joined(separator: ", ")
                score.mismatches.append("\(label) step \(step.number): expected [\(expectedKey ?? "nil")] {\(want)}, "
                                        + "got [\(found.actorKey ?? "nil")] {\(got)}")
            }
            if durationsRight {
                score.checkedQualifiers += step.durations.count
                for duration in step.durations {
                    if found.durations.contains(where: { $0.value == duration.value && $0.unit == duration.unit
                        && $0.qualifier == duration.qualifier }) {
                        score.correctQualifiers += 1
                    }
                }
            }
            check(&score, "\(label) step \(step.number) result", step.result.map(Self.normalized),
                  found.result.map(Self.normalized))
        }
    }

    private func check<T: Equatable>(_ score: inout ExtractionScore, _ label: String, _ expected: T, _ actual: T) {
        score.checkedFields += 1
        if expected == actual { score.correctFields += 1 } else {
            score.mismatches.append("\(label): expected \(expected), got \(actual)")
        }
    }

    static func sameMultiset(_ lhs: [String], _ rhs: [String]) -> Bool { lhs.sorted() == rhs.sorted() }

    /// Lower case, single spaces, one kind of quote and dash, no trailing punctuation.
    static func normalized(_ text: String) -> String {
        var result = ""
        var space = false
        for character in text.lowercased() {
            if character.isWhitespace { space = !result.isEmpty; continue }
            if space { result.append(" "); space = false }
            switch character {
            case "«", "»", "“", "”", "„": result.append("\"")
            case "–", "—", "‒": result.append("-")
            default: result.append(character)
            }
        }
        while let last = result.last, ".;,".contains(last) { result.removeLast() }
        return result
    }
}
