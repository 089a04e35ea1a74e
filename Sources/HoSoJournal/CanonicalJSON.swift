import Foundation

/// Writes the bytes Foundation's `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`, straight
/// into one buffer, without the intermediate tree, key dictionaries and coding paths that make Foundation's
/// encoder most of the processor time of a save.
///
/// It knows only what records are made of: objects, arrays, strings, integers, booleans and null. For
/// anything else (floating point, `Date`, `Data`, `URL`, `Decimal`, nested or super encoders, a key written
/// twice, a value that writes nothing) `encode` returns nil and the caller uses Foundation's encoder, so
/// the bytes never depend on which encoder wrote them. The tests compare both on every kind of record.
enum CanonicalJSON {
    /// The JSON of `value`, or nil when it holds something this writer leaves to Foundation (or throws).
    static func encode<T: Encodable>(_ value: T, capacity: Int = 4_096) -> [UInt8]? {
        let writer = CanonicalJSONWriter(capacity: capacity)
        do {
            try writer.encodeValue(value)
        } catch {
            // Foundation's encoder runs next and reports the error with its coding path.
            return nil
        }
        return writer.refused ? nil : writer.bytes
    }

    /// Appends `string` quoted and escaped as Foundation's writer does: `"` and `\` escaped, the control
    /// characters below U+0020 as `\b \f \n \r \t` or `\u00xx`, everything else (`/` included) as is.
    static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var mark = 0
            var index = 0
            while index < count {
                // Eight bytes at a time while none needs an escape: most text needs none at all.
                while index + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < count else { break }
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(start: base + mark, count: index - mark)) }
                    appendEscape(byte, to: &bytes)
                    mark = index + 1
                }
                index += 1
            }
            if count > mark { bytes.append(contentsOf: UnsafeBufferPointer(start: base + mark, count: count - mark)) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes may be below 0x20, a quote or a backslash (never false when one is;
    /// the bytes are then looked at one by one).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return control || hasZeroByte(word ^ 0x2222_2222_2222_2222) || hasZeroByte(word ^ 0x5C5C_5C5C_5C5C_5C5C)
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Appends a key as `appendString` does; returns true when it is ASCII and needed no escape (its bytes
    /// between the quotes are then its UTF-8, which `CanonicalJSONWriter` compares directly).
    static func appendKey(_ key: String, to bytes: inout [UInt8]) -> Bool {
        let start = bytes.count
        appendString(key, to: &bytes)
        let written = bytes.count - start - 2
        guard written == key.utf8.count else { return false }
        for index in (start + 1)..<(bytes.count - 1) where bytes[index] >= 0x80 { return false }
        return true
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendInteger<I: BinaryInteger>(_ value: I, to bytes: inout [UInt8]) {
        if let small = Int64(exactly: value) {
            appendDecimal(small.magnitude, negative: small < 0, to: &bytes)
        } else if let large = UInt64(exactly: value) {
            appendDecimal(large, negative: false, to: &bytes)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    private static func appendDecimal(_ magnitude: UInt64, negative: Bool, to bytes: inout [UInt8]) {
        if negative { bytes.append(UInt8(ascii: "-")) }
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        // UInt64.max has 20 digits; they come out last first.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = magnitude
            var position = digits.count
            while rest > 0 {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }
}

/// One value being written: where its bytes start and what took its place.
private struct Frame {
    enum Kind { case empty, object, array, single }
    var start: Int
    var kind: Kind = .empty
    /// Objects: index of the first of their entries in `CanonicalJSONWriter.entries`, and how many.
    var firstEntry = 0
    var count = 0
}

/// One member of an object being written: the bytes `"key":value`. A plain key (ASCII, written as is) is
/// its bytes between the quotes, and `prefix` holds its first eight bytes big-endian, zero-padded, so most
/// comparisons of two keys are one integer comparison; any other key is kept in `specialKeys`.
private struct Entry {
    let start: Int
    let keyEnd: Int
    var end = 0
    let prefix: UInt64
    /// Index into `CanonicalJSONWriter.specialKeys`, or -1 for a plain key.
    let special: Int
}

/// The `Encoder` behind `CanonicalJSON`. Every value is written in place as soon as it is encoded; an
/// object's members, written in the order the type encodes them, are put in key order when the value's
/// `encode(to:)` returns (Codable has no "container closed" call, but a value's containers end with it).
final class CanonicalJSONWriter: Encoder {
    // Only this writer touches its buffers, one call at a time: the dynamic exclusivity checks that a
    // class's stored properties get would be a fifth of the encoding time.
    @exclusivity(unchecked) fileprivate(set) var bytes: [UInt8]
    /// Set when the value holds something left to Foundation's encoder; the bytes are then meaningless.
    @exclusivity(unchecked) fileprivate(set) var refused = false
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var entries: [Entry] = []
    @exclusivity(unchecked) private var specialKeys: [String] = []
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func refuse() { refused = true }

    /// Writes one value: a primitive directly, anything else through its `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if refused { return }
        if T.self == String.self {
            CanonicalJSON.appendString(unsafeBitCast(value, to: String.self), to: &bytes)
            return
        }
        if T.self == Int.self {
            CanonicalJSON.appendInteger(unsafeBitCast(value, to: Int.self), to: &bytes)
            return
        }
        if T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
            return
        }
        // Foundation's encoder gives these a representation of its own (or formats the number itself).
        if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self || T.self == Decimal.self
        {
            refused = true
            return
        }
        frames.append(Frame(start: bytes.count))
        try value.encode(to: self)
        let frame = frames.removeLast()
        if refused { return }
        switch frame.kind {
        case .empty: refused = true
        case .single: break
        case .array: bytes.append(UInt8(ascii: "]"))
        case .object: closeObject(frame)
        }
    }

    func writeBool(_ value: Bool) {
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    func writeNull() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// The innermost frame, if it is `index`: a container used after its value ended is refused.
    private func isCurrent(_ index: Int) -> Bool {
        if !refused, index >= 0, index == frames.count - 1 { return true }
        refused = true
        return false
    }

    // MARK: Objects

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let index = frames.count - 1
        if !refused, index >= 0 {
            switch frames[index].kind {
            case .empty:
                frames[index].kind = .object
                frames[index].firstEntry = entries.count
                bytes.append(UInt8(ascii: "{"))
            case .object: break  // a second keyed container of the same value adds to the same object
            case .array, .single: refused = true
            }
        } else {
            refused = true
        }
        return KeyedEncodingContainer(CanonicalKeyedContainer<Key>(writer: self, frame: index))
    }

    /// Starts the member `key` of the object of frame `index`; false if that object is not being written.
    func beginMember(_ key: String, of index: Int) -> Bool {
        guard isCurrent(index) else { return false }
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[index].count += 1
        let start = bytes.count
        let plain = CanonicalJSON.appendKey(key, to: &bytes)
        let keyEnd = bytes.count - 1
        var prefix: UInt64 = 0
        if plain {
            for position in 0..<8 {
                let index = start + 1 + position
                prefix = prefix << 8 | UInt64(index < keyEnd ? bytes[index] : 0)
            }
        } else {
            specialKeys.append(key)
        }
        entries.append(Entry(start: start, keyEnd: keyEnd, prefix: prefix, special: plain ? -1 : specialKeys.count - 1))
        bytes.append(UInt8(ascii: ":"))
        return true
    }

    func endMember() {
        entries[entries.count - 1].end = bytes.count
    }

    private func closeObject(_ frame: Frame) {
        let members = frame.firstEntry..<(frame.firstEntry + frame.count)
        // `specialKeys` is left as it is: such keys are rare, and the indices of the entries stay valid.
        defer { entries.removeSubrange(members) }
        if entries[members].contains(where: { $0.special >= 0 }) {
            // Foundation keeps an object's members in a dictionary keyed by `String`, so of two keys equal
            // as strings (canonically equivalent) only the last survives; plain keys are equal as strings
            // exactly when their bytes are, which the sort below finds.
            if Set(entries[members].map(key)).count != frame.count {
                refused = true
                return
            }
        }
        var inOrder = true
        for index in members.dropFirst() where !precedes(entries[index - 1], entries[index]) {
            inOrder = false
            break
        }
        if inOrder {
            bytes.append(UInt8(ascii: "}"))
            return
        }
        let order = members.sorted { precedes(entries[$0], entries[$1]) }
        for position in order.indices.dropFirst() where !precedes(entries[order[position - 1]], entries[order[position]]) {
            refused = true  // a key written twice: Foundation keeps the last one
            return
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(UInt8(ascii: "{"))
        for (position, index) in order.enumerated() {
            if position > 0 { scratch.append(UInt8(ascii: ",")) }
            scratch.append(contentsOf: bytes[entries[index].start..<entries[index].end])
        }
        scratch.append(UInt8(ascii: "}"))
        bytes.replaceSubrange(frame.start..<bytes.count, with: scratch)
    }

    private func key(_ entry: Entry) -> String {
        entry.special >= 0 ? specialKeys[entry.special] : String(decoding: bytes[(entry.start + 1)..<entry.keyEnd], as: UTF8.self)
    }

    /// Foundation's key order: the keys' UTF-8 bytes compared lexicographically.
    private func precedes(_ first: Entry, _ second: Entry) -> Bool {
        if first.special >= 0 || second.special >= 0 { return key(first).utf8.lexicographicallyPrecedes(key(second).utf8) }
        // Plain keys hold no zero byte, so the zero padding orders a key before its extensions.
        if first.prefix != second.prefix { return first.prefix < second.prefix }
        return bytes.withUnsafeBufferPointer { buffer in
            let a = UnsafeBufferPointer(rebasing: buffer[(first.start + 1)..<first.keyEnd])
            let b = UnsafeBufferPointer(rebasing: buffer[(second.start + 1)..<second.keyEnd])
            let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
            return common < 0 || (common == 0 && a.count < b.count)
        }
    }

    // MARK: Arrays and single values

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = frames.count - 1
        if !refused, index >= 0, frames[index].kind == .empty {
            frames[index].kind = .array
            bytes.append(UInt8(ascii: "["))
        } else {
            refused = true
        }
        return CanonicalUnkeyedContainer(writer: self, frame: index)
    }

    /// Starts an element of the array of frame `index`; false if that array is not being written.
    func beginElement(of index: Int) -> Bool {
        guard isCurrent(index) else { return false }
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[index].count += 1
        return true
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleValueContainer(writer: self, frame: frames.count - 1)
    }

    /// Claims frame `index` for its one value; false if it is not current or already holds something.
    func beginSingleValue(of index: Int) -> Bool {
        guard isCurrent(index), frames[index].kind == .empty else {
            refused = true
            return false
        }
        frames[index].kind = .single
        return true
    }
}

private struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: CanonicalJSONWriter
    let frame: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        guard writer.beginMember(key.stringValue, of: frame) else { return }
        writer.writeNull()
        writer.endMember()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        guard writer.beginMember(key.stringValue, of: frame) else { return }
        writer.writeBool(value)
        writer.endMember()
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        guard writer.beginMember(key.stringValue, of: frame) else { return }
        CanonicalJSON.appendString(value, to: &writer.bytes)
        writer.endMember()
    }

    mutating func encode(_ value: Double, forKey key: Key) throws { writer.refuse() }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.refuse() }
    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    private func integer<I: BinaryInteger>(_ value: I, _ key: Key) throws {
        guard writer.beginMember(key.stringValue, of: frame) else { return }
        CanonicalJSON.appendInteger(value, to: &writer.bytes)
        writer.endMember()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard writer.beginMember(key.stringValue, of: frame) else { return }
        try writer.encodeValue(value)
        writer.endMember()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0)
    }
}

private struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: CanonicalJSONWriter
    let frame: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: CanonicalJSONWriter, frame: Int) {
        self.writer = writer
        self.frame = frame
    }

    private mutating func begin() -> Bool {
        guard writer.beginElement(of: frame) else { return false }
        count += 1
        return true
    }

    mutating func encodeNil() throws {
        guard begin() else { return }
        writer.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        guard begin() else { return }
        writer.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        guard begin() else { return }
        CanonicalJSON.appendString(value, to: &writer.bytes)
    }

    mutating func encode(_ value: Double) throws { writer.refuse() }
    mutating func encode(_ value: Float) throws { writer.refuse() }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private mutating func integer<I: BinaryInteger>(_ value: I) throws {
        guard begin() else { return }
        CanonicalJSON.appendInteger(value, to: &writer.bytes)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard begin() else { return }
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.refuse()
        return CanonicalJSONWriter(capacity: 0)
    }
}

private struct CanonicalSingleValueContainer: SingleValueEncodingContainer {
    let writer: CanonicalJSONWriter
    let frame: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        guard writer.beginSingleValue(of: frame) else { return }
        writer.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        guard writer.beginSingleValue(of: frame) else { return }
        writer.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        guard writer.beginSingleValue(of: frame) else { return }
        CanonicalJSON.appendString(value, to: &writer.bytes)
    }

    mutating func encode(_ value: Double) throws { writer.refuse() }
    mutating func encode(_ value: Float) throws { writer.refuse() }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private func integer<I: BinaryInteger>(_ value: I) throws {
        guard writer.beginSingleValue(of: frame) else { return }
        CanonicalJSON.appendInteger(value, to: &writer.bytes)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard writer.beginSingleValue(of: frame) else { return }
        try writer.encodeValue(value)
    }
}
