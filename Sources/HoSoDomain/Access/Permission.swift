/// Something a person may or may not be allowed to do; `Access` answers for each.
public enum Permission: Hashable, Sendable {
    /// The lists: names, states, deadlines (what the level above reads).
    case readList
    /// A file's contents: family checks, opinions, votes, notes.
    case readFile
    /// A step of the procedure.
    case step(Event.Kind)
    /// An edit that is not a step.
    case edit(CaseEdit.Kind)
    case addCase
    case manageMembers
    case managePeople
    case manageUnits
    case readReports
    /// Exports and reports that name candidates.
    case exportPersonalData
    /// Backups, restores and settings.
    case maintainStore

    /// The words a clerk reads in a refusal: "thêm nhận xét", "chi bộ biểu quyết kết nạp"…
    public var vietnamese: String {
        switch self {
        case .readList: "xem danh sách hồ sơ"
        case .readFile: "xem nội dung hồ sơ"
        case .step(let kind): kind.vietnamese.lowercasedFirst
        case .edit(let kind): kind.vietnamese
        case .addCase: "thêm hồ sơ mới"
        case .manageMembers: "thêm hoặc sửa đảng viên"
        case .managePeople: "quản lý người dùng và vai trò"
        case .manageUnits: "sửa đơn vị và chỉ tiêu"
        case .readReports: "xem báo cáo"
        case .exportPersonalData: "xuất danh sách có thông tin cá nhân"
        case .maintainStore: "sao lưu, khôi phục hoặc sửa cấu hình"
        }
    }

    /// Steps that are votes and decisions of the committee (Điều lệ Đảng, Điều 4; QĐ 294-QĐ/TW).
    public static let committeeSteps: Set<Event.Kind> = [
        .admitToSourceList, .cellVote, .committeeVote, .issueDecision, .recognize, .refuse, .revokeDecision,
        .remove, .strikeOff,
    ]

    /// What a mentor records for the candidates in their care: the monthly note and tasks.
    public static let mentorEdits: Set<CaseEdit.Kind> = [.note, .task, .taskDone]

    /// The roles that may do this (in the file's unit or a unit above it); a mentor also needs the file
    /// to be one of theirs.
    public var roles: Set<Role> {
        switch self {
        case .readList: [.clerk, .mentor, .committee, .viewer]
        case .readFile: [.clerk, .mentor, .committee]
        case .step(let kind): Self.committeeSteps.contains(kind) ? [.clerk, .committee] : [.clerk]
        case .edit(let kind):
            if Self.mentorEdits.contains(kind) { [.clerk, .mentor] }
            else if kind == .decisionExtension { [.clerk, .committee] }
            else { [.clerk] }
        case .readReports: [.clerk, .committee, .viewer]
        case .exportPersonalData: [.clerk, .committee]
        case .addCase, .manageMembers, .managePeople, .manageUnits, .maintainStore: [.clerk]
        }
    }
}
