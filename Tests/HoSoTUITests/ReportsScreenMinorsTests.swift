import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 17's last items on the reports screen: a click on a report's tab chooses it, and the block layout of
/// a narrow screen says "không có số liệu" for a figure the data does not give.
@Suite struct ReportsScreenMinorsTests {
    @Test("A click on each tab shows its report; a click beside the tabs changes nothing",
          arguments: [("1 Chỉ tiêu", ReportKind.quota), ("2 Tỷ lệ kết nạp", .rate), ("3 Báo cáo định kỳ", .period),
                      ("4 Tình hình hồ sơ", .pipeline)])
    func aClickOnATabChoosesIt(title: String, kind: ReportKind) throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("r"), .char(kind == .quota ? "2" : "1")], into: &state)
        let tabs = AppView.render(state, width: 80, height: 24).rows[1]
        let column = try #require(tabs.range(of: title)).lowerBound
        let col = tabs.distance(from: tabs.startIndex, to: column) + 2
        AppFixtures.press([.mouse(MouseEvent(row: 1, col: col, kind: .leftClick))], into: &state)
        guard case .reports(let reports) = state.screen else { Issue.record("left the reports screen"); return }
        #expect(reports.kind == kind)
        #expect(reports.scroll == 0)
        let before = reports.kind
        AppFixtures.press([.mouse(MouseEvent(row: 1, col: 79, kind: .leftClick))], into: &state)
        guard case .reports(let after) = state.screen else { Issue.record("left the reports screen"); return }
        #expect(after.kind == before)
    }

    @Test func anEmptyFigureOfTheBlockLayoutSaysThereIsNoDataAnEmptyTextStaysEmpty() {
        let table = ReportTable(title: "Bảng", columns: ["TT", "Đơn vị", "Chỉ tiêu", "Đã kết nạp", "Cảnh báo"],
                                rows: [["1", "Chi bộ Khu phố 3", "", "2", ""]], numericColumns: [0, 2, 3])
        let document = ReportDocument(title: "Thử", unitName: "Chi bộ Khu phố 3", periodLabel: "Năm 2026",
                                      date: Fixtures.date("2026-11-23"), tables: [table])
        let text = ReportTextRenderer.render(document, width: 30, recordsWhenTooWide: true)
        #expect(text.contains("1. Chi bộ Khu phố 3\n  Chỉ tiêu    không có số liệu\n  Đã kết nạp  2\n  Cảnh báo\n"), "\(text)")
        #expect(ReportTextRenderer.render(document).contains("không có số liệu") == false, "a table keeps its blank cell")
    }
}
