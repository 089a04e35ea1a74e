import Crypto

/// One committed batch, as one line of a journal segment.
struct JournalEntry<Value: JournalValue>: Codable, Sendable {
    let seq: Int
    let time: String
    let actor: String
    let changes: [JournalChange<Value>]
    let prevHash: String
}

/// One record's change inside a journal entry: the whole new value (a new record, or a type written
/// whole), or a patch of the previous revision (what changed); neither removes the record (a restore).
struct JournalChange<Value: JournalValue>: Codable, Sendable {
    let id: String
    let revisionBefore: Int?
    let revision: Int
    let summary: String
    let value: Value?
    var patch: Value.Patch? = nil

    /// Whether the change removes the record.
    var removes: Bool { value == nil && patch == nil }
}

/// The parts of an entry that integrity checks need, readable whatever the record type.
struct JournalEntryHeader: Codable, Sendable {
    let seq: Int
    let prevHash: String
}

/// The byte layout of a journal line: `{"entry":<canonical entry JSON>,"hash":"<sha256 hex>"}` + newline.
///
/// The hash covers the exact bytes of the entry (which include `prevHash`), so verifying never depends
/// on re-encoding a value to the same bytes; the line is still plain JSON for scripts.
enum JournalLine {
    static let genesisHash = String(repeating: "0", count: 64)
    private static let prefix = Array(#"{"entry":"#.utf8)
    private static let hashPrefix = Array(#","hash":""#.utf8)
    private static let suffix = Array(#""}"#.utf8)

    static func make(entryBytes: [UInt8]) -> (line: [UInt8], hash: String) {
        let hash = sha256Hex(entryBytes)
        var line: [UInt8] = []
        line.reserveCapacity(prefix.count + entryBytes.count + hashPrefix.count + 64 + suffix.count + 1)
        line.append(contentsOf: prefix)
        line.append(contentsOf: entryBytes)
        line.append(contentsOf: hashPrefix)
        line.append(contentsOf: hash.utf8)
        line.append(contentsOf: suffix)
        line.append(UInt8(ascii: "\n"))
        return (line, hash)
    }

    /// The entry bytes of a line (without its newline) and its stored hash, if the layout and hash are right.
    static func parse(_ line: ArraySlice<UInt8>) -> Parsed {
        let minimum = prefix.count + hashPrefix.count + 64 + suffix.count
        guard line.count > minimum, line.starts(with: prefix), line.suffix(suffix.count).elementsEqual(suffix) else {
            return .malformed
        }
        let hashStart = line.endIndex - suffix.count - 64
        let hashPrefixStart = hashStart - hashPrefix.count
        guard line[hashPrefixStart..<hashStart].elementsEqual(hashPrefix) else { return .malformed }
        let storedHash = String(decoding: line[hashStart..<(hashStart + 64)], as: UTF8.self)
        let entry = line[(line.startIndex + prefix.count)..<hashPrefixStart]
        guard sha256Hex(entry) == storedHash else { return .hashMismatch }
        return .valid(entry: entry, hash: storedHash)
    }

    enum Parsed {
        case valid(entry: ArraySlice<UInt8>, hash: String)
        case malformed
        case hashMismatch
    }

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// SHA-256 of `bytes`, hashed where they are.
    static func sha256(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBytes { Array(SHA256.hash(data: $0)) }
    }

    /// Lowercase hex of `bytes`.
    static func hex<Bytes: Sequence>(_ sequence: Bytes) -> String where Bytes.Element == UInt8 {
        let bytes = Array(sequence)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { hex in
            var position = 0
            for byte in bytes {
                hex[position] = CanonicalJSON.hexDigits[Int(byte >> 4)]
                hex[position + 1] = CanonicalJSON.hexDigits[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
    }

    /// The bytes of lowercase or uppercase hex, nil when it is not hex of whole bytes.
    static func bytes<Hex: Collection>(hex: Hex) -> [UInt8]? where Hex.Element == UInt8 {
        guard hex.count.isMultiple(of: 2) else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(hex.count / 2)
        var iterator = hex.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let high = value(high), let low = value(low) else { return nil }
            result.append(high << 4 | low)
        }
        return result
    }

    static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        // Contiguous bytes (every caller's) are hashed where they are, without a copy.
        if bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.update(data: Array(bytes))
        }
        return hex(hasher.finalize())
    }
}
