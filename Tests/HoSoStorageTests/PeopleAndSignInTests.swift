import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// Signing in, passphrases, the audit log, and the store's own checks of who may change what.
@Suite("People, sign-in and the store's enforcement", .serialized)
struct PeopleAndSignInTests {
    static let clerk = Account(id: "lan", fullName: "Trần Thị Lan", systemUser: "lan", grants: [RoleGrant(.clerk, in: Fixtures.cellID)])

    /// A store whose file HS-0001 is on the source list, mentored by the member `mentor`.
    func workspace(mentorPassphrase: String? = "mat-khau-giup-do") throws -> (RepositoryWorkspace, Repository, CaseFile, Account) {
        let workspace = RepositoryWorkspace()
        let file = try Fixtures.file(in: .sympathizer).file
        let mentorID = try #require(file.activeMentors.first?.memberID)
        var mentor = Account(id: "hung", fullName: "Trần Văn Hùng", memberID: mentorID, grants: [RoleGrant(.mentor, in: Fixtures.cellID)])
        mentor.passphrase = try mentorPassphrase.map(PassphraseHasher.hash)
        var second = Fixtures.newCase()
        second.id = "HS-0002"
        second.person.fullName = "Lê Văn Tám"
        let repository = try Repository.create(
            at: workspace.directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [file, second],
            accounts: [Self.clerk, mentor], actor: "Kiểm thử")
        return (workspace, repository, file, mentor)
    }

    func service(_ repository: Repository, _ account: Account) -> CaseService {
        CaseService(repository: repository, access: Access(account: account, organisation: repository.organisation), systemUser: "lan")
    }

    @Test("A passphrase is stored salted and slow, never in clear; the same passphrase twice gives two different hashes")
    func passphraseIsHashed() throws {
        let first = try PassphraseHasher.hash("Trăng-rằm-2026")
        let second = try PassphraseHasher.hash("Trăng-rằm-2026")
        #expect(first.algorithm == "scrypt" && first.cost >= 1 << 14)
        #expect(first.salt != second.salt && first.key != second.key)
        #expect(!first.key.contains("Trăng") && !first.salt.contains("Trăng"))
        #expect(PassphraseHasher.matches("Trăng-rằm-2026", first))
        // The same text typed with combining accents (NFD) is the same passphrase.
        #expect(PassphraseHasher.matches("Trăng-rằm-2026".decomposedStringWithCanonicalMapping, second))
        #expect(!PassphraseHasher.matches("trăng-rằm-2026", first))
        #expect(PassphraseHasher.weakness(of: "ngắn") != nil)
    }

    @Test("The OS login signs in its own person; --as someone else needs their passphrase; a forged --as is refused and recorded")
    func signInRules() throws {
        let (workspace, repository, _, mentor) = try workspace()
        defer { workspace.remove() }
        let asClerk = try SignIn(repository: repository, systemUser: "lan").account(requested: nil) { nil }
        #expect(asClerk.id == "lan")
        #expect(throws: SignInRefusal.self) { try SignIn(repository: repository, systemUser: "khach").account(requested: nil) { nil } }
        // No passphrase given for someone else: refused.
        #expect(throws: SignInRefusal.self) { try SignIn(repository: repository, systemUser: "lan").account(requested: mentor.id) { nil } }
        let signedIn = try SignIn(repository: repository, systemUser: "lan").account(requested: mentor.id) { "mat-khau-giup-do" }
        #expect(signedIn.id == mentor.id)
        // The clerk has no passphrase and another login cannot become them.
        do {
            _ = try SignIn(repository: repository, systemUser: "khach").account(requested: "lan") { "bất kỳ" }
            Issue.record("a forged --as was accepted")
        } catch {
            #expect(error.message.contains("chưa đặt mật khẩu"))
        }
        let kinds = AuditLog.events(inDirectory: workspace.directory).map(\.kind)
        #expect(kinds.filter { $0 == .refusedSignIn }.count == 3)
        #expect(kinds.contains(.signedIn))
    }

    @Test("Three wrong passphrases lock the person; while locked even the right one is refused; nothing personal is logged")
    func lockAfterThreeWrongPassphrases() throws {
        let (workspace, repository, _, mentor) = try workspace()
        defer { workspace.remove() }
        var messages: [String] = []
        for attempt in 1...3 {
            let fresh = try Repository.open(at: workspace.directory)
            do {
                _ = try SignIn(repository: fresh, systemUser: "lan").account(requested: mentor.id) { "sai-lan-\(attempt)" }
                Issue.record("a wrong passphrase was accepted")
            } catch {
                messages.append(error.message)
            }
        }
        #expect(messages[0].contains("lần 1/3"))
        #expect(messages[2].contains("bị tạm khóa"))
        let reopened = try Repository.open(at: workspace.directory)
        #expect(reopened.accounts[mentor.id]?.lockedUntil != nil)
        do {
            _ = try SignIn(repository: reopened, systemUser: "lan").account(requested: mentor.id) { "mat-khau-giup-do" }
            Issue.record("a locked person signed in")
        } catch {
            #expect(error.message.contains("đang bị tạm khóa"))
        }
        // An hour later the lock is over and the right passphrase works again.
        let later = try SignIn(repository: reopened, systemUser: "lan", now: Date().addingTimeInterval(3600))
            .account(requested: mentor.id) { "mat-khau-giup-do" }
        #expect(later.id == mentor.id)
        let log = try String(contentsOfFile: workspace.directory + "/audit.jsonl", encoding: .utf8)
        #expect(log.contains("\"locked\"") && log.contains("wrong-passphrase"))
        for secret in ["Trần Văn Hùng", "sai-lan", "mat-khau", "Nguyễn Thị Minh Khai"] {
            #expect(!log.contains(secret), "the audit log holds \(secret)")
        }
        _ = repository
    }

    @Test("The service refuses a mentor's step and another mentor's file, whichever front end sent the command")
    func storeEnforcesRolesOnSave() throws {
        let (workspace, repository, file, mentor) = try workspace()
        defer { workspace.remove() }
        let mentorService = service(repository, mentor)
        // A note on their own candidate is fine.
        try mentorService.edit(.addNote(text: "Tiến bộ rõ."), on: file.id, date: Fixtures.date("2024-06-03"), actor: mentor.signature)
        // A step the mentor may not take, sent as a command as the TUI sends it: refused by the service.
        let vote = CaseCommand.step(.cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 0), on: file.id, date: Fixtures.date("2024-06-04"))
        let refusal = expectServiceError { () throws(ServiceError) in _ = try mentorService.run(vote, actor: mentor.signature) }
        #expect(refusal?.message.contains("Không được phép") == true)
        // Another mentor's candidate (HS-0002 has no mentor): not readable, not writable.
        #expect(expectServiceError { () throws(ServiceError) in _ = try mentorService.file("HS-0002") } != nil)
        #expect(expectServiceError { () throws(ServiceError) in
            try mentorService.edit(.addNote(text: "x"), on: "HS-0002", date: Fixtures.date("2024-06-03"), actor: mentor.signature)
        } != nil)
        #expect(mentorService.visibleCases.map(\.id) == [file.id])
        let audit = AuditLog.events(inDirectory: workspace.directory)
        #expect(audit.contains { $0.kind == .notPermitted && $0.caseID == "HS-0002" && $0.account == "hung" })
    }

    @Test("hoso check finds a history entry edited by hand in the data files")
    func checkFindsEditedHistory() throws {
        let (workspace, repository, file, _) = try workspace()
        defer { workspace.remove() }
        try service(repository, Self.clerk).edit(.addNote(text: "Gương mẫu."), on: file.id, date: Fixtures.date("2024-06-03"), actor: "lan")
        try repository.compact()
        #expect(repository.check().errors.isEmpty)
        let path = workspace.directory + "/snapshot.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Gương mẫu."))
        // Someone with the files edits the note's history entry and leaves HoSo's own hashes consistent.
        try text.replacingOccurrences(of: "Gương mẫu.", with: "Vi phạm kỷ luật.").write(toFile: path, atomically: false, encoding: .utf8)
        rehashSnapshotRecords(path)
        let reopened = try Repository.open(at: workspace.directory)
        let errors = reopened.check().errors.joined(separator: "\n")
        #expect(errors.contains("lịch sử đã bị sửa ngoài HoSo"), "\(errors)")
    }

    @Test("Only a clerk manages people; the last clerk of a unit keeps the role; a mentor must be a member")
    func managingPeople() throws {
        let (workspace, repository, _, mentor) = try workspace()
        defer { workspace.remove() }
        let asMentor = PeopleService(repository: repository, access: Access(account: mentor, organisation: repository.organisation), systemUser: "lan")
        #expect(expectServiceError { () throws(ServiceError) in
            _ = try asMentor.add(id: "mai", fullName: "Lê Thị Mai", systemUser: nil, memberID: nil, grants: [RoleGrant(.clerk, in: Fixtures.cellID)], actor: "x")
        }?.message.contains("Không được phép") == true)
        let asClerk = PeopleService(repository: repository, access: Access(account: Self.clerk, organisation: repository.organisation), systemUser: "lan")
        let viewer = try asClerk.add(id: "xem", fullName: "Cán bộ Xem", systemUser: nil, memberID: nil, grants: [RoleGrant(.viewer, in: Fixtures.cellID)], actor: "lan")
        #expect(viewer.grants == [RoleGrant(.viewer, in: Fixtures.cellID)])
        #expect(expectServiceError { () throws(ServiceError) in _ = try asClerk.grant(RoleGrant(.mentor, in: Fixtures.cellID), to: "xem", actor: "lan") }?
            .message.contains("phải là một đảng viên") == true)
        #expect(expectServiceError { () throws(ServiceError) in _ = try asClerk.revoke(RoleGrant(.clerk, in: Fixtures.cellID), from: "lan", actor: "lan") }?
            .message.contains("cuối cùng") == true)
        #expect(expectServiceError { () throws(ServiceError) in
            _ = try asClerk.add(id: "Bad Id", fullName: "A\u{1B}[2J", systemUser: nil, memberID: nil, grants: [], actor: "lan")
        }?.message.contains("ký tự điều khiển") == true)
        // A mentor may change their own passphrase, not someone else's.
        _ = try asMentor.setPassphrase("mat-khau-moi-2026", of: mentor.id, actor: mentor.signature)
        #expect(expectServiceError { () throws(ServiceError) in _ = try asMentor.setPassphrase("mat-khau-moi-2026", of: "lan", actor: "x") } != nil)
    }
}

@Suite("Data made before people existed")
struct LegacyOwnerTests {
    @Test("Its owner acts as clerk; adding the first person stores the owner as clerk too, so the owner keeps access")
    func firstPersonKeepsTheOwner() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let repository = try workspace.create()
        #expect(repository.accounts.isEmpty)
        let owner = try SignIn(repository: repository, systemUser: "chu").account(requested: nil) { nil }
        #expect(owner.grants == [RoleGrant(.clerk, in: Fixtures.cellID)])
        #expect(throws: SignInRefusal.self) { try SignIn(repository: repository, systemUser: "chu").account(requested: "ai") { "x" } }
        let people = PeopleService(repository: repository, access: Access(account: owner, organisation: repository.organisation), systemUser: "chu")
        _ = try people.add(id: "xem", fullName: "Cán bộ Xem", systemUser: nil, memberID: nil, grants: [RoleGrant(.viewer, in: Fixtures.cellID)], actor: owner.signature)
        #expect(Set(repository.accounts.keys) == ["chu", "xem"])
        let again = try SignIn(repository: repository, systemUser: "chu").account(requested: nil) { nil }
        #expect(again.id == "chu")
    }
}

@Suite("A command on a file another terminal changed meanwhile")
struct StaleCommandTests {
    @Test("Is applied to their version: both notes are kept, in the order they were saved")
    func staleCommandKeepsBothChanges() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let mine = try workspace.create()
        let theirs = try Repository.open(at: workspace.directory)
        let before = try #require(mine.caseFile("HS-0001"))
        try CaseService(repository: theirs).edit(.addNote(text: "Từ máy khác."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Minh")
        // This repository has not looked since: the service reads the stored version before applying.
        let saved = try CaseService(repository: mine).edit(.addNote(text: "Của tôi."), on: "HS-0001", date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        #expect(saved.notes.map(\.text) == before.notes.map(\.text) + ["Từ máy khác.", "Của tôi."])
        #expect(try Repository.open(at: workspace.directory).caseFile("HS-0001")?.notes.count == before.notes.count + 2)
    }

    @Test("An identity field changed meanwhile to another value is refused with the three values; other fields merge")
    func identityConflictShowsBothValues() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let mine = try workspace.create()
        let theirs = try Repository.open(at: workspace.directory)
        let seen = try #require(mine.caseFile("HS-0001")).person
        var occupation = seen
        occupation.occupation = "Kế toán trưởng"
        try CaseService(repository: theirs).edit(.correctIdentity(seen: seen, typed: occupation), on: "HS-0001",
                                                 date: RepositoryWorkspace.day, actor: "Thư ký Minh")
        // Another field: merged onto their change.
        var address = seen
        address.homeAddress = "45 Nguyễn Trãi, Quận 5"
        let merged = try CaseService(repository: mine).edit(.correctIdentity(seen: seen, typed: address), on: "HS-0001",
                                                            date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        #expect(merged.person.occupation == "Kế toán trưởng" && merged.person.homeAddress == "45 Nguyễn Trãi, Quận 5")
        // The same field, to another value: refused, nothing written, the three values named.
        let revision = mine.revision(of: "HS-0001")
        var other = seen
        other.occupation = "Kế toán"
        let error = expectServiceError { () throws(ServiceError) in
            _ = try CaseService(repository: mine).edit(.correctIdentity(seen: seen, typed: other), on: "HS-0001",
                                                       date: RepositoryWorkspace.day, actor: "Thư ký Lan")
        }
        guard case .workflow(.conflict(let fields))? = error else { Issue.record("expected a field conflict: \(String(describing: error))"); return }
        #expect(fields == [FieldConflict(field: "Nghề nghiệp", seen: seen.occupation, typed: "Kế toán", stored: "Kế toán trưởng")])
        #expect(mine.revision(of: "HS-0001") == revision)
    }
}
