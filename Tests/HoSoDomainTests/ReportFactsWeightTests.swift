import Foundation
import HoSoDomain
import Testing

/// Facts that stand for several files (a server's count, `ReportFacts.files`) count as that many files in
/// every figure of the quota and period reports.
@Suite("Facts counted with their number of files")
struct ReportFactsWeightTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test("Every file's facts twice, or once with files = 2: the same quota and period reports, mean ages included")
    func weightsCountAsFiles() {
        let demo = DemoOrganisation.generate(caseCount: 150, seed: 11, today: Self.today)
        let facts = demo.cases.map(ReportFacts.init)
        let twice = facts.flatMap { [$0, $0] }
        let weighted = facts.map { fact in
            var doubled = fact
            doubled.files = 2
            return doubled
        }
        let organisation = Organisation(units: demo.units, members: demo.members)
        func scope(_ facts: [ReportFacts]) -> ReportScope { ReportScope(organisation: organisation, facts: facts, today: Self.today) }
        #expect(QuotaReport.make(scope: scope(weighted), year: 2026) == QuotaReport.make(scope: scope(twice), year: 2026))
        for span in ReportPeriod.Span.allCases {
            let period = ReportPeriod(span: span, year: 2026)
            #expect(PeriodReport.make(scope: scope(weighted), period: period) == PeriodReport.make(scope: scope(twice), period: period), "\(span)")
        }
        let doubledReport = PeriodReport.make(scope: scope(weighted), period: ReportPeriod(span: .year, year: 2026))
        let single = PeriodReport.make(scope: scope(facts), period: ReportPeriod(span: .year, year: 2026))
        #expect(single.newMembers > 0 && doubledReport.newMembers == 2 * single.newMembers)
        #expect(doubledReport.meanAge == single.meanAge, "a mean is the same over every file counted twice")
    }
}
