#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Turns one record's value written under schema version `from` into version `from + 1`; must be pure.
public struct Migration: Sendable {
    /// The version this migration reads.
    public let from: Int
    /// The transformation of one record value.
    public let migrate: @Sendable (JSONValue) throws -> JSONValue

    /// Makes a migration from `from` to `from + 1`.
    public init(from: Int, migrate: @escaping @Sendable (JSONValue) throws -> JSONValue) {
        self.from = from
        self.migrate = migrate
    }
}

/// Rewrites an older store into the current schema, under the lock, after keeping the old snapshot as a backup.
///
/// The old state (snapshot plus journal tail) is read untyped, every record value is migrated, and a new
/// snapshot pointing at a fresh segment is written, so old-format lines are never replayed again (they
/// stay as history and still verify, since the hash covers their bytes).
struct SchemaMigrator {
    let layout: StoreLayout
    let files: DurableFiles

    func migrate(to target: Int, using migrations: [Migration]) throws(StoreError) {
        let loader = StoreLoader<JSONValue>(layout: layout, files: files)
        let found = try loader.schemaVersion()
        guard found < target else { return }
        var steps: [Migration] = []
        for version in found..<target {
            guard let step = migrations.first(where: { $0.from == version }) else { throw StoreError.missingMigration(from: version) }
            steps.append(step)
        }
        let old = try loader.load(schemaVersion: found)
        var migrated: [StoredRecord<JSONValue>] = []
        migrated.reserveCapacity(old.records.count)
        for record in SnapshotCoding.sortedRecords(old.records) {
            var value = record.value
            for step in steps {
                do {
                    value = try step.migrate(value)
                } catch {
                    throw StoreError.migrationFailed(from: step.from, reason: "hồ sơ \(record.id) không nâng cấp được")
                }
            }
            migrated.append(StoredRecord(id: record.id, revision: record.revision, value: value, changedBy: record.changedBy, changedAt: record.changedAt))
        }
        let fileSystem = files.fileSystem
        do {
            try JournalStore<JSONValue>.makePrivateDirectory(layout.backupsDirectory, fileSystem: fileSystem)
            let now = Date()
            let backup = layout.backupsDirectory + "/" + BackupName.make(seq: old.snapshotSeq, date: now)
            do { try fileSystem.link(layout.snapshot, to: backup) } catch { if error.code != EEXIST { throw error } }
            try fileSystem.fsyncDirectory(layout.backupsDirectory)
            let nextSegment = old.segment + 1
            do {
                try files.createEmpty(layout.segment(nextSegment), directory: layout.journalDirectory)
            } catch {
                if error.code != EEXIST { throw error }
            }
            let snapshot = Snapshot(schemaVersion: target, seq: old.seq, lastHash: old.lastHash, segment: nextSegment, records: migrated)
            let bytes: [UInt8]
            do { bytes = try SnapshotCoding.encode(snapshot) } catch { throw StoreError.encodingFailed(id: "snapshot") }
            try files.replaceDurably(layout.snapshot, with: bytes, temporaryIn: layout.directory)
            // The backups above are in the old format, which this version does not restore: one in the new
            // format right away, so there is always a backup to offer (named a second later: name order is age).
            // The migration is done by now; a backup that cannot be written (a full disk) does not undo it.
            try? files.replaceDurably(
                layout.backupsDirectory + "/" + BackupName.make(seq: old.seq, date: now.addingTimeInterval(1)), with: bytes,
                temporaryIn: layout.backupsDirectory)
        } catch let error as FileSystemError {
            throw StoreError.from(error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.migrationFailed(from: found, reason: "lỗi không xác định")
        }
    }
}
