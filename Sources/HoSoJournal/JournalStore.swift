#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A durable, multi-process store of records of one Codable type: `snapshot.json` plus an append-only,
/// hash-chained journal, with a `flock` held only around each save.
///
/// Layout of the data directory (0700, every file 0600 whatever the umask):
/// - `store.lock`: never renamed or deleted; `flock(LOCK_EX)` around each save; holds `{pid,user,host,since}`.
/// - `snapshot.json`: `{schemaVersion, seq, lastHash, segment, records}` (records sorted by id), replaced
///   only by an fsynced temp file + rename + directory fsync.
/// - `journal/NNNNNN.jsonl`: one line per saved batch, `{"entry":{seq,time,actor,changes,prevHash},"hash":…}`,
///   SHA-256 over the entry bytes. **The appended, fsynced line is the commit.** Segments are never deleted:
///   they are the case history. Load = snapshot + entries of segments from `segment` on.
/// - `backups/`: the replaced snapshots (hard links) and on-demand backups; last 20 plus one a day for 30 days.
///
/// Every public entry point is safe to call from any thread; each instance serialises its own calls.
/// Prefer `record(id:)` to `records` in hot paths: holding a copy of `records` makes the next save copy
/// the dictionary.
public final class JournalStore<Value: JournalValue>: @unchecked Sendable {
    /// The data directory.
    public let directory: String
    /// The schema version this instance reads and writes.
    public let schemaVersion: Int
    /// A journal segment larger than this is folded into a new snapshot after a save.
    public let compactionThresholdBytes: Int64
    /// A journal segment with more entries than this is folded into a new snapshot after a save.
    public let compactionThresholdEntries: Int

    let layout: StoreLayout
    let files: DurableFiles
    let inspection: DataFileInspection
    let lock: StoreLock
    /// Recursive: a caller holding the store (`exclusively`) reads and commits through the same instance.
    private let mutex = NSRecursiveLock()
    /// How deep this instance is inside `exclusively` (under the mutex): its commits already hold the file lock.
    private var exclusiveDepth = 0
    var state: StoreState<Value>
    var entriesInSegment = 0
    private var failedCompaction: StoreError?
    /// The current segment as the refresh of this hold of the file lock inspected it (nil: it did not
    /// exist), so the append that follows does not inspect it a second time: while the lock is held,
    /// no other process changes it. Cleared when the lock is taken and released.
    private var segmentSeenUnderLock: (segment: Int, status: FileStatus?)?
    /// Bytes of the last entry written, so the next one is encoded into a buffer of about its size.
    private var lastEntrySize = 4_096
    /// What was wrong with `snapshot.index` (damage, not a missing, stale or older index) when this
    /// instance wrote it again after its whole read: `check` reports it, the open having repaired it.
    /// Under `mutex`.
    private(set) var rebuiltIndexProblem: SnapshotIndex.Problem?

    /// Which snapshot records this instance reads, on open and on every reload (all when nil); grows with
    /// the records `read(_:)` reads afterwards. Under `mutex`.
    private(set) var selection: RecordSelection?

    init(
        layout: StoreLayout, schemaVersion: Int, files: DurableFiles, lock: StoreLock, state: StoreState<Value>, options: StoreOptions,
        selection: RecordSelection? = nil
    ) {
        self.selection = selection
        self.directory = layout.directory
        self.layout = layout
        self.schemaVersion = schemaVersion
        self.files = files
        self.inspection = DataFileInspection(fileSystem: files.fileSystem, layout: layout)
        self.lock = lock
        self.state = state
        self.compactionThresholdBytes = options.compactionThresholdBytes
        self.compactionThresholdEntries = options.compactionThresholdEntries
        self.entriesInSegment = state.consumedLines
    }

    /// Creates a store in `directory` (made with mode 0700 if missing; it must be empty of store files) whose
    /// first snapshot holds `initialRecords` (revision 1, no journal entry: they are written once, not twice).
    public static func create(
        at directory: String, schemaVersion: Int, initialRecords: [StoredRecord<Value>] = [], fileSystem: any FileSystem = .real,
        options: StoreOptions = .init()
    ) throws(StoreError) -> JournalStore {
        let records = try StoreLoader<Value>.index(initialRecords, path: StoreLayout(directory: directory).snapshot)
        let layout = StoreLayout(directory: directory)
        let files = DurableFiles(fileSystem: fileSystem)
        do {
            try makePrivateDirectory(directory, fileSystem: fileSystem)
            if (try? fileSystem.status(ofPath: layout.snapshot)) != nil { throw StoreError.alreadyExists(path: directory) }
            // A store that lost its snapshot still holds its history: a new one on top would hide it.
            if StoreLoader<Value>.storeLeftovers(layout, fileSystem: fileSystem) != nil {
                throw StoreLoader<Value>(layout: layout, files: files).missingSnapshot()
            }
            try makePrivateDirectory(layout.journalDirectory, fileSystem: fileSystem)
            try makePrivateDirectory(layout.backupsDirectory, fileSystem: fileSystem)
            try fileSystem.fsyncDirectory(directory)
        } catch let error as FileSystemError {
            throw StoreError.from(error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notAStore(path: directory)
        }
        let lock = try StoreLock(directory: directory, files: files, timeout: options.lockTimeout)
        try lock.withExclusiveLock { () throws(StoreError) in
            if (try? fileSystem.status(ofPath: layout.snapshot)) != nil { throw StoreError.alreadyExists(path: directory) }
            if StoreLoader<Value>.storeLeftovers(layout, fileSystem: fileSystem) != nil {
                throw StoreLoader<Value>(layout: layout, files: files).missingSnapshot()
            }
            do {
                if (try? fileSystem.status(ofPath: layout.segment(1))) == nil {
                    try files.createEmpty(layout.segment(1), directory: layout.journalDirectory)
                }
                let first = Snapshot<Value>(
                    schemaVersion: schemaVersion, seq: 0, lastHash: JournalLine.genesisHash, segment: 1,
                    records: SnapshotCoding.sortedRecords(records))
                let bytes = try SnapshotCoding.encode(first)
                try files.replaceDurably(layout.snapshot, with: bytes, temporaryIn: directory)
                writeSnapshotIndex(layout: layout, files: files, snapshot: bytes, records: first.records)
            } catch let error as FileSystemError {
                throw StoreError.from(error)
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.encodingFailed(id: "snapshot")
            }
        }
        // The state is what was just written: reading it back would decode every record a second time.
        var state = StoreState<Value>(
            records: records, seq: 0, lastHash: JournalLine.genesisHash, snapshotSeq: 0,
            snapshotInode: try? fileSystem.status(ofPath: layout.snapshot).inode, segment: 1)
        state.snapshotSegment = 1
        // The empty first segment is already read; a segment left with lines by some earlier attempt is not.
        if let segment = try? fileSystem.status(ofPath: layout.segment(1)), segment.size == 0 {
            state.segmentInode = segment.inode
            state.observedModified = segment.modifiedNanoseconds
        }
        return JournalStore(layout: layout, schemaVersion: schemaVersion, files: files, lock: lock, state: state, options: options)
    }

    /// Opens an existing store, refusing newer schema versions and unsafe or corrupt files before writing anything.
    /// `selecting`: decode only the snapshot records it admits (a partial read, see `RecordSelection`).
    public static func open(
        at directory: String, supportedSchemaVersion: Int, migrations: [Migration] = [], fileSystem: any FileSystem = .real,
        options: StoreOptions = .init(), selecting selection: RecordSelection? = nil
    ) throws(StoreError) -> JournalStore {
        let layout = StoreLayout(directory: directory)
        let files = DurableFiles(fileSystem: fileSystem)
        var loader = StoreLoader<Value>(layout: layout, files: files)
        loader.selection = selection
        let found = try loader.schemaVersion()
        if found > supportedSchemaVersion {
            throw StoreError.newerSchemaVersion(path: layout.snapshot, found: found, supported: supportedSchemaVersion)
        }
        if found < supportedSchemaVersion {
            let lock = try StoreLock(directory: directory, files: files, timeout: options.lockTimeout)
            try lock.withExclusiveLock { () throws(StoreError) in
                try SchemaMigrator(layout: layout, files: files).migrate(to: supportedSchemaVersion, using: migrations)
            }
        }
        let state = try loadToleratingCompaction(loader, schemaVersion: supportedSchemaVersion)
        let lock = try StoreLock(directory: directory, files: files, timeout: options.lockTimeout)
        // A selection the index could not serve read every record (`StoreLoader.load`): the store is whole.
        let store = JournalStore(
            layout: layout, schemaVersion: supportedSchemaVersion, files: files, lock: lock, state: state, options: options,
            selection: state.unloaded.isEmpty ? nil : selection)
        store.rebuildSnapshotIndexIfStale()
        return store
    }

    /// Whether some records were left unread by the selection this store was opened with.
    public var isPartial: Bool {
        mutex.withLock { !state.unloaded.isEmpty }
    }

    /// The current records by id, as of the last save or refresh.
    public var records: [String: StoredRecord<Value>] {
        mutex.withLock { state.records }
    }

    /// One record, or nil.
    public func record(id: String) -> StoredRecord<Value>? {
        mutex.withLock { state.records[id] }
    }

    /// The revision of every record the selection left unread, by id (empty after a whole read).
    package var unreadRevisions: [String: Int] {
        mutex.withLock { state.unloaded.all }
    }

    /// The revisions of the records `ids` the selection left unread (the others have none here): each
    /// looked up, not the whole list copied (100,000 at a province's size for a search's two dozen).
    package func unreadRevisions(of ids: some Sequence<String>) -> [String: Int] {
        mutex.withLock {
            var revisions: [String: Int] = [:]
            for id in ids { revisions[id] = state.unloaded[id] }
            return revisions
        }
    }

    /// The values of records the selection left unread, read now: each from its snapshot line with the
    /// journal's changes since applied. For a read of a few records that learns it needs a few more (the
    /// files whose report facts changed since they were last kept). A record that cannot be read so (the
    /// snapshot was replaced meanwhile by a compaction) is missing from the result: read the store whole.
    package func readUnread(_ ids: some Sequence<String>) -> [String: Value] {
        mutex.withLock {
            var values: [String: Value] = [:]
            for id in ids where state.records[id] == nil && state.unloaded[id] != nil {
                values[id] = state.previousValue(of: id)
            }
            return values
        }
    }

    /// Reads records the selection left unread into this store, as if it had named them: each from its
    /// snapshot line with the journal's changes since, then kept as records (and read again on every reload).
    /// For a read that learns from what it read which records it needs (a file's unit, then that unit's
    /// parent). False when one cannot be read so (a read not through `snapshot.index`, a compaction that
    /// replaced the snapshot meanwhile, a journal change of it not yet read): open the store again with more.
    /// Ids of no record are skipped.
    package func read(_ ids: [String]) -> Bool {
        mutex.withLock {
            for id in ids where state.records[id] == nil && state.unloaded[id] != nil {
                guard state.deferredPatches[id] == nil, let revision = state.unloaded[id], let record = state.unloadedRecord?(id),
                      record.id == id, record.revision == revision
                else { return false }
                state.records[id] = record
                state.unloaded[id] = nil
            }
            selection = selection?.reading(ids)
            return true
        }
    }

    /// The ids of records left unread whose id starts with `prefix` and whose value holds `value` at
    /// `path` (one of `Value.indexedPaths`), as `snapshot.index` gives them without reading them; nil when
    /// the store cannot tell so (see `UnreadRecords.ids`): read them all.
    package func unreadIDs(withPrefix prefix: String, at path: [String], equalTo value: String) -> [String]? {
        mutex.withLock { state.unloaded.ids(withPrefix: prefix, at: path, equalTo: value) }
    }

    /// Sequence number of the last journal entry this instance has applied; grows with every save by anyone.
    public var sequence: Int {
        mutex.withLock { state.seq }
    }

    /// The error of the last automatic compaction, if it failed; the saves themselves were not affected.
    public var lastCompactionError: StoreError? {
        mutex.withLock { failedCompaction }
    }

    /// When true, a save that takes the journal past the thresholds leaves the compaction to
    /// `compactIfDue()`: a long-lived process (the TUI) calls it when nobody waits for a save, since
    /// compacting rewrites every record. Short-lived processes leave it false, or nothing would compact.
    public var defersCompaction: Bool {
        get { mutex.withLock { deferring } }
        set { mutex.withLock { deferring = newValue } }
    }
    private var deferring = false

    /// Compacts if the current segment is past the thresholds; returns whether it did. Failures are
    /// recorded in `lastCompactionError`, as for the compaction a save runs.
    @discardableResult
    public func compactIfDue() throws(StoreError) -> Bool {
        try withSaveLock { () throws(StoreError) -> Bool in
            _ = try refreshLocked()
            return compactIfDueLocked()
        }
    }

    /// Saves a batch atomically: all changes land, or none does (conflicts and disk errors write nothing).
    ///
    /// The cost does not depend on the number of records: one journal line is appended and synced.
    @discardableResult
    public func commit(_ changes: [RecordChange<Value>], actor: String, now: Date = Date()) throws(StoreError) -> [StoredRecord<Value>] {
        var seen = Set<String>()
        for change in changes where !seen.insert(change.id).inserted { throw StoreError.duplicateChange(id: change.id) }
        if changes.isEmpty { return [] }
        return try withSaveLock { () throws(StoreError) -> [StoredRecord<Value>] in
            _ = try refreshLocked()
            // The first line of a segment is where a reader that fell behind a compaction would fork.
            if state.consumedBytes == 0 { try catchUpWithSnapshotLocked() }
            for change in changes {
                // A record left unread cannot have been edited from what this process saw of it.
                if state.unloaded[change.id] != nil { throw StoreError.partialRead }
                try refuseIfIndexDamagedLocked()
                let current = state.records[change.id]
                if current?.revision != change.expectedRevision {
                    throw StoreError.conflict(id: change.id, expected: change.expectedRevision, actual: current?.revision, changedBy: current?.changedBy, changedAt: current?.changedAt)
                }
            }
            let journalChanges = changes.map { change in
                journalChange(id: change.id, from: state.records[change.id], to: change.newValue, summary: change.summary)
            }
            let computed = Dictionary(changes.map { ($0.id, $0.newValue) }, uniquingKeysWith: { first, _ in first })
            try appendLocked(
                JournalEntry(seq: state.seq + 1, time: Timestamp.iso8601(now), actor: actor, changes: journalChanges, prevHash: state.lastHash),
                computed: computed)
            if !deferring { compactIfDueLocked() }
            return changes.compactMap { state.records[$0.id] }
        }
    }

    /// Reads record `id` as it is now, lets `decide` say what it becomes (nil: leave it), and saves that,
    /// all under one hold of the store's lock: no other process saves between the read and the write, so
    /// a decision that depends on the value (a count of attempts) is never taken twice on the same value.
    /// `decide` runs under the lock: keep it short.
    func update<T>(
        id: String, actor: String, now: Date = Date(),
        _ decide: (StoredRecord<Value>?) -> (newValue: Value?, summary: String, result: T)
    ) throws(StoreError) -> T {
        try withSaveLock { () throws(StoreError) -> T in
            _ = try refreshLocked()
            if state.unloaded[id] != nil { throw StoreError.partialRead }
            try refuseIfIndexDamagedLocked()
            let current = state.records[id]
            let decision = decide(current)
            guard let value = decision.newValue else { return decision.result }
            let change = journalChange(id: id, from: current, to: value, summary: decision.summary)
            try appendLocked(
                JournalEntry(seq: state.seq + 1, time: Timestamp.iso8601(now), actor: actor, changes: [change], prevHash: state.lastHash),
                computed: [id: value])
            if !deferring { compactIfDueLocked() }
            return decision.result
        }
    }

    /// Refuses a save when the index this read went through met a damaged part: whether the record saved
    /// exists, and at which revision, was then asked of a part that could not be trusted.
    private func refuseIfIndexDamagedLocked() throws(StoreError) {
        guard state.unloaded.indexDamaged else { return }
        throw StoreError.corruptFile(
            path: layout.snapshotIndex, line: nil,
            reason: "chỉ mục có một phần không khớp mã kiểm tra của nó, nên chưa ghi gì; hãy chạy hoso check rồi làm lại (lần mở toàn bộ dữ liệu tới sẽ dựng lại chỉ mục)")
    }

    /// The journal's account of record `id` becoming `value`: what changed when the type can say it (the
    /// line then does not grow with the record), the whole value for a new record or any other change.
    private func journalChange(id: String, from current: StoredRecord<Value>?, to value: Value, summary: String) -> JournalChange<Value> {
        let revision = (current?.revision ?? 0) + 1
        // Not checked here by applying it (a save would then cost the file's length again): the types'
        // tests hold every patch to giving back the value (CaseFilePatchTests).
        if let current, let patch = value.patch(from: current.value) {
            return JournalChange(id: id, revisionBefore: current.revision, revision: revision, summary: summary, value: nil, patch: patch)
        }
        return JournalChange(id: id, revisionBefore: current?.revision, revision: revision, summary: summary, value: value)
    }

    /// Runs `body` on the records as they are now with the store's lock held throughout: no other process
    /// saves between what `body` reads and what it commits, so a decision is taken once, on fresh data,
    /// and its commit cannot meet a conflict from another HoSo.
    public func exclusively<T>(_ body: () -> T) throws(StoreError) -> T {
        try withSaveLock { () throws(StoreError) -> T in
            _ = try refreshLocked()
            exclusiveDepth += 1
            defer { exclusiveDepth -= 1 }
            return body()
        }
    }

    /// Applies entries other processes appended; returns true if anything changed. Cheap when nothing did.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return try refreshLocked()
    }

    /// True when another process saved since this instance last looked (two `stat` calls, no reading).
    public func hasExternalChanges() -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        let fileSystem = files.fileSystem
        guard let current = try? fileSystem.status(ofPath: layout.segment(state.segment)) else {
            return state.segmentInode != nil
        }
        if current.inode != state.segmentInode || current.size != state.observedSize || current.modifiedNanoseconds != state.observedModified { return true }
        return (try? fileSystem.status(ofPath: layout.segment(state.segment + 1))) != nil
    }

    /// Folds the journal into a new snapshot and starts a new segment; the old snapshot goes to `backups/`.
    public func compact(now: Date = Date()) throws(StoreError) {
        try withSaveLock { () throws(StoreError) in
            _ = try refreshLocked()
            try compactLocked(now: now)
        }
    }

    /// Runs `body` holding this instance's mutex and the store's file lock, in that order.
    func withSaveLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        mutex.lock()
        defer { mutex.unlock() }
        // Inside `exclusively` the file lock is already this thread's: a second `flock` on a new open
        // file description would wait for ourselves.
        if exclusiveDepth > 0 { return try body() }
        return try lock.withExclusiveLock { () throws(StoreError) -> T in
            // What was seen of the segment before this hold says nothing about it now.
            segmentSeenUnderLock = nil
            defer { segmentSeenUnderLock = nil }
            return try body()
        }
    }

    /// Runs `body` holding this instance's mutex only.
    func withInstanceMutex<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }

    // MARK: - Under the instance mutex

    /// Reads whatever was appended since last time, following segments to the newest; reloads fully if
    /// the files were replaced underneath (a segment vanished or shrank).
    func refreshLocked() throws(StoreError) -> Bool {
        let startSeq = state.seq
        do {
            return try followJournalLocked(startSeq: startSeq)
        } catch {
            guard case .corruptFile = error else { throw error }
            // Read without the lock, a line can vanish after we applied it (a save whose fsync failed is
            // cut back) and another take its place; only a fresh load from the snapshot can tell that from
            // real corruption.
            return try reloadLocked(startSeq: startSeq)
        }
    }

    private func followJournalLocked(startSeq: Int) throws(StoreError) -> Bool {
        let loader = StoreLoader<Value>(layout: layout, files: files)
        while true {
            let status = try inspection.inspectFile(layout.segment(state.segment))
            if let status, state.segmentInode != nil, status.inode != state.segmentInode || status.size < state.consumedBytes {
                return try reloadLocked(startSeq: startSeq)
            }
            if status == nil, state.segmentInode != nil { return try reloadLocked(startSeq: startSeq) }
            if let status, status.size != state.observedSize || status.modifiedNanoseconds != state.observedModified || state.segmentInode == nil {
                try loader.readTail(into: &state)
            }
            guard (try? files.fileSystem.status(ofPath: layout.segment(state.segment + 1))) != nil else {
                segmentSeenUnderLock = (state.segment, status)
                break
            }
            // The next segment exists, so this one is final: read it once more to catch a last line
            // appended between our read and that check, then move on.
            try loader.readTail(into: &state)
            state.segment += 1
            state.consumedBytes = 0
            state.consumedLines = 0
            state.observedSize = 0
            state.segmentInode = nil
            state.lastLineStart = nil
            entriesInSegment = 0
        }
        entriesInSegment = state.consumedLines
        return state.seq != startSeq
    }

    /// Under the lock, before writing a segment's first line: a snapshot newer than what this instance
    /// applied means it fell behind while a compaction moved the journal on (a reader that missed a
    /// segment's last line); it reloads rather than append a line that would fork the chain.
    func catchUpWithSnapshotLocked() throws(StoreError) {
        guard let status = try? files.fileSystem.status(ofPath: layout.snapshot), status.inode != state.snapshotInode else { return }
        if let seq = StoreLoader<Value>(layout: layout, files: files).snapshotSeq(), seq > state.seq {
            _ = try reloadLocked(startSeq: state.seq)
        } else {
            state.snapshotInode = status.inode
        }
    }

    private func reloadLocked(startSeq: Int) throws(StoreError) -> Bool {
        segmentSeenUnderLock = nil
        var loader = StoreLoader<Value>(layout: layout, files: files)
        loader.selection = selection
        state = try Self.loadToleratingCompaction(loader, schemaVersion: schemaVersion)
        entriesInSegment = state.consumedLines
        return true
    }

    /// Loads the store, the file lock held or not.
    ///
    /// Read without the lock, the journal can move on under the reader: another process can fold it into
    /// a new segment after the reader read one segment to its end and before it looks for the next, whose
    /// first line then does not follow what the reader has. Only a second load tells that from a corrupt
    /// journal (which fails again, the same way); a corrupt snapshot is reported at once.
    static func loadToleratingCompaction(_ loader: StoreLoader<Value>, schemaVersion: Int) throws(StoreError) -> StoreState<Value> {
        do {
            return try loader.load(schemaVersion: schemaVersion)
        } catch {
            guard case .corruptFile(let path, _, _) = error, path != loader.layout.snapshot else { throw error }
            return try loader.load(schemaVersion: schemaVersion)
        }
    }

    /// Appends one entry as the commit point; the in-memory state changes only once the line is synced.
    func appendLocked(_ entry: JournalEntry<Value>, computed: [String: Value] = [:]) throws(StoreError) {
        let entryBytes = try Self.encode(entry, capacity: lastEntrySize + lastEntrySize / 8)
        lastEntrySize = entryBytes.count
        let (line, hash) = JournalLine.make(entryBytes: entryBytes)
        let path = layout.segment(state.segment)
        try prepareSegmentForAppendLocked()
        let appended: FileStatus?
        switch files.appendDurably(path, line, expectedSize: state.consumedBytes) {
        case .appended(let status): appended = status
        case .failed(let error, let rolledBack): throw StoreError.from(error, rolledBack: rolledBack)
        }
        // Applied in place: `apply` validates before mutating, and copying the state would copy every record.
        if let problem = state.apply(entry, hash: hash, computed: computed) {
            throw StoreError.corruptFile(path: path, line: state.consumedLines + 1, reason: problem)
        }
        state.lastLineStart = state.consumedBytes
        state.consumedBytes += Int64(line.count)
        state.consumedLines += 1
        state.observedSize = state.consumedBytes
        // When unknown (0), the next refresh reads the last line again and finds it is ours.
        state.observedModified = appended?.modifiedNanoseconds ?? 0
        entriesInSegment += 1
        // Only now, with the line synced: the head may lag behind the journal, never run ahead of it.
        files.writeJournalHead(JournalHead(seq: entry.seq, hash: hash), layout: layout)
    }

    /// The entry's canonical JSON: sorted keys, slashes unescaped. `CanonicalJSON` writes what Foundation's
    /// encoder would, in a fraction of the time; Foundation's encoder writes what it leaves.
    static func encode(_ entry: JournalEntry<Value>, capacity: Int = 4_096) throws(StoreError) -> [UInt8] {
        if let bytes = CanonicalJSON.encode(entry, capacity: capacity) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(entry))
        } catch {
            throw StoreError.encodingFailed(id: entry.changes.first?.id ?? "")
        }
    }

    /// Makes sure the segment exists and ends with a complete line: a torn tail left by a crash is cut off here,
    /// under the lock, and never earlier.
    func prepareSegmentForAppendLocked() throws(StoreError) {
        let path = layout.segment(state.segment)
        let seen = segmentSeenUnderLock
        segmentSeenUnderLock = nil
        do {
            let found: FileStatus?
            if let seen, seen.segment == state.segment {
                found = seen.status
            } else {
                found = try inspection.inspectFile(path)
            }
            guard let status = found else {
                try files.createEmpty(path, directory: layout.journalDirectory)
                let created = try files.fileSystem.status(ofPath: path)
                state.segmentInode = created.inode
                state.consumedBytes = 0
                state.observedSize = 0
                state.lastLineStart = nil
                return
            }
            state.segmentInode = status.inode
            if status.size > state.consumedBytes {
                guard files.cutBack(path, to: state.consumedBytes) else {
                    throw StoreError.diskFailure(path: path, step: .truncate, code: EIO, rolledBack: true)
                }
                state.observedSize = state.consumedBytes
            }
        } catch let error as FileSystemError {
            throw StoreError.from(error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.diskFailure(path: path, step: .open, code: EIO, rolledBack: true)
        }
    }

    /// Past the thresholds, or a compaction started here or elsewhere never installed its snapshot (a
    /// full disk, a crash): it is retried by the next save, not when the new segment fills up.
    private func compactionIsDueLocked() -> Bool {
        if state.consumedBytes > compactionThresholdBytes || entriesInSegment > compactionThresholdEntries { return true }
        guard state.segment > state.snapshotSegment, state.seq > state.snapshotSeq else { return false }
        // Another process's compaction, which this instance only followed, also moves the segment on.
        guard let header = StoreLoader<Value>(layout: layout, files: files).snapshotHeader() else { return true }
        state.snapshotSegment = header.segment
        return header.segment < state.segment
    }

    @discardableResult
    private func compactIfDueLocked() -> Bool {
        guard compactionIsDueLocked() else { return false }
        do {
            // A compaction writes every record: a store read in part reads the rest first (under the lock,
            // so nothing moves meanwhile). Rare: once per thousands of saves.
            if !state.unloaded.isEmpty {
                state = try Self.loadToleratingCompaction(StoreLoader<Value>(layout: layout, files: files), schemaVersion: schemaVersion)
                entriesInSegment = state.consumedLines
            }
            try compactLocked(now: Date())
            failedCompaction = nil
            return true
        } catch {
            // The save itself is already durable in the journal; a failed compaction only delays the fold.
            failedCompaction = error
            return false
        }
    }

    /// Writes `snapshot.index` for the snapshot just written; a failure is ignored: the index is derived, and
    /// without one a partial read reads the whole snapshot, as it did before there were indexes.
    static func writeSnapshotIndex(layout: StoreLayout, files: DurableFiles, snapshot bytes: [UInt8], records: [StoredRecord<Value>]) {
        writeSnapshotIndex(layout: layout, files: files, index: SnapshotIndex.build(snapshot: bytes, records: records))
    }

    /// As above, for the snapshot `SnapshotCoding.write` just wrote.
    static func writeSnapshotIndex(layout: StoreLayout, files: DurableFiles, written: SnapshotCoding.Written, records: [StoredRecord<Value>]) {
        let index = SnapshotIndex.build(header: written.header, size: written.size, lines: written.lines, digests: written.digests, records: records)
        writeSnapshotIndex(layout: layout, files: files, index: index)
    }

    private static func writeSnapshotIndex(layout: StoreLayout, files: DurableFiles, index: SnapshotIndex?) {
        guard let index else {
            try? files.fileSystem.unlink(layout.snapshotIndex)
            return
        }
        try? files.replaceDurably(layout.snapshotIndex, with: index.encoded(), temporaryIn: layout.directory)
    }

    /// After a whole read: writes the index again when the one on disk does not describe the snapshot read
    /// (missing, stale after an offline restore or a migration, damaged, written for other paths). Under
    /// the lock, and only if the snapshot is still the one read.
    func rebuildSnapshotIndexIfStale() {
        mutex.withLock {
            guard let lines = state.snapshotLines, state.unloaded.isEmpty else { return }
            // The snapshot was read in its line layout (it has lines): no need to scan 60 MB again to know it.
            let problem = SnapshotIndex.problem(layout: layout, files: files, header: lines.header, size: lines.size, paths: Value.indexedPaths)
            guard let problem else { return }
            _ = try? lock.withExclusiveLock { () throws(StoreError) in
                guard (try? files.fileSystem.status(ofPath: layout.snapshot))?.inode == state.snapshotInode else { return }
                guard let records = SnapshotCoding.recordsAsInSnapshot(lines, current: state.records), let digests = lines.groupDigests() else { return }
                Self.writeSnapshotIndex(
                    layout: layout, files: files,
                    index: SnapshotIndex.build(header: lines.header, size: lines.size, lines: lines.all, digests: digests, records: records))
                if problem.isDamage { rebuiltIndexProblem = problem }
            }
        }
    }

    static func makePrivateDirectory(_ path: String, fileSystem: any FileSystem) throws(FileSystemError) {
        do {
            try fileSystem.makeDirectory(path, permissions: 0o700)
        } catch {
            if error.code != EEXIST { throw error }
            let status = try fileSystem.status(ofPath: path)
            if status.kind != .directory { throw FileSystemError(.mkdir, path: path, code: ENOTDIR) }
            return
        }
        // mkdir applies the umask; set the mode explicitly so it is 0700 whatever the umask.
        try fileSystem.setPermissions(ofPath: path, 0o700)
    }
}

/// Tunables of a store; the defaults suit an office of a few clerks.
public struct StoreOptions: Sendable {
    /// How long a save waits for another process's save before reporting `lockHeld`.
    public var lockTimeout: Duration
    /// Segment size that triggers a compaction after a save.
    public var compactionThresholdBytes: Int64
    /// Segment entry count that triggers a compaction after a save.
    public var compactionThresholdEntries: Int

    /// Makes options.
    public init(lockTimeout: Duration = .seconds(5), compactionThresholdBytes: Int64 = 4 << 20, compactionThresholdEntries: Int = 10_000) {
        self.lockTimeout = lockTimeout
        self.compactionThresholdBytes = compactionThresholdBytes
        self.compactionThresholdEntries = compactionThresholdEntries
    }
}
