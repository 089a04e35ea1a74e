import Foundation
import HoSoApplication
import HoSoDomain
import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// The fixture cell on the server, with three people who connect as their own PostgreSQL roles: a
/// mentor of HS-0001 only (member M001), a viewer, and a clerk. The roles are cluster-wide, so each
/// test names its own.
struct ServerWithRoles {
    let workspace: ServerWorkspace
    let mentor: String
    let viewer: String
    let clerk: String

    init() throws {
        workspace = try ServerWorkspace()
        let suffix = String(UUID().uuidString.prefix(6)).lowercased()
        mentor = "giupdo_" + suffix
        viewer = "captren_" + suffix
        clerk = "thuky_" + suffix
        let repository = try workspace.create()
        var file = try #require(repository.caseFile("HS-0001"))
        file.mentors = [MentorAssignment(memberID: "M001", since: ServerWorkspace.day)]
        try repository.save(file, expectedRevision: 1, actor: "Thư ký Lan", summary: "Phân công người giúp đỡ")
        var other = try #require(repository.caseFile("HS-0002"))
        other.mentors = [MentorAssignment(memberID: "M002", since: ServerWorkspace.day)]
        try repository.save(other, expectedRevision: 1, actor: "Thư ký Lan", summary: "Phân công người giúp đỡ")
        let people = [
            Account(id: "giupdo", fullName: "Trần Văn Hùng", systemUser: mentor, memberID: "M001", grants: [RoleGrant(.mentor, in: Fixtures.cellID)]),
            Account(id: "captren", fullName: "Cán bộ cấp trên", systemUser: viewer, grants: [RoleGrant(.viewer, in: Fixtures.cellID)]),
            Account(id: "thuky", fullName: "Thư ký Lan", systemUser: clerk, grants: [RoleGrant(.clerk, in: Fixtures.cellID)]),
        ]
        for account in people {
            try repository.save(account: account, expectedRevision: nil, actor: "Thư ký Lan", summary: "Thêm người dùng")
        }
        for role in [mentor, viewer, clerk] {
            try workspace.cluster.psql(workspace.url, "CREATE ROLE \(role) LOGIN; GRANT hoso_users TO \(role)")
        }
    }

    /// The database's address for `role` instead of the owner.
    func url(as role: String) -> String {
        workspace.url.replacingOccurrences(of: PostgresCluster.superuser + "@", with: role + "@")
    }

    /// What psql shows `role`, one value per line.
    func psql(as role: String, _ sql: String) throws -> [String] {
        try workspace.cluster.psql(url(as: role), sql).split(separator: "\n").map(String.init)
    }
}

@Suite("Roles enforced by the database: row-level security as the second wall")
struct PostgresRoleTests {
    @Test("Through HoSo, each role's connection holds exactly what its grants give")
    func eachRoleSeesItsShare() throws {
        let server = try ServerWithRoles()
        #expect(try ServerRepository.open(url: server.url(as: server.mentor)).cases.map(\.id) == ["HS-0001"])
        #expect(try ServerRepository.open(url: server.url(as: server.viewer)).cases.isEmpty, "a viewer gets no file contents")
        #expect(try ServerRepository.open(url: server.url(as: server.clerk)).cases.map(\.id) == ["HS-0001", "HS-0002"])
        let mentorView = try ServerRepository.open(url: server.url(as: server.mentor))
        #expect(Set(mentorView.accounts.keys) == ["giupdo"], "a mentor reads their own account only (no others' passphrase hashes)")
        #expect(mentorView.organisation.members.count == Fixtures.members.count, "units and members stay readable: names for lists")
    }

    @Test("psql with a mentor's credentials reads and changes only that mentor's candidates")
    func psqlAsAMentor() throws {
        let server = try ServerWithRoles()
        #expect(try server.psql(as: server.mentor, "SELECT id FROM hoso.records WHERE kind = 'case' ORDER BY id") == ["case/HS-0001"])
        #expect(try server.psql(as: server.mentor, "SELECT count(*) FROM hoso.journal WHERE entry LIKE '%Lê Văn Tám%'") == ["0"],
                "the journal holds hashes, not contents")
        #expect(try server.psql(as: server.mentor, "WITH changed AS (UPDATE hoso.records SET changed_by = 'x' WHERE id = 'case/HS-0002' RETURNING 1) SELECT count(*) FROM changed") == ["0"])
        // Making themselves clerk by rewriting their own account: nothing is updated.
        let escalated = try server.psql(
            as: server.mentor,
            "WITH changed AS (UPDATE hoso.records SET value = replace(value, '\"mentor\"', '\"clerk\"') WHERE kind = 'account' RETURNING 1) SELECT count(*) FROM changed")
        #expect(escalated == ["0"])
        // Filing a new candidate, or rewriting the journal, is refused outright.
        #expect(throws: (any Error).self) {
            try server.psql(as: server.mentor, "INSERT INTO hoso.records (id, revision, value, changed_by, changed_at, seq) VALUES ('case/HS-0999', 1, '{\"type\":\"case\",\"case\":{\"unitID\":\"\(Fixtures.cellID)\"}}', 'x', 'x', 1)")
        }
        #expect(throws: (any Error).self) { try server.psql(as: server.mentor, "DELETE FROM hoso.journal") }
        #expect(try server.psql(as: server.viewer, "SELECT count(*) FROM hoso.records WHERE kind = 'case'") == ["0"])
        // Backups hold every file: only clerks read them.
        _ = try server.workspace.open().backup()
        #expect(try server.psql(as: server.mentor, "SELECT count(*) FROM hoso.backups") == ["0"])
        #expect(try server.psql(as: server.clerk, "SELECT count(*) FROM hoso.backups") == ["1"])
    }

    @Test("A mentor's note through HoSo lands under their own role; the clerk sees it at once; check stays clean")
    func mentorWritesThroughTheirRole() throws {
        let server = try ServerWithRoles()
        let mentor = CaseService(repository: try ServerRepository.open(url: server.url(as: server.mentor)))
        try mentor.edit(.addNote(text: "Tháng 3: tích cực."), on: "HS-0001", date: ServerWorkspace.day, actor: "Trần Văn Hùng (giupdo)")
        let clerk = try ServerRepository.open(url: server.url(as: server.clerk))
        #expect(clerk.caseFile("HS-0001")?.notes.map(\.text) == ["Tháng 3: tích cực."])
        #expect(try server.workspace.open().check().errors.isEmpty)
        // The mentor's own check sees the chain whole; the records it may not read are not called missing.
        #expect(try ServerRepository.open(url: server.url(as: server.mentor)).check().errors.isEmpty)
    }

    @Test("Linking a person to a role the server lacks, or one outside hoso_users, says what the administrator must run")
    func rolesThatCannotSignInYet() throws {
        let server = try ServerWithRoles()
        let repository = try server.workspace.open()
        #expect(repository.signInProblem(ofRole: server.mentor) == nil)
        #expect(repository.signInProblem(ofRole: "khong_co_ai") == "Máy chủ chưa có vai trò PostgreSQL khong_co_ai: nhờ người quản trị máy chủ chạy createuser --pwprompt khong_co_ai rồi psql -c 'GRANT hoso_users TO khong_co_ai'.")
        let outside = "ngoai_" + server.mentor
        try server.workspace.cluster.psql(server.workspace.url, "CREATE ROLE \(outside) LOGIN")
        #expect(repository.signInProblem(ofRole: outside) == "Vai trò PostgreSQL \(outside) chưa thuộc nhóm hoso_users: nhờ người quản trị chạy psql -c 'GRANT hoso_users TO \(outside)'.")
        let dataDirectory = try Repository.create(at: NSTemporaryDirectory() + "hoso-pg-dir-\(UUID().uuidString)", units: [Fixtures.cell()], members: [], actor: "x")
        defer { try? FileManager.default.removeItem(atPath: dataDirectory.directory) }
        #expect(dataDirectory.signInProblem(ofRole: "khong_co_ai") == nil, "a data directory needs nothing from HoSo for a login")
    }

    @Test("On the server, HoSo signs a person in by their database role, as it does by the login on one machine")
    func signInByRole() throws {
        let server = try ServerWithRoles()
        let repository = try ServerRepository.open(url: server.url(as: server.mentor))
        #expect(repository.serverRole == server.mentor)
        let account = try SignIn(repository: repository, systemUser: try #require(repository.serverRole)).account(requested: nil) { nil }
        #expect(account.id == "giupdo")
    }

    @Test("--as on the server: naming oneself works; naming someone else is refused, saying to connect as their role, and writes no row")
    func signInAsSomeoneElseOnTheServer() throws {
        let server = try ServerWithRoles()
        let repository = try ServerRepository.open(url: server.url(as: server.mentor))
        let role = try #require(repository.serverRole)
        #expect(try SignIn(repository: repository, systemUser: role).account(requested: "giupdo") { nil }.id == "giupdo")
        let before = try #require(try ServerRepository.open(url: server.url(as: server.clerk)).accountRevision("thuky"))
        let audited = try server.workspace.cluster.psql(server.workspace.url, "SELECT count(*) FROM hoso.audit")
        var asked = false
        do {
            _ = try SignIn(repository: repository, systemUser: role).account(requested: "thuky") {
                asked = true
                return "mat-khau"
            }
            Issue.record("signed in as another person on the server")
        } catch {
            #expect(error.message.contains("kết nối này là vai trò \(server.mentor) (là Trần Văn Hùng"), "\(error.message)")
            #expect(error.message.contains("kết nối bằng vai trò PostgreSQL của người đó trong địa chỉ --data"), "\(error.message)")
            #expect(!error.message.contains("máy chủ từ chối") && !error.message.contains("bảo mật theo dòng"))
        }
        #expect(!asked, "no passphrase is asked for")
        #expect(try ServerRepository.open(url: server.url(as: server.clerk)).accountRevision("thuky") == before, "the account row is untouched")
        let after = try server.workspace.cluster.psql(server.workspace.url, "SELECT count(*) FROM hoso.audit")
        #expect(Int(after.trimmingCharacters(in: .whitespacesAndNewlines))! == Int(audited.trimmingCharacters(in: .whitespacesAndNewlines))! + 1,
                "the refusal is in the security log")
        // A clerk, who reads the people, is told the other person's role; a role linked to nobody is told how to link it.
        let clerkView = try ServerRepository.open(url: server.url(as: server.clerk))
        #expect(throws: SignInRefusal.self) { _ = try SignIn(repository: clerkView, systemUser: server.clerk).account(requested: "giupdo") { "x" } }
        do {
            _ = try SignIn(repository: clerkView, systemUser: server.clerk).account(requested: "giupdo") { "x" }
        } catch {
            #expect(error.message.contains("vai trò PostgreSQL của người đó (\(server.mentor))"), "\(error.message)")
        }
        let owner = try ServerRepository.open(url: server.workspace.url)
        do {
            _ = try SignIn(repository: owner, systemUser: PostgresCluster.superuser).account(requested: nil) { nil }
            Issue.record("a role linked to nobody signed in")
        } catch {
            #expect(error.message.contains("hoso people edit MÃ --system-user \(PostgresCluster.superuser)"), "\(error.message)")
        }
    }
}
