import CNcursesw
import HoSoTUI

/// Turns style roles into curses attributes: colour pairs over the terminal's own background, or
/// reverse/bold/underline when there are no colours or `NO_COLOR` is set.
@MainActor
struct TerminalPalette {
    let usesColor: Bool

    /// Sets up colour pairs when the terminal has colours and the user did not opt out.
    init(environment: [String: String]) {
        usesColor = has_colors() && environment["NO_COLOR"] == nil
        guard usesColor else { return }
        start_color()
        use_default_colors()
        for (index, role) in StyleRole.allCases.enumerated() {
            let (foreground, background) = Self.colors(for: role)
            init_pair(Int16(index + 1), Int16(foreground), Int16(background))
        }
    }

    /// Attributes and colour pair for `style`.
    func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes: attr_t = usesColor ? Self.colorEmphasis(style.role) : Self.monochrome(style.role)
        if style.bold { attributes |= nc_a_bold() }
        if style.reverse { attributes |= nc_a_reverse() }
        if style.underline { attributes |= nc_a_underline() }
        guard usesColor, let index = StyleRole.allCases.firstIndex(of: style.role), style.role != .normal else {
            return (attributes, 0)
        }
        return (attributes, Int16(index + 1))
    }

    private static func colors(for role: StyleRole) -> (Int32, Int32) {
        switch role {
        case .normal, .header, .input: (-1, -1)
        case .title: (COLOR_CYAN, -1)
        case .selected: (COLOR_BLACK, COLOR_CYAN)
        case .footerKey: (COLOR_YELLOW, COLOR_BLUE)
        case .footer: (COLOR_WHITE, COLOR_BLUE)
        case .muted: (-1, -1)
        case .warning: (COLOR_YELLOW, -1)
        case .error: (COLOR_RED, -1)
        case .success: (COLOR_GREEN, -1)
        case .border: (COLOR_BLUE, -1)
        case .focusedInput: (COLOR_BLACK, COLOR_WHITE)
        }
    }

    private static func colorEmphasis(_ role: StyleRole) -> attr_t {
        switch role {
        case .title, .selected, .footerKey, .warning, .error: nc_a_bold()
        case .header: nc_a_bold() | nc_a_underline()
        case .muted: nc_a_dim()
        case .input: nc_a_underline()
        default: nc_a_normal()
        }
    }

    // Meaning never rests on colour alone, so monochrome keeps every role distinguishable.
    private static func monochrome(_ role: StyleRole) -> attr_t {
        switch role {
        case .normal, .border: nc_a_normal()
        case .title, .warning, .success: nc_a_bold()
        case .selected, .footer, .focusedInput: nc_a_reverse()
        case .footerKey: nc_a_reverse() | nc_a_bold()
        case .muted: nc_a_dim()
        case .error: nc_a_bold() | nc_a_underline()
        case .header: nc_a_bold() | nc_a_underline()
        case .input: nc_a_underline()
        }
    }
}
