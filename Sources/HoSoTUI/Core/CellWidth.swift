/// Terminal columns of text, computed without the C library: glibc `wcwidth` depends on the locale
/// and answers -1 for every non-ASCII character under "C". Stand-in until `DisplayWidth` lands in
/// HoSoDomain/Text; keep the rules identical when swapping.
enum CellWidth {
    /// Columns of one grapheme cluster: 0 for combining-only or control, 2 for East Asian wide, else 1.
    static func of(_ character: Character) -> Int {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        // Most of what HoSo draws is one scalar of Vietnamese or Latin text: one column, without asking
        // the Unicode tables (which made the list's every frame several times slower).
        if scalars.next() == nil, isNarrowLetterOrSign(first.value) { return 1 }
        return byTables(character, first: first)
    }

    /// The columns of `character` by the Unicode properties of its scalars (`first` is its first).
    static func byTables(_ character: Character, first: Unicode.Scalar) -> Int {
        let category = first.properties.generalCategory
        switch category {
        case .nonspacingMark, .enclosingMark, .control, .format:
            // A cluster that starts with a mark has no base to sit on; a control never prints.
            return 0
        default:
            break
        }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F })
            && first.properties.isEmoji { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// Columns of a whole string (sum over grapheme clusters).
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Printable ASCII, Latin-1 and Latin Extended letters and signs, IPA and spacing modifiers, and the
    /// Latin Extended Additional block of Vietnamese precomposed letters: one column each (the soft hyphen,
    /// a format character, excepted).
    private static func isNarrowLetterOrSign(_ value: UInt32) -> Bool {
        (0x20...0x7E).contains(value) || ((0xA0...0x2FF).contains(value) && value != 0xAD) || (0x1E00...0x1EFF).contains(value)
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
