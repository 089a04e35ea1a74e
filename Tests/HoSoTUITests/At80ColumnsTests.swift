import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// The last small things seen at 80×24 (issue 18): the board's help says there are more keys below, a large
/// class's certificates are named where they can be read.
@Suite struct At80ColumnsTests {
    /// With the units key (D/F12) the board's help had pushed "F5 Tải lại" and Ctrl-A below the fold at 80×24:
    /// the screen keys come first now, and only the moves "←↑↓→ Chọn" already names wait below.
    @Test func theBoardsHelpShowsReloadAndHomeAt80x24AndSaysTheMovesAreBelow() throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("?")], into: &state)
        var rows = AppView.render(state, width: 80, height: 24).rows
        #expect(rows.contains { $0.contains("F5/Ctrl-L  Tải lại dữ liệu") })
        #expect(rows.contains { $0.contains("Ctrl-A     Về bảng tiến độ") })
        #expect(rows.contains { $0.contains("D/F12      Đơn vị") })
        #expect(rows[20].contains("▼ còn 2 phím nữa (↓)"), "on the box's bottom edge: \(rows[20])")
        #expect(!rows.contains { $0.contains("↓/j") })
        AppFixtures.press([.down, .down], into: &state)
        rows = AppView.render(state, width: 80, height: 24).rows
        #expect(rows.contains { $0.contains("↓/j") && $0.contains("Xuống") })
        #expect(rows[3].contains("▲ còn ở trên (↑)"), "\(rows[3])")
        #expect(!rows[20].contains("▼"))
        // ↓ past the end does not pile up: one ↑ is back at the top.
        AppFixtures.press([.down, .down, .down, .up, .up], into: &state)
        rows = AppView.render(state, width: 80, height: 24).rows
        #expect(rows[20].contains("▼ còn 2 phím nữa (↓)") && !rows[3].contains("▲"), "\(rows[3])\n\(rows[20])")
    }

    @Test func aLongPickerSaysHowManyOptionsAreBelowAndAbove() throws {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .char("f")], into: &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("no picker"); return }
        var rows = AppView.render(state, width: 80, height: 24).rows
        func number(before suffix: String) -> Int? {
            guard let row = rows.first(where: { $0.contains(suffix) }), let end = row.range(of: suffix) else { return nil }
            return Int(row[..<end.lowerBound].split(separator: " ").last ?? "")
        }
        let below = try #require(number(before: " mục nữa"), "\(rows)")
        let lastShown = picker.options[picker.options.count - below - 1], firstHidden = picker.options[picker.options.count - below]
        #expect(rows.contains { $0.contains(lastShown) } && !rows.contains { $0.contains(firstHidden) }, "the count is right")
        AppFixtures.press([.end], into: &state)
        rows = AppView.render(state, width: 80, height: 24).rows
        let above = try #require(number(before: " mục ở trên"), "\(rows)")
        #expect(above == below && !rows.contains { $0.contains("mục nữa") })
    }

    @Test func aLargeClassesCertificatesAreCountedOnTheStatusLineAndNamedInAPopup() throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("c")], into: &state)
        let names = (1...12).map { String(format: "HS-%04d Học viên số %d", $0, $0) }
        _ = AppReducer.reduce(&state, .savedTogether(files: names, count: 12))
        let rows = AppView.render(state, width: 80, height: 24).rows
        #expect(rows[22] == " ✓ Đã ghi cho 12/12 hồ sơ — từng người trong cửa sổ" + String(repeating: " ", count: 29), "\(rows[22])")
        guard case .message(let message)? = state.modal else { Issue.record("no popup"); return }
        #expect(message.lines == ["Đã ghi cho 12/12 hồ sơ:"] + names.map { "• " + $0 })
        #expect(rows.contains { $0.contains("• HS-0012 Học viên số 12") }, "everyone fits at 80×24: \(rows)")
        // A small class is named on the status line, no popup.
        var small = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("c")], into: &small)
        _ = AppReducer.reduce(&small, .savedTogether(files: ["HS-0004 Phạm Thu Hà"], count: 1))
        #expect(small.modal == nil && small.status?.text == "Đã ghi cho 1/1 hồ sơ: HS-0004 Phạm Thu Hà")
    }
}
