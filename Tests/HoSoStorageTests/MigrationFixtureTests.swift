#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// `Tests/fixtures/store-v1/`: a data directory written by the version before schema 2 (`hoso init`, two
/// members, two files, a step, notes, a backup), kept as it was written. Opening it migrates it.
@Suite struct MigrationFixtureTests {
    /// A private copy of the fixture (git keeps no modes: 0700 directories, 0600 files, as HoSo wants).
    static func copyOfFixture(_ temporary: TemporaryDirectory, _ name: String = "store-v1", to target: String? = nil, filePath: String = #filePath) throws -> String {
        let fixture = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/" + name).path
        let store = target ?? temporary.store
        try FileManager.default.copyItem(atPath: fixture, toPath: store)
        chmod(store, 0o700)
        for relative in try FileManager.default.subpathsOfDirectory(atPath: store) {
            let path = store + "/" + relative
            var status = stat()
            lstat(path, &status)
            chmod(path, (status.st_mode & S_IFMT) == S_IFDIR ? 0o700 : 0o600)
        }
        return store
    }

    static func header(_ path: String) -> SnapshotHeader? {
        SnapshotCoding.header(readFile(path), as: SnapshotHeader.self)
    }

    @Test func aDirectoryOfTheFormerVersionIsMigratedAfterABackupAndChecksClean() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let directory = try Self.copyOfFixture(temporary)
        let oldSnapshot = readFile(directory + "/snapshot.json")
        #expect(Self.header(directory + "/snapshot.json")?.schemaVersion == 1)
        #expect(Self.header(directory + "/snapshot.json")?.recordsHash == nil)

        let repository = try Repository.open(at: directory)
        let header = try #require(Self.header(directory + "/snapshot.json"))
        #expect(header.schemaVersion == Repository.schemaVersion && header.seq == 7)
        #expect(header.recordsHash == SnapshotCoding.recordsHash(readFile(directory + "/snapshot.json")))
        // Backup first: the old snapshot is kept byte for byte, and a backup in the new format is offered.
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory + "/backups")
        #expect(backups.contains { readFile(directory + "/backups/" + $0) == oldSnapshot })
        #expect(repository.listBackups().last?.seq == 7)

        // The data is what the former version saved.
        #expect(repository.cases.map(\.id) == ["HS-0001", "HS-0002"])
        let file = try #require(repository.caseFile("HS-0001"))
        #expect(file.state == .sympathizer)
        #expect(file.notes.map(\.text) == ["Tích cực tham gia hoạt động khu phố.", "Hoàn thành tốt nhiệm vụ."])
        #expect(repository.organisation.members.values.map(\.fullName).sorted() == ["Lê Thị Mai", "Trần Văn Hùng"])
        #expect(repository.check().errors.isEmpty, "\(repository.check())")
        #expect(repository.check().notes.isEmpty, "\(repository.check())")

        // It works as a store of this version: a save, a reopen, a compaction.
        try CaseService(repository: repository).edit(
            .addNote(text: "Sau khi nâng cấp."), on: "HS-0001", date: Fixtures.date("2024-05-04"), actor: "Thư ký Lan (lan)")
        let reopened = try Repository.open(at: directory)
        #expect(reopened.caseFile("HS-0001")?.notes.count == 3)
        try reopened.compact()
        #expect(try Repository.open(at: directory).check().errors.isEmpty)
    }

    @Test func historyEntriesSavedBeforeSealsAreSealedByTheMigrationAndAMissingSealIsAnErrorAfter() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        // A version-1 store whose files were saved before seals existed: their history entries have none.
        let demo = DemoOrganisation.generate(caseCount: 6, seed: 5, today: Fixtures.date("2026-11-23"))
        #expect(demo.cases.contains { !$0.history.isEmpty } && demo.cases.allSatisfy { $0.history.allSatisfy { $0.seal == nil } })
        let items = demo.units.map(StoredItem.unit) + demo.members.map(StoredItem.member) + demo.cases.map(StoredItem.caseFile)
        _ = try JournalStore<StoredItem>.create(
            at: temporary.store, schemaVersion: 1,
            initialRecords: items.map { StoredRecord(id: $0.storageID, revision: 1, value: $0, changedBy: "cũ", changedAt: "2024-01-01T00:00:00Z") })

        let repository = try Repository.open(at: temporary.store)
        #expect(Self.header(temporary.store + "/snapshot.json")?.schemaVersion == Repository.schemaVersion)
        #expect(repository.cases.map(\.withoutSeals) == demo.cases, "nothing but the seals changed")
        #expect(repository.cases.allSatisfy { $0.history.allSatisfy { $0.seal != nil } && HistorySeal.firstBrokenEntry(of: $0) == nil })
        #expect(repository.check().errors.isEmpty, "\(repository.check())")

        // From now on, a history without seals was edited by hand: check says so.
        let file = try #require(repository.cases.first { !$0.history.isEmpty })
        #expect(HistorySeal.firstBrokenEntry(of: file.withoutSeals) == 1)
        // Written past the repository (which seals what it saves), the seals removed: an error, not "not judged".
        let store = try JournalStore<StoredItem>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion)
        try store.commit(
            [RecordChange(id: StoredItem.id(file.id), expectedRevision: repository.revision(of: file.id), newValue: .caseFile(file.withoutSeals), summary: "sửa tay")],
            actor: "Kẻ sửa tay")
        try repository.refresh()
        let errors = repository.check().errors
        #expect(errors.contains { $0.contains(file.id.rawValue) && $0.contains("niêm phong thiếu") }, "\(errors)")
    }

    /// `Tests/fixtures/store-v2/`: written by the version whose journal held whole files (7765468: `hoso demo
    /// --cases 12 --seed 7`, three notes, a step, a backup). Opening it migrates it to journal patches.
    @Test func aDirectoryWhoseJournalHeldWholeFilesMigratesAndThenWritesPatches() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let directory = try Self.copyOfFixture(temporary, "store-v2")
        let oldSnapshot = readFile(directory + "/snapshot.json")
        #expect(Self.header(directory + "/snapshot.json")?.schemaVersion == 2)
        // What the former version reads: its snapshot and its journal of whole files.
        let before = try JournalStore<StoredItem>.open(
            at: try Self.copyOfFixture(temporary, "store-v2", to: temporary.path + "/former"), supportedSchemaVersion: 2)
        #expect(before.records.count > 60 && before.sequence == 4)

        let repository = try Repository.open(at: directory)
        #expect(Self.header(directory + "/snapshot.json")?.schemaVersion == 3)
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory + "/backups")
        #expect(backups.contains { readFile(directory + "/backups/" + $0) == oldSnapshot }, "the old snapshot is kept first")
        let migrated = try JournalStore<StoredItem>.open(at: directory, supportedSchemaVersion: 3)
        #expect(migrated.records.mapValues(\.value) == before.records.mapValues(\.value))
        #expect(migrated.records.mapValues(\.revision) == before.records.mapValues(\.revision))
        #expect(repository.check().errors.isEmpty, "\(repository.check())")

        let notes = try #require(repository.caseFile("HS-0001")).notes.count
        try CaseService(repository: repository).edit(
            .addNote(text: "Sau khi nâng cấp."), on: "HS-0001", date: Fixtures.date("2026-12-06"), actor: "Thư ký (root)")
        let segments = try FileManager.default.contentsOfDirectory(atPath: directory + "/journal").filter { $0.hasSuffix(".jsonl") }.sorted()
        let lastLine = String(decoding: readFile(directory + "/journal/" + segments.last!), as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.contains(#""patch":{"#) && !lastLine.contains(#""value":"#))
        let reopened = try Repository.open(at: directory)
        #expect(reopened.caseFile("HS-0001")?.notes.count == notes + 1)
        try reopened.compact()
        let checked = try Repository.open(at: directory).check()
        #expect(checked.errors.isEmpty, "\(checked)")
    }
}
