#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A backup of the whole state in `backups/`, in snapshot format.
public struct BackupInfo: Sendable, Equatable {
    /// File name inside `backups/`; pass it to `restore(fromBackup:)`.
    public let name: String
    /// Journal sequence number the backup reflects.
    public let seq: Int
    /// When it was made, `YYYYMMDDTHHMMSSZ` (UTC).
    public let createdAt: String
    /// Size in bytes.
    public let size: Int64
}

/// Backup file names: `snapshot-<seq, 12 digits>-<YYYYMMDDTHHMMSSZ>.json`, so name order is age order.
enum BackupName {
    static func make(seq: Int, date: Date) -> String {
        let digits = String(seq)
        return "snapshot-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + "-" + Timestamp.compact(date) + ".json"
    }

    static func parse(_ name: String) -> (seq: Int, stamp: String)? {
        guard name.hasPrefix("snapshot-"), name.hasSuffix(".json") else { return nil }
        let parts = name.dropFirst(9).dropLast(5).split(separator: "-")
        guard parts.count == 2, let seq = Int(parts[0]), parts[1].count == 16 else { return nil }
        return (seq, String(parts[1]))
    }
}

/// Keeps the last 20 backups plus the newest of each of the last 30 days; deletes the rest.
struct BackupRotation {
    let fileSystem: any FileSystem
    let directory: String
    static let keepRecent = 20
    static let keepDays = 30

    func rotate(now: Date) {
        guard let names = try? fileSystem.contentsOfDirectory(directory) else { return }
        let backups = names.compactMap { name in BackupName.parse(name).map { (name: name, stamp: $0.stamp) } }
            .sorted { ($0.stamp, $0.name) < ($1.stamp, $1.name) }
        var keep = Set(backups.suffix(Self.keepRecent).map(\.name))
        let oldestDay = String(Timestamp.compact(now.addingTimeInterval(-Double(Self.keepDays) * 86_400)).prefix(8))
        var newestOfDay: [String: String] = [:]
        for backup in backups { newestOfDay[String(backup.stamp.prefix(8))] = backup.name }
        for (day, name) in newestOfDay where day >= oldestDay { keep.insert(name) }
        var removed = false
        for backup in backups where !keep.contains(backup.name) {
            try? fileSystem.unlink(directory + "/" + backup.name)
            removed = true
        }
        if removed { try? fileSystem.fsyncDirectory(directory) }
    }
}

extension JournalStore {
    /// Makes a backup of the current state now (including saves other processes just made).
    @discardableResult
    public func backup(now: Date = Date()) throws(StoreError) -> BackupInfo {
        try withSaveLock { () throws(StoreError) -> BackupInfo in
            _ = try refreshLocked()
            return try backupLocked(now: now)
        }
    }

    /// The backups, oldest first, without the newest ones that do not verify (see `restorableBackups`).
    public func listBackups() -> [BackupInfo] {
        Self.restorableBackups(inDirectory: directory, schemaVersion: schemaVersion, fileSystem: files.fileSystem)
    }

    /// Replaces the current records with those of a backup, as one attributed journal entry (so history,
    /// the hash chain and other terminals all follow); the current state is backed up first.
    public func restore(fromBackup name: String, actor: String, now: Date = Date()) throws(StoreError) {
        guard BackupName.parse(name) != nil, !name.contains("/") else { throw StoreError.backupNotFound(name: name) }
        let path = layout.backupsDirectory + "/" + name
        try withSaveLock { () throws(StoreError) in
            _ = try refreshLocked()
            try state.requireEveryRecord()
            let status: FileStatus
            do throws(FileSystemError) {
                status = try files.fileSystem.status(ofPath: path)
            } catch {
                if error.code == ENOENT { throw StoreError.backupNotFound(name: name) }
                throw StoreError.from(error)
            }
            if status.kind != .regular { throw StoreError.unsafeFile(path: path, reason: status.kind == .symbolicLink ? .symbolicLink : .wrongKind) }
            let loader = StoreLoader<Value>(layout: layout, files: files)
            let bytes: [UInt8]
            do throws(FileSystemError) { bytes = try files.readAll(path) } catch { throw StoreError.from(error) }
            let snapshot = try loader.decodeSnapshot(bytes, path: path)
            if snapshot.schemaVersion != schemaVersion {
                throw StoreError.newerSchemaVersion(path: path, found: snapshot.schemaVersion, supported: schemaVersion)
            }
            let restored = try StoreLoader<Value>.index(snapshot.records, path: path)
            try backupLocked(now: now)
            var changes: [JournalChange<Value>] = []
            let summary = "Khôi phục từ bản sao lưu \(name)"
            for (id, current) in state.records where restored[id] == nil {
                changes.append(JournalChange(id: id, revisionBefore: current.revision, revision: current.revision + 1, summary: summary, value: nil))
            }
            for (id, record) in restored where state.records[id]?.value != record.value {
                let before = state.records[id]?.revision
                changes.append(JournalChange(id: id, revisionBefore: before, revision: (before ?? 0) + 1, summary: summary, value: record.value))
            }
            guard !changes.isEmpty else { return }
            changes.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            try appendLocked(JournalEntry(seq: state.seq + 1, time: Timestamp.iso8601(now), actor: actor, changes: changes, prevHash: state.lastHash))
            try compactLocked(now: now)
        }
    }

    @discardableResult
    func backupLocked(now: Date) throws(StoreError) -> BackupInfo {
        try state.requireEveryRecord()
        let name = BackupName.make(seq: state.seq, date: now)
        let snapshot = Snapshot(schemaVersion: schemaVersion, seq: state.seq, lastHash: state.lastHash, segment: state.segment, records: SnapshotCoding.sortedRecords(state.records))
        do {
            try Self.makePrivateDirectory(layout.backupsDirectory, fileSystem: files.fileSystem)
        } catch {
            throw StoreError.from(error)
        }
        // Written part by part, as a compaction writes the snapshot: never whole in memory.
        let (temporary, written) = try Self.writeSnapshot(snapshot, reusing: state.snapshotLines, in: layout.backupsDirectory, files: files)
        do {
            try files.install(temporary, as: layout.backupsDirectory + "/" + name, directory: layout.backupsDirectory)
        } catch {
            throw StoreError.from(error)
        }
        BackupRotation(fileSystem: files.fileSystem, directory: layout.backupsDirectory).rotate(now: now)
        return BackupInfo(name: name, seq: state.seq, createdAt: Timestamp.compact(now), size: Int64(written.size))
    }
}
