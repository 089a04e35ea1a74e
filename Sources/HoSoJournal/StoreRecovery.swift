#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What an offline restore did: which backup is now the state, and where the damaged files were kept.
public struct OfflineRestoreResult: Sendable, Equatable {
    /// The backup that was installed.
    public let backup: BackupInfo
    /// The `damaged-<UTC time>` directory holding the old `snapshot.json` and `journal/`, never deleted.
    public let damagedDirectory: String
}

/// Name prefix of the directories an offline restore moves damaged files into.
enum DamagedDirectory {
    static let prefix = "damaged-"
}

extension JournalStore {
    /// The backups of the store in `directory`, oldest first, without opening it: this must work on a
    /// store whose snapshot or journal is damaged, which is exactly when a backup is needed. The newest
    /// ones that do not verify are left out, so the last is a backup a restore can install.
    public static func listBackups(inDirectory directory: String, fileSystem: any FileSystem = .real) -> [BackupInfo] {
        restorableBackups(inDirectory: directory, schemaVersion: nil, fileSystem: fileSystem)
    }

    /// Every file of `backups/` named as a backup, oldest first, unread.
    static func allBackups(inDirectory directory: String, fileSystem: any FileSystem) -> [BackupInfo] {
        let backups = StoreLayout(directory: directory).backupsDirectory
        guard let names = try? fileSystem.contentsOfDirectory(backups) else { return [] }
        return names.compactMap { name in
            guard let parsed = BackupName.parse(name),
                  let status = try? fileSystem.status(ofPath: backups + "/" + name), status.kind == .regular else { return nil }
            return BackupInfo(name: name, seq: parsed.seq, createdAt: parsed.stamp, size: status.size)
        }.sorted { ($0.createdAt, $0.name) < ($1.createdAt, $1.name) }
    }

    /// Replaces a store that cannot be opened because a file is corrupt with one of its backups.
    ///
    /// Under the lock: the damaged `snapshot.json` (copied) and `journal/` (moved) go into a new
    /// `damaged-<UTC time>/` directory (0700, files 0600, never deleted), the backup becomes the snapshot
    /// and the empty journal segment it names is created, so the store opens at the backup's state. A store
    /// that still loads is refused (`storeNotDamaged`): its history must be kept, so it is restored by
    /// `restore(fromBackup:actor:)`, as one journal entry.
    ///
    /// The steps are ordered so that a crash at any moment leaves either the old damaged store or the new
    /// snapshot with a journal that does not contradict it; running the restore again finishes the job.
    @discardableResult
    public static func restoreDamagedStore(
        at directory: String, fromBackup name: String, schemaVersion: Int,
        fileSystem: any FileSystem = .real, options: StoreOptions = .init(), now: Date = Date()
    ) throws(StoreError) -> OfflineRestoreResult {
        guard BackupName.parse(name) != nil, !name.contains("/") else { throw StoreError.backupNotFound(name: name) }
        let layout = StoreLayout(directory: directory)
        let files = DurableFiles(fileSystem: fileSystem)
        let inspection = DataFileInspection(fileSystem: fileSystem, layout: layout)
        try inspection.inspectDirectory(directory)
        let lock = try StoreLock(directory: directory, files: files, timeout: options.lockTimeout)
        return try lock.withExclusiveLock { () throws(StoreError) -> OfflineRestoreResult in
            let loader = StoreLoader<Value>(layout: layout, files: files)
            let backupPath = layout.backupsDirectory + "/" + name
            let backupStatus: FileStatus
            do throws(FileSystemError) {
                backupStatus = try fileSystem.status(ofPath: backupPath)
            } catch {
                if error.code == ENOENT { throw StoreError.backupNotFound(name: name) }
                throw StoreError.from(error)
            }
            if backupStatus.kind != .regular {
                throw StoreError.unsafeFile(path: backupPath, reason: backupStatus.kind == .symbolicLink ? .symbolicLink : .wrongKind)
            }
            let backupBytes: [UInt8]
            do throws(FileSystemError) { backupBytes = try files.readAll(backupPath) } catch { throw StoreError.from(error) }
            let backup = try loader.decodeSnapshot(backupBytes, path: backupPath)
            if backup.schemaVersion != schemaVersion {
                throw StoreError.newerSchemaVersion(path: backupPath, found: backup.schemaVersion, supported: schemaVersion)
            }
            _ = try StoreLoader<Value>.index(backup.records, path: backupPath)

            var loads = false
            do throws(StoreError) {
                _ = try loader.load(schemaVersion: schemaVersion)
                loads = true
            } catch {
                switch error {
                case .corruptFile: break
                case .notAStore(let path) where path == layout.journalDirectory: break
                default: throw error
                }
            }
            if loads { throw StoreError.storeNotDamaged(path: directory) }

            do throws(FileSystemError) {
                let damaged = try makeDamagedDirectory(in: directory, now: now, fileSystem: fileSystem)
                if let snapshotStatus = try? fileSystem.status(ofPath: layout.snapshot), snapshotStatus.kind == .regular {
                    // Copied, not linked: the old snapshot may share its inode with a file in `backups/`.
                    try files.replaceDurably(damaged + "/snapshot.json", with: try files.readAll(layout.snapshot), temporaryIn: damaged)
                }
                try files.replaceDurably(layout.snapshot, with: backupBytes, temporaryIn: directory)
                if (try? fileSystem.status(ofPath: layout.journalDirectory)) != nil {
                    try fileSystem.rename(layout.journalDirectory, to: damaged + "/journal")
                    try keepPrivate(damaged + "/journal", fileSystem: fileSystem)
                    try fileSystem.fsyncDirectory(damaged)
                }
                try makePrivateDirectory(layout.journalDirectory, fileSystem: fileSystem)
                try fileSystem.fsyncDirectory(directory)
                try files.createEmpty(layout.segment(backup.segment), directory: layout.journalDirectory)
                let info = BackupInfo(name: name, seq: backup.seq, createdAt: BackupName.parse(name)?.stamp ?? "", size: Int64(backupBytes.count))
                return OfflineRestoreResult(backup: info, damagedDirectory: damaged)
            } catch {
                throw StoreError.from(error)
            }
        }
    }

    /// Creates `damaged-<UTC time>` (with `-2`, `-3`… if two restores fall in the same second), mode 0700.
    private static func makeDamagedDirectory(in directory: String, now: Date, fileSystem: any FileSystem) throws(FileSystemError) -> String {
        let base = directory + "/" + DamagedDirectory.prefix + Timestamp.compact(now)
        var attempt = 1
        while true {
            let path = attempt == 1 ? base : base + "-\(attempt)"
            do {
                try fileSystem.makeDirectory(path, permissions: 0o700)
                try fileSystem.setPermissions(ofPath: path, 0o700)
                try fileSystem.fsyncDirectory(directory)
                return path
            } catch {
                if error.code != EEXIST { throw error }
                attempt += 1
            }
        }
    }

    /// The moved journal keeps the store's modes whatever state the damage left them in: it still holds
    /// personal data. Symbolic links are left alone, never followed.
    private static func keepPrivate(_ journal: String, fileSystem: any FileSystem) throws(FileSystemError) {
        try fileSystem.setPermissions(ofPath: journal, 0o700)
        for name in try fileSystem.contentsOfDirectory(journal) {
            let path = journal + "/" + name
            guard let status = try? fileSystem.status(ofPath: path), status.kind == .regular else { continue }
            try fileSystem.setPermissions(ofPath: path, 0o600)
        }
    }

    /// Names of the `damaged-*` directories in the data directory, oldest first.
    func damagedDirectories() -> [String] {
        let names = (try? files.fileSystem.contentsOfDirectory(layout.directory)) ?? []
        return names.filter { name in
            name.hasPrefix(DamagedDirectory.prefix) && (try? files.fileSystem.status(ofPath: layout.directory + "/" + name))?.kind == .directory
        }.sorted()
    }
}
