/// Text decoded from raw input bytes, with a note of how it was decoded.
public struct DecodedInput: Sendable {
    /// The text. Source spans everywhere in kzreg are UTF-8 byte offsets into this string; for UTF-8
    /// input they equal offsets into the file (after a byte-order mark, if any).
    public var text: String
    /// The charset the bytes were read as ("UTF-8", "UTF-16LE", "windows-1251", ...).
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

    public var description: String {
        switch self {
        case .empty:
            return "the input is empty"
        case .binary(let offset):
            return "the input looks binary, not text (control byte at offset \(offset))"
        case .undecodable(let reason):
            return "the input is not valid UTF-8 and its charset could not be detected: \(reason)"
        }
    }
}

/// Reads raw bytes as text: UTF-8 (with or without BOM), UTF-16 (BOM or NUL-pattern detected) and,
/// for invalid UTF-8, the 8-bit charset ICU detects (Windows-1251, KOI8-R, ...).
public struct InputDecoder: Sendable {
    /// Charsets accepted from ICU's detector for input that is not valid UTF-8.
    public var acceptedLegacyCharsets: Set<String> = ["windows-1251", "KOI8-R", "ISO-8859-5", "IBM866"]

    public init() {}

    /// Decodes `bytes`, or throws an `InputError` that says why they are not a text document.
    public func decode(_ bytes: [UInt8]) throws -> DecodedInput {
        guard !bytes.isEmpty else { throw InputError.empty }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(bytes.dropFirst(3)), byteCount: bytes.count, bom: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try transcode(bytes, charset: "UTF-16LE", bom: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try transcode(bytes, charset: "UTF-16BE", bom: true) }
        if let charset = utf16WithoutBOM(bytes) { return try transcode(bytes, charset: charset, bom: false) }
        if let text = String(validatingUTF8Bytes: bytes) {
            try rejectBinary(text.utf8)
            return DecodedInput(text: text, encoding: "UTF-8", hadByteOrderMark: false, substitutions: 0,
                                byteCount: bytes.count)
        }
        if let offset = bytes.firstIndex(of: 0) { throw InputError.binary(offset: offset) }
        guard let detected = ICU.detectCharset(bytes) else {
            throw InputError.undecodable(reason: "ICU found no matching charset")
        }
        guard acceptedLegacyCharsets.contains(detected.name) else {
            let offset = firstInvalidUTF8Offset(bytes)
            throw InputError.undecodable(
                reason: "invalid UTF-8 at byte \(offset); ICU guesses \(detected.name) (confidence \(detected.confidence)), "
                    + "which is not a charset for Kazakh or Russian text")
        }
        return try transcode(bytes, charset: detected.name, bom: false)
    }

    private func utf8(_ bytes: [UInt8], byteCount: Int, bom: Bool) throws -> DecodedInput {
        guard !bytes.isEmpty else { throw InputError.empty }
        guard let text = String(validatingUTF8Bytes: bytes) else {
            throw InputError.undecodable(reason: "UTF-8 byte-order mark, but invalid UTF-8 at byte \(firstInvalidUTF8Offset(bytes) + 3)")
        }
        try rejectBinary(text.utf8)
        return DecodedInput(text: text, encoding: "UTF-8", hadByteOrderMark: bom, substitutions: 0, byteCount: byteCount)
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

    /// UTF-16 without a byte-order mark shows as NUL bytes in every other position.
    private func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return "UTF-16LE" }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return "UTF-16BE" }
        return nil
    }

    /// Text documents hold no NUL and few C0 control characters besides tab, LF, CR and form feed.
    private func rejectBinary(_ utf8: String.UTF8View) throws {
        var controls = 0
        var total = 0
        var firstControl: Int?
        for (offset, byte) in utf8.enumerated() {
            total += 1
            if byte == 0 { throw InputError.binary(offset: offset) }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                controls += 1
                if firstControl == nil { firstControl = offset }
            }
        }
        if let offset = firstControl, controls * 100 > total { throw InputError.binary(offset: offset) }
    }

    private func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validatingUTF8Bytes: Array(bytes[index..<index + length])) != nil else { return index }
            index += length
        }
        return bytes.count
    }
}

extension String {
    /// Decodes bytes as UTF-8, or nil when they are not valid UTF-8.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
