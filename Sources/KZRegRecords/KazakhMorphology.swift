/// The grammatical case a Kazakh noun ending marks.
public enum KazakhCase: String, Sendable, Hashable {
    case nominative, genitive, dative, accusative, locative, ablative, instrumental
}

/// One way of reading a noun form: its stem and the endings stripped from it.
public struct NounReading: Sendable, Hashable {
    public var stem: String
    public var grammaticalCase: KazakhCase
    public var possessive: Bool
    public var plural: Bool
}

/// A small suffix stripper for Kazakh nouns: case endings, the 3rd-person possessive and the plural.
///
/// It does not know the lexicon, so it returns every plausible reading ("маманына" → маман + poss + dative,
/// "маманы" → маман + poss, "маманы" itself); callers pick the reading whose stem they know.
public enum KazakhMorphology {
    private static let vowels: Set<Character> = ["а", "ә", "е", "ё", "и", "о", "ө", "у", "ұ", "ү", "ы", "і", "э", "ю", "я"]

    private static let caseEndings: [(String, KazakhCase)] = [
        ("ның", .genitive), ("нің", .genitive), ("дың", .genitive), ("дің", .genitive), ("тың", .genitive),
        ("тің", .genitive),
        ("ға", .dative), ("ге", .dative), ("қа", .dative), ("ке", .dative), ("на", .dative), ("не", .dative),
        ("ны", .accusative), ("ні", .accusative), ("ды", .accusative), ("ді", .accusative), ("ты", .accusative),
        ("ті", .accusative), ("н", .accusative),
        ("нда", .locative), ("нде", .locative), ("да", .locative), ("де", .locative), ("та", .locative),
        ("те", .locative),
        ("нан", .ablative), ("нен", .ablative), ("дан", .ablative), ("ден", .ablative), ("тан", .ablative),
        ("тен", .ablative),
        ("мен", .instrumental), ("бен", .instrumental), ("пен", .instrumental),
    ]
    /// Endings that only follow the possessive ("маманына", "маманын", "маманында", "маманынан").
    private static let afterPossessiveOnly: Set<String> = ["на", "не", "н", "нда", "нде", "нан", "нен"]

    /// Every plausible reading of `word` (lower-cased inside), the unchanged nominative first.
    public static func readings(of word: String) -> [NounReading] {
        let word = word.lowercased()
        var result = [NounReading(stem: word, grammaticalCase: .nominative, possessive: false, plural: false)]
        var bases: [(String, KazakhCase)] = [(word, .nominative)]
        for (ending, grammaticalCase) in caseEndings where word.simpleHasSuffix(ending) {
            let rest = String(word.dropLast(ending.count))
            guard rest.count >= 2 else { continue }
            if afterPossessiveOnly.contains(ending), !(rest.simpleHasSuffix("ы") || rest.simpleHasSuffix("і")) {
                continue
            }
            bases.append((rest, grammaticalCase))
        }
        for (base, grammaticalCase) in bases {
            var possessiveForms: [(String, Bool)] = []
            if grammaticalCase != .nominative {
                possessiveForms.append((base, false))
                result.append(NounReading(stem: devoiced(base), grammaticalCase: grammaticalCase, possessive: false,
                                          plural: false))
            }
            if let stripped = strippingPossessive(base) {
                possessiveForms.append((stripped, true))
                result.append(NounReading(stem: devoiced(stripped), grammaticalCase: grammaticalCase,
                                          possessive: true, plural: false))
            }
            for (form, possessive) in possessiveForms + [(base, false)] {
                for plural in ["лар", "лер", "дар", "дер", "тар", "тер"] where form.simpleHasSuffix(plural) {
                    let stem = String(form.dropLast(plural.count))
                    if stem.count >= 2 {
                        result.append(NounReading(stem: stem, grammaticalCase: grammaticalCase,
                                                  possessive: possessive, plural: true))
                    }
                }
            }
        }
        return result
    }

    /// The word without its 3rd-person possessive ("маманы" → "маман", "басшысы" → "басшы"), or nil.
    /// Agent nouns in -шы/-ші ("орындаушы", "беруші") are not possessive forms.
    public static func strippingPossessive(_ word: String) -> String? {
        if word.simpleHasSuffix("сы") || word.simpleHasSuffix("сі") {
            let rest = word.dropLast(2)
            if let last = rest.last, vowels.contains(last), rest.count >= 2 { return String(rest) }
        }
        if word.simpleHasSuffix("ы") || word.simpleHasSuffix("і") {
            let rest = word.dropLast()
            if let last = rest.last, !vowels.contains(last), last != "ш", rest.count >= 2 { return String(rest) }
        }
        return nil
    }

    /// Restores a stem-final voiceless consonant voiced before a vowel ending ("басшылығ" → "басшылық").
    public static func devoiced(_ stem: String) -> String {
        guard let last = stem.last else { return stem }
        let map: [Character: Character] = ["ғ": "қ", "г": "к", "б": "п"]
        guard let replacement = map[last] else { return stem }
        return String(stem.dropLast()) + String(replacement)
    }

    /// Whether the word is a genitive form ("берушінің", "корпорацияның").
    public static func isGenitive(_ word: String) -> Bool {
        let word = word.lowercased()
        return ["ның", "нің", "дың", "дің", "тың", "тің"].contains { word.simpleHasSuffix($0) } && word.count > 4
    }

    /// Whether the word looks like a finite verb ("тіркейді", "жолдайды", "береді", "қарайды").
    public static func isFiniteVerb(_ word: String) -> Bool {
        let word = word.lowercased()
        guard word.count >= 4 else { return false }
        for ending in ["ды", "ді", "ты", "ті"] where word.simpleHasSuffix(ending) {
            let before = word.dropLast(2).last!
            if vowels.contains(before) || before == "й" { return true }
        }
        return false
    }

    /// Whether the word carries an oblique case ending that a subject cannot have: dative, locative,
    /// ablative, instrumental, or a plural accusative ("құжаттарды").
    public static func isOblique(_ word: String) -> Bool {
        let word = word.lowercased()
        guard word.count >= 5 else { return false }
        let oblique = ["ға", "ге", "қа", "ке", "сына", "сіне", "ына", "іне", "да", "де", "та", "те", "нан", "нен",
                       "дан", "ден", "тан", "тен", "мен", "бен", "пен"]
        if oblique.contains(where: { word.simpleHasSuffix($0) }) { return true }
        for plural in ["лар", "лер", "дар", "дер", "тар", "тер"] {
            for accusative in ["ды", "ді", "ны", "ні"] where word.simpleHasSuffix(plural + accusative) { return true }
        }
        return false
    }

    /// Whether the word is a converb in -ып/-іп/-п ("тексеріп", "дайындап"): the end of a clause.
    public static func isConverb(_ word: String) -> Bool {
        let word = word.lowercased()
        guard word.count >= 5 else { return false }
        // "сатып алу" is a compound noun inside unit names ("сатып алулар бөлімі").
        if word == "сатып" { return false }
        return word.simpleHasSuffix("ып") || word.simpleHasSuffix("іп")
            || (word.simpleHasSuffix("п") && isVowel(word.dropLast().last!))
    }

    /// Whether the word is a verbal noun in -у/-ю, bare or inflected ("анықтау", "тағайындауы", "беруге").
    public static func isVerbalNoun(_ word: String) -> Bool {
        let word = word.lowercased()
        guard word.count >= 4 else { return false }
        return ["у", "ю", "уы", "уі", "уға", "уге", "уды", "уді", "уын", "уін"].contains { word.simpleHasSuffix($0) }
    }

    static func isVowel(_ character: Character) -> Bool { vowels.contains(character) }
}
