import KZRegStructure

/// Reads the labels of portal / State Corporation process lists ("1-процесс —", "2-шарт:", "3-үдеріс —")
/// in text that went through OCR and repair: the label word up to a letter or two of noise ("1-прогресс",
/// "2-үдерic"), and a number written with look-alikes ("|-шарт") or lost to a letter ("Э-процесс"), which
/// the caller then infers from the list's order.
enum ProcessLabelReader {
    /// A label found in a text: its kind, its number when readable, and byte offsets into the text.
    struct Label: Equatable {
        var kind: ServiceProcess.Kind
        /// The number as written, or nil when OCR replaced it by a letter.
        var number: Int?
        var labelStart: Int
        var labelEnd: Int
        var bodyStart: Int
    }

    /// The kind named by a label word, tolerating OCR noise: "процесс" (and "процесі"), "үдеріс" (process),
    /// "шарт" (condition).
    static func kind(of word: String) -> ServiceProcess.Kind? {
        let text = KazakhFolding.fold(FormulaMatcher.normalized(word))
        if text.hasPrefix("процес") || text.hasPrefix("удерис") { return .process }
        if text.hasPrefix("шарт") { return .condition }
        // A letter or two of noise: "прогресс", "процеес", "удерiс", "шарг".
        let targets: [(String, ServiceProcess.Kind, Int)] = [("процесс", .process, 2), ("удерис", .process, 1),
                                                             ("шарт", .condition, 1)]
        for (target, kind, limit) in targets where text.first == target.first {
            if FormulaMatcher.editDistance(text, target, limit: limit) <= limit { return kind }
        }
        return nil
    }

    /// The labels in `text`: "N-word" followed by a dash or colon, at the start of the text (after a list
    /// label such as "2)") or after ";" / ".".
    static func labels(in text: String) -> [Label] {
        let tokens = TextTokenizer.tokens(in: text)
        var labels: [Label] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard let (label, next) = label(tokens, at: index) else { continue }
            // At the start of the text (after list-label tokens) or after ";" / ".".
            let before = tokens[..<index].filter { !($0.isNumber || $0.is(")") || $0.isDash) }
            guard before.isEmpty || tokens[index - 1].is(";") || tokens[index - 1].is(".") else { continue }
            guard next < tokens.count else { continue }
            labels.append(Label(kind: label.kind, number: label.number, labelStart: label.labelStart,
                                labelEnd: label.labelEnd, bodyStart: tokens[next].start))
        }
        return labels
    }

    /// The label starting at `index` and the index of the first body token, or nil.
    private static func label(_ tokens: [TextToken], at index: Int) -> (Label, Int)? {
        let token = tokens[index]
        func closes(_ position: Int) -> Bool {
            position < tokens.count && (tokens[position].isDash || tokens[position].is(":"))
        }
        // "1-процесс —": number, hyphen, word, dash. "|-шарт" reads "|" as a one.
        if index + 3 < tokens.count, tokens[index + 1].isDash, tokens[index + 2].isWord, closes(index + 3),
           let number = number(token), let kind = kind(of: tokens[index + 2].text) {
            return (Label(kind: kind, number: number, labelStart: token.start, labelEnd: tokens[index + 2].end,
                          bodyStart: 0), index + 4)
        }
        // "Э-процесс —": a digit misread as a letter joins the word through the hyphen.
        if token.isWord, closes(index + 1), let hyphen = token.text.firstIndex(of: "-") {
            let prefix = token.text[..<hyphen]
            let word = String(token.text[token.text.index(after: hyphen)...])
            guard prefix.count == 1, !word.contains("-"), let kind = kind(of: word) else { return nil }
            let number = OCRDigits.number(prefix).flatMap { Int($0) }
            return (Label(kind: kind, number: number, labelStart: token.start, labelEnd: token.end, bodyStart: 0),
                    index + 2)
        }
        return nil
    }

    /// A label number: digits, or digits written with OCR look-alikes ("|", "l").
    private static func number(_ token: TextToken) -> Int? {
        if token.isNumber { return Int(token.text) }
        guard token.text.count <= 2 else { return nil }
        return OCRDigits.number(token.text).flatMap { Int($0) }
    }
}
