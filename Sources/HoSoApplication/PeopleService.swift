import Foundation
import HoSoDomain
import HoSoStorage

/// Adding people and changing their roles, system login and passphrase. Only a clerk may, and only
/// within the units their clerk role reaches; the last clerk of a unit cannot be removed.
public struct PeopleService: Sendable {
    public let repository: Repository
    public let access: Access?
    let systemUser: String

    public init(repository: Repository, access: Access?, systemUser: String) {
        self.repository = repository
        self.access = access
        self.systemUser = systemUser
    }

    public var people: [Account] {
        repository.accounts.values.sorted { VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName) }
    }

    /// Why `id` cannot be a person's id, or nil.
    public static func problem(withID id: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if id.isEmpty || id.count > 32 || !id.allSatisfy({ allowed.contains($0) }) || id.hasPrefix(".") || id.hasPrefix("-") {
            return "Mã người dùng \"\(VietnameseText.sanitizedForDisplay(id))\" không hợp lệ: dùng 1–32 chữ thường không dấu, "
                + "số, dấu chấm, gạch nối hoặc gạch dưới (ví dụ: lan.nt)."
        }
        return nil
    }

    @discardableResult
    public func add(
        id: AccountID, fullName: String, systemUser: String?, memberID: MemberID?, grants: [RoleGrant], actor: String
    ) throws(ServiceError) -> Account {
        try repository.decidingUnderLock { () throws(ServiceError) -> Account in
            try addDecided(id: id, fullName: fullName, systemUser: systemUser, memberID: memberID, grants: grants, actor: actor)
        }
    }

    private func addDecided(
        id: AccountID, fullName: String, systemUser: String?, memberID: MemberID?, grants: [RoleGrant], actor: String
    ) throws(ServiceError) -> Account {
        var problems: [String] = []
        if let problem = Self.problem(withID: id.rawValue) { problems.append(problem) }
        let name = fullName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems.append("Họ và tên không được để trống.") }
        if !VietnameseText.controlCharacters(in: fullName + (systemUser ?? "")).isEmpty {
            problems.append(VietnameseText.controlCharacterRefusal)
        }
        if let refusal = VietnameseText.lengthRefusal([name], longest: VietnameseText.longestLine) { problems.append(refusal) }
        if repository.accounts[id] != nil { problems.append("Đã có người dùng mã \(id).") }
        if let systemUser, let holder = repository.accounts.values.first(where: { $0.systemUser == systemUser }) {
            problems.append("Tài khoản máy tính \"\(systemUser)\" đã gắn với \(holder.signature); mỗi tài khoản máy tính gắn một người.")
        }
        if let memberID, repository.organisation.members[memberID] == nil {
            problems.append("Không có đảng viên mã \(memberID) (xem: hoso member list).")
        }
        problems += grantProblems(grants)
        guard problems.isEmpty else { throw .workflow(.invalidInput(problems)) }
        if grants.isEmpty {
            try authorizeAnywhere()
        }
        for grant in grants { try authorize(in: grant.unitID) }
        let account = Account(
            id: id, fullName: VietnameseText.normalized(name), systemUser: systemUser, memberID: memberID,
            grants: grants.sorted { ($0.unitID, $0.role) < ($1.unitID, $1.role) })
        // Data made before people existed is used by its owner as clerk; the first person added must not
        // lock the owner out, so the owner is stored as a clerk first (unless this person is the owner).
        if repository.accounts.isEmpty, let owner = access?.account, owner.systemUser == self.systemUser,
            systemUser != self.systemUser, owner.id != id
        {
            try save(owner, expectedRevision: nil, actor: owner.signature, summary: "Chủ thư mục dữ liệu là thư ký hồ sơ")
        }
        try save(account, expectedRevision: nil, actor: actor, summary: "Thêm người dùng")
        return account
    }

    public func grant(_ grant: RoleGrant, to id: AccountID, actor: String) throws(ServiceError) -> Account {
        try change(id, actor: actor, summary: "Cấp vai trò \(grant.role.vietnamese)") { account throws(ServiceError) in
            let problems = grantProblems([grant])
            guard problems.isEmpty else { throw .workflow(.invalidInput(problems)) }
            try authorize(in: grant.unitID)
            guard !account.grants.contains(grant) else {
                throw .workflow(.invalidInput(["\(account.signature) đã có vai trò \(grant.role.vietnamese) ở đơn vị này."]))
            }
            if grant.role == .mentor, account.memberID == nil {
                throw .workflow(.invalidInput([
                    "Người giúp đỡ phải là một đảng viên: gắn mã đảng viên trước (hoso people edit \(account.id) --member MÃ)."]))
            }
            account.grants.append(grant)
        }
    }

    public func revoke(_ grant: RoleGrant, from id: AccountID, actor: String) throws(ServiceError) -> Account {
        try change(id, actor: actor, summary: "Thu hồi vai trò \(grant.role.vietnamese)") { account throws(ServiceError) in
            try authorize(in: grant.unitID)
            guard let index = account.grants.firstIndex(of: grant) else {
                throw .workflow(.invalidInput(["\(account.signature) không có vai trò \(grant.role.vietnamese) ở đơn vị này."]))
            }
            account.grants.remove(at: index)
            if grant.role == .clerk {
                let others = repository.accounts.values.filter { $0.id != id && $0.grants.contains(grant) }
                if others.isEmpty {
                    throw .workflow(.invalidInput([
                        "Không thể thu hồi: \(account.signature) là thư ký hồ sơ cuối cùng của đơn vị này; cấp vai trò cho người khác trước."]))
                }
            }
        }
    }

    /// Sets (or, with nil, removes) a person's passphrase. A person may change their own.
    public func setPassphrase(_ passphrase: String?, of id: AccountID, actor: String) throws(ServiceError) -> Account {
        if let passphrase, let weakness = PassphraseHasher.weakness(of: passphrase) {
            throw .workflow(.invalidInput([weakness]))
        }
        let hash: PassphraseHash?
        do { hash = try passphrase.map(PassphraseHasher.hash) } catch {
            throw .workflow(.invalidInput(["Không tạo được mật khẩu: \(error)"]))
        }
        let account = try change(id, actor: actor, summary: passphrase == nil ? "Bỏ mật khẩu" : "Đặt mật khẩu", own: true) {
            account throws(ServiceError) in
            account.passphrase = hash
            account.failedAttempts = 0
            account.lockedUntil = nil
        }
        repository.recordAudit(AuditEvent(kind: .passphraseChanged, account: id, systemUser: systemUser))
        return account
    }

    /// Changes the login and the member a person is linked to.
    public func edit(_ id: AccountID, systemUser newUser: String??, memberID: MemberID??, fullName: String?, actor: String)
        throws(ServiceError) -> Account
    {
        try change(id, actor: actor, summary: "Sửa người dùng") { account throws(ServiceError) in
            var problems: [String] = []
            if case .some(.some(let user)) = newUser,
                let holder = repository.accounts.values.first(where: { $0.systemUser == user && $0.id != id })
            {
                problems.append("Tài khoản máy tính \"\(user)\" đã gắn với \(holder.signature).")
            }
            if case .some(.some(let member)) = memberID, repository.organisation.members[member] == nil {
                problems.append("Không có đảng viên mã \(member) (xem: hoso member list).")
            }
            if let fullName, fullName.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Họ và tên không được để trống.") }
            if !VietnameseText.controlCharacters(in: (fullName ?? "") + ((newUser ?? nil) ?? "")).isEmpty {
                problems.append(VietnameseText.controlCharacterRefusal)
            }
            guard problems.isEmpty else { throw .workflow(.invalidInput(problems)) }
            if let newUser { account.systemUser = newUser }
            if let memberID { account.memberID = memberID }
            if let fullName { account.fullName = VietnameseText.normalized(fullName.trimmingCharacters(in: .whitespaces)) }
        }
    }

    private func grantProblems(_ grants: [RoleGrant]) -> [String] {
        grants.compactMap { grant in
            repository.organisation.units[grant.unitID] == nil
                ? "Không có đơn vị mã \(grant.unitID) (xem: hoso units list)." : nil
        }
    }

    private func change(
        _ id: AccountID, actor: String, summary: String, own: Bool = false,
        _ body: (inout Account) throws(ServiceError) -> Void
    ) throws(ServiceError) -> Account {
        try repository.decidingUnderLock { () throws(ServiceError) -> Account in
            try changeDecided(id, actor: actor, summary: summary, own: own, body)
        }
    }

    private func changeDecided(
        _ id: AccountID, actor: String, summary: String, own: Bool, _ body: (inout Account) throws(ServiceError) -> Void
    ) throws(ServiceError) -> Account {
        guard var account = repository.accounts[id] else {
            throw .workflow(.invalidInput(["Không có người dùng mã \(id). Xem danh sách bằng: hoso people list"]))
        }
        if !(own && access?.account.id == id) {
            // Managing a person needs a clerk role over every unit where they hold a role.
            if account.grants.isEmpty { try authorizeAnywhere() }
            for grant in account.grants { try authorize(in: grant.unitID) }
        }
        let revision = repository.accountRevision(id)
        try body(&account)
        try save(account, expectedRevision: revision, actor: actor, summary: summary)
        return account
    }

    private func save(_ account: Account, expectedRevision: Int?, actor: String, summary: String) throws(ServiceError) {
        do {
            try repository.save(account: account, expectedRevision: expectedRevision, actor: actor, summary: summary)
        } catch {
            throw .storage(error)
        }
    }

    private func authorize(in unit: UnitID) throws(ServiceError) {
        // With the roles as stored now (under the write lock): a clerk demoted meanwhile manages no one.
        try CaseService(repository: repository, access: access, systemUser: systemUser).withRolesAsStored().authorize(.managePeople, inUnit: unit)
    }

    private func authorizeAnywhere() throws(ServiceError) {
        try CaseService(repository: repository, access: access, systemUser: systemUser).withRolesAsStored().authorize(.managePeople, inUnit: nil)
    }
}
