/// A chapter or section heading: "1-тарау. Жалпы ережелер", "2-бөлім Мемлекеттік ...", "III ТАРАУ. ...".
public struct ChapterHeading: Sendable, Hashable {
    /// The number as an Arabic numeral string ("1"), roman numerals converted; nil when unnumbered.
    public var number: String?
    /// The division word as written in lower case ("тарау", "бөлім", "параграф"), or nil for "1. Жалпы ережелер".
    public var division: String?
    /// The heading's title, without number and division word.
    public var title: String
}

/// The numbering at the start of a paragraph.
public struct ItemNumbering: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// "1.", "2.1."
        case point
        /// "1)", "9-1)"
        case subpoint
        /// "- 1)", "– 2)"
        case numberedBullet
        /// "- ...", "• ..."
        case bullet
    }

    public var style: Style
    /// The number as written without punctuation ("1", "2.1", "9-1"); nil for plain bullets.
    public var number: String?
    /// The text after the numbering.
    public var rest: Substring
}

/// An annex caption ("... қаулысына 1-қосымша", "... бұйрығымен бекітілген").
public struct AnnexCaptionInfo: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// The caption points at the act itself ("қаулысына", "бұйрығымен").
        case act
        /// The caption points at an approved text ("регламентіне", "қағидаларына").
        case approvedText
        /// It does not say.
        case unknown
    }

    /// The annex number ("1" for "1-қосымша"); nil for a bare "қосымша" or an approval caption.
    public var number: String?
    /// Whether the caption names an annex (қосымша); false for a plain "бекітілген" approval caption.
    public var isAnnex: Bool
    public var target: Target
}

/// Recognizes headings, item numbering and annex captions.
public enum HeadingParser {
    static let divisions = ["тарау", "бөлім", "параграф", "бап"]

    /// A chapter heading with a division word ("1-тарау. ...", "2 бөлім ...", "ІІ тарау ..."), or nil.
    public static func chapter(_ text: String) -> ChapterHeading? {
        // Cheap gate: a digit, a roman numeral or a division word must come first.
        guard text.utf8.count <= 1600, let lead = text.unicodeScalars.first,
              TextTraits.isDigit(lead) || "IVXІХТтБбПп".unicodeScalars.contains(lead) else { return nil }
        if !TextTraits.isDigit(lead) {
            // A roman numeral or a division word must be the whole first word.
            let firstWord = text.unicodeScalars.prefix { !TextTraits.isBlank($0) }
            let bareFirst = TextTraits.folded(TextTraits.bare(String(String.UnicodeScalarView(firstWord))))
            guard divisions.contains(bareFirst) || romanValue(Substring(bareFirst.uppercased())) != nil else { return nil }
        }
        let words = TextTraits.words(text)
        guard !words.isEmpty, text.count <= 400 else { return nil }
        // "1-тарау." / "1 - тарау" / "1-ТАРАУ"
        var numberText: Substring?
        var divisionIndex = 0
        let first = words[0]
        let digits = first.prefix { $0.isNumber }
        if !digits.isEmpty {
            let afterDigits = first.dropFirst(digits.count)
            if afterDigits.isEmpty || afterDigits == "-" || afterDigits == "." {
                numberText = digits
                divisionIndex = 1
                if words.count > 2, words[1] == "-" { divisionIndex = 2 }
            } else if let dash = afterDigits.first, TextTraits.isDash(dash.unicodeScalars.first!) {
                let division = TextTraits.folded(TextTraits.bare(afterDigits.dropFirst()))
                if divisions.contains(division) {
                    return ChapterHeading(number: String(digits), division: division,
                                          title: title(after: words.dropFirst(), in: text))
                }
                return nil
            } else {
                return nil
            }
        } else if let roman = romanValue(TextTraits.bare(first)) {
            numberText = Substring(String(roman))
            divisionIndex = 1
            // "II. Мемлекеттік қызмет көрсету тәртібі": a roman numeral and a title, no division word.
            if first.hasSuffix("."), words.count >= 3, !divisions.contains(TextTraits.folded(TextTraits.bare(words[1]))),
               TextTraits.startsUppercase(words[1]), !TextTraits.endsTerminated(text) {
                return ChapterHeading(number: String(roman), division: nil, title: title(after: words.dropFirst(), in: text))
            }
        } else if divisions.contains(TextTraits.folded(TextTraits.bare(first))), words.count > 1,
                  let value = Int(TextTraits.bare(words[1])) {
            // "Тарау 1. ..."
            return ChapterHeading(number: String(value), division: TextTraits.folded(TextTraits.bare(first)),
                                  title: title(after: words.dropFirst(2), in: text))
        }
        guard let number = numberText, divisionIndex < words.count else { return nil }
        let division = TextTraits.folded(TextTraits.bare(words[divisionIndex]))
        guard divisions.contains(division) else { return nil }
        return ChapterHeading(number: String(number), division: division,
                              title: title(after: words.dropFirst(divisionIndex + 1), in: text))
    }

    private static func title(after words: ArraySlice<Substring>, in text: String) -> String {
        var title = words.joined(separator: " ")
        while let first = title.first, first == "." || first == "-" || first == " " || first == "–" {
            title.removeFirst()
        }
        return title
    }

    /// Roman numerals I–XXXIX written with Latin or Cyrillic look-alikes ("ІІ", "IV").
    static func romanValue(_ word: Substring) -> Int? {
        let map: [Character: Int] = ["I": 1, "І": 1, "V": 5, "X": 10, "Х": 10]
        var trimmed = word
        while let last = trimmed.last, last == "." { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty, trimmed.count <= 6, trimmed.allSatisfy({ map[$0] != nil }) else { return nil }
        var total = 0
        let values = trimmed.map { map[$0]! }
        for (index, value) in values.enumerated() {
            if index + 1 < values.count && values[index + 1] > value { total -= value } else { total += value }
        }
        return total > 0 ? total : nil
    }

    /// The numbering a paragraph starts with, or nil.
    public static func numbering(_ text: String) -> ItemNumbering? {
        numbering(Substring(text))
    }

    static func numbering(_ text: Substring) -> ItemNumbering? {
        guard let first = text.unicodeScalars.first else { return nil }
        if TextTraits.isDash(first) || first == "•" || first == "·" || first == "\u{F0B7}" {
            var rest = text.dropFirst()
            while rest.first == " " { rest = rest.dropFirst() }
            if let inner = numbering(rest), inner.style == .subpoint {
                return ItemNumbering(style: .numberedBullet, number: inner.number, rest: inner.rest)
            }
            guard rest.count >= 2, let letter = rest.unicodeScalars.first,
                  TextTraits.isLetter(letter) || TextTraits.isQuote(letter) else { return nil }
            // A plain dash must be followed by a space to be a bullet ("- жеке тұлғалар").
            guard text.dropFirst().first == " " || first == "•" || first == "·" else { return nil }
            return ItemNumbering(style: .bullet, number: nil, rest: rest)
        }
        guard TextTraits.isDigit(first) else { return nil }
        var index = text.startIndex
        var number = ""
        // Digits, then ("." digits)* ".", or ("-" digits)? ")".
        func digits() -> String {
            var result = ""
            while index < text.endIndex, let scalar = text[index].unicodeScalars.first, TextTraits.isDigit(scalar),
                  text[index].unicodeScalars.count == 1 {
                result.append(text[index])
                index = text.index(after: index)
            }
            return result
        }
        let head = digits()
        guard (1...3).contains(head.count) else { return nil }
        number = head
        guard index < text.endIndex else { return nil }
        if text[index] == ")" {
            return ItemNumbering(style: .subpoint, number: number, rest: restAfter(text.index(after: index), in: text))
        }
        if text[index] == "-" {
            index = text.index(after: index)
            let sub = digits()
            guard !sub.isEmpty, sub.count <= 2, index < text.endIndex else { return nil }
            // Inserted items of amended acts: "9-1)" sub-point, "3-1." point.
            if text[index] == ")" {
                return ItemNumbering(style: .subpoint, number: "\(number)-\(sub)",
                                     rest: restAfter(text.index(after: index), in: text))
            }
            let after = text.index(after: index)
            if text[index] == ".", after == text.endIndex || text[after] == " " {
                return ItemNumbering(style: .point, number: "\(number)-\(sub)", rest: restAfter(after, in: text))
            }
            return nil
        }
        guard text[index] == "." else { return nil }
        while index < text.endIndex, text[index] == "." {
            let dot = index
            index = text.index(after: index)
            let more = digits()
            if more.isEmpty {
                // "1." then a non-digit: a point.
                _ = dot
                return ItemNumbering(style: .point, number: number, rest: restAfter(index, in: text))
            }
            guard more.count <= 3 else { return nil }
            number += "." + more
            if index >= text.endIndex { return nil }  // "2.1" without final dot at the end: not a point
            if text[index] != "." {
                // "2.1 Text" (no final dot) counts as a point; "9.00-ден" or "26.03.2020" does not.
                if text[index] == " ", number.split(separator: ".").count == 2, more.count <= 2,
                   let after = restAfter(index, in: text).unicodeScalars.first, TextTraits.isLetter(after),
                   TextTraits.isUpper(after) {
                    return ItemNumbering(style: .point, number: number, rest: restAfter(index, in: text))
                }
                return nil
            }
        }
        return nil
    }

    private static func restAfter(_ index: String.Index, in text: Substring) -> Substring {
        var start = index
        while start < text.endIndex, text[start].isWhitespace { start = text.index(after: start) }
        return text[start...]
    }

    // MARK: Annex captions

    static let actDatives = [
        "қаулысына", "бұйрығына", "шешіміне", "жарлығына", "өкіміне", "қаулыға", "бұйрыққа", "шешімге",
        "қаулысымен", "бұйрығымен", "шешімімен", "жарлығымен", "өкімімен", "қарарына", "қарарымен",
    ]
    static let approvedTextStems = [
        "регламент", "қағида", "стандарт", "ереже", "тәртіб", "нұсқаулы", "әдістеме", "тізбе", "тізім",
    ]

    /// Whether a caption line ends with the annex word or the approval word and so closes a caption block:
    /// "... № 389 қаулысына 1 қосымша", "1-қосымша", "Қосымша", "... бұйрығымен бекітілген", "Бекітілген".
    public static func captionAnchor(_ line: String) -> AnnexCaptionInfo? {
        // Cheap gate on the last word before any real work.
        let utf8 = line.utf8
        guard utf8.count <= 1600 else { return nil }
        let lastWordStart = utf8.lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
        let lastWord = TextTraits.folded(line[lastWordStart...])
        let bareLast = TextTraits.bare(lastWord)
        guard bareLast.hasSuffix("қосымша") || bareLast.hasPrefix("бекіті") else { return nil }
        guard numbering(line)?.style != .point else { return nil }
        let words = TextTraits.words(line)
        guard let last = words.last else { return nil }
        let lastFolded = TextTraits.folded(TextTraits.bare(last))
        if lastFolded.hasSuffix("қосымша") {
            // "1-қосымша", "№1-қосымша" or "1 қосымша" / "1 - қосымша".
            var number: String?
            let prefix = lastFolded.dropLast("қосымша".count)
            let prefixDigits = prefix.filter { $0.isNumber }
            if !prefixDigits.isEmpty, prefix.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "№" || $0 == " " }) {
                number = String(prefixDigits)
            } else if !prefix.isEmpty {
                return nil  // "әдістемеліқосымша": not the annex word
            } else if words.count >= 2 {
                var previous = words[words.count - 2]
                if previous == "-" || previous == "–", words.count >= 3 { previous = words[words.count - 3] }
                let digits = previous.filter { $0.isNumber }
                if !digits.isEmpty, previous.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "№" }) {
                    number = String(digits)
                }
            }
            return AnnexCaptionInfo(number: number, isAnnex: true, target: target(of: line))
        }
        if lastFolded == "бекітілген" || lastFolded == "бекітілді" || lastFolded == "бекітемін" {
            return AnnexCaptionInfo(number: nil, isAnnex: false, target: target(of: line))
        }
        return nil
    }

    /// What a caption's text points at.
    public static func target(of caption: String) -> AnnexCaptionInfo.Target {
        let words = TextTraits.words(TextTraits.folded(caption)).map { String(TextTraits.bare($0)) }
        if words.contains(where: { actDatives.contains($0) }) { return .act }
        if words.contains(where: { word in approvedTextStems.contains { word.hasPrefix($0) } }) { return .approvedText }
        return .unknown
    }

    /// The kind of approved text a title names ("... регламенті" → "регламент"), or nil.
    public static func approvedTextKind(ofTitle title: String) -> String? {
        let words = TextTraits.words(TextTraits.folded(title)).suffix(3).map { String(TextTraits.bare($0)) }
        let kinds: [(stem: String, kind: String)] = [
            ("регламент", "регламент"), ("қағида", "қағидалар"), ("стандарт", "стандарт"), ("ереже", "ереже"),
            ("тәртіб", "тәртіп"), ("нұсқаулы", "нұсқаулық"), ("әдістеме", "әдістеме"),
        ]
        for word in words.reversed() {
            for entry in kinds where word.hasPrefix(entry.stem) { return entry.kind }
        }
        return nil
    }
}
