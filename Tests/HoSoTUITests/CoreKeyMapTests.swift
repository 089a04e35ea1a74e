import HoSoTUI
import HoSoTestSupport
import Testing

struct CoreKeyMapTests {
    enum Action: Hashable, Sendable { case up, down, open, back, search, help, quit, refresh, delete }

    let keyMap = KeyMap<Action>([
        KeyBinding([.up, .char("k")], "Lên", action: .up),
        KeyBinding([.down, .char("j")], "Xuống", action: .down),
        KeyBinding([.enter], "Mở hồ sơ", action: .open),
        KeyBinding([.escape], "Quay lại", action: .back),
        KeyBinding([.char("/"), .ctrl("f")], "Tìm kiếm", action: .search),
        KeyBinding([.char("?"), .function(1)], "Trợ giúp", action: .help, inFooter: false),
        KeyBinding([.function(5)], "Làm mới", action: .refresh, inFooter: false),
        KeyBinding([.char("d"), .delete], "Xóa hồ sơ", action: .delete, inFooter: false),
        KeyBinding([.char("q"), .function(10)], "Thoát", action: .quit),
    ])

    @Test func dispatchesEveryKeyOfABinding() {
        #expect(keyMap.action(for: .char("j")) == .down)
        #expect(keyMap.action(for: .down) == .down)
        #expect(keyMap.action(for: .function(10)) == .quit)
        #expect(keyMap.action(for: .char("x")) == nil)
    }

    @Test func everyLetterCommandHasANonLetterAlternative() {
        #expect(keyMap.bindingsWithoutNonLetterKey.isEmpty)
        let telexTrap = KeyMap<Action>([KeyBinding([.char("s")], "Lưu", action: .open)])
        #expect(telexTrap.bindingsWithoutNonLetterKey.count == 1)
    }

    @Test func footerShowsTheFooterBindingsThenMore() {
        let hints = keyMap.footerHints(limit: 4)
        #expect(hints.map(\.key) == ["↑/k", "↓/j", "Enter", "Esc", "?"])
        #expect(hints.last?.description == "thêm")
        var buffer = CellBuffer(width: 62, height: 1)
        FooterBar.draw(hints, in: buffer.bounds, into: &buffer)
        assertSnapshot(buffer, " ↑/k Lên · ↓/j Xuống · Enter Mở hồ sơ · Esc Quay lại · ? thêm")
        var narrow = CellBuffer(width: 30, height: 1)
        FooterBar.draw(hints, in: narrow.bounds, into: &narrow)
        assertSnapshot(narrow, " ↑/k Lên · ↓/j Xuống · ? thêm")
    }

    @Test func helpListsEveryKeyAndFiltersIgnoringDiacritics() {
        #expect(keyMap.helpEntries().count == 9)
        #expect(keyMap.helpEntries(matching: "xoa").map(\.description) == ["Xóa hồ sơ"])
        #expect(keyMap.helpEntries(matching: "HỒ SƠ").map(\.description) == ["Mở hồ sơ", "Xóa hồ sơ"])
        #expect(keyMap.helpEntries(matching: "F5").map(\.description) == ["Làm mới"])
    }

    @Test func helpOverlayFiltersAsYouTypeAndCloses() {
        var overlay = HelpOverlay()
        for character in "tim" {
            let kept = overlay.handle(.char(character))
            #expect(kept)
        }
        var buffer = CellBuffer(width: 40, height: 8)
        overlay.draw(keyMap, in: buffer.bounds, into: &buffer)
        #expect(buffer.text.contains("Lọc: tim"))
        #expect(buffer.text.contains("Tìm kiếm"))
        #expect(!buffer.text.contains("Thoát"))
        do { let result = overlay.handle(.escape); #expect(!result) }
    }
}
