/// How many terminal columns text occupies, and how to make it fit a column.
///
/// Widths are counted per grapheme cluster (what the reader sees as one character) so that "Nguyễn"
/// is six columns whether its accents are composed or not. The cluster takes the width of its first
/// scalar, as wcwidth (and therefore ncurses) does for the base character; marks add nothing.
public enum DisplayWidth {
    /// The number of columns `s` occupies in a terminal.
    public static func columns(of s: String) -> Int {
        // Most text (Vietnamese in precomposed form, numbers, dates) is scalars that each make one
        // character one column wide: counted without breaking the text into characters, which a list of
        // 500 rows did for every cell several times.
        var count = 0
        for scalar in s.unicodeScalars {
            guard isOneColumnAlone(scalar) else { return s.reduce(0) { $0 + columns(of: $1) } }
            count += 1
        }
        return count
    }

    /// Printable ASCII, Latin-1 and the Latin extensions (Vietnamese's precomposed letters among them)
    /// but the soft hyphen: one column each, and never joined to a neighbour into one character.
    private static func isOneColumnAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x1E00...0x1EFF: true
        default: false
        }
    }

    /// The number of columns one grapheme cluster occupies: 0, 1 or 2.
    public static func columns(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if isZeroWidth(first) { return 0 }
        return isWide(first) ? 2 : 1
    }

    /// The longest prefix of `s` that fits in `columns`, ending with `ellipsis` when something was
    /// cut; never splits a character and never exceeds `columns`.
    public static func truncated(_ s: String, toColumns columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if self.columns(of: s) <= columns { return s }
        let ellipsisWidth = self.columns(of: ellipsis)
        let marker = ellipsisWidth <= columns ? ellipsis : ""
        let budget = columns - (marker.isEmpty ? 0 : ellipsisWidth)
        var result = ""
        var used = 0
        for character in s {
            let width = self.columns(of: character)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        return result + marker
    }

    /// `s` made exactly `columns` wide: truncated with an ellipsis, or padded with spaces on the right.
    public static func padded(_ s: String, toColumns columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        let fitted = truncated(s, toColumns: columns, ellipsis: ellipsis)
        let missing = columns - self.columns(of: fitted)
        return missing > 0 ? fitted + String(repeating: " ", count: missing) : fitted
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // Controls: never shown, see sanitizedForDisplay.
        case 0x1160...0x11FF: return true  // Hangul medial vowels and finals join the syllable before.
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth characters, and emoji shown as pictures.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }  // Fast path: Latin, Vietnamese and most symbols.
        for range in wideRanges where range.contains(value) { return true }
        return scalar.properties.isEmojiPresentation
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A,  // Watch, hourglass, angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,  // Kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // Vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // Fullwidth forms
        0xFFE0...0xFFE6,  // Fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF,  // Tangut, Khitan
        0x1B000...0x1B2FF,  // Kana supplements, Nüshu
        0x1F200...0x1F2FF,  // Enclosed ideographic supplement
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK Extensions B and later
    ]
}
