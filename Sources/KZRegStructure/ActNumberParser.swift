/// Reads act numbers as written after "№": "№ А-9/406" → "А-9/406", "№ 132/НҚ", "№ 05/02" even when
/// OCR split it ("№ 05 /02", "№ 138/ НҚ").
public struct ActNumberParser: Sendable {
    /// A number found in a text, with the range from "№" to its last character.
    public struct Match: Sendable, Hashable {
        public var number: String
        public var range: Range<String.Index>
    }

    public init() {}

    /// The first number in `text`, without "№".
    public func parse(_ text: String) -> String? { firstMatch(in: text)?.number }

    /// The first "№ ..." number in `text`.
    public func firstMatch(in text: String) -> Match? { matches(in: text, limit: 1).first }

    /// Every "№ ..." number in `text`, in order.
    public func matches(in text: String, limit: Int = .max) -> [Match] {
        var result: [Match] = []
        var index = text.startIndex
        while index < text.endIndex, result.count < limit {
            guard let found = text[index...].firstIndex(where: { $0 == "№" || $0 == "N" }) else { break }
            // OCR writes "№" as "No", "Ne", "N°", "N" + a digit: the sign is then the whole look-alike.
            var sign = found
            if text[found] == "N" {
                guard let end = Self.lookalikeSignEnd(at: found, in: text) else {
                    index = text.index(after: found)
                    continue
                }
                sign = text.index(before: end)
            }
            if var match = number(after: sign, in: text) {
                match.range = found..<match.range.upperBound
                result.append(match)
                index = match.range.upperBound
            } else {
                index = text.index(after: sign)
            }
        }
        return result
    }

    private func number(after sign: String.Index, in text: String) -> Match? {
        var index = text.index(after: sign)
        index = skipSpaces(from: index, in: text)
        var number = ""
        var end = index
        func take() {
            while end < text.endIndex, !text[end].isWhitespace, text[end] != "№" {
                number.append(text[end])
                end = text.index(after: end)
            }
        }
        take()
        // "№ ҚР ДСМ-25": a letter prefix written apart from the numbered part.
        var prefixWords = 0
        while !number.contains(where: { $0.isNumber }), prefixWords < 3,
              number.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == "." }), !number.isEmpty {
            let next = skipSpaces(from: end, in: text)
            guard next < text.endIndex, text[next].isUppercase || text[next].isNumber else { break }
            number.append(" ")
            end = next
            take()
            prefixWords += 1
        }
        // Re-join a number OCR split at "/" or "-": "05 /02", "138/ НҚ".
        while true {
            let next = skipSpaces(from: end, in: text)
            guard next < text.endIndex else { break }
            let joinsForward = number.hasSuffix("/") || number.hasSuffix("-")
            let nextStartsJoint = text[next] == "/" && !text[next...].hasPrefix("/ ")
            guard (joinsForward && !text[next].isWhitespace && isNumberCharacter(text[next])) || nextStartsJoint else { break }
            end = next
            take()
        }
        // "№ 33 287": a space OCR put inside a long registration number (1–2 digits, then exactly 3).
        if (1...2).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let next = skipSpaces(from: end, in: text)
            if next > end, next < text.endIndex, !text[end..<next].contains("\n") {
                var probe = next
                while probe < text.endIndex, text[probe].isASCII, text[probe].isNumber { probe = text.index(after: probe) }
                let digitCount = text.distance(from: next, to: probe)
                if digitCount == 3, probe == text.endIndex || text[probe] == " " || text[probe] == "\n" {
                    number += String(text[next..<probe])
                    end = probe
                }
            }
        }
        let trimmed = trimTrailing(number)
        guard let first = trimmed.first, first.isNumber || first.isLetter else { return nil }
        guard trimmed.contains(where: { $0.isNumber }) else { return nil }
        return Match(number: trimmed, range: sign..<end)
    }

    /// Where an OCR look-alike of "№" starting at `start` ends ("No", "Ne.", "N°", "Nо" before a digit),
    /// or nil when the "N" is a word's letter.
    static func lookalikeSignEnd(at start: String.Index, in text: String) -> String.Index? {
        if start > text.startIndex, text[text.index(before: start)].isLetter { return nil }
        var index = text.index(after: start)
        if index < text.endIndex, "oeоеº°".contains(text[index]) { index = text.index(after: index) }
        if index < text.endIndex, text[index] == "." { index = text.index(after: index) }
        var probe = index
        while probe < text.endIndex, text[probe] == " " { probe = text.index(after: probe) }
        guard probe < text.endIndex, text[probe].isASCII, text[probe].isNumber else { return nil }
        return index
    }

    private func isNumberCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private func skipSpaces(from start: String.Index, in text: String) -> String.Index {
        var index = start
        while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        return index
    }

    private func trimTrailing(_ number: String) -> String {
        var result = Substring(number)
        while let last = result.last, ".,;:)»\"'”".contains(last) {
            if last == ")" && result.filter({ $0 == "(" }).count >= result.filter({ $0 == ")" }).count { break }
            result = result.dropLast()
        }
        while let first = result.first, "\"'«(".contains(first) { result = result.dropFirst() }
        return String(result)
    }
}
