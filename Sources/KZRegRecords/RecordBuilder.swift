import KZRegStructure
import KZRegText

/// Builds the record of a segmented document: metadata, annexes and regulations.
public struct RecordBuilder: Sendable {
    public init() {}

    /// The record of `document`, whose spans already point into the original input.
    public func build(document: SegmentedDocument, source: SourceInfo, repair: RepairSummary) -> Record {
        Record(source: source, document: DocumentInfo(document.metadata), annexes: [], regulations: [],
               repair: repair, structure: document.root)
    }
}
