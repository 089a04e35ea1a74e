import Foundation
import HoSoDomain
import Testing

struct TextDisplaySafetyTests {
    @Test(arguments: [
        ("\u{1B}[2J", ["\u{1B}"], "\u{241B}[2J"),
        ("\u{1B}]0;title\u{07}", ["\u{1B}", "\u{07}"], "\u{241B}]0;title\u{2407}"),
        ("An\u{9B}2J", ["\u{9B}"], "An\u{FFFD}2J"),
        ("abc\u{202E}cba", ["\u{202E}"], "abc\u{FFFD}cba"),
        ("\u{2066}x\u{2069}", ["\u{2066}", "\u{2069}"], "\u{FFFD}x\u{FFFD}"),
        ("Lê\u{200B}Văn", ["\u{200B}"], "Lê\u{FFFD}Văn"),
        ("a\u{7F}b", ["\u{7F}"], "a\u{2421}b"),
        ("a\0b", ["\0"], "a\u{2400}b"),
        ("Tab\there", ["\t"], "Tab\u{2409}here"),
        ("Line1\nLine2", ["\n"], "Line1\u{240A}Line2"),
        ("a\r\nb", ["\r", "\n"], "a\u{240D}\u{240A}b"),
    ] as [(String, [Unicode.Scalar], String)])
    func singleLineFieldsNeutraliseEveryControl(text: String, found: [Unicode.Scalar], sanitized: String) {
        #expect(VietnameseText.controlCharacters(in: text) == found)
        let result = VietnameseText.sanitizedForDisplay(text)
        #expect(Array(result.unicodeScalars) == Array(sanitized.unicodeScalars))
        #expect(VietnameseText.controlCharacters(in: result).isEmpty)
        #expect(!VietnameseText.isSafeForDisplay(text))
    }

    @Test(arguments: [
        ("Line1\nLine2", [], "Line1\nLine2"),
        ("a\r\nb", [], "a\nb"),
        ("a\rb", ["\r"], "a\u{240D}b"),
        ("Tab\there", ["\t"], "Tab\u{2409}here"),
        ("Ghi chú\n\u{1B}[31mđỏ", ["\u{1B}"], "Ghi chú\n\u{241B}[31mđỏ"),
    ] as [(String, [Unicode.Scalar], String)])
    func notesKeepOnlyNewlines(text: String, found: [Unicode.Scalar], sanitized: String) {
        #expect(VietnameseText.controlCharacters(in: text, lineMode: .multiLine) == found)
        let result = VietnameseText.sanitizedMultiLineForDisplay(text)
        #expect(Array(result.unicodeScalars) == Array(sanitized.unicodeScalars))
        #expect(VietnameseText.controlCharacters(in: result, lineMode: .multiLine).isEmpty)
    }

    @Test(arguments: [
        "Nguyễn Thị Minh Khai",
        "Đảng Cộng sản Việt Nam",
        "Chi bộ 3 — Phường Bến Nghé (Q.1)",
        "Đặng Thùy Trâm".decomposedStringWithCanonicalMapping,
        "漢字 😀",
    ])
    func ordinaryTextIsUntouched(text: String) {
        #expect(VietnameseText.controlCharacters(in: text).isEmpty)
        #expect(Array(VietnameseText.sanitizedForDisplay(text).unicodeScalars) == Array(text.unicodeScalars))
        #expect(Array(VietnameseText.sanitizedMultiLineForDisplay(text).unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func everyC0AndC1ControlIsCaught() {
        let values: [UInt8] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        let controls = values.map(Unicode.Scalar.init)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: controls)
        #expect(VietnameseText.controlCharacters(in: String(text)) == controls)
        let sanitized = VietnameseText.sanitizedForDisplay(String(text))
        #expect(sanitized.unicodeScalars.allSatisfy { $0.value >= 0x2400 })
    }
}
