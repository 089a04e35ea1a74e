/// The bottom line of key hints ("↑/↓ chọn · Enter mở · ? thêm").
public enum FooterBar {
    /// Draws as many hints as fit in `rect`'s first row, always keeping a trailing "? thêm" hint.
    public static func draw(_ hints: [KeyHint], in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: .footer)
        let separator = " · "
        var shown = hints
        let more = hints.last.flatMap { $0.key == "?" ? $0 : nil }
        while !shown.isEmpty, width(of: shown, separator: separator) > rect.width - 1 {
            // Drop from the end but keep "? thêm": it is the way to every other key.
            if let more, shown.count >= 2, shown.last == more {
                shown.remove(at: shown.count - 2)
            } else {
                shown.removeLast()
            }
        }
        var col = rect.col + 1
        for (index, hint) in shown.enumerated() {
            if index > 0 { col += buffer.put(separator, at: rect.row, col: col, style: .footer) }
            col += buffer.put(hint.key, at: rect.row, col: col, style: .footerKey, maxColumns: rect.right - col)
            col += buffer.put(" " + hint.description, at: rect.row, col: col, style: .footer,
                              maxColumns: rect.right - col)
        }
    }

    private static func width(of hints: [KeyHint], separator: String) -> Int {
        let parts = hints.map { CellWidth.of($0.key) + 1 + CellWidth.of($0.description) }
        return parts.reduce(0, +) + max(0, hints.count - 1) * CellWidth.of(separator)
    }
}
