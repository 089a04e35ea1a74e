import Foundation
import HoSoStorage

/// Recomputes the `recordsHash` in the header of the snapshot at `path` after a test edited its record
/// lines by hand: what someone who knows the format would do to get an edit past the records hash, so
/// that the defences behind it (deferred parts, duplicate ids, history seals) can still be tested.
public func rehashSnapshotRecords(_ path: String) {
    guard var bytes = FileManager.default.contents(atPath: path).map(Array.init), let hash = SnapshotRecordsHash.of(bytes),
          let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return }
    var header = String(decoding: bytes[..<newline], as: UTF8.self)
    guard let key = header.range(of: #""recordsHash":""#) else { return }
    header.replaceSubrange(key.upperBound..<header.index(key.upperBound, offsetBy: 64), with: hash)
    bytes.replaceSubrange(..<newline, with: Array(header.utf8))
    FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
}
