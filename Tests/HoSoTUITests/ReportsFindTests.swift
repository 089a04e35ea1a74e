import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 18 item 13: `/` on the reports screen finds a unit's row, as on the other list-like screens.
@Suite struct ReportsFindTests {
    func reports(_ state: AppState) -> ReportsState? {
        if case .reports(let reports) = state.screen { return reports }
        return nil
    }

    @Test func slashFindsAUnitsRowWithoutDiacriticsAndEscGoesBack() throws {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 80, height: 24), .char("r"), .char("3")], into: &state)
        let lines = try #require(reports(state)).lines
        // The row of the ward's party unit in the table of units, far below the first screenful.
        let unit = "Đảng bộ cơ sở phường Xuân Hòa"
        let target = try #require(lines.firstIndex { $0.hasPrefix(unit) })
        try #require(target > 19, "the row is off the first screen: \(target)")
        AppFixtures.press([.char("/")], into: &state)
        AppFixtures.type("dang bo co so", into: &state)
        #expect(reports(state)?.scroll == target)
        let screen = AppView.render(state, width: 80, height: 24).rows
        #expect(screen.contains { $0.hasPrefix(" " + unit) }, "the row is on the screen: \(screen)")
        #expect(screen[22].hasPrefix(" Tìm: "), "the find line: \(screen[22])")
        AppFixtures.press([.enter], into: &state)
        #expect(state.find == nil && reports(state)?.scroll == target, "Enter keeps the place")
        AppFixtures.press([.char("/")], into: &state)
        AppFixtures.type("khong co don vi nay", into: &state)
        #expect(state.status?.text == "Không có mục nào khớp \"khong co don vi nay\".")
        AppFixtures.press([.escape], into: &state)
        #expect(reports(state)?.scroll == target, "Esc goes back to where it was")
        #expect(KeyMaps.reports.helpEntries().contains { $0.key == "/" }, "the help says so")
    }
}
