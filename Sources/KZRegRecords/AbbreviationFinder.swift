/// Finds the abbreviations a text defines for the bodies it names: "... халыққа қызмет көрсету бөлімі
/// (бұдан әрі – ХҚКО)", "(бұдан әрі - ЖАО)". Only a single word of two to eight capital letters counts, so
/// defined common words ("(бұдан әрі – портал)", "(бұдан әрі – Мемлекеттік корпорация)") are left out.
enum AbbreviationFinder {
    /// The abbreviations defined in `texts`, in lower case.
    static func abbreviations(in texts: [String]) -> Set<String> {
        var found: Set<String> = []
        for text in texts where text.contains("(") {
            let tokens = TextTokenizer.tokens(in: text)
            for index in tokens.indices where tokens[index].is("(") && index + 5 < tokens.count {
                // "(", "бұдан", "әрі", dash, word, ")".
                guard tokens[index + 1].folded == "будан", tokens[index + 2].folded == "ари", tokens[index + 3].isDash,
                      tokens[index + 5].is(")") else { continue }
                let word = tokens[index + 4]
                let letters = word.text.unicodeScalars
                guard word.isWord, (2...8).contains(letters.count),
                      word.text.allSatisfy({ $0.isLetter && $0.isUppercase }) else { continue }
                found.insert(word.lower)
            }
        }
        return found
    }
}
