import Foundation

/// A thread-safe bounded memo keyed by byte strings (emptied when it reaches its capacity), shared by copies of a
/// repairer. A lookup reads the key's bytes where they are (no key array, no `Hasher`), and a probe reads one
/// word of the table's index (see `ByteTable`).
final class ByteMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Only read or written with `lock` held.
    @exclusivity(unchecked) private var table = ByteTable<Value>()
    private let capacity: Int
    /// A per-memo hash seed, so no input can be made to collide in every memo.
    private let seed = UInt64.random(in: .min ... .max)

    init(capacity: Int) { self.capacity = capacity }

    func get(_ key: UnsafeRawBufferPointer) -> Value? {
        let hash = ByteHash.hash(key, seed: seed)
        lock.lock(); defer { lock.unlock() }
        return table.value(for: key, hash: hash)
    }

    func put(_ key: UnsafeRawBufferPointer, _ value: Value) {
        let hash = ByteHash.hash(key, seed: seed)
        lock.lock(); defer { lock.unlock() }
        if table.count >= capacity { table.removeAll() }
        table.set(value, for: key, hash: hash)
    }

    func get(_ key: [UInt8]) -> Value? { key.withUnsafeBytes { get($0) } }
    func put(_ key: [UInt8], _ value: Value) { key.withUnsafeBytes { put($0, value) } }

    /// The value of the key made of `bytes[range]`.
    func get(_ bytes: [UInt8], _ range: Range<Int>) -> Value? { bytes[range].withUnsafeBytes { get($0) } }
    func put(_ bytes: [UInt8], _ range: Range<Int>, _ value: Value) {
        bytes[range].withUnsafeBytes { put($0, value) }
    }
}

/// Writes a memo key into a buffer of its exact size (a write past the end traps).
struct KeyWriter {
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0

    init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[..<count]) }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "memo key overflow")
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= buffer.count - count, "memo key overflow")
        if let source = bytes.baseAddress, bytes.count > 0 {
            (buffer.baseAddress! + count).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
    }

    mutating func append(_ string: String) { GarbleRepairer.withUTF8(string) { append($0) } }
}

/// An open-addressing hash table from byte strings to values. Entries are kept in insertion order with their keys
/// in one byte arena; the index (linear probing, at most half full) holds per slot the entry number and the high
/// half of its key's hash, so a probe compares keys only when 32 bits of their hashes agree.
struct ByteTable<Value> {
    private struct Entry {
        let hash: UInt64
        let keyStart: Int
        let keyCount: Int
        var value: Value
    }

    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// 0 for an empty slot, else `(hash >> 32) << 32 | (entry + 1)`.
    private var index: [UInt64] = []
    private var mask = -1

    var count: Int { entries.count }

    func value(for key: UnsafeRawBufferPointer, hash: UInt64) -> Value? {
        guard let e = find(key, hash).entry else { return nil }
        return entries[e].value
    }

    mutating func set(_ value: Value, for key: UnsafeRawBufferPointer, hash: UInt64) {
        if entries.count + 1 > (mask + 1) / 2 { grow() }
        let (entry, slot) = find(key, hash)
        if let entry {
            entries[entry].value = value
            return
        }
        index[slot] = (hash >> 32) << 32 | UInt64(entries.count + 1)
        entries.append(Entry(hash: hash, keyStart: arena.count, keyCount: key.count, value: value))
        arena.append(contentsOf: key)
    }

    /// Empties the table, keeping its storage.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        for i in index.indices { index[i] = 0 }
    }

    /// The entry of `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer, _ hash: UInt64) -> (entry: Int?, slot: Int) {
        guard mask >= 0 else { return (nil, 0) }
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let word = index[slot]
            if word == 0 { return (nil, slot) }
            if word >> 32 == tag {
                let e = Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                if entries[e].hash == hash && keyEquals(e, key) { return (e, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    private func keyEquals(_ e: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = entries[e].keyStart
        guard entries[e].keyCount == key.count else { return false }
        if key.isEmpty { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    /// Doubles the index (at least 64 slots) and places every entry again.
    private mutating func grow() {
        let size = max(64, (mask + 1) * 2)
        mask = size - 1
        index = [UInt64](repeating: 0, count: size)
        for (e, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while index[slot] != 0 { slot = (slot + 1) & mask }
            index[slot] = (entry.hash >> 32) << 32 | UInt64(e + 1)
        }
    }
}

/// The memo's hash of a byte string.
enum ByteHash {
    /// A multiply-xorshift hash of 8-byte words started from `seed` and mixed once more, so that both the low
    /// bits (a table slot) and the high bits (its tag) depend on every byte.
    @inline(__always) static func hash(_ raw: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h: UInt64 = seed ^ 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < raw.count {
            var tail: UInt64 = 0
            for k in i..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
