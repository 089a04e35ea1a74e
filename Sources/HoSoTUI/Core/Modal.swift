/// A centred popup with a border and a title, drawn over whatever is below.
public enum Modal {
    /// Clears a `width` × `height` box centred in `area`, frames it with `title`, and returns the
    /// inside for the caller to draw the content.
    @discardableResult
    public static func draw(title: String, width: Int, height: Int, in area: Rect,
                            into buffer: inout CellBuffer, style: Style = .border) -> Rect {
        let frame = area.centered(width: width, height: height)
        // One blank column on each side, so text cut by the frame cannot look like part of the popup.
        buffer.fill(Rect(row: frame.row, col: max(0, frame.col - 1), width: frame.width + 2, height: frame.height))
        buffer.box(frame, title: title, style: style)
        return frame.inset(by: 1)
    }

    /// The inside of the popup `message` draws for `lines` over `area`, computed without drawing.
    public static func messageInner(title: String, lines: [String], in area: Rect) -> Rect {
        let size = messageSize(title: title, lines: lines)
        return area.centered(width: size.width, height: size.height).inset(by: 1)
    }

    static func messageSize(title: String, lines: [String]) -> Size {
        let textWidth = max(CellWidth.of(title) + 2, lines.map { CellWidth.of($0) }.max() ?? 0)
        return Size(width: textWidth + 4, height: lines.count + 4)
    }

    /// A popup sized to `lines` (plus one blank line around them), each line drawn left-aligned.
    @discardableResult
    /// `lineStyles`: a style for some lines (by index), the others plain.
    public static func message(title: String, lines: [String], in area: Rect, into buffer: inout CellBuffer,
                               style: Style = .border, lineStyles: [Int: Style] = [:]) -> Rect {
        let size = messageSize(title: title, lines: lines)
        let inner = draw(title: title, width: size.width, height: size.height, in: area, into: &buffer, style: style)
        for (index, line) in lines.enumerated() {
            buffer.put(line, at: inner.row + 1 + index, col: inner.col + 1, style: lineStyles[index] ?? .normal,
                       maxColumns: inner.width - 2)
        }
        return inner
    }
}
