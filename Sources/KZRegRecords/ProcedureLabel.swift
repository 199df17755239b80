/// Reads the label that opens a step written as a paragraph: "1-рәсім –", "2-қадам:", "3-іс-қимыл –",
/// "4-іс-әрекет" (procedure, step, action). "1-рәсімнің нәтижесі: ..." names a step's result and is no label.
enum ProcedureLabel {
    /// The label words, folded (see `KazakhFolding`).
    static let words = ["расим", "кадам", "ис-кимыл", "ис-арекет"]

    /// The label's number and the index of the first token after it (past a dash, colon, "." or ")" that
    /// closes it), or nil when the tokens do not open with a label.
    static func read(_ tokens: [TextToken]) -> (number: Int, next: Int)? {
        guard tokens.count >= 3, tokens[0].isNumber, tokens[1].isDash, tokens[2].isWord,
              let number = Int(tokens[0].text) else { return nil }
        let word = tokens[2].folded
        let closed = tokens.count > 3 && (tokens[3].isDash || tokens[3].is(":") || tokens[3].is(".") || tokens[3].is(")"))
        // The bare word is a label; an inflected or noisy one only when a separator closes it.
        guard words.contains(word) || (closed && words.contains(where: { word.hasPrefix($0) })) else { return nil }
        return (number, closed ? 4 : 3)
    }

    /// The label at the start of `text`: its number and the byte offset of the text after it.
    static func read(_ text: String) -> (number: Int, bodyStart: Int)? {
        let tokens = TextTokenizer.tokens(in: String(text.prefix(60)))
        guard let (number, next) = read(tokens) else { return nil }
        return (number, next < tokens.count ? tokens[next].start : text.utf8.count)
    }
}
