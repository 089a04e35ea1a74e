#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reads a store from disk without writing anything: version gate, snapshot, then the journal tail.
package struct StoreLoader<Value: JournalValue> {
    let layout: StoreLayout
    let files: DurableFiles
    /// Which snapshot records `load` decodes (all when nil; see `RecordSelection`).
    var selection: RecordSelection? = nil
    /// Whether `load` refuses a journal that ends before what `journal/head` or a backup says was
    /// committed (`check` turns it off to report each finding itself).
    var verifyingCommittedEntries = true

    private var inspection: DataFileInspection { DataFileInspection(fileSystem: files.fileSystem, layout: layout) }

    /// The snapshot's schema version, read before anything else is trusted.
    func schemaVersion() throws(StoreError) -> Int {
        try inspection.inspectDirectory(layout.directory)
        if let header = SnapshotCoding.header(try readSnapshotHead(), as: SchemaVersionHeader.self) { return header.schemaVersion }
        let bytes = try readSnapshotBytes()
        do {
            return try JSONDecoder().decode(SchemaVersionHeader.self, from: Data(bytes)).schemaVersion
        } catch {
            throw StoreError.corruptFile(path: layout.snapshot, line: nil, reason: DecodingFailure.describe(error))
        }
    }

    /// The error for a missing `snapshot.json`: no store here, or a store that lost it (a journal or
    /// backups are still there), which only a restore answers.
    func missingSnapshot() -> StoreError {
        guard let what = Self.storeLeftovers(layout, fileSystem: files.fileSystem) else { return StoreError.notAStore(path: layout.directory) }
        return StoreError.corruptFile(
            path: layout.snapshot, line: nil, reason: "tệp không còn (đã bị xoá hoặc chuyển đi) trong khi thư mục vẫn còn \(what) của HoSo")
    }

    /// What of a store is in the directory besides `snapshot.json` ("nhật ký", "bản sao lưu"), nil when
    /// nothing is: an empty first segment alone is what a `create` cut short before its snapshot leaves.
    package static func storeLeftovers(_ layout: StoreLayout, fileSystem: any FileSystem) -> String? {
        let segments = ((try? fileSystem.contentsOfDirectory(layout.journalDirectory)) ?? []).filter {
            StoreLayout.segmentNumber($0) != nil || $0 == JournalHead.fileName
        }
        let journal = segments.contains { name in
            name != StoreLayout.segmentName(1) || ((try? fileSystem.status(ofPath: layout.journalDirectory + "/" + name))?.size ?? 0) > 0
        }
        let backups = ((try? fileSystem.contentsOfDirectory(layout.backupsDirectory)) ?? []).contains { BackupName.parse($0) != nil }
        switch (journal, backups) {
        case (true, true): return "nhật ký và bản sao lưu"
        case (true, false): return "nhật ký"
        case (false, true): return "bản sao lưu"
        case (false, false): return nil
        }
    }

    /// The snapshot's first bytes: enough for the header line that `SnapshotCoding` writes first.
    func readSnapshotHead() throws(StoreError) -> [UInt8] {
        guard try inspection.inspectFile(layout.snapshot) != nil else { throw missingSnapshot() }
        do {
            return try files.readPrefix(layout.snapshot, count: 64 << 10)
        } catch {
            throw StoreError.from(error)
        }
    }

    func readSnapshotBytes() throws(StoreError) -> [UInt8] {
        guard try inspection.inspectFile(layout.snapshot) != nil else { throw missingSnapshot() }
        do {
            return try files.readAll(layout.snapshot)
        } catch {
            throw StoreError.from(error)
        }
    }

    /// The snapshot's state with every journal entry after it applied.
    func load(schemaVersion: Int) throws(StoreError) -> StoreState<Value> {
        try inspection.inspectDirectory(layout.directory)
        try inspection.inspectDirectory(layout.journalDirectory)
        // Read before the journal: whatever they name was in the journal before it is read.
        let committed = verifyingCommittedEntries ? committedPoint() : nil
        if let indexed = try indexedState(schemaVersion: schemaVersion) {
            // A part of the index first met by the journal (a line of a file left unread) that does not match
            // its digest leaves the index's answers untrusted: the snapshot is then read whole.
            do {
                let state = try withJournal(indexed, committed: committed)
                if !state.unloaded.indexDamaged { return state }
            } catch {
                if !indexed.unloaded.indexDamaged { throw error }
            }
        }
        // The index could not serve a selection (missing, of another version or paths, stale, damaged): the
        // snapshot is read whole, which costs less than judging each of its lines, and the store then writes
        // the index again (`JournalStore.open`), so that the next command reads only what it names instead
        // of every command reading every line until the terminal application or `hoso check` rewrites it.
        var whole = self
        whole.selection = nil
        return try whole.withJournal(try whole.snapshotState(schemaVersion: schemaVersion), committed: committed)
    }

    /// `state` with the journal after it applied, every segment to the last, and checked against what was
    /// committed.
    private func withJournal(_ snapshotState: StoreState<Value>, committed: CommittedPoint?) throws(StoreError) -> StoreState<Value> {
        var state = snapshotState
        while true {
            try readTail(into: &state)
            guard try inspection.inspectFile(layout.segment(state.segment + 1)) != nil else { break }
            // The next segment exists, so this one is final; but read without the lock, its last line may
            // have been appended (and the next segment made by the compaction that followed) between our
            // read and that check. Skipping it would leave this reader one entry behind on a segment
            // nobody appends to any more, and its next save would fork the chain.
            try readTail(into: &state)
            state.segment += 1
            state.consumedBytes = 0
            state.consumedLines = 0
            state.observedSize = 0
            state.segmentInode = nil
            state.lastLineStart = nil
        }
        if let committed, let problem = committed.problem(reaching: state.seq, hash: state.lastHash) {
            throw StoreError.corruptFile(path: layout.segment(state.segment), line: nil, reason: problem)
        }
        return state
    }

    /// The state of the snapshot alone, read whole.
    private func snapshotState(schemaVersion: Int) throws(StoreError) -> StoreState<Value> {
        let snapshotStatus = try inspection.inspectFile(layout.snapshot)
        let decoded: SelectedSnapshot<Value>
        if let mapped = try mappedSnapshot(inode: snapshotStatus?.inode) {
            decoded = mapped
        } else {
            decoded = try decodeSnapshotSelecting(try readSnapshotBytes(), path: layout.snapshot)
        }
        let snapshot = decoded.snapshot
        if snapshot.schemaVersion != schemaVersion {
            throw StoreError.newerSchemaVersion(path: layout.snapshot, found: snapshot.schemaVersion, supported: schemaVersion)
        }
        let records = try Self.index(snapshot.records, path: layout.snapshot)
        var unloaded: [String: Int] = [:]
        for (id, revision) in decoded.unloaded where records[id] != nil || unloaded.updateValue(revision, forKey: id) != nil {
            throw StoreError.corruptFile(path: layout.snapshot, line: nil, reason: "mã hồ sơ \(id) bị trùng")
        }
        var state = StoreState<Value>(
            records: records, seq: snapshot.seq, lastHash: snapshot.lastHash, snapshotSeq: snapshot.seq,
            snapshotInode: snapshotStatus?.inode, segment: snapshot.segment, snapshotLines: decoded.lines
        )
        state.unloaded = UnreadRecords(unloaded)
        state.snapshotSegment = snapshot.segment
        return state
    }

    /// The snapshot read through a mapping of the file, which is never resident whole (`decodeMapped`); nil
    /// where it cannot be (no mapping, another layout, damage: the file is then read whole, which reports
    /// the damage precisely). A snapshot of a newer schema is left to that read too, which refuses it.
    private func mappedSnapshot(inode: UInt64?) throws(StoreError) -> SelectedSnapshot<Value>? {
        let fileSystem = files.fileSystem
        guard let descriptor = try? fileSystem.open(layout.snapshot, flags: O_RDONLY | O_NOFOLLOW, mode: 0) else { return nil }
        guard let status = try? fileSystem.status(of: descriptor, path: layout.snapshot), status.inode == inode,
              let mapped = fileSystem.mapForReading(descriptor, size: Int(status.size), path: layout.snapshot)
        else {
            try? fileSystem.close(descriptor, path: layout.snapshot)
            return nil
        }
        guard let decoded: SelectedSnapshot<Value> = SnapshotCoding.decodeMapped(
            mapped, files: files, path: layout.snapshot, descriptor: descriptor, selection: selection)
        else { return nil }
        try Self.checkHeader(decoded.snapshot, path: layout.snapshot)
        return decoded
    }

    /// Refuses a snapshot whose header cannot describe a store (whatever its records).
    private static func checkHeader(_ snapshot: Snapshot<Value>, path: String) throws(StoreError) {
        guard snapshot.seq >= 0, snapshot.segment >= 1, snapshot.lastHash.utf8.count == 64 else {
            throw StoreError.corruptFile(path: path, line: nil, reason: "phần đầu (seq, segment, lastHash) không hợp lệ")
        }
    }

    /// The state of the snapshot read through `snapshot.index` for a selection: the index, then only the
    /// groups of lines holding the records the selection admits, each checked against its digest. Nil
    /// whenever the index cannot be trusted to describe the snapshot on disk (missing, stale, damaged, a
    /// group whose bytes do not match): the snapshot is then read whole, which also reports any damage.
    private func indexedState(schemaVersion: Int) throws(StoreError) -> StoreState<Value>? {
        guard let selection, let snapshotStatus = try inspection.inspectFile(layout.snapshot),
              let header = SnapshotCoding.header(try readSnapshotHead(), as: SnapshotHeader.self)
        else { return nil }
        if header.schemaVersion != schemaVersion {
            throw StoreError.newerSchemaVersion(path: layout.snapshot, found: header.schemaVersion, supported: schemaVersion)
        }
        guard (try? inspection.inspectFile(layout.snapshotIndex)) != nil else { return nil }
        if let named = selection.named {
            return namedState(named, header: header, snapshotStatus: snapshotStatus)
        }
        guard let indexBytes = try? files.readAll(layout.snapshotIndex) else { return nil }
        guard let index = SnapshotIndex.parse(indexBytes), index.describes(header, size: Int(snapshotStatus.size)) else { return nil }
        var wanted: [Int] = []
        var unloaded: [String: Int] = [:]
        unloaded.reserveCapacity(index.entries.count)
        for (position, entry) in index.entries.enumerated() {
            if selection.admits(RecordProbe(entry: entry, paths: index.paths)) {
                wanted.append(position)
            } else if unloaded.updateValue(entry.revision, forKey: entry.id) != nil {
                return nil
            }
        }
        guard var state = stateOfIndexedRecords(
            at: wanted, of: index, header: header, inode: snapshotStatus.inode, unlessAlso: { unloaded[$0] != nil })
        else { return nil }
        state.unloaded = UnreadRecords(unloaded)
        // Where each record's line is, made the first time a record left unread is needed (rarely: a journal
        // patch that may change what it was judged by), not on every read of one file.
        let positions = LazyPositions(index.entries)
        state.unloadedRecord = { id in
            guard let position = positions[id] else { return nil }
            let read: [[StoredRecord<Value>]]? = IndexedSnapshotReader(layout: layout, files: files, index: index, inode: snapshotStatus.inode)?
                .records(at: [position])
            return read?.first?.first
        }
        return state
    }

    /// The state holding the records at the index's `positions`, read from their groups and checked; nil
    /// when they cannot be read as the index says, or when an id comes twice or is `unlessAlso` (listed as
    /// left unread too): the caller then reads the snapshot whole.
    private func stateOfIndexedRecords(
        at positions: [Int], of index: any IndexEntries, header: SnapshotHeader, inode: UInt64, unlessAlso listedUnread: (String) -> Bool
    ) -> StoreState<Value>? {
        guard let read = IndexedSnapshotReader(layout: layout, files: files, index: index, inode: inode),
              let decoded: [[StoredRecord<Value>]] = read.records(at: positions)
        else { return nil }
        var records: [String: StoredRecord<Value>] = [:]
        records.reserveCapacity(positions.count)
        for part in decoded {
            for record in part where records.updateValue(record, forKey: record.id) != nil || listedUnread(record.id) { return nil }
        }
        var state = StoreState<Value>(
            records: records, seq: header.seq, lastHash: header.lastHash, snapshotSeq: header.seq,
            snapshotInode: inode, segment: header.segment, snapshotLines: nil)
        state.snapshotSegment = header.segment
        return state
    }

    /// The state of the snapshot read through `snapshot.index` for a selection that names its records:
    /// the index searched for them (`SnapshotIndexLookup`: its head and the parts it meets checked, not
    /// the whole index), every record outside `named.prefixes` read, the others left unread without being
    /// looked at. Nil as for `indexedState`, and when a part met does not match its digest.
    private func namedState(_ named: RecordSelection.Named, header: SnapshotHeader, snapshotStatus: FileStatus) -> StoreState<Value>? {
        guard let lookup = SnapshotIndexLookup(path: layout.snapshotIndex, files: files),
              lookup.index.describes(header, size: Int(snapshotStatus.size))
        else { return nil }
        // Runs in id order, each once (a prefix inside another's run adds nothing).
        var skipped: [Range<Int>] = []
        for run in named.prefixes.map(lookup.positions(withPrefix:)).sorted(by: { $0.lowerBound < $1.lowerBound }) where !run.isEmpty {
            if let last = skipped.last, last.upperBound >= run.lowerBound {
                skipped[skipped.count - 1] = last.lowerBound..<max(last.upperBound, run.upperBound)
            } else {
                skipped.append(run)
            }
        }
        var wanted: [Int] = []
        var next = 0
        for run in skipped {
            wanted += next..<run.lowerBound
            next = run.upperBound
        }
        wanted += next..<lookup.entryCount
        var found = Set<Int>()
        for id in named.ids where named.prefixes.contains(where: id.hasPrefix) {
            if let position = lookup.position(of: id) { found.insert(position) }
        }
        if let probed = named.probed {
            var malformed = false
            lookup.forEachProbe(in: lookup.positions(withPrefix: probed.prefix)) { position, probe in
                guard let probe else { return malformed = true }
                if probed.admits(probe) { found.insert(position) }
            }
            if malformed { return nil }
        }
        wanted += found
        guard !lookup.isDamaged, var state = stateOfIndexedRecords(at: wanted, of: lookup, header: header, inode: snapshotStatus.inode, unlessAlso: { _ in false })
        else { return nil }
        state.unloaded = UnreadRecords(skipping: skipped, of: lookup, but: found)
        state.unloadedRecord = { id in
            guard let position = lookup.position(of: id) else { return nil }
            let read: [[StoredRecord<Value>]]? = IndexedSnapshotReader(layout: layout, files: files, index: lookup, inode: snapshotStatus.inode)?
                .records(at: [position])
            return read?.first?.first
        }
        return state
    }

    /// What the store is known to have committed: `journal/head`, and the newest backup by its name
    /// (not after an offline restore, whose older history, backups included, lives in `damaged-*`).
    func committedPoint() -> CommittedPoint {
        let fileSystem = files.fileSystem
        let restoredOffline = ((try? fileSystem.contentsOfDirectory(layout.directory)) ?? []).contains { $0.hasPrefix(DamagedDirectory.prefix) }
        var backups: [(name: String, seq: Int)] = []
        if !restoredOffline {
            for name in (try? fileSystem.contentsOfDirectory(layout.backupsDirectory)) ?? [] {
                if let parsed = BackupName.parse(name) { backups.append((name, parsed.seq)) }
            }
        }
        let segments = ((try? fileSystem.contentsOfDirectory(layout.journalDirectory)) ?? []).compactMap(StoreLayout.segmentNumber).sorted()
        var missingSegment: Int?
        if let first = segments.first {
            // Segments are never deleted: they run from 1 (from the restored one after an offline restore).
            let start = restoredOffline ? first : 1
            missingSegment = (start...(segments.last ?? first)).first { !segments.contains($0) }
        }
        return CommittedPoint(head: files.readJournalHead(layout), backups: backups, headerSeq: backupHeaderSeq, missingSegment: missingSegment)
    }

    /// The `seq` in the header line of backup `name`, nil when it has none (a broken backup, which
    /// `check` reports on its own and nobody is offered).
    private func backupHeaderSeq(_ name: String) -> Int? {
        guard let head = try? files.readPrefix(layout.backupsDirectory + "/" + name, count: 4_096) else { return nil }
        return SnapshotCoding.header(head, as: SnapshotHeader.self)?.seq
    }

    /// The `seq` of the snapshot on disk, nil when it cannot be read.
    func snapshotSeq() -> Int? {
        snapshotHeader()?.seq
    }

    /// The header of the snapshot on disk, nil when it cannot be read.
    func snapshotHeader() -> SnapshotHeader? {
        if let head = try? readSnapshotHead(), let header = SnapshotCoding.header(head, as: SnapshotHeader.self) { return header }
        guard let bytes = try? readSnapshotBytes() else { return nil }
        return try? JSONDecoder().decode(SnapshotHeader.self, from: Data(bytes))
    }

    func decodeSnapshot(_ bytes: [UInt8], path: String) throws(StoreError) -> Snapshot<Value> {
        try decodeSnapshotKeepingLines(bytes, path: path).snapshot
    }

    func decodeSnapshotKeepingLines(_ bytes: [UInt8], path: String) throws(StoreError) -> (snapshot: Snapshot<Value>, lines: SnapshotLines?) {
        let decoded = try decodeSnapshotSelecting(bytes, path: path, selection: nil)
        return (decoded.snapshot, decoded.lines)
    }

    /// The snapshot, decoding only what `selection` (by default this loader's) admits.
    func decodeSnapshotSelecting(_ bytes: [UInt8], path: String) throws(StoreError) -> SelectedSnapshot<Value> {
        try decodeSnapshotSelecting(bytes, path: path, selection: selection)
    }

    private func decodeSnapshotSelecting(
        _ bytes: [UInt8], path: String, selection: RecordSelection?
    ) throws(StoreError) -> SelectedSnapshot<Value> {
        let decoded: SelectedSnapshot<Value>
        do {
            decoded = try SnapshotCoding.decodeSelecting(bytes, selection: selection)
        } catch {
            throw StoreError.corruptFile(path: path, line: nil, reason: DecodingFailure.describe(error))
        }
        let snapshot = decoded.snapshot
        try Self.checkHeader(snapshot, path: path)
        if let problem = Self.recordsHashProblem(snapshot.recordsHash, schemaVersion: snapshot.schemaVersion, bytes: bytes) {
            throw StoreError.corruptFile(path: path, line: nil, reason: problem)
        }
        // Snapshots lacked the hash only before `journal/head` existed: both came in one version. A store
        // with a head whose snapshot has none had it removed (with its version set back, so that the
        // migration would seal whatever was edited).
        if snapshot.recordsHash == nil, path == layout.snapshot, files.readJournalHead(layout) != nil {
            throw StoreError.corruptFile(
                path: path, line: nil,
                reason: "thiếu mã băm của các hồ sơ (recordsHash) dù thư mục đã được HoSo bản mới ghi (có journal/head): tệp đã bị sửa ngoài HoSo")
        }
        return decoded
    }

    /// Why the records of a snapshot do not match its `recordsHash`, or nil when they do (or when it
    /// predates records hashes and has none).
    static func recordsHashProblem(_ stated: String?, schemaVersion: Int, bytes: [UInt8]) -> String? {
        guard let stated else {
            return schemaVersion >= SnapshotCoding.recordsHashRequiredFrom
                ? "thiếu mã băm của các hồ sơ (recordsHash) ở dòng đầu: tệp đã bị sửa ngoài HoSo" : nil
        }
        guard let computed = SnapshotCoding.recordsHash(bytes) else {
            return "các hồ sơ không còn mỗi hồ sơ một dòng như HoSo ghi, nên không kiểm được mã băm (recordsHash): tệp đã bị viết lại ngoài HoSo"
        }
        return computed == stated ? nil : "nội dung các hồ sơ không khớp mã băm (recordsHash) ở dòng đầu: tệp đã bị sửa ngoài HoSo"
    }

    static func index(_ records: [StoredRecord<Value>], path: String) throws(StoreError) -> [String: StoredRecord<Value>] {
        var byId: [String: StoredRecord<Value>] = [:]
        byId.reserveCapacity(records.count)
        for (position, record) in records.enumerated() {
            guard record.revision >= 1 else {
                throw StoreError.corruptFile(path: path, line: nil, reason: "records[\(position)]: phiên bản phải từ 1 trở lên")
            }
            if byId.updateValue(record, forKey: record.id) != nil {
                throw StoreError.corruptFile(path: path, line: nil, reason: "mã hồ sơ \(record.id) bị trùng")
            }
        }
        return byId
    }

    /// Applies the complete lines of the current segment past what `state` has consumed.
    /// Entries at or before the snapshot's seq are skipped (they are already in it).
    func readTail(into state: inout StoreState<Value>) throws(StoreError) {
        let path = layout.segment(state.segment)
        guard let status = try inspection.inspectFile(path) else { return }
        var bytes: [UInt8]
        let readFrom = state.lastLineStart ?? state.consumedBytes
        do {
            let descriptor = try files.fileSystem.open(path, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
            defer { try? files.fileSystem.close(descriptor, path: path) }
            bytes = try files.readAll(descriptor, from: readFrom, path: path)
        } catch {
            throw StoreError.from(error)
        }
        if readFrom < state.consumedBytes {
            let length = Int(state.consumedBytes - readFrom)
            let stillThere = bytes.count >= length
                && { if case .valid(_, let hash) = JournalLine.parse(bytes[0..<(length - 1)]) { hash == state.lastHash } else { false } }()
            guard stillThere else {
                throw StoreError.corruptFile(path: path, line: state.consumedLines, reason: "dòng đã đọc không còn trong nhật ký")
            }
            bytes.removeFirst(length)
        }
        let scanned = try JournalScanner.scan(bytes, baseOffset: state.consumedBytes, baseLine: state.consumedLines, path: path)
        let decoder = JSONDecoder()
        let strings = StringTable()
        for line in scanned.lines {
            if !state.unloaded.isEmpty,
               let outline = JournalEntryOutline(entryBytes: line.entryBytes, indexedPaths: Value.indexedPaths, strings: strings),
               outline.seq > state.seq {
                let outcome = state.applyDeferring(outline, entryBytes: line.entryBytes, hash: line.hash)
                if let problem = outcome.problem {
                    throw StoreError.corruptFile(path: path, line: line.lineNumber, reason: problem)
                }
                if outcome.applied {
                    state.lastLineStart = line.startOffset
                    state.consumedBytes = line.endOffset
                    state.consumedLines = line.lineNumber
                    continue
                }
            }
            let entry: JournalEntry<Value>
            do {
                // The fast decoder where it is sure; Foundation's for anything else and for the error's place.
                let fast = line.entryBytes.withUnsafeBufferPointer { try? RecordDecoder.decode(JournalEntry<Value>.self, from: $0, strings: strings) }
                entry = try fast ?? decoder.decode(JournalEntry<Value>.self, from: Data(line.entryBytes))
            } catch {
                throw StoreError.corruptFile(path: path, line: line.lineNumber, reason: DecodingFailure.describe(error))
            }
            if entry.seq > state.seq {
                if let problem = state.apply(entry, hash: line.hash) {
                    throw StoreError.corruptFile(path: path, line: line.lineNumber, reason: problem)
                }
                state.lastLineStart = line.startOffset
            } else {
                state.lastLineStart = nil
            }
            state.consumedBytes = line.endOffset
            state.consumedLines = line.lineNumber
        }
        state.observedSize = state.consumedBytes + Int64(scanned.tornBytes)
        state.observedModified = status.modifiedNanoseconds
        state.segmentInode = status.inode
    }
}

/// The position of each index entry by id, built once on first use.
private final class LazyPositions: @unchecked Sendable {
    // Unchecked: `built` is only read or written with `lock` held; `entries` never changes.
    private let entries: [SnapshotIndex.Entry]
    private let lock = NSLock()
    private var built: [String: Int]?

    init(_ entries: [SnapshotIndex.Entry]) {
        self.entries = entries
    }

    subscript(id: String) -> Int? {
        lock.withLock {
            if built == nil {
                var positions = [String: Int](minimumCapacity: entries.count)
                for (position, entry) in entries.enumerated() where positions[entry.id] == nil { positions[entry.id] = position }
                built = positions
            }
            return built?[id]
        }
    }
}

/// How far the journal must reach: the head written after the last commit, and the newest backup.
struct CommittedPoint {
    let head: JournalHead?
    /// The backups by name, listed before the journal was read.
    let backups: [(name: String, seq: Int)]
    /// Reads the `seq` a backup's header states.
    let headerSeq: (String) -> Int?
    /// A segment missing before the newest one (listed before the journal was read).
    var missingSegment: Int? = nil

    /// The newest backup past `seq` whose header says what its name says.
    private func newestBackup(after seq: Int) -> (name: String, seq: Int)? {
        backups.filter { $0.seq > seq }.sorted { $0.seq > $1.seq }.first { headerSeq($0.name) == $0.seq }
    }

    /// Why a journal ending at entry `seq` with hash `hash` lost committed entries; nil when it did not.
    func problem(reaching seq: Int, hash: String) -> String? {
        if let missingSegment {
            return "thiếu đoạn nhật ký \(StoreLayout.segmentName(missingSegment)) (các đoạn phải liền nhau từ \(StoreLayout.segmentName(1))): "
                + "một phần lịch sử đã bị xoá"
        }
        if let head, head.seq > seq {
            return "nhật ký chỉ còn đến lần lưu \(seq), nhưng đã ghi xong đến lần lưu \(head.seq) (theo journal/head): "
                + "\(head.seq - seq) lần lưu đã mất vì nhật ký bị cắt ngắn hoặc bị xoá"
        }
        if let head, head.seq == seq, head.hash != hash {
            return "lần lưu \(seq) trong nhật ký khác với lần lưu đã ghi (theo journal/head): nhật ký đã bị viết lại"
        }
        if let newestBackup = newestBackup(after: seq) {
            return "bản sao lưu \(newestBackup.name) có đến lần lưu \(newestBackup.seq), mới hơn dữ liệu hiện tại "
                + "(lần lưu \(seq)): các lần lưu \(seq + 1)…\(newestBackup.seq) đã mất khỏi nhật ký"
        }
        return nil
    }
}
