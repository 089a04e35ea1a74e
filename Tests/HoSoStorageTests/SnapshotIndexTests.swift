#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// `snapshot.index` (issue 19): a command on one file reads the index and the group of lines holding that
/// file, not the whole snapshot; an index that does not describe the snapshot is never used, and rebuilt.
@Suite struct SnapshotIndexTests {
    static let fileCount = 640

    static func file(_ number: Int) -> CaseFile {
        var file = Fixtures.newCase()
        file.person.fullName = "Nguyễn Văn \(number)"
        file.id = CaseID(String(format: "HS-%04d", number))
        file.history = AppendList((0..<20).map { HistoryEntry(date: Fixtures.date("2025-01-02"), actor: "Lan", action: "note", summary: "Mục \($0)") })
        return file
    }

    /// A store of `fileCount` files and one unit, as `create` writes it (with its index).
    static func create(_ directory: String) throws -> JournalStore<StoredItem> {
        let items = [StoredItem.unit(Fixtures.cell())] + (1...fileCount).map { StoredItem.caseFile(file($0)) }
        return try JournalStore<StoredItem>.create(
            at: directory, schemaVersion: Repository.schemaVersion,
            initialRecords: items.map { StoredRecord(id: $0.storageID, revision: 1, value: $0, changedBy: "Lan", changedAt: "2026-01-01T00:00:00Z") })
    }

    /// The index of a snapshot of the same files after one more save: what an offline restore or a crash
    /// between the two renames leaves beside the snapshot `create` writes.
    static func staleIndex() throws -> [UInt8] {
        let other = TemporaryDirectory()
        defer { other.remove() }
        let older = try create(other.store)
        try older.commit([RecordChange(id: StoredItem.id(file(2).id), expectedRevision: 1, newValue: .caseFile(file(3)), summary: "Sửa")], actor: "Lan")
        try older.compact()
        return readFile(other.store + "/snapshot.index")
    }

    static func oneFile(_ number: Int) -> RecordSelection {
        let id = StoredItem.id(file(number).id)
        return RecordSelection { probe in !probe.id.hasPrefix("case/") || probe.string(at: ["case", "id"]) == String(format: "HS-%04d", number) && probe.id == id }
    }

    static func open(_ directory: String, _ selection: RecordSelection?, fileSystem: any FileSystem = RealFileSystem()) throws -> JournalStore<StoredItem> {
        try JournalStore<StoredItem>.open(at: directory, supportedSchemaVersion: Repository.schemaVersion, fileSystem: fileSystem, selecting: selection)
    }

    @Test func aCommandOnOneFileReadsTheIndexAndTheGroupsItNeedsNotTheSnapshot() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try Self.create(temporary.store)
        let snapshotSize = readFile(temporary.store + "/snapshot.json").count
        let recorder = FaultInjectingFileSystem()
        let partial = try Self.open(temporary.store, Self.oneFile(300), fileSystem: recorder)
        let read = recorder.bytesRead(from: temporary.store + "/snapshot.json")
        // The header, the group of file 300 and the last group (the unit sorts after the files).
        #expect(read < snapshotSize / 3, "read \(read) of \(snapshotSize) bytes")
        #expect(partial.isPartial)
        let id = StoredItem.id(Self.file(300).id)
        #expect(partial.record(id: id) == full.record(id: id))
        #expect(partial.record(id: StoredItem.id(Fixtures.cell().id)) == full.record(id: StoredItem.id(Fixtures.cell().id)))
        #expect(partial.record(id: StoredItem.id(Self.file(301).id)) == nil)
    }

    @Test func aPartialReadThroughTheIndexFollowsChangesToFilesItDidNotRead() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let writer = try Self.create(temporary.store)
        let recorder = FaultInjectingFileSystem()
        let partial = try Self.open(temporary.store, Self.oneFile(5), fileSystem: recorder)
        let readAtOpen = recorder.bytesRead(from: temporary.store + "/snapshot.json")
        let id = StoredItem.id(Self.file(400).id)
        var changed = Self.file(400)
        changed.notes.append(ProgressNote(date: Fixtures.date("2026-11-02"), author: "Hùng", text: "Tích cực."))
        changed.history.append(HistoryEntry(date: Fixtures.date("2026-11-02"), actor: "Hùng", action: "note", summary: "Thêm nhận xét"))
        try writer.commit([RecordChange(id: id, expectedRevision: 1, newValue: .caseFile(changed), summary: "Thêm nhận xét")], actor: "Hùng")
        // A note cannot change what the selection judged the file by: it stays unread, nothing more is read.
        try partial.refresh()
        #expect(partial.record(id: id) == nil)
        #expect(recorder.bytesRead(from: temporary.store + "/snapshot.json") == readAtOpen)
        // A new name can: the file is read from its group, with the note kept aside applied first.
        changed.person.fullName = "Nguyễn Văn Năm"
        try writer.commit([RecordChange(id: id, expectedRevision: 2, newValue: .caseFile(changed), summary: "Sửa họ tên")], actor: "Lan")
        try partial.refresh()
        #expect(partial.record(id: id)?.value == .caseFile(changed))
        #expect(partial.record(id: id)?.revision == 3)
        #expect(try Self.open(temporary.store, Self.oneFile(5)).record(id: id)?.value == .caseFile(changed))
        // The selection's own file takes every change.
        let own = StoredItem.id(Self.file(5).id)
        var five = Self.file(5)
        five.notes.append(ProgressNote(date: Fixtures.date("2026-11-03"), author: "Hùng", text: "Tốt."))
        try writer.commit([RecordChange(id: own, expectedRevision: 1, newValue: .caseFile(five), summary: "Thêm nhận xét")], actor: "Hùng")
        try partial.refresh()
        #expect(partial.record(id: own)?.value == .caseFile(five))
    }

    @Test func anIndexThatDoesNotDescribeTheSnapshotIsNotUsedAndIsRebuilt() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        let good = readFile(indexPath)
        let snapshotSize = readFile(temporary.store + "/snapshot.json").count
        let stale = try Self.staleIndex()
        let damages: [(String, [UInt8])] = [
            ("bị hỏng", Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "Nguyễn Văn 300", with: "Nguyễn Văn 301").utf8)),
            ("bị hỏng", Array(good.prefix(good.count / 2))),
            ("đã cũ", stale),
        ]
        for (reason, bytes) in damages {
            writeFile(indexPath, bytes)
            let problems = JournalStore<StoredItem>.check(inDirectory: temporary.store, schemaVersion: Repository.schemaVersion)
            #expect(problems.contains { $0.severity == .repairable && $0.path == indexPath && $0.message.contains(reason) }, "\(problems)")
            #expect(!problems.contains { $0.severity == .error }, "\(problems)")
            // Not used: the partial read reads the whole snapshot, and gives the right file.
            let recorder = FaultInjectingFileSystem()
            let partial = try Self.open(temporary.store, Self.oneFile(300), fileSystem: recorder)
            #expect(recorder.bytesRead(from: temporary.store + "/snapshot.json") >= snapshotSize)
            #expect(partial.record(id: StoredItem.id(Self.file(300).id))?.value == .caseFile(Self.file(300)))
            // A whole read writes it again.
            _ = try Self.open(temporary.store, nil)
            #expect(readFile(indexPath) == good)
        }
        // Deleted: the same.
        try FileManager.default.removeItem(atPath: indexPath)
        _ = try Self.open(temporary.store, nil)
        #expect(readFile(indexPath) == good)
    }

    /// An index forged to match an edited snapshot line still cannot hide the edit: the group's bytes must
    /// match the digest that rolls up to the snapshot's `recordsHash`.
    @Test func anEditedSnapshotLineIsNotReadThroughTheIndex() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.create(temporary.store)
        let path = temporary.store + "/snapshot.json"
        let text = String(decoding: readFile(path), as: UTF8.self)
        writeFile(path, Array(text.replacingOccurrences(of: "Nguyễn Văn 300\"", with: "Nguyễn Văn 3X0\"").utf8))
        let error = expectStoreError { () throws(StoreError) in
            _ = try JournalStore<StoredItem>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion, selecting: Self.oneFile(300))
        }
        guard case .corruptFile(_, _, let reason)? = error else {
            Issue.record("expected corruptFile, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("recordsHash"))
    }

    @Test func theIndexRoundTripsItsStringsWhateverTheyHold() throws {
        let entry = SnapshotIndex.Entry(id: "case/HS-0001", revision: 3, range: 10..<20, strings: ["a\tb%c\nd", nil, ""])
        let index = SnapshotIndex(
            snapshotSize: 99, seq: 4, lastHash: String(repeating: "a", count: 64), recordsHash: String(repeating: "b", count: 64),
            paths: [["case", "id"], ["x"], ["y", "z"]], groupDigests: [Array(repeating: 7, count: 32)], entries: [entry], recordCount: 1)
        #expect(SnapshotIndex.parse(index.encoded()) == index)
    }
}
