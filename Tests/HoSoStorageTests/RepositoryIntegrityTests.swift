import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

@Suite("Repository integrity: check, round trip, backup and restore")
struct RepositoryIntegrityTests {
    @Test("check() reports a file past the sympathizer step without the cell's resolution")
    func workflowInvariantBreach() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let repository = try workspace.create()
        #expect(repository.check().isClean)

        // Written straight through the store, past the engine that would refuse it.
        var broken = try #require(repository.caseFile("HS-0002"))
        broken.state = .inClass
        broken.sympathizerResolution = nil
        let store = try JournalStore<StoredItem>.open(at: workspace.directory, supportedSchemaVersion: Repository.schemaVersion)
        try store.commit(
            [RecordChange(id: "case/HS-0002", expectedRevision: repository.revision(of: "HS-0002"), newValue: .caseFile(broken), summary: "sửa tay")],
            actor: "Kẻ sửa tay")

        try repository.refresh()
        let problems = repository.check()
        #expect(problems.errors.contains { $0.contains("HS-0002") && $0.contains("thiếu nghị quyết chi bộ") }, "\(problems)")
        #expect(!problems.errors.contains { $0.contains("HS-0001") }, "the sound file is not blamed: \(problems)")
        #expect(problems.notes.isEmpty, "a workflow breach is an error, not a note: \(problems)")
    }

    @Test("check() reports a journal line edited by hand, naming the segment and the line")
    func editedJournalLine() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let service = CaseService(repository: try workspace.create())
        try service.edit(.addNote(text: "Gương mẫu trong công việc."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        try service.edit(.addNote(text: "Tham gia hiến máu."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        #expect(service.repository.check().isClean)

        // The first of two lines (the created files are in the snapshot, not in the journal): someone
        // softens a note without leaving a trace in its length.
        let segment = workspace.directory + "/journal/000001.jsonl"
        let original = String(decoding: readFile(segment), as: UTF8.self)
        let edited = original.replacingOccurrences(of: "Gương mẫu", with: "Gương xấu")
        #expect(edited != original)
        writeFile(segment, Array(edited.utf8))

        let problems = service.repository.check()
        #expect(problems.errors.contains { $0.contains("000001.jsonl:1") && $0.contains("mã băm") }, "\(problems)")
        // Opening refuses the store too, naming the place, rather than showing the altered note.
        do throws(RepositoryError) {
            _ = try Repository.open(at: workspace.directory)
            Issue.record("a store with an edited line was opened")
        } catch {
            #expect(error.message.contains("000001.jsonl, dòng 1"), "\(error.message)")
        }
    }

    @Test("The demo organisation of 300 files survives create and reopen unchanged, and check() finds nothing")
    func demoRoundTrip() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let demo = DemoOrganisation.generate(caseCount: 300, seed: 7, today: Fixtures.date("2025-06-02"))
        #expect(demo.cases.count == 300)
        _ = try Repository.create(at: workspace.directory, units: demo.units, members: demo.members, cases: demo.cases, actor: "Dữ liệu mẫu")

        let reopened = try workspace.open()
        let expected = demo.cases.sorted { $0.id < $1.id }
        #expect(reopened.cases.count == expected.count)
        for (stored, original) in zip(reopened.cases, expected) where stored.withoutSeals != original {
            Issue.record("\(original.id) changed on the way through the disk")
        }
        #expect(reopened.cases.allSatisfy { $0.history.allSatisfy { $0.seal != nil } }, "every entry is sealed on create")
        #expect(reopened.organisation == Organisation(units: demo.units, members: demo.members))
        #expect(reopened.check().isClean)
    }

    @Test("backup → change → restore brings the old file back, and check() passes")
    func backupChangeRestore() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let service = CaseService(repository: try workspace.create())
        let backup = try service.repository.backup()
        #expect(service.repository.listBackups().contains(backup))

        try service.edit(.addNote(text: "Ghi nhầm hồ sơ."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        try service.perform(.remove(reason: "Chuyển công tác"), on: "HS-0002", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        #expect(service.repository.caseFile("HS-0002")?.state == .removed)

        try service.repository.restore(fromBackup: backup.name, actor: "Thư ký Lan")
        let restored = try workspace.open()
        #expect(restored.caseFile("HS-0001")?.notes.isEmpty == true)
        #expect(restored.caseFile("HS-0002")?.state == .nominated)
        #expect(restored.check().isClean)
        // The restore is itself a change with an author, and the mistaken state is kept as a backup.
        #expect(restored.lastChange(of: "HS-0002")?.by == "Thư ký Lan")
        #expect(restored.listBackups().count >= 2)
    }
}
