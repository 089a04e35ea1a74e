import Foundation

/// Records that arrive one text at a time (a server's rows), decoded as fast as a data directory's lines:
/// the tape decoder, else Foundation's `JSONDecoder` for whatever it refuses (and for the error).
package enum RecordText {
    /// Equal strings of the records decoded through one `Strings` share storage; one per thread.
    package final class Strings {
        let table = StringTable()
        package init() {}
    }

    package static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>, strings: Strings) throws -> T {
        if let value = try? RecordDecoder.decode(T.self, from: bytes, strings: strings.table) { return value }
        return try JSONDecoder().decode(T.self, from: Data(buffer: bytes))
    }
}
