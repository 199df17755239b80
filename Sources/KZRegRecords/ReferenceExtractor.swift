import KZRegStructure

/// Finds references to other acts: a date and/or "№ ..." followed by the act's kind ("2015 жылғы 28 сәуірдегі
/// № 3-2/378 бұйрығымен", "2013 жылғы 15 сәуірдегі Заңының"), with the justice registration number when it
/// follows ("(... тізілімінде № 11284 болып тіркелген)").
struct ReferenceExtractor: Sendable {
    let dates = KazakhDateParser()
    let numbers = ActNumberParser()

    /// Act kinds by the start of their folded word forms, with their nominative.
    static let actTypes: [(prefix: String, nominative: String)] = [
        ("буйры", "бұйрық"), ("каулы", "қаулы"), ("шешим", "шешім"), ("зан", "заң"), ("кодекс", "кодекс"),
        ("жарлы", "жарлық"), ("оким", "өкім"), ("конституция", "конституция"),
    ]

    /// The first letters of `actTypes`' prefixes: a word starting otherwise names no act.
    static let actTypeInitials: Set<Unicode.Scalar> = Set(actTypes.compactMap { $0.prefix.unicodeScalars.first })

    static func actType(of word: String) -> String? {
        let folded = KazakhFolding.fold(word)
        // These initials have no decomposition, so a folded word whose first character is one of them (by
        // canonical equivalence, as `hasPrefix` compares) starts with that very scalar.
        guard let initial = folded.unicodeScalars.first, actTypeInitials.contains(initial) else { return nil }
        // "заңнама" (legislation), "заңды" (legal), "заңсыз" are not acts.
        if folded.simpleHasPrefix("зан"), folded.simpleHasPrefix("заннама") || folded.simpleHasPrefix("занды")
            || folded.simpleHasPrefix("занс") || folded.count > 9 { return nil }
        return actTypes.first { folded.simpleHasPrefix($0.prefix) }?.nominative
    }

    /// Whether a registration number at byte `end` still belongs to the act cited up to byte `start`: no
    /// sentence ends between them, and at most a quoted name and a few dozen words lie between ("... бұйрығымен
    /// бекітілген "…" стандартына (… № 11487 болып тіркелген)").
    static func sameClause(_ tokens: [TextToken], from start: Int, to end: Int) -> Bool {
        let between = tokens.filter { $0.start >= start && $0.end <= end }
        guard between.filter(\.isWord).count <= 40 else { return false }
        for (index, token) in between.enumerated() where token.is(".") || token.is(";") {
            if token.is(";") { return false }
            if index + 1 < between.count, between[index + 1].text.first?.isUppercase == true { return false }
        }
        return true
    }

    struct Found {
        var citation: (actType: String?, date: CalendarDate?, number: String?, registration: String?)
        var start: Int
        var end: Int
    }

    func references(in text: String) -> [Found] {
        let tokens = TextTokenizer.tokens(in: text)
        // Only an act's kind or "болып" (тіркелген) makes a reference: most texts name neither, and then
        // their dates and numbers need not be read.
        guard tokens.contains(where: { $0.isWord && ($0.folded == "болып" || Self.actType(of: $0.lower) != nil) })
        else { return [] }
        let utf8 = text.utf8
        func offset(_ index: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: index) }
        let dateMatches = dates.matches(in: text).map { (date: $0.date, start: offset($0.range.lowerBound),
                                                          end: offset($0.range.upperBound)) }
        let numberMatches = numbers.matches(in: text).map { (number: $0.number, start: offset($0.range.lowerBound),
                                                             end: offset($0.range.upperBound)) }
        var found: [Found] = []
        var consumed = 0
        for (index, token) in tokens.enumerated() where token.isWord {
            // "№ 11284 болып тіркелген" attaches to the reference before it.
            if token.folded == "болып", index + 1 < tokens.count, tokens[index + 1].folded.hasPrefix("тиркел"),
               let number = numberMatches.last(where: { $0.end <= token.start && $0.start >= consumed - 400 }),
               token.start - number.end < 8 {
                if var last = found.last, number.start >= last.end, last.citation.registration == nil,
                   Self.sameClause(tokens, from: last.end, to: number.start) {
                    last.citation.registration = number.number
                    last.end = tokens[index + 1].end
                    found[found.count - 1] = last
                } else if number.start >= consumed {
                    found.append(Found(citation: (nil, nil, nil, number.number), start: number.start,
                                       end: tokens[index + 1].end))
                }
                consumed = tokens[index + 1].end
                continue
            }
            guard let actType = Self.actType(of: token.lower) else { continue }
            // The date and number written just before the act's kind (within a dozen words).
            let windowStart = max(consumed, index >= 12 ? tokens[index - 12].start : 0)
            let date = dateMatches.last { $0.end <= token.start && $0.start >= windowStart }
            let number = numberMatches.last { $0.end <= token.start && $0.start >= windowStart }
            guard date != nil || number != nil else { continue }
            let start = min(date?.start ?? .max, number?.start ?? .max)
            found.append(Found(citation: (actType, date?.date, number?.number, nil), start: start, end: token.end))
            consumed = token.end
        }
        return found
    }
}
