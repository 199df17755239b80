import Foundation
@testable import KZRegStructure

/// Paths and helpers shared by the structure tests.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ prefix: String) throws -> String {
        let folder = repositoryRoot.appendingPathComponent("Seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }
        guard let name else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static var seedNames: [String] {
        let folder = repositoryRoot.appendingPathComponent("Seeds")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static var fixtureFolder: URL { repositoryRoot.appendingPathComponent("Fixtures/structure") }

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    /// The UTF-8 bytes of `text` in `span`, decoded.
    static func slice(_ text: String, _ span: SourceSpan) -> String {
        let bytes = Array(text.utf8)
        guard span.start >= 0, span.end <= bytes.count, span.start <= span.end else { return "<bad span \(span)>" }
        return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// Every node of a kind, depth first.
    static func nodes(_ kind: NodeKind, in node: StructureNode) -> [StructureNode] {
        node.descendantsAndSelf.filter { $0.kind == kind }
    }

    /// Whitespace-insensitive: the span's text contains the first words of the node's text, allowing for
    /// line breaks and the hyphens the cleanser removed.
    static func spanHoldsTextStart(_ node: StructureNode, in text: String) -> Bool {
        let own = node.cells?.first(where: { !$0.isEmpty }) ?? node.text
        let probe = squeeze(String(own.prefix(40)))
        guard !probe.isEmpty else { return true }
        let sliced = squeeze(slice(text, node.span))
        return sliced.contains(probe)
    }

    static func squeeze(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }.map(Character.init))
    }
}
