import Foundation

/// Admissions against members at the start of the year (target 3–4 %, Resolution 21) and against the
/// quota, per unit and in total.
public struct RateReport: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var name: String
        public var membersAtStartOfYear: Int?
        /// The member count is today's, no start-of-year figure was recorded.
        public var membersEstimated: Bool
        public var admitted: Int?
        /// admitted ÷ members × 100.
        public var rate: Double?
        /// Chỉ tiêu kết nạp năm, as set at the start of the year.
        public var quota: Int?
        /// Bổ sung chỉ tiêu of the year, shown apart: the seed's figures (126/180, 76/185) are against the quota alone.
        public var supplement: Int?
        /// admitted ÷ quota × 100.
        public var quotaReached: Double?
        public var sources: Int?
        public var assessment: String
    }

    public var unitName: String
    public var period: ReportPeriod
    public var date: CivilDate
    /// The last day admissions are counted to (a reported figure's own date, e.g. 30/6).
    public var admittedThrough: CivilDate
    public var rows: [Row]
    public var total: Row
    /// The admissions of the total, with how many units had a figure.
    public var admittedTotal: FigureTotal
    /// The quota set for the committee above the units (the target of its level), and the share reached.
    public var levelQuota: LevelQuota?
    public var levelQuotaReached: Double?

    public static let targetLow = 3.0
    public static let targetHigh = 4.0

    /// How many admissions the 3–4 % target asks of `members` (each end rounded up to a whole person).
    public static func target(members: Int) -> ClosedRange<Int> {
        func people(_ percent: Double) -> Int { Int((Double(members) * percent / 100).rounded(.up)) }
        return people(targetLow)...people(targetHigh)
    }

    public static func make(scope: ReportScope, period: ReportPeriod) -> RateReport {
        let through = period.countedThrough(today: scope.today)
        var rows: [Row] = []
        var latest: CivilDate?
        for unit in scope.reportingUnits {
            let figures = UnitFigures(unit: unit, scope: scope)
            let members = figures.members(atStartOf: period.year)
            let admitted = figures.admissions(from: period.start, through: through)
            if admitted.count != nil { latest = max(latest ?? admitted.through, admitted.through) }
            rows.append(
                row(name: unit.name, members: members.count, estimated: members.estimated, admitted: admitted.count,
                    quota: figures.quota(for: period.year), supplement: figures.supplement(for: period.year),
                    sources: figures.sources, graded: period.isWholeYear(countedThrough: admitted.through),
                    through: admitted.through))
        }
        let countedTo = latest ?? through
        func add(_ values: [Int?]) -> Int? { FigureTotal(values).value }
        let admittedTotal = FigureTotal(rows.map(\.admitted))
        var total = row(
            name: "TỔNG CỘNG", members: add(rows.map(\.membersAtStartOfYear)), estimated: rows.contains(where: \.membersEstimated),
            admitted: admittedTotal.value, quota: add(rows.map(\.quota)), supplement: add(rows.map(\.supplement)),
            sources: add(rows.map(\.sources)), graded: period.isWholeYear(countedThrough: countedTo), through: countedTo)
        if admittedTotal.isPartial {
            // A total missing some units' admissions is no rate of the whole: it is shown, never graded.
            total.assessment = "Chưa đủ số liệu (\(admittedTotal.unitsWithFigure)/\(admittedTotal.unitCount) đơn vị)"
            total.rate = nil
            total.quotaReached = nil
        }
        let level = scope.levelQuota(for: period.year)
        return RateReport(
            unitName: scope.title, period: period, date: scope.today, admittedThrough: countedTo, rows: rows, total: total,
            admittedTotal: admittedTotal, levelQuota: level,
            levelQuotaReached: admittedTotal.isPartial ? nil : admittedTotal.value.flatMap { count in level.flatMap { Percent.of(count, $0.quota) } })
    }

    /// One row with its rate, share of quota and assessment; the rate is graded against the yearly
    /// target only when `graded` (a whole year counted to its end), else it says to which day it runs.
    public static func row(
        name: String, members: Int?, estimated: Bool, admitted: Int?, quota: Int?, supplement: Int? = nil, sources: Int?,
        graded: Bool = true, through: CivilDate? = nil
    ) -> Row {
        let rate = admitted.flatMap { count in members.flatMap { Percent.of(count, $0) } }
        let reached = admitted.flatMap { count in quota.flatMap { Percent.of(count, $0) } }
        var text = assessment(rate: rate, sources: sources)
        if rate != nil, !graded { text = "Chưa đánh giá (tính đến \(through.map(FigureText.date) ?? "nay"))" }
        return Row(
            name: name, membersAtStartOfYear: members, membersEstimated: estimated, admitted: admitted, rate: rate,
            quota: quota, supplement: supplement, quotaReached: reached, sources: sources, assessment: text)
    }

    static func assessment(rate: Double?, sources: Int?) -> String {
        guard let rate else { return "Chưa đủ số liệu" }
        if rate > targetHigh { return "Vượt mức 4 %" }
        if rate >= targetLow { return "Đạt 3–4 %" }
        if let sources, sources == 0 { return "Dưới 3 % (hết nguồn)" }
        return "Dưới 3 %"
    }

    public var document: ReportDocument {
        let admittedColumn = admittedThrough < period.end ? "Đã kết nạp tính đến \(FigureText.date(admittedThrough))" : "Đã kết nạp"
        let columns = [
            "Đơn vị", "Đảng viên đầu năm \(period.year)", admittedColumn, "Tỷ lệ kết nạp", "Chỉ tiêu năm \(period.year)",
            "Đạt % chỉ tiêu", "Bổ sung chỉ tiêu", "Nguồn hiện có", "Đánh giá (mục tiêu 3–4 %)",
        ]
        func cells(_ row: Row) -> [String] {
            [row.name, row.membersAtStartOfYear.cell + (row.membersEstimated && row.membersAtStartOfYear != nil ? "*" : ""),
             row.admitted.cell, Percent.text(row.rate, decimals: 2), row.quota.cell, Percent.text(row.quotaReached),
             row.supplement.cell, row.sources.cell, row.assessment]
        }
        var totalCells = cells(total)
        totalCells[2] = admittedTotal.text
        var rows = self.rows.map(cells) + [totalCells]
        var totals: Set<Int> = [rows.count - 1]
        if let levelQuota {
            totals.insert(rows.count)
            rows.append(["Chỉ tiêu \(levelQuota.unitName) giao", "", admittedTotal.text, "", String(levelQuota.quota),
                         Percent.text(levelQuotaReached), "", "", ""])
        }
        var notes = ["Tỷ lệ kết nạp = số kết nạp trong kỳ ÷ số đảng viên đầu năm; mục tiêu 3–4 % (Nghị quyết 21), "
            + "chỉ đánh giá khi đã tính đủ cả năm."]
        if admittedTotal.isPartial { notes.append(FigureText.partialNote(admittedTotal, of: "Đã kết nạp")) }
        if let levelQuota {
            notes.append("Chỉ tiêu năm \(period.year) của \(levelQuota.unitName): \(levelQuota.quota); "
                + "tổng chỉ tiêu các đơn vị: \(total.quota.cell).")
        }
        if rows.contains(where: { $0[1].hasSuffix("*") }) {
            notes.append("* Chưa có số đảng viên đầu năm: dùng số đảng viên hiện nay.")
        }
        return ReportDocument(
            title: "Tỷ lệ kết nạp đảng viên", unitName: unitName, periodLabel: period.vietnamese, date: date,
            tables: [ReportTable(title: "Tỷ lệ kết nạp", columns: columns, rows: rows, totalRows: totals, numericColumns: [1, 2, 3, 4, 5, 6, 7])],
            notes: notes)
    }
}
