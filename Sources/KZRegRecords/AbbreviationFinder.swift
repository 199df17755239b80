/// Finds the abbreviations a text defines for the bodies it names: "... халыққа қызмет көрсету бөлімі
/// (бұдан әрі – ХҚКО)", "(бұдан әрі - ЖАО)". Only a single word of two to eight capital letters counts, so
/// defined common words ("(бұдан әрі – портал)", "(бұдан әрі – Мемлекеттік корпорация)") are left out; and only
/// after a word naming a body or person (an actor head noun, or "орталығы"), so the abbreviations of things
/// ("электрондық цифрлық қолтаңба (бұдан әрі – ЭЦҚ)", "жеке сәйкестендіру нөмірі (бұдан әрі – ЖСН)") are too.
enum AbbreviationFinder {
    /// Stems of words naming a body that are not actor heads themselves ("халыққа қызмет көрсету орталығы").
    static let bodyStems: Set<String> = ["орталық"]

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
                      word.text.allSatisfy({ $0.isLetter && $0.isUppercase }),
                      namesBody(before: index, in: tokens) else { continue }
                found.insert(word.lower)
            }
        }
        return found
    }

    /// Whether the last word before `index` (past closing quotes) names a body or person, in any case.
    private static func namesBody(before index: Int, in tokens: [TextToken]) -> Bool {
        var cursor = index - 1
        while cursor >= 0, cursor >= index - 3, !tokens[cursor].isWord { cursor -= 1 }
        guard cursor >= 0, tokens[cursor].isWord else { return false }
        return KazakhMorphology.readings(of: tokens[cursor].lower).contains {
            ActorCanonicalizer.isHead($0.stem) || bodyStems.contains($0.stem)
        }
    }
}
