import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage

/// `hoso people`: who uses HoSo on this data, their roles per unit, their login and passphrase.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Người dùng và vai trò: thư ký hồ sơ, người giúp đỡ, cấp ủy, cấp trên (chỉ xem).",
        discussion: """
            Vai trò: clerk (thư ký hồ sơ: mọi việc của đơn vị), mentor (người giúp đỡ: chỉ ứng viên của mình, \
            nhận xét và nhiệm vụ), committee (cấp ủy: biểu quyết, quyết định, xem hồ sơ), viewer (cấp trên: báo cáo \
            và danh sách, không sửa). Vai trò ở một đơn vị áp dụng cho cả các đơn vị trực thuộc.
            """,
        subcommands: [List.self, Add.self, Grant.self, Revoke.self, Passphrase.self, Edit.self, Whoami.self, Audit.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê người dùng và vai trò.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                let session = try global.signIn()
                try session.require(.managePeople)
                let people = session.peopleService.people
                if people.isEmpty {
                    print("Chưa có người dùng nào: \(session.account.signature) đang dùng quyền thư ký hồ sơ của chủ thư mục dữ liệu.")
                    print("Thêm người: hoso people add MÃ --name \"Họ tên\" --role clerk --unit MÃ_ĐƠN_VỊ [--system-user TÊN]")
                    return
                }
                for person in people { print(PeopleInput.line(person, organisation: session.repository.organisation)) }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm một người dùng (với vai trò ở một đơn vị).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã người dùng: chữ thường không dấu, số, dấu chấm (ví dụ lan.nt).") var id: String
        @Option(help: "Họ và tên.") var name: String
        @Option(help: "Vai trò: clerk | mentor | committee | viewer.") var role: Role?
        @Option(help: "Mã đơn vị của vai trò (mặc định: đơn vị trên cùng).") var unit: String?
        @Option(help: "Tài khoản máy tính của người này (đăng nhập không cần mật khẩu); trên máy chủ PostgreSQL: vai trò PostgreSQL của người này.")
        var systemUser: String?
        @Option(help: "Mã đảng viên của người này (bắt buộc với người giúp đỡ).") var member: String?

        func run() throws {
            try reportingFailures {
                // Adding a person touches no file: on a server of 100,000 files a full open reads them all.
                let session = try global.signIn(opened: try global.openRepository(withoutFiles: true))
                let grants = try role.map { [RoleGrant($0, in: try session.unit(unit))] } ?? []
                let person = try session.peopleService.add(
                    id: AccountID(id), fullName: name, systemUser: systemUser, memberID: member.map { MemberID($0) },
                    grants: grants, actor: session.actor)
                print("Đã thêm người dùng \(person.signature).")
                if let role = person.systemUser, let problem = session.repository.signInProblem(ofRole: role) {
                    print("Lưu ý: \(problem)")
                }
                if person.systemUser == nil {
                    print("Người này chưa gắn tài khoản máy tính: đặt mật khẩu để đăng nhập bằng --as \(person.id): hoso people passphrase \(person.id)")
                }
            }
        }
    }

    /// Who, which role, where: what `grant` and `revoke` take.
    struct RoleArguments: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã người dùng.") var id: String
        @Argument(help: "Vai trò: clerk | mentor | committee | viewer.") var role: Role
        @Option(help: "Mã đơn vị (mặc định: đơn vị trên cùng).") var unit: String?

        /// Signs in, changes the role through `PeopleService` and says what was done.
        func change(_ verb: String, _ preposition: String, _ body: (PeopleService, RoleGrant, AccountID, String) throws(ServiceError) -> Account) throws {
            try reportingFailures {
                let session = try global.signIn()
                let grant = RoleGrant(role, in: try session.unit(unit))
                let person = try body(session.peopleService, grant, AccountID(id), session.actor)
                print("Đã \(verb) vai trò \(role.vietnamese) \(preposition) \(person.signature).")
            }
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cấp một vai trò ở một đơn vị.")
        @OptionGroup var arguments: RoleArguments

        func run() throws {
            try arguments.change("cấp", "cho") { service, grant, id, actor throws(ServiceError) in try service.grant(grant, to: id, actor: actor) }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thu hồi một vai trò.")
        @OptionGroup var arguments: RoleArguments

        func run() throws {
            try arguments.change("thu hồi", "của") { service, grant, id, actor throws(ServiceError) in try service.revoke(grant, from: id, actor: actor) }
        }
    }

    struct Passphrase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đặt mật khẩu cho một người (hỏi hai lần trên terminal, hoặc lấy từ biến HOSO_NEW_PASSPHRASE).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã người dùng (mặc định: chính mình).") var id: String?
        @Flag(help: "Bỏ mật khẩu (người này chỉ đăng nhập được từ tài khoản máy tính của mình).") var remove = false

        func run() throws {
            try reportingFailures {
                let session = try global.signIn()
                let target = id.map { AccountID($0) } ?? session.account.id
                let passphrase = remove ? nil : try PeopleInput.newPassphrase(for: target.rawValue)
                let person = try session.peopleService.setPassphrase(passphrase, of: target, actor: session.actor)
                print(remove ? "Đã bỏ mật khẩu của \(person.signature)." : "Đã đặt mật khẩu cho \(person.signature).")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sửa họ tên, tài khoản máy tính hoặc đảng viên gắn với một người.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Mã người dùng.") var id: String
        @Option(help: "Họ và tên mới.") var name: String?
        @Option(help: "Tài khoản máy tính (chuỗi rỗng để bỏ).") var systemUser: String?
        @Option(help: "Mã đảng viên (chuỗi rỗng để bỏ).") var member: String?

        func run() throws {
            try reportingFailures {
                let session = try global.signIn()
                let user: String?? = systemUser.map { $0.isEmpty ? .some(nil) : .some($0) } ?? .none
                let memberID: MemberID?? = member.map { $0.isEmpty ? .some(nil) : .some(MemberID($0)) } ?? .none
                let person = try session.peopleService.edit(
                    AccountID(id), systemUser: user, memberID: memberID, fullName: name, actor: session.actor)
                print("Đã sửa người dùng \(person.signature).")
                if let role = person.systemUser, let problem = session.repository.signInProblem(ofRole: role) {
                    print("Lưu ý: \(problem)")
                }
            }
        }
    }

    struct Whoami: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Người đang đăng nhập và vai trò.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                let session = try global.signIn()
                print(PeopleInput.line(session.account, organisation: session.repository.organisation))
            }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhật ký an ninh: đăng nhập sai, bị khóa, việc bị từ chối (chỉ mã, không có thông tin cá nhân).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Số dòng cuối cùng.") var last = 50

        func run() throws {
            try reportingFailures {
                let session = try global.signIn()
                try session.require(.managePeople)
                let events: [AuditEvent]
                do throws(StoreError) {
                    events = try session.repository.auditEvents()
                } catch {
                    throw Failure.error(
                        "Không đọc được nhật ký an ninh \(session.repository.auditLogPlace): "
                            + "\(error.message) Hãy chạy hoso check để xem tệp nào cần sửa.")
                }
                for event in events.suffix(max(0, last)) {
                    let fields = [event.at, event.kind.rawValue, event.account ?? "-", "máy:" + event.systemUser, event.caseID ?? "", event.detail ?? ""]
                    print(VietnameseText.sanitizedForDisplay(fields.filter { !$0.isEmpty }.joined(separator: "  ")))
                }
            }
        }
    }
}

extension Session {
    var peopleService: PeopleService { PeopleService(repository: repository, access: access, systemUser: systemUser) }

    /// The unit named, or the top unit of the organisation.
    func unit(_ id: String?) throws -> UnitID {
        if let id { return UnitID(id) }
        guard let top = repository.organisation.sortedUnits.first(where: { unit in
            unit.parentID.map { repository.organisation.units[$0] == nil } ?? true
        }) else { throw Failure.error("Dữ liệu chưa có đơn vị nào; tạo bằng hoso init.") }
        return top.id
    }
}

enum PeopleInput {
    /// The first clerk of new data: the operating-system login running `hoso init`/`hoso demo`, or on a
    /// server the database role it connects as (`login`).
    static func firstClerk(id: String?, name: String?, unit: UnitID, login: String = SystemUser.name) throws -> Account {
        let accountID = id ?? PeopleInput.accountID(fromLogin: login)
        if let problem = PeopleService.problem(withID: accountID) { throw Failure.error(problem) }
        let fullName = (name ?? login).trimmingCharacters(in: .whitespaces)
        if fullName.isEmpty || !VietnameseText.controlCharacters(in: fullName).isEmpty {
            throw Failure.error("Họ tên thư ký hồ sơ không hợp lệ.")
        }
        return Account(
            id: AccountID(accountID), fullName: VietnameseText.normalized(fullName), systemUser: login,
            grants: [RoleGrant(.clerk, in: unit)])
    }

    /// A login as a valid person id ("Lan" → "lan").
    static func accountID(fromLogin login: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        let cleaned = String(login.lowercased().filter { allowed.contains($0) }.prefix(32))
        return cleaned.isEmpty || cleaned.hasPrefix(".") || cleaned.hasPrefix("-") ? "thuky" : cleaned
    }

    /// "lan.nt  Nguyễn Thị Lan  máy: lan  đảng viên: M001  vai trò: Thư ký hồ sơ (Chi bộ 1) · có mật khẩu".
    static func line(_ person: Account, organisation: Organisation) -> String {
        let roles = person.grants.map { "\($0.role.vietnamese) (\(organisation.units[$0.unitID]?.name ?? $0.unitID.rawValue))" }
        var parts = [person.id.rawValue, person.fullName]
        parts.append("máy: " + (person.systemUser ?? "—"))
        if let member = person.memberID { parts.append("đảng viên: \(member)") }
        parts.append("vai trò: " + (roles.isEmpty ? "chưa có" : roles.joined(separator: ", ")))
        parts.append(person.passphrase == nil ? "chưa đặt mật khẩu" : "có mật khẩu")
        if person.lockedUntil != nil { parts.append("đã bị tạm khóa") }
        return VietnameseText.sanitizedForDisplay(parts.joined(separator: "  "))
    }

    /// A new passphrase: `$HOSO_NEW_PASSPHRASE` (scripts), else typed twice on the terminal.
    static func newPassphrase(for id: String) throws -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["HOSO_NEW_PASSPHRASE"] { return fromEnvironment }
        guard let first = PassphrasePrompt.ask("Mật khẩu mới cho \(id): "),
            let second = PassphrasePrompt.ask("Nhập lại mật khẩu: ")
        else {
            throw Failure.error("Cần một terminal để gõ mật khẩu (hoặc đặt biến HOSO_NEW_PASSPHRASE).")
        }
        guard first == second else { throw Failure.error("Hai lần nhập mật khẩu không khớp; chưa đổi gì. Hãy làm lại.") }
        return first
    }
}
