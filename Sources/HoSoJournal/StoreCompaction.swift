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
        // Encoded before anything on disk changes: a record that cannot be encoded (a history that
        // could not be read) leaves the store exactly as it was, not with one more empty segment.
        let snapshot = Snapshot(schemaVersion: schemaVersion, seq: state.seq, lastHash: state.lastHash, segment: nextSegment, records: SnapshotCoding.sortedRecords(state.records))
        let bytes: [UInt8]
        do {
            bytes = try SnapshotCoding.encode(snapshot, reusing: state.snapshotLines)
        } catch {
            throw StoreError.encodingFailed(id: "snapshot")
        }
        let nextPath = layout.segment(nextSegment)
        do {
            try files.createEmpty(nextPath, directory: layout.journalDirectory)
        } catch {
            if error.code != EEXIST { throw StoreError.from(error) }
        }
        state.segment = nextSegment
        state.consumedBytes = 0
        state.consumedLines = 0
        state.observedSize = 0
        state.lastLineStart = nil
        state.segmentInode = try? files.fileSystem.status(ofPath: nextPath).inode
        entriesInSegment = 0

        try keepOldSnapshotAsBackup(now: now)
        do {
            try files.replaceDurably(layout.snapshot, with: bytes, temporaryIn: layout.directory)
        } catch {
            throw StoreError.from(error)
        }
        Self.writeSnapshotIndex(layout: layout, files: files, snapshot: bytes, records: snapshot.records)
        state.snapshotSeq = state.seq
        state.snapshotSegment = nextSegment
        state.snapshotInode = try? files.fileSystem.status(ofPath: layout.snapshot).inode
        BackupRotation(fileSystem: files.fileSystem, directory: layout.backupsDirectory).rotate(now: now)
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
