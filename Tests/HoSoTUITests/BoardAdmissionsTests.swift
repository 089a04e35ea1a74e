import Foundation
import HoSoDomain
import HoSoTestSupport
import HoSoTUI
import Testing

@Suite("The board's admissions are the reports' (issue 17)")
struct BoardAdmissionsTests {
    @Test("On the seed's imported table the board shows 68 to 30/6/2021 against the district's 185, not 0/188")
    func seedFigures() throws {
        let organisation = try SeedDistrict.organisation()
        let today = Fixtures.date("2021-07-15")
        let state = AppState(data: AppData(cases: [], revisions: [:], organisation: organisation, today: today, actor: "Ban tổ chức"))
        let summary = BoardView.admissions(state)
        let report = RateReport.make(
            scope: ReportScope(organisation: organisation, cases: [], today: today), period: ReportPeriod(span: .year, year: 2021))
        #expect(summary.admitted.value == report.total.admitted && summary.admitted.value == 68)
        #expect(summary.quota == 185 && summary.members == report.total.membersAtStartOfYear)
        let screen = AppView.render(state, width: 100, height: 30).text
        #expect(screen.contains(" Kết nạp năm 2021 (tính đến 30/6/2021): 68 · chỉ tiêu 185 · đạt 37 %"), "\(screen)")
        #expect(screen.contains(" Mục tiêu 3–4 % của 6234 đảng viên đầu năm: 188–250 người"), "\(screen)")
    }
}
