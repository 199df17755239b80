/// Renders a document tree as indented text, one node per line: kind, number, heading, span and the start
/// of the node's own text. Meant for people reading what the segmenter made of a document.
///
///     document 0..<34487
///       header 2..<1024
///         title 2..<180 "Әлеуметтік-еңбек саласындағы ..."
///       annex 1 4200..<20000 «Оралман мәртебесін беру» регламенті
public struct StructureTreeFormatter: Sendable {
    /// How many characters of a node's text to show; nil shows all of it.
    public var textLimit: Int?
    /// Spaces per level of depth.
    public var indent: Int

    public init(textLimit: Int? = 80, indent: Int = 2) {
        self.textLimit = textLimit
        self.indent = indent
    }

    /// The tree under `root`, one line per node, each ending in a newline.
    public func format(_ root: StructureNode) -> String {
        var output = ""
        var visitor = Visitor(formatter: self) { output += $0 }
        root.walk(&visitor)
        return output
    }

    /// The line for one node (without indentation or newline).
    public func line(for node: StructureNode) -> String {
        var parts = [node.kind.rawValue]
        if let number = node.number, !number.isEmpty { parts.append(number) }
        parts.append(node.span.description)
        if let heading = node.heading, !heading.isEmpty { parts.append("«\(flatten(heading, limit: nil))»") }
        let text = node.cells.map { $0.joined(separator: " | ") } ?? node.text
        if !text.isEmpty { parts.append("\"\(flatten(text, limit: textLimit))\"") }
        return parts.joined(separator: " ")
    }

    private func flatten(_ text: String, limit: Int?) -> String {
        let single = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ⏎ ")
        guard let limit, single.count > limit else { return single }
        return String(single.prefix(limit)) + "…"
    }

    private struct Visitor: StructureVisitor {
        let formatter: StructureTreeFormatter
        let emit: (String) -> Void

        mutating func visit(_ node: StructureNode, depth: Int) -> Bool {
            emit(String(repeating: " ", count: depth * formatter.indent) + formatter.line(for: node) + "\n")
            return true
        }
    }
}
