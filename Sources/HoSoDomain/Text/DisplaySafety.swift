/// Whether a text may span several lines when shown.
public enum LineMode: Sendable {
    /// A field shown on one line (names, numbers, units): even tab and newline are unsafe.
    case singleLine
    /// A note: "\n" is kept (and "\r\n" read as "\n"), every other control is unsafe.
    case multiLine
}

/// Finding and neutralising the characters that could let stored data drive the terminal.
///
/// A name pasted from a web page or typed by a hostile user must never move the cursor, clear the
/// screen, set the window title or reverse the text around it; the TUI shows only sanitised text.
extension VietnameseText {
    /// The scalars of `s` that are unsafe to send to a terminal, in order of appearance.
    public static func controlCharacters(in s: String, lineMode: LineMode = .singleLine) -> [Unicode.Scalar] {
        let scalars = Array(s.unicodeScalars)
        var found: [Unicode.Scalar] = []
        for index in scalars.indices where isUnsafe(at: index, in: scalars, lineMode: lineMode) {
            found.append(scalars[index])
        }
        return found
    }

    /// `s` with every unsafe scalar replaced by a visible placeholder (␛ for ESC, ␡ for DEL, � for the
    /// rest), so that data can never move the cursor or inject an escape sequence.
    public static func sanitizedForDisplay(_ s: String, lineMode: LineMode = .singleLine) -> String {
        let scalars = Array(s.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            if lineMode == .multiLine, scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                continue  // Pasted Windows line ends: keep the "\n" that follows.
            }
            if isUnsafe(at: index, in: scalars, lineMode: lineMode) {
                result.append(placeholder(for: scalar))
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `s` sanitised for a note, where "\n" is the only control kept.
    public static func sanitizedMultiLineForDisplay(_ s: String) -> String {
        sanitizedForDisplay(s, lineMode: .multiLine)
    }

    /// Whether `s` can be shown as is.
    public static func isSafeForDisplay(_ s: String, lineMode: LineMode = .singleLine) -> Bool {
        controlCharacters(in: s, lineMode: lineMode).isEmpty
    }

    private static func isUnsafe(at index: Int, in scalars: [Unicode.Scalar], lineMode: LineMode) -> Bool {
        let scalar = scalars[index]
        if lineMode == .multiLine {
            if scalar == "\n" { return false }
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return false }
        }
        return isUnsafeForTerminal(scalar)
    }

    /// Whether a scalar can change what the terminal does or hide what it shows.
    static func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F: return true  // C0 (ESC starts every escape sequence) and DEL.
        case 0x80...0x9F: return true  // C1: 8-bit CSI (U+009B), OSC (U+009D)… act like ESC sequences.
        case 0x202A...0x202E, 0x2066...0x2069: return true  // Bidi embeddings, overrides, isolates.
        case 0x200E, 0x200F, 0x061C: return true  // Bidi marks: reorder neighbouring text invisibly.
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x180E: return true  // Zero-width: hide content.
        case 0x2028, 0x2029: return true  // Line and paragraph separators: some terminals break lines.
        case 0xFFF9...0xFFFB: return true  // Interlinear annotation: invisible markup.
        case 0xE0000...0xE007F: return true  // Tag characters: invisible copies of ASCII.
        default: return false
        }
    }

    private static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        // Control Pictures (U+2400…) are one column wide and show the clerk which control was there.
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }
}
