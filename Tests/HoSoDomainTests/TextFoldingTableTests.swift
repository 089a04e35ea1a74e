import Foundation
@testable import HoSoDomain
import Testing

/// The table-driven folding and the shortcuts before Unicode's property tables must answer exactly as
/// the properties do, on every input: search keys and collation keys are built through them.
@Suite struct TextFoldingTableTests {
    @Test func foldingFromTheTableAgreesWithThePropertiesOnEveryLetterItCovers() {
        var inputs = TextCanonicalFormsTests.samples + ["  Nguyễn  Văn Á ", "ĐẶNG\tNGỌC\nDUNG", "\u{00D0}ức ß ẞ İ Ǆ ŉ", "Æsir Øre Ŀa"]
        for scalar in CanonicalForms.coveredScalars {
            inputs.append(String(scalar))
            inputs.append(" x" + String(scalar) + "Y  " + String(scalar) + " ")
            inputs.append(String(scalar) + "\u{301}")  // a combining mark: the general way for the whole text
        }
        #expect(CanonicalForms.coveredScalars.count > 500, "the table covers the Latin letters")
        for text in inputs {
            let expected = Array(VietnameseText.foldedByProperties(text).utf8)
            #expect(VietnameseText.foldedUTF8(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Array(VietnameseText.folded(text).utf8) == expected)
        }
    }

    @Test func foldingAgreesOnEveryASCIICharacter() {
        for value in UInt8(0)..<0x80 {
            let text = "A" + String(UnicodeScalar(value)) + "b" + String(UnicodeScalar(value))
            #expect(VietnameseText.foldedUTF8(text) == Array(VietnameseText.foldedByProperties(text).utf8), "U+\(String(value, radix: 16))")
        }
    }

    @Test func markAndWhitespaceShortcutsAgreeWithTheProperties() {
        // The shortcuts answer below U+0370 and pass everything else to the properties; the range checked
        // goes past them to the last whitespace (U+3000).
        var disagreements: [String] = []
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
            if VietnameseText.isMark(scalar) != isMark { disagreements.append("mark U+\(String(value, radix: 16))") }
            if VietnameseText.isWhitespace(scalar) != scalar.properties.isWhitespace {
                disagreements.append("whitespace U+\(String(value, radix: 16))")
            }
        }
        #expect(disagreements == [])
    }

    @Test func aKeyOfPartsIsTheKeyOfThePartsJoined() {
        let parts = ["Nguyễn Thị Ánh", "", " ", "HS-0001", "  Chi bộ  Khu phố 3 ", "\u{301}a", "a\u{301}", "ĐỖ\t", "Ελλάδα", "Ǆ ŉ"]
        for first in parts {
            for second in parts {
                for third in ["", "x", " Trạm Y tế "] {
                    let joined = [first, second, third]
                    #expect(SearchKey(joining: joined) == SearchKey(joined.joined(separator: " ")),
                            "\(joined.map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
                }
            }
        }
    }

    @Test func unmemoisedNameKeysEqualTheMemoisedOnes() {
        for name in TextCollationTests.namesInOrder + ["Nguye\u{302}\u{303}n Thị Ánh", "Ελλάδα Ὀδυσσεύς", ""] {
            #expect(VietnameseCollation.unmemoisedSortKey(forFullName: name) == VietnameseCollation.sortKey(forFullName: name))
        }
        let nfd = VietnameseCollation.unmemoisedSortKey(forFullName: "Nguye\u{302}\u{303}n Thị Ánh")
        let nfc = VietnameseCollation.unmemoisedSortKey(forFullName: "Nguyễn Thị Ánh")
        #expect(nfc.weights == nfd.weights && nfc != nfd, "an NFD name sorts with its NFC form and keeps its own tie-break")
    }
}
