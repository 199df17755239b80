/// Text decoded from raw input bytes, with a note of how it was decoded.
public struct DecodedInput: Sendable {
    /// The text. Source spans everywhere in kzreg are UTF-8 byte offsets into this string; for UTF-8
    /// input they equal offsets into the file (after a byte-order mark, if any).
    public var text: String
    /// The charset the bytes were read as ("UTF-8", "UTF-16LE", "windows-1251", "KZ-1048", ...).
    public var encoding: String
    /// Whether the input started with a byte-order mark (which is not part of `text`).
    public var hadByteOrderMark: Bool
    /// Whether the text was converted from another charset, so spans refer to its UTF-8 transcoding.
    public var transcoded: Bool { encoding != "UTF-8" }
    /// How many bytes of the input could not be decoded and became U+FFFD.
    public var substitutions: Int
    /// Size of the input in bytes.
    public var byteCount: Int
}

/// Why raw bytes cannot be read as a text document.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary(offset: Int)
    case undecodable(reason: String)
    /// The input is larger than the decoder accepts.
    case tooLarge(byteCount: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the input is empty"
        case .binary(let offset):
            return "the input looks binary, not text (control byte at offset \(offset))"
        case .undecodable(let reason):
            return "the input is not valid UTF-8 and its charset could not be detected: \(reason)"
        case .tooLarge(let byteCount, let limit):
            return "the input is too large (\(byteCount) bytes; the limit is \(limit) bytes)"
        }
    }
}

/// Reads raw bytes as text: UTF-8 (with or without BOM), UTF-16 (BOM, or detected from its byte pattern)
/// and, for input that is not UTF-8, the 8-bit Cyrillic charset that reads as the most plausible text
/// (Windows-1251, its Kazakh variant KZ-1048, KOI8-R, ISO-8859-5, IBM866). UTF-8 with a few broken bytes is
/// read as UTF-8, the broken bytes becoming U+FFFD (counted in `substitutions`).
public struct InputDecoder: Sendable {
    /// 8-bit charsets considered for input that is not UTF-8 (ICU converter names).
    public var acceptedLegacyCharsets: Set<String> = ["windows-1251", "KOI8-R", "ISO-8859-5", "IBM866"]
    /// Inputs larger than this are refused with `InputError.tooLarge` (ICU's buffers are 32-bit).
    public var maximumByteCount = 512 * 1024 * 1024
    /// Largest share of invalid sequences among the non-ASCII ones for which input is still read as UTF-8.
    public var tolerableInvalidUTF8Share = 0.02
    /// Smallest share of plausible Kazakh/Russian characters among the non-ASCII ones that an 8-bit reading
    /// must reach to be accepted.
    public var minimumPlausibility = 0.9

    /// The name `encoding` gets for Kazakh Windows-1251 (KZ-1048, STRK1048-2002).
    public static let kz1048 = "KZ-1048"

    public init() {}

    /// Decodes `bytes`, or throws an `InputError` that says why they are not a text document.
    public func decode(_ bytes: [UInt8]) throws -> DecodedInput {
        guard !bytes.isEmpty else { throw InputError.empty }
        guard bytes.count <= maximumByteCount else {
            throw InputError.tooLarge(byteCount: bytes.count, limit: maximumByteCount)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(bytes.dropFirst(3)), byteCount: bytes.count, bom: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try transcode(bytes, charset: "UTF-16LE", bom: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try transcode(bytes, charset: "UTF-16BE", bom: true) }
        if let charset = utf16WithoutBOM(bytes), let decoded = try? transcode(bytes, charset: charset, bom: false),
           Self.isMostlyDocumentText(decoded.text) {
            return decoded
        }
        if let text = String(validatingUTF8Bytes: bytes) {
            try rejectBinary(text.utf8)
            return DecodedInput(text: text, encoding: "UTF-8", hadByteOrderMark: false, substitutions: 0,
                                byteCount: bytes.count)
        }
        if let offset = bytes.firstIndex(of: 0) { throw InputError.binary(offset: offset) }
        let scan = UTF8Scan(bytes)
        if scan.isMostlyValid(tolerating: tolerableInvalidUTF8Share) {
            let text = String(decoding: bytes, as: UTF8.self)
            try rejectBinary(text.utf8)
            return DecodedInput(text: text, encoding: "UTF-8", hadByteOrderMark: false,
                                substitutions: scan.invalidSequences, byteCount: bytes.count)
        }
        return try legacy(bytes, firstInvalidUTF8: scan.firstInvalidOffset ?? 0)
    }

    private func utf8(_ bytes: [UInt8], byteCount: Int, bom: Bool) throws -> DecodedInput {
        guard !bytes.isEmpty else { throw InputError.empty }
        if let text = String(validatingUTF8Bytes: bytes) {
            try rejectBinary(text.utf8)
            return DecodedInput(text: text, encoding: "UTF-8", hadByteOrderMark: bom, substitutions: 0,
                                byteCount: byteCount)
        }
        let scan = UTF8Scan(bytes)
        guard scan.isMostlyValid(tolerating: tolerableInvalidUTF8Share) else {
            throw InputError.undecodable(
                reason: "UTF-8 byte-order mark, but invalid UTF-8 at byte \((scan.firstInvalidOffset ?? 0) + 3)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        try rejectBinary(text.utf8)
        return DecodedInput(text: text, encoding: "UTF-8", hadByteOrderMark: bom,
                            substitutions: scan.invalidSequences, byteCount: byteCount)
    }

    /// Reads input that is not UTF-8 in the 8-bit charset whose reading is the most plausible Kazakh or
    /// Russian text. ICU's detector proposes a charset; every accepted charset is scored on a sample, because
    /// the detector's models are Russian and confuse the Cyrillic code pages on Kazakh text.
    private func legacy(_ bytes: [UInt8], firstInvalidUTF8: Int) throws -> DecodedInput {
        let detected = ICU.detectCharset(Array(bytes.prefix(1 << 16)))
        let sample = Array(bytes.prefix(1 << 16))
        var best: (charset: String, kz1048: Bool, score: CyrillicPlausibility)?
        let candidates = acceptedLegacyCharsets.sorted { lhs, rhs in
            // ICU's guess first, so it wins ties.
            (lhs == detected?.name ? 0 : 1, lhs) < (rhs == detected?.name ? 0 : 1, rhs)
        }
        for charset in candidates {
            guard var text = try? ICU.decode(sample, charset: charset).text else { continue }
            let kz1048 = charset == "windows-1251" && KZ1048.isLikely(text)
            if kz1048 { text = KZ1048.remap(windows1251Text: text) }
            let score = CyrillicPlausibility(text)
            if best == nil || score.isBetter(than: best!.score) { best = (charset, kz1048, score) }
        }
        guard let best, best.score.plausibleShare >= minimumPlausibility, best.score.looksLikeWords else {
            let guess = detected.map { "ICU guesses \($0.name) (confidence \($0.confidence))" } ?? "ICU found no charset"
            throw InputError.undecodable(
                reason: "invalid UTF-8 at byte \(firstInvalidUTF8); \(guess), and no Cyrillic 8-bit charset "
                    + "reads it as Kazakh or Russian text")
        }
        var decoded = try transcode(bytes, charset: best.charset, bom: false)
        if best.kz1048 {
            decoded.text = KZ1048.remap(windows1251Text: decoded.text)
            decoded.encoding = Self.kz1048
        }
        return decoded
    }

    private func transcode(_ bytes: [UInt8], charset: String, bom: Bool) throws -> DecodedInput {
        let payload = bom ? Array(bytes.dropFirst(2)) : bytes
        guard !payload.isEmpty else { throw InputError.empty }
        let decoded: (text: String, substitutions: Int)
        do {
            decoded = try ICU.decode(payload, charset: charset)
        } catch {
            throw InputError.undecodable(reason: "\(error)")
        }
        try rejectBinary(decoded.text.utf8)
        return DecodedInput(text: decoded.text, encoding: charset, hadByteOrderMark: bom,
                            substitutions: decoded.substitutions, byteCount: bytes.count)
    }

    /// UTF-16 without a byte-order mark: the high byte of every code unit is NUL (ASCII) or 0x04 (Cyrillic)
    /// almost everywhere, on one side of each byte pair only. Neither byte ever occurs in UTF-8 text.
    private func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(8192)
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        var even = 0
        var odd = 0
        var zeros = 0
        for index in 0..<(pairs * 2) {
            let byte = sample[sample.startIndex + index]
            guard byte == 0 || byte == 0x04 else { continue }
            if byte == 0 { zeros += 1 }
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        guard zeros > 0 || pairs >= 8 else { return nil }
        if odd * 10 >= pairs * 7 && even * 20 < pairs { return "UTF-16LE" }
        if even * 10 >= pairs * 7 && odd * 20 < pairs { return "UTF-16BE" }
        return nil
    }

    /// Whether text decoded from a guessed charset is made of the characters of Kazakh and Russian documents:
    /// ASCII, Latin-1, Cyrillic and general punctuation (binary data read as UTF-16 turns into random scripts).
    static func isMostlyDocumentText(_ text: String) -> Bool {
        var total = 0
        var fitting = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            total += 1
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20..<0x7F, 0xA0...0xFF, 0x400...0x4FF, 0x2000...0x206F, 0x2116:
                fitting += 1
            default:
                break
            }
        }
        return total == 0 || fitting * 10 >= total * 9
    }

    /// Text documents hold no NUL and few C0 control characters besides tab, LF, CR and form feed.
    private func rejectBinary(_ utf8: String.UTF8View) throws {
        var controls = 0
        var total = 0
        var firstControl: Int?
        for byte in utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                if byte == 0 { throw InputError.binary(offset: total) }
                controls += 1
                if firstControl == nil { firstControl = total }
            }
            total += 1
        }
        if let offset = firstControl, controls * 100 > total { throw InputError.binary(offset: offset) }
    }
}

/// Counts of a byte sequence read as UTF-8 (invalid sequences counted as the standard library's decoder
/// replaces them: one U+FFFD per maximal invalid subpart).
struct UTF8Scan {
    var validMultibyte = 0
    var invalidSequences = 0
    var firstInvalidOffset: Int?

    init(_ bytes: [UInt8]) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 { validMultibyte += 1 }
                offset += encoded.count
            case .error(let length):
                if firstInvalidOffset == nil { firstInvalidOffset = offset }
                invalidSequences += 1
                offset += length
            case .emptyInput:
                break loop
            }
        }
    }

    /// Whether the bytes are UTF-8 with only a few broken sequences: valid multibyte characters exist and
    /// invalid sequences are at most `share` of all non-ASCII sequences.
    func isMostlyValid(tolerating share: Double) -> Bool {
        let nonASCII = validMultibyte + invalidSequences
        return validMultibyte > 0 && Double(invalidSequences) <= share * Double(nonASCII)
    }
}

/// How much a decoded text looks like Kazakh or Russian prose.
struct CyrillicPlausibility {
    /// Share of the non-ASCII characters that are Russian or Kazakh letters or common typographic marks.
    var plausibleShare: Double
    /// Share of lower-case letters among the Cyrillic letters (prose is mostly lower case; reading a text in
    /// the wrong Cyrillic code page typically swaps the cases).
    var lowercaseShare: Double
    var nonASCII: Int
    /// Share of the most frequent Cyrillic letter among all Cyrillic letters (about 0.1 in prose).
    var topLetterShare: Double
    var letters: Int

    /// Whether the letters vary as in words (a run of one repeated byte reads as one letter repeated).
    var looksLikeWords: Bool { letters < 20 || topLetterShare <= 0.3 }

    init(_ text: String) {
        var nonASCII = 0
        var plausible = 0
        var letters = 0
        var lowercase = 0
        var counts: [UInt32: Int] = [:]
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            nonASCII += 1
            let value = scalar.value
            if (0x410...0x44F).contains(value) || value == 0x401 || value == 0x451 || Self.kazakh.contains(value) {
                plausible += 1
                letters += 1
                counts[value, default: 0] += 1
                if scalar.properties.isLowercase { lowercase += 1 }
            } else if Self.marks.contains(value) {
                plausible += 1
            }
        }
        self.nonASCII = nonASCII
        plausibleShare = nonASCII == 0 ? 1 : Double(plausible) / Double(nonASCII)
        lowercaseShare = letters == 0 ? 0 : Double(lowercase) / Double(letters)
        self.letters = letters
        topLetterShare = letters == 0 ? 0 : Double(counts.values.max() ?? 0) / Double(letters)
    }

    func isBetter(than other: CyrillicPlausibility) -> Bool {
        let score = plausibleShare + 0.5 * lowercaseShare
        let otherScore = other.plausibleShare + 0.5 * other.lowercaseShare
        return score > otherScore + 1e-9
    }

    /// Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і.
    static let kazakh: Set<UInt32> = [0x4D8, 0x4D9, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3, 0x4E8, 0x4E9,
                                      0x4B0, 0x4B1, 0x4AE, 0x4AF, 0x4BA, 0x4BB, 0x406, 0x456]
    /// № « » – — … “ ” „ ‘ ’ no-break space, soft hyphen, bullet, degree, section sign.
    static let marks: Set<UInt32> = [0x2116, 0xAB, 0xBB, 0x2013, 0x2014, 0x2026, 0x201C, 0x201D, 0x201E, 0x2018,
                                     0x2019, 0xA0, 0xAD, 0x2022, 0xB0, 0xA7]
}

/// KZ-1048 (STRK1048-2002), the Kazakh variant of Windows-1251: 16 byte values hold Kazakh letters instead of
/// Serbian, Macedonian, Ukrainian and Belarusian ones. ICU has no converter for it, so it is read as
/// Windows-1251 and those 16 characters are mapped to the Kazakh letters at the same byte values.
enum KZ1048 {
    /// Windows-1251 reading → KZ-1048 reading, for the 16 byte values that differ.
    static let fromWindows1251: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{40C}": "\u{49A}", "\u{40B}": "\u{4BA}", "\u{45C}": "\u{49B}", "\u{45B}": "\u{4BB}",
        "\u{40E}": "\u{4B0}", "\u{45E}": "\u{4B1}", "\u{408}": "\u{4D8}", "\u{490}": "\u{4E8}",
        "\u{404}": "\u{492}", "\u{407}": "\u{4AE}", "\u{491}": "\u{4E9}", "\u{454}": "\u{493}",
        "\u{458}": "\u{4D9}", "\u{405}": "\u{4A2}", "\u{455}": "\u{4A3}", "\u{457}": "\u{4AF}",
    ]

    /// Ќ ќ Ј ј Ѕ ѕ Ћ ћ read from Windows-1251: Serbian/Macedonian letters that never occur in Kazakh or Russian
    /// text, but are what KZ-1048's қ, ә, ң, һ look like when read as Windows-1251.
    static let markers: Set<Unicode.Scalar> = ["\u{40C}", "\u{45C}", "\u{408}", "\u{458}", "\u{405}", "\u{455}",
                                              "\u{40B}", "\u{45B}"]

    /// Whether text read as Windows-1251 is really KZ-1048: it has several of the marker letters, next to
    /// letters Serbian and Macedonian do not have (ы, э), so it is Kazakh.
    static func isLikely(_ windows1251Text: String) -> Bool {
        var markerCount = 0
        var russianOnly = 0
        for scalar in windows1251Text.unicodeScalars {
            if markers.contains(scalar) { markerCount += 1 }
            if scalar == "ы" || scalar == "Ы" || scalar == "э" || scalar == "Э" { russianOnly += 1 }
            if markerCount >= 2 && russianOnly >= 1 { return true }
        }
        return false
    }

    /// The text with the 16 differing characters replaced by their KZ-1048 reading.
    static func remap(windows1251Text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in windows1251Text.unicodeScalars { result.append(fromWindows1251[scalar] ?? scalar) }
        return String(result)
    }
}

extension String {
    /// Decodes bytes as UTF-8, or nil when they are not valid UTF-8.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
