/// A row of tabs; drawing returns each tab's rectangle so a mouse click can select it.
public enum TabBar {
    /// Marks a side where tabs are hidden; the bar scrolls so the selected tab is always whole.
    static let moreBefore = "◀"
    static let moreAfter = "▶"

    /// Draws `titles` on `rect`'s first row with `selected` highlighted; returns one hit rectangle
    /// per title (empty for tabs scrolled out of view). When the titles do not all fit, the bar starts at
    /// the first tab that keeps `selected` whole, and ◀ / ▶ say that tabs are hidden on that side.
    @discardableResult
    public static func draw(_ titles: [String], selected: Int, in rect: Rect,
                            into buffer: inout CellBuffer) -> [Rect] {
        var hits = titles.map { _ in Rect(row: rect.row, col: rect.col, width: 0, height: 0) }
        guard !rect.isEmpty else { return hits }
        buffer.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: .normal)
        let labels = titles.map { " \($0) " }
        let first = firstShown(labels, selected: selected, width: rect.width)
        var col = rect.col
        // Each label starts with a space, which parts the mark from it.
        if first > 0 { col += buffer.put(moreBefore, at: rect.row, col: col, style: .muted) }
        for index in labels.indices.dropFirst(first) {
            let followed = index + 1 < labels.count
            let room = rect.right - col - (followed ? CellWidth.of(" " + moreAfter) : 0)
            // Whole tabs only (a cut "5 Kết…" reads as a tab that is not there); the selected one always.
            if CellWidth.of(labels[index]) > room, index != selected {
                buffer.put(moreAfter, at: rect.row, col: rect.right - CellWidth.of(moreAfter), style: .muted)
                break
            }
            let used = buffer.put(labels[index], at: rect.row, col: col, style: index == selected ? .selected : .muted,
                                  maxColumns: rect.right - col)
            hits[index] = Rect(row: rect.row, col: col, width: used, height: used > 0 ? 1 : 0)
            col += used
            if col < rect.right, index + 1 < labels.count {
                col += buffer.put("│", at: rect.row, col: col, style: .border)
            }
        }
        return hits
    }

    /// The first tab shown: 0 when the tabs up to `selected` fit, else the first that leaves room for the
    /// ◀ mark, every tab up to `selected`, and the ▶ mark when tabs follow.
    static func firstShown(_ labels: [String], selected: Int, width: Int) -> Int {
        guard labels.indices.contains(selected) else { return 0 }
        let after = selected + 1 < labels.count ? CellWidth.of(" " + moreAfter) : 0
        func span(_ first: Int) -> Int {
            // Each label and the bar after it, the ◀ mark before a scrolled bar.
            labels[first...selected].reduce(0) { $0 + CellWidth.of($1) + 1 } - 1
                + (first > 0 ? CellWidth.of(moreBefore) : 0)
        }
        var first = 0
        while first < selected, span(first) + after > width { first += 1 }
        return first
    }

    /// The tab under `position`, given the rectangles `draw` returned.
    public static func tab(at position: Position, hits: [Rect]) -> Int? {
        hits.firstIndex { $0.width > 0 && $0.contains(position) }
    }
}
