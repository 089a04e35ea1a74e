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

    @Test func customEllipsisCountsItsOwnWidth() {
        #expect(DisplayWidth.truncated("Nguyễn Văn An", toColumns: 8, ellipsis: "...") == "Nguyễ...")
        #expect(DisplayWidth.truncated("Nguyễn Văn An", toColumns: 2, ellipsis: "...") == "Ng")
    }
}
