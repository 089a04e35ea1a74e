import HoSoDomain

/// The plain-text list of files printed by `hoso case list`: aligned columns by display width.
enum CaseTable {
    static func render(_ rows: [CaseRow]) -> String {
        guard !rows.isEmpty else { return "Không có hồ sơ nào khớp." }
        var lines = [
            [cell("Mã", 8), cell("Họ và tên", 26), cell("Ngày sinh", 10), cell("Trạng thái", 22), "Hạn tiếp theo"]
                .joined(separator: " ")
        ]
        for row in rows {
            let deadline = row.deadline.map { "\($0.label) \($0.due)" } ?? ""
            let status = row.status.map { $0.isOverdue || $0.isDueSoon ? " — \($0)" : "" } ?? ""
            let marker = row.isOverdue ? "!" : " "
            lines.append(
                [
                    cell(row.file.id.rawValue, 8), cell(row.file.person.fullName, 26), cell(row.file.person.birthDate.vietnamese, 10),
                    cell(row.file.state.shortVietnamese, 22), marker + deadline + status,
                ].joined(separator: " "))
        }
        lines.append("\(rows.count) hồ sơ; \(rows.filter(\.isOverdue).count) quá hạn.")
        return lines.joined(separator: "\n")
    }

    static func cell(_ text: String, _ width: Int) -> String {
        DisplayWidth.padded(VietnameseText.sanitizedForDisplay(text), toColumns: width)
    }
}

/// One row of `hoso case list --json`.
struct CaseRowJSON: Encodable {
    let id: String
    let name: String
    let birthDate: CivilDate
    let unit: String
    let state: CaseState
    let stateName: String
    let deadline: Deadline?
    let deadlineStatus: String?
    let overdue: Bool

    init(_ row: CaseRow) {
        id = row.file.id.rawValue
        name = row.file.person.fullName
        birthDate = row.file.person.birthDate
        unit = row.file.unitID.rawValue
        state = row.file.state
        stateName = row.file.state.vietnamese
        deadline = row.deadline
        deadlineStatus = row.status?.description
        overdue = row.isOverdue
    }
}
