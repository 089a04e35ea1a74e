/// One record as stored: its value plus the bookkeeping the store keeps for compare-and-swap and history.
public struct StoredRecord<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// Unique id of the record.
    public let id: String
    /// Starts at 1 and grows by one with every change; the compare-and-swap token.
    public let revision: Int
    /// The record itself.
    public let value: Value
    /// Who made the last change.
    public let changedBy: String
    /// When the last change was made, ISO-8601 UTC.
    public let changedAt: String

    /// Makes a stored record.
    public init(id: String, revision: Int, value: Value, changedBy: String, changedAt: String) {
        self.id = id
        self.revision = revision
        self.value = value
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}

/// One change in a batch: the new value of a record, valid only if the record is still at `expectedRevision`.
public struct RecordChange<Value: Codable & Sendable & Equatable>: Sendable, Equatable {
    /// Record id.
    public let id: String
    /// The revision the edit started from; `nil` means the record must not exist yet.
    public let expectedRevision: Int?
    /// The new value.
    public let newValue: Value
    /// What changed, in words, for the history (kept forever: no more personal data than needed).
    public let summary: String

    /// Makes a change.
    public init(id: String, expectedRevision: Int?, newValue: Value, summary: String) {
        self.id = id
        self.expectedRevision = expectedRevision
        self.newValue = newValue
        self.summary = summary
    }
}
