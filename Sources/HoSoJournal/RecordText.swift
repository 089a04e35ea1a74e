import Foundation

/// Records that travel one text at a time (a server's rows), written and read as fast as a data directory's
/// lines: `CanonicalJSON` and the tape decoder, each else Foundation's coder for whatever it leaves.
package enum RecordText {
    /// Equal strings of the records decoded through one `Strings` share storage; one per thread.
    package final class Strings {
        let table = StringTable()
        package init() {}
    }

    /// The JSON text the data directory writes (sorted keys, slashes unescaped): `CanonicalJSON`, else
    /// Foundation's encoder, byte for byte the same (a commit's largest cost on the client was Foundation's).
    package static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let bytes = CanonicalJSON.encode(value) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    package static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>, strings: Strings) throws -> T {
        if let value = try? RecordDecoder.decode(T.self, from: bytes, strings: strings.table) { return value }
        return try JSONDecoder().decode(T.self, from: Data(buffer: bytes))
    }
}
