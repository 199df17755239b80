import CICU

/// Swift face of the ICU services kzreg uses: NFC normalization, charset detection and conversion,
/// locale-aware case mapping and word-break iteration. All calls go through the `CICU` C facade.
public enum ICU {
    /// An error reported by ICU, with ICU's own error name.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var operation: String
        public var name: String
        public var description: String { "ICU \(operation) failed: \(name)" }
    }

    /// Whether the text is already in Unicode Normalization Form C.
    public static func isNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                kz_icu_is_nfc($0.baseAddress, Int32($0.count)) == 1
            }
        }
    }

    /// The text in Unicode Normalization Form C.
    public static func nfc(_ text: String) throws -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) || isNFC(text) { return text }
        var text = text
        return try text.withUTF8 { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                try takeBuffer("normalization") { length, error, capacity in
                    kz_icu_nfc(chars.baseAddress, Int32(chars.count), length, error, capacity)
                }
            }
        }
    }

    /// The most likely charset of raw bytes and ICU's confidence (0–100), or nil when nothing matched.
    public static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        var error = [CChar](repeating: 0, count: 64)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                kz_icu_detect_charset($0.baseAddress, Int32($0.count), &name, Int32(name.count),
                                      &confidence, &error, Int32(error.count))
            }
        }
        guard status == 0 else { return nil }
        return (cString(name), Int(confidence))
    }

    /// Decodes bytes in the named charset into a String; returns the text and how many characters
    /// could not be decoded (they become U+FFFD).
    public static func decode(_ bytes: [UInt8], charset: String) throws -> (text: String, substitutions: Int) {
        var substitutions: Int32 = 0
        let text = try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                try takeBuffer("conversion from \(charset)") { length, error, capacity in
                    kz_icu_to_utf8(charset, chars.baseAddress, Int32(chars.count), length, &substitutions,
                                   error, capacity)
                }
            }
        }
        return (text, Int(substitutions))
    }

    /// Upper- or lower-cases text with ICU's rules for `locale` (Kazakh by default).
    public static func caseMapped(_ text: String, upper: Bool, locale: String = "kk") throws -> String {
        var text = text
        return try text.withUTF8 { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                try takeBuffer("case mapping") { length, error, capacity in
                    kz_icu_case_map(chars.baseAddress, Int32(chars.count), locale, upper ? 1 : 0, length,
                                    error, capacity)
                }
            }
        }
    }

    /// UTF-8 byte offsets of the word boundaries ICU finds in the text (including 0 and the end).
    public static func wordBoundaries(_ text: String, locale: String = "kk") throws -> [Int] {
        var text = text
        return try text.withUTF8 { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                var error = [CChar](repeating: 0, count: 64)
                var capacity = max(16, chars.count / 2 + 2)
                while true {
                    var boundaries = [Int32](repeating: 0, count: capacity)
                    let count = kz_icu_word_boundaries(chars.baseAddress, Int32(chars.count), locale,
                                                       &boundaries, Int32(capacity), &error, Int32(error.count))
                    if count < 0 { throw Failure(operation: "word breaking", name: cString(error)) }
                    if Int(count) <= capacity { return boundaries.prefix(Int(count)).map(Int.init) }
                    capacity = Int(count)
                }
            }
        }
    }

    private static func takeBuffer(
        _ operation: String,
        _ call: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>, Int32) -> UnsafeMutablePointer<CChar>?
    ) throws -> String {
        var length: Int32 = 0
        var error = [CChar](repeating: 0, count: 64)
        guard let pointer = call(&length, &error, Int32(error.count)) else {
            throw Failure(operation: operation, name: cString(error))
        }
        defer { kz_icu_free(pointer) }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(length))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func cString(_ chars: [CChar]) -> String {
        let bytes = chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
