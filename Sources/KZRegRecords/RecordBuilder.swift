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
        var regulations = layout.approvedTexts.map { placed in
            extractor.extract(placed.node, annex: placed.annex, ownAnnexes: placed.ownAnnexes)
        }
        // A file holding a regulation without its act (no approved-text node): read the whole tree as one,
        // but only when it has the steps point, so that an ordinary act never becomes a "regulation".
        if regulations.isEmpty, let title = Self.standaloneTitle(document.root) {
            regulations = [extractor.extract(document.root, annex: nil, ownAnnexes: [], title: title)]
        }
        return Record(source: source, document: DocumentInfo(document.metadata), annexes: layout.actAnnexes,
                      regulations: regulations, repair: repair, structure: document.root)
    }

    /// The title of a document that is a bare regulation: it has a steps point and no approved-text node.
    /// The title is its first text if that names a регламент / қағидалар, else empty.
    static func standaloneTitle(_ root: StructureNode) -> String? {
        let nodes = root.descendantsAndSelf
        guard !nodes.contains(where: { $0.kind == .approvedText }),
              nodes.contains(where: { ($0.kind == .point || $0.kind == .paragraph) && StepExtractor.isStepsLeadIn($0.text) })
        else { return nil }
        guard let first = nodes.first(where: { !$0.text.isEmpty || $0.heading != nil }) else { return "" }
        let text = first.heading ?? first.text
        let folded = KazakhFolding.fold(text)
        guard text.count < 400, folded.contains("регламент") || folded.contains("кагида"),
              !folded.contains("бекиту туралы") else { return "" }
        return text
    }
}
