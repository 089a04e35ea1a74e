import HoSoTUI
import HoSoTestSupport
import Testing

struct CoreTableTests {
    @Test(arguments: [
        (selected: 0, current: 0, expected: 0),
        (selected: 4, current: 0, expected: 0),
        (selected: 5, current: 0, expected: 1),
        (selected: 19, current: 0, expected: 15),
        (selected: 3, current: 10, expected: 3),
        (selected: 12, current: 10, expected: 10),
        (selected: 12, current: 40, expected: 12),
    ])
    func scrollingKeepsTheSelectionVisible(selected: Int, current: Int, expected: Int) {
        let offset = Table.scrollOffset(selected: selected, current: current, visibleRows: 5, rowCount: 20)
        #expect(offset == expected)
        #expect((offset..<offset + 5).contains(selected))
    }

    @Test func drawsHeaderRowsSelectionAndHits() {
        let rows = (1...10).map { ["Người \($0)", "Bước \($0)"] }
        let table = Table(columns: [TableColumn("Họ tên", width: .fixed(9)), TableColumn("Bước", width: .flex(1))],
                          rows: rows, selected: 6)
        var buffer = CellBuffer(width: 22, height: 5)
        let layout = table.draw(in: buffer.bounds, into: &buffer)
        // Rows above and below the window: marked at the header's right end.
        assertSnapshot(buffer, """
            Họ tên    │ Bước    ▲▼
            Người 4   │ Bước 4
            Người 5   │ Bước 5
            Người 6   │ Bước 6
            Người 7   │ Bước 7
            """)
        #expect(layout.offset == 3)
        #expect(layout.row(at: Position(row: 4, col: 15)) == 6)
        #expect(layout.row(at: Position(row: 0, col: 0)) == nil)
        #expect(buffer.styleMask.split(separator: "\n")[4].allSatisfy { $0 == "S" })
    }

    @Test func tabBarReturnsClickableRectangles() {
        var buffer = CellBuffer(width: 30, height: 1)
        let hits = TabBar.draw(["Hồ sơ", "Báo cáo"], selected: 1, in: buffer.bounds, into: &buffer)
        assertSnapshot(buffer, " Hồ sơ │ Báo cáo")
        #expect(TabBar.tab(at: Position(row: 0, col: 3), hits: hits) == 0)
        #expect(TabBar.tab(at: Position(row: 0, col: 10), hits: hits) == 1)
        #expect(TabBar.tab(at: Position(row: 0, col: 25), hits: hits) == nil)
    }

    @Test func aTabBarTooNarrowScrollsToTheSelectedTabAndMarksWhatIsHidden() {
        let titles = ["Một", "Hai", "Ba", "Bốn", "Năm"]
        var first = CellBuffer(width: 20, height: 1)
        let firstHits = TabBar.draw(titles, selected: 0, in: first.bounds, into: &first)
        assertSnapshot(first, " Một │ Hai │ Ba │  ▶")
        #expect(firstHits[3].width == 0 && firstHits[4].width == 0)
        var last = CellBuffer(width: 20, height: 1)
        let lastHits = TabBar.draw(titles, selected: 4, in: last.bounds, into: &last)
        assertSnapshot(last, "◀ Ba │ Bốn │ Năm")
        #expect(lastHits[0].width == 0 && lastHits[1].width == 0)
        #expect(TabBar.tab(at: Position(row: 0, col: 15), hits: lastHits) == 4)
        var middle = CellBuffer(width: 20, height: 1)
        TabBar.draw(titles, selected: 3, in: middle.bounds, into: &middle)
        assertSnapshot(middle, "◀ Hai │ Ba │ Bốn │ ▶")
    }

    @Test func modalIsCentredWithItsTitle() {
        var buffer = CellBuffer(width: 20, height: 7)
        ConfirmDialog(title: "Xóa?", message: ["Xóa hồ sơ"], confirmLabel: "Xóa").draw(in: buffer.bounds, into: &buffer)
        assertSnapshot(buffer, """
            ┌─ Xóa? ───────────┐
            │                  │
            │ Xóa hồ sơ        │
            │                  │
            │ [ Hủy ]   [ Xóa ]│
            │                  │
            └──────────────────┘
            """)
        #expect(buffer[4, 3].style == .selected, "the safe choice has the focus")
        #expect(buffer[4, 13].style == .normal)
    }
}
