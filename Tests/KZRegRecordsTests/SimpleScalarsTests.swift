import Foundation
import Testing
@testable import KZRegRecords

/// The fast scalar paths agree with the standard library and with the folding as specified.
@Suite struct SimpleScalarsTests {
    static let candidates: [Unicode.Scalar] = (0...0x2FFF).compactMap { Unicode.Scalar(UInt32($0)) }

    @Test func lowercaseAgreesWithTheStandardLibrary() {
        for scalar in Self.candidates {
            guard let lower = SimpleScalars.lowercase(scalar.value) else {
                // Only Latin letters whose lower case is no simple scalar (İ → "i̇") leave the fast path.
                #expect(!SimpleScalars.isSimple(scalar.value) || (0xA0...0x2FF).contains(scalar.value),
                        "U+\(String(scalar.value, radix: 16))")
                continue
            }
            #expect(SimpleScalars.isSimple(scalar.value) && SimpleScalars.isSimple(lower))
            #expect(String(Character(Unicode.Scalar(lower)!)) == String(scalar).lowercased(),
                    "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func simpleScalarsAreCharactersOfTheirOwn() {
        for scalar in Self.candidates where SimpleScalars.isSimple(scalar.value) {
            let alone = String(scalar)
            #expect(("a" + alone).count == 2 && (alone + "a").count == 2, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func propertiesAgreeWithTheStandardLibrary() {
        for scalar in Self.candidates {
            #expect(SimpleScalars.isAlphabetic(scalar) == scalar.properties.isAlphabetic)
            #expect(SimpleScalars.isWhitespace(scalar) == scalar.properties.isWhitespace)
        }
    }

    @Test func foldingAgreesWithTheReference() {
        let keys = "әғқңөұүһіёiӘҒҚҢӨҰҮҺІЁI"
        let tried = Self.candidates.filter { SimpleScalars.isSimple($0.value) || (0x300...0x36F).contains($0.value) }
        for scalar in tried {
            for key in keys.unicodeScalars {
                for text in [String(scalar) + String(key), String(key) + String(scalar), "ab" + String(scalar)] {
                    #expect(KazakhFolding.fold(text) == KazakhFolding.reference(text.lowercased()), "\(text)")
                    let both = KazakhFolding.lowerAndFold(text)
                    #expect(both.lower == text.lowercased() && both.folded == KazakhFolding.fold(text))
                }
            }
        }
        for text in ["Мазмұны", "ҰЗАҚТЫҒЫ", "е\u{0308}лка", "İstanbul", "ДОКУМЕНТ№5 — «Қызмет»", "\r\nі"] {
            #expect(KazakhFolding.fold(text) == KazakhFolding.reference(text.lowercased()), "\(text)")
        }
    }

    @Test func affixesAgreeWithTheStandardLibrary() {
        // Letters, a precomposed letter and its decomposition, combining marks, CR LF, a prepended mark, ZWJ.
        let alphabet: [String] = ["а", "ы", "й", "и", "\u{0306}", "е", "ё", "\u{0308}", "\r", "\n", "a", "\u{0600}",
                                  "\u{200D}", "-"]
        var random = RandomWords(alphabet: alphabet, seed: 12345)
        func next(_ bound: Int) -> Int { random.next(bound) }
        func word(_ length: Int) -> String { random.word(length) }
        for _ in 0..<20000 {
            let text = word(next(6))
            let scalars = Array(text.unicodeScalars)
            let cut = next(scalars.count + 1)
            // A random affix, or the text's first or last scalars (a match by scalars, maybe not by characters).
            let affix = [word(next(4)), String(String.UnicodeScalarView(scalars[..<cut])),
                         String(String.UnicodeScalarView(scalars[cut...]))][next(3)]
            let shown = "\(scalars.map(\.value)) \(affix.unicodeScalars.map(\.value))"
            #expect(text.simpleHasPrefix(affix) == text.hasPrefix(affix), "\(shown)")
            #expect(text.simpleHasSuffix(affix) == text.hasSuffix(affix), "\(shown)")
            let inner = text.dropFirst()
            #expect(inner.simpleHasPrefix(affix) == inner.hasPrefix(affix), "\(shown)")
            #expect(inner.simpleHasSuffix(affix) == inner.hasSuffix(affix), "\(shown)")
        }
    }

    @Test func searchAgreesWithFoundation() {
        // Simple letters (one precomposed), a soft hyphen, NBSP, Latin-1, combining marks, CR LF, ZWJ, a space.
        let alphabet: [String] = ["а", "б", "й", "и", "\u{0306}", "\u{00AD}", "\u{00A0}", "é", "e", "\u{0301}", "\r",
                                  "\n", "\u{200D}", " ", "-"]
        var random = RandomWords(alphabet: alphabet, seed: 987654321)
        func next(_ bound: Int) -> Int { random.next(bound) }
        func word(_ length: Int) -> String { random.word(length) }
        for _ in 0..<20000 {
            let text = word(next(8))
            let scalars = Array(text.unicodeScalars)
            let from = next(scalars.count + 1)
            let to = from + next(scalars.count - from + 1)
            // A random needle, or a run of the text's scalars (a match by scalars, maybe not by characters).
            let needle = [word(1 + next(3)), String(String.UnicodeScalarView(scalars[from..<to]))][next(2)]
            #expect(text.simpleContains(needle) == (text.range(of: needle) != nil),
                    "\(scalars.map(\.value)) \(needle.unicodeScalars.map(\.value))")
        }
        #expect("кызмет корсету мерзими".simpleContains("мерзим"))
        #expect(!"кызмет".simpleContains("") && !"".simpleContains("а"))
    }

    @Test func numberWordsFitTheLengthGate() {
        for word in Array(KazakhNumberWords.units.keys) + Array(KazakhNumberWords.tens.keys) + [KazakhNumberWords.hundred] {
            #expect((4...12).contains(word.utf8.count), "\(word)")
            #expect(KazakhNumberWords.isNumberWord(folded: word))
        }
        #expect(!KazakhNumberWords.isNumberWord(folded: "жиырмасы") && !KazakhNumberWords.isNumberWord(folded: "у"))
    }
}

/// Reproducible random strings over a small alphabet (a linear congruential generator).
struct RandomWords {
    let alphabet: [String]
    var state: UInt64

    init(alphabet: [String], seed: UInt64) {
        self.alphabet = alphabet
        self.state = seed
    }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33) % bound
    }

    mutating func word(_ length: Int) -> String {
        var out = ""
        for _ in 0..<length { out += alphabet[next(alphabet.count)] }
        return out
    }
}
