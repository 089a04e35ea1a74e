import Foundation
@testable import HoSoDomain
import Testing

/// The shortcut normaliser must agree with Foundation's on every input, not only on Vietnamese names.
@Suite struct TextCanonicalFormsTests {
    static let samples: [String] = [
        "Nguyễn Thị Ánh", "ĐẶNG NGỌC DUNG", "Dương Hoàng Vi", "hoà", "hòa", "Hoa\u{300}", "a\u{301}\u{323}", "a\u{323}\u{301}",
        "Ω Å ﬁ ǅ", "Chi bộ Khu phố 3", "", "  ", "e\u{302}\u{301}x", "Ǖǘ ḉ ṩ", "Ελλάδα", "Ἀθῆναι", "한국어", "ไทย", "Ḁ\u{0301}",
    ]

    @Test func agreesWithFoundationOnEveryTableLetterAndMixedSamples() {
        var inputs = Self.samples
        for value in UInt32(0xC0)...0x1EFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            inputs.append("x" + String(scalar) + "y")
            inputs.append(String(scalar) + "\u{301}")
        }
        for text in inputs {
            #expect(CanonicalForms.decomposed(text) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(CanonicalForms.composed(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
