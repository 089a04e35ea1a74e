import HoSoDomain

/// A column of a table.
public struct TableColumn: Hashable, Sendable {
    /// Which side of the column the text hugs.
    public enum Alignment: Hashable, Sendable { case leading, trailing }

    public var title: String
    public var width: Length
    public var alignment: Alignment
    /// A sign after the title (the sort's ▲) that stays whole when a narrow column cuts the title.
    public var mark: String?

    /// A column titled `title` taking `width` of the table.
    public init(_ title: String, width: Length, alignment: Alignment = .leading, mark: String? = nil) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.mark = mark
    }

    /// The title as drawn in `columns` cells: cut with "…" before its mark, never the mark.
    func heading(inColumns columns: Int) -> String {
        guard let mark else { return title }
        let room = columns - CellWidth.of(" " + mark)
        guard room > 0 else { return mark }
        return DisplayWidth.truncated(title, toColumns: room) + " " + mark
    }
}

/// A table with a header, one selected row and vertical scrolling that keeps the selection visible.
public struct Table: Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// The highlighted row, or `nil`.
    public var selected: Int?
    /// The first row shown; kept as state so scrolling does not jump back on every redraw.
    public var offset: Int
    /// A style for some cells of rows that are not selected (a warning mark), by row then column; the
    /// selected row is drawn in the selection's style throughout.
    public var emphasis: [[Style?]]

    /// A table of `rows` under `columns`.
    public init(columns: [TableColumn], rows: [[String]], selected: Int? = nil, offset: Int = 0, emphasis: [[Style?]] = []) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.emphasis = emphasis
    }

    /// The first visible row for a window of `visibleRows`: unchanged when the selection is already
    /// in view, otherwise the smallest move that brings it in; never past the last page.
    public static func scrollOffset(selected: Int?, current: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = min(max(0, current), max(0, rowCount - visibleRows))
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return max(0, offset)
    }

    /// Where the rows were drawn: the offset used and one rectangle per visible row.
    public struct Layout: Hashable, Sendable {
        public var offset: Int
        /// Row index in `rows` and the screen rectangle it occupies.
        public var rowHits: [RowHit]

        /// The data row under `position`, if any.
        public func row(at position: Position) -> Int? {
            rowHits.first { $0.rect.contains(position) }?.index
        }
    }

    /// A visible row and where it is on screen.
    public struct RowHit: Hashable, Sendable {
        public var index: Int
        public var rect: Rect
    }

    /// Cells between columns: a space, a bar, a space.
    static let separator = " │ "

    /// The width of each column in `rect`, as `draw` lays them out (to fit a cell's text before drawing).
    public func columnWidths(in rect: Rect) -> [Int] {
        rect.splitColumns(columns.map(\.width), gap: CellWidth.of(Self.separator)).map(\.width)
    }

    /// Where the rows go in `rect` (the header on its first row): computed before drawing, so a click is
    /// tested against what `draw` draws without drawing.
    public func layout(in rect: Rect) -> Layout {
        guard !rect.isEmpty else { return Layout(offset: 0, rowHits: []) }
        let visibleRows = rect.height - 1
        let first = Self.scrollOffset(selected: selected, current: offset, visibleRows: visibleRows, rowCount: rows.count)
        let shown = first..<min(rows.count, first + max(0, visibleRows))
        return Layout(offset: first, rowHits: shown.map { index in
            RowHit(index: index, rect: Rect(row: rect.row + 1 + index - first, col: rect.col, width: rect.width, height: 1))
        })
    }

    /// Draws the header on the first row of `rect` and the rows below it, as `layout` places them.
    @discardableResult
    public func draw(in rect: Rect, into buffer: inout CellBuffer) -> Layout {
        let layout = layout(in: rect)
        guard !rect.isEmpty else { return layout }
        let gap = CellWidth.of(Self.separator)
        let cells = rect.splitColumns(columns.map(\.width), gap: gap)
        drawRow(zip(columns, cells).map { $0.heading(inColumns: $1.width) }, cells: cells, row: rect.row, style: .header,
                into: &buffer, rect: rect)
        let visibleRows = rect.height - 1
        let first = layout.offset
        drawScrollMarks(above: first > 0, below: first + visibleRows < rows.count, cells: cells, row: rect.row, into: &buffer)
        for hit in layout.rowHits {
            let style: Style = hit.index == selected ? .selected : .normal
            let marks = hit.index == selected || hit.index >= emphasis.count ? [] : emphasis[hit.index]
            drawRow(rows[hit.index], cells: cells, row: hit.rect.row, style: style, emphasis: marks, into: &buffer, rect: rect)
        }
        // Below the last row, blank lines.
        for line in layout.rowHits.count..<max(0, visibleRows) {
            buffer.fill(Rect(row: rect.row + 1 + line, col: rect.col, width: rect.width, height: 1))
        }
        return layout
    }

    /// "▲" (rows above) and "▼" (rows below) at the header's right end, where the last column's title leaves room.
    private func drawScrollMarks(above: Bool, below: Bool, cells: [Rect], row: Int, into buffer: inout CellBuffer) {
        guard above || below, let last = cells.last, let column = columns.last else { return }
        let marks = (above ? "▲" : "") + (below ? "▼" : "")
        let used = CellWidth.of(column.heading(inColumns: last.width))
        guard used + 1 + CellWidth.of(marks) <= last.width else { return }
        buffer.put(marks, at: row, col: last.right - CellWidth.of(marks), style: .header)
    }

    private func drawRow(_ values: [String], cells: [Rect], row: Int, style: Style, emphasis: [Style?] = [],
                         into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1), style: style)
        for (index, cell) in cells.enumerated() where cell.width > 0 {
            let value = index < values.count ? values[index] : ""
            var col = cell.col
            if columns[index].alignment == .trailing {
                col += max(0, cell.width - CellWidth.of(TextSanitizer.sanitize(value)))
            }
            let cellStyle = (index < emphasis.count ? emphasis[index] : nil) ?? style
            buffer.put(value, at: row, col: col, style: cellStyle, maxColumns: cell.right - col)
            if index + 1 < cells.count {
                buffer.put(Self.separator, at: row, col: cell.right, style: style == .selected ? style : .border)
            }
        }
    }
}
