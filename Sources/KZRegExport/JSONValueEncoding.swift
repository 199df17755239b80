extension JSONValue {
    /// What a value's `Encodable` conformance writes, as a tree: the single description of a record that the
    /// XML exporter (and anything else that wants a generic view) works from. Integers stay `.integer`,
    /// floating-point numbers are `.number` (non-finite ones are an `EncodingError`); when a key is encoded
    /// twice, the last write wins.
    public static func encoding<T: Encodable>(_ value: T) throws -> JSONValue {
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: []))
        return slot.value
    }
}

/// One value being built; containers write into slots so nested containers can be filled later.
private final class Slot {
    enum Kind { case empty, scalar, keyed, unkeyed }

    var kind = Kind.empty
    var scalar = JSONValue.null
    var members: [String: Slot] = [:]
    var elements: [Slot] = []

    var value: JSONValue {
        switch kind {
        case .empty: return .object([:])
        case .scalar: return scalar
        case .keyed: return .object(members.mapValues(\.value))
        case .unkeyed: return .array(elements.map(\.value))
        }
    }

    func setScalar(_ value: JSONValue) {
        reset()
        kind = .scalar
        scalar = value
    }

    func reset() {
        kind = .empty
        scalar = .null
        members = [:]
        elements = []
    }

    /// The slot for `key`, emptied and reused when the key was already encoded (the last write wins).
    func member(_ key: String) -> Slot {
        becomeKeyed()
        if let slot = members[key] {
            slot.reset()
            return slot
        }
        let slot = Slot()
        members[key] = slot
        return slot
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

private func finite(_ value: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
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
