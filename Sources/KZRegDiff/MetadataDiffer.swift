import KZRegRecords
import KZRegStructure

/// Compares the act-level metadata of two records: title, type, issuer, dates, numbers, status, repeal.
struct MetadataDiffer: Sendable {
    func changes(old: DocumentInfo, new: DocumentInfo) -> [FieldChange] {
        var changes: [FieldChange] = []
        func text(_ field: String, _ lhs: String?, _ rhs: String?, words: Bool = false) {
            if Self.differs(lhs, rhs, words: words) { changes.append(FieldChange(field: field, old: lhs, new: rhs)) }
        }
        func reference(_ field: String, _ lhs: ActReference?, _ rhs: ActReference?) {
            text("\(field).date", lhs?.date?.iso, rhs?.date?.iso)
            text("\(field).number", lhs?.number, rhs?.number)
        }
        text("document.title", old.title, new.title, words: true)
        text("document.actType", old.actType, new.actType, words: true)
        text("document.issuer", old.issuer, new.issuer, words: true)
        reference("document.adopted", old.adopted, new.adopted)
        reference("document.registered", old.registered, new.registered)
        text("document.status", old.status.rawValue, new.status.rawValue)
        reference("document.repealedBy", old.repealedBy, new.repealedBy)
        return changes
    }

    /// Whether two optional values differ beyond case, punctuation and spacing; with `words`, word endings
    /// are ignored too (names and titles: a change of substance changes a stem).
    static func differs(_ lhs: String?, _ rhs: String?, words: Bool = false) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return false
        case let (lhs?, rhs?):
            let left = words ? TextSimilarity.stemKey(lhs) : TextSimilarity.key(lhs)
            let right = words ? TextSimilarity.stemKey(rhs) : TextSimilarity.key(rhs)
            return left.isEmpty || right.isEmpty ? lhs != rhs : left != right
        default: return true
        }
    }
}
