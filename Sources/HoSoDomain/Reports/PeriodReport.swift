import Foundation

/// The periodic report to the level above (quarter, half year, year): movements against the same
/// period of the previous year, who the new members are, and which units admitted or ran dry.
public struct PeriodReport: Codable, Sendable, Equatable {
    public struct Movement: Codable, Sendable, Equatable {
        public var label: String
        public var current: Int
        public var previous: Int
        /// Change from the same period of last year, in per cent; nil when last year had none.
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
    public var movements: [Movement]
    public var newMembers: Int
    public var meanAge: Double?
    /// New members of the same period last year, and their mean age.
    public var previousNewMembers: Int
    public var previousMeanAge: Double?
    public var breakdowns: [Breakdown]
    public var unitCount: Int
    public var unitsWithAdmission: [String]
    public var unitsWithoutSources: [String]

    /// The events the movements count, in the order of the report's table: the days each happened to a
    /// file (a file taken off the source list twice has two).
    static let movementEvents: [(label: String, dates: @Sendable (CaseFile) -> [CivilDate])] = [
        ("Kết nạp đảng viên", { CaseEvents.admission($0).map { [$0] } ?? [] }),
        ("Công nhận đảng viên chính thức", { CaseEvents.recognition($0).map { [$0] } ?? [] }),
        ("Đưa ra khỏi danh sách cảm tình đảng", CaseEvents.removals),
        ("Xóa tên đảng viên dự bị", { CaseEvents.strikingOff($0).map { [$0] } ?? [] }),
    ]

    public static func make(scope: ReportScope, period: ReportPeriod) -> PeriodReport {
        let lastYear = period.sameLastYear
        var current = [Int](repeating: 0, count: movementEvents.count)
        var previous = current
        var admitted: [CaseFile] = []
        var admittedLastYear: [CaseFile] = []
        // One pass over the files: at a province's size each pass is a walk through memory. A file counts
        // once in a period however many times the event happened to it there.
        for file in scope.scopedCases {
            for (index, event) in movementEvents.enumerated() {
                let dates = event.dates(file)
                if dates.isEmpty { continue }
                if dates.contains(where: period.contains) {
                    current[index] += 1
                    if index == 0 { admitted.append(file) }
                }
                if dates.contains(where: lastYear.contains) {
                    previous[index] += 1
                    if index == 0 { admittedLastYear.append(file) }
                }
            }
        }
        func ages(_ files: [CaseFile]) -> [Int] { files.map { CaseEvents.age(of: $0.person, on: CaseEvents.admission($0)!) } }
        func mean(_ ages: [Int]) -> Double? { ages.isEmpty ? nil : Double(ages.reduce(0, +)) / Double(ages.count) }
        let (agesNow, agesThen) = (ages(admitted), ages(admittedLastYear))
        let units = scope.reportingUnits
        let admittingUnitIDs = Set(admitted.map(\.unitID))
        let admittingUnits = units.filter { !scope.subtree(of: $0.id).isDisjoint(with: admittingUnitIDs) }
        let dryUnits = units.filter { UnitFigures(unit: $0, scope: scope).sources == 0 }
        return PeriodReport(
            unitName: scope.title, period: period, date: scope.today,
            movements: movementEvents.indices.map { index in
                Movement(label: movementEvents[index].label, current: current[index], previous: previous[index],
                         change: Percent.change(from: previous[index], to: current[index]))
            },
            newMembers: admitted.count, meanAge: mean(agesNow),
            previousNewMembers: admittedLastYear.count, previousMeanAge: mean(agesThen),
            breakdowns: breakdowns(of: (admitted, agesNow), lastYear: (admittedLastYear, agesThen)), unitCount: units.count,
            unitsWithAdmission: admittingUnits.map(\.name), unitsWithoutSources: dryUnits.map(\.name))
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
    static func breakdowns(of now: (files: [CaseFile], ages: [Int]), lastYear: (files: [CaseFile], ages: [Int])) -> [Breakdown] {
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
        /// The groups a new member belongs to, one list per criterion, in the order of the table.
        func groups(_ file: CaseFile, age: Int) -> [[String]] {
            let person = file.person
            let ethnicity = label(person.ethnicity)
            let religion = label(person.religion)
            var traits: [String] = []
            if !ethnicity.folded.isEmpty, ethnicity.folded != "kinh" { traits.append("Người dân tộc thiểu số") }
            if !religion.folded.isEmpty, religion.folded != "khong" { traits.append("Người có đạo") }
            if person.youthUnionMember { traits.append("Đoàn viên Đoàn TNCS Hồ Chí Minh") }
            return [
                [ageBand(age)], [person.sex.vietnamese], [person.education.vietnamese], [label(person.occupation).label],
                [ethnicity.label], traits,
            ]
        }
        let criteria: [(title: String, order: [String]?)] = [
            ("Độ tuổi", ageBands), ("Giới tính", ["Nam", "Nữ"]), ("Trình độ học vấn", EducationLevel.allCases.map(\.vietnamese)),
            ("Nghề nghiệp", nil), ("Dân tộc", nil),
            ("Đặc điểm", ["Người dân tộc thiểu số", "Người có đạo", "Đoàn viên Đoàn TNCS Hồ Chí Minh"]),
        ]
        func counts(_ members: (files: [CaseFile], ages: [Int])) -> [[String: Int]] {
            var result = [[String: Int]](repeating: [:], count: criteria.count)
            for (file, age) in zip(members.files, members.ages) {
                for (criterion, labels) in groups(file, age: age).enumerated() {
                    for label in labels { result[criterion][label, default: 0] += 1 }
                }
            }
            return result
        }
        let (current, previous) = (counts(now), counts(lastYear))
        return criteria.indices.map { index in
            let present = Set(current[index].keys).union(previous[index].keys)
            let labels = criteria[index].order.map { $0.filter(present.contains) }
                ?? present.sorted { VietnameseCollation.compareWords($0, $1) == .orderedAscending }
            return Breakdown(
                title: criteria[index].title,
                items: labels.map { Item(label: $0, count: current[index][$0] ?? 0, previous: previous[index][$0] ?? 0) })
        }
    }

    public var document: ReportDocument {
        let previous = period.sameLastYear.vietnamese
        func age(_ mean: Double?) -> String {
            mean.map { Percent.text($0, decimals: 1).replacingOccurrences(of: " %", with: "") } ?? "—"
        }
        let movementTable = ReportTable(
            title: "Tình hình trong kỳ", columns: ["Nội dung", period.vietnamese, "Cùng kỳ (\(previous))", "Tăng/giảm"],
            rows: movements.map { [$0.label, String($0.current), String($0.previous), Percent.text($0.change, decimals: 1)] },
            numericColumns: [1, 2, 3])
        var breakdownRows: [[String]] = [["Tổng số", "", String(newMembers), "", String(previousNewMembers),
                                          Percent.text(Percent.change(from: previousNewMembers, to: newMembers), decimals: 1)]]
        for breakdown in breakdowns {
            for item in breakdown.items {
                breakdownRows.append([
                    breakdown.title, item.label, String(item.count), Percent.text(Percent.of(item.count, newMembers), decimals: 1),
                    String(item.previous), Percent.text(Percent.change(from: item.previous, to: item.count), decimals: 1),
                ])
            }
        }
        let breakdownTable = ReportTable(
            title: "Đảng viên mới kết nạp trong kỳ: \(newMembers)",
            columns: ["Tiêu chí", "Nhóm", period.vietnamese, "Tỷ lệ", "Cùng kỳ (\(previous))", "Tăng/giảm"],
            rows: breakdownRows, numericColumns: [2, 3, 4, 5])
        let unitRows = unitsWithAdmission.map { [$0, "Có kết nạp"] } + unitsWithoutSources.map { [$0, "Hết nguồn"] }
        let unitTable = ReportTable(title: "Đơn vị có kết nạp, đơn vị hết nguồn", columns: ["Đơn vị", "Tình hình"], rows: unitRows)
        return ReportDocument(
            title: "Báo cáo công tác phát triển đảng viên", unitName: unitName, periodLabel: period.vietnamese, date: date,
            tables: [movementTable, breakdownTable, unitTable],
            notes: [
                "Đơn vị có kết nạp trong kỳ: \(unitsWithAdmission.count)/\(unitCount); đơn vị hết nguồn: \(unitsWithoutSources.count)/\(unitCount).",
                "Tuổi bình quân của đảng viên mới: " + age(meanAge) + " (cùng kỳ năm trước: " + age(previousMeanAge) + ").",
                "Một người có thể thuộc nhiều nhóm \"Đặc điểm\" (dân tộc thiểu số, có đạo, đoàn viên), như Biểu 2-BTCTW.",
                "Số liệu đếm từ hồ sơ: ngày quyết định kết nạp, ngày quyết định công nhận chính thức, ngày đưa ra khỏi danh sách, ngày xóa tên.",
            ])
    }
}
