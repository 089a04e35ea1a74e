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
