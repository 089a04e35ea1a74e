import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 17, "figures that agree": the seed's imported table gives the same figures in every report.
@Suite("Reports agree: the seed's 68 admitted to 30/6/2021 and the district's 185")
struct ReportAgreementTests {
    static let july15 = ReportData.date("2021-07-15")

    static func scope(districtQuota: Int? = 185) throws -> ReportScope {
        ReportScope(organisation: try SeedDistrict.organisation(districtQuota: districtQuota), cases: [], today: july15)
    }

    @Test("A target set for the committee is its level's: shown beside the units' 121 in the quota and rate reports")
    func levelQuota() throws {
        let scope = try Self.scope()
        let quota = QuotaReport.make(scope: scope, year: 2021)
        #expect(quota.total.yearlyQuota == 121)
        #expect(quota.levelQuota == LevelQuota(unitName: "Quận ủy Quận 3", quota: 185))
        let table = quota.document.tables[0]
        let level = try #require(table.rows.last)
        #expect(level[1] == "Chỉ tiêu Quận ủy Quận 3 giao" && level[6] == "185")
        #expect(table.totalRows.contains(table.rows.count - 1))

        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        #expect(rate.total.quota == 121)
        #expect(rate.levelQuota?.quota == 185)
        #expect(Percent.text(rate.levelQuotaReached) == "37 %")  // 68 ÷ 185
        #expect(rate.document.tables[0].rows.last == ["Chỉ tiêu Quận ủy Quận 3 giao", "", "68", "", "185", "37 %", "", "", ""])

        // Without a target of its own the committee has no row: the units' sum is the only quota.
        let plain = try Self.scope(districtQuota: nil)
        #expect(QuotaReport.make(scope: plain, year: 2021).levelQuota == nil)
        #expect(RateReport.make(scope: plain, period: ReportPeriod(span: .year, year: 2021)).document.tables[0].rows.last?.first == "TỔNG CỘNG")
    }

    @Test("Imported figures: every report says 68 admitted in 23/28 units; what cannot be computed says so")
    func oneSourceOfEachFigure() throws {
        let scope = try Self.scope()
        let h1 = ReportPeriod(span: .h1, year: 2021)
        let quota = QuotaReport.make(scope: scope, year: 2021)
        #expect(quota.total.admittedThisYear == 68)
        #expect(quota.unitsWithAdmissionThisYear == 23)
        let rate = RateReport.make(scope: scope, period: h1)
        #expect(rate.total.admitted == 68)
        let period = PeriodReport.make(scope: scope, period: h1)
        #expect(period.movements[0].current == 68)
        #expect(period.unitsWithAdmission.count == 23 && period.unitCount == 28)
        #expect(period.year.admitted.value == 68 && period.year.quota == 185)
        // Last year's table is yearly: its first half cannot be told; no file tells recognitions.
        #expect(period.movements[0].previous == nil)
        #expect(period.movements[1].current == nil)
        let rows = period.document.tables[0].rows
        #expect(rows[0] == ["Kết nạp đảng viên", "68", "không có số liệu", "—"])
        #expect(rows[1] == ["Công nhận đảng viên chính thức", "không có số liệu", "không có số liệu", "—"])
        #expect(period.document.tables[1].rows[0][2] == "không có số liệu")
        #expect(period.document.notes[0] == "Đơn vị có kết nạp trong kỳ: 23/28; đơn vị hết nguồn: 1/28.")
        #expect(period.document.notes[1]
            == "Năm 2021, đã kết nạp tính đến 30/6/2021: 68, đạt 37 % chỉ tiêu 185 (Quận ủy Quận 3 giao; tổng chỉ tiêu các đơn vị: 121).")
        // The year so far on 15/7: the table's figure says it runs to 30/6.
        let year = PeriodReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        #expect(year.document.tables[0].columns[1] == "Năm 2021 (tính đến 15/7/2021)")
        #expect(year.document.tables[0].rows[0][1] == "68 (đến 30/6/2021)")
        let summary = AdmissionsSummary.make(scope: scope, year: 2021, upTo: Self.july15)
        #expect(summary.admitted.value == 68 && summary.through == ReportData.date("2021-06-30") && summary.members == 6234)
    }

    @Test("A figure up to 30/6 is not graded against the yearly 3–4 %: it says to which day it runs")
    func noGradeBeforeTheYearEnds() throws {
        let scope = try Self.scope()
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        let hoaXa = try #require(rate.rows.first { $0.name == "Hợp tác xã Quận 3" })
        #expect(Percent.text(hoaXa.rate, decimals: 2) == "5,56 %")  // 1 of 18: over 4 % were the year over
        #expect(hoaXa.assessment == "Chưa đánh giá (tính đến 30/6/2021)")
        #expect(rate.document.tables[0].columns[2] == "Đã kết nạp tính đến 30/6/2021")
        // Counted from files up to 15/7: the same.
        var organisation = ReportData.organisation(count: 1, members: 100, year: 2021)
        organisation.units["G01"]!.quota!.yearlyQuotas = [YearFigure(year: 2021, value: 4)]
        let files = (1...5).map { ReportData.file("A\($0)", unit: "G01", admitted: "2021-03-0\($0)") }
        let midYear = RateReport.make(
            scope: ReportScope(organisation: organisation, cases: files, today: Self.july15), period: ReportPeriod(span: .year, year: 2021))
        #expect(midYear.rows[0].assessment == "Chưa đánh giá (tính đến 15/7/2021)")
        let yearEnd = RateReport.make(
            scope: ReportScope(organisation: organisation, cases: files, today: ReportData.date("2022-01-05")),
            period: ReportPeriod(span: .year, year: 2021))
        #expect(yearEnd.rows[0].assessment == "Vượt mức 4 %")
    }

    @Test("A total mixing units with and without figures is partial and not graded")
    func partialTotals() throws {
        // 13 organisations of 100 members; only the first has files: 5 admitted, 5 % on its own.
        let organisation = ReportData.organisation(count: 13, members: 100, year: 2021)
        let files = (1...5).map { ReportData.file("A\($0)", unit: "G01", admitted: "2021-03-0\($0)") }
        let scope = ReportScope(organisation: organisation, cases: files, today: ReportData.date("2022-01-05"))
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        #expect(rate.rows[0].assessment == "Vượt mức 4 %")
        #expect(rate.rows.dropFirst().allSatisfy { $0.assessment == "Chưa đủ số liệu" })
        #expect(rate.total.assessment == "Chưa đủ số liệu (1/13 đơn vị)")
        #expect(rate.document.tables[0].rows.last?[2] == "5 (chưa đủ)")
        #expect(rate.total.rate == nil && rate.total.quotaReached == nil, "no rate of the whole from a part of it")
        #expect(rate.document.notes.contains { $0.hasPrefix("(chưa đủ) Đã kết nạp: chỉ cộng 1/13 đơn vị có số liệu") })
        let quota = QuotaReport.make(scope: scope, year: 2021)
        #expect(quota.total.admittedPartial)
        #expect(quota.document.tables[0].rows.contains { $0[1] == "TỔNG CỘNG" && $0[7] == "5 (chưa đủ)" })
        let period = PeriodReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        #expect(period.document.tables[0].rows[0][1] == "5 (chưa đủ)")
    }

    @Test("The quota table marks today's member count with * as the rate report does")
    func estimatedMembersMarked() throws {
        let units = [
            Unit(id: "QU", name: "Quận ủy", kind: .committee),
            Unit(id: "G1", name: "Cơ sở 1", kind: .grassroots, parentID: "QU", memberCounts: MemberCounts(official: 40, probationary: 2)),
        ]
        let scope = ReportScope(organisation: Organisation(units: units), cases: [], today: Self.july15)
        let quota = QuotaReport.make(scope: scope, year: 2021)
        let row = try #require(quota.document.tables[0].rows.first { $0[1] == "Cơ sở 1" })
        #expect(row[2] == "42*")
        #expect(quota.document.notes.last == "* Chưa có số đảng viên đầu năm: dùng số đảng viên hiện nay.")
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        #expect(rate.document.tables[0].rows[0][1] == "42*")
    }

    @Test("Cùng kỳ compares the same dates: to 10/7/2021 against 1/1–10/7/2020, not the whole of 2020")
    func sameDatesLastYear() throws {
        let organisation = ReportData.organisation(count: 1, members: 100, year: 2021)
        let files = [
            ReportData.file("1", unit: "G01", admitted: "2021-02-01"),
            ReportData.file("2", unit: "G01", admitted: "2020-07-10"),  // the same day last year: counts
            ReportData.file("3", unit: "G01", admitted: "2020-07-11"),  // after it: does not
            ReportData.file("4", unit: "G01", admitted: "2020-11-20"),
        ]
        let scope = ReportScope(organisation: organisation, cases: files, today: ReportData.date("2021-07-10"))
        let report = PeriodReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2021))
        #expect(report.movements[0].current == 1 && report.movements[0].previous == 1)
        #expect(report.document.tables[0].columns == ["Nội dung", "Năm 2021 (tính đến 10/7/2021)", "Cùng kỳ (1/1–10/7/2020)", "Tăng/giảm"])
        #expect(ReportPeriod.sameDayLastYear(ReportData.date("2024-02-29")) == ReportData.date("2023-02-28"))
    }

    @Test("Percentages print a fixed number of decimals", arguments: [
        (3.5, 2, "3,50 %"), (0.0, 1, "0,0 %"), (70.0, 0, "70 %"), (2.1538, 2, "2,15 %"), (-12.25, 1, "-12,3 %"), (100.0, 1, "100,0 %"),
    ])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(Percent.text(value, decimals: decimals) == expected)
    }

    @Test("The same data given twice, or a copy, is refused naming the directory, the same message every run")
    func repeatedData() throws {
        let organisation = ReportData.organisation(count: 13)
        let a = ReportScope.Source(label: "/data/A", organisation: organisation, cases: [])
        let copy = ReportScope.Source(label: "/data/A-copy", organisation: organisation, cases: [])
        func refusal(_ sources: [ReportScope.Source]) -> String? {
            do {
                _ = try ReportScope(sources: sources, unit: nil, today: Self.july15)
                return nil
            } catch { return error.message }
        }
        #expect(refusal([a, a]) == "Thư mục dữ liệu /data/A được ghi hai lần (--data): cùng một dữ liệu chỉ được tính một lần. "
            + "Hãy bỏ một lần --data /data/A rồi chạy lại.")
        #expect(refusal([a, copy]) == "Thư mục /data/A-copy chứa cùng dữ liệu với /data/A (bản sao): cùng một dữ liệu được đưa hai lần, "
            + "chỉ được tính một lần. Hãy bỏ một trong hai thư mục (--data) rồi chạy lại.")
        // Two different directories sharing a unit name: the first unit in order is named, every run.
        var other = ReportData.organisation(count: 13)
        other.units["G05"]!.name = "Cơ sở 5 mới"
        let b = ReportScope.Source(label: "/data/B", organisation: other, cases: [])
        let messages = Set((1...5).map { _ in refusal([a, b]) })
        #expect(messages == ["Đơn vị \"Cơ sở 1\" có trong cả /data/A và /data/B; mỗi đơn vị chỉ được tính một lần. "
            + "Hãy bỏ một trong hai thư mục (--data) rồi chạy lại."])
    }
}
