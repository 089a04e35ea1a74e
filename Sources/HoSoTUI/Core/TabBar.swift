/// A row of tabs. Where each tab goes is computed before drawing (`layout`): the view draws that layout and
/// a mouse click is tested against the same one, so hit-testing never draws.
public enum TabBar {
    /// Marks a side where tabs are hidden; the bar scrolls so the selected tab is always whole.
    static let moreBefore = "◀"
    static let moreAfter = "▶"

    /// Where the tabs of a bar go.
    public struct Layout: Equatable, Sendable {
        /// One rectangle per title (empty for tabs scrolled out of view).
        public var hits: [Rect]
        /// Where ◀ and ▶ go, when tabs are hidden on that side.
        public var before: Position?
        public var after: Position?
        /// The bar drawn between two tabs, after a tab.
        public var separators: [Position] = []
    }

    /// The layout of `titles` on `rect`'s first row with `selected` current. When the titles do not all fit,
    /// the bar starts at the first tab that keeps `selected` whole, and ◀ / ▶ say that tabs are hidden on
    /// that side.
    public static func layout(_ titles: [String], selected: Int, in rect: Rect) -> Layout {
        var layout = Layout(hits: titles.map { _ in Rect(row: rect.row, col: rect.col, width: 0, height: 0) })
        guard !rect.isEmpty else { return layout }
        let labels = titles.map { " \($0) " }
        let first = firstShown(labels, selected: selected, width: rect.width)
        var col = rect.col
        // Each label starts with a space, which parts the mark from it.
        if first > 0 {
            layout.before = Position(row: rect.row, col: col)
            col += CellWidth.of(moreBefore)
        }
        for index in labels.indices.dropFirst(first) {
            let followed = index + 1 < labels.count
            let room = rect.right - col - (followed ? CellWidth.of(" " + moreAfter) : 0)
            // Whole tabs only (a cut "5 Kết…" reads as a tab that is not there); the selected one always.
            if CellWidth.of(labels[index]) > room, index != selected {
                layout.after = Position(row: rect.row, col: rect.right - CellWidth.of(moreAfter))
                break
            }
            // As the buffer puts it: whole, or cut to the end of the row.
            let used = max(0, min(CellWidth.of(labels[index]), rect.right - col))
            layout.hits[index] = Rect(row: rect.row, col: col, width: used, height: used > 0 ? 1 : 0)
            col += used
            if col < rect.right, followed {
                layout.separators.append(Position(row: rect.row, col: col))
                col += 1
            }
        }
        return layout
    }

    /// Draws `titles` as `layout` places them, `selected` highlighted; returns the tabs' rectangles.
    @discardableResult
    public static func draw(_ titles: [String], selected: Int, in rect: Rect, into buffer: inout CellBuffer) -> [Rect] {
        let layout = layout(titles, selected: selected, in: rect)
        guard !rect.isEmpty else { return layout.hits }
        buffer.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: .normal)
        if let before = layout.before { buffer.put(moreBefore, at: before.row, col: before.col, style: .muted) }
        for (index, hit) in layout.hits.enumerated() where hit.width > 0 {
            buffer.put(" \(titles[index]) ", at: hit.row, col: hit.col, style: index == selected ? .selected : .muted,
                       maxColumns: hit.width)
        }
        for separator in layout.separators { buffer.put("│", at: separator.row, col: separator.col, style: .border) }
        if let after = layout.after { buffer.put(moreAfter, at: after.row, col: after.col, style: .muted) }
        return layout.hits
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

    /// The tab under `position`, given the tabs' rectangles (`layout(…).hits`).
    public static func tab(at position: Position, hits: [Rect]) -> Int? {
        hits.firstIndex { $0.width > 0 && $0.contains(position) }
    }
}
