/// One terminal cell: a grapheme cluster and its style. A wide character occupies two cells: the
/// first holds the grapheme with width 2, the second is a continuation (empty grapheme, width 0).
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here; empty for the right half of a wide character.
    public var grapheme: String
    /// Columns the grapheme takes: 1, 2, or 0 for a continuation.
    public var width: Int
    /// How the cell is drawn.
    public var style: Style

    /// A cell holding `grapheme`, `width` columns wide.
    public init(_ grapheme: String, width: Int = 1, style: Style = .normal) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// An empty cell.
    public static func blank(_ style: Style = .normal) -> Cell { Cell(" ", width: 1, style: style) }

    /// The right half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// A width × height grid of cells that views draw into: the terminal driver paints it, tests
/// compare it as text. Every string drawn is sanitised, clipped and aligned by display width.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Cells row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should blink (a focused text field), or `nil` to hide it.
    public var cursor: Position?

    /// A blank buffer.
    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// Terminal columns `text` takes once drawn (combining marks 0, East Asian wide 2).
    public static func columns(of text: some StringProtocol) -> Int {
        CellWidth.of(TextSanitizer.sanitize(text))
    }

    /// The buffer's size.
    public var size: Size { Size(width: width, height: height) }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    /// The cell at (`row`, `col`); both must be inside the buffer.
    public subscript(row: Int, col: Int) -> Cell {
        cells[row * width + col]
    }

    // MARK: Drawing

    /// Draws `text` from (`row`, `col`) on one line, clipped to the buffer and to `maxColumns`;
    /// text that does not fit ends with "…". Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, at row: Int, col: Int, style: Style = .normal,
                             maxColumns: Int? = nil) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        let limit = min(width, maxColumns.map { col + max(0, $0) } ?? width)
        let available = limit - col
        guard available > 0 else { return 0 }
        let clusters = TextSanitizer.sanitize(text).map { (grapheme: $0, width: CellWidth.of($0)) }
        let total = clusters.reduce(0) { $0 + $1.width }
        let budget = total <= available ? available : available - 1

        var column = col
        var lastWritten: Int?
        for cluster in clusters {
            if cluster.width == 0 {
                // A lone mark (or joiner) has no base in its own cluster: it joins the previous cell.
                if let index = lastWritten { cells[index].grapheme.append(cluster.grapheme) }
                continue
            }
            if column + cluster.width > col + budget { break }
            if column >= 0 {
                setCell(Cell(String(cluster.grapheme), width: cluster.width, style: style), row: row, col: column)
                lastWritten = row * width + column
            }
            column += cluster.width
        }
        if total > available {
            if column >= 0 { setCell(Cell("…", style: style), row: row, col: column) }
            column += 1
            // A wide character that did not fit leaves a hole; cover it so the row stays aligned.
            while column < limit {
                if column >= 0 { setCell(.blank(style), row: row, col: column) }
                column += 1
            }
        }
        return column - col
    }

    /// Draws `text` inside `rect` on its first row, padding the rest of the row with `style`.
    public mutating func putPadded(_ text: some StringProtocol, in rect: Rect, style: Style = .normal) {
        guard !rect.isEmpty else { return }
        fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: style)
        put(text, at: rect.row, col: rect.col, style: style, maxColumns: rect.width)
    }

    /// Fills `rect` (clipped to the buffer) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let symbol = String(TextSanitizer.sanitize(String(character)))
        let symbolWidth = max(1, CellWidth.of(Character(symbol)))
        for row in area.row..<area.bottom {
            var col = area.col
            while col < area.right {
                if col + symbolWidth <= area.right {
                    setCell(Cell(symbol, width: symbolWidth, style: style), row: row, col: col)
                } else {
                    setCell(.blank(style), row: row, col: col)
                }
                col += symbolWidth
            }
        }
    }

    /// Gives every cell of `rect` the `style`, keeping what is drawn there.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.row..<area.bottom {
            for col in area.col..<area.right { cells[row * width + col].style = style }
        }
    }

    /// A horizontal line of `length` cells.
    public mutating func horizontalLine(row: Int, col: Int, length: Int, style: Style = .border) {
        fill(Rect(row: row, col: col, width: length, height: 1), with: "─", style: style)
    }

    /// A vertical line of `length` cells.
    public mutating func verticalLine(row: Int, col: Int, length: Int, style: Style = .border) {
        fill(Rect(row: row, col: col, width: 1, height: length), with: "│", style: style)
    }

    /// A box along the edge of `rect` with an optional title in the top border.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .border,
                             titleStyle: Style = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        horizontalLine(row: rect.row, col: rect.col + 1, length: rect.width - 2, style: style)
        horizontalLine(row: rect.bottom - 1, col: rect.col + 1, length: rect.width - 2, style: style)
        verticalLine(row: rect.row + 1, col: rect.col, length: rect.height - 2, style: style)
        verticalLine(row: rect.row + 1, col: rect.right - 1, length: rect.height - 2, style: style)
        put("┌", at: rect.row, col: rect.col, style: style)
        put("┐", at: rect.row, col: rect.right - 1, style: style)
        put("└", at: rect.bottom - 1, col: rect.col, style: style)
        put("┘", at: rect.bottom - 1, col: rect.right - 1, style: style)
        if let title, !title.isEmpty, rect.width > 6 {
            put(" \(title) ", at: rect.row, col: rect.col + 2, style: titleStyle, maxColumns: rect.width - 4)
        }
    }

    /// Copies `other` into this buffer with its top-left cell at `origin`, clipped.
    public mutating func draw(_ other: CellBuffer, at origin: Position) {
        for row in 0..<other.height {
            for col in 0..<other.width {
                let cell = other[row, col]
                let target = Position(row: origin.row + row, col: origin.col + col)
                guard bounds.contains(target), !cell.isContinuation else { continue }
                if cell.width == 2 && target.col + 1 >= width {
                    setCell(.blank(cell.style), row: target.row, col: target.col)
                } else {
                    setCell(cell, row: target.row, col: target.col)
                }
            }
        }
        if let cursor = other.cursor {
            self.cursor = Position(row: cursor.row + origin.row, col: cursor.col + origin.col)
        }
    }

    /// Writes one cell, repairing any wide character it cuts in half so rows never shift.
    private mutating func setCell(_ cell: Cell, row: Int, col: Int) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        if cell.width == 2 && col + 1 >= width {
            setCell(.blank(cell.style), row: row, col: col)
            return
        }
        clearOverlap(row: row, col: col)
        if cell.width == 2 { clearOverlap(row: row, col: col + 1) }
        cells[row * width + col] = cell
        if cell.width == 2 { cells[row * width + col + 1] = .continuation(cell.style) }
    }

    private mutating func clearOverlap(row: Int, col: Int) {
        let index = row * width + col
        let existing = cells[index]
        if existing.isContinuation, col > 0, cells[index - 1].width == 2 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if existing.width == 2, col + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }

    // MARK: Reading back

    /// Each row as text, exactly `width` columns wide (continuations contribute nothing).
    public var rows: [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width { line += self[row, col].grapheme }
            return line
        }
    }

    /// The rows with trailing spaces removed, joined by newlines: what snapshots compare.
    public var text: String {
        rows.map { row in
            var line = Substring(row)
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }

    /// One letter per cell naming its role (see `StyleRole.maskLetter`), rows joined by newlines.
    public var styleMask: String {
        (0..<height).map { row in
            String((0..<width).map { col in self[row, col].style.role.maskLetter })
        }.joined(separator: "\n")
    }
}
