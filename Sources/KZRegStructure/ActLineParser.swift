/// What an act line says: "Шымкент қаласы әкімдігінің 2018 жылғы 29 желтоқсандағы № 389 қаулысы."
public struct ActLine: Sendable, Hashable {
    /// The issuer in the nominative ("Шымкент қаласы әкімдігі").
    public var issuer: String?
    /// The act type in the nominative ("қаулы", "бұйрық", "шешім").
    public var actType: String?
    public var date: CalendarDate?
    public var number: String?
}

/// Reads act lines, and turns the genitive/possessive forms around them into the nominative.
public struct ActLineParser: Sendable {
    /// Act types: the possessive forms an act line ends with, and their nominative.
    static let actTypes: [(forms: [String], nominative: String)] = [
        (["қаулысы", "қаулысымен", "қаулысына", "қаулысын", "қаулысының"], "қаулы"),
        (["бұйрығы", "бұйрығымен", "бұйрығына", "бұйрығын", "бұйрығының"], "бұйрық"),
        (["шешімі", "шешімімен", "шешіміне", "шешімін", "шешімінің"], "шешім"),
        (["жарлығы", "жарлығымен", "жарлығына", "жарлығын"], "жарлық"),
        (["өкімі", "өкімімен", "өкіміне", "өкімін"], "өкім"),
        (["заңы", "заңымен", "заңына"], "заң"),
        (["қарары", "қарарымен", "қарарына"], "қарар"),
        (["нұсқауы", "нұсқауымен"], "нұсқау"),
    ]

    public init() {}

    /// The act type a word names in any of its possessive forms ("қаулысымен" → "қаулы"); with
    /// `nominativeOnly`, only the form an act line ends with ("қаулысы", "бұйрығы", "шешімі").
    public func actType(of word: some StringProtocol, nominativeOnly: Bool = false) -> String? {
        let folded = TextTraits.folded(TextTraits.bare(word))
        for entry in Self.actTypes {
            if nominativeOnly ? entry.forms[0] == folded : entry.forms.contains(folded) { return entry.nominative }
        }
        // OCR noise: one wrong letter in a long form ("қаулысі", "бұйрыгы"); only a substitution, so that
        // another case form ("шешімін", "қаулысын") never passes for the act line's "шешімі", "қаулысы".
        let normalized = Array(FormulaMatcher.normalized(folded))
        for entry in Self.actTypes {
            let forms = nominativeOnly ? [entry.forms[0]] : entry.forms
            for form in forms where form.count >= 6 && form.count == normalized.count {
                let mismatches = zip(form, normalized).filter { $0 != $1 }.count
                if mismatches <= 1, form.first == normalized.first || form.first == "қ" && normalized.first == "к" {
                    return entry.nominative
                }
            }
        }
        return nil
    }

    /// Parses an act line ("<issuer> <date> № <number> <act type>"); nil when no act type follows the date
    /// and number. By default only the possessive nominative counts ("қаулысы"), so that a title mentioning
    /// another act ("... № 52 бұйрығына өзгеріс енгізу туралы") is not read as an act line.
    public func parse(_ line: String, nominativeOnly: Bool = true) -> ActLine? {
        guard let dateMatch = KazakhDateParser().firstMatch(in: line) else { return nil }
        let after = String(line[dateMatch.range.upperBound...])
        let numberMatch = ActNumberParser().firstMatch(in: after)
        // The act type follows the number (or the date when there is none).
        let tail = numberMatch.map { String(after[$0.range.upperBound...]) } ?? after
        // Usually right after the number; a joint act names its other issuers first
        // ("... № 1 және ... министрінің ... № 2 бірлескен бұйрығы").
        let tailWords = TextTraits.words(tail).prefix(nominativeOnly ? 40 : 3)
        var actType: String?
        var adjective: String?
        for (offset, word) in tailWords.enumerated() {
            if let type = self.actType(of: word, nominativeOnly: nominativeOnly) {
                actType = type
                // "бірлескен бұйрығы" (joint order), "нормативтік қаулысы" (normative resolution).
                if offset >= 1 {
                    let previous = TextTraits.folded(TextTraits.bare(tailWords[tailWords.startIndex + offset - 1]))
                    if previous == "бірлескен" || previous == "нормативтік" { adjective = previous }
                }
                break
            }
        }
        guard let type = actType else { return nil }
        let issuerText = Self.issuerPhrase(before: String(line[..<dateMatch.range.lowerBound]))
        return ActLine(issuer: issuerText.flatMap(KazakhGrammar.nominative(ofGenitivePhrase:)),
                       actType: adjective.map { "\($0) \(type)" } ?? type,
                       date: dateMatch.date, number: numberMatch?.number)
    }

    /// The genitive phrase just before the date: the words after the last sentence break.
    static func issuerPhrase(before text: String) -> String? {
        var words = TextTraits.words(text)
        // Keep the words after the last one that ends a sentence ("қаулысы.", "тіркелді.").
        if let lastStop = words.lastIndex(where: { $0.hasSuffix(".") && $0.count > 2 && !$0.dropLast().contains(".") }) {
            words = Array(words[(lastStop + 1)...])
        }
        guard let last = words.last, KazakhGrammar.isGenitive(last) else { return nil }
        let joined = words.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }
}

/// Kazakh case endings the header needs.
public enum KazakhGrammar {
    static let genitiveEndings = ["ның", "нің", "дың", "дің", "тың", "тің"]

    /// Whether a word is in the genitive ("әкімдігінің", "министрінің", "мәслихатының").
    public static func isGenitive(_ word: some StringProtocol) -> Bool {
        let folded = TextTraits.folded(TextTraits.bare(word))
        return folded.count > 4 && (genitiveEndings + ocrGenitiveEndings).contains { folded.hasSuffix($0) }
    }

    /// Genitive endings with "ң" read as "н" by OCR ("әкімдігінін").
    static let ocrGenitiveEndings = ["нын", "нін", "дын", "дін", "тын", "тін"]

    /// The nominative of a genitive word: "әкімдігінің" → "әкімдігі", "Кеңестің" → "Кеңес".
    public static func nominative(ofGenitive word: some StringProtocol) -> String {
        let bare = String(TextTraits.bare(word))
        let folded = TextTraits.folded(bare)
        guard let ending = (genitiveEndings + ocrGenitiveEndings).first(where: { folded.hasSuffix($0) }),
              bare.count > ending.count + 1 else {
            return bare
        }
        return String(bare.dropLast(ending.count))
    }

    /// The nominative of a genitive phrase: only its last word changes
    /// ("Шымкент қаласы әкімдігінің" → "Шымкент қаласы әкімдігі").
    public static func nominative(ofGenitivePhrase phrase: String) -> String? {
        var words = TextTraits.words(phrase).map(String.init)
        guard let last = words.popLast() else { return nil }
        words.append(nominative(ofGenitive: last))
        return words.joined(separator: " ")
    }
}
