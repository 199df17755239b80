import KZRegStructure
import KZRegText

/// Builds the record of a segmented document: metadata, annexes and regulations.
public struct RecordBuilder: Sendable {
    public init() {}

    /// The record of `document`, whose spans already point into the original input. Without the repair
    /// result, fields inside a node carry that node's span.
    public func build(document: SegmentedDocument, source: SourceInfo, repair: RepairSummary) -> Record {
        build(document: document, source: source, repair: repair, locator: SpanLocator())
    }

    /// The record of `document`, whose spans point into the original input; `repaired` is the repair stage's
    /// output the segmenter read, used to give fields inside a node their exact input spans.
    public func build(document: SegmentedDocument, source: SourceInfo, repair: RepairSummary,
                      repaired: RepairResult) -> Record {
        build(document: document, source: source, repair: repair, locator: SpanLocator(repair: repaired))
    }

    private func build(document: SegmentedDocument, source: SourceInfo, repair: RepairSummary,
                       locator: SpanLocator) -> Record {
        let layout = AnnexLayout(document.root)
        let extractor = RegulationExtractor(locator: locator)
        let regulations = layout.approvedTexts.map { placed in
            extractor.extract(placed.node, annex: placed.annex, ownAnnexes: placed.ownAnnexes)
        }
        return Record(source: source, document: DocumentInfo(document.metadata), annexes: layout.actAnnexes,
                      regulations: regulations, repair: repair, structure: document.root)
    }
}
