#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage
import Testing

@Suite struct StoreBasicsTests {
    @Test func savedRecordsComeBackAfterReopening() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let saved = try store.commit([change("a", nil, "Nguyễn Văn A", 1), change("b", nil, "Trần Thị B", 2)], actor: "cán bộ 1", now: now)
        #expect(saved.map(\.revision) == [1, 1])
        #expect(saved[0].changedAt == "2023-11-14T22:13:20Z")
        try store.commit([change("a", 1, "Nguyễn Văn A (sửa)", 3)], actor: "cán bộ 2", now: now)

        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.records == store.records)
        #expect(reopened.record(id: "a") == StoredRecord(id: "a", revision: 2, value: TestValue(text: "Nguyễn Văn A (sửa)", counter: 3), changedBy: "cán bộ 2", changedAt: "2023-11-14T22:13:20Z"))
        #expect(reopened.sequence == 2)
        try reopened.compact()
        let afterCompaction = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(afterCompaction.records == store.records)
        #expect(afterCompaction.check().isEmpty)
    }

    @Test func conflictNamesWhoAndWhenAndWritesNothing() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let first = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try first.commit([change("a", nil, "v1")], actor: "An", now: Date(timeIntervalSince1970: 1_700_000_000))
        let second = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        try second.commit([change("a", 1, "v2 by Bình")], actor: "Bình", now: Date(timeIntervalSince1970: 1_700_000_100))
        let before = fileFingerprints(temporary.store + "/journal")

        // `first` still believes the record is at revision 1.
        let error = expectStoreError { () throws(StoreError) in try first.commit([change("a", 1, "v2 by An")], actor: "An") }
        #expect(error == .conflict(id: "a", expected: 1, actual: 2, changedBy: "Bình", changedAt: "2023-11-14T22:15:00Z"))
        #expect(error?.message.contains("Bình") == true)
        #expect(error?.message.contains("lúc 15/11/2023 05:15") == true, "Vietnam time, as people read it: \(error?.message ?? "")")
        #expect(fileFingerprints(temporary.store + "/journal") == before)
        #expect(first.record(id: "a")?.value.text == "v2 by Bình", "the conflict refreshed the stale instance")

        let createTwice = expectStoreError { () throws(StoreError) in try first.commit([change("a", nil, "again")], actor: "An") }
        #expect(createTwice == .conflict(id: "a", expected: nil, actual: 2, changedBy: "Bình", changedAt: "2023-11-14T22:15:00Z"))
    }

    @Test func aBatchIsAllOrNothing() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "a1"), change("b", nil, "b1")], actor: "An")
        let before = values(store)
        let error = expectStoreError { () throws(StoreError) in
            try store.commit([change("a", 1, "a2"), change("c", nil, "c1"), change("b", 7, "b2")], actor: "An")
        }
        #expect(error == .conflict(id: "b", expected: 7, actual: 1, changedBy: "An", changedAt: store.record(id: "b")?.changedAt))
        #expect(values(store) == before)
        #expect(values(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)) == before)
        #expect(expectStoreError { () throws(StoreError) in try store.commit([change("a", 1, "x"), change("a", 1, "y")], actor: "An") } == .duplicateChange(id: "a"))
    }

    @Test func aDeferringStoreLeavesTheCompactionToCompactIfDue() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1, options: StoreOptions(compactionThresholdEntries: 2))
        store.defersCompaction = true
        for step in 1...4 {
            try store.commit([change("r\(step)", nil, "v\(step)")], actor: "An")
        }
        #expect(store.listBackups().isEmpty, "no save compacted")
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).records == store.records)
        #expect(try store.compactIfDue())
        #expect(store.listBackups().count == 1, "the old snapshot was kept")
        #expect(try !store.compactIfDue(), "nothing left to fold")
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.records == store.records)
        #expect(reopened.check().isEmpty)

        store.defersCompaction = false
        for step in 5...8 {
            try store.commit([change("r\(step)", nil, "v\(step)")], actor: "An")
        }
        #expect(store.listBackups().count == 2, "without deferring, the save past the threshold compacted")
    }

    @Test func otherInstancesSeeChangesThroughRefresh() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let writer = try TestStore.create(at: temporary.store, schemaVersion: 1, options: StoreOptions(compactionThresholdEntries: 3))
        let reader = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(!reader.hasExternalChanges())
        #expect(try !reader.refresh())
        for step in 1...10 {
            try writer.commit([change("r\(step % 4)", writer.record(id: "r\(step % 4)")?.revision, "v\(step)", step)], actor: "An")
            #expect(reader.hasExternalChanges())
            #expect(try reader.refresh())
            #expect(!reader.hasExternalChanges())
            #expect(reader.records == writer.records)
        }
        #expect(writer.listBackups().count >= 2, "automatic compactions kept the old snapshots")
        #expect(reader.check().isEmpty)
    }

    @Test func aHeldLockIsReportedWithItsHolderAfterABoundedWait() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1, options: StoreOptions(lockTimeout: .milliseconds(300)))
        try store.commit([change("a", nil, "v")], actor: "An")
        let descriptor = open(temporary.store + "/store.lock", O_RDWR | O_CLOEXEC)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let started = Date()
        let error = expectStoreError { () throws(StoreError) in try store.commit([change("a", 1, "w")], actor: "An") }
        #expect(Date().timeIntervalSince(started) >= 0.29)
        guard case .lockHeld(let holder)? = error else {
            Issue.record("expected lockHeld, got \(String(describing: error))")
            return
        }
        #expect(holder?.pid == getpid())
        #expect(error?.message.contains("đang được") == true)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        try store.commit([change("a", 1, "w")], actor: "An")
    }

    @Test func restoreBringsBackABackupAsAnAttributedChange() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "a1"), change("b", nil, "b1")], actor: "An")
        let backup = try store.backup()
        let backedUp = values(store)
        try store.commit([change("a", 1, "a2"), change("c", nil, "c1")], actor: "An")
        let other = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)

        try store.restore(fromBackup: backup.name, actor: "Quản trị")
        #expect(values(store) == backedUp)
        #expect(store.record(id: "a")?.revision == 3, "revisions keep growing so stale edits still conflict")
        #expect(store.record(id: "a")?.changedBy == "Quản trị")
        try other.refresh()
        #expect(values(other) == backedUp)
        #expect(values(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)) == backedUp)
        #expect(store.listBackups().count >= 2, "the state before the restore was backed up too")
        #expect(store.check().isEmpty)
        #expect(expectStoreError { () throws(StoreError) in try store.restore(fromBackup: "snapshot-000000000999-20200101T000000Z.json", actor: "x") } == .backupNotFound(name: "snapshot-000000000999-20200101T000000Z.json"))
    }

    struct TestValueV2: JournalValue {
        var text: String
        var counter: Int
        var note: String
    }

    @Test func olderDataIsMigratedAfterABackup() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let old = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try old.commit([change("a", nil, "a1", 1)], actor: "An")
        try old.compact()
        try old.commit([change("b", nil, "b1", 2)], actor: "An")

        #expect(expectStoreError { () throws(StoreError) in _ = try JournalStore<TestValueV2>.open(at: temporary.store, supportedSchemaVersion: 2) } == .missingMigration(from: 1))
        let addNote = Migration(from: 1) { value in
            guard case .object(var members) = value else { throw CocoaError(.coderReadCorrupt) }
            members["note"] = .string("")
            return .object(members)
        }
        let migrated = try JournalStore<TestValueV2>.open(at: temporary.store, supportedSchemaVersion: 2, migrations: [addNote])
        #expect(migrated.records.mapValues(\.value) == ["a": TestValueV2(text: "a1", counter: 1, note: ""), "b": TestValueV2(text: "b1", counter: 2, note: "")])
        #expect(migrated.record(id: "b")?.revision == 1)
        // The backups from before the migration are kept, in the old format; this version cannot restore
        // them, so the one offered for a restore is the new-format backup the migration made last.
        let kept = JournalStore<TestValueV2>.inspectBackups(inDirectory: temporary.store, schemaVersion: 2)
        #expect(kept.count >= 3 && kept.dropLast().allSatisfy(\.olderFormat))
        #expect(kept.last?.olderFormat == false && kept.last?.problem == nil && kept.last?.backup.seq == 2)
        #expect(migrated.listBackups().last == kept.last?.backup)
        #expect(migrated.check().isEmpty)
        #expect(expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) } == .newerSchemaVersion(path: temporary.store + "/snapshot.json", found: 2, supported: 1))
        try migrated.commit([RecordChange(id: "a", expectedRevision: 1, newValue: TestValueV2(text: "a2", counter: 3, note: "ghi chú"), summary: "sửa")], actor: "An")
        #expect(try JournalStore<TestValueV2>.open(at: temporary.store, supportedSchemaVersion: 2).record(id: "a")?.value.note == "ghi chú")
    }
}

@Suite struct BackupRotationTests {
    @Test func backupRotationKeepsTheLastTwentyAndOnePerDay() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        // 45 days, two backups a day.
        for half in 0..<90 {
            try store.commit([change("r\(half)", nil, "v")], actor: "An")
            try store.backup(now: start.addingTimeInterval(Double(half) * 43_200))
        }
        let kept = store.listBackups()
        let days = Set(kept.map { $0.createdAt.prefix(8) })
        // The last 20 are 10 days; one per day covers the 30 days back from the last backup.
        #expect(kept.count == 20 + 20, "\(kept.map(\.name))")
        #expect(days.count == 31)
        #expect(kept.last?.seq == 90)
        #expect(kept.allSatisfy { permissions(temporary.store + "/backups/" + $0.name) == 0o600 })
    }
}

@Suite struct ReaderRecoveryTests {
    @Test(arguments: ["the real second revision, longer than the first one was", "real, same length"])
    func aReaderThatSawALineLaterCutBackSeesTheLineThatReplacedIt(_ replacement: String) throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let writer = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try writer.commit([change("a", nil, "a1")], actor: "An")
        let reader = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        let segment = temporary.store + "/journal/000001.jsonl"
        let beforeLine = readFile(segment)
        let head = temporary.store + "/journal/head"
        let headBefore = readFile(head)
        try writer.commit([change("a", 1, "seen but cut back")], actor: "An")
        try reader.refresh()
        #expect(reader.record(id: "a")?.revision == 2)
        // What a save whose fsync failed leaves after cutting its line back (it never wrote the head);
        // then another save lands.
        #expect(truncate(segment, off_t(beforeLine.count)) == 0)
        writeFile(head, headBefore)
        let other = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        try other.commit([change("a", 1, replacement)], actor: "An")
        #expect(reader.hasExternalChanges())
        try reader.refresh()
        #expect(reader.records == other.records)
    }
}
