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
        public var count: Int
    }

    public var unitName: String
    public var period: ReportPeriod
    public var date: CivilDate
    public var movements: [Movement]
    public var newMembers: Int
    public var meanAge: Double?
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
                if dates.contains(where: lastYear.contains) { previous[index] += 1 }
            }
        }
        let ages = admitted.map { CaseEvents.age(of: $0.person, on: CaseEvents.admission($0)!) }
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
            newMembers: admitted.count,
            meanAge: ages.isEmpty ? nil : Double(ages.reduce(0, +)) / Double(ages.count),
            breakdowns: breakdowns(of: admitted, ages: ages), unitCount: units.count,
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

    static func breakdowns(of files: [CaseFile], ages: [Int]) -> [Breakdown] {
        func counted(_ labels: [String], order: [String] = []) -> [Item] {
            var counts: [String: Int] = [:]
            for label in labels { counts[label, default: 0] += 1 }
            let ordered = order.isEmpty
                ? counts.keys.sorted { VietnameseCollation.compareWords($0, $1) == .orderedAscending }
                : order.filter { counts[$0] != nil }
            return ordered.map { Item(label: $0, count: counts[$0]!) }
        }
        let ethnicity = files.map { VietnameseText.normalized($0.person.ethnicity.trimmingCharacters(in: .whitespaces)) }
        return [
            Breakdown(title: "Độ tuổi", items: counted(ages.map(ageBand), order: ageBands)),
            Breakdown(title: "Giới tính", items: counted(files.map(\.person.sex.vietnamese), order: ["Nam", "Nữ"])),
            Breakdown(
                title: "Trình độ học vấn",
                items: counted(files.map(\.person.education.vietnamese), order: EducationLevel.allCases.map(\.vietnamese))),
            Breakdown(
                title: "Nghề nghiệp",
                items: counted(files.map { $0.person.occupation.trimmingCharacters(in: .whitespaces).isEmpty ? "Không ghi" : VietnameseText.normalized($0.person.occupation) })),
            Breakdown(title: "Dân tộc", items: counted(ethnicity.map { $0.isEmpty ? "Không ghi" : $0 })),
            Breakdown(
                title: "Đoàn viên Đoàn TNCS Hồ Chí Minh",
                items: counted(files.map { $0.person.youthUnionMember ? "Là đoàn viên" : "Không là đoàn viên" },
                    order: ["Là đoàn viên", "Không là đoàn viên"])),
        ]
    }

    public var document: ReportDocument {
        let previous = period.sameLastYear.vietnamese
        let movementTable = ReportTable(
            title: "Tình hình trong kỳ", columns: ["Nội dung", period.vietnamese, "Cùng kỳ (\(previous))", "Tăng/giảm"],
            rows: movements.map { [$0.label, String($0.current), String($0.previous), Percent.text($0.change, decimals: 1)] },
            numericColumns: [1, 2, 3])
        var breakdownRows: [[String]] = []
        for breakdown in breakdowns {
            for item in breakdown.items {
                breakdownRows.append([breakdown.title, item.label, String(item.count), Percent.text(Percent.of(item.count, newMembers), decimals: 1)])
            }
        }
        let breakdownTable = ReportTable(
            title: "Đảng viên mới kết nạp trong kỳ: \(newMembers)", columns: ["Tiêu chí", "Nhóm", "Số lượng", "Tỷ lệ"],
            rows: breakdownRows, numericColumns: [2, 3])
        let unitRows = unitsWithAdmission.map { [$0, "Có kết nạp"] } + unitsWithoutSources.map { [$0, "Hết nguồn"] }
        let unitTable = ReportTable(title: "Đơn vị có kết nạp, đơn vị hết nguồn", columns: ["Đơn vị", "Tình hình"], rows: unitRows)
        return ReportDocument(
            title: "Báo cáo công tác phát triển đảng viên", unitName: unitName, periodLabel: period.vietnamese, date: date,
            tables: [movementTable, breakdownTable, unitTable],
            notes: [
                "Đơn vị có kết nạp trong kỳ: \(unitsWithAdmission.count)/\(unitCount); đơn vị hết nguồn: \(unitsWithoutSources.count)/\(unitCount).",
                "Tuổi bình quân của đảng viên mới: " + (meanAge.map { Percent.text($0, decimals: 1).replacingOccurrences(of: " %", with: "") } ?? "—") + ".",
                "Số liệu đếm từ hồ sơ: ngày quyết định kết nạp, ngày quyết định công nhận chính thức, ngày đưa ra khỏi danh sách, ngày xóa tên.",
            ])
    }
}
