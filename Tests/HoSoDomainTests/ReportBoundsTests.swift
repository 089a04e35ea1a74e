import HoSoDomain
import Testing

@Suite("Reports on hostile figures and years: no trap, implausible figures left out")
struct ReportBoundsTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!

    /// Two units; the first holds the figures a careless (or older) `set-quota` stored.
    static func scope(members: Int, quota: Int = 5, sources: Int = 3, admissions: Int = 2) -> ReportScope {
        var organisation = ReportData.organisation(count: 2, members: 100, year: 2026, quotas: [4, 4])
        var unit = organisation.units["G01"]!
        unit.quota?.membersAtStartOfYear = [YearFigure(year: 2026, value: members)]
        unit.quota?.yearlyQuotas = [YearFigure(year: 2026, value: quota)]
        unit.quota?.supplements = [YearFigure(year: 2026, value: quota)]
        unit.quota?.termQuota = quota
        unit.quota?.reportedSources = sources
        unit.quota?.reportedAdmissions = [ReportedAdmissions(year: 2026, count: admissions)]
        organisation.units["G01"] = unit
        return ReportScope(organisation: organisation, cases: [], today: today)
    }

    @Test("Stored figures beyond any unit's size are unknown, not summed into an overflow", arguments: [Int.max, Int.min, 1_000_001, -1])
    func implausibleFigures(_ figure: Int) {
        let scope = Self.scope(members: figure, quota: figure, sources: figure, admissions: figure)
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2026))
        let first = rate.rows.first { $0.name == "Cơ sở 1" }
        #expect(first?.membersAtStartOfYear == nil)
        #expect(first?.quota == nil)
        #expect(first?.admitted == nil)
        #expect(rate.total.membersAtStartOfYear == 100)
        let quota = QuotaReport.make(scope: scope, year: 2026)
        let row = quota.groups.flatMap(\.rows).first { $0.unitID == "G01" }
        #expect(row?.yearlyQuota == nil)
        #expect(row?.termQuota == nil)
        #expect(row?.sources == nil)
        #expect(row?.supplementTotal == nil)
        #expect(row?.members == nil)
        #expect(quota.total.members == 100)
    }

    @Test("The largest accepted figures still add up")
    func largestAcceptedFigures() {
        let scope = Self.scope(members: UnitQuota.counts.upperBound, quota: UnitQuota.counts.upperBound)
        let rate = RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2026))
        #expect(rate.total.membersAtStartOfYear == 1_000_100)
        #expect(rate.total.quota == 1_000_004)
    }

    @Test("A report for a year the calendar cannot hold counts nothing and does not trap",
          arguments: [0, 1, -1, 10_000, 2_147_483_648, Int.max, Int.min])
    func yearsOutsideTheCalendar(_ year: Int) {
        let scope = Self.scope(members: 100)
        let quota = QuotaReport.make(scope: scope, year: year)
        #expect((1...9999).contains(quota.year))
        #expect(quota.total.admittedThisYear == nil)
        let period = ReportPeriod(span: .q1, year: year)
        #expect(period.start <= period.end)
        #expect(period.sameLastYear.year <= period.year)
        _ = RateReport.make(scope: scope, period: period)
        _ = PeriodReport.make(scope: scope, period: period)
    }

    @Test("The years a person may ask for are those the calendar and the holidays are made for")
    func acceptedYears() {
        #expect(ReportPeriod.years == 1900...2199)
        #expect(UnitQuota.counts == 0...1_000_000)
    }

    @Test("An imported table with a figure no unit reaches is refused, naming the line and the column",
          arguments: ["9223372036854775807", "99999999999999999999", "1.000.001"])
    func importedFigureTooLarge(_ figure: String) {
        let text = "TT\tĐơn vị\tTổng số đảng viên\n1\tPhường 1\t\(figure)\n"
        #expect(throws: QuotaTableError.self) { try QuotaTableParser.parse(text) }
        do {
            _ = try QuotaTableParser.parse(text)
        } catch {
            #expect(error.line == 2 && error.column == "Tổng số đảng viên")
            #expect(error.message.hasPrefix("\"\(figure)\""))
        }
    }
}
