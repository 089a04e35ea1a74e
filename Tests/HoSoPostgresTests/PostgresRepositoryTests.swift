import Foundation
import Synchronization
import HoSoApplication
import HoSoDomain
import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// A database of its own on the test process's throw-away server, holding the fixture cell, its
/// members and two files (HS-0001, HS-0002).
struct ServerWorkspace {
    let cluster: PostgresCluster
    let url: String
    static let day = Fixtures.date("2024-03-04")

    init() throws {
        cluster = try PostgresCluster.shared.get()
        url = try cluster.makeDatabase()
    }

    func create() throws -> Repository {
        var second = Fixtures.newCase()
        second.id = "HS-0002"
        second.person.fullName = "Lê Văn Tám"
        return try ServerRepository.create(
            url: url, units: [Fixtures.cell()], members: Fixtures.members, cases: [Fixtures.newCase(), second], actor: "Thư ký Lan")
    }

    func open() throws(RepositoryError) -> Repository { try ServerRepository.open(url: url) }
}

@Suite("The repository on a PostgreSQL server")
struct PostgresRepositoryTests {
    @Test("What init writes, a second connection reads back: units, members, files, revisions and a clean check")
    func createThenOpen() throws {
        let workspace = try ServerWorkspace()
        let created = try workspace.create()
        let opened = try workspace.open()
        #expect(opened.cases.map(\.id) == ["HS-0001", "HS-0002"])
        #expect(opened.cases == created.cases)
        #expect(opened.organisation.members.count == Fixtures.members.count)
        #expect(opened.revision(of: "HS-0001") == 1)
        #expect(opened.check().errors.isEmpty, "\(opened.check().errors)")
        #expect(!opened.directory.contains("password"))
    }

    @Test("init on a database that already holds HoSo data is refused and writes nothing")
    func secondInitRefused() throws {
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        do {
            _ = try ServerRepository.create(url: workspace.url, units: [Fixtures.cell()], members: [], actor: "Người khác")
            Issue.record("a second init was accepted")
        } catch {
            #expect(error.message.contains("đã có dữ liệu HoSo; không tạo đè"), "\(error.message)")
        }
        #expect(try workspace.open().cases.count == 2)
    }

    @Test("A database without HoSo's tables says how to create them; an unreachable server says what to check")
    func emptyAndUnreachable() throws {
        let cluster = try PostgresCluster.shared.get()
        let empty = try cluster.makeDatabase("empty")
        do {
            _ = try ServerRepository.open(url: empty)
            Issue.record("opened a database without HoSo data")
        } catch {
            #expect(error.message.contains("chưa có dữ liệu HoSo. Tạo mới bằng \"hoso init --data"), "\(error.message)")
        }
        do {
            _ = try ServerRepository.open(url: "postgresql://hoso:bi-mat@/hoso?host=/nonexistent-socket-dir")
            Issue.record("connected to nothing")
        } catch {
            #expect(error.message.hasPrefix("Không kết nối được máy chủ PostgreSQL postgresql://hoso:***@"), "\(error.message)")
            #expect(!error.message.contains("bi-mat"), "the password is never shown")
        }
        #expect(PostgresAddress.withoutPassword("postgresql://lan@db/hoso?sslmode=require&password=bi-mat&x=1")
                == "postgresql://lan@db/hoso?sslmode=require&password=***&x=1")
    }

    @Test("Two clients note the same file from the same revision: both notes land, in order")
    func notesFromTwoClientsBothLand() throws {
        let workspace = try ServerWorkspace()
        let first = CaseService(repository: try workspace.create())
        let second = CaseService(repository: try workspace.open())
        try first.edit(.addNote(text: "Tích cực tham gia tổ dân phố."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        let saved = try second.edit(.addNote(text: "Nhận xét của bí thư."), on: "HS-0001", date: ServerWorkspace.day, actor: "Bí thư Hùng")
        #expect(saved.notes.map(\.text) == ["Tích cực tham gia tổ dân phố.", "Nhận xét của bí thư."])
        let fresh = try workspace.open()
        #expect(fresh.caseFile("HS-0001")?.notes.map(\.text) == ["Tích cực tham gia tổ dân phố.", "Nhận xét của bí thư."])
        #expect(fresh.revision(of: "HS-0001") == 3)
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }

    @Test("A save from a stale revision is refused with who changed the file and when, and writes nothing")
    func compareAndSwap() throws {
        let workspace = try ServerWorkspace()
        let first = try workspace.create()
        let second = try workspace.open()
        var file = try #require(first.caseFile("HS-0002"))
        file.person.occupation = "Kế toán trưởng"
        try first.save(file, expectedRevision: 1, actor: "Thư ký Lan", summary: "Sửa nghề nghiệp")
        var stale = try #require(second.caseFile("HS-0002"))
        stale.person.occupation = "Kế toán"
        do {
            try second.save(stale, expectedRevision: 1, actor: "Bí thư Hùng", summary: "Sửa nghề nghiệp")
            Issue.record("a stale save landed")
        } catch {
            #expect(error.isConflict)
            #expect(error.message.hasPrefix("Hồ sơ HS-0002 vừa được Thư ký Lan sửa lúc "), "\(error.message)")
        }
        #expect(try workspace.open().caseFile("HS-0002")?.person.occupation == "Kế toán trưởng")
    }

    @Test("A commit from one client reaches another open client within a second (LISTEN/NOTIFY)")
    func liveRefresh() throws {
        let workspace = try ServerWorkspace()
        let writer = CaseService(repository: try workspace.create())
        let watcher = try workspace.open()
        #expect(!watcher.hasExternalChanges())
        try writer.edit(.addNote(text: "Đã gặp gia đình."), on: "HS-0002", date: ServerWorkspace.day, actor: "Thư ký Lan")
        let deadline = Date().addingTimeInterval(1)
        var seen = false
        while !seen, Date() < deadline {
            seen = watcher.hasExternalChanges()
            if !seen { usleep(20_000) }
        }
        #expect(seen, "the watcher was not told within a second")
        #expect(try watcher.refresh())
        #expect(watcher.caseFile("HS-0002")?.notes.map(\.text) == ["Đã gặp gia đình."])
        #expect(!watcher.hasExternalChanges())
    }

    @Test("Four clients × 40 notes on the same two files: every acknowledged note is there afterwards")
    func manyClientsLoseNothing() throws {
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        let clients = 4
        let notesEach = 40
        let acknowledged = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            do {
                let service = CaseService(repository: try workspace.open())
                for number in 0..<notesEach {
                    let text = "Ghi chú \(client)-\(number)"
                    let id: CaseID = number % 2 == 0 ? "HS-0001" : "HS-0002"
                    do {
                        try service.edit(.addNote(text: text), on: id, date: ServerWorkspace.day, actor: "Người \(client)")
                        acknowledged.withLock { $0.append(text) }
                    } catch {
                        failures.withLock { $0.append("\(text): \(error)") }
                    }
                }
            } catch {
                failures.withLock { $0.append("client \(client): \(error)") }
            }
        }
        let fresh = try workspace.open()
        let stored = Set(fresh.cases.flatMap { $0.notes.map(\.text) })
        let acked = acknowledged.withLock { $0 }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 }.prefix(3))")
        #expect(acked.count == clients * notesEach)
        #expect(acked.filter { !stored.contains($0) }.isEmpty, "acknowledged notes missing")
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }

    @Test("A record edited with psql, a journal row edited or deleted: check names each as an error")
    func tamperEvidence() throws {
        let workspace = try ServerWorkspace()
        let service = CaseService(repository: try workspace.create())
        for text in ["Một", "Hai", "Ba"] {
            try service.edit(.addNote(text: text), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        }
        #expect(try workspace.open().check().errors.isEmpty)

        try workspace.cluster.psql(workspace.url, "UPDATE hoso.records SET value = replace(value, 'Ba', 'Bốn') WHERE id = 'case/HS-0001'")
        let edited = try workspace.open().check().errors
        #expect(edited.contains { $0.contains("Bản ghi case/HS-0001 khác với nhật ký (đã bị sửa ngoài HoSo)") }, "\(edited)")

        try workspace.cluster.psql(workspace.url, "UPDATE hoso.journal SET entry = replace(entry, 'Thư ký Lan', 'Người giả') WHERE seq = 3")
        let rewritten = try workspace.cluster.psql(workspace.url, "SELECT count(*) FROM hoso.journal WHERE entry LIKE '%Người giả%'")
        #expect(rewritten.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let journal = try workspace.open().check().errors
        #expect(journal.contains { $0.contains("Mục 3 của nhật ký không khớp dấu băm") }, "\(journal)")

        try workspace.cluster.psql(workspace.url, "DELETE FROM hoso.journal WHERE seq = 2")
        let deleted = try workspace.open().check().errors
        #expect(deleted.contains { $0.contains("Thiếu mục 2–2 của nhật ký (đã bị xóa)") }, "\(deleted)")
    }

    @Test("A backup restores as one attributed commit; the history keeps both")
    func backupAndRestore() throws {
        let workspace = try ServerWorkspace()
        let repository = try workspace.create()
        let service = CaseService(repository: repository)
        let backup = try repository.backup()
        try service.edit(.addNote(text: "Sau bản sao lưu."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(repository.listBackups().map(\.name) == [backup.name])
        try repository.restore(fromBackup: backup.name, actor: "Thư ký Lan")
        let fresh = try workspace.open()
        #expect(fresh.caseFile("HS-0001")?.notes.isEmpty == true)
        #expect(fresh.revision(of: "HS-0001") == 3, "restored as a new revision, not by rewriting history")
        #expect(fresh.listBackups().count == 2, "the state before the restore was backed up first")
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }

    @Test("A connection the server dropped (restart, network cut) is made again; the next save lands and nothing is lost")
    func reconnectsAfterTheServerDropsTheConnection() throws {
        let workspace = try ServerWorkspace()
        let service = CaseService(repository: try workspace.create())
        try service.edit(.addNote(text: "Trước khi mất kết nối."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        let killed = try workspace.cluster.psql(
            workspace.url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        #expect(killed.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        try service.edit(.addNote(text: "Sau khi kết nối lại."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(try workspace.open().caseFile("HS-0001")?.notes.map(\.text) == ["Trước khi mất kết nối.", "Sau khi kết nối lại."])
    }

    @Test("Tables of a newer HoSo are refused before anything is written")
    func newerSchemaRefused() throws {
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        try workspace.cluster.psql(workspace.url, "UPDATE hoso.meta SET value = '99' WHERE key = 'schemaVersion'")
        do {
            _ = try workspace.open()
            Issue.record("opened tables of a newer version")
        } catch {
            #expect(error.message.contains("định dạng 99, bản này chỉ đọc được đến 7"), "\(error.message)")
        }
    }

    @Test("Settings and the security log live in the database: a rules override applies, a refusal is logged")
    func settingsAndAudit() throws {
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        try workspace.cluster.psql(workspace.url, "INSERT INTO hoso.settings (name, content) VALUES ('rules.json', '{\"documentValidityMonths\": 3}')")
        let repository = try workspace.open()
        #expect(repository.rulebook[.documentValidityMonths] == 3)
        repository.recordAudit(AuditEvent(kind: .notPermitted, account: "lan", systemUser: "lan"))
        #expect(try repository.auditEvents().map(\.kind) == [.notPermitted])
        #expect(repository.auditLogPlace.hasSuffix("(bảng hoso.audit)"))
    }
}
