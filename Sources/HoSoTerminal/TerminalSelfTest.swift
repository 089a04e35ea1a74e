import Foundation
import HoSoTUI
#if canImport(Glibc)
import Glibc
#endif

/// A small screen that exercises the driver: Vietnamese text (NFC and NFD), a table with CJK,
/// the last key, a text field and the size. The end-to-end tests drive it in tmux.
struct TerminalSelfTestApp: TerminalApp {
    private var lastKey = "—"
    private var size = Size(width: 0, height: 0)
    private var ticks = 0
    private var typed = TextField("", maxLength: 40, visibleWidth: 30)
    private var table = Table(
        columns: [TableColumn("Họ và tên", width: .fixed(24)), TableColumn("Giai đoạn", width: .flex(1)),
                  TableColumn("Ngày", width: .fixed(10), alignment: .trailing)],
        rows: [
            ["Nguyễn Thị Lệ", "Tiếp nhận", "01/07/2025"],
            ["Nguye\u{302}\u{303}n Thi\u{323} Le\u{323}\u{302}", "Xác minh lý lịch", "15/07/2025"],
            ["Trần Văn Đức 陳文德", "Học lớp bồi dưỡng", "02/08/2025"],
            ["Phạm Thị Hương Giang Nguyễn Hoàng", "Chờ chi bộ xét", "20/08/2025"],
        ],
        selected: 0)

    static let keyMap = KeyMap<String>([
        KeyBinding([.up, .down], "Chọn dòng", action: "move", label: "↑/↓"),
        KeyBinding([.function(5)], "Làm mới", action: "redraw"),
        KeyBinding([.char("q"), .ctrl("c")], "Thoát", action: "quit", label: "q/Ctrl-C"),
    ])

    mutating func handle(_ key: Key) -> [AppCommand] {
        if case .resize(let width, let height) = key {
            size = Size(width: width, height: height)
            lastKey = "Đổi cỡ \(width)×\(height)"
            return []
        }
        lastKey = key.displayName
        switch Self.keyMap.action(for: key) {
        case "quit": return [.quit]
        case "redraw": return [.redraw]
        case "move":
            let step = key == .down ? 1 : -1
            table.selected = min(max(0, (table.selected ?? 0) + step), table.rows.count - 1)
            return []
        default:
            typed.handle(key)
            return []
        }
    }

    mutating func tick() -> [AppCommand] {
        ticks += 1
        return []
    }

    func render(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let screen = buffer.bounds
        buffer.box(screen, title: "HoSo — kiểm tra terminal")
        let inner = screen.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put("Tiếng Việt: Nguyễn Thị Lệ — Chi bộ khu phố 3, lớp bồi dưỡng nhận thức về Đảng",
                   at: inner.row, col: inner.col, maxColumns: inner.width)
        table.draw(in: Rect(row: inner.row + 2, col: inner.col, width: inner.width, height: 5), into: &buffer)
        buffer.put("Phím: \(lastKey)", at: inner.row + 8, col: inner.col, style: .warning, maxColumns: inner.width)
        buffer.put("Kích thước: \(size.width)×\(size.height)", at: inner.row + 9, col: inner.col,
                   maxColumns: inner.width)
        buffer.put("Đã gõ:", at: inner.row + 10, col: inner.col)
        typed.draw(in: Rect(row: inner.row + 10, col: inner.col + 7, width: 30, height: 1), into: &buffer,
                   focused: true)
        FooterBar.draw(Self.keyMap.footerHints(),
                       in: Rect(row: screen.bottom - 1, col: 1, width: width - 2, height: 1), into: &buffer)
        return buffer
    }
}

/// Runs the terminal self-test screen until `q` or Ctrl-C. Call from the main thread
/// (`hoso _terminal-selftest`); exits the process with 128 + n after a stop signal.
public func runTerminalSelfTest() throws {
    let reason = try MainActor.assumeIsolated {
        var app = TerminalSelfTestApp()
        return try TerminalDriver().run(&app)
    }
    if case .signal(let number) = reason { exit(128 + number) }
}
