import KZRegRecords
import KZRegStructure

/// Compares the act-level metadata of two records: title, type, issuer, dates, numbers, status, repeal.
struct MetadataDiffer: Sendable {
    func changes(old: DocumentInfo, new: DocumentInfo) -> [FieldChange] {
        var changes: [FieldChange] = []
        func text(_ field: String, _ lhs: String?, _ rhs: String?) {
            if Self.differs(lhs, rhs) { changes.append(FieldChange(field: field, old: lhs, new: rhs)) }
        }
        func reference(_ field: String, _ lhs: ActReference?, _ rhs: ActReference?) {
            text("\(field).date", lhs?.date?.iso, rhs?.date?.iso)
            text("\(field).number", lhs?.number, rhs?.number)
        }
        text("document.title", old.title, new.title)
        text("document.actType", old.actType, new.actType)
        text("document.issuer", old.issuer, new.issuer)
        reference("document.adopted", old.adopted, new.adopted)
        reference("document.registered", old.registered, new.registered)
        text("document.status", old.status.rawValue, new.status.rawValue)
        reference("document.repealedBy", old.repealedBy, new.repealedBy)
        return changes
    }

    /// Whether two optional texts differ beyond case, punctuation and spacing.
    static func differs(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): false
        case let (lhs?, rhs?):
            TextSimilarity.key(lhs).isEmpty || TextSimilarity.key(rhs).isEmpty
                ? lhs != rhs : TextSimilarity.key(lhs) != TextSimilarity.key(rhs)
        default: true
        }
    }
}
