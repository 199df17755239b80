import Foundation

/// A whitespace-delimited token of the repair input, with its byte span, its core (edge punctuation
/// stripped) and letter counts by script.
struct RepairToken: Sendable {
    var start: Int
    var end: Int
    var coreStart: Int
    var coreEnd: Int
    var line: Int
    var latin = 0
    var cyrillic = 0
    var digits = 0
    var hasGarbleMark = false
    /// The span from the first to the last whitespace inside the core of tokens joined as one word
    /// ("KO MaHbicKa", "KON Man Dbl"); its whitespace is left out of `core`.
    var gap: Range<Int>? = nil
    var letters: Int { latin + cyrillic }

    func core(_ bytes: [UInt8]) -> String? {
        guard coreEnd > coreStart else { return nil }
        if let gap {
            var joined = Array(bytes[coreStart..<gap.lowerBound])
            for b in bytes[gap] where !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C) {
                joined.append(b)
            }
            joined.append(contentsOf: bytes[gap.upperBound..<coreEnd])
            return String(decoding: joined, as: UTF8.self)
        }
        return String(decoding: bytes[coreStart..<coreEnd], as: UTF8.self)
    }

    /// This token (possibly already joined) and the next one on its line read as one word.
    func joined(with next: RepairToken) -> RepairToken {
        var t = RepairToken(start: start, end: next.end, coreStart: coreStart, coreEnd: next.coreEnd, line: line)
        t.latin = latin + next.latin
        t.cyrillic = cyrillic + next.cyrillic
        t.digits = digits + next.digits
        t.hasGarbleMark = hasGarbleMark || next.hasGarbleMark
        t.gap = (gap?.lowerBound ?? end)..<next.start
        return t
    }

    func coreLower(_ bytes: [UInt8]) -> String? { core(bytes)?.lowercased() }

    /// Whether the core starts with "N" (a byte test before the string test of a numero sign).
    func startsWithN(_ bytes: [UInt8]) -> Bool { coreEnd > coreStart && bytes[coreStart] == 0x4E }

    /// Whether the next token starts like a number (digit or a garbled digit inside a code): "9/406", "A-9".
    func startsWithDigitLike(_ bytes: [UInt8]) -> Bool {
        var i = start
        var n = 0
        while i < end && n < 4 {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 { return true }
            if b == 0x22 || b == 0x28 { i += 1; continue }
            i += 1; n += 1
            if b == 0x2D { return digits > 0 }   // "A-9/406"
        }
        return false
    }

    private static let legitWords: Set<String> = [
        "e-mail", "email", "sms", "pdf", "url", "iso", "gps", "qr", "wi-fi", "online", "http", "https", "www",
        "ip", "id", "iban", "swift", "bic", "usb", "it",
    ]

    /// URLs, e-mail addresses, Roman numerals and a few Latin terms stay Latin.
    func looksLikeLegitLatin(_ bytes: [UInt8]) -> Bool {
        // cheap pre-check: "@", "://", or a dot followed by an ASCII letter (a domain)
        var candidate = false
        for i in start..<end {
            let b = bytes[i]
            if b == 0x40 { candidate = true; break }
            if (b == 0x2E || b == 0x3A) && i + 1 < end {
                let n = bytes[i + 1] | 0x20
                if (n >= 97 && n <= 122) || bytes[i + 1] == 0x2F { candidate = true; break }
            }
        }
        if candidate {
            if urlOrMail(String(decoding: bytes[start..<end], as: UTF8.self).lowercased()) { return true }
        }
        // both tests below need a Latin core of at most 7 bytes: no string for the others
        guard coreEnd > coreStart, cyrillic == 0, gap != nil || coreEnd - coreStart <= 7 else { return false }
        if gap == nil && !mayBeTermOrRoman(bytes) { return false }
        guard let core = core(bytes) else { return false }
        if cyrillic == 0 && core.utf8.count <= 6 && Self.legitWords.contains(core.lowercased())
            && (core == core.uppercased() || core == core.lowercased()) {
            // an all-caps/all-lower known Latin term, e.g. "SMS", "e-mail"
            return core.count >= 3 || core == "IP" || core == "ID" || core == "QR"
        }
        if cyrillic == 0 && digits == 0 && Self.isRoman(core) { return true }
        return false
    }

    /// The byte test before the string tests of `looksLikeLegitLatin`: the core is, lower-cased, one of
    /// `legitWords`, or made of Roman digits only.
    private func mayBeTermOrRoman(_ bytes: [UInt8]) -> Bool {
        var packed: UInt64 = 0
        var term = coreEnd - coreStart <= 6, roman = digits == 0
        for b in bytes[coreStart..<coreEnd] {
            let lower = b | 0x20
            if !((lower >= 97 && lower <= 122) || b == 0x2D) { term = false }
            if !(b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43) { roman = false }
            packed = packed << 8 | UInt64(lower)
        }
        return roman || (term && Self.legitPacked.contains(packed))
    }

    /// `legitWords`, each packed into an integer (its bytes, big-endian; none is longer than 6 bytes).
    private static let legitPacked: [UInt64] = legitWords.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    private func urlOrMail(_ lower: String) -> Bool {
        // (the e-mail pattern needs an "@": no regular expression without one)
        if (lower.utf8.contains(0x40)
            && lower.range(of: #"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,}"#, options: .regularExpression) != nil)
            || lower.contains("www.") || lower.contains("http") || lower.contains("://") {
            return true
        }
        for tld in [".kz", ".com", ".ru", ".org", ".net", ".gov"] where lower.contains(tld) {
            if let r = lower.range(of: tld), r.lowerBound > lower.startIndex { return true }
        }
        return false
    }

    static func isRoman(_ s: String) -> Bool {
        // the byte test first: it is cheap, and for ASCII the character count is the byte count
        guard !s.isEmpty, s.utf8.count <= 7 else { return false }
        guard s.utf8.allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C || $0 == 0x43 }) else { return false }
        return romanNumerals.contains(s)
    }
}

/// Canonical Roman numerals 1...399.
private let romanNumerals: Set<String> = {
    let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    let tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"]
    let hundreds = ["", "C", "CC", "CCC"]
    var set = Set<String>()
    for h in hundreds { for t in tens { for o in ones where !(h + t + o).isEmpty { set.insert(h + t + o) } } }
    return set
}()

enum RepairTokenizer {
    /// Leading characters stripped from a token's core.
    @inline(__always) static func isLeading(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x28, 0xAB, 0x201C, 0x201E, 0x2018, 0x2D, 0x2014, 0x2013: true
        default: false
        }
    }

    /// Trailing characters stripped from a token's core ("!" is not: it is often part of "ы" = "b!").
    @inline(__always) static func isTrailing(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x29, 0x22, 0x27, 0xBB, 0x201D, 0x3F, 0x5D, 0x2D, 0x2014, 0x2013, 0x2019: true
        default: false
        }
    }

    static func tokens(_ bytes: [UInt8]) -> [RepairToken] {
        var tokens: [RepairToken] = []
        tokens.reserveCapacity(bytes.count / 6)
        var i = 0
        var line = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A { line += 1; i += 1; continue }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { i += 1; continue }
            if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 { i += 2; continue }
            // token, in one pass over its scalars: the core starts at the first scalar that is not a leading mark
            // and ends after the last one from there on that is not a trailing mark. The marks are no letters or
            // digits, so the letters of the whole token are the core's.
            let start = i
            var t = RepairToken(start: start, end: start, coreStart: start, coreEnd: start, line: line)
            var coreStart = -1, coreEnd = -1   // (-1: not found yet)
            while i < n {
                let c = bytes[i]
                if c == 0x0A || c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C { break }
                if c == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 { break }
                let (v, w) = decodeScalar(bytes, i)
                if coreStart < 0 && !isLeading(v) { coreStart = i }
                if coreStart >= 0 && !isTrailing(v) { coreEnd = i + w }
                if (v >= 65 && v <= 90) || (v >= 97 && v <= 122) { t.latin += 1 }
                else if v >= 0x400 && v <= 0x4FF { t.cyrillic += 1 }
                else if v >= 48 && v <= 57 { t.digits += 1 }
                else if v == 0xA5 { t.hasGarbleMark = true; t.latin += 1 }
                i += w
            }
            t.end = i
            t.coreStart = coreStart < 0 ? i : coreStart
            t.coreEnd = coreEnd < 0 ? t.coreStart : coreEnd
            tokens.append(t)
        }
        return tokens
    }

    @inline(__always) static func decodeScalar(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c < 0xE0, i + 1 < b.count { return ((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0, i + 2 < b.count {
            return ((UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        if i + 3 < b.count {
            return ((UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                    | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }
}
