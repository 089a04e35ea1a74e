#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reads a store from disk without writing anything: version gate, snapshot, then the journal tail.
struct StoreLoader<Value: Codable & Sendable & Equatable> {
    let layout: StoreLayout
    let files: DurableFiles
    /// Which snapshot records `load` decodes (all when nil; see `RecordSelection`).
    var selection: RecordSelection? = nil

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

    /// The snapshot's first bytes: enough for the header line that `SnapshotCoding` writes first.
    func readSnapshotHead() throws(StoreError) -> [UInt8] {
        guard try inspection.inspectFile(layout.snapshot) != nil else { throw StoreError.notAStore(path: layout.directory) }
        do {
            return try files.readPrefix(layout.snapshot, count: 64 << 10)
        } catch {
            throw StoreError.from(error)
        }
    }

    func readSnapshotBytes() throws(StoreError) -> [UInt8] {
        guard try inspection.inspectFile(layout.snapshot) != nil else { throw StoreError.notAStore(path: layout.directory) }
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
        let snapshotStatus = try inspection.inspectFile(layout.snapshot)
        let decoded = try decodeSnapshotSelecting(try readSnapshotBytes(), path: layout.snapshot)
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
        state.unloaded = unloaded
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
        return state
    }

    /// The `seq` of the snapshot on disk, nil when it cannot be read.
    func snapshotSeq() -> Int? {
        if let head = try? readSnapshotHead(), let header = SnapshotCoding.header(head, as: SnapshotHeader.self) { return header.seq }
        guard let bytes = try? readSnapshotBytes() else { return nil }
        return try? JSONDecoder().decode(SnapshotHeader.self, from: Data(bytes)).seq
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
        guard snapshot.seq >= 0, snapshot.segment >= 1, snapshot.lastHash.utf8.count == 64 else {
            throw StoreError.corruptFile(path: path, line: nil, reason: "phần đầu (seq, segment, lastHash) không hợp lệ")
        }
        return decoded
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
