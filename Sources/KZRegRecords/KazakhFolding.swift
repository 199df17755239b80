/// Folds Kazakh-specific letters onto their nearest Russian-alphabet letters, in lower case
/// ("Мазмұны" → "мазмуны", "ұзақтығы" → "узактыгы"), so that keyword matching survives OCR and repair
/// confusing ұ/ү/у, қ/к, ғ/г, ң/н, ө/о, ә/а, і/и. The folding maps one character to one character.
public enum KazakhFolding {
    static let map: [Character: Character] = [
        "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е",
        "i": "и",
    ]

    public static func fold(_ text: some StringProtocol) -> String {
        fast(text, keepingLower: false)?.folded ?? reference(text.lowercased())
    }

    /// The text in lower case (exactly `text.lowercased()`) and folded (exactly `fold(text)`), in one pass.
    static func lowerAndFold(_ text: some StringProtocol) -> (lower: String, folded: String) {
        if let both = fast(text, keepingLower: true) { return both }
        let lower = text.lowercased()
        return (lower, reference(lower))
    }

    /// The folding as specified: `map` applied to every character of the lower-cased text. Characters compare
    /// by canonical equivalence, so "е" + U+0308 folds like "ё".
    static func reference(_ lower: String) -> String {
        String(lower.map { map[$0] ?? $0 })
    }

    /// Lower case and folding scalar by scalar, for text of simple scalars only (see `SimpleScalars`), where
    /// every scalar is a character of its own; nil for other text. `lower` stays empty unless `keepingLower`.
    private static func fast(_ text: some StringProtocol, keepingLower: Bool) -> (lower: String, folded: String)? {
        // Each output takes at most twice the input's bytes (Latin "I" → Cyrillic "и"): lower case in the
        // first half of the scratch buffer, the folding in the second.
        let half = 2 * text.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * half + 1) { buffer in
            var lowerEnd = 0
            var foldedEnd = half
            for scalar in text.unicodeScalars {
                guard let value = SimpleScalars.lowercase(scalar.value) else { return nil }
                if keepingLower { append(value, to: buffer, at: &lowerEnd) }
                append(folding(value), to: buffer, at: &foldedEnd)
            }
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            }
            return (keepingLower ? string(0..<lowerEnd) : "", string(half..<foldedEnd))
        }
    }

    /// `map` on one lower-case scalar.
    @inline(__always)
    private static func folding(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x4D9: return 0x430  // ә → а
        case 0x493: return 0x433  // ғ → г
        case 0x49B: return 0x43A  // қ → к
        case 0x4A3: return 0x43D  // ң → н
        case 0x4E9: return 0x43E  // ө → о
        case 0x4B1, 0x4AF: return 0x443  // ұ, ү → у
        case 0x4BB: return 0x445  // һ → х
        case 0x456, 0x69: return 0x438  // і, Latin i → и
        case 0x451: return 0x435  // ё → е
        default: return value
        }
    }

    /// Writes one scalar as UTF-8 at `end` and moves `end` past it.
    @inline(__always)
    private static func append(_ value: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at end: inout Int) {
        switch value {
        case 0..<0x80:
            buffer[end] = UInt8(value)
            end += 1
        case 0x80..<0x800:
            buffer[end] = UInt8(0xC0 | value >> 6)
            buffer[end + 1] = UInt8(0x80 | value & 0x3F)
            end += 2
        default:  // simple scalars stay below U+10000
            buffer[end] = UInt8(0xE0 | value >> 12)
            buffer[end + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            buffer[end + 2] = UInt8(0x80 | value & 0x3F)
            end += 3
        }
    }
}
