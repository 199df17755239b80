import KZRegStructure
@testable import KZRegRecords

/// Builds document trees by hand, with each node's span pointing at its own text in `source`, as the
/// segmenter would (children follow their parent's own text).
struct TreeBuilder {
    private(set) var source = ""

    /// A node whose own text is appended to `source` (followed by a newline), then its children.
    mutating func node(_ kind: NodeKind, _ number: String? = nil, heading: String? = nil, _ text: String = "",
                       _ children: (inout TreeBuilder) -> [StructureNode] = { _ in [] }) -> StructureNode {
        let start = source.utf8.count
        if !text.isEmpty { source += text + "\n" }
        let kids = children(&self)
        let end = max(start, source.utf8.count - (source.hasSuffix("\n") ? 1 : 0))
        return StructureNode(kind: kind, number: number, heading: heading, text: text,
                             span: SourceSpan(start: start, end: end), children: kids)
    }
}

extension SourceSpan {
    func text(in source: String) -> String { source.utf8Slice(start, end) }
}
