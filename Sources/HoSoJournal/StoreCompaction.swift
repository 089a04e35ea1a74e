#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension JournalStore {
    /// Writes a new snapshot of the current state and moves to a new segment, under the store lock.
    ///
    /// The new segment is created before the snapshot names it, so a reader following segments one by
    /// one never meets a gap, whatever moment a crash picks.
    func compactLocked(now: Date) throws(StoreError) {
        try state.requireEveryRecord()
        guard state.seq > state.snapshotSeq else { return }
        removeStaleTemporaryFiles()
        try prepareSegmentForAppendLocked()
        let nextSegment = state.segment + 1
        // Written (under a temporary name) before anything else on disk changes: a record that cannot be
        // encoded (a history that could not be read) leaves the store exactly as it was, not with one more
        // empty segment. Written part by part: the snapshot is never whole in memory.
        let snapshot = Snapshot(schemaVersion: schemaVersion, seq: state.seq, lastHash: state.lastHash, segment: nextSegment, records: SnapshotCoding.sortedRecords(state.records))
        let (temporary, written) = try Self.writeSnapshot(snapshot, reusing: state.snapshotLines, in: layout.directory, files: files)
        let nextPath = layout.segment(nextSegment)
        do {
            try files.createEmpty(nextPath, directory: layout.journalDirectory)
        } catch {
            if error.code != EEXIST {
                try? files.fileSystem.unlink(temporary)
                throw StoreError.from(error)
            }
        }
        state.segment = nextSegment
        state.consumedBytes = 0
        state.consumedLines = 0
        state.observedSize = 0
        state.lastLineStart = nil
        state.segmentInode = try? files.fileSystem.status(ofPath: nextPath).inode
        entriesInSegment = 0

        do {
            try keepOldSnapshotAsBackup(now: now)
        } catch {
            try? files.fileSystem.unlink(temporary)
            throw error
        }
        do {
            try files.install(temporary, as: layout.snapshot, directory: layout.directory)
        } catch {
            throw StoreError.from(error)
        }
        Self.writeSnapshotIndex(layout: layout, files: files, written: written, records: snapshot.records)
        state.snapshotSeq = state.seq
        state.snapshotSegment = nextSegment
        state.snapshotInode = try? files.fileSystem.status(ofPath: layout.snapshot).inode
        BackupRotation(fileSystem: files.fileSystem, directory: layout.backupsDirectory).rotate(now: now)
    }

    /// `snapshot` written under a temporary name in `directory`, synced, part by part; what cannot be
    /// encoded is `encodingFailed`, and leaves nothing behind.
    static func writeSnapshot(
        _ snapshot: Snapshot<Value>, reusing lines: SnapshotLines?, in directory: String, files: DurableFiles
    ) throws(StoreError) -> (temporary: String, written: SnapshotCoding.Written) {
        var written: SnapshotCoding.Written?
        do {
            let temporary = try files.writeTemporary(in: directory) { file in
                written = try SnapshotCoding.write(
                    snapshot, reusing: lines, append: { try file.append($0) }, overwrite: { try file.overwrite(at: $0, with: $1) })
            }
            guard let written else { throw StoreError.encodingFailed(id: "snapshot") }
            return (temporary, written)
        } catch let error as FileSystemError {
            throw StoreError.from(error)
        } catch {
            throw StoreError.encodingFailed(id: "snapshot")
        }
    }

    /// Hard-links the snapshot about to be replaced into `backups/`: zero-copy, and the old inode is never
    /// modified again, so the backup is consistent.
    private func keepOldSnapshotAsBackup(now: Date) throws(StoreError) {
        let fileSystem = files.fileSystem
        do throws(FileSystemError) {
            try Self.makePrivateDirectory(layout.backupsDirectory, fileSystem: fileSystem)
            let oldSeq = StoreLoader<Value>(layout: layout, files: files).snapshotSeq() ?? state.snapshotSeq
            // A compaction interrupted after this link leaves it in place; linking again would only add names.
            let current = try fileSystem.status(ofPath: layout.snapshot)
            if inspection.backupLinks(to: current) > 0 { return }
            let name = BackupName.make(seq: oldSeq, date: now)
            do throws(FileSystemError) {
                try fileSystem.link(layout.snapshot, to: layout.backupsDirectory + "/" + name)
            } catch {
                if error.code != EEXIST { throw error }
            }
            try fileSystem.fsyncDirectory(layout.backupsDirectory)
        } catch {
            throw StoreError.from(error)
        }
    }

    /// Temp files only exist while a holder of the lock writes them, so under the lock any left are from a crash.
    func removeStaleTemporaryFiles() {
        for directory in [layout.directory, layout.backupsDirectory] {
            guard let names = try? files.fileSystem.contentsOfDirectory(directory) else { continue }
            for name in names where name.hasPrefix(DurableFiles.temporaryPrefix) {
                try? files.fileSystem.unlink(directory + "/" + name)
            }
        }
    }
}
