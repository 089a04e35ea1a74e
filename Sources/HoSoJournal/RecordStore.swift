import Foundation

/// What HoSo's persistence needs of a store of records, whatever keeps them: the data directory's
/// journal (`JournalStore`) or a database server (the PostgreSQL backend). Every guarantee the
/// repository relies on is stated here, so a second backend cannot quietly drop one:
/// - `commit` is all or nothing, and a change lands only if its record is still at the expected
///   revision (compare-and-swap); a conflict names who changed the record and when.
/// - `update` reads and writes one record with no other save in between (counts of sign-in attempts);
///   `exclusively` does the same for any number of records read and committed by a caller (a command).
/// - `refresh` picks up what other processes committed; `hasExternalChanges` is cheap enough to poll.
/// - `check` reports tampering and damage; it never repairs behind the person's back.
package protocol RecordStore<Value>: AnyObject, Sendable {
    associatedtype Value: Codable & Sendable & Equatable

    /// Where the records are, for people: a directory path, or a server address without its password.
    var location: String { get }
    /// Whether some records were left unread by a partial open.
    var isPartial: Bool { get }
    /// Every record by id, as of the last save or refresh.
    var records: [String: StoredRecord<Value>] { get }
    /// One record, or nil.
    func record(id: String) -> StoredRecord<Value>?
    /// Grows with every commit by anyone; equal sequences mean equal records.
    var sequence: Int { get }

    /// Saves a batch atomically, each change only if its record is still at its expected revision.
    func commit(_ changes: [RecordChange<Value>], actor: String, now: Date) throws(StoreError) -> [StoredRecord<Value>]
    /// Reads record `id` as it is now, lets `decide` say what it becomes (nil: leave it), and saves that,
    /// with no other save between the read and the write.
    func updateRecord<T>(
        id: String, actor: String, now: Date, _ decide: (StoredRecord<Value>?) -> (newValue: Value?, summary: String, result: T)
    ) throws(StoreError) -> T

    /// Runs `body` on the records as committed now, holding the store's write lock until it returns, so
    /// its commits meet no change made meanwhile by another HoSo (a command decided under the lock).
    func exclusively<T>(_ body: () -> T) throws(StoreError) -> T

    /// Applies what others committed; true when anything changed.
    func refresh() throws(StoreError) -> Bool
    /// Whether others committed since the last refresh, without reading any record.
    func hasExternalChanges() -> Bool
    /// Why the records cannot be reached now (a server down or unreachable), as the last
    /// `hasExternalChanges` or save found; nil when they can. A directory is always reachable.
    var connectionProblem: String? { get }
    /// Damage, tampering and unsafe settings, each with what to do.
    func check() -> [CheckProblem]

    func backup(now: Date) throws(StoreError) -> BackupInfo
    /// The backups, oldest first.
    func listBackups() -> [BackupInfo]
    /// Restores a backup as one attributed change: the history keeps both.
    func restore(fromBackup name: String, actor: String, now: Date) throws(StoreError)

    /// Folds the history into a new starting point, where the backend has such a thing.
    func compact(now: Date) throws(StoreError)
    /// Compacts if due; true when it did.
    func compactIfDue() throws(StoreError) -> Bool
    /// When true, a save leaves a due compaction to `compactIfDue()` (a long-lived TUI).
    var defersCompaction: Bool { get set }
    /// Why the last automatic compaction failed, if it did.
    var lastCompactionError: StoreError? { get }
}

extension JournalStore: RecordStore {
    package var location: String { directory }
    package var connectionProblem: String? { nil }

    package func updateRecord<T>(
        id: String, actor: String, now: Date, _ decide: (StoredRecord<Value>?) -> (newValue: Value?, summary: String, result: T)
    ) throws(StoreError) -> T {
        try update(id: id, actor: actor, now: now, decide)
    }
}

extension BackupInfo {
    /// A backup as another backend lists it.
    package init(backupNamed name: String, seq: Int, createdAt: String, size: Int64) {
        self.name = name
        self.seq = seq
        self.createdAt = createdAt
        self.size = size
    }
}

extension CheckProblem {
    /// A finding of another backend's check; `path` names the place (a table, a row).
    package init(severity: Severity, place: String, message: String) {
        self.init(severity: severity, path: place, line: nil, message: message)
    }
}
