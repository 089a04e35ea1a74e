import Foundation
import HoSoDomain
/// Where the parts of every screen go, shared by the views (to draw) and the reducer (to scroll
/// and to hit-test mouse clicks), so both always agree.
public enum ScreenLayout {
    /// The title bar.
    public static func titleRow(_ size: Size) -> Rect { Rect(row: 0, col: 0, width: size.width, height: 1) }
    /// The status line (and the search line while typing a search).
    public static func statusRow(_ size: Size) -> Rect { Rect(row: size.height - 2, col: 0, width: size.width, height: 1) }
    /// The key hints.
    public static func footerRow(_ size: Size) -> Rect { Rect(row: size.height - 1, col: 0, width: size.width, height: 1) }
    /// Between the title bar and the status line.
    public static func content(_ size: Size) -> Rect { Rect(row: 1, col: 0, width: size.width, height: size.height - 3) }

    /// The case table of the list (header row included).
    public static func listTable(_ size: Size) -> Rect {
        let content = content(size)
        return Rect(row: content.row + 1, col: 0, width: size.width, height: content.height - 1)
    }

    /// Data rows the list shows at once.
    public static func listVisibleRows(_ size: Size) -> Int { max(1, listTable(size).height - 1) }

    /// The tab bar of the detail.
    public static func detailTabs(_ size: Size) -> Rect { Rect(row: 3, col: 0, width: size.width, height: 1) }

    /// The body of the detail's current tab.
    public static func detailBody(_ size: Size) -> Rect {
        Rect(row: 4, col: 0, width: size.width, height: size.height - 6)
    }

    /// The board's five stage columns (header and items).
    public static func boardColumns(_ size: Size) -> [Rect] {
        let content = content(size)
        let area = Rect(row: content.row + 1, col: 0, width: size.width, height: 9)
        return area.splitColumns(Array(repeating: .flex(1), count: 5), gap: 1)
    }

    /// The row of `item` inside a board column: the header, a rule, up to four states, then the
    /// three counts on the same rows in every column so they read across.
    public static func boardItemRow(_ column: Rect, item: BoardItem, stage: Stage) -> Int {
        switch item {
        case .stage: column.row
        case .state(let state): column.row + 2 + (stage.states.firstIndex(of: state) ?? 0)
        case .overdue: column.row + 6
        case .dueSoon: column.row + 7
        case .noMentor: column.row + 8
        }
    }

    /// The content area of a popup that fills most of the screen (next step, forms).
    public static func popup(_ size: Size) -> Rect {
        let content = content(size)
        return content.centered(width: min(content.width - 2, 100), height: content.height)
    }
}
