import Foundation
import HoSoDomain
import Testing

struct TextDisplayWidthTests {
    @Test(arguments: [
        ("Nguyễn", 6),
        ("Nguyễn".decomposedStringWithCanonicalMapping, 6),
        ("Đặng Thùy Trâm", 14),
        ("漢字", 4),
        ("한국", 4),
        ("ＡＢ", 4),
        ("a漢b", 4),
        ("😀", 2),
        ("e\u{0301}\u{0323}", 1),
        ("\u{1B}", 0),
        ("a\u{200B}b", 2),
        ("", 0),
    ])
    func columnsCountGraphemesByTerminalWidth(text: String, expected: Int) {
        #expect(DisplayWidth.columns(of: text) == expected)
    }

    @Test(arguments: [
        ("Nguyễn Văn A", 20, "Nguyễn Văn A"),
        ("Nguyễn Văn A", 12, "Nguyễn Văn A"),
        ("Nguyễn Văn An", 12, "Nguyễn Văn …"),
        ("Nguyễn Văn An", 5, "Nguy…"),
        ("Nguyễn Văn An", 6, "Nguyễ…"),
        ("漢字漢字", 8, "漢字漢字"),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 4, "漢…"),
        ("a漢字", 3, "a…"),
        ("a漢字", 2, "a…"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
        ("abc", -3, ""),
    ])
    func truncationNeverExceedsTheWidth(text: String, columns: Int, expected: String) {
        let truncated = DisplayWidth.truncated(text, toColumns: columns)
        #expect(Array(truncated.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(DisplayWidth.columns(of: truncated) <= max(columns, 0))
    }

    @Test(arguments: [5, 6, 7])
    func truncationKeepsDecomposedAccentsWithTheirLetter(columns: Int) {
        let nfd = "Nguyễn Văn An".decomposedStringWithCanonicalMapping
        let truncated = DisplayWidth.truncated(nfd, toColumns: columns)
        let kept = truncated.dropLast()  // The ellipsis.
        #expect(nfd.unicodeScalars.starts(with: kept.unicodeScalars))
        let leftBehind = nfd.unicodeScalars.dropFirst(kept.unicodeScalars.count).first
        #expect(leftBehind.map { $0.properties.generalCategory != .nonspacingMark } ?? true)
        #expect(Array(nfd).starts(with: Array(kept)))
        #expect(kept.count == columns - 1)
    }

    @Test(arguments: [
        ("An", 5, "An   "),
        ("Nguyễn", 6, "Nguyễn"),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 4, "漢… "),
        ("", 3, "   "),
        ("abc", 0, ""),
    ])
    func paddingFillsExactlyTheWidth(text: String, columns: Int, expected: String) {
        let padded = DisplayWidth.padded(text, toColumns: columns)
        #expect(Array(padded.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(DisplayWidth.columns(of: padded) == columns)
    }

    /// Text made only of scalars that are one column alone is counted by scalar, without breaking it into
    /// characters: the count must be the characters' own, at every edge of those ranges and beside the
    /// scalars just outside them (a soft hyphen, a combining mark, a control, a wide letter).
    @Test func countingByScalarAgreesWithCountingCharacters() {
        let edges: [UInt32] = [0x1F, 0x20, 0x7E, 0x7F, 0x9F, 0xA0, 0xAC, 0xAD, 0xAE, 0x2FF, 0x300, 0x323, 0x1DFF, 0x1E00, 0x1EFF, 0x1F00, 0x1100, 0x200B]
        let scalars = edges.compactMap(Unicode.Scalar.init)
        for first in scalars {
            for second in scalars {
                let text = String(String.UnicodeScalarView([Unicode.Scalar("a"), first, second, Unicode.Scalar("b")]))
                let byCharacter = text.reduce(0) { $0 + DisplayWidth.columns(of: $1) }
                #expect(DisplayWidth.columns(of: text) == byCharacter, "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(DisplayWidth.columns(of: "Trần Thị Ánh Tuyết 15/03/1998 Chi bộ Khu phố 3") == 46)
        #expect(DisplayWidth.columns(of: "Nguy\u{00AD}ễn") == 6)
    }

    @Test func customEllipsisCountsItsOwnWidth() {
        #expect(DisplayWidth.truncated("Nguyễn Văn An", toColumns: 8, ellipsis: "...") == "Nguyễ...")
        #expect(DisplayWidth.truncated("Nguyễn Văn An", toColumns: 2, ellipsis: "...") == "Ng")
    }
}
