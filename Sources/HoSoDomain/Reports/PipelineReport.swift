import Foundation

/// Where the files stand today: per state and unit, and the lists a clerk acts on this week.
public struct PipelineReport: Codable, Sendable, Equatable {
    /// The JSON names candidates, so it carries the confidential mark like the other formats.
    public var classification = ReportDocument.confidentialMark
    public struct UnitRow: Codable, Sendable, Equatable {
        public var name: String
        /// One count per `Stage.allCases`.
        public var perStage: [Int]
        public var total: Int
    }

    public struct StateCount: Codable, Sendable, Equatable {
        public var state: CaseState
        public var label: String
        public var count: Int
    }

    /// A file a list points at, with why.
    public struct CaseLine: Codable, Sendable, Equatable {
        public var caseID: String
        public var name: String
        public var unit: String
        public var detail: String
        public var date: CivilDate?
    }

    public var unitName: String
    public var date: CivilDate
    public var units: [UnitRow]
    public var states: [StateCount]
    public var overdue: [CaseLine]
    public var withoutMentor: [CaseLine]
    public var mentorsWithoutNote: [CaseLine]
    public var certificatesExpiring: [CaseLine]

    /// The report of `scope`: every count from the files' facts; the lists name the files the person may
    /// read (`scope.cases`), and only those are named (a viewer gets the counts alone, `countsOnly`).
    public static func make(scope: ReportScope, rulebook: Rulebook, calendar: WorkingCalendar) -> PipelineReport {
        let today = scope.today
        let organisation = scope.organisation
        let files = Dictionary(scope.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // By name the Vietnamese way, as the lists show files: one key per file.
        let rows = scope.scopedFacts.map { facts in
            let file = files[facts.caseID]
            return (facts: facts, file: file, key: file.map { VietnameseCollation.sortKey(forFullName: $0.person.fullName) })
        }
        .sorted { lhs, rhs in
            switch (lhs.key, rhs.key) {
            case let (left?, right?): left < right
            case (_?, nil): true
            default: false
            }
        }
        func line(_ row: (facts: ReportFacts, file: CaseFile?, key: VietnameseCollation.SortKey?), _ detail: String, _ date: CivilDate?) -> CaseLine {
            let unit = organisation.units[row.facts.unitID]?.name ?? row.facts.unitID.rawValue
            return CaseLine(caseID: row.facts.caseID.rawValue, name: row.file?.person.fullName ?? "", unit: unit, detail: detail, date: date)
        }
        let unitRows = scope.pipelineUnits.map { unit in
            let facts = scope.facts(under: unit.id)
            let perStage = Stage.allCases.map { stage in facts.filter { $0.state.stage == stage }.count }
            return UnitRow(name: unit.name, perStage: perStage, total: perStage.reduce(0, +))
        }
        let states = CaseState.allCases.compactMap { state -> StateCount? in
            let count = rows.filter { $0.facts.state == state }.count
            return count == 0 ? nil : StateCount(state: state, label: state.vietnamese, count: count)
        }
        let overdue = rows.compactMap { row -> CaseLine? in
            guard let next = CaseDeadlines.next(for: row.facts.deadlines, rulebook: rulebook, calendar: calendar, today: today),
                  next.status.isOverdue else { return nil }
            return line(row, next.deadline.label, next.deadline.due)
        }
        let withoutMentor = rows.filter(\.facts.hasNoMentor).map { line($0, $0.facts.state.vietnamese, $0.file?.stateSince) }
        var silentMentors: [CaseLine] = []
        for row in rows where row.facts.lacksMonthlyNote(inMonthOf: today) {
            for mentor in row.facts.activeMentors {
                let name = organisation.members[mentor]?.fullName ?? mentor.rawValue
                silentMentors.append(line(row, "Người giúp đỡ: \(name)", row.file?.lastNoteDate))
            }
        }
        let horizon = today.adding(days: rulebook[.certificateExpiryWarningDays])
        let expiring = rows.compactMap { row -> CaseLine? in
            guard row.facts.state.isCandidate, let issued = row.facts.certificateIssued else { return nil }
            let expiry = issued.adding(months: rulebook[.certificateValidityMonths])
            guard expiry <= horizon else { return nil }
            let detail = expiry < today ? "Giấy chứng nhận đã hết hạn" : "Giấy chứng nhận sắp hết hạn"
            return line(row, detail + (row.file?.certificate.map { " (số \($0.number))" } ?? ""), expiry)
        }
        return PipelineReport(
            unitName: scope.title, date: today, units: unitRows, states: states, overdue: overdue,
            withoutMentor: withoutMentor, mentorsWithoutNote: silentMentors, certificatesExpiring: expiring)
    }

    public var document: ReportDocument { document(withNames: true) }

    /// The report for the level above: counts only, no name, no file id; not confidential.
    public var countsOnly: ReportDocument { document(withNames: false) }

    private func document(withNames: Bool) -> ReportDocument {
        let stageColumns = Stage.allCases.map(\.vietnamese)
        let totals = (0..<Stage.allCases.count).map { index in units.reduce(0) { $0 + $1.perStage[index] } }
        let unitRows = units.map { [$0.name] + $0.perStage.map(String.init) + [String($0.total)] }
            + [["TỔNG CỘNG"] + totals.map(String.init) + [String(totals.reduce(0, +))]]
        func list(_ title: String, _ lines: [CaseLine], dateTitle: String) -> ReportTable {
            ReportTable(
                title: "\(title): \(lines.count)", columns: ["Mã hồ sơ", "Họ và tên", "Đơn vị", "Nội dung", dateTitle],
                rows: lines.map { [$0.caseID, $0.name, $0.unit, $0.detail, $0.date?.vietnamese ?? ""] })
        }
        let lists = [
            ("Quá hạn", overdue, "Hạn"), ("Chưa có người giúp đỡ", withoutMentor, "Từ ngày"),
            ("Người giúp đỡ chưa báo cáo tháng này", mentorsWithoutNote, "Báo cáo gần nhất"),
            ("Giấy chứng nhận hết hạn trong 90 ngày", certificatesExpiring, "Hết hạn"),
        ]
        let counts = ReportTable(
            title: "Cần theo dõi", columns: ["Nội dung", "Số hồ sơ"], rows: lists.map { [$0.0, String($0.1.count)] },
            numericColumns: [1])
        return ReportDocument(
            title: "Tình hình hồ sơ hiện nay", unitName: unitName, periodLabel: "Ngày \(date.vietnamese)", date: date,
            tables: [
                ReportTable(
                    title: "Hồ sơ theo giai đoạn và đơn vị", columns: ["Đơn vị"] + stageColumns + ["Tổng"], rows: unitRows,
                    totalRows: [unitRows.count - 1], numericColumns: Set(1...(stageColumns.count + 1))),
                ReportTable(
                    title: "Hồ sơ theo trạng thái", columns: ["Trạng thái", "Số hồ sơ"],
                    rows: states.map { [$0.label, String($0.count)] }, numericColumns: [1]),
            ] + (withNames ? lists.map { list($0.0, $0.1, dateTitle: $0.2) } : [counts]),
            confidential: withNames)
    }
}
