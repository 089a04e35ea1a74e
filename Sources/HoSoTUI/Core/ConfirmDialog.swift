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

    /// A dialog asking `message`, with buttons `cancelLabel` (focused) and `confirmLabel`.
    public init(title: String, message: [String], confirmLabel: String, cancelLabel: String = "Hủy") {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
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

    /// Draws the dialog centred in `area`.
    public func draw(in area: Rect, into buffer: inout CellBuffer) {
        let buttons = "[ \(cancelLabel) ]   [ \(confirmLabel) ]"
        let lines = message + ["", buttons]
        let inner = Modal.message(title: title, lines: lines, in: area, into: &buffer, style: .warning)
        let row = inner.row + lines.count
        let cancelText = "[ \(cancelLabel) ]"
        let cancelWidth = CellWidth.of(cancelText)
        buffer.put(cancelText, at: row, col: inner.col + 1, style: confirmFocused ? .normal : .selected)
        buffer.put("[ \(confirmLabel) ]", at: row, col: inner.col + 1 + cancelWidth + 3,
                   style: confirmFocused ? .selected : .normal)
    }
}
