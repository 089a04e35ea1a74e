/// A key press, resize or mouse event as the terminal driver reports it.
public enum Key: Hashable, Sendable {
    /// A printable character, already composed by the input method (a typed "ễ" is one character).
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// F1…F12.
    case function(Int)
    /// Ctrl plus a lowercase letter, e.g. `.ctrl("s")`. Ctrl-C arrives this way too (raw mode).
    case ctrl(Character)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)

    /// How the key is written in hints and help ("↑", "Ctrl-S", "F5", "Enter").
    public var displayName: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .resize(let w, let h): "\(w)×\(h)"
        case .mouse(let event): "Chuột \(event.kind) \(event.row),\(event.col)"
        }
    }

    /// Whether an input method for Vietnamese (Telex uses letters, VNI digits) may consume this key.
    public var isTypable: Bool {
        if case .char(let c) = self { return c.isLetter || c.isNumber }
        return false
    }
}

/// A mouse event at a screen cell.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: String, Hashable, Sendable {
        case leftClick, middleClick, rightClick, scrollUp, scrollDown
    }

    public var row: Int
    public var col: Int
    public var kind: Kind

    /// An event of `kind` at (`row`, `col`).
    public init(row: Int, col: Int, kind: Kind) {
        self.row = row
        self.col = col
        self.kind = kind
    }

    /// The cell under the pointer.
    public var position: Position { Position(row: row, col: col) }
}
