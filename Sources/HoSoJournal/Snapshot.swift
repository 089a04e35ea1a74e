/// `snapshot.json`: the whole state as of journal entry `seq`; later entries live in segments from `segment` on.
struct Snapshot<Value: Codable & Sendable & Equatable>: Codable, Sendable {
    let schemaVersion: Int
    let seq: Int
    let lastHash: String
    let segment: Int
    let records: [StoredRecord<Value>]
    /// SHA-256 over the SHA-256 of each record line, in order (`SnapshotCoding.recordsHash`): an edit of
    /// any record field breaks it. Written by every snapshot and backup; nil in those written before it.
    var recordsHash: String? = nil
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
    /// See `Snapshot.recordsHash`.
    var recordsHash: String? = nil
}

/// The record lines of the snapshot a store was loaded from, by record id: a later snapshot or backup
/// copies the line of a record no journal entry has touched since, instead of decoding its deferred
/// parts and encoding it again (most records, most of the time).
struct SnapshotLines: Sendable {
    /// Where the lines are read from (positions below are its positions).
    let source: SnapshotBytes
    let header: SnapshotHeader
    /// The snapshot's size in bytes.
    let size: Int
    /// Every record line, in order.
    let all: [Range<Int>]
    var ranges: [String: Range<Int>]

    /// The stored line of `id`, if the record is still as it was read (and its line can still be read).
    func line(of id: String) -> [UInt8]? {
        ranges[id].flatMap { source.bytes($0) }
    }

    /// The digest of each group of lines: kept by a load that read the file through its groups, else
    /// computed from the bytes held.
    func groupDigests() -> [[UInt8]]? {
        if let kept = source.groupDigests { return kept }
        return (try? source.withBytes(0..<size) { SnapshotCoding.groupDigests($0, all) }) ?? nil
    }
}
