/// What a cell means on screen; the terminal driver maps roles to colours (or to reverse/bold in
/// monochrome), so views never pick colours themselves.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal, title, selected, footerKey, footer, muted, warning, error, success, header, border
    case input, focusedInput

    /// One letter per role for style-mask snapshots.
    public var maskLetter: Character {
        switch self {
        case .normal: "."
        case .title: "T"
        case .selected: "S"
        case .footerKey: "K"
        case .footer: "F"
        case .muted: "m"
        case .warning: "W"
        case .error: "E"
        case .success: "O"
        case .header: "H"
        case .border: "b"
        case .input: "i"
        case .focusedInput: "I"
        }
    }
}

/// The look of one cell: a role plus emphasis flags that never carry meaning on their own.
public struct Style: Hashable, Sendable {
    public var role: StyleRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    /// A style with the given role and flags.
    public init(_ role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// Plain text.
    public static let normal = Style(.normal)
    /// Window and screen titles.
    public static let title = Style(.title)
    /// The highlighted row or item.
    public static let selected = Style(.selected)
    /// A key name in the footer.
    public static let footerKey = Style(.footerKey)
    /// Footer text.
    public static let footer = Style(.footer)
    /// Secondary text.
    public static let muted = Style(.muted)
    /// Something that needs attention soon.
    public static let warning = Style(.warning)
    /// Something wrong.
    public static let error = Style(.error)
    /// Something done.
    public static let success = Style(.success)
    /// Table headers.
    public static let header = Style(.header)
    /// Box lines.
    public static let border = Style(.border)
    /// An editable field without focus.
    public static let input = Style(.input)
    /// The editable field that has focus.
    public static let focusedInput = Style(.focusedInput)
}
