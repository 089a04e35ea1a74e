import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Synchronization
import Testing

/// A command that shows a few files of a large store decodes only those (`RecordSelection`). What it
/// must not change: the files it shows, what it may save, and the store it leaves behind.
@Suite struct PartialReadTests {
    static let today = Fixtures.date("2026-11-23")

    /// A store whose snapshot holds the records "a" and "b" (revision 1) and whose journal is empty.
    static func snapshotOfTwoRecords() throws -> TemporaryDirectory {
        let temporary = TemporaryDirectory()
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "A"), change("b", nil, "B")], actor: "t")
        try store.compact()
        return temporary
    }

    @Test func aPartialReadDecodesTheAdmittedFilesAsAFullReadHasThem() throws {
        let (temporary, _, _) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let full = try Repository.open(at: temporary.store)
        let wanted = Set(full.cases.filter { $0.person.fullName.hasPrefix("Nguyễn") }.map(\.id))
        #expect(!wanted.isEmpty && wanted.count < full.cases.count)

        let partial = try Repository.open(at: temporary.store, readingCasesWhere: { wanted.contains($0.id) })
        #expect(Set(partial.cases.map(\.id)) == wanted)
        #expect(partial.cases == full.cases.filter { wanted.contains($0.id) })
        #expect(partial.isPartial)
        #expect(!full.isPartial)
        // Units, members and people are always read whole.
        #expect(partial.organisation.units == full.organisation.units)
        #expect(partial.organisation.members == full.organisation.members)
        #expect(partial.accounts == full.accounts)
    }

    @Test func everyFileIsProbedWithWhatItHolds() throws {
        let (temporary, _, _) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let probes = Mutex<[CaseProbe]>([])
        let none = try Repository.open(at: temporary.store, readingCasesWhere: { probe in
            probes.withLock { $0.append(probe) }
            return false
        })
        #expect(none.cases.isEmpty)
        let full = try Repository.open(at: temporary.store)
        // Read where the data format puts them: renaming a field without the probe would fail here.
        let seen = probes.withLock { $0 }.sorted { $0.id < $1.id }
        #expect(seen == full.cases.map(CaseProbe.init))
    }

    @Test func journalEntriesOfUnreadFilesStillApplyInOrder() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let edited = try #require(files.first { !$0.state.isTerminal })
        let service = CaseService(repository: created)

        // Left unread, the file's revision is still known: another process's save of it applies.
        let partial = try Repository.open(at: temporary.store, readingCasesWhere: { $0.id != edited.id })
        #expect(partial.caseFile(edited.id) == nil)
        try service.edit(.addNote(text: "Lần một."), on: edited.id, date: Self.today, actor: "Thư ký")
        #expect(throws: Never.self) { try partial.refresh() }
        // A journal entry carries what changed: a note cannot change what the file was judged by, so it
        // stays unread (and is not read to learn so).
        #expect(partial.caseFile(edited.id) == nil)
        try service.edit(.addNote(text: "Lần hai."), on: edited.id, date: Self.today, actor: "Thư ký")
        #expect(throws: Never.self) { try partial.refresh() }
        #expect(partial.caseFile(edited.id) == nil)
        // A new name can change it: the file is read, both notes applied over its snapshot line.
        try created.refresh()
        var renamed = try #require(created.caseFile(edited.id))
        renamed.person.fullName = "Tên Mới Khác"
        try created.save(renamed, expectedRevision: created.revision(of: edited.id), actor: "Thư ký", summary: "Sửa họ tên")
        #expect(throws: Never.self) { try partial.refresh() }
        #expect(partial.caseFile(edited.id)?.notes.map(\.text).suffix(2) == ["Lần một.", "Lần hai."])

        // Opened after the saves, the entries apply over the unread snapshot line just the same.
        // Judged by the name in the snapshot, the file is read, and its new name applied after.
        let later = try Repository.open(at: temporary.store, readingCasesWhere: { $0.fullName != "Tên Mới Khác" })
        #expect(later.caseFile(edited.id)?.person.fullName == "Tên Mới Khác")
        // Not admitted by its old name, it is read all the same: a change of name may make it match.
        let named = try Repository.open(at: temporary.store, readingCasesWhere: { $0.fullName == "Tên Mới Khác" })
        #expect(named.caseFile(edited.id)?.notes.count == edited.notes.count + 2)
        #expect(named.cases.count == 1)
    }

    @Test func aPartialRepositorySavesWhatItReadAndRefusesToCompact() throws {
        let (temporary, _, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let kept = try #require(files.first { !$0.state.isTerminal })
        let partial = try Repository.open(at: temporary.store, readingCasesWhere: { $0.id == kept.id })
        let before = fileFingerprints(temporary.store)

        var refused: RepositoryError?
        do { try partial.compact() } catch { refused = error }
        let compaction = try #require(refused)
        #expect(compaction.storeError == .partialRead)
        #expect(compaction.message.contains("chỉ đọc một phần"))
        #expect(withoutLockHolder(fileFingerprints(temporary.store)) == withoutLockHolder(before))

        try CaseService(repository: partial).edit(.addNote(text: "Đọc một phần vẫn lưu được."), on: kept.id, date: Self.today, actor: "Thư ký")
        let reread = try Repository.open(at: temporary.store)
        #expect(reread.cases.count == files.count)
        #expect(reread.caseFile(kept.id)?.notes.last?.text == "Đọc một phần vẫn lưu được.")
    }

    @Test func aStoreReadInPartRefusesEveryWriteOfTheWholeAndSavesToUnreadRecords() throws {
        let temporary = try Self.snapshotOfTwoRecords()
        defer { temporary.remove() }

        let partial = try TestStore.open(
            at: temporary.store, supportedSchemaVersion: 1, selecting: RecordSelection { $0.id == "a" })
        #expect(partial.isPartial)
        #expect(values(partial) == ["a": TestValue(text: "A", counter: 0)])
        let before = fileFingerprints(temporary.store)
        // "b" exists unread: neither a blind overwrite nor a second creation of it.
        #expect(expectStoreError { () throws(StoreError) in _ = try partial.commit([change("b", 1, "B2")], actor: "t") } == .partialRead)
        #expect(expectStoreError { () throws(StoreError) in _ = try partial.commit([change("b", nil, "B2")], actor: "t") } == .partialRead)
        #expect(expectStoreError { () throws(StoreError) in try partial.compact() } == .partialRead)
        #expect(expectStoreError { () throws(StoreError) in _ = try partial.backup() } == .partialRead)
        #expect(withoutLockHolder(fileFingerprints(temporary.store)) == withoutLockHolder(before))

        // The record it read saves as usual, with the usual conflict check.
        #expect(expectStoreError { () throws(StoreError) in _ = try partial.commit([change("a", 2, "A?")], actor: "t") }.map {
            if case .conflict = $0 { true } else { false }
        } == true)
        try partial.commit([change("a", 1, "A2"), change("c", nil, "C")], actor: "t")
        let whole = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(values(whole) == ["a": TestValue(text: "A2", counter: 0), "b": TestValue(text: "B", counter: 0), "c": TestValue(text: "C", counter: 0)])
        #expect(!whole.isPartial)
    }

    /// A save that makes the journal due for compaction reads the records it left unread, then compacts:
    /// a store only ever written by commands on one file still gets compacted, and loses nothing.
    @Test func aSaveDueForCompactionReadsTheRestFirst() throws {
        let temporary = try Self.snapshotOfTwoRecords()
        defer { temporary.remove() }

        let partial = try TestStore.open(
            at: temporary.store, supportedSchemaVersion: 1, options: StoreOptions(compactionThresholdEntries: 1),
            selecting: RecordSelection { $0.id == "a" })
        #expect(partial.isPartial)
        try partial.commit([change("a", 1, "A2")], actor: "t")
        try partial.commit([change("a", 2, "A3")], actor: "t")
        #expect(partial.lastCompactionError == nil)
        #expect(!partial.isPartial, "read whole to compact")
        let snapshot = String(decoding: readFile(temporary.store + "/snapshot.json"), as: UTF8.self)
        #expect(snapshot.contains(#""text":"A3""#) && snapshot.contains(#""text":"B""#))
        let whole = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(values(whole) == ["a": TestValue(text: "A3", counter: 0), "b": TestValue(text: "B", counter: 0)])
    }

    @Test func aDuplicateIdIsRefusedEvenWhenOneCopyIsUnread() throws {
        let temporary = try Self.snapshotOfTwoRecords()
        defer { temporary.remove() }
        let path = temporary.store + "/snapshot.json"
        var lines = String(decoding: readFile(path), as: UTF8.self).components(separatedBy: "\n")
        let recordB = try #require(lines.firstIndex { $0.contains(#""id":"b""#) })
        // Both lines end with a comma but the last: the copy of "b" goes in the middle.
        lines.insert(lines[recordB].hasSuffix(",") ? lines[recordB] : lines[recordB] + ",", at: recordB)
        writeFile(path, Array(lines.joined(separator: "\n").utf8))
        rehashSnapshotRecords(path)

        let error = expectStoreError { () throws(StoreError) in
            _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, selecting: RecordSelection { $0.id == "a" })
        }
        guard case .corruptFile(_, _, let reason)? = error else {
            Issue.record("expected corruptFile, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("b") && reason.contains("trùng"))
    }
}

/// The lock holder's note is rewritten whenever the lock is taken, refused or not: it is not data.
private func withoutLockHolder(_ fingerprints: [String: String]) -> [String: String] {
    fingerprints.filter { $0.key != "store.lock" }
}
