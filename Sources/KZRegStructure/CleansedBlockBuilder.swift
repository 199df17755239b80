/// Builds a `CleansedBlock` line by line.
struct CleansedBlockBuilder {
    var kind: CleansedBlock.Kind
    var text: String
    var lines: [String]
    var pieces: [CleansedBlock.Piece]
    var firstLine: SourceLine
    var lastLine: SourceLine
    var firstIndex: Int
    var lastIndex: Int
    var blanksBefore: Int
    var cells: [String]?
    private var utf8Count: Int

    init(kind: CleansedBlock.Kind, first: SourceLine, index: Int, blanksBefore: Int) {
        self.kind = kind
        self.text = ""
        self.lines = []
        self.utf8Count = 0
        self.pieces = []
        self.firstLine = first
        self.lastLine = first
        self.firstIndex = index
        self.lastIndex = index
        self.blanksBefore = blanksBefore
        appendContent(of: first)
    }

    /// Appends a line's content with runs of spaces inside it squeezed to one (table rows and debris stay as
    /// they are),
    /// recording one piece per copied stretch so that spans still map byte for byte.
    private mutating func appendContent(of line: SourceLine) {
        let squeeze: Bool
        switch kind {
        case .text, .caption: squeeze = true
        case .tableRow, .debris: squeeze = false  // kept as written
        }
        var added = ""
        line.text.utf8.withContiguousStorageIfAvailable { bytes in
            var segmentStart = 0
            var index = 0
            func flush(_ end: Int) {
                guard end > segmentStart else { return }
                pieces.append(CleansedBlock.Piece(textStart: utf8Count, sourceStart: line.contentStart + segmentStart,
                                                  length: end - segmentStart))
                let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<end]), as: UTF8.self)
                added += segment
                utf8Count += end - segmentStart
            }
            while squeeze && index + 1 < bytes.count {
                if bytes[index] == 0x20 && bytes[index + 1] == 0x20 {
                    flush(index + 1)  // keep one space
                    var next = index + 1
                    while next < bytes.count && bytes[next] == 0x20 { next += 1 }
                    segmentStart = next
                    index = next
                } else {
                    index += 1
                }
            }
            flush(bytes.count)
        }
        text += added
        lines.append(added)
    }

    mutating func append(_ line: SourceLine, index: Int, separator: String, dropTrailingHyphen: Bool = false) {
        if dropTrailingHyphen, text.hasSuffix("-") {
            text.removeLast()
            utf8Count -= 1
            pieces[pieces.count - 1].length -= 1
        }
        text += separator
        utf8Count += separator.utf8.count
        appendContent(of: line)
        lastLine = line
        lastIndex = index
    }

    func block() -> CleansedBlock {
        CleansedBlock(kind: kind, text: text, lines: lines,
                      span: SourceSpan(start: firstLine.contentStart, end: lastLine.contentEnd),
                      lineRange: firstIndex...lastIndex, blankLinesBefore: blanksBefore, indent: firstLine.indent,
                      cells: cells, pieces: pieces)
    }
}
