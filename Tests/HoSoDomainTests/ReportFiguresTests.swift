import Foundation
import HoSoDomain
import Testing

/// Small organisations and case files built by hand, so every expected figure can be counted on paper.
enum ReportData {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    static func file(
        _ id: String, unit: String, born: String = "1995-05-01", sex: Person.Sex = .female,
        admitted: String? = nil, recognised: String? = nil, state: CaseState? = nil, sideDate: String? = nil,
        education: EducationLevel = .university, occupation: String = "Giáo viên", ethnicity: String = "Kinh",
        youthUnion: Bool = true
    ) -> CaseFile {
        var file = CaseFile(
            id: CaseID(id), unitID: UnitID(unit),
            person: Person(
                fullName: "Người \(id)", birthDate: date(born), sex: sex, ethnicity: ethnicity, occupation: occupation,
                education: education, youthUnionMember: youthUnion),
            nominatedBy: .youthUnion, nominationDate: date("2019-01-10"))
        file.state = .sympathizer
        if let admitted {
            file.decision = Decision(number: "QĐ-\(id)", date: date(admitted), body: "Đảng ủy")
            file.state = .probation
        }
        if let recognised {
            file.recognitionDecision = Decision(number: "QĐCN-\(id)", date: date(recognised), body: "Đảng ủy")
            file.state = .official
        }
        if let state { file.state = state }
        if let sideDate { file.sideState = SideStateRecord(reason: "Lý do", date: date(sideDate), decidedBy: "Chi bộ") }
        return file
    }

    /// A committee with `count` grassroots organisations G01…, each with `members` members at the start of `year`.
    static func organisation(count: Int, members: Int = 100, year: Int = 2020, quotas: [Int] = []) -> Organisation {
        var units = [Unit(id: "QU", name: "Quận ủy Quận 3", kind: .committee)]
        for index in 1...count {
            var quota = UnitQuota(ordinal: index, membersAtStartOfYear: [YearFigure(year: year, value: members)])
            if index <= quotas.count { quota.yearlyQuotas = [YearFigure(year: year, value: quotas[index - 1])] }
            units.append(
                Unit(
                    id: UnitID(String(format: "G%02d", index)), name: "Cơ sở \(index)", kind: .grassroots, parentID: "QU",
                    sector: index % 2 == 0 ? "Khối cơ quan" : "Khối phường", quota: quota))
        }
        return Organisation(units: units)
    }
}

@Suite("Report figures: rate and quota, checked against the seed's own")
struct ReportFiguresTests {
    /// 39 grassroots organisations; 2020: 126 admissions in 27 of them against a quota of 180 (seed 002).
    static func seedDistrict2020() -> (Organisation, [CaseFile]) {
        let quotas = (1...39).map { $0 <= 24 ? 5 : 4 }  // 24 × 5 + 15 × 4 = 180
        let organisation = ReportData.organisation(count: 39, members: 150, quotas: quotas)
        var files: [CaseFile] = []
        var serial = 0
        for unit in 1...27 {
            let admissions = unit <= 18 ? 5 : 4  // 18 × 5 + 9 × 4 = 126
            for _ in 0..<admissions {
                serial += 1
                files.append(ReportData.file("HS-\(serial)", unit: String(format: "G%02d", unit), admitted: "2020-0\(1 + serial % 9)-15"))
            }
        }
        // The other 12 admitted nobody: each holds a file still on the source list, so its 0 is counted, not missing.
        files += (28...39).map { ReportData.file("NG-\($0)", unit: String(format: "G%02d", $0)) }
        return (organisation, files)
    }

    @Test("2020: 126 admitted of a quota of 180 is 70 %, and 27 of 39 organisations admitted someone")
    func seed2020() throws {
        let (organisation, files) = Self.seedDistrict2020()
        #expect(quotaSum(organisation) == 180 && files.count == 126 + 12)
        let scope = ReportScope(organisation: organisation, cases: files, today: ReportData.date("2021-01-05"))
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2020))
        #expect(rate.total.admitted == 126)
        #expect(rate.total.quota == 180)
        #expect(rate.total.quotaReached == 70)
        #expect(Percent.text(rate.total.quotaReached) == "70 %")
        // 126 ÷ (39 × 150) = 2.1538… %
        #expect(Percent.text(rate.total.rate, decimals: 2) == "2,15 %")
        #expect(rate.total.assessment == "Dưới 3 %")  // the year is over: graded

        let quota = QuotaReport.make(scope: scope, year: 2020)
        #expect(quota.unitsWithAdmissionThisYear == 27)
        #expect(quota.unitCount == 39)
        let period = PeriodReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2020))
        #expect(period.unitsWithAdmission.count == 27)
        #expect(period.document.notes[0].hasPrefix("Đơn vị có kết nạp trong kỳ: 27/39"))
    }

    @Test("First half of 2021: 76 admitted of a quota of 185 is 41 %")
    func seedFirstHalf2021() throws {
        var units = [Unit(id: "QU", name: "Quận ủy Quận 3", kind: .committee)]
        units.append(Unit(id: "A", name: "Phường A", kind: .grassroots, parentID: "QU", quota: UnitQuota(yearlyQuotas: [YearFigure(year: 2021, value: 100)])))
        units.append(Unit(id: "B", name: "Phường B", kind: .grassroots, parentID: "QU", quota: UnitQuota(yearlyQuotas: [YearFigure(year: 2021, value: 85)])))
        var files = (1...50).map { ReportData.file("A\($0)", unit: "A", admitted: "2021-03-10") }
        files += (1...26).map { ReportData.file("B\($0)", unit: "B", admitted: "2021-06-30") }
        files += (1...9).map { ReportData.file("L\($0)", unit: "B", admitted: "2021-07-01") }  // after the half year
        let scope = ReportScope(organisation: Organisation(units: units), cases: files, today: ReportData.date("2021-12-31"))
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .h1, year: 2021))
        #expect(rate.total.admitted == 76)
        #expect(rate.total.quota == 185)
        #expect(Percent.text(rate.total.quotaReached) == "41 %")
    }

    @Test("Rate per unit: 7 of 200 members is 3.5 % (met); 2 of 100 with sources left is below; 5 of 100 exceeds 4 %")
    func ratePerUnit() throws {
        var organisation = ReportData.organisation(count: 3, members: 100, year: 2024)
        organisation.units["G01"]!.quota!.membersAtStartOfYear = [YearFigure(year: 2024, value: 200)]
        var files = (1...7).map { ReportData.file("A\($0)", unit: "G01", admitted: "2024-05-0\($0)") }
        files += (1...2).map { ReportData.file("B\($0)", unit: "G02", admitted: "2024-11-20") }
        files += [ReportData.file("B-src", unit: "G02")]
        files += (1...5).map { ReportData.file("C\($0)", unit: "G03", admitted: "2024-02-02") }
        files += [ReportData.file("C-old", unit: "G03", admitted: "2023-12-31")]
        let scope = ReportScope(organisation: organisation, cases: files, today: ReportData.date("2025-01-10"))
        let report = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2024))
        #expect(report.rows.map(\.admitted) == [7, 2, 5])
        #expect(report.rows.map(\.rate) == [3.5, 2, 5])
        #expect(report.rows.map(\.assessment) == ["Đạt 3–4 %", "Dưới 3 %", "Vượt mức 4 %"])
        #expect(report.total.membersAtStartOfYear == 400)
        #expect(report.total.rate == 14.0 * 100 / 400)
    }

    @Test("Quota table flags sources below quota and a quota below 3 % of members, and sums sectors")
    func quotaFlagsAndSubtotals() throws {
        var organisation = ReportData.organisation(count: 2, members: 300, year: 2025, quotas: [5, 12])
        organisation.units["G01"]!.quota!.reportedSources = 4
        organisation.units["G02"]!.quota!.reportedSources = 20
        let scope = ReportScope(organisation: organisation, cases: [], today: ReportData.date("2025-03-01"))
        let report = QuotaReport.make(scope: scope, year: 2025)
        let rows = report.groups.flatMap(\.rows)
        // G01: 4 sources < 5; 5 < 9 (3 % of 300). G02: 12 ≥ 9 and 20 ≥ 12.
        #expect(rows.map(\.sourcesBelowQuota) == [true, false])
        #expect(rows.map(\.quotaBelowThreePercent) == [true, false])
        #expect(report.groups.map(\.sector) == ["Khối phường", "Khối cơ quan"])
        #expect(report.total.members == 600 && report.total.yearlyQuota == 17 && report.total.sources == 24)
    }

    func quotaSum(_ organisation: Organisation) -> Int {
        organisation.units.values.compactMap { $0.quota?.quota(for: 2020) }.reduce(0, +)
    }
}

/// Members at the start of the year, the base of the 3–4 % target: one count for the reports and the board.
@Suite("Members at the start of the year")
struct MembersAtStartOfYearTests {
    static func cell(_ id: String, under parent: String, official: Int, probationary: Int = 0, recorded: Int? = nil) -> HoSoDomain.Unit {
        Unit(id: UnitID(id), name: "Chi bộ \(id)", kind: .cell, parentID: UnitID(parent),
             memberCounts: MemberCounts(official: official, probationary: probationary),
             quota: recorded.map { UnitQuota(membersAtStartOfYear: [YearFigure(year: 2026, value: $0)]) })
    }

    static func organisation(wardRecorded: Int? = nil, cellARecorded: Int? = nil) -> Organisation {
        Organisation(units: [
            Unit(id: "QU", name: "Quận ủy", kind: .committee, memberCounts: MemberCounts(official: 45)),
            Unit(id: "W", name: "Đảng bộ phường", kind: .grassroots, parentID: "QU", memberCounts: MemberCounts(official: 11),
                 quota: wardRecorded.map { UnitQuota(membersAtStartOfYear: [YearFigure(year: 2026, value: $0)]) }),
            cell("A", under: "W", official: 20, probationary: 2, recorded: cellARecorded),
            cell("B", under: "W", official: 15),
            Unit(id: "SOLO", name: "Chi bộ cơ sở trường học", kind: .grassroots, parentID: "QU", memberCounts: MemberCounts(official: 30)),
        ])
    }

    @Test("An organisation of cells counts its cells, not its own committee; a unit alone counts itself")
    func cellsAreSummed() {
        let organisation = Self.organisation()
        #expect(organisation.members(atStartOf: 2026, under: "W") == (37, true))
        #expect(organisation.members(atStartOf: 2026, under: "SOLO") == (30, true))
        #expect(organisation.members(atStartOf: 2026, under: "QU") == (67, true))
        #expect(organisation.members(atStartOf: 2026) == (67, true))
        // Cells without a count: the organisation has no figure, its committee's 11 is not one.
        var empty = organisation
        empty.units["A"]?.memberCounts = MemberCounts()
        empty.units["B"]?.memberCounts = MemberCounts()
        #expect(empty.members(atStartOf: 2026, under: "W") == (nil, true))
    }

    @Test("A recorded figure wins over the units under it, and is not an estimate")
    func recordedFiguresWin() {
        #expect(Self.organisation(wardRecorded: 40).members(atStartOf: 2026, under: "W") == (40, false))
        #expect(Self.organisation(wardRecorded: 40).members(atStartOf: 2026, under: "QU") == (70, true))
        // One cell recorded, the other counted today: the sum is still an estimate.
        #expect(Self.organisation(cellARecorded: 21).members(atStartOf: 2026, under: "W") == (36, true))
        #expect(Self.organisation(cellARecorded: 21).members(atStartOf: 2025, under: "W") == (37, true), "another year's figure is not this year's")
    }

    @Test("The rate report's row of an organisation of cells uses its cells' members")
    func rateReportUsesTheCells() throws {
        let organisation = Self.organisation()
        let files = [ReportData.file("1", unit: "A", admitted: "2026-03-02"), ReportData.file("2", unit: "B", admitted: "2026-05-04"),
                     ReportData.file("3", unit: "B", admitted: "2026-06-01", state: .decisionRevoked, sideDate: "2026-07-01")]
        let scope = ReportScope(organisation: organisation, cases: files, today: ReportData.date("2026-11-23"))
        let report = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2026))
        let ward = try #require(report.rows.first { $0.name == "Đảng bộ phường" })
        #expect(ward.membersAtStartOfYear == 37 && ward.membersEstimated)
        #expect(ward.admitted == 2, "a revoked decision is not an admission")
        #expect(report.total.membersAtStartOfYear == 67)
    }

    @Test("The target asks 3 % and 4 % of the members, each rounded up to a whole person", arguments: [
        (0, 0...0), (1, 1...1), (100, 3...4), (111, 4...5), (148, 5...6), (1_675, 51...67),
    ])
    func target(members: Int, expected: ClosedRange<Int>) {
        #expect(RateReport.target(members: members) == expected)
    }
}
