#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

/// The attacks of issue 15 ("Integrity of the new journal") on a store: committed saves cut or deleted
/// from the journal, a backup newer than the store, a missing snapshot, a compaction that never finished.
@Suite struct JournalIntegrityTests {
    /// A store with ten committed saves in segment 1 and the init backup only.
    static func tenSaves(_ directory: String) throws -> TestStore {
        let store = try TestStore.create(at: directory, schemaVersion: 1)
        try store.commit([change("a", nil, "1")], actor: "An")
        for step in 2...10 { try store.commit([change("a", step - 1, "\(step)")], actor: "An") }
        return store
    }

    static func errors(_ store: TestStore) -> [CheckProblem] { store.check().filter { $0.severity == .error } }

    @Test func aSegmentCutInHalfIsAnErrorAndNoSaveCutsTheRest() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try Self.tenSaves(temporary.store)
        let segment = StoreLayout(directory: temporary.store).segment(1)
        let size = readFile(segment).count
        #expect(truncate(segment, off_t(size / 2)) == 0)
        let cut = readFile(segment)

        let problems = store.check()
        #expect(!problems.contains { $0.severity == .repairable }, "a committed line cut in half is not a crash: \(problems)")
        #expect(problems.contains { $0.severity == .error && $0.message.contains("đã ghi xong đến lần lưu 10") }, "\(problems)")
        #expect(problems.contains { $0.severity == .error && $0.path == segment && $0.message.contains("không được tự sửa") }, "\(problems)")

        // Neither a new process nor the one that was open writes anything.
        let opening = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        guard case .corruptFile(_, _, let reason)? = opening else {
            Issue.record("expected corruptFile, got \(String(describing: opening))")
            return
        }
        #expect(reason.contains("lần lưu đã mất"))
        _ = expectStoreError { () throws(StoreError) in try store.commit([change("b", nil, "x")], actor: "An") }
        #expect(readFile(segment) == cut, "the save did not cut the torn rest")
    }

    @Test func aDeletedSegmentIsAnError() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try Self.tenSaves(temporary.store)
        #expect(unlink(StoreLayout(directory: temporary.store).segment(1)) == 0)
        #expect(Self.errors(store).contains { $0.message.contains("10 lần lưu đã mất") }, "\(store.check())")
        _ = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        _ = expectStoreError { () throws(StoreError) in try store.commit([change("b", nil, "x")], actor: "An") }
    }

    @Test func anOldSegmentDeletedIsAnErrorForEveryOpen() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try Self.tenSaves(temporary.store)
        try store.compact()
        try store.commit([change("a", 10, "11")], actor: "An")
        // The history before the snapshot: not needed to load, but never to be lost.
        #expect(unlink(StoreLayout(directory: temporary.store).segment(1)) == 0)
        #expect(Self.errors(store).contains { $0.message.contains("000001.jsonl") }, "\(store.check())")
        let error = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        guard case .corruptFile(_, _, let reason)? = error else {
            Issue.record("expected corruptFile, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("thiếu đoạn nhật ký 000001.jsonl"))
    }

    @Test func aTornLastLineLeftByACrashIsStillRepaired() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try Self.tenSaves(temporary.store)
        let segment = StoreLayout(directory: temporary.store).segment(1)
        // A save killed mid-append: its line was never synced, so the head never named it.
        let descriptor = open(segment, O_WRONLY | O_APPEND)
        _ = Array(#"{"entry":{"actor":"An","chan"#.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        #expect(store.check().map(\.severity) == [.repairable], "\(store.check())")
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        try reopened.commit([change("a", 10, "11")], actor: "An")
        #expect(reopened.check().isEmpty)
    }

    @Test func aBackupNewerThanTheStoreIsNoticedAndRestoresWhatWasLost() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try Self.tenSaves(temporary.store)
        let backup = try store.backup()
        #expect(backup.seq == 10)
        // Cut at a line boundary after 6 lines, and the head removed with it: only the backup remembers.
        let segment = StoreLayout(directory: temporary.store).segment(1)
        let lines = readFile(segment).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        writeFile(segment, Array(lines.prefix(6).joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")])
        #expect(unlink(StoreLayout(directory: temporary.store).journalHead) == 0)

        #expect(Self.errors(store).contains { $0.message.contains(backup.name) && $0.message.contains("mới hơn dữ liệu hiện tại") }, "\(store.check())")
        _ = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        #expect(TestStore.listBackups(inDirectory: temporary.store).last == backup, "the backup that holds the lost saves is offered")

        try TestStore.restoreDamagedStore(at: temporary.store, fromBackup: backup.name, schemaVersion: 1)
        let restored = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(restored.record(id: "a")?.value.text == "10")
        #expect(Self.errors(restored).isEmpty, "\(restored.check())")
        try restored.commit([change("a", 10, "11")], actor: "An")
    }

    @Test func aMissingSnapshotIsDamageThatARestoreRepairsAndCreateRefuses() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try Self.tenSaves(temporary.store)
        let backup = try store.backup()
        #expect(unlink(StoreLayout(directory: temporary.store).snapshot) == 0)

        let opening = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        guard case .corruptFile(let path, _, _)? = opening else {
            Issue.record("expected corruptFile, got \(String(describing: opening))")
            return
        }
        #expect(path == StoreLayout(directory: temporary.store).snapshot)
        let creating = expectStoreError { () throws(StoreError) in _ = try TestStore.create(at: temporary.store, schemaVersion: 1) }
        if case .corruptFile = creating {} else { Issue.record("create on a journal: \(String(describing: creating))") }
        #expect(!FileManager.default.fileExists(atPath: StoreLayout(directory: temporary.store).snapshot), "create wrote nothing")

        try TestStore.restoreDamagedStore(at: temporary.store, fromBackup: backup.name, schemaVersion: 1)
        let restored = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(restored.record(id: "a")?.value.text == "10")
    }

    @Test func anEmptyDirectoryOrACreateCutBeforeItsSnapshotIsStillNoStore() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        // What a `create` killed after making segment 1 and before writing the snapshot leaves.
        for path in [temporary.store, temporary.store + "/journal", temporary.store + "/backups"] { mkdir(path, 0o700) }
        writeFile(StoreLayout(directory: temporary.store).segment(1), [])
        let opening = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        if case .notAStore = opening {} else { Issue.record("expected notAStore, got \(String(describing: opening))") }
        _ = try TestStore.create(at: temporary.store, schemaVersion: 1)
    }

    @Test func aCompactionThatFailedIsRetriedByTheNextSaveAndItsTemporaryCopyRemoved() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let options = StoreOptions(compactionThresholdEntries: 3)
        let learning = temporary.path + "/learn"
        let learner0 = try TestStore.create(at: learning, schemaVersion: 1)
        for step in 0..<3 { try learner0.commit([change("r\(step)", nil, "v")], actor: "An") }
        let recorder = FaultInjectingFileSystem()
        let learner = try TestStore.open(at: learning, supportedSchemaVersion: 1, fileSystem: recorder, options: options)
        recorder.reset()
        try learner.commit([change("r3", nil, "v")], actor: "An")
        let rename = try #require(recorder.recordedCalls.firstIndex(of: .rename), "the fourth save compacts")

        let writer = try TestStore.create(at: temporary.store, schemaVersion: 1)
        for step in 0..<3 { try writer.commit([change("r\(step)", nil, "v")], actor: "An") }
        let fileSystem = FaultInjectingFileSystem()
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, fileSystem: fileSystem, options: options)
        fileSystem.arm(atCall: rename, .error(ENOSPC))
        try store.commit([change("r3", nil, "v")], actor: "An")
        #expect(store.lastCompactionError != nil)
        // A crash at the same moment would also leave the encoded snapshot behind, in a temporary file.
        let stale = temporary.store + "/" + DurableFiles.temporaryPrefix + "4242-stale"
        writeFile(stale, Array("personal data".utf8))
        let loader = StoreLoader<TestValue>(layout: StoreLayout(directory: temporary.store), files: DurableFiles(fileSystem: .real))
        #expect(loader.snapshotSeq() == 0, "the snapshot was not replaced")

        // One more save, far below the thresholds in the new segment: it compacts.
        fileSystem.reset()
        let other = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, options: options)
        try other.commit([change("r4", nil, "v")], actor: "An")
        #expect(loader.snapshotSeq() == 5, "the next save retried the compaction")
        #expect(!FileManager.default.fileExists(atPath: stale), "the stale copy was removed")
        #expect(other.check().isEmpty, "\(other.check())")
        // And then saves stop compacting.
        let before = loader.snapshotSeq()
        try other.commit([change("r5", nil, "v")], actor: "An")
        #expect(loader.snapshotSeq() == before)
        try store.commit([change("r6", nil, "v")], actor: "An")
        #expect(loader.snapshotSeq() == before, "an instance that only followed the other's compaction does not compact again")
        #expect(values(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)).count == 7)
    }

    /// A store whose snapshot holds records "a" and "b" (compacted), and the path of the snapshot.
    static func compacted(_ directory: String) throws -> (TestStore, String) {
        let store = try TestStore.create(at: directory, schemaVersion: 1)
        try store.commit([change("a", nil, "Nguyễn Văn A", 7), change("b", nil, "Trần Thị B", 3)], actor: "An")
        try store.compact()
        return (store, StoreLayout(directory: directory).snapshot)
    }

    static func edit(_ path: String, _ old: String, _ new: String) {
        let text = String(decoding: readFile(path), as: UTF8.self)
        #expect(text.contains(old))
        writeFile(path, Array(text.replacingOccurrences(of: old, with: new).utf8))
    }

    @Test func anEditedRecordFieldInTheSnapshotIsRefusedByEveryOpenAndReportedByCheck() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (store, path) = try Self.compacted(temporary.store)
        // The journal still holds the true value; the snapshot is what loads.
        Self.edit(path, #""counter":7"#, #""counter":9"#)
        #expect(Self.errors(store).contains { $0.path == path && $0.message.contains("recordsHash") }, "\(store.check())")
        for selection in [nil, RecordSelection { $0.id == "b" }] {
            let error = expectStoreError { () throws(StoreError) in
                _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, selecting: selection)
            }
            guard case .corruptFile(let where_, _, let reason)? = error else {
                Issue.record("expected corruptFile, got \(String(describing: error))")
                continue
            }
            #expect(where_ == path && reason.contains("recordsHash"))
        }
    }

    @Test func anEditedRecordInABackupMakesItBrokenAndNotOffered() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (store, _) = try Self.compacted(temporary.store)
        let backup = try store.backup()
        Self.edit(temporary.store + "/backups/" + backup.name, "Trần Thị B", "Trần Thị C")
        #expect(Self.errors(store).contains { $0.path.hasSuffix(backup.name) && $0.message.contains("recordsHash") }, "\(store.check())")
        #expect(store.listBackups().last != backup)
    }

    @Test func aSnapshotWithoutRecordsHashIsJudgedByItsVersion() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (_, path) = try Self.compacted(temporary.store)
        let text = String(decoding: readFile(path), as: UTF8.self)
        let stripped = text.replacingOccurrences(of: #","recordsHash":"[0-9a-f]{64}""#, with: "", options: .regularExpression)
        #expect(stripped != text)
        // Version 1 without the hash, in a directory with `journal/head`: the version was set back and the
        // hash removed (so that a migration would hash an edit), since both came in one version.
        writeFile(path, Array(stripped.utf8))
        let downgraded = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        guard case .corruptFile(_, _, let downgradeReason)? = downgraded else {
            Issue.record("expected corruptFile, got \(String(describing: downgraded))")
            return
        }
        #expect(downgradeReason.contains("journal/head"))
        // Written before records hashes (and heads) existed (version 1): opens, not judged.
        try FileManager.default.removeItem(atPath: temporary.store + "/journal/head")
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).record(id: "a")?.value.counter == 7)
        // From version 2 on, every snapshot has one: one without it was edited.
        writeFile(path, Array(stripped.replacingOccurrences(of: #"{"schemaVersion":1,"#, with: #"{"schemaVersion":2,"#).utf8))
        let error = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 2) }
        guard case .corruptFile(_, _, let reason)? = error else {
            Issue.record("expected corruptFile, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("thiếu mã băm"))
    }

    @Test func theRecordsHashDoesNotDependOnHowTheSnapshotWasMade() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (store, path) = try Self.compacted(temporary.store)
        // Lines copied from the loaded snapshot (b) and lines encoded again (a) give the same hash as a
        // snapshot encoded from scratch, and a backup of the same state the same again.
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        try reopened.commit([change("a", 1, "Nguyễn Văn A", 8)], actor: "An")
        try reopened.compact()
        let header = { (bytes: [UInt8]) in SnapshotCoding.header(bytes, as: SnapshotHeader.self)?.recordsHash }
        let compactedHash = try #require(header(readFile(path)))
        #expect(SnapshotCoding.recordsHash(readFile(path)) == compactedHash)
        let backup = try reopened.backup()
        #expect(header(readFile(temporary.store + "/backups/" + backup.name)) == compactedHash)
        _ = store
        #expect(reopened.check().isEmpty, "\(reopened.check())")
    }
}
