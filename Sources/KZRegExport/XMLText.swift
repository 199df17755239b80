import KZRegText

/// Makes any Swift string safe to write as XML 1.0 character data or an attribute value.
public enum XMLText {
    /// What replaces a character XML 1.0 forbids.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether XML 1.0 allows the character (`Char` production: tab, LF, CR, U+0020–U+D7FF,
    /// U+E000–U+FFFD, U+10000–U+10FFFF). Swift strings never hold lone surrogates.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The text in NFC with every character XML 1.0 forbids replaced by U+FFFD.
    public static func sanitized(_ text: String) -> String {
        var text = text
        if !text.unicodeScalars.allSatisfy(isAllowed) {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.lazy.map { isAllowed($0) ? $0 : replacement })
            text = String(scalars)
        }
        return (try? ICU.nfc(text)) ?? text
    }

    /// Whether `name` can be used as an element or attribute name as is (an ASCII XML NCName that does
    /// not start with "xml").
    public static func isName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first else { return false }
        if bytes.count >= 3, bytes.prefix(3).map({ $0 | 0x20 }) == Array("xml".utf8) { return false }
        func isStart(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        return isStart(first) && bytes.allSatisfy {
            isStart($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E
        }
    }
}
