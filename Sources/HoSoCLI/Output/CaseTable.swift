import HoSoDomain
import HoSoStorage

/// One row of `hoso case list`: made from a file read whole, or from what the snapshot's index (number,
/// name, birth date, state) and the facts kept for the reports (unit, the days its deadlines run from) say
/// of a file left unread. Both give the same row.
struct CaseListing {
    let id: CaseID
    let name: String
    /// Nil only for a record that does not hold it where the data format puts it.
    let birthDate: CivilDate?
    let unit: UnitID
    let state: CaseState
    let deadline: Deadline?
    let status: DeadlineStatus?

    var isOverdue: Bool { status?.isOverdue ?? false }

    init(_ row: CaseRow) {
        (id, name, birthDate, unit, state) = (row.file.id, row.file.person.fullName, row.file.person.birthDate, row.file.unitID, row.file.state)
        (deadline, status) = (row.deadline, row.status)
    }

    init(_ probe: CaseProbe, facts: ReportFacts, rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate) {
        (id, name, birthDate, unit, state) = (probe.id, probe.fullName, probe.birthDate, facts.unitID, probe.state)
        let next = CaseDeadlines.next(for: facts.deadlines, rulebook: rulebook, calendar: calendar, today: today)
        (deadline, status) = (next?.deadline, next?.status)
    }

    /// `rows` in the lists' order: by name the Vietnamese way, then by number.
    static func sorted(_ rows: [CaseListing]) -> [CaseListing] {
        rows.map { ($0, VietnameseCollation.sortKey(forFullName: $0.name)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id < $1.0.id }
            .map(\.0)
    }
}

/// The plain-text list of files printed by `hoso case list`: aligned columns by display width.
enum CaseTable {
    static func render(_ rows: [CaseListing]) -> String {
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
                    cell(row.id.rawValue, 8), cell(row.name, 26), cell(row.birthDate?.vietnamese ?? "", 10),
                    cell(row.state.shortVietnamese, 22), marker + deadline + status,
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
    let birthDate: CivilDate?
    let unit: String
    let state: CaseState
    let stateName: String
    let deadline: Deadline?
    let deadlineStatus: String?
    let overdue: Bool

    init(_ row: CaseListing) {
        id = row.id.rawValue
        name = row.name
        birthDate = row.birthDate
        unit = row.unit.rawValue
        state = row.state
        stateName = row.state.vietnamese
        deadline = row.deadline
        deadlineStatus = row.status?.description
        overdue = row.isOverdue
    }
}
