extension StringProtocol {
    /// Exactly `hasPrefix(prefix)`, compared scalar by scalar where the text is made of simple scalars (see
    /// `SimpleScalars`): there every scalar is a character of its own and no two are canonically equivalent,
    /// so the standard library's character-by-character comparison is needed only elsewhere.
    func simpleHasPrefix(_ prefix: String) -> Bool {
        guard prefix.unicodeScalars.allSatisfy(Self.isPlain) else { return hasPrefix(prefix) }
        let mine = unicodeScalars
        var index = mine.startIndex
        for expected in prefix.unicodeScalars {
            guard index < mine.endIndex else { return false }
            let scalar = mine[index]
            guard Self.isPlain(scalar) else { return hasPrefix(prefix) }
            index = mine.index(after: index)
            // A differing scalar still decides only if the next one cannot join its character.
            if scalar != expected { return index == mine.endIndex || Self.isPlain(mine[index]) ? false : hasPrefix(prefix) }
        }
        return index == mine.endIndex || Self.isPlain(mine[index]) ? true : hasPrefix(prefix)
    }

    /// Exactly `hasSuffix(suffix)`, compared scalar by scalar where the text is made of simple scalars.
    func simpleHasSuffix(_ suffix: String) -> Bool {
        guard suffix.unicodeScalars.allSatisfy(Self.isPlain) else { return hasSuffix(suffix) }
        let mine = unicodeScalars
        var index = mine.endIndex
        for expected in suffix.unicodeScalars.reversed() {
            guard index > mine.startIndex else { return false }
            index = mine.index(before: index)
            let scalar = mine[index]
            guard Self.isPlain(scalar) else { return hasSuffix(suffix) }
            // A differing scalar still decides only if the one before cannot join its character.
            if scalar != expected {
                return index == mine.startIndex || Self.isPlain(mine[mine.index(before: index)]) ? false : hasSuffix(suffix)
            }
        }
        return index == mine.startIndex || Self.isPlain(mine[mine.index(before: index)]) ? true : hasSuffix(suffix)
    }

    /// A simple scalar other than CR and LF (which join into one character).
    @inline(__always)
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x0D && scalar.value != 0x0A && SimpleScalars.isSimple(scalar.value)
    }
}

extension String {
    /// Exactly `contains(needle)` (Foundation's search, which compares characters by canonical equivalence),
    /// as a byte search where both texts are made of simple scalars: there every scalar is a character of its
    /// own, no two are canonically equivalent, and a match of whole scalars is a match of whole characters.
    func simpleContains(_ needle: String) -> Bool {
        guard !needle.isEmpty, needle.unicodeScalars.allSatisfy({ SimpleScalars.isSimple($0.value) }),
              unicodeScalars.allSatisfy({ SimpleScalars.isSimple($0.value) })
        else { return contains(needle) }
        let pattern = Array(needle.utf8)
        func search(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard text.count >= pattern.count else { return false }
            let first = pattern[0]
            var start = 0
            while start <= text.count - pattern.count {
                if text[start] == first {
                    var offset = 1
                    while offset < pattern.count, text[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                start += 1
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
