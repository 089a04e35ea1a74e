import Foundation

/// The unit quota table in the columns of seed 002's appendix, grouped by sector with subtotals and a
/// grand total, with the two warnings the district committee looks for.
public struct QuotaReport: Codable, Sendable, Equatable {
    /// One line of the table: a unit, a sector subtotal or the grand total.
    public struct Row: Codable, Sendable, Equatable {
        public var ordinal: Int?
        public var unitID: String?
        public var name: String
        public var members: Int?
        /// Today's head-count stands in for a start-of-year figure (printed with `*`).
        public var membersEstimated: Bool
        public var termQuota: Int?
        public var sources: Int?
        public var admittedLastYear: Int?
        public var yearlyQuota: Int?
        public var admittedThisYear: Int?
        /// A subtotal or total of admissions that misses some units' figures.
        public var admittedPartial: Bool
        /// One figure per year of `supplementYears`.
        public var supplements: [Int?]
        public var supplementTotal: Int?
        /// Tổng số nguồn < chỉ tiêu năm.
        public var sourcesBelowQuota: Bool
        /// Chỉ tiêu năm < 3 % of the members.
        public var quotaBelowThreePercent: Bool
    }

    public struct SectorGroup: Codable, Sendable, Equatable {
        public var sector: String
        public var rows: [Row]
        public var subtotal: Row
    }

    /// A total row of the published table (TỔNG CỘNG (4)) over its group of units, which may span sectors.
    public struct PublishedTotal: Codable, Sendable, Equatable {
        public var label: String
        /// The units it sums, in the table's order.
        public var unitIDs: [String]
        public var total: Row
    }

    public var unitName: String
    public var year: Int
    public var date: CivilDate
    /// The date admissions of `year` are counted to.
    public var admittedThrough: CivilDate
    public var termLabel: String?
    public var supplementYears: [Int]
    public var groups: [SectorGroup]
    /// The groups of the imported table with their total rows, kept as published.
    public var publishedTotals: [PublishedTotal]
    public var total: Row
    /// The quota set for the committee above the units, shown beside the sum of theirs.
    public var levelQuota: LevelQuota?
    public var unitCount: Int
    public var unitsWithAdmissionThisYear: Int
    public var unitsWithAdmissionLastYear: Int

    /// Builds the table for `year` over the reporting units of `scope`.
    public static func make(scope: ReportScope, year requestedYear: Int) -> QuotaReport {
        let thisYear = ReportPeriod(span: .year, year: requestedYear)
        let year = thisYear.year
        let units = scope.reportingUnits
        let supplementYears = Array(Set(units.flatMap { $0.quota?.supplements.map(\.year) ?? [] })).sorted()
        let countUpTo = min(scope.today, thisYear.end)
        var latestThrough: CivilDate?
        var groups: [SectorGroup] = []
        var withAdmission = 0
        var withAdmissionLastYear = 0
        for unit in units {
            let figures = UnitFigures(unit: unit, scope: scope)
            let memberFigure = figures.members(atStartOf: year)
            let members = memberFigure.count
            let quota = figures.quota(for: year)
            let sources = figures.sources
            let admitted = figures.admitted(in: year, upTo: countUpTo)
            let lastYear = figures.admitted(in: thisYear.sameLastYear.year, upTo: thisYear.sameLastYear.end).count
            if admitted.count != nil { latestThrough = max(latestThrough ?? admitted.through, admitted.through) }
            if (admitted.count ?? 0) > 0 { withAdmission += 1 }
            if (lastYear ?? 0) > 0 { withAdmissionLastYear += 1 }
            let supplements = supplementYears.map { figures.supplement(for: $0) }
            let row = Row(
                ordinal: unit.quota?.ordinal, unitID: unit.id.rawValue, name: unit.name, members: members,
                membersEstimated: members != nil && memberFigure.estimated, termQuota: unit.quota?.termQuota.flatMap(UnitQuota.plausible), sources: sources, admittedLastYear: lastYear, yearlyQuota: quota,
                admittedThisYear: admitted.count, admittedPartial: false, supplements: supplements,
                supplementTotal: supplements.contains { $0 != nil } ? supplements.reduce(0) { $0 + ($1 ?? 0) } : nil,
                sourcesBelowQuota: flagSources(sources, quota), quotaBelowThreePercent: flagQuota(quota, members))
            let sector = unit.sector ?? "Chưa xếp khối"
            if let index = groups.firstIndex(where: { $0.sector == sector }) {
                groups[index].rows.append(row)
            } else {
                groups.append(SectorGroup(sector: sector, rows: [row], subtotal: row))
            }
        }
        for index in groups.indices {
            groups[index].subtotal = sum(groups[index].rows, name: "Cộng \(groups[index].sector)", width: supplementYears.count)
        }
        var publishedTotals: [PublishedTotal] = []
        let publishedGroup = Dictionary(units.map { ($0.id.rawValue, $0.quota?.publishedGroup) }, uniquingKeysWith: { first, _ in first })
        for row in groups.flatMap(\.rows) {
            guard let unitID = row.unitID, let label = publishedGroup[unitID] ?? nil else { continue }
            if let index = publishedTotals.firstIndex(where: { $0.label == label }) {
                publishedTotals[index].unitIDs.append(unitID)
            } else {
                publishedTotals.append(PublishedTotal(label: label, unitIDs: [unitID], total: row))
            }
        }
        for index in publishedTotals.indices {
            let members = Set(publishedTotals[index].unitIDs)
            let rows = groups.flatMap(\.rows).filter { $0.unitID.map(members.contains) ?? false }
            publishedTotals[index].total = sum(rows, name: publishedTotals[index].label, width: supplementYears.count)
        }
        let terms = Set(units.compactMap { unit in unit.quota.flatMap { q in q.termStartYear.map { "\($0) - \(q.termEndYear.map(String.init) ?? "")" } } })
        return QuotaReport(
            unitName: scope.title, year: year, date: scope.today, admittedThrough: latestThrough ?? countUpTo,
            termLabel: terms.count == 1 ? terms.first : nil, supplementYears: supplementYears, groups: groups,
            publishedTotals: publishedTotals,
            total: sum(groups.flatMap(\.rows), name: "TỔNG CỘNG", width: supplementYears.count),
            levelQuota: scope.levelQuota(for: year), unitCount: units.count,
            unitsWithAdmissionThisYear: withAdmission, unitsWithAdmissionLastYear: withAdmissionLastYear)
    }

    static func flagSources(_ sources: Int?, _ quota: Int?) -> Bool {
        guard let sources, let quota else { return false }
        return sources < quota
    }

    static func flagQuota(_ quota: Int?, _ members: Int?) -> Bool {
        guard let quota, let members, members > 0 else { return false }
        return quota * 100 < 3 * members
    }

    static func sum(_ rows: [Row], name: String, width: Int) -> Row {
        func add(_ values: [Int?]) -> Int? { values.contains { $0 != nil } ? values.reduce(0) { $0 + ($1 ?? 0) } : nil }
        let supplements = (0..<width).map { index in add(rows.map { $0.supplements[index] }) }
        let members = add(rows.map(\.members))
        let quota = add(rows.map(\.yearlyQuota))
        let sources = add(rows.map(\.sources))
        return Row(
            ordinal: nil, unitID: nil, name: name, members: members, membersEstimated: rows.contains(where: \.membersEstimated),
            termQuota: add(rows.map(\.termQuota)),
            sources: sources, admittedLastYear: add(rows.map(\.admittedLastYear)), yearlyQuota: quota,
            admittedThisYear: add(rows.map(\.admittedThisYear)),
            admittedPartial: rows.contains(where: \.admittedPartial) || FigureTotal(rows.map(\.admittedThisYear)).isPartial,
            supplements: supplements,
            supplementTotal: add(rows.map(\.supplementTotal)), sourcesBelowQuota: flagSources(sources, quota),
            quotaBelowThreePercent: flagQuota(quota, members))
    }

    /// The warnings' codes, short so that the column stays narrow; the notes say what they mean.
    public static let sourcesWarning = "NG"
    public static let quotaWarning = "CT"

    /// The table as printed, in the appendix's column order.
    public var document: ReportDocument {
        let term = termLabel.map { " NK \($0)" } ?? ""
        var columns = [
            "TT", "Đơn vị", "Tổng số đảng viên", "Chỉ tiêu kết nạp" + term, "Tổng số nguồn hiện có",
            "Đã kết nạp năm \(year - 1)", "Chỉ tiêu kết nạp năm \(year)",
            "Đã kết nạp tính đến \(admittedThrough.day)/\(admittedThrough.month)/\(admittedThrough.year)",
        ]
        columns += supplementYears.map { "Bổ sung chỉ tiêu trong năm \($0)" }
        columns += ["Tổng cộng bổ sung", "Cảnh báo"]
        var rows: [[String]] = []
        var totals: Set<Int> = []
        func cells(_ row: Row) -> [String] {
            var flags: [String] = []
            if row.sourcesBelowQuota { flags.append(Self.sourcesWarning) }
            if row.quotaBelowThreePercent { flags.append(Self.quotaWarning) }
            let admitted = row.admittedThisYear.cell + (row.admittedPartial ? " " + FigureText.partialMark : "")
            return [row.ordinal.cell, row.name, row.members.cell + (row.membersEstimated ? "*" : ""), row.termQuota.cell,
                row.sources.cell, row.admittedLastYear.cell, row.yearlyQuota.cell, admitted]
                + row.supplements.map(\.cell) + [row.supplementTotal.cell, flags.joined(separator: ", ")]
        }
        // As published: a group's total row after its last unit (TỔNG CỘNG (4) over three sectors); a
        // sector outside the published groups gets its own subtotal.
        let lastOfGroup = Dictionary(publishedTotals.compactMap { total in total.unitIDs.last.map { ($0, total.total) } },
                                     uniquingKeysWith: { first, _ in first })
        let grouped = Set(publishedTotals.flatMap(\.unitIDs))
        for group in groups {
            rows.append([""] + [group.sector] + Array(repeating: "", count: columns.count - 2))
            for row in group.rows {
                rows.append(cells(row))
                if let unitID = row.unitID, let published = lastOfGroup[unitID] {
                    totals.insert(rows.count)
                    rows.append(cells(published))
                }
            }
            if !group.rows.contains(where: { $0.unitID.map(grouped.contains) ?? false }) {
                totals.insert(rows.count)
                rows.append(cells(group.subtotal))
            }
        }
        totals.insert(rows.count)
        rows.append(cells(total))
        if let levelQuota {
            var level = Array(repeating: "", count: columns.count)
            level[1] = "Chỉ tiêu \(levelQuota.unitName) giao"
            level[6] = String(levelQuota.quota)
            totals.insert(rows.count)
            rows.append(level)
        }
        let share = Percent.text(Percent.of(unitsWithAdmissionThisYear, unitCount))
        var notes = [
            "Đơn vị có kết nạp trong năm \(year): \(unitsWithAdmissionThisYear)/\(unitCount) (\(share)).",
            "Đơn vị có kết nạp trong năm \(year - 1): \(unitsWithAdmissionLastYear)/\(unitCount).",
            "Cảnh báo: \(Self.sourcesWarning) — tổng số nguồn hiện có ít hơn chỉ tiêu năm; "
                + "\(Self.quotaWarning) — chỉ tiêu năm thấp hơn 3 % số đảng viên (Nghị quyết 21).",
        ]
        if let levelQuota {
            notes.append("Chỉ tiêu năm \(year) của \(levelQuota.unitName): \(levelQuota.quota); "
                + "tổng chỉ tiêu các đơn vị: \(total.yearlyQuota.cell).")
        }
        if total.admittedPartial {
            notes.append(FigureText.partialNote(FigureTotal(groups.flatMap(\.rows).map(\.admittedThisYear)), of: "Đã kết nạp"))
        }
        if total.membersEstimated { notes.append("* Chưa có số đảng viên đầu năm: dùng số đảng viên hiện nay.") }
        return ReportDocument(
            title: "Bảng chỉ tiêu kết nạp đảng viên của các đơn vị", unitName: unitName, periodLabel: "Năm \(year)",
            date: date,
            tables: [
                ReportTable(
                    title: "Chỉ tiêu và kết quả kết nạp", columns: columns, rows: rows, totalRows: totals,
                    numericColumns: Set([0] + Array(2..<(columns.count - 1))))
            ],
            notes: notes)
    }
}
