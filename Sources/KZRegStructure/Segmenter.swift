/// Turns cleansed text into the document tree: act header, preamble, points, annexes, approved texts
/// with their chapters, points, tables and signatures.
public struct Segmenter: Sendable {
    public init() {}

    /// Segments `text`; spans are UTF-8 byte offsets into `text`.
    public func segment(_ text: String) -> SegmentedDocument {
        // Placeholder until the segmenter lands: one paragraph per non-empty line.
        var children: [StructureNode] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            let trimmed = line.trimmingCharacters()
            if !trimmed.isEmpty {
                children.append(StructureNode(kind: .paragraph, text: trimmed,
                                              span: SourceSpan(start: offset, end: offset + length)))
            }
            offset += length + 1
        }
        let root = StructureNode(kind: .document, span: SourceSpan(start: 0, end: text.utf8.count),
                                 children: children)
        return SegmentedDocument(root: root, metadata: ActMetadata())
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(self.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
