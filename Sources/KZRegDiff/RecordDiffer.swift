import KZRegRecords
import KZRegStructure

/// Compares the records of two versions of an act and reports the substantive differences.
public struct RecordDiffer: Sendable {
    /// Which regulations to compare (all by default).
    public var selection: RegulationSelection
    /// Least service-name similarity for two regulations to be versions of one another.
    public var pairingThreshold: Double
    /// Aligns steps, points and chapters.
    public var aligner: SequenceAligner

    public init(selection: RegulationSelection = RegulationSelection(), pairingThreshold: Double = 0.5,
                aligner: SequenceAligner = SequenceAligner()) {
        self.selection = selection
        self.pairingThreshold = pairingThreshold
        self.aligner = aligner
    }

    /// The report of what changed from `old` to `new`. Throws when the selection names no regulation.
    public func diff(old: Record, new: Record) throws -> DiffReport {
        let oldRegulations = try selection.old.map { [try $0.pick(from: old.regulations, side: "old")] }
            ?? old.regulations.indices.map { ($0 + 1, old.regulations[$0]) }
        let newRegulations = try selection.new.map { [try $0.pick(from: new.regulations, side: "new")] }
            ?? new.regulations.indices.map { ($0 + 1, new.regulations[$0]) }

        let metadata = MetadataDiffer().changes(old: old.document, new: new.document)
        let pairing = RegulationPairing(threshold: pairingThreshold)
            .pair(old: oldRegulations.map(\.1), new: newRegulations.map(\.1))
        let regulationDiffer = RegulationDiffer(aligner: aligner)
        var regulations: [RegulationDiff] = []
        for pair in pairing {
            switch (pair.old, pair.new) {
            case let (oldIndex?, newIndex?):
                let (oldNumber, oldRegulation) = oldRegulations[oldIndex]
                let (newNumber, newRegulation) = newRegulations[newIndex]
                regulations.append(regulationDiffer.diff(
                    old: (RegulationRef(index: oldNumber, regulation: oldRegulation), oldRegulation, old.structure),
                    new: (RegulationRef(index: newNumber, regulation: newRegulation), newRegulation, new.structure),
                    nameSimilarity: pair.similarity))
            case let (oldIndex?, nil):
                let (number, regulation) = oldRegulations[oldIndex]
                regulations.append(regulationDiffer.unpaired(.removed, RegulationRef(index: number,
                                                                                     regulation: regulation),
                                                             regulation))
            case let (nil, newIndex?):
                let (number, regulation) = newRegulations[newIndex]
                regulations.append(regulationDiffer.unpaired(.added, RegulationRef(index: number,
                                                                                   regulation: regulation),
                                                             regulation))
            case (nil, nil):
                break
            }
        }
        let summary = DiffSummarizer().summary(metadata: metadata, regulations: regulations)
        return DiffReport(old: DiffSide(file: old.source.file, sha256: old.source.sha256, title: old.document.title),
                          new: DiffSide(file: new.source.file, sha256: new.source.sha256, title: new.document.title),
                          summary: summary, metadata: metadata, regulations: regulations)
    }
}

/// Which regulation of each side to compare; nil compares all of that side's regulations.
public struct RegulationSelection: Sendable, Hashable {
    public var old: RegulationSelector?
    public var new: RegulationSelector?

    public init(old: RegulationSelector? = nil, new: RegulationSelector? = nil) {
        self.old = old
        self.new = new
    }

    /// Parses the `--regulation` argument: "N" or "NAME" for both sides, "A:B" for the old and the new side.
    public init(parsing argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            self.init(old: RegulationSelector(parsing: String(parts[0])),
                      new: RegulationSelector(parsing: String(parts[1])))
        } else {
            let selector = RegulationSelector(parsing: argument)
            self.init(old: selector, new: selector)
        }
    }
}

/// Picks one regulation of a record: by 1-based position or by (fuzzy) service name.
public enum RegulationSelector: Sendable, Hashable {
    case index(Int)
    case name(String)

    /// "2" selects the second regulation; anything else is a name.
    public init(parsing argument: String) {
        let trimmed = argument.trimmingWhitespace()
        if let index = Int(trimmed) { self = .index(index) } else { self = .name(trimmed) }
    }

    /// The selected regulation with its 1-based position.
    public func pick(from regulations: [Regulation], side: String) throws -> (Int, Regulation) {
        switch self {
        case .index(let index):
            guard regulations.indices.contains(index - 1) else {
                throw DiffError.regulationNotFound(selector: "\(index)", side: side, available: regulations.count)
            }
            return (index, regulations[index - 1])
        case .name(let name):
            let wanted = TextSimilarity.key(name)
            var best: (score: Double, index: Int)?
            for (offset, regulation) in regulations.enumerated() {
                let label = regulation.serviceName ?? regulation.title
                let contains = !wanted.isEmpty && TextSimilarity.key(label).contains(wanted)
                let score = contains ? 1 + TextSimilarity.similarity(name, label)
                                     : TextSimilarity.similarity(name, label)
                if score >= 0.5, score > (best?.score ?? -1) { best = (score, offset) }
            }
            guard let best else {
                throw DiffError.regulationNotFound(selector: name, side: side, available: regulations.count)
            }
            return (best.index + 1, regulations[best.index])
        }
    }
}

/// Why a diff could not be made.
public enum DiffError: Error, Sendable, Hashable, CustomStringConvertible {
    case regulationNotFound(selector: String, side: String, available: Int)
    case unreadableRecord(file: String, reason: String)

    public var description: String {
        switch self {
        case let .regulationNotFound(selector, side, available):
            "no regulation \"\(selector)\" in the \(side) version (it has \(available) regulation(s))"
        case let .unreadableRecord(file, reason):
            "\(file) looks like JSON but is not a kzreg record: \(reason)"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
