import Foundation

/// An editable text of several lines (a note): Enter starts a new line, ↑/↓ move between lines, Backspace at
/// the start of a line joins it to the line before. Each line is a `TextField`, so a Vietnamese letter is one
/// character however it was typed, and the stored text keeps its lines.
public struct TextArea: Hashable, Sendable {
    /// The lines, never empty.
    public private(set) var lines: [TextField]
    /// The line holding the cursor.
    public private(set) var row = 0
    /// The longest text allowed, in characters counting each line break as one, or `nil` for no limit.
    public var maxLength: Int?
    /// The first line shown when there are more lines than rows.
    public private(set) var scroll = 0

    /// How many rows a text area takes in a form.
    public static let visibleRows = 4

    /// An area holding `text` (its lines split at any line break), the cursor at its end.
    public init(_ text: String = "", maxLength: Int? = nil) {
        self.maxLength = maxLength
        let normalised = Self.split(text).joined(separator: "\n")
        let kept = maxLength.map { String(normalised.prefix($0)) } ?? normalised
        self.lines = Self.split(kept).map { TextField($0) }
        row = lines.count - 1
        settleScroll()
    }

    /// The text, its lines joined by "\n", NFC-normalised as each line is.
    public var value: String { lines.map(\.value).joined(separator: "\n") }

    /// Characters held, each line break counting one.
    var length: Int { lines.reduce(lines.count - 1) { $0 + $1.characters.count } }

    /// The cursor's line and character.
    public var cursor: (row: Int, column: Int) { (row, lines[row].cursor) }

    /// Applies an editing key; returns `false` for keys the area does not use, which a form then takes
    /// (Tab, Esc, Ctrl-S; ↑ on the first line and ↓ on the last, which leave the field).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let before = self
        switch key {
        case .enter:
            breakLine()
        case .up:
            guard row > 0 else { return false }
            moveRow(by: -1)
        case .down:
            guard row < lines.count - 1 else { return false }
            moveRow(by: 1)
        case .backspace where lines[row].cursor == 0 && row > 0, .ctrl("h") where lines[row].cursor == 0 && row > 0:
            joinWithNext(at: row - 1)
        case .delete where lines[row].cursor == lines[row].characters.count && row < lines.count - 1:
            joinWithNext(at: row)
        case .left where lines[row].cursor == 0 && row > 0:
            row -= 1
            lines[row].moveCursor(to: lines[row].characters.count)
        case .right where lines[row].cursor == lines[row].characters.count && row < lines.count - 1:
            row += 1
            lines[row].moveCursor(to: 0)
        default:
            guard lines[row].handle(key) else { return false }
        }
        if let maxLength, length > maxLength { self = before }
        settleScroll()
        return true
    }

    /// Inserts text at the cursor (typing or pasting); its line breaks start new lines.
    public mutating func insert(_ text: String) {
        for (index, piece) in Self.split(text).enumerated() {
            if index > 0 { breakLine() }
            lines[row].insert(piece)
        }
        if let maxLength, length > maxLength { self = TextArea(value, maxLength: maxLength) }
        settleScroll()
    }

    private mutating func breakLine() {
        let line = lines[row]
        let head = String(line.characters[..<line.cursor]), tail = String(line.characters[line.cursor...])
        lines[row] = TextField(head)
        var next = TextField(tail)
        next.moveCursor(to: 0)
        lines.insert(next, at: row + 1)
        row += 1
    }

    private mutating func joinWithNext(at index: Int) {
        let joint = lines[index].characters.count
        var joined = TextField(String(lines[index].characters + lines[index + 1].characters))
        joined.moveCursor(to: joint)
        lines[index] = joined
        lines.remove(at: index + 1)
        row = index
    }

    private mutating func moveRow(by step: Int) {
        let column = lines[row].cursor
        row += step
        lines[row].moveCursor(to: column)
    }

    private mutating func settleScroll() {
        scroll = Table.scrollOffset(selected: row, current: scroll, visibleRows: Self.visibleRows, rowCount: lines.count)
    }

    /// The lines of `text`, split at "\r\n", "\r" or "\n".
    static func split(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Draws the visible lines in `rect`, one a row; when focused, places the cursor. A line above or below
    /// the rows shown is marked "▲"/"▼" at the right edge.
    public func draw(in rect: Rect, into buffer: inout CellBuffer, focused: Bool) {
        guard !rect.isEmpty else { return }
        let first = min(scroll, max(0, lines.count - 1))
        for line in 0..<rect.height {
            let index = first + line
            let rowRect = Rect(row: rect.row + line, col: rect.col, width: rect.width, height: 1)
            if index < lines.count {
                lines[index].draw(in: rowRect, into: &buffer, focused: focused && index == row)
            } else {
                buffer.fill(rowRect, style: focused ? .focusedInput : .input)
            }
        }
        let style: Style = focused ? .focusedInput : .input
        if first > 0 { buffer.put("▲", at: rect.row, col: rect.right - 1, style: style) }
        if first + rect.height < lines.count { buffer.put("▼", at: rect.bottom - 1, col: rect.right - 1, style: style) }
    }
}
