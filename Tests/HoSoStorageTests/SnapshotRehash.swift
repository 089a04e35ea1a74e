import Foundation
@testable import HoSoStorage

/// Recomputes the `recordsHash` of a snapshot after a test edited its record lines by hand: what someone
/// who knows the format would do to get an edit past the records hash, so the defences behind it (the
/// deferred parts, the duplicate ids) can still be tested.
func rehashSnapshotRecords(_ path: String) {
    var bytes = readFile(path)
    guard let hash = SnapshotCoding.recordsHash(bytes), let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return }
    var header = String(decoding: bytes[..<newline], as: UTF8.self)
    guard let key = header.range(of: #""recordsHash":""#) else { return }
    let value = key.upperBound..<header.index(key.upperBound, offsetBy: 64)
    header.replaceSubrange(value, with: hash)
    bytes.replaceSubrange(..<newline, with: Array(header.utf8))
    writeFile(path, bytes)
}
