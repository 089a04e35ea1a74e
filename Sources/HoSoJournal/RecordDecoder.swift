import Foundation
import HoSoDomain

/// A strict, fast JSON decoder for loading many records: one pass builds a flat tape of the values, and
/// `Decodable` types read straight from it (keys found by comparing bytes, no dictionary per object,
/// no coding paths). It only has to be right when it succeeds: any failure — bad JSON, a wrong type, a
/// number it does not read exactly — is answered by decoding again with Foundation's `JSONDecoder`, which
/// gives the error its precise place. So it refuses whatever it is unsure of rather than guessing.
enum RecordDecoder {
    struct Failure: Error {}

    /// `strings` lets equal strings of many records share one storage; pass one table per thread.
    /// With `deferral`, large arrays are only checked and kept as bytes: a type that decodes with a
    /// `DeferringDecoder` (a file's history) gets them undecoded, any other decodes them as usual.
    static func decode<T: Decodable>(
        _ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>, strings: StringTable = StringTable(), deferral: DeferralSource? = nil
    ) throws -> T {
        try decode(T.self, from: try Tape(bytes, strings: strings, deferral: deferral))
    }

    /// A value from a tape already built (to look into it first, see `RecordProbe`).
    static func decode<T: Decodable>(_ type: T.Type, from tape: Tape) throws -> T {
        try T(from: TapeDecoder(tape: tape, node: 0))
    }

    /// A value kept as bytes at load, decoded now: the fast decoder, else Foundation's (whose error names
    /// the place).
    static func decodeDeferred<T: Decodable>(_ type: T.Type, from source: SnapshotBytes, range: Range<Int>) throws -> T {
        try source.withBytes(range) { slice in
            if let value = try? decode(T.self, from: slice) { return value }
            do {
                return try JSONDecoder().decode(T.self, from: Data(buffer: slice))
            } catch {
                throw DeferredDecodingFailure(reason: DecodingFailure.describe(error))
            }
        }
    }
}

/// Where a tape's deferred values are decoded from later: the snapshot's bytes (kept by the closures
/// that decode them) and where the tape's own bytes start in them.
struct DeferralSource: Sendable {
    let source: SnapshotBytes
    let offset: Int
    /// Arrays at least this long are deferred; shorter ones cost less to decode than to keep aside.
    static let minimumBytes = 512
}

/// Equal strings decoded through one table share one storage. A file's history repeats the same actors,
/// actions, field names and summaries; as separate allocations they were most of the memory of a loaded
/// store, and finding a string again is cheaper than allocating and validating it. Not thread-safe.
final class StringTable {
    private var buckets: [Int: [String]] = [:]
    /// Strings this short live inline in the `String` value, and long ones are rarely repeated.
    private static let interned = 16...512

    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard Self.interned.contains(bytes.count) else { return Self.validated(bytes) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let candidates = buckets[hash] {
            for candidate in candidates where Self.equal(candidate, bytes) { return candidate }
        }
        guard let text = Self.validated(bytes) else { return nil }
        buckets[hash, default: []].append(text)
        return text
    }

    /// The text of `bytes`, nil unless they are valid UTF-8. `String(validating:as:)` is generic over the
    /// encoding and instantiated type metadata at every call (a third of the strings' cost at load);
    /// `String(decoding:as:)` is specialized for UTF-8 but repairs what is invalid, so the result is
    /// compared with the bytes: only valid UTF-8 decodes to exactly its own bytes.
    static func validated(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return equal(text, bytes) ? text : nil
    }

    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { stored in
            guard stored.count == bytes.count else { return false }
            guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(storedBase, base, bytes.count) == 0
        } ?? text.utf8.elementsEqual(bytes)
    }
}

/// The parsed values in document order. Containers are followed by their children; `next` is the index
/// just past a value's whole subtree, so siblings are one hop apart.
final class Tape {
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, `true`, `false`, null
        /// An array checked but not parsed into nodes (`start..<end` are its bytes), see `DeferralSource`.
        case deferred
    }

    struct Node {
        var kind: Kind
        /// Strings: the bytes between the quotes; numbers: the literal; containers: the element count in `start`.
        var start: Int
        var end: Int
        var next: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: TapeNodes
    let strings: StringTable
    let deferral: DeferralSource?

    init(_ bytes: UnsafeBufferPointer<UInt8>, strings: StringTable, deferral: DeferralSource? = nil) throws {
        self.bytes = bytes
        self.strings = strings
        self.deferral = deferral
        var builder = TapeBuilder(bytes: bytes, defersArrays: deferral != nil)
        do {
            nodes = try builder.parseDocument()
        } catch {
            builder.nodes.deallocate()
            throw error
        }
    }

    deinit { nodes.deallocate() }

    /// The tape of a deferred array, for a type that decodes it now.
    func expanded(_ index: Int) throws -> Tape {
        let node = nodes[index]
        return try Tape(UnsafeBufferPointer(rebasing: bytes[node.start..<node.end]), strings: strings)
    }

    // MARK: - Reading values

    func string(at index: Int) throws -> String {
        let node = nodes[index]
        switch node.kind {
        case .string:
            guard let text = strings.string(UnsafeBufferPointer(rebasing: bytes[node.start..<node.end])) else {
                throw RecordDecoder.Failure()
            }
            return text
        case .escapedString:
            return try unescaped(node.start..<node.end)
        default:
            throw RecordDecoder.Failure()
        }
    }

    private func unescaped(_ range: Range<Int>) throws -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var cursor = range.lowerBound
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= range.upperBound else { throw RecordDecoder.Failure() }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = bytes[at + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw RecordDecoder.Failure()
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while cursor < range.upperBound {
            let byte = bytes[cursor]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                cursor += 1
                continue
            }
            guard cursor + 1 < range.upperBound else { throw RecordDecoder.Failure() }
            switch bytes[cursor + 1] {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(cursor + 2)
                cursor += 6
                if (0xD800..<0xDC00).contains(scalar) {
                    guard cursor + 1 < range.upperBound, bytes[cursor] == UInt8(ascii: "\\"), bytes[cursor + 1] == UInt8(ascii: "u") else {
                        throw RecordDecoder.Failure()
                    }
                    let low = try hex4(cursor + 2)
                    guard (0xDC00..<0xE000).contains(low) else { throw RecordDecoder.Failure() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    cursor += 6
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw RecordDecoder.Failure() }
                output.append(contentsOf: String(unicode).utf8)
                continue
            default:
                throw RecordDecoder.Failure()
            }
            cursor += 2
        }
        guard let text = output.withUnsafeBufferPointer(StringTable.validated) else { throw RecordDecoder.Failure() }
        return text
    }

    /// Whether the key at `index` has the bytes `wanted` (an escaped key is unescaped first).
    private func key(at index: Int, equals wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[index]
        if node.kind == .escapedString {
            guard let text = try? unescaped(node.start..<node.end) else { return false }
            return text.utf8.elementsEqual(wanted)
        }
        guard wanted.count == node.end - node.start else { return false }
        guard let base = wanted.baseAddress, let haystack = bytes.baseAddress else { return wanted.isEmpty }
        return memcmp(base, haystack + node.start, wanted.count) == 0
    }

    /// An integer literal read exactly: no fraction, no exponent, no leading zeros, no overflow.
    func integer(at index: Int) throws -> Int64 {
        let node = nodes[index]
        guard node.kind == .number else { throw RecordDecoder.Failure() }
        var cursor = node.start
        let negative = bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        guard cursor < node.end, node.end - cursor <= 18 else { throw RecordDecoder.Failure() }
        if bytes[cursor] == UInt8(ascii: "0"), node.end - cursor > 1 { throw RecordDecoder.Failure() }
        var value: Int64 = 0
        while cursor < node.end {
            let byte = bytes[cursor]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw RecordDecoder.Failure() }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            cursor += 1
        }
        return negative ? -value : value
    }

    func double(at index: Int) throws -> Double {
        let node = nodes[index]
        guard node.kind == .number else { throw RecordDecoder.Failure() }
        if let exact = try? integer(at: index) { return Double(exact) }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[node.start..<node.end]), as: UTF8.self)),
              value.isFinite
        else { throw RecordDecoder.Failure() }
        return value
    }

    func bool(at index: Int) throws -> Bool {
        switch nodes[index].kind {
        case .true: true
        case .false: false
        default: throw RecordDecoder.Failure()
        }
    }

    /// The value of `key` in the object at `object`, if present.
    func member(_ key: String, of object: Int) -> Int? {
        var key = key
        // The key's bytes are fetched once, not once per member compared.
        return key.withUTF8 { wanted in
            var cursor = object + 1
            let end = nodes[object].next
            while cursor < end {
                if self.key(at: cursor, equals: wanted) { return cursor + 1 }
                cursor = nodes[cursor + 1].next
            }
            return nil
        }
    }
}

/// Finding the end of a JSON string eight bytes at a time.
enum StringScan {
    /// The high bit of each byte of `word` (little-endian: the first byte lowest) that is a quote, a
    /// backslash or below 0x20, by the classic bit tricks (a byte equal to zero after the XOR, or less than
    /// 0x20, sets its high bit). A borrow can flag a byte above a flagged one by mistake, never below: the
    /// lowest flag is a true one, and a word without any flag has none of these bytes.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs
    }
}

/// The nodes of a tape in one allocation the tape owns (`Tape.deinit` frees it): read through a pointer,
/// without an array's retain, release and bounds check at each of the millions of reads a store's decoding
/// makes. Indices come from the builder's own structure.
struct TapeNodes {
    private(set) var base: UnsafeMutablePointer<Tape.Node>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    mutating func append(_ node: Tape.Node) {
        if count == capacity {
            // Nodes are plain values: moving them is a copy of their bytes.
            let larger = UnsafeMutablePointer<Tape.Node>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: node)
        count += 1
    }

    subscript(index: Int) -> Tape.Node {
        get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        nonmutating set {
            assert(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    var first: Tape.Node? { count > 0 ? base[0] : nil }

    /// Frees the nodes (once, by their owner).
    func deallocate() { base.deallocate() }
}

/// One pass over the bytes, strict about the grammar (a value it is unsure of fails the whole decode).
private struct TapeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let defersArrays: Bool
    var nodes: TapeNodes
    var position = 0
    static let maximumDepth = 256

    init(bytes: UnsafeBufferPointer<UInt8>, defersArrays: Bool = false) {
        self.bytes = bytes
        self.defersArrays = defersArrays
        nodes = TapeNodes(capacity: bytes.count / (defersArrays ? 48 : 12))
    }

    private mutating func append(_ node: Tape.Node) {
        nodes.append(node)
    }

    mutating func parseDocument() throws -> TapeNodes {
        skipWhitespace()
        try parseValue(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw RecordDecoder.Failure() }
        return nodes
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws {
        guard position < bytes.count, depth < Self.maximumDepth else { throw RecordDecoder.Failure() }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try parseContainer(.object, closing: UInt8(ascii: "}")) { builder in
                guard builder.position < builder.bytes.count, builder.bytes[builder.position] == UInt8(ascii: "\"") else {
                    throw RecordDecoder.Failure()
                }
                try builder.parseString()
                builder.skipWhitespace()
                guard builder.position < builder.bytes.count, builder.bytes[builder.position] == UInt8(ascii: ":") else {
                    throw RecordDecoder.Failure()
                }
                builder.position += 1
                builder.skipWhitespace()
                try builder.parseValue(depth: depth + 1)
            }
        case UInt8(ascii: "[") where defersArrays:
            let start = position
            try skipArray()
            if position - start >= DeferralSource.minimumBytes {
                nodes.append(Tape.Node(kind: .deferred, start: start, end: position, next: nodes.count + 1))
            } else {
                // Short: parsed now, cheaper later than keeping it aside.
                position = start
                try parseContainer(.array, closing: UInt8(ascii: "]")) { builder in try builder.parseValue(depth: depth + 1) }
            }
        case UInt8(ascii: "["):
            try parseContainer(.array, closing: UInt8(ascii: "]")) { builder in try builder.parseValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            try parseString()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        default:
            try parseNumber()
        }
    }

    /// An object or array: `element` reads one member or element; separators and the count are kept here.
    private mutating func parseContainer(_ kind: Tape.Kind, closing: UInt8, element: (inout TapeBuilder) throws -> Void) throws {
        let index = nodes.count
        append(Tape.Node(kind: kind, start: 0, end: 0, next: 0))
        position += 1
        skipWhitespace()
        var count = 0
        if position < bytes.count, bytes[position] == closing {
            position += 1
        } else {
            while true {
                try element(&self)
                count += 1
                skipWhitespace()
                guard position < bytes.count else { throw RecordDecoder.Failure() }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    skipWhitespace()
                } else if bytes[position] == closing {
                    position += 1
                    break
                } else {
                    throw RecordDecoder.Failure()
                }
            }
        }
        nodes[index].start = count
        nodes[index].next = nodes.count
    }

    private mutating func literal(_ word: StaticString, _ kind: Tape.Kind) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw RecordDecoder.Failure() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw RecordDecoder.Failure() }
        append(Tape.Node(kind: kind, start: position, end: position + count, next: nodes.count + 1))
        position += count
    }

    mutating func parseString() throws {
        let start = position + 1
        let (end, escaped) = try endOfString(from: start)
        append(Tape.Node(kind: escaped ? .escapedString : .string, start: start, end: end, next: nodes.count + 1))
        position = end + 1
    }

    /// The index of the quote closing the string whose text starts at `start`, and whether it has escapes.
    @inline(__always)
    private func endOfString(from start: Int) throws -> (end: Int, escaped: Bool) {
        var cursor = start
        var escaped = false
        // High bits seen: a string with a byte above 0x7F is checked to be UTF-8 here, whether or not it is
        // ever decoded (a key, or the value of a member no type reads), as Foundation checks the whole text.
        var nonASCII: UInt64 = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { throw RecordDecoder.Failure() }
        while true {
            // Eight bytes at a time while none of them ends the string, escapes or is a control byte
            // (strings are most of a record's bytes: names, notes, the history's seals), then straight to
            // the first one that does: the lowest byte the mask flags is always a true one.
            while cursor &+ 8 <= count {
                let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
                let mask = StringScan.specialBytes(word)
                if mask != 0 {
                    // Only the bytes before the flagged one belong to this stretch of the string.
                    let kept = mask.trailingZeroBitCount >> 3
                    nonASCII |= kept == 0 ? 0 : word & (0x8080_8080_8080_8080 >> (64 - 8 * UInt64(kept)))
                    cursor &+= kept
                    break
                }
                nonASCII |= word & 0x8080_8080_8080_8080
                cursor &+= 8
            }
            guard cursor < count else { throw RecordDecoder.Failure() }
            let byte = base[cursor]
            if byte == UInt8(ascii: "\"") {
                if nonASCII != 0, !UTF8Validation.isValid(UnsafeBufferPointer(start: base + start, count: cursor - start)) {
                    throw RecordDecoder.Failure()
                }
                return (cursor, escaped)
            }
            if byte >= 0x80 { nonASCII = 1 }
            if byte < 0x20 { throw RecordDecoder.Failure() }
            if byte == UInt8(ascii: "\\") {
                // The escape is checked here, read or not, as Foundation does: one of \" \\ \/ \b \f \n \r \t, or
                // \u and four hex digits.
                guard cursor + 1 < count else { throw RecordDecoder.Failure() }
                switch base[cursor + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                    UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    guard cursor + 5 < count else { throw RecordDecoder.Failure() }
                    for offset in 2...5 where !base[cursor + offset].isHexDigit { throw RecordDecoder.Failure() }
                default:
                    throw RecordDecoder.Failure()
                }
                escaped = true
                cursor += 2
            } else {
                cursor += 1
            }
        }
    }

    /// Moves past the array at `position` without making nodes: strings must close (no raw control
    /// bytes) and brackets must pair; the rest of the grammar is checked when the array is decoded, and
    /// a failure then is reported for that value alone (`DeferredDecodingFailure`).
    private mutating func skipArray() throws {
        guard let base = bytes.baseAddress else { throw RecordDecoder.Failure() }
        // One bit per open bracket, 1 for an object: deeper nesting than 64 is refused here.
        var openers: UInt64 = 0
        var depth = 0
        var cursor = position
        while cursor < bytes.count {
            switch base[cursor] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                guard depth < 64 else { throw RecordDecoder.Failure() }
                openers = openers << 1 | (base[cursor] == UInt8(ascii: "{") ? 1 : 0)
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard depth > 0, (openers & 1 == 1) == (base[cursor] == UInt8(ascii: "}")) else { throw RecordDecoder.Failure() }
                openers >>= 1
                depth -= 1
                if depth == 0 {
                    position = cursor + 1
                    return
                }
            case UInt8(ascii: "\""):
                cursor = try endOfString(from: cursor + 1).end
            default:
                break
            }
            cursor += 1
        }
        throw RecordDecoder.Failure()
    }

    /// A number as JSON writes it, read or not (Foundation refuses "3.", "01", "1e" and "-" anywhere in the
    /// text): `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber() throws {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw RecordDecoder.Failure() }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw RecordDecoder.Failure() }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw RecordDecoder.Failure() }
        }
        append(Tape.Node(kind: .number, start: start, end: position, next: nodes.count + 1))
    }

}

/// One position in the tape seen as a `Decoder`; containers make new ones for their children.
private struct TapeDecoder: Decoder, SingleValueDecodingContainer, DeferringDecoder {
    let tape: Tape
    let node: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.nodes[node].kind == .object else { throw RecordDecoder.Failure() }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(tape: tape, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if tape.nodes[node].kind == .deferred { return TapeUnkeyedContainer(tape: try tape.expanded(node), array: 0) }
        guard tape.nodes[node].kind == .array else { throw RecordDecoder.Failure() }
        return TapeUnkeyedContainer(tape: tape, array: node)
    }

    func deferredDecoding<T: Decodable & Sendable>(of type: T.Type) -> (@Sendable () throws -> T)? {
        let deferred = tape.nodes[node]
        guard deferred.kind == .deferred, let source = tape.deferral else { return nil }
        let bytes = source.source
        let range = (source.offset + deferred.start)..<(source.offset + deferred.end)
        return { try RecordDecoder.decodeDeferred(T.self, from: bytes, range: range) }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { tape.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: node) }
    func decode(_ type: String.Type) throws -> String { try tape.string(at: node) }
    func decode(_ type: Double.Type) throws -> Double { try tape.double(at: node) }
    func decode(_ type: Float.Type) throws -> Float {
        let value = try tape.double(at: node)
        guard let exact = Float(exactly: value) else { throw RecordDecoder.Failure() }
        return exact
    }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    private func integer<T: FixedWidthInteger>() throws -> T {
        guard let value = T(exactly: try tape.integer(at: node)) else { throw RecordDecoder.Failure() }
        return value
    }
}

private struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: Tape
    let object: Int
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var cursor = object + 1
        while cursor < tape.nodes[object].next {
            if let name = try? tape.string(at: cursor), let key = Key(stringValue: name) { keys.append(key) }
            cursor = tape.nodes[cursor + 1].next
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { tape.member(key.stringValue, of: object) != nil }

    private func value(_ key: Key) throws -> TapeDecoder {
        guard let node = tape.member(key.stringValue, of: object) else { throw RecordDecoder.Failure() }
        return TapeDecoder(tape: tape, node: node)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: value(key)) }

    // One search for the key: the defaults look it up three times (contains, decodeNil, decode), and most
    // optional fields of a file are absent.
    private func present(_ key: Key) -> TapeDecoder? {
        guard let node = tape.member(key.stringValue, of: object), tape.nodes[node].kind != .null else { return nil }
        return TapeDecoder(tape: tape, node: node)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.decode(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.decode(type) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key)?.decode(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.decode(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key).map { try T(from: $0) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try value(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        guard let node = tape.member("super", of: object) else { throw RecordDecoder.Failure() }
        return TapeDecoder(tape: tape, node: node)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

private struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let tape: Tape
    let array: Int
    private var cursor: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { tape.nodes[array].start }
    var isAtEnd: Bool { currentIndex >= tape.nodes[array].start }

    init(tape: Tape, array: Int) {
        self.tape = tape
        self.array = array
        cursor = array + 1
    }

    private mutating func next() throws -> TapeDecoder {
        guard !isAtEnd else { throw RecordDecoder.Failure() }
        let decoder = TapeDecoder(tape: tape, node: cursor)
        cursor = tape.nodes[cursor].next
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw RecordDecoder.Failure() }
        guard tape.nodes[cursor].kind == .null else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

/// Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF), without
/// making a `String`: what Foundation's decoder refuses in any string of the text.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return false }
            index += length
        }
        return true
    }
}

extension UInt8 {
    /// 0-9, a-f or A-F.
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
