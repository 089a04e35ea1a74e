import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Synchronization
import Testing

/// Schema 6: a command takes the lock with the head in one call (`hoso.command_lock`), commits its whole write
/// in one call (`hoso.append_entry`) and releases the lock without waiting; a commit whose view the head has
/// left catches up and is decided again, so compare-and-swap, the chain and row-level security hold as before.
@Suite("A command's commit in one call of the server")
struct PostgresCommitInOneCallTests {
    static func statements(of repository: Repository) throws -> Int {
        try #require(repository.store as? PostgresRecordStore<StoredItem>).statementsSent
    }

    static func head(_ workspace: ServerWorkspace) throws -> String {
        try workspace.cluster.psql(workspace.url, "SELECT value || ' ' || (SELECT count(*) FROM hoso.journal) FROM hoso.meta WHERE key = 'head'")
    }

    @Test("The arrays a commit is sent in quote every text, escape its quotes and backslashes, and keep NULL apart from the text NULL")
    func arrayLiteral() {
        #expect(PostgresRecordStore<Int>.arrayLiteral([#"{"a":"b\\c"}"#, nil, "NULL", "Lê Văn Tám", ""])
            == #"{"{\"a\":\"b\\\\c\"}",NULL,"NULL","Lê Văn Tám",""}"#)
        #expect(PostgresRecordStore<Int>.arrayLiteral([]) == "{}")
    }

    @Test("One command sends three statements: the lock with the head, the write, the release; five after another client's commit")
    func statementsOfOneCommand() throws {
        let workspace = try ServerWorkspace()
        let repository = try workspace.create()
        let service = CaseService(repository: repository)
        var before = try Self.statements(of: repository)
        try service.edit(.addNote(text: "Một."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(try Self.statements(of: repository) - before == 3)
        before = try Self.statements(of: repository)
        try service.edit(.addNote(text: "Hai."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(try Self.statements(of: repository) - before == 3, "the view is at the head: the journal is not asked")
        // Another client commits: the lock's head says so, and the journal and the changed record are read once.
        try CaseService(repository: try workspace.open()).edit(.addNote(text: "Của bí thư."), on: "HS-0002", date: ServerWorkspace.day, actor: "Bí thư Hùng")
        before = try Self.statements(of: repository)
        try service.edit(.addNote(text: "Ba."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(try Self.statements(of: repository) - before == 5)
        #expect(repository.caseFile("HS-0002")?.notes.map(\.text) == ["Của bí thư."], "caught up on the lock's head")
        #expect(try workspace.open().caseFile("HS-0001")?.notes.map(\.text) == ["Một.", "Hai.", "Ba."])
        #expect(repository.check().errors.isEmpty, "\(repository.check().errors)")
    }

    @Test("The command lock is released without a further statement: another session takes it at once")
    func lockReleasedWithoutWaiting() throws {
        let workspace = try ServerWorkspace()
        let service = CaseService(repository: try workspace.create())
        try service.edit(.addNote(text: "Một."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        let taken = try workspace.cluster.psql(workspace.url, "SELECT pg_try_advisory_lock(\(PostgresSchema.commandLockKey))")
        #expect(taken.hasPrefix("t"), "the lock is still held: \(taken)")
        // The next statement on the same connection reads the release's answer first and works as usual.
        let saved = try service.edit(.addNote(text: "Hai."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(saved.notes.map(\.text) == ["Một.", "Hai."])
    }

    @Test("A save from a view the head has left: the same file is a conflict with who and when, another file lands after catching up")
    func headCheckAfterAnotherClientsCommit() throws {
        let workspace = try ServerWorkspace()
        let stale = try workspace.create()
        let other = try workspace.open()
        var mine = try #require(stale.caseFile("HS-0001"))
        var theirs = try #require(other.caseFile("HS-0001"))
        theirs.person.occupation = "Giáo viên"
        try other.save(theirs, expectedRevision: 1, actor: "Bí thư Hùng", summary: "Sửa nghề nghiệp")
        // The view still says revision 1: the server's head check refuses the call, the view catches up, and
        // the save is decided again on the file as committed now.
        #expect(stale.revision(of: "HS-0001") == 1)
        mine.person.occupation = "Kỹ sư"
        let headBefore = try Self.head(workspace)
        do {
            try stale.save(mine, expectedRevision: 1, actor: "Thư ký Lan", summary: "Sửa nghề nghiệp")
            Issue.record("a save from a stale revision landed")
        } catch {
            #expect(error.isConflict)
            #expect(error.message.hasPrefix("Hồ sơ HS-0001 vừa được Bí thư Hùng sửa lúc "), "\(error.message)")
        }
        #expect(try Self.head(workspace) == headBefore, "nothing written")
        #expect(stale.caseFile("HS-0001")?.person.occupation == "Giáo viên", "the refused call caught the view up")
        // Another file, changed by nobody since: it lands after catching up with another commit of theirs.
        var note = try #require(other.caseFile("HS-0001"))
        note.person.homeAddress = "Tổ 5"
        try other.save(note, expectedRevision: 2, actor: "Bí thư Hùng", summary: "Sửa địa chỉ")
        var second = try #require(stale.caseFile("HS-0002"))
        second.person.occupation = "Kế toán"
        try stale.save(second, expectedRevision: 1, actor: "Thư ký Lan", summary: "Sửa nghề nghiệp")
        #expect(stale.caseFile("HS-0001")?.person.homeAddress == "Tổ 5")
        let fresh = try workspace.open()
        #expect(fresh.caseFile("HS-0001")?.person.occupation == "Giáo viên")
        #expect(fresh.caseFile("HS-0002")?.person.occupation == "Kế toán")
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }

    @Test("Two clients commit at once without the command lock: on the same file one wins and the other is told who; on their own files every save lands")
    func commitsRacing() throws {
        let workspace = try ServerWorkspace()
        let clients = [try workspace.create(), try workspace.open()]
        let actors = ["Thư ký Lan", "Bí thư Hùng"]
        let outcomes = Mutex<[String]>([])
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for (client, actor) in zip(clients, actors) {
            group.enter()
            Thread {
                start.wait()
                var file = client.caseFile("HS-0001")!
                file.person.occupation = actor
                do throws(RepositoryError) {
                    try client.save(file, expectedRevision: 1, actor: actor, summary: "Sửa nghề nghiệp")
                    outcomes.withLock { $0.append("saved " + actor) }
                } catch {
                    outcomes.withLock { $0.append(error.isConflict ? "conflict " + error.message : "failed " + error.message) }
                }
                group.leave()
            }.start()
        }
        start.signal()
        start.signal()
        group.wait()
        let results = outcomes.withLock { $0 }
        let winner = try #require(results.first { $0.hasPrefix("saved ") }.map { String($0.dropFirst(6)) }, "\(results)")
        #expect(results.filter { $0.hasPrefix("conflict Hồ sơ HS-0001 vừa được \(winner) sửa lúc ") }.count == 1, "\(results)")
        #expect(try workspace.open().caseFile("HS-0001")?.person.occupation == winner, "no lost update")

        // Each client saves its own file ten times while the other does: the head moves under each of them
        // again and again, and every save lands after catching up.
        let files: [CaseID] = ["HS-0001", "HS-0002"]
        let failures = Mutex<[String]>([])
        for (client, id) in zip(clients, files) {
            group.enter()
            Thread {
                var revision = client.revision(of: id)
                for round in 1...10 {
                    var file = client.caseFile(id)!
                    file.person.homeAddress = "Số \(round)"
                    do throws(RepositoryError) {
                        try client.save(file, expectedRevision: revision, actor: "Thư ký Lan", summary: "Sửa địa chỉ")
                        revision = client.revision(of: id)
                    } catch {
                        failures.withLock { $0.append(error.message) }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let fresh = try workspace.open()
        #expect(files.map { fresh.caseFile($0)?.person.homeAddress } == ["Số 10", "Số 10"])
        #expect(fresh.revision(of: "HS-0001") == 12 && fresh.revision(of: "HS-0002") == 11)
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }

    @Test("A save on a connection the server dropped connects again, finds its entry absent from the journal, and lands once")
    func saveAfterTheConnectionDropped() throws {
        let workspace = try ServerWorkspace()
        let repository = try workspace.create()
        var file = try #require(repository.caseFile("HS-0002"))
        file.person.occupation = "Kế toán"
        let killed = try workspace.cluster.psql(
            workspace.url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        #expect(killed.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        // Not a command: no lock statement goes first, the call itself meets the dropped connection.
        try repository.save(file, expectedRevision: 1, actor: "Thư ký Lan", summary: "Sửa nghề nghiệp")
        let fresh = try workspace.open()
        #expect(fresh.revision(of: "HS-0002") == 2)
        #expect(fresh.caseFile("HS-0002")?.person.occupation == "Kế toán")
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }

    @Test("A row the role may not change is refused in Vietnamese by the one call, and nothing of the commit is written")
    func rowLevelSecurityRefusal() throws {
        let server = try ServerWithRoles()
        let mentor = try ServerRepository.open(url: server.url(as: server.mentor))
        var own = try #require(mentor.accounts["giupdo"])
        own.fullName = "Trần Văn Hùng (tự sửa)"
        let headBefore = try Self.head(server.workspace)
        do {
            // A mentor reads their own account but may not change it (only clerks write accounts).
            try mentor.save(account: own, expectedRevision: mentor.accountRevision("giupdo"), actor: "Trần Văn Hùng (giupdo)", summary: "Tự sửa")
            Issue.record("a mentor changed their own account")
        } catch {
            #expect(error.message.contains("vai trò \(server.mentor) không được sửa một số bản ghi (chính sách bảo mật theo dòng)"), "\(error.message)")
        }
        var stranger = Fixtures.newCase()
        stranger.id = "HS-0009"
        do {
            try mentor.save(stranger, expectedRevision: nil, actor: "Trần Văn Hùng (giupdo)", summary: "Tạo hồ sơ")
            Issue.record("a mentor filed a new candidate")
        } catch {
            #expect(error.message.contains("vai trò \(server.mentor) không được sửa một số bản ghi (chính sách bảo mật theo dòng)"), "\(error.message)")
        }
        #expect(try Self.head(server.workspace) == headBefore, "no journal row, no head moved")
        #expect(mentor.accounts["giupdo"]?.fullName == "Trần Văn Hùng", "the view keeps what the server holds")
        // The mentor still writes what they may, through the same call.
        try CaseService(repository: mentor).edit(.addNote(text: "Tháng 3."), on: "HS-0001", date: ServerWorkspace.day, actor: "Trần Văn Hùng (giupdo)")
        let owner = try server.workspace.open()
        #expect(owner.caseFile("HS-0001")?.notes.map(\.text) == ["Tháng 3."])
        #expect(owner.accounts["giupdo"]?.fullName == "Trần Văn Hùng")
        #expect(owner.caseFile("HS-0009") == nil)
        #expect(owner.check().errors.isEmpty, "\(owner.check().errors)")
    }

    @Test("A database of version 5 gets versions 6 and 7 on open by its owner only; its commits then take one call; a newer one is refused")
    func versionFiveMigrates() throws {
        let server = try ServerWithRoles()
        let workspace = server.workspace
        try workspace.cluster.psql(
            workspace.url, DemoWardOnServer.withoutCommitsInOneCall + "UPDATE hoso.meta SET value = '5' WHERE key = 'schemaVersion'")
        #expect(try workspace.cluster.psql(workspace.url, "SELECT to_regprocedure('hoso.command_lock(bigint)') IS NULL").hasPrefix("t"))
        do {
            _ = try ServerRepository.open(url: server.url(as: server.clerk))
            Issue.record("a role that does not own the tables upgraded them")
        } catch {
            #expect(error.message.contains("ở định dạng 5, bản HoSo này dùng định dạng \(PostgresSchema.version)"), "\(error.message)")
        }
        _ = try workspace.open()
        #expect(try workspace.cluster.psql(workspace.url, "SELECT value FROM hoso.meta WHERE key = 'schemaVersion'").hasPrefix("\(PostgresSchema.version)"))
        #expect(try workspace.cluster.psql(workspace.url, "SELECT array_to_string(proconfig, ' ') FROM pg_proc WHERE proname = 'append_entry'")
            .contains("plan_cache_mode=force_generic_plan"), "planned once a session")
        let clerk = try ServerRepository.open(url: server.url(as: server.clerk))
        let before = try Self.statements(of: clerk)
        try CaseService(repository: clerk).edit(.addNote(text: "Sau nâng cấp."), on: "HS-0002", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(try Self.statements(of: clerk) - before == 3)
        #expect(clerk.check().errors.isEmpty, "the chain written at version 5 goes on at version 7: \(clerk.check().errors)")
        #expect(try workspace.open().check().errors.isEmpty)
        try workspace.cluster.psql(workspace.url, "UPDATE hoso.meta SET value = '\(PostgresSchema.version + 1)' WHERE key = 'schemaVersion'")
        do {
            _ = try workspace.open()
            Issue.record("opened tables of a newer version")
        } catch {
            #expect(error.message.contains("định dạng \(PostgresSchema.version + 1), bản này chỉ đọc được đến \(PostgresSchema.version)"), "\(error.message)")
        }
    }
}
