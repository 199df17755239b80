/// Finds a step's result: "Нәтижесі – ...", "нәтижесі: ...", "рәсімнің нәтижесі: ...".
enum ResultFinder {
    static func result(in text: String) -> (text: String, start: Int, end: Int)? {
        let tokens = TextTokenizer.tokens(in: text)
        for (index, token) in tokens.enumerated() where token.folded == "натижеси" && index + 1 < tokens.count {
            let separator = tokens[index + 1]
            guard separator.isDash || separator.is(":") else { continue }
            // Only "Нәтижесі" that opens a sentence or clause, or the procedure's own ("рәсімнің нәтижесі"), not
            // "... қызмет көрсету нәтижесі - ...".
            if index > 0, tokens[index - 1].isWord, !token.text.hasPrefix("Н"), !isProcedureWord(tokens[index - 1]) {
                continue
            }
            guard index + 2 < tokens.count else { return nil }
            let start = tokens[index + 2].start
            var endIndex = index + 2
            while endIndex + 1 < tokens.count, !tokens[endIndex + 1].is(";") {
                if tokens[endIndex + 1].is("."), endIndex + 2 < tokens.count,
                   tokens[endIndex + 2].text.first?.isUppercase == true { break }
                endIndex += 1
            }
            var end = tokens[endIndex].end
            if tokens[endIndex].is(".") { end = tokens[endIndex].start }
            guard end > start else { return nil }
            return (text.utf8Slice(start, end), start, end)
        }
        return nil
    }

    /// Whether `text` opens with a step's result ("нәтижесі: ...", "Рәсімнің нәтижесі – ...", "1-рәсімнің
    /// нәтижесі: ..."), as a line of its own after the step does.
    static func opensWithResult(_ text: String) -> Bool {
        let tokens = TextTokenizer.tokens(in: String(text.prefix(80)))
        guard let index = tokens.prefix(6).firstIndex(where: { $0.folded == "натижеси" }),
              tokens[..<index].allSatisfy({ !$0.isWord || isProcedureWord($0) }) else { return false }
        return result(in: text) != nil
    }

    /// "рәсімнің", "іс-қимылдың", "қадамның": a word naming the procedure whose result follows.
    static func isProcedureWord(_ token: TextToken) -> Bool {
        ProcedureLabel.words.contains { token.folded.hasPrefix($0) }
    }
}
