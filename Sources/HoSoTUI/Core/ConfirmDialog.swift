/// A yes/no question before a destructive step. The focus starts on the safe choice ("Hủy"), so a
/// stray Enter never destroys anything.
public struct ConfirmDialog: Hashable, Sendable {
    /// What the person decided.
    public enum Answer: Hashable, Sendable { case confirm, cancel }

    public var title: String
    public var message: [String]
    public var confirmLabel: String
    public var cancelLabel: String
    /// Whether the confirm button has focus.
    public private(set) var confirmFocused = false

    /// A dialog asking `message`, with buttons `cancelLabel` (focused, unless `confirmFocused`: a question
    /// whose "yes" destroys nothing) and `confirmLabel`.
    public init(title: String, message: [String], confirmLabel: String, cancelLabel: String = "Hủy", confirmFocused: Bool = false) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.confirmFocused = confirmFocused
    }

    /// Moves the focus or answers; `nil` while the question stays open.
    public mutating func handle(_ key: Key) -> Answer? {
        switch key {
        case .left, .right, .tab, .backTab:
            confirmFocused.toggle()
        case .enter:
            return confirmFocused ? .confirm : .cancel
        case .escape:
            return .cancel
        default:
            break
        }
        return nil
    }

    /// Where the two buttons are, so a click can press them.
    public struct Hits: Hashable, Sendable {
        public var cancel: Rect
        public var confirm: Rect
    }

    /// Answers a left click on a button exactly as the keyboard would (the button takes the focus);
    /// any other click, or a click outside the buttons, changes nothing.
    public mutating func handleClick(_ event: MouseEvent, in area: Rect) -> Answer? {
        guard event.kind == .leftClick else { return nil }
        let hits = hits(in: area)
        if hits.cancel.contains(event.position) {
            confirmFocused = false
            return .cancel
        }
        if hits.confirm.contains(event.position) {
            confirmFocused = true
            return .confirm
        }
        return nil
    }

    /// The buttons' rectangles when the dialog is drawn in `area` (the layout `draw` uses).
    public func hits(in area: Rect) -> Hits {
        var scratch = CellBuffer(width: max(0, area.right), height: max(0, area.bottom))
        return draw(in: area, into: &scratch)
    }

    /// Draws the dialog centred in `area`; returns the buttons' rectangles.
    @discardableResult
    public func draw(in area: Rect, into buffer: inout CellBuffer) -> Hits {
        let buttons = "[ \(cancelLabel) ]   [ \(confirmLabel) ]"
        let lines = message + ["", buttons]
        let inner = Modal.message(title: title, lines: lines, in: area, into: &buffer, style: .warning)
        let row = inner.row + lines.count
        let cancelText = "[ \(cancelLabel) ]"
        let cancelWidth = CellWidth.of(cancelText)
        let cancelUsed = buffer.put(cancelText, at: row, col: inner.col + 1, style: confirmFocused ? .normal : .selected)
        let confirmCol = inner.col + 1 + cancelWidth + 3
        let confirmUsed = buffer.put("[ \(confirmLabel) ]", at: row, col: confirmCol,
                                     style: confirmFocused ? .selected : .normal)
        return Hits(cancel: Rect(row: row, col: inner.col + 1, width: cancelUsed, height: cancelUsed > 0 ? 1 : 0),
                    confirm: Rect(row: row, col: confirmCol, width: confirmUsed, height: confirmUsed > 0 ? 1 : 0))
    }
}
