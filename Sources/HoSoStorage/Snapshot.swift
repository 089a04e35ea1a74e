/// `snapshot.json`: the whole state as of journal entry `seq`; later entries live in segments from `segment` on.
struct Snapshot<Value: Codable & Sendable & Equatable>: Codable, Sendable {
    let schemaVersion: Int
    let seq: Int
    let lastHash: String
    let segment: Int
    let records: [StoredRecord<Value>]
}

/// The first thing read from a snapshot, before trusting anything else in it.
struct SchemaVersionHeader: Codable, Sendable {
    let schemaVersion: Int
}

/// The fields of a snapshot other than its records.
struct SnapshotHeader: Codable, Sendable {
    let schemaVersion: Int
    let seq: Int
    let lastHash: String
    let segment: Int
}

/// The record lines of the snapshot a store was loaded from, by record id: a later snapshot or backup
/// copies the line of a record no journal entry has touched since, instead of decoding its deferred
/// parts and encoding it again (most records, most of the time).
struct SnapshotLines: Sendable {
    let bytes: [UInt8]
    var ranges: [String: Range<Int>]

    /// The stored line of `id`, if the record is still as it was read.
    func line(of id: String) -> ArraySlice<UInt8>? {
        ranges[id].map { bytes[$0] }
    }
}
