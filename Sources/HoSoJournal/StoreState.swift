import Foundation

/// What one store instance knows: the records, and how far into the journal it has read.
struct StoreState<Value: JournalValue>: Sendable {
    var records: [String: StoredRecord<Value>]
    /// The last applied journal entry.
    var seq: Int
    var lastHash: String
    /// `seq` of the snapshot on disk, so compaction knows whether there is anything to fold in.
    var snapshotSeq: Int
    var snapshotInode: UInt64?
    /// The journal segment being read and appended to.
    var segment: Int
    /// Bytes of `segment` holding complete, valid, applied lines.
    var consumedBytes: Int64 = 0
    /// Complete lines applied from `segment`, for line numbers in messages.
    var consumedLines: Int = 0
    /// Size of `segment` when last read, torn bytes included, so a torn tail is not a change every poll.
    var observedSize: Int64 = 0
    var segmentInode: UInt64?
    /// Modification time of `segment` when last read: a line replaced by one of the same length changes only this.
    var observedModified: Int64 = 0
    /// Where the last applied line of `segment` starts, so a refresh can check it is still there (a line
    /// read without the lock can be cut back by a save whose fsync failed, and another written in its place).
    var lastLineStart: Int64?
    /// The lines of the loaded snapshot whose records no journal entry has changed since.
    var snapshotLines: SnapshotLines?
    /// The segment the snapshot on disk names (as far as this instance knows): a current segment past it
    /// means a compaction moved the journal on but never installed its snapshot (a full disk, a crash).
    var snapshotSegment: Int = 0
    /// Revisions of the snapshot records a `RecordSelection` left undecoded (empty after a full load):
    /// enough to apply journal entries and check saves, not to write the records out again.
    var unloaded = UnreadRecords()
    /// Reads a record the selection left unread, when the snapshot's bytes are not in memory (a read
    /// through `snapshot.index`): what a journal patch of it applies to.
    var unloadedRecord: (@Sendable (String) -> StoredRecord<Value>?)?
    /// The patches of records left unread that were not applied (see `apply`), in journal order.
    var deferredPatches: [String: [DeferredPatch]] = [:]

    /// A patch of a record left unread, kept until the record is read: decoded, or still the bytes of the
    /// journal entry that holds it (see `JournalEntryOutline`).
    enum DeferredPatch: Sendable {
        case decoded(Value.Patch)
        case undecoded(entryBytes: ArraySlice<UInt8>, change: Int)

        /// The patch; nil when its bytes do not decode (what a full read reports as a damaged line).
        var patch: Value.Patch? {
            switch self {
            case .decoded(let patch):
                return patch
            case .undecoded(let bytes, let change):
                let entry = bytes.withUnsafeBufferPointer { try? RecordDecoder.decode(JournalEntry<Value>.self, from: $0) }
                    ?? (try? JSONDecoder().decode(JournalEntry<Value>.self, from: Data(bytes)))
                guard let entry, entry.changes.indices.contains(change) else { return nil }
                return entry.changes[change].patch
            }
        }
    }

    /// The revision of record `id`, decoded or not; nil when there is no such record.
    func revision(of id: String) -> Int? {
        records[id]?.revision ?? unloaded[id]
    }

    /// The value a patch applies to: the record as applied, or one a selection left unread, decoded now
    /// from its snapshot line.
    func previousValue(of id: String) -> Value? {
        if let record = records[id] { return record.value }
        guard unloaded[id] != nil else { return nil }
        var value: Value?
        if let lines = snapshotLines, let range = lines.ranges[id] {
            let record: StoredRecord<Value>? = SnapshotCoding.decodeRecordLine(lines.bytes, range)
            value = record?.value
        } else {
            value = unloadedRecord?(id)?.value
        }
        for deferred in deferredPatches[id] ?? [] {
            guard let patch = deferred.patch else { return nil }
            value = value?.applying(patch)
        }
        return value
    }

    /// Throws unless every record is decoded: what writes the whole store (compaction, backups, restores)
    /// would otherwise drop the records left unread.
    func requireEveryRecord() throws(StoreError) {
        if !unloaded.isEmpty { throw StoreError.partialRead }
    }

    private enum ChangeOutcome {
        case value(Value?)
        /// A patch of a record left unread that cannot change what the selection judged it by: kept for
        /// the day the record is read, not applied (reading it would cost its group of lines).
        case deferred(Value.Patch)
        /// A patch of a record already read, the entry's only change: applied in place (`JournalValue.apply`),
        /// so that a file saved a thousand times since the last compaction is not copied a thousand times.
        case inPlace(Value.Patch)
    }

    /// Applies one entry, checking it follows the state exactly; returns a reason if it does not.
    /// `computed`: the new values of the records the entry patches, as the process that wrote it computed
    /// them (the patches give back exactly these: CaseFilePatchTests), so it does not apply them again.
    mutating func apply(_ entry: JournalEntry<Value>, hash: String, computed: [String: Value] = [:]) -> String? {
        guard entry.seq == seq + 1 else { return "số thứ tự \(entry.seq) không nối tiếp \(seq)" }
        guard entry.prevHash == lastHash else { return "mã băm trước không khớp (chuỗi băm bị đứt)" }
        var outcomes: [ChangeOutcome] = []
        outcomes.reserveCapacity(entry.changes.count)
        for change in entry.changes {
            guard revision(of: change.id) == change.revisionBefore, change.revision == (change.revisionBefore ?? 0) + 1 else {
                return "phiên bản của hồ sơ \(change.id) không khớp với trạng thái trước"
            }
            guard let patch = change.patch else {
                outcomes.append(.value(change.value))
                continue
            }
            if let value = computed[change.id] {
                outcomes.append(.value(value))
                continue
            }
            if records[change.id] == nil, unloaded[change.id] != nil, !Value.mayChangeIndexedStrings(patch) {
                outcomes.append(.deferred(patch))
                continue
            }
            if records[change.id] != nil, entry.changes.count == 1 {
                outcomes.append(.inPlace(patch))
                continue
            }
            guard let previous = previousValue(of: change.id), let patched = previous.applying(patch) else {
                return "thay đổi của hồ sơ \(change.id) không khớp với nội dung trước của nó"
            }
            outcomes.append(.value(patched))
        }
        for (change, outcome) in zip(entry.changes, outcomes) {
            var value: Value?
            switch outcome {
            case .deferred(let patch):
                unloaded[change.id] = change.revision
                deferredPatches[change.id, default: []].append(.decoded(patch))
                continue
            case .inPlace(let patch):
                // Taken out of `records` so the value is held once and its lists grow where they are. The
                // entry's only change: a patch that does not fit (a corrupt journal, whose read then fails)
                // changed nothing else.
                guard let record = records.removeValue(forKey: change.id) else { return "hồ sơ \(change.id) không còn" }
                var taken = record.value
                _ = consume record
                guard taken.apply(patch) else { return "thay đổi của hồ sơ \(change.id) không khớp với nội dung trước của nó" }
                value = consume taken
            case .value(let new):
                value = new
            }
            snapshotLines?.ranges[change.id] = nil
            unloaded[change.id] = nil
            deferredPatches[change.id] = nil
            if let value {
                records[change.id] = StoredRecord(id: change.id, revision: change.revision, value: value, changedBy: entry.actor, changedAt: entry.time)
            } else {
                records[change.id] = nil
            }
        }
        seq = entry.seq
        lastHash = hash
        return nil
    }

    /// Applies an entry read only as far as its outline, when every change is a patch that `apply` would
    /// defer (a record left unread, no indexed string touched): the same checks, the patches kept as the
    /// entry's bytes. False when the entry is not such a one (nothing changed then: decode it and `apply`).
    mutating func applyDeferring(_ outline: JournalEntryOutline, entryBytes: ArraySlice<UInt8>, hash: String) -> (applied: Bool, problem: String?) {
        let deferrable = outline.changes.allSatisfy { change in
            !change.touchesIndexedStrings && records[change.id] == nil && unloaded[change.id] != nil
        }
        guard deferrable else { return (false, nil) }
        guard outline.seq == seq + 1 else { return (true, "số thứ tự \(outline.seq) không nối tiếp \(seq)") }
        guard outline.prevHash == lastHash else { return (true, "mã băm trước không khớp (chuỗi băm bị đứt)") }
        for change in outline.changes {
            guard unloaded[change.id] == change.revisionBefore, change.revision == (change.revisionBefore ?? 0) + 1 else {
                return (true, "phiên bản của hồ sơ \(change.id) không khớp với trạng thái trước")
            }
        }
        for (position, change) in outline.changes.enumerated() {
            unloaded[change.id] = change.revision
            deferredPatches[change.id, default: []].append(.undecoded(entryBytes: entryBytes, change: position))
        }
        seq = outline.seq
        lastHash = hash
        return (true, nil)
    }
}
