/// A row of tabs; drawing returns each tab's rectangle so a mouse click can select it.
public enum TabBar {
    /// Draws `titles` on `rect`'s first row with `selected` highlighted; returns one hit rectangle
    /// per title (empty for tabs pushed off the edge).
    @discardableResult
    public static func draw(_ titles: [String], selected: Int, in rect: Rect,
                            into buffer: inout CellBuffer) -> [Rect] {
        guard !rect.isEmpty else { return titles.map { _ in Rect(row: rect.row, col: rect.col, width: 0, height: 0) } }
        buffer.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: .normal)
        var col = rect.col
        var hits: [Rect] = []
        for (index, title) in titles.enumerated() {
            let label = " \(title) "
            let used = buffer.put(label, at: rect.row, col: col, style: index == selected ? .selected : .muted,
                                  maxColumns: rect.right - col)
            hits.append(Rect(row: rect.row, col: col, width: used, height: used > 0 ? 1 : 0))
            col += used
            if col < rect.right {
                col += buffer.put("│", at: rect.row, col: col, style: .border)
            }
        }
        return hits
    }

    /// The tab under `position`, given the rectangles `draw` returned.
    public static func tab(at position: Position, hits: [Rect]) -> Int? {
        hits.firstIndex { $0.contains(position) }
    }
}
