/// A message for the status line; it stays until the next one replaces it, so it can be read.
public struct StatusMessage: Hashable, Sendable {
    /// How serious the message is; decides its style (and a text prefix, never colour alone).
    public enum Kind: Hashable, Sendable { case info, success, warning, error }

    public var text: String
    public var kind: Kind

    /// A message of `kind`.
    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// Draws the one-line status bar.
public enum StatusLine {
    /// Draws `message` (or a blank line) on `rect`'s first row.
    public static func draw(_ message: StatusMessage?, in rect: Rect, into buffer: inout CellBuffer) {
        guard let message else {
            buffer.putPadded("", in: rect)
            return
        }
        let (prefix, style): (String, Style) = switch message.kind {
        case .info: ("", .normal)
        case .success: ("✓ ", .success)
        case .warning: ("! ", .warning)
        case .error: ("Lỗi: ", .error)
        }
        buffer.putPadded(" " + prefix + message.text, in: rect, style: style)
    }
}
