/// Fast case mapping and letter tests for the scalars legal text is made of (ASCII, Latin-1 and Latin
/// Extended, Cyrillic, general punctuation), so hot paths need not consult the Unicode property tables.
///
/// A "simple" scalar always forms a grapheme cluster of its own (CR LF aside) and lower-cases to one simple
/// scalar; for such text, per-scalar work gives exactly the result of per-`Character` work. Anything else
/// (combining marks, other scripts) takes the callers' general path. `SimpleScalarsTests` checks every
/// simple scalar against the standard library.
enum SimpleScalars {
    /// The lower case of a simple scalar (as `String.lowercased()` maps it), or nil for any other scalar.
    @inline(__always)
    static func lowercase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0...0x9F: return value
        case 0x410...0x42F: return value + 0x20
        case 0x430...0x45F: return value
        case 0x400...0x40F: return value + 0x50
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return value | 1
        case 0x482: return value
        case 0x4C0: return 0x4CF
        case 0x4C1...0x4CE: return value & 1 == 1 ? value + 1 : value
        case 0x4CF: return value
        case 0x2010...0x2027, 0x2030...0x205E, 0x2116: return value
        case 0xA0...0x2FF:
            // Latin-1 and Latin Extended: the table is irregular, so ask once (İ lower-cases to two scalars).
            guard value != 0x130, let scalar = Unicode.Scalar(value) else { return nil }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            guard mapped.count == 1, let lower = mapped.first?.value, isSimple(lower) else { return nil }
            return lower
        default: return nil
        }
    }

    /// Whether `value` is a simple scalar (see the type's documentation).
    @inline(__always)
    static func isSimple(_ value: UInt32) -> Bool {
        switch value {
        case 0...0x12F, 0x131...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E, 0x2116:
            return true
        default: return false
        }
    }

    /// `scalar.properties.isAlphabetic`, answered from ranges for ASCII and the Cyrillic alphabet.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x52F: return true
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// `scalar.properties.isWhitespace`, answered from ranges for ASCII and Cyrillic.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0...0x7F, 0x400...0x52F: return false
        default: return scalar.properties.isWhitespace
        }
    }
}
