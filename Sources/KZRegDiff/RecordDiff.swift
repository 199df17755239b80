import KZRegRecords

/// Compares two records of versions of the same act (placeholder until the diff engine lands).
public struct RecordDiffer: Sendable {
    public init() {}
}
