import Foundation

/// The periodic report to the level above (quarter, half year, year): movements against the same
/// period of the previous year, who the new members are, and which units admitted or ran dry.
public struct PeriodReport: Codable, Sendable, Equatable {
    public struct Movement: Codable, Sendable, Equatable {
        public var label: String
        /// Nil when no unit has a figure for the period ("không có số liệu").
        public var current: Int?
        /// The same dates of last year.
        public var previous: Int?
        /// How many units each figure adds up, out of the reporting units.
        public var currentUnits: Int
        public var previousUnits: Int
        /// The earliest date a reported figure in `current` runs to, when before the period's counted end
        /// (a table "tính đến 30/6" in a yearly report drawn up on 15/7).
        public var reportedThrough: CivilDate?
        /// Change from the same dates of last year, in per cent; nil when either figure is missing or
        /// partial, or last year had none.
        public var change: Double?
    }

    public struct Breakdown: Codable, Sendable, Equatable {
        public var title: String
        public var items: [Item]
    }

    public struct Item: Codable, Sendable, Equatable {
        public var label: String
        /// New members of the period in this group.
        public var count: Int
        /// New members of the same period last year in this group (the columns of Biểu 2-BTCTW).
        public var previous: Int
    }

    public var unitName: String
    public var period: ReportPeriod
    public var date: CivilDate
    /// The last day counted (the period's end, or today inside the period), and the same day of last year.
    public var countedThrough: CivilDate
    public var previousThrough: CivilDate
    /// The year's admissions so far against its quota, as the rate report and the board show them.
    public var year: AdmissionsSummary
    public var movements: [Movement]
    public var newMembers: Int
    public var meanAge: Double?
    /// New members of the same period last year, and their mean age.
    public var previousNewMembers: Int
    public var previousMeanAge: Double?
    public var breakdowns: [Breakdown]
    /// The units whose case files the breakdowns count (the others sent figures only).
    public var unitsWithFiles: Int
    public var unitCount: Int
    public var unitsWithAdmission: [String]
    public var unitsWithoutSources: [String]

    /// The events the movements count, in the order of the report's table: the days each happened to a
    /// file (a file taken off the source list twice has two).
    static let movementEvents: [(label: String, dates: @Sendable (ReportFacts) -> [CivilDate])] = [
        ("Kết nạp đảng viên", { $0.admission.map { [$0] } ?? [] }),
        ("Công nhận đảng viên chính thức", { $0.recognition.map { [$0] } ?? [] }),
        ("Đưa ra khỏi danh sách cảm tình đảng", \.removals),
        ("Xóa tên đảng viên dự bị", { $0.strikingOff.map { [$0] } ?? [] }),
    ]

    public static func make(scope: ReportScope, period: ReportPeriod) -> PeriodReport {
        // "Cùng kỳ" is the same dates of last year: a half year counted to 15/5 is compared with 1/1–15/5.
        let through = period.countedThrough(today: scope.today)
        let previousStart = ReportPeriod.sameDayLastYear(period.start)
        let previousThrough = ReportPeriod.sameDayLastYear(through)
        let now = { (date: CivilDate) in period.start <= date && date <= through }
        let then = { (date: CivilDate) in previousStart <= date && date <= previousThrough }
        var current = [Int](repeating: 0, count: movementEvents.count)
        var previous = current
        // One pass over the files: at a province's size each pass is a walk through memory. A file counts
        // once in a period however many times the event happened to it there.
        for file in scope.scopedFacts {
            for (index, event) in movementEvents.enumerated() {
                let dates = event.dates(file)
                if dates.isEmpty { continue }
                if dates.contains(where: now) { current[index] += file.files }
                if dates.contains(where: then) { previous[index] += file.files }
            }
        }
        let everyAdmitted = scope.newMemberProfiles
        let admitted = everyAdmitted.filter { now($0.admission) }
        let admittedLastYear = everyAdmitted.filter { then($0.admission) }
        // Every new member is told by age once (`NewMemberProfile`).
        func count(_ members: [NewMemberProfile]) -> Int { members.reduce(0) { $0 + ($1.age == nil ? 0 : $1.files) } }
        func mean(_ members: [NewMemberProfile]) -> Double? {
            let total = count(members)
            return total == 0 ? nil : Double(members.reduce(0) { $0 + $1.files * ($1.age ?? 0) }) / Double(total)
        }
        let units = scope.reportingUnits
        // A unit without files is counted by the figures it reported (admissions only, from 1/1); for the
        // other events it has none.
        var withFiles = 0
        var reportedNow: [Int?] = []
        var reportedThrough: CivilDate?
        var reportedThen: [Int?] = []
        var admittingUnits: [Unit] = []
        var dryUnits: [Unit] = []
        for unit in units {
            let figures = UnitFigures(unit: unit, scope: scope)
            let admissions = figures.admissions(from: period.start, through: through)
            let count = admissions.count
            if figures.hasCaseFiles {
                withFiles += 1
            } else {
                reportedNow.append(count)
                if count != nil, admissions.through < through { reportedThrough = min(reportedThrough ?? admissions.through, admissions.through) }
                reportedThen.append(figures.admissions(from: previousStart, through: previousThrough).count)
            }
            if (count ?? 0) > 0 { admittingUnits.append(unit) }
            if figures.sources == 0 { dryUnits.append(unit) }
        }
        func movement(_ index: Int) -> Movement {
            let reported = index == 0 ? (reportedNow, reportedThen) : ([Int?](repeating: nil, count: reportedNow.count), [Int?](repeating: nil, count: reportedThen.count))
            let fromFiles: [Int?] = withFiles > 0 ? [current[index]] : []
            let fromFilesThen: [Int?] = withFiles > 0 ? [previous[index]] : []
            let now = FigureTotal(fromFiles + reported.0)
            let then = FigureTotal(fromFilesThen + reported.1)
            let complete = !now.isPartial && !then.isPartial
            return Movement(
                label: movementEvents[index].label, current: now.value, previous: then.value,
                currentUnits: withFiles + reported.0.compactMap { $0 }.count,
                previousUnits: withFiles + reported.1.compactMap { $0 }.count, reportedThrough: index == 0 ? reportedThrough : nil,
                change: complete ? now.value.flatMap { value in then.value.flatMap { Percent.change(from: $0, to: value) } } : nil)
        }
        return PeriodReport(
            unitName: scope.title, period: period, date: scope.today, countedThrough: through, previousThrough: previousThrough,
            year: AdmissionsSummary.make(scope: scope, year: period.year, upTo: through),
            movements: movementEvents.indices.map(movement),
            newMembers: count(admitted), meanAge: mean(admitted),
            previousNewMembers: count(admittedLastYear), previousMeanAge: mean(admittedLastYear),
            breakdowns: breakdowns(of: admitted, lastYear: admittedLastYear, everyAdmitted: everyAdmitted),
            unitsWithFiles: withFiles,
            unitCount: units.count, unitsWithAdmission: admittingUnits.map(\.name), unitsWithoutSources: dryUnits.map(\.name))
    }

    /// The five-year bands of Biểu 2-BTCTW after 18–30.
    public static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<18: "Dưới 18"
        case 18...30: "18–30"
        case 61...: "Trên 60"
        default:
            "\(31 + (age - 31) / 5 * 5)–\(35 + (age - 31) / 5 * 5)"
        }
    }

    static let ageBands = ["Dưới 18", "18–30", "31–35", "36–40", "41–45", "46–50", "51–55", "56–60", "Trên 60"]

    /// The groups of Biểu 2-BTCTW, each counted among this period's new members and last year's.
    static func breakdowns(of now: [NewMemberProfile], lastYear: [NewMemberProfile], everyAdmitted: [NewMemberProfile]) -> [Breakdown] {
        // The same few occupations, ethnicities and religions come back in every file: each text is
        // normalised and folded once.
        var labels: [String: (label: String, folded: String)] = [:]
        func label(_ text: String) -> (label: String, folded: String) {
            if let known = labels[text] { return known }
            let trimmed = VietnameseText.normalized(text.trimmingCharacters(in: .whitespaces))
            let result = (trimmed.isEmpty ? "Không ghi" : trimmed, trimmed.isEmpty ? "" : VietnameseText.folded(trimmed))
            labels[text] = result
            return result
        }
        /// The groups the new members of a profile belong to, one list per criterion, in the order of the
        /// table; empty for a criterion the profile does not tell.
        func groups(_ person: NewMemberProfile) -> [[String]] {
            let ethnicity = person.ethnicity.map(label)
            let religion = person.religion.map(label)
            var traits: [String] = []
            if let ethnicity, !ethnicity.folded.isEmpty, ethnicity.folded != "kinh" { traits.append("Người dân tộc thiểu số") }
            if let religion, !religion.folded.isEmpty, religion.folded != "khong" { traits.append("Người có đạo") }
            if person.youthUnionMember == true { traits.append("Đoàn viên Đoàn TNCS Hồ Chí Minh") }
            func one(_ group: String?) -> [String] { group.map { [$0] } ?? [] }
            return [
                one(person.age.map(ageBand)), one(person.sex?.vietnamese), one(person.education?.vietnamese),
                one(person.occupation.map { label($0).label }), one(ethnicity?.label), traits,
            ]
        }
        let criteria: [(title: String, order: [String]?)] = [
            ("Độ tuổi", ageBands), ("Giới tính", ["Nam", "Nữ"]), ("Trình độ học vấn", EducationLevel.allCases.map(\.vietnamese)),
            ("Nghề nghiệp", nil), ("Dân tộc", nil),
            ("Đặc điểm", ["Người dân tộc thiểu số", "Người có đạo", "Đoàn viên Đoàn TNCS Hồ Chí Minh"]),
        ]
        func counts(_ members: [NewMemberProfile]) -> [[String: Int]] {
            var result = [[String: Int]](repeating: [:], count: criteria.count)
            for member in members {
                for (criterion, labels) in groups(member).enumerated() {
                    for label in labels { result[criterion][label, default: 0] += member.files }
                }
            }
            return result
        }
        let (current, previous) = (counts(now), counts(lastYear))
        // The rows of a criterion with a fixed list are the same every period, zero rows included, as on the
        // official form; occupations and ethnicities are free text: their rows are those of every new member
        // in the data (`everyAdmitted`), so they too stay the same from one period to the next.
        var recorded = [Set<String>](repeating: [], count: criteria.count)
        for member in everyAdmitted {
            for (criterion, labels) in groups(member).enumerated() {
                recorded[criterion].formUnion(labels)
            }
        }
        return criteria.indices.map { index in
            let present = Set(current[index].keys).union(previous[index].keys).union(recorded[index])
            let labels = criteria[index].order
                ?? present.sorted { VietnameseCollation.compareWords($0, $1) == .orderedAscending }
            return Breakdown(
                title: criteria[index].title,
                items: labels.map { Item(label: $0, count: current[index][$0] ?? 0, previous: previous[index][$0] ?? 0) })
        }
    }

    /// "68", "12 (chưa đủ)" or "không có số liệu", for a figure adding up `units` of the reporting units.
    func cell(_ value: Int?, units: Int) -> String {
        guard let value else { return FigureText.noData }
        return units < unitCount ? "\(value) \(FigureText.partialMark)" : String(value)
    }

    public var document: ReportDocument {
        let previousStart = ReportPeriod.sameDayLastYear(period.start)
        let previous = "\(previousStart.day)/\(previousStart.month)–\(FigureText.date(previousThrough))"
        let currentLabel = period.vietnamese + (countedThrough < period.end ? " (tính đến \(FigureText.date(countedThrough)))" : "")
        let movementTable = ReportTable(
            title: "Tình hình trong kỳ", columns: ["Nội dung", currentLabel, "Cùng kỳ (\(previous))", "Tăng/giảm"],
            rows: movements.map {
                [$0.label, cell($0.current, units: $0.currentUnits) + ($0.reportedThrough.map { " (đến \(FigureText.date($0)))" } ?? ""),
                 cell($0.previous, units: $0.previousUnits),
                 Percent.text($0.change, decimals: 1)]
            },
            numericColumns: [1, 2, 3])
        let filesOnly = unitsWithFiles < unitCount
        var breakdownRows: [[String]] = [[
            "Tổng số", "", unitsWithFiles == 0 ? FigureText.noData : String(newMembers), "",
            unitsWithFiles == 0 ? FigureText.noData : String(previousNewMembers),
            Percent.text(unitsWithFiles == 0 ? nil : Percent.change(from: previousNewMembers, to: newMembers), decimals: 1),
        ]]
        for breakdown in breakdowns {
            for item in breakdown.items {
                breakdownRows.append([
                    breakdown.title, item.label, String(item.count), Percent.text(Percent.of(item.count, newMembers), decimals: 1),
                    String(item.previous), Percent.text(Percent.change(from: item.previous, to: item.count), decimals: 1),
                ])
            }
        }
        let breakdownTable = ReportTable(
            title: filesOnly
                ? "Đảng viên mới kết nạp trong kỳ, theo hồ sơ của \(unitsWithFiles)/\(unitCount) đơn vị: \(newMembers)"
                : "Đảng viên mới kết nạp trong kỳ: \(newMembers)",
            columns: ["Tiêu chí", "Nhóm", currentLabel, "Tỷ lệ", "Cùng kỳ (\(previous))", "Tăng/giảm"],
            rows: breakdownRows, totalRows: [0], numericColumns: [2, 3, 4, 5])
        let unitRows = unitsWithAdmission.map { [$0, "Có kết nạp"] } + unitsWithoutSources.map { [$0, "Hết nguồn"] }
        let unitTable = ReportTable(title: "Đơn vị có kết nạp, đơn vị hết nguồn", columns: ["Đơn vị", "Tình hình"], rows: unitRows)
        return ReportDocument(
            title: "Báo cáo công tác phát triển đảng viên", unitName: unitName, periodLabel: period.vietnamese, date: date,
            tables: [movementTable, breakdownTable, unitTable],
            notes: notes)
    }

    var notes: [String] {
        var notes = [
            "Đơn vị có kết nạp trong kỳ: \(unitsWithAdmission.count)/\(unitCount); đơn vị hết nguồn: \(unitsWithoutSources.count)/\(unitCount).",
            yearNote,
            "Tuổi bình quân của đảng viên mới: " + ageText(meanAge) + " (cùng kỳ năm trước: " + ageText(previousMeanAge) + ").",
            "Một người có thể thuộc nhiều nhóm \"Đặc điểm\" (dân tộc thiểu số, có đạo, đoàn viên), như Biểu 2-BTCTW.",
            "Số liệu đếm từ hồ sơ: ngày quyết định kết nạp, ngày quyết định công nhận chính thức, ngày đưa ra khỏi danh sách, "
                + "ngày xóa tên; đơn vị chưa có hồ sơ trong máy: số kết nạp đã báo cáo (từ 1/1). "
                + "Cùng kỳ là cùng các ngày ấy của năm trước.",
        ]
        if movements.contains(where: { $0.current != nil && $0.currentUnits < unitCount || $0.previous != nil && $0.previousUnits < unitCount }) {
            notes.append("\(FigureText.partialMark): chỉ cộng các đơn vị có số liệu; các đơn vị khác chưa có hồ sơ hay số liệu báo cáo trong kỳ.")
        }
        return notes
    }

    /// The year's admissions so far against the quota, in the words of the rate report.
    var yearNote: String {
        let admitted = year.admitted.text
        var text = "Năm \(year.year), đã kết nạp tính đến \(FigureText.date(year.through)): \(admitted)"
        if let quota = year.quota {
            let whose = year.levelQuota.map { "\($0.unitName) giao; tổng chỉ tiêu các đơn vị: \(year.unitsQuota.cell)" } ?? "tổng chỉ tiêu các đơn vị"
            text += ", đạt \(Percent.text(year.admitted.isPartial ? nil : year.quotaReached)) chỉ tiêu \(quota) (\(whose))"
        }
        return text + "."
    }

    func ageText(_ mean: Double?) -> String {
        mean.map { Percent.text($0, decimals: 1).replacingOccurrences(of: " %", with: "") } ?? "—"
    }
}
