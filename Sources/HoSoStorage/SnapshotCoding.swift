import Foundation

/// Stable snapshot bytes: sorted keys, records sorted by id (bytewise), pretty, trailing newline.
enum SnapshotCoding {
    static func encode<Value>(_ snapshot: Snapshot<Value>) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(snapshot))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    static func sortedRecords<Value>(_ records: [String: StoredRecord<Value>]) -> [StoredRecord<Value>] {
        records.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }
}
