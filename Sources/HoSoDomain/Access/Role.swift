/// What a person may do in a unit. One person can hold several roles, in several units; a role held in
/// a unit also covers the units under it (a base committee's clerk sees its cells).
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Keeps every file of the unit: all steps, all edits, members, people and roles.
    case clerk
    /// An official member assigned to candidates: reads their files, adds monthly notes and tasks.
    case mentor
    /// The committee: votes and decisions; reads every file of the unit.
    case committee
    /// The level above: reports and read-only lists, no file contents, no writes.
    case viewer

    public var vietnamese: String {
        switch self {
        case .clerk: "Thư ký hồ sơ"
        case .mentor: "Người giúp đỡ"
        case .committee: "Cấp ủy"
        case .viewer: "Cấp trên (chỉ xem)"
        }
    }

    /// What the role may do, as a clerk reads it in `hoso people` and the TUI's help.
    public var scope: String {
        switch self {
        case .clerk: "mọi hồ sơ của đơn vị: các bước, sửa, đảng viên, người dùng và vai trò"
        case .mentor: "chỉ các ứng viên mình được phân công: xem hồ sơ, thêm nhận xét hằng tháng và nhiệm vụ"
        case .committee: "biểu quyết và quyết định; xem mọi hồ sơ của đơn vị"
        case .viewer: "báo cáo và danh sách (không xem nội dung hồ sơ, không sửa gì)"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A role held in one unit (and the units under it).
public struct RoleGrant: Codable, Sendable, Hashable {
    public var role: Role
    public var unitID: UnitID

    public init(_ role: Role, in unitID: UnitID) {
        self.role = role
        self.unitID = unitID
    }
}
