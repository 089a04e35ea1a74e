/// A refused action: who, what, on which file, and what to do instead — in words a clerk understands.
public struct AccessRefusal: Error, Sendable, Equatable {
    public var account: AccountID
    public var permission: Permission
    public var caseID: CaseID?
    public var message: String
    /// The file is not among those the person may see: the answer is the one a number that does not exist
    /// gets (`Access.unseenFile`), so a refusal never tells whether the file exists, nor its cell.
    public var concealsFile: Bool = false
}

/// Who is at the terminal and what their roles reach. The engine and the repository ask it before every
/// read and write, so the TUI and the CLI cannot differ; the TUI also asks it to hide what is refused.
public struct Access: Sendable, Equatable {
    public let account: Account
    /// For every unit, the roles held there or in a unit above it.
    private let rolesByUnit: [UnitID: Set<Role>]
    private let unitNames: [UnitID: String]
    /// Every file of the data is in the person's lists (a clerk, committee member or viewer of every unit):
    /// for them, a number that is not in the lists does not exist.
    public let seesEveryFile: Bool

    public init(account: Account, organisation: Organisation) {
        self.account = account
        var granted: [UnitID: Set<Role>] = [:]
        for grant in account.grants { granted[grant.unitID, default: []].insert(grant.role) }
        var reach: [UnitID: Set<Role>] = [:]
        for unit in organisation.units.values {
            var roles: Set<Role> = []
            var current: UnitID? = unit.id
            var seen: Set<UnitID> = []
            // A loop in the parent links must not hang the program; `hoso check` reports it.
            while let id = current, seen.insert(id).inserted {
                roles.formUnion(granted[id] ?? [])
                current = organisation.units[id]?.parentID
            }
            if !roles.isEmpty { reach[unit.id] = roles }
        }
        rolesByUnit = reach
        unitNames = organisation.units.mapValues(\.name)
        seesEveryFile = organisation.units.keys.allSatisfy { !(reach[$0] ?? []).isDisjoint(with: [.clerk, .committee, .viewer]) }
    }

    /// The roles the person holds for files of `unit`.
    public func roles(in unit: UnitID) -> Set<Role> { rolesByUnit[unit] ?? [] }

    /// Whether the person holds `role` in some unit.
    public func holds(_ role: Role) -> Bool { rolesByUnit.values.contains { $0.contains(role) } }

    /// Why `permission` is refused on `file`, or nil when it is allowed.
    public func refusal(_ permission: Permission, on file: CaseFile) -> AccessRefusal? {
        // A file outside the person's lists (another mentor's candidate, another cell's file) is refused
        // with the words a missing number gets: neither its existence nor its cell is told.
        if !listsFile(file) { return unseenFile(file.id, permission: permission) }
        let held = roles(in: file.unitID)
        let allowing = permission.roles.intersection(held)
        if allowing.contains(where: { $0 != .mentor }) { return nil }
        if allowing.contains(.mentor) {
            if isMentor(of: file) { return nil }
            return refuse(
                permission, caseID: file.id,
                because: "\(account.signature) là người giúp đỡ, chỉ làm việc với các ứng viên mình được phân công; "
                    + "hồ sơ \(file.id) không do anh/chị giúp đỡ.")
        }
        return refuse(permission, caseID: file.id, because: reason(held: held, unit: file.unitID, permission: permission))
    }

    /// Why `permission` is refused in `unit` (for what is not about one file: adding a file, members…).
    public func refusal(_ permission: Permission, inUnit unit: UnitID) -> AccessRefusal? {
        let held = roles(in: unit)
        if !permission.roles.intersection(held).isEmpty { return nil }
        return refuse(permission, caseID: nil, because: reason(held: held, unit: unit, permission: permission))
    }

    /// Why `permission` is refused everywhere (reports, backups): nil when some unit allows it.
    public func refusalAnywhere(_ permission: Permission) -> AccessRefusal? {
        if rolesByUnit.values.contains(where: { !permission.roles.intersection($0).isEmpty }) { return nil }
        let held = Set(rolesByUnit.values.flatMap { $0 })
        let roleNames = held.sorted().map(\.vietnamese).joined(separator: ", ")
        let because = held.isEmpty
            ? "\(account.signature) chưa có vai trò nào."
            : "\(account.signature) có vai trò \(roleNames); cần vai trò \(Self.names(permission.roles))."
        return refuse(permission, caseID: nil, because: because)
    }

    /// Why `permission` over the whole data is refused: nil when the person holds it in every unit of
    /// `organisation`. On a server a backup and a restore are the data of every unit at once (a restore
    /// replaces every unit's files), so they are for the clerks of the top units, not of a unit below.
    /// `holders`: who may (their signatures), named in the refusal.
    public func refusalOverWholeData(_ permission: Permission, in organisation: Organisation, holders: [String] = []) -> AccessRefusal? {
        let uncovered = organisation.sortedUnits.filter { permission.roles.isDisjoint(with: roles(in: $0.id)) }
        if uncovered.isEmpty { return nil }
        let topNames = organisation.sortedUnits.filter { $0.parentID.flatMap { organisation.units[$0] } == nil }.map(\.name)
            .joined(separator: ", ")
        let missing = uncovered.count <= 3 ? uncovered.map(\.name).joined(separator: ", ") : "\(uncovered.count) đơn vị"
        return refuse(
            permission, caseID: nil,
            because: "việc này thay cho dữ liệu của mọi đơn vị trên máy chủ, nên chỉ \(Self.names(permission.roles).lowercased()) của "
                + "\(topNames) (đơn vị trên cùng) làm được; \(account.signature) không có vai trò đó ở \(missing)."
                + (holders.isEmpty ? "" : " Người làm được: " + holders.joined(separator: ", ") + "."))
    }

    /// The answer to a person who asks for a file that is not in their lists, whether it exists or not:
    /// the same words for both (the CLI answers a missing number with it, with the same exit code, when
    /// the person does not see every file).
    public func unseenFile(_ id: CaseID, permission: Permission = .readFile) -> AccessRefusal {
        AccessRefusal(
            account: account.id, permission: permission, caseID: id,
            message: "Không có hồ sơ mã \(id) trong các hồ sơ \(account.signature) được xem. "
                + "Xem các hồ sơ của mình bằng: hoso case list",
            concealsFile: true)
    }

    /// Whether the person may see the file in lists and open it.
    public func canRead(_ file: CaseFile) -> Bool { refusal(.readFile, on: file) == nil }

    /// Whether the file shows in the person's lists: a mentor's lists hold only their candidates.
    public func listsFile(_ file: CaseFile) -> Bool {
        listsFile(inUnit: file.unitID) { member in file.activeMentors.contains { $0.memberID == member } }
    }

    /// The same question of a file known by its facts (the board drawn before the files are read).
    public func listsFile(_ facts: ReportFacts) -> Bool {
        listsFile(inUnit: facts.unitID) { facts.activeMentors.contains($0) }
    }

    /// `mentoredBy`: whether the file's active mentors include the member (asked only of a mentor).
    private func listsFile(inUnit unit: UnitID, mentoredBy: (MemberID) -> Bool) -> Bool {
        let held = roles(in: unit)
        if held.contains(.clerk) || held.contains(.committee) || held.contains(.viewer) { return true }
        guard held.contains(.mentor), let member = account.memberID else { return false }
        return mentoredBy(member)
    }

    /// Whether the person may write anything at all (a viewer may not).
    public var canWriteAnything: Bool {
        rolesByUnit.values.contains { !$0.subtracting([.viewer]).isEmpty }
    }

    private func isMentor(of file: CaseFile) -> Bool {
        guard let member = account.memberID else { return false }
        return file.activeMentors.contains { $0.memberID == member }
    }

    private func reason(held: Set<Role>, unit: UnitID, permission: Permission) -> String {
        let unitName = unitNames[unit] ?? unit.rawValue
        if held.isEmpty { return "\(account.signature) không có vai trò nào ở \(unitName)." }
        return "\(account.signature) là \(Self.names(held)) ở \(unitName); việc này cần vai trò \(Self.names(permission.roles))."
    }

    private func refuse(_ permission: Permission, caseID: CaseID?, because: String) -> AccessRefusal {
        let advice = permission == .exportPersonalData
            ? "Bản chỉ có số liệu, không tên, dùng được: hoso report pipeline --counts-only."
            : permission == .readList || permission == .readFile || permission == .readReports
            ? "Nếu cần, nhờ thư ký hồ sơ cấp vai trò: hoso people grant \(account.id) VAI_TRÒ --unit MÃ_ĐƠN_VỊ."
            : "Nhờ người có vai trò phù hợp làm việc này, hoặc nhờ thư ký hồ sơ cấp vai trò (hoso people grant)."
        return AccessRefusal(
            account: account.id, permission: permission, caseID: caseID,
            message: "Không được phép \(permission.vietnamese): \(because)\n\(advice)\n"
                + "(Phân quyền HoSo: hồ sơ đảng viên là tài liệu mật, mỗi người chỉ làm phần việc của vai trò mình.)")
    }

    private static func names(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.vietnamese).joined(separator: " hoặc ")
    }
}
