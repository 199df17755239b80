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
              TextTraits.isDigit(lead) || "IVXІХТтБбПп|l".unicodeScalars.contains(lead) else { return nil }
        let leadIsDigit = TextTraits.isDigit(lead) || lead == "|" || lead == "l"
        if !leadIsDigit {
            // "I-тарау", "ІІ-бөлім": a roman numeral hyphenated to the division word (OCR of "1-тарау").
            let leadWord = TextTraits.words(text.prefix(40)).first ?? ""
            if let dash = leadWord.firstIndex(of: "-"), let roman = romanValue(leadWord[..<dash]) {
                let division = TextTraits.folded(TextTraits.bare(leadWord[leadWord.index(after: dash)...]))
                if divisions.contains(division), text.count <= 400 {
                    return ChapterHeading(number: String(roman), division: division,
                                          title: title(after: TextTraits.words(text).dropFirst(), in: text))
                }
            }
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
        // Digits as OCR writes them: "|-тарау", "l-тарау", "1O-тарау".
        let written = first.prefix { ($0.isASCII && $0.isNumber) || OCRDigits.oneLookalikes.contains($0) || "OО".contains($0) }
        let digits = Substring(OCRDigits.number(written) ?? "")
        if !digits.isEmpty && digits.count == written.count {
            let afterDigits = first.dropFirst(written.count)
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
        // "|" and "l" are OCR's "1" ("|.", "l)", "1|.").
        guard TextTraits.isDigit(first) || first == "|" || first == "l" else { return nil }
        var index = text.startIndex
        var number = ""
        // Digits, then ("." digits)* ".", or ("-" digits)? ")".
        func digits() -> String {
            var result = ""
            while index < text.endIndex, let scalar = text[index].unicodeScalars.first,
                  TextTraits.isDigit(scalar) || scalar == "|" || scalar == "l",
                  text[index].unicodeScalars.count == 1 {
                result.append(TextTraits.isDigit(scalar) ? text[index] : "1")
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
        guard utf8.count <= 1600, utf8.count >= 8 else { return nil }
        // The last letter of "қосымша", "бекітілген", "бекітілді", "бекітемін" (either case).
        guard let lastLetter = line.unicodeScalars.last(where: { TextTraits.isLetter($0) }),
              "аАнНіІ".unicodeScalars.contains(lastLetter) else { return nil }
        let lastWordStart = utf8.lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
        let lastWord = TextTraits.folded(line[lastWordStart...])
        let bareLast = TextTraits.bare(lastWord)
        // The gate: the annex word or the approval word, letter-perfect or nearly ("косымша", "қосымшa").
        guard bareLast.hasSuffix("қосымша") || bareLast.hasPrefix("бекіті")
                || (5...24).contains(bareLast.count) && (bareLast.contains("сымш") || bareLast.contains("осым")
                    || bareLast.contains("ымша") || bareLast.hasPrefix("бек")) else { return nil }
        guard numbering(line)?.style != .point else { return nil }
        let words = TextTraits.words(line)
        guard let last = words.last else { return nil }
        let lastFolded = TextTraits.folded(TextTraits.bare(last))
        // "1-қосымша", "№1-қосымша", "|-қосымша" (OCR's "1"): split the number part from the word.
        let numberPart = lastFolded.prefix { $0.isNumber || OCRDigits.oneLookalikes.contains($0) || $0 == "-" || $0 == "№" }
        let core = lastFolded.dropFirst(numberPart.count)
        if isAnnexWord(core, after: words.dropLast()) {
            // "1-қосымша", "|-қосымша" or "1 қосымша" / "1 - қосымша".
            var number: String?
            let written = numberPart.filter { $0 != "-" && $0 != "№" }
            if !written.isEmpty {
                guard let value = OCRDigits.number(written) else { return nil }
                number = value
            } else if words.count >= 2 {
                var previous = words[words.count - 2]
                if previous == "-" || previous == "–", words.count >= 3 { previous = words[words.count - 3] }
                let digits = previous.filter { $0 != "-" && $0 != "№" }
                if !digits.isEmpty, previous.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "№" || OCRDigits.oneLookalikes.contains($0) }),
                   digits.contains(where: { $0.isNumber }) || words.count == 2 {
                    number = OCRDigits.number(digits)
                }
            }
            return AnnexCaptionInfo(number: number, isAnnex: true, target: target(of: line))
        }
        if lastFolded == "бекітілген" || lastFolded == "бекітілді" || lastFolded == "бекітемін"
            || FormulaMatcher.matches(lastFolded, "бекітілген", maxDistance: 1)
            || FormulaMatcher.matches(lastFolded, "бекітілді", maxDistance: 1)
            || FormulaMatcher.matches(lastFolded, "бекітіледі", maxDistance: 1) {
            // "бекітіледі", "бекітілгең": the approval word as OCR and its repair leave it (never "бекітілсін").
            return AnnexCaptionInfo(number: nil, isAnnex: false, target: target(of: line))
        }
        return nil
    }

    /// Whether a caption's last word is the annex word: "қосымша" up to one OCR error ("косымша"), or, right
    /// after the dative naming the act or approved text ("қаулысына", "регламентіне"), the annex word in a
    /// case form a repair may have chosen ("қаулысына қосымшаға").
    static func isAnnexWord(_ core: some StringProtocol, after previous: ArraySlice<Substring>) -> Bool {
        let word = String(core)
        if word == FormulaMatcher.annex { return true }
        guard word.count >= 6, word.count <= 12 else { return false }
        if FormulaMatcher.matches(word, FormulaMatcher.annex, maxDistance: 1) { return true }
        guard let before = previous.last, isCaptionDative(before) else { return false }
        let stem = String(word.prefix(FormulaMatcher.annex.count))
        return FormulaMatcher.matches(stem, FormulaMatcher.annex, maxDistance: 1)
    }

    /// "қаулысына", "бұйрығына", "регламентіне", "қағидаларына": the dative a caption names its target with.
    static func isCaptionDative(_ word: some StringProtocol) -> Bool {
        let folded = FormulaMatcher.normalized(word)
        if actDatives.contains(folded) { return true }
        guard folded.hasSuffix("на") || folded.hasSuffix("не") || folded.hasSuffix("ға") || folded.hasSuffix("ге")
                || folded.hasSuffix("қа") || folded.hasSuffix("ке") else { return false }
        return approvedTextStems.contains { folded.hasPrefix($0) }
            || actDatives.contains { FormulaMatcher.matches(folded, $0, maxDistance: 1) }
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
