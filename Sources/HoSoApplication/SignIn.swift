import Foundation
import HoSoDomain
import HoSoStorage

/// A sign-in that did not go through, with the message for the person at the terminal.
public struct SignInRefusal: Error, Sendable {
    public let message: String
}

/// Who is at the terminal. The operating-system login proves itself; anyone else (`--as` on a shared
/// terminal) proves themselves with their passphrase. Three wrong passphrases in a row lock the person
/// for a quarter of an hour. Every refusal is written to the audit log.
public struct SignIn {
    public static let attemptsBeforeLock = 3
    public static let lockDuration: TimeInterval = 15 * 60

    let repository: Repository
    /// The operating-system user running the program (from the real user id, not from `$USER`).
    let systemUser: String
    let now: Date
    /// Where passphrase attempts are counted: the repository's own store, or in tests one whose disk fails.
    let attemptStore: any RecordStore<StoredItem>
    let fileSystem: any FileSystem

    public init(repository: Repository, systemUser: String, now: Date = Date()) {
        self.init(repository: repository, systemUser: systemUser, now: now, attemptStore: repository.store, fileSystem: .real)
    }

    package init(repository: Repository, systemUser: String, now: Date, attemptStore: any RecordStore<StoredItem>, fileSystem: any FileSystem) {
        self.repository = repository
        self.systemUser = systemUser
        self.now = now
        self.attemptStore = attemptStore
        self.fileSystem = fileSystem
    }

    /// The person, given the `--as` asked for (nil: the operating-system login) and a way to ask for
    /// the passphrase when one is needed (nil answer: none was given).
    public func account(requested: AccountID?, passphrase: () -> String?) throws(SignInRefusal) -> Account {
        let accounts = repository.accounts
        guard !accounts.isEmpty else {
            // Data made before people existed: its owner (the directory is 0700) keeps the clerk's rights
            // until a clerk adds people; `hoso people add` says so.
            if requested != nil {
                throw refuse(
                    .refusedSignIn, account: requested,
                    "Dữ liệu này chưa có người dùng nào nên không dùng được --as. Thêm người bằng: hoso people add MÃ --name \"Họ tên\" …")
            }
            return Self.owner(systemUser: systemUser, organisation: repository.organisation)
        }
        guard let requested else {
            guard let own = accounts.values.filter({ $0.systemUser == systemUser }).min(by: { $0.id < $1.id }) else {
                if repository.serverRole != nil {
                    throw refuse(
                        .refusedSignIn, account: nil,
                        "Vai trò PostgreSQL \"\(systemUser)\" chưa gắn với người dùng HoSo nào. Nhờ thư ký hồ sơ gắn: "
                            + "hoso people edit MÃ --system-user \(systemUser) (hoặc hoso people add MÃ --name \"Họ tên\" --system-user \(systemUser)).")
                }
                throw refuse(
                    .refusedSignIn, account: nil,
                    "Tài khoản máy tính \"\(systemUser)\" chưa gắn với người dùng HoSo nào. Đăng nhập bằng --as MÃ "
                        + "(cần mật khẩu), hoặc nhờ thư ký hồ sơ gắn: hoso people add MÃ --name \"Họ tên\" --system-user \(systemUser)")
            }
            return own
        }
        if let role = repository.serverRole, accounts[requested]?.systemUser != role {
            throw serverRefusal(requested: requested, role: role, accounts: accounts)
        }
        guard let account = accounts[requested] else {
            throw refuse(
                .refusedSignIn, account: requested,
                "Không có người dùng mã \"\(requested)\". Xem danh sách bằng: hoso people list")
        }
        if account.systemUser == systemUser { return account }
        guard let stored = account.passphrase else {
            throw refuse(
                .refusedSignIn, account: requested,
                "\(account.signature) chưa đặt mật khẩu nên chỉ đăng nhập được từ tài khoản máy tính của chính mình. "
                    + "Nhờ thư ký hồ sơ đặt mật khẩu: hoso people passphrase \(account.id)")
        }
        if let until = account.lockedUntil, until > Timestamp.iso8601(now) {
            throw refuse(.locked, account: requested, Self.lockedMessage(account, until: until))
        }
        guard let typed = passphrase(), !typed.isEmpty else {
            throw refuse(.refusedSignIn, account: requested, "Đăng nhập bằng --as \(account.id) cần mật khẩu của \(account.signature).")
        }
        // scrypt takes a tenth of a second: run outside the lock, so other saves do not wait for it. Under
        // the lock it runs again only if the passphrase was changed in between.
        let verdict = PassphraseHasher.matches(typed, stored)
        let outcome: PassphraseAttempt
        do {
            outcome = try PassphraseAttempt.record(
                for: account.id, in: attemptStore, now: now,
                matches: { current in current == stored ? verdict : PassphraseHasher.matches(typed, current) })
        } catch {
            throw notRecorded(account: requested, cause: error.message)
        }
        switch outcome {
        case .accepted(let current):
            try recordOrRefuse(.signedIn, account: current.id)
            return current
        case .noLongerSignable:
            throw refuse(
                .refusedSignIn, account: requested,
                "\(account.signature) vừa được thay đổi (mật khẩu hoặc người dùng) trong lúc đăng nhập. Thử lại.")
        case .locked(let until):
            try recordOrRefuse(.locked, account: requested)
            throw SignInRefusal(message: Self.lockedMessage(account, until: until))
        case .wrong(let attempt):
            try recordOrRefuse(.wrongPassphrase, account: account.id)
            throw SignInRefusal(
                message: "Sai mật khẩu của \(account.signature) (lần \(attempt)/\(Self.attemptsBeforeLock)). "
                    + "Sai \(Self.attemptsBeforeLock) lần liên tiếp sẽ bị tạm khóa \(Int(Self.lockDuration / 60)) phút.")
        case .lockedNow(let until):
            try recordOrRefuse(.wrongPassphrase, account: account.id)
            throw refuse(
                .locked, account: requested,
                "Sai mật khẩu lần thứ \(Self.attemptsBeforeLock): \(account.signature) bị tạm khóa \(Int(Self.lockDuration / 60)) phút "
                    + "(đến \(Self.vietnamTime(until)), giờ Việt Nam). Việc này đã được ghi lại.")
        }
    }

    /// `--as` naming someone else on a server. There the person is the role the server signed in: the
    /// database grants that role's rows whatever HoSo is told, so acting as another would pair one person's
    /// rights in HoSo with another's in the database (and the attempt would write that person's row, which
    /// only clerks may). Refused before the database is asked anything; the refusal is logged.
    private func serverRefusal(requested: AccountID, role: String, accounts: [AccountID: Account]) -> SignInRefusal {
        let own = accounts.values.filter { $0.systemUser == role }.min(by: { $0.id < $1.id })
        let connected = own.map { "là \($0.signature)" } ?? "chưa gắn với người dùng HoSo nào"
        // Only a clerk's role reads other people: for anyone else the other person's role is not known here.
        let theirs = accounts[requested]?.systemUser.map { "vai trò PostgreSQL của người đó (\($0))" } ?? "vai trò PostgreSQL của người đó"
        return refuse(
            .refusedSignIn, account: requested,
            "Trên máy chủ PostgreSQL, người dùng là vai trò kết nối: kết nối này là vai trò \(role) (\(connected)), "
                + "nên không đăng nhập bằng --as \(requested) được. Để làm việc với tư cách người dùng \(requested), "
                + "hãy kết nối bằng \(theirs) trong địa chỉ --data (postgresql://VAI-TRÒ@máy-chủ/csdl) và bỏ --as.")
    }

    static func lockedMessage(_ account: Account, until: String) -> String {
        "\(account.signature) đang bị tạm khóa đến \(vietnamTime(until)) (giờ Việt Nam) vì nhập sai mật khẩu "
            + "\(attemptsBeforeLock) lần. Chờ hết thời gian khóa, hoặc nhờ thư ký hồ sơ đặt lại mật khẩu."
    }

    /// The owner of data that has no people yet: clerk of every top unit.
    public static func owner(systemUser: String, organisation: Organisation) -> Account {
        let tops = organisation.units.values.filter { unit in unit.parentID.map { organisation.units[$0] == nil } ?? true }
        return Account(
            id: AccountID(systemUser), fullName: systemUser, systemUser: systemUser,
            grants: tops.map { RoleGrant(.clerk, in: $0.id) }.sorted { $0.unitID < $1.unitID })
    }

    private func record(_ kind: AuditEvent.Kind, account: AccountID?) {
        repository.recordAudit(AuditEvent(kind: kind, account: account, systemUser: systemUser, at: now), fileSystem: fileSystem)
    }

    /// Writes a passphrase attempt to the audit log, or refuses the sign-in: an attempt that leaves no
    /// trace could be repeated without end, and nobody would learn of it.
    private func recordOrRefuse(_ kind: AuditEvent.Kind, account: AccountID?) throws(SignInRefusal) {
        do {
            try repository.appendAudit(AuditEvent(kind: kind, account: account, systemUser: systemUser, at: now), fileSystem: fileSystem)
        } catch {
            throw notRecorded(account: account, cause: error.message)
        }
    }

    /// The refusal when a passphrase attempt could not be written: the same whether the passphrase was right
    /// or wrong, so a full disk neither allows unlimited guesses nor tells which guess was right.
    private func notRecorded(account: AccountID?, cause: String) -> SignInRefusal {
        record(.refusedSignIn, account: account)
        return SignInRefusal(
            message: "Không ghi lại được lần đăng nhập này nên HoSo từ chối đăng nhập (mỗi lần nhập mật khẩu phải được ghi lại). "
                + "Nguyên nhân: \(cause) Hãy giải phóng dung lượng ổ đĩa chứa dữ liệu (hoặc sửa lỗi vừa nêu), rồi đăng nhập lại.")
    }

    private func refuse(_ kind: AuditEvent.Kind, account: AccountID?, _ message: String) -> SignInRefusal {
        record(kind, account: account)
        return SignInRefusal(message: message)
    }

    /// "2026-11-23T08:15:00Z" as "15:15 ngày 23/11/2026".
    static func vietnamTime(_ iso: String) -> String {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: iso) else { return iso }
        let local = Int(date.timeIntervalSince1970) + 7 * 3600
        let day = CivilDate(julianDay: 2_440_588 + local / 86_400)
        let seconds = local % 86_400
        let hour = seconds / 3600, minute = seconds % 3600 / 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute) ngày \(day.vietnamese)"
    }
}
