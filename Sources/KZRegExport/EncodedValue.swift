/// A format-neutral tree of what a value's `Encodable` conformance writes: the single description of a
/// record that the XML exporter (and anything else that wants a generic view) works from.
public indirect enum EncodedValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([EncodedValue])
    /// Members in the order the value encoded them.
    case object([Member])

    /// A named member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: EncodedValue

        public init(key: String, value: EncodedValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of an object member, if this is an object that has it.
    public subscript(key: String) -> EncodedValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// True for null, booleans, numbers and strings.
    public var isScalar: Bool {
        switch self {
        case .null, .bool, .integer, .number, .string: return true
        case .array, .object: return false
        }
    }

    /// Encodes any `Encodable` value into a tree.
    public static func encoding<T: Encodable>(_ value: T) throws -> EncodedValue {
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: []))
        return slot.value
    }
}

extension EncodedValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .integer(let integer):
            var container = encoder.singleValueContainer()
            try container.encode(integer)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in members { try container.encode(member.value, forKey: MemberKey(stringValue: member.key)) }
        }
    }

    /// The tree with every string (values and keys) transformed.
    public func mappingStrings(_ transform: (String) throws -> String) rethrows -> EncodedValue {
        switch self {
        case .null, .bool, .integer, .number: return self
        case .string(let string): return .string(try transform(string))
        case .array(let items): return .array(try items.map { try $0.mappingStrings(transform) })
        case .object(let members):
            return .object(try members.map {
                .init(key: try transform($0.key), value: try $0.value.mappingStrings(transform))
            })
        }
    }
}

private struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

// MARK: - The encoder

/// One value being built; containers write into slots so nested containers can be filled later.
private final class Slot {
    enum Kind { case empty, scalar, keyed, unkeyed }

    var kind = Kind.empty
    var scalar = EncodedValue.null
    var members: [(key: String, slot: Slot)] = []
    var elements: [Slot] = []
    /// Member positions by key, kept once an object grows large (dictionaries), so lookups stay cheap.
    var index: [String: Int]?

    var value: EncodedValue {
        switch kind {
        case .empty: return .object([])
        case .scalar: return scalar
        case .keyed: return .object(members.map { .init(key: $0.key, value: $0.slot.value) })
        case .unkeyed: return .array(elements.map(\.value))
        }
    }

    func setScalar(_ value: EncodedValue) {
        reset()
        kind = .scalar
        scalar = value
    }

    func reset() {
        kind = .empty
        scalar = .null
        members = []
        elements = []
        index = nil
    }

    /// The slot for `key`, emptied and reused when the key was already encoded (the last write wins).
    func member(_ key: String) -> Slot {
        becomeKeyed()
        if let position = position(of: key) {
            let slot = members[position].slot
            slot.reset()
            return slot
        }
        let slot = Slot()
        members.append((key, slot))
        if index != nil {
            index?[key] = members.count - 1
        } else if members.count > 16 {
            index = Dictionary(members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return slot
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    func appendElement() -> Slot {
        becomeUnkeyed()
        let slot = Slot()
        elements.append(slot)
        return slot
    }

    func becomeKeyed() {
        if kind != .keyed { reset(); kind = .keyed }
    }

    func becomeUnkeyed() {
        if kind != .unkeyed { reset(); kind = .unkeyed }
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.becomeKeyed()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.becomeUnkeyed()
        return UnkeyedTreeContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(slot: slot, codingPath: codingPath)
    }
}

/// Encodes one value into `slot`, using a scalar case for the standard scalar types.
private func encodeValue<T: Encodable>(_ value: T, into slot: Slot, codingPath: [any CodingKey]) throws {
    switch value {
    case let value as String: slot.setScalar(.string(value))
    case let value as Bool: slot.setScalar(.bool(value))
    case let value as Int: slot.setScalar(.integer(value))
    case let value as Double: slot.setScalar(try finite(value, codingPath))
    case let value as Float: slot.setScalar(try finite(Double(value), codingPath))
    case let value as any BinaryInteger:
        if let exact = Int(exactly: value) {
            slot.setScalar(.integer(exact))
        } else {
            slot.setScalar(.number(Double(value)))
        }
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}

private func finite(_ value: Double, _ codingPath: [any CodingKey]) throws -> EncodedValue {
    guard value.isFinite else {
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath,
                                                      debugDescription: "non-finite number \(value)"))
    }
    return .number(value)
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).setScalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = slot.member(key.stringValue)
        child.becomeKeyed()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(slot: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = slot.member(key.stringValue)
        child.becomeUnkeyed()
        return UnkeyedTreeContainer(slot: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(slot: slot.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.elements.count }

    mutating func encodeNil() throws { slot.appendElement().setScalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try encodeValue(value, into: slot.appendElement(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        let child = slot.appendElement()
        child.becomeKeyed()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(slot: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        let child = slot.appendElement()
        child.becomeUnkeyed()
        return UnkeyedTreeContainer(slot: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(count)]
        return TreeEncoder(slot: slot.appendElement(), codingPath: path)
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.setScalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: slot, codingPath: codingPath)
    }
}
