import Foundation
import HoSoTUI
import HoSoTestSupport
import Testing

private let nfc = "Nguy\u{1EC5}n Th\u{1ECB} L\u{1EC7}"
private let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Le\u{323}\u{302}"

struct CoreCellBufferTests {
    @Test(arguments: [nfc, nfd])
    func vietnameseTakesOneColumnPerLetter(_ name: String) {
        #expect(CellBuffer.columns(of: name) == 13)
        var buffer = CellBuffer(width: 20, height: 1)
        #expect(buffer.put(name, at: 0, col: 2) == 13)
        #expect(buffer.rows[0].precomposedStringWithCanonicalMapping == "  Nguyễn Thị Lệ     ")
    }

    @Test func everyRowIsExactlyTheWidthWithMixedScripts() {
        var buffer = CellBuffer(width: 12, height: 4)
        buffer.put("漢字かな한글", at: 0, col: 0)
        buffer.put(nfd + " 陳文德", at: 1, col: 1)
        buffer.put("a漢", at: 2, col: 10)
        buffer.put("👍 ok", at: 3, col: 0)
        for row in buffer.rows { #expect(CellBuffer.columns(of: row) == 12, "\(row)") }
        assertSnapshot(buffer, """
            漢字かな한글
             Nguyễn Thị…
                      a…
            👍 ok
            """)
    }

    @Test func truncationUsesEllipsisAndNeverSplitsAWideCharacter() {
        var buffer = CellBuffer(width: 10, height: 3)
        #expect(buffer.put("Phạm Thị Hương", at: 0, col: 0, maxColumns: 8) == 8)
        buffer.put("漢字漢字漢字", at: 1, col: 0, maxColumns: 6)
        buffer.put("漢字漢字", at: 2, col: 0, maxColumns: 4)
        assertSnapshot(buffer, """
            Phạm Th…
            漢字…
            漢…
            """)
        #expect(buffer[1, 5].grapheme == " ", "the hole left by a wide character is a space")
        #expect(buffer[2, 3].grapheme == " ")
    }

    @Test func escapeSequencesAreNeutralised() {
        var buffer = CellBuffer(width: 30, height: 1)
        buffer.put("A\u{1B}[2J\u{1B}]0;x\u{07}B\r\n\u{9B}C\u{202E}D", at: 0, col: 0)
        let row = buffer.rows[0]
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!row.unicodeScalars.contains { $0.value == 0x202E })
        #expect(row.hasPrefix("A�[2J�]0;x�B���C�D"))
    }

    @Test func overwritingHalfAWideCharacterKeepsTheRowAligned() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("漢字漢", at: 0, col: 0)
        buffer.put("x", at: 0, col: 1)
        buffer.put("y", at: 0, col: 2)
        #expect(buffer.rows[0] == " xy 漢")
        #expect(CellBuffer.columns(of: buffer.rows[0]) == 6)
    }

    @Test func boxesLinesAndStyleMask() {
        var buffer = CellBuffer(width: 12, height: 4)
        buffer.box(buffer.bounds, title: "Hồ sơ")
        buffer.put("Lỗi", at: 1, col: 1, style: .error)
        buffer.put("ok", at: 2, col: 1, style: .selected)
        assertSnapshot(buffer, """
            ┌─ Hồ sơ ──┐
            │Lỗi       │
            │ok        │
            └──────────┘
            """)
        assertStyleMask(buffer, """
            bbTTTTTTTbbb
            bEEE.......b
            bSS........b
            bbbbbbbbbbbb
            """)
    }

    @Test func layoutSplitsAddUp() {
        let screen = Rect(row: 0, col: 0, width: 80, height: 24)
        let bands = screen.splitRows([.fixed(1), .flex(1), .fixed(1), .fixed(1)])
        #expect(bands.map(\.height) == [1, 21, 1, 1])
        #expect(bands.map(\.row) == [0, 1, 22, 23])
        let columns = screen.splitColumns([.fixed(20), .flex(2), .flex(1)], gap: 1)
        #expect(columns.map(\.width) == [20, 38, 20])
        #expect(columns.last?.right == 80)
        #expect(screen.centered(width: 40, height: 10) == Rect(row: 7, col: 20, width: 40, height: 10))
    }

    @Test func tooSmallScreenShowsTheMessage() {
        #expect(TooSmallScreen.isTooSmall(Size(width: 79, height: 24)))
        #expect(!TooSmallScreen.isTooSmall(Size(width: 80, height: 24)))
        let buffer = TooSmallScreen.render(size: Size(width: 60, height: 20))
        #expect(buffer.text.contains("Cửa sổ quá nhỏ — cần ít nhất 80×24"))
        #expect(buffer.text.contains("Hiện tại: 60×20"))
    }
}

