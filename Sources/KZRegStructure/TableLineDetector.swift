/// What the cleanser has decided a physical line is, before joining the free ones into paragraphs.
enum LineRole: Equatable {
    /// Running text, to be joined into paragraphs.
    case free
    /// A tab-separated table row (or a dash rule next to one).
    case table
    /// Part of the caption block with this group number.
    case caption(Int)
    /// Part of the debris block with this group number.
    case debris(Int)
}

/// Marks tab-separated table rows and the dash rules that belong to them.
struct TableLineDetector {
    func mark(_ lines: [SourceLine], _ roles: inout [LineRole]) {
        for index in lines.indices where lines[index].hasTab {
            roles[index] = .table
        }
        // Dash rules between or after table rows ("-----") belong to the table.
        for index in lines.indices where roles[index] == .free && isRule(lines[index].text) {
            let nearTable = (index > 0 && roles[index - 1] == .table)
                || (index + 1 < lines.count && roles[index + 1] == .table)
            if nearTable { roles[index] = .table }
        }
    }

    private func isRule(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { TextTraits.isDash($0) || $0 == " " || $0 == "_" || $0 == "=" }
            && text.count >= 2
    }
}
