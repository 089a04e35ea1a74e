import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// A data directory with the fixture cell, its members and two nominated files (HS-0001, HS-0002).
struct RepositoryWorkspace {
    let temporary = TemporaryDirectory()
    var directory: String { temporary.store }
    static let day = Fixtures.date("2024-03-04")

    /// Creates the directory and returns the first terminal's view of it.
    func create() throws -> Repository {
        var second = Fixtures.newCase()
        second.id = "HS-0002"
        second.person.fullName = "Lê Văn Tám"
        return try Repository.create(
            at: directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [Fixtures.newCase(), second],
            actor: "Thư ký Lan")
    }

    func open() throws -> Repository { try Repository.open(at: directory) }

    func remove() { temporary.remove() }
}

/// Runs a service call that must fail, returning its error.
func expectServiceError(
    _ body: () throws(ServiceError) -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> ServiceError? {
    do {
        try body()
        Issue.record("expected a ServiceError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Two terminals on one data directory")
struct RepositoryConcurrencyTests {
    @Test("Both note the same file from the same revision: the second note is applied to the first's version, both kept")
    func sameCaseNotesBothLand() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let first = CaseService(repository: try workspace.create())
        let second = CaseService(repository: try workspace.open())
        #expect(first.repository.revision(of: "HS-0001") == second.repository.revision(of: "HS-0001"))

        try first.edit(.addNote(text: "Tích cực tham gia tổ dân phố."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        let saved = try second.edit(.addNote(text: "Nhận xét của bí thư."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Bí thư Hùng")
        #expect(saved.notes.map(\.text) == ["Tích cực tham gia tổ dân phố.", "Nhận xét của bí thư."])
        #expect(try workspace.open().caseFile("HS-0001")?.notes.map(\.text) == ["Tích cực tham gia tổ dân phố.", "Nhận xét của bí thư."])
        #expect(try workspace.open().check().errors.isEmpty)
    }

    @Test("A step chosen on a state the file has left meanwhile is refused in Vietnamese, naming the new state")
    func stepFromAStateThatMoved() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let first = CaseService(repository: try workspace.create())
        let second = CaseService(repository: try workspace.open())
        let seen = try #require(second.repository.caseFile("HS-0001")).state
        try first.perform(.withdraw(reason: "Xin rút hồ sơ"), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        let error = expectServiceError { () throws(ServiceError) in
            _ = try second.run(.step(.remove(reason: "Không còn đủ điều kiện"), on: "HS-0001", date: RepositoryWorkspace.day, seenState: seen), actor: "Bí thư Hùng")
        }
        guard case .workflow(.stateMoved(let event, let from, let now))? = error else {
            Issue.record("expected the state to have moved: \(String(describing: error))"); return
        }
        #expect(event == .remove && from == seen && now == .withdrawn)
        #expect(error?.message.contains("sang \"\(CaseState.withdrawn.vietnamese)\"") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("remove") == false, "no raw event names on screen")
    }

    @Test("Edits of different files from stale views both land")
    func differentCasesBothLand() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let first = CaseService(repository: try workspace.create())
        let second = CaseService(repository: try workspace.open())
        try first.edit(.addNote(text: "Ghi chú hồ sơ một."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        // The second terminal has not refreshed; its edit of another file must not be refused or undo the first.
        try second.edit(.addNote(text: "Ghi chú hồ sơ hai."), on: "HS-0002", date: RepositoryWorkspace.day, actor: "Bí thư Hùng")

        let fresh = try workspace.open()
        #expect(fresh.caseFile("HS-0001")?.notes.map(\.text) == ["Ghi chú hồ sơ một."])
        #expect(fresh.caseFile("HS-0002")?.notes.map(\.text) == ["Ghi chú hồ sơ hai."])
        #expect(first.repository.caseFile("HS-0002")?.notes.isEmpty == true, "not yet refreshed")
        try first.repository.refresh()
        #expect(first.repository.caseFile("HS-0002")?.notes.map(\.text) == ["Ghi chú hồ sơ hai."])
        #expect(fresh.check().isClean)
    }

    @Test("hasExternalChanges is true after the other terminal saves and false after refresh")
    func externalChanges() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let watcher = try workspace.create()
        let other = CaseService(repository: try workspace.open())
        #expect(!watcher.hasExternalChanges())

        try other.edit(.addNote(text: "Đã gặp gỡ gia đình."), on: "HS-0002", date: RepositoryWorkspace.day, actor: "Bí thư Hùng")
        #expect(watcher.hasExternalChanges())
        #expect(!other.repository.hasExternalChanges(), "a terminal's own save is not an external change")

        #expect(try watcher.refresh())
        #expect(!watcher.hasExternalChanges())
        #expect(watcher.caseFile("HS-0002")?.notes.count == 1)
        #expect(try watcher.refresh() == false, "nothing new the second time")
    }
}
