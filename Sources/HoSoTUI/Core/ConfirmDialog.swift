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
    /// Computed before drawing, from the same sizes `draw` uses: a click never draws.
    public func hits(in area: Rect) -> Hits {
        let inner = Modal.messageInner(title: title, lines: lines, in: area)
        let row = inner.row + lines.count
        func button(_ text: String, at col: Int) -> Rect {
            // As the buffer puts it: whole, or cut where the area ends.
            let used = max(0, min(CellWidth.of(text), area.right - col))
            return Rect(row: row, col: col, width: used, height: used > 0 ? 1 : 0)
        }
        let cancel = button(cancelText, at: inner.col + 1)
        return Hits(cancel: cancel, confirm: button(confirmText, at: inner.col + 1 + CellWidth.of(cancelText) + 3))
    }

    private var cancelText: String { "[ \(cancelLabel) ]" }
    private var confirmText: String { "[ \(confirmLabel) ]" }
    private var lines: [String] { message + ["", "\(cancelText)   \(confirmText)"] }

    /// Draws the dialog centred in `area`, its buttons where `hits` says; returns them.
    @discardableResult
    public func draw(in area: Rect, into buffer: inout CellBuffer) -> Hits {
        Modal.message(title: title, lines: lines, in: area, into: &buffer, style: .warning)
        let hits = hits(in: area)
        buffer.put(cancelText, at: hits.cancel.row, col: hits.cancel.col, style: confirmFocused ? .normal : .selected)
        buffer.put(confirmText, at: hits.confirm.row, col: hits.confirm.col, style: confirmFocused ? .selected : .normal)
        return hits
    }
}
