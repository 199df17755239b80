import KZRegStructure

/// Finds who acts at the start of a step ("көрсетілетін қызметті берушінің жауапты маманы ...") and gives each
/// spelling of an actor a canonical key, so "жауапты маманы", "жауапты маман" and "көрсетілетін қызметті
/// берушінің жауапты маманы" match.
///
/// An actor is a noun phrase in the nominative headed by a word for a person, unit or body (маман, қызметкер,
/// басшы, басшылық, орындаушы, бөлім, комиссия, корпорация, ...): optional modifiers and genitive attributes,
/// then the head, possibly extended by an apposition ("көрсетілетін қызметті беруші кеңсе қызметкері").
public struct ActorCanonicalizer: Sendable {
    /// Abbreviations the text defines ("(бұдан әрі – ХҚКО)"), in lower case: they name an actor as a head
    /// noun does.
    public var abbreviations: Set<String>

    public init(abbreviations: Set<String> = []) {
        self.abbreviations = abbreviations
    }

    /// Stems of the head nouns that name an actor in this genre.
    static let heads: Set<String> = [
        "маман", "қызметкер", "басшы", "басшылық", "орындаушы", "бөлім", "бөлімше", "комиссия", "корпорация",
        "хатшы", "курьер", "жұмысшы", "кеңсе", "инспектор", "әкім", "әкімдік", "әкімшілік", "департамент",
        "басқарма", "оператор", "беруші", "алушы", "консультант", "сарапшы", "мекеме", "орган", "тұлға",
        "филиал", "сектор", "бухгалтер", "эксперт", "менеджер", "қызметші", "төраға", "ұйым", "кәсіпорын",
        "министрлік", "директор", "бастық", "меңгеруші", "орынбасар", "жетекші", "портал", "заңгер",
        "инспекция", "агенттік", "комитет", "дәрігер", "фельдшер", "инженер", "кассир",
        "нотариус", "тіркеуші", "операционист", "хатшылық",
    ]
    /// `heads`, folded (see `KazakhFolding`), so that "маман" matches an OCR-repaired "маман" with a lost diacritic.
    static let foldedHeads: Set<String> = Set(heads.map { KazakhFolding.fold($0) })

    static func isHead(_ stem: String) -> Bool { foldedHeads.contains(KazakhFolding.fold(stem)) }

    /// Modifiers allowed when searching for an actor in the middle of a sentence.
    static let modifierWords: Set<String> = [
        "кеңсе", "қызмет", "қызметті", "мемлекеттік", "жауапты", "осы", "уәкілетті", "тиісті", "және", "мен",
        "бас", "аға", "жетекші", "құрылымдық", "облыстық", "аудандық", "қалалық", "ауылдық",
    ]

    /// Conjunctions joining two actors into one ("басшысы немесе оның орынбасары").
    static let conjunctions: Set<String> = ["немесе", "не", "және", "мен", "бен", "пен"]

    /// Postpositions and conjunctions that close an adverbial clause ("Құжаттар түскен соң ..."): an actor
    /// phrase never spans them.
    static let clauseWords: Set<String> = [
        "соң", "кейін", "бастап", "үшін", "бойынша", "арқылы", "сәйкес", "дейін", "бұрын", "қарай", "туралы",
        "кезде", "кезінде", "негізінде", "ретінде", "жағдайда", "немесе", "не",
    ]

    // MARK: - Finding

    /// The actor phrase at the start of `text` (after a list label), or failing that the first actor phrase
    /// in the nominative anywhere in its first sentence. Byte ranges are into `text`.
    public func actor(in text: String) -> (text: String, start: Int, end: Int)? {
        let tokens = TextTokenizer.tokens(in: text)
        // Skip a procedure label ("1-рәсім –", "2-іс-қимыл:") and a list label: "1)", "- 1)", "1.", "—".
        var first = ProcedureLabel.read(tokens)?.next ?? 0
        while first < tokens.count, !tokens[first].isWord { first += 1 }
        guard first < tokens.count, first <= 4 else { return nil }
        let range = phrase(tokens, from: first, strict: false) ?? search(tokens, after: first)
        guard let (lower, upper) = range else { return nil }
        let start = tokens[lower].start
        let end = tokens[upper].end
        return (text.utf8Slice(start, end), start, end)
    }

    /// The actor phrase that starts at `from`, or nil.
    func phrase(_ tokens: [TextToken], from: Int, strict: Bool) -> (Int, Int)? {
        var index = from
        var modifiers = 0
        while index < tokens.count, index - from < 12 {
            let token = tokens[index]
            guard token.isWord else { return nil }
            // "ХҚКО жинақтау бөлімінің қызметкері": an abbreviation before an actor phrase is its attribute.
            if abbreviations.contains(token.lower), index + 1 < tokens.count, tokens[index + 1].isWord,
               let longer = phrase(tokens, from: index + 1, strict: strict) {
                return (from, longer.1)
            }
            if isNominativeHead(token.lower) {
                var end = index
                var cursor = index + 1
                var skipped = 0
                // Apposition: "беруші кеңсе қызметкері", "корпорация жұмысшысы".
                while cursor < tokens.count, tokens[cursor].isWord, skipped <= 1 {
                    let word = tokens[cursor].lower
                    if isPossessiveHead(word)
                        || (!strict && (isMisinflectedHead(tokens, at: cursor) || isMisinflectedGenitiveHead(tokens, at: cursor))) {
                        end = cursor
                        skipped = 0
                    } else if Self.modifierWords.contains(word) || isNominativeHead(word) {
                        skipped += 1
                    } else {
                        break
                    }
                    cursor += 1
                }
                // "Комиссия ұсынымының ...": a bare head is an attribute of a longer genitive phrase, whose next
                // noun then carries the possessive; a genitive without it ("орындаушы құжаттың көшірмесін ...")
                // opens a phrase of its own, after the actor.
                if !isPossessiveHead(tokens[end].lower), end + 1 < tokens.count, tokens[end + 1].isWord, KazakhMorphology.isGenitive(tokens[end + 1].lower),
                   !isHeadReading(tokens[end + 1].lower),
                   KazakhMorphology.readings(of: tokens[end + 1].lower).contains(where: { $0.grammaticalCase == .genitive && $0.possessive }) {
                    index = end + 1
                    modifiers = 0
                    continue
                }
                // "беруші басшысының орынбасары": the phrase so far is a genitive attribute of a longer actor.
                if end + 1 < tokens.count, tokens[end + 1].isWord, KazakhMorphology.isGenitive(tokens[end + 1].lower),
                   let longer = phrase(tokens, from: end + 1, strict: strict) {
                    return (from, longer.1)
                }
                // "басшысы немесе оның орынбасары": actors joined by a conjunction act together.
                if end + 2 < tokens.count, Self.conjunctions.contains(tokens[end + 1].lower), tokens[end + 2].isWord,
                   let other = phrase(tokens, from: end + 2, strict: strict) {
                    return (from, other.1)
                }
                return (from, end)
            }
            if !strict, isMisinflectedHead(tokens, at: index) || isMisinflectedGenitiveHead(tokens, at: index) {
                return (from, index)
            }
            if KazakhMorphology.isGenitive(token.lower) {
                index += 1
                modifiers = 0
                continue
            }
            if isHeadReading(token.lower) { return nil }  // an actor word in an oblique case: not the subject
            if KazakhMorphology.isFiniteVerb(token.lower) || KazakhMorphology.isOblique(token.lower)
                || Self.clauseWords.contains(token.lower) || KazakhMorphology.isConverb(token.lower) { return nil }
            if strict, !isStrictModifier(token.lower) { return nil }
            modifiers += 1
            if modifiers > (strict ? 3 : 6) { return nil }
            index += 1
        }
        return nil
    }

    /// The first actor phrase after `first`, built from strict modifiers only, within the first sentence.
    private func search(_ tokens: [TextToken], after first: Int) -> (Int, Int)? {
        var start = first + 1
        while start < tokens.count {
            // The first sentence ends at "." before a capital ("м.а 2016" is an abbreviation).
            if tokens[start].is("."), start + 1 < tokens.count, tokens[start + 1].text.first?.isUppercase == true {
                return nil
            }
            if tokens[start].isWord, let found = phrase(tokens, from: start, strict: true) { return found }
            start += 1
        }
        return nil
    }

    private func isStrictModifier(_ word: String) -> Bool {
        if Self.modifierWords.contains(word) { return true }
        for suffix in ["етін", "атын", "йтін", "йтын", "тін", "тын", "ген", "ған", "қан", "кен",
                       "лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі"] where word.hasSuffix(suffix) {
            return true
        }
        return false
    }

    /// Whether the word is an actor head noun in the nominative (bare or possessive).
    func isNominativeHead(_ word: String) -> Bool {
        abbreviations.contains(word) || KazakhMorphology.readings(of: word).contains {
            $0.grammaticalCase == .nominative && Self.isHead($0.stem)
        }
    }

    /// Whether the word is an actor head noun with the 3rd-person possessive ("маманы", "қызметкері").
    func isPossessiveHead(_ word: String) -> Bool {
        KazakhMorphology.readings(of: word).contains {
            $0.grammaticalCase == .nominative && $0.possessive && Self.isHead($0.stem)
        }
    }

    /// The head stem of a possessive head with a stray "н" or "ң" of repair noise ("орындаушысын",
    /// "маманың" for "орындаушысы", "маманы"), or nil.
    func strayLetterHead(_ word: String) -> String? {
        guard word.count >= 5, word.hasSuffix("н") || word.hasSuffix("ң") else { return nil }
        return KazakhMorphology.readings(of: String(word.dropLast())).first {
            $0.grammaticalCase == .nominative && $0.possessive && Self.isHead($0.stem)
        }?.stem
    }

    /// Whether the word is a possessive head with a stray letter of repair noise ("жауапты орындаушысын
    /// өтініш ... растайды", "жауапты маманың құжаттарды ..."): read so when the next word is not a verb that
    /// would govern a real accusative ("орындаушысын анықтау", "... тағайындайды").
    func isMisinflectedHead(_ tokens: [TextToken], at index: Int) -> Bool {
        let word = tokens[index].lower
        guard strayLetterHead(word) != nil, index + 1 < tokens.count, tokens[index + 1].isWord else { return false }
        let next = tokens[index + 1].lower
        return !(KazakhMorphology.isFiniteVerb(next) || KazakhMorphology.isConverb(next)
                 || KazakhMorphology.isVerbalNoun(next) || Self.clauseWords.contains(next))
    }

    /// Whether the word is a head noun read as a genitive by repair noise ("жауапты маманың құжаттарды
    /// қабылдайды" for "маманы"): a genitive needs a possessed noun after it, so a genitive head followed
    /// straight by an oblique word or a verb without a possessive ending ("құжаттарды", "қабылдайды", but not
    /// "атына", "басшысына") stands for the subject.
    func isMisinflectedGenitiveHead(_ tokens: [TextToken], at index: Int) -> Bool {
        let word = tokens[index].lower
        guard KazakhMorphology.isGenitive(word),
              KazakhMorphology.readings(of: word).contains(where: { $0.grammaticalCase == .genitive && Self.isHead($0.stem) }),
              index + 1 < tokens.count, tokens[index + 1].isWord else { return false }
        let next = tokens[index + 1].lower
        guard !isHeadReading(next), !KazakhMorphology.isGenitive(next),
              !KazakhMorphology.readings(of: next).contains(where: { $0.possessive && $0.grammaticalCase != .nominative })
        else { return false }
        return KazakhMorphology.isOblique(next) || KazakhMorphology.isFiniteVerb(next)
    }

    /// Whether some reading of the word has an actor head stem, in any case.
    func isHeadReading(_ word: String) -> Bool {
        abbreviations.contains(word) || KazakhMorphology.readings(of: word).contains { Self.isHead($0.stem) }
    }

    // MARK: - Keys

    /// The canonical key of an actor phrase: lower case, the head noun and genitive attributes reduced to their
    /// stems, and the service-provider prefix ("көрсетілетін қызметті берушінің", "көрсетілген қызмет берушінің",
    /// "қызмет берушінің") dropped when something follows it.
    /// "Көрсетілетін қызметті берушінің жауапты маманы" → "жауапты маман"; "көрсетілетін қызметті беруші" → "беруші".
    public func key(for actor: String) -> String {
        let words = TextTokenizer.tokens(in: actor).filter(\.isWord).map(\.lower)
        guard !words.isEmpty else { return "" }
        var stems = words.map(stem(of:))
        stems = collapsingServiceParties(stems)
        // "көрсетілетін қызмет көрсету басшысы": the provider named by its activity.
        if stems.count > 3, stems[0].hasPrefix("көрсетіл"), stems[1].hasPrefix("қызмет"), stems[2] == "көрсету" {
            stems.removeFirst(3)
        }
        if stems.count > 1, stems[0] == "беруші" { stems.removeFirst() }
        return stems.joined(separator: " ")
    }

    /// Modifiers recognised with one letter of repair noise ("жауаптың" for "жауапты"). Place adjectives
    /// ("облыстық", "ауылдық") are left out: their near spellings are real genitives ("облыстың").
    static let noisyModifiers: [(folded: String, word: String)] = [
        "жауапты", "мемлекеттік", "уәкілетті", "тиісті", "құрылымдық",
    ].map { (KazakhFolding.fold($0), $0) }

    /// The modifier a word spells up to one letter of repair noise, or nil (also for a head noun reading).
    static func modifier(near word: String) -> String? {
        guard word.count >= 6, !modifierWords.contains(word) else { return nil }
        let folded = KazakhFolding.fold(word)
        let near = noisyModifiers.filter { candidate in
            candidate.folded.first == folded.first
                && FormulaMatcher.editDistance(folded, candidate.folded, limit: 1) <= 1
        }
        guard near.count == 1, !KazakhMorphology.readings(of: word).contains(where: { isHead($0.stem) })
        else { return nil }
        return near[0].word
    }

    /// A lower-case word of an actor phrase as it stands in a key: a head noun or a genitive attribute reduced
    /// to its stem, a modifier with a letter of repair noise restored, any other word unchanged.
    func stem(of word: String) -> String {
        if let modifier = Self.modifier(near: word) { return modifier }
        let readings = KazakhMorphology.readings(of: word)
        if let known = readings.first(where: { Self.isHead($0.stem) && !$0.plural }) ??
            readings.first(where: { Self.isHead($0.stem) }) {
            return known.stem
        }
        if let head = strayLetterHead(word) { return head }
        if KazakhMorphology.isGenitive(word),
           let genitive = readings.first(where: { $0.grammaticalCase == .genitive && $0.possessive }) ??
            readings.first(where: { $0.grammaticalCase == .genitive }) {
            return genitive.stem
        }
        return word
    }

    /// Replaces "[мемлекеттік] [көрсетілетін|көрсетілген] қызмет[ті] беруші|алушы" by "беруші" / "алушы".
    private func collapsingServiceParties(_ words: [String]) -> [String] {
        var result: [String] = []
        for word in words {
            if word == "беруші" || word == "алушы" {
                if let last = result.last, last.hasPrefix("қызмет") {
                    result.removeLast()
                    if let previous = result.last, previous.hasPrefix("көрсетіл") { result.removeLast() }
                    if let previous = result.last, previous == "мемлекеттік" { result.removeLast() }
                }
            }
            result.append(word)
        }
        return result
    }
}
