/// The `?` overlay: every key of the current screen, filtered as the person types.
public struct HelpOverlay: Hashable, Sendable {
    /// The filter being typed.
    public private(set) var filter = TextField()
    /// The first entry shown.
    public private(set) var offset = 0

    /// An overlay with an empty filter.
    public init() {}

    /// Handles a key; returns `false` when the overlay should close (Esc, F1 or ? on an empty filter).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .escape, .function(1):
            return false
        case .char("?") where filter.characters.isEmpty:
            return false
        case .down, .pageDown:
            offset += key == .down ? 1 : 10
        case .up, .pageUp:
            offset = max(0, offset - (key == .up ? 1 : 10))
        default:
            if filter.handle(key) { offset = 0 }
        }
        return true
    }

    /// Keeps the first entry shown where the last screenful of `keyMap`'s matching entries starts at most, so
    /// ↑ after scrolling past the end moves at once.
    public mutating func settle<Action>(_ keyMap: KeyMap<Action>, in area: Rect) {
        let count = keyMap.helpEntries(matching: filter.value).count
        offset = min(offset, max(0, count - Self.listRows(entries: count, in: area)))
    }

    /// How many entries the box shows at once over `area`.
    static func listRows(entries: Int, in area: Rect) -> Int {
        min(area.height - 2, max(entries, 1) + 4) - 4
    }

    /// Draws the entries of `keyMap` matching the filter in a popup over `area`.
    public func draw<Action>(_ keyMap: KeyMap<Action>, in area: Rect, into buffer: inout CellBuffer) {
        let entries = keyMap.helpEntries(matching: filter.value)
        let width = min(area.width - 2, 70)
        let height = Self.listRows(entries: entries.count, in: area) + 4
        let inner = Modal.draw(title: "Phím tắt", width: width, height: height, in: area, into: &buffer)
        guard inner.height >= 2 else { return }
        buffer.put("Lọc: ", at: inner.row, col: inner.col + 1, style: .muted)
        filter.draw(in: Rect(row: inner.row, col: inner.col + 6, width: inner.width - 7, height: 1),
                    into: &buffer, focused: true)
        let listRows = inner.height - 2
        let keyWidth = min(inner.width / 3, (entries.map { CellWidth.of($0.key) }.max() ?? 0) + 2)
        let first = min(offset, max(0, entries.count - listRows))
        if entries.isEmpty {
            buffer.put("Không có phím nào khớp", at: inner.row + 2, col: inner.col + 1, style: .muted)
        }
        for (line, entry) in entries.dropFirst(first).prefix(listRows).enumerated() {
            let row = inner.row + 2 + line
            buffer.put(entry.key, at: row, col: inner.col + 1, style: .footerKey, maxColumns: keyWidth)
            buffer.put(entry.description, at: row, col: inner.col + 1 + keyWidth, maxColumns: inner.width - keyWidth - 2)
        }
        // Keys above or below the box are announced on its edges: the last ones (Ctrl-A) are a ↓ away.
        if first > 0 {
            let above = "▲ còn ở trên (↑)"
            buffer.put(above, at: inner.row, col: inner.right - CellWidth.of(above) - 1, style: .muted)
        }
        if first + listRows < entries.count {
            let below = " ▼ còn \(entries.count - first - listRows) phím nữa (↓) "
            buffer.put(below, at: inner.bottom, col: inner.right - CellWidth.of(below) - 1, style: .muted)
        }
    }
}
