/// Makes data safe to draw: a name or note read from a file must never move the cursor, switch
/// the terminal's character set or reorder the line, so every control and bidi-override scalar
/// becomes a visible placeholder.
public enum TextSanitizer {
    /// What replaces an unsafe scalar.
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"

    /// The text with every control character, escape and bidi override replaced by "�".
    public static func sanitize(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? placeholder : scalar)
        }
        return String(scalars)
    }

    /// Whether the scalar could change the terminal's state or the visual order of a line.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F:  // C0 (ESC, CR, LF, TAB…), DEL and C1 (CSI 0x9B…)
            return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:  // bidi marks and overrides
            return true
        case 0x2028, 0x2029:  // line and paragraph separators
            return true
        default:
            return false
        }
    }
}
