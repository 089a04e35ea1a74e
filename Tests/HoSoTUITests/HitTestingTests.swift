import Foundation
import Testing
import HoSoDomain
import HoSoTestSupport
@testable import HoSoTUI

/// Issue 18, "the way the TUI is built": where a click lands is computed before drawing (a layout the
/// view draws and the hit-test reads), so a click never draws. Each layout is held to what is drawn.
@Suite struct HitTestingTests {
    /// The text drawn in `rect` (its first row), one character per column.
    func text(_ buffer: CellBuffer, _ rect: Rect) -> String {
        let row = Array(buffer.rows[rect.row])
        return String(row[rect.col..<min(row.count, rect.col + rect.width)])
    }

    @Test func theTabsAreWhereTheLayoutSaysAtEveryWidth() {
        let titles = DetailLayout.titles
        // From 30 columns: below that a selected tab wider than the bar is cut (the app needs 80).
        for width in stride(from: 30, through: 140, by: 7) {
            for selected in titles.indices {
                let rect = Rect(row: 0, col: 0, width: width, height: 1)
                var buffer = CellBuffer(width: width, height: 1)
                let drawn = TabBar.draw(titles, selected: selected, in: rect, into: &buffer)
                let layout = TabBar.layout(titles, selected: selected, in: rect)
                #expect(drawn == layout.hits)
                #expect(layout.hits[selected].width > 0, "the selected tab always shows (width \(width))")
                for (index, hit) in layout.hits.enumerated() where hit.width > 0 {
                    let label = " \(titles[index]) "
                    let shown = text(buffer, hit)
                    #expect(shown == label || (index == selected && shown.hasSuffix("…")),
                            "width \(width), tab \(index): \(shown)")
                }
            }
        }
    }

    @Test func theTablesRowsAreWhereTheLayoutSays() {
        let rows = (1...30).map { ["HS-\($0)", "Người \($0)"] }
        let table = Table(columns: [TableColumn("Mã", width: .fixed(8)), TableColumn("Họ và tên", width: .flex(1))],
                          rows: rows, selected: 25)
        let rect = Rect(row: 2, col: 0, width: 40, height: 10)
        var buffer = CellBuffer(width: 40, height: 14)
        let drawn = table.draw(in: rect, into: &buffer)
        #expect(drawn == table.layout(in: rect))
        #expect(drawn.rowHits.map(\.index) == Array(17...25), "scrolled to keep the selection in view")
        for hit in drawn.rowHits { #expect(text(buffer, hit.rect).hasPrefix(rows[hit.index][0])) }
    }

    @Test func aQuestionsButtonsAreWhereTheHitsSay() {
        let dialog = ConfirmDialog(title: "Bỏ thay đổi?", message: ["Những gì đã gõ sẽ mất."], confirmLabel: "Bỏ thay đổi")
        for width in [30, 50, 80] {
            let area = Rect(row: 1, col: 0, width: width, height: 20)
            var buffer = CellBuffer(width: width, height: 22)
            let drawn = dialog.draw(in: area, into: &buffer)
            let hits = dialog.hits(in: area)
            #expect(drawn == hits)
            #expect("[ Hủy ]".hasPrefix(text(buffer, hits.cancel)) && hits.cancel.width > 0, "width \(width)")
            #expect("[ Bỏ thay đổi ]".hasPrefix(text(buffer, hits.confirm).replacingOccurrences(of: "…", with: "")),
                    "width \(width): \(text(buffer, hits.confirm))")
        }
    }

    @Test func aMessagesOKButtonIsWhereTheLayoutSays() {
        let message = MessageState(title: "Lỗi", lines: ["Không lưu được: ổ đĩa đầy.", "✗ Thử lại sau khi dọn chỗ."])
        let size = Size(width: 80, height: 24)
        var buffer = CellBuffer(width: size.width, height: size.height)
        let drawn = ModalView.drawMessage(message, in: ScreenLayout.content(size), into: &buffer)
        #expect(drawn == ModalView.messageOKHit(message, size: size))
        #expect(text(buffer, drawn) == "[ OK ]")
    }
}
