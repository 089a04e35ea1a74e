@testable import HoSoTUI
import Testing

/// The columns a terminal gives text: the quick answer for one Latin or Vietnamese scalar must be the one
/// the Unicode tables give.
@Suite struct CellWidthTests {
    @Test("Every scalar the quick path answers is one column by the Unicode tables too")
    func quickPathAgreesWithTheTables() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x1E00...0x1EFF]
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let character = Character(scalar)
                #expect(CellWidth.of(character) == CellWidth.byTables(character, first: scalar), "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked == 95 + 608 + 256)
    }

    @Test("Vietnamese names, marks, wide letters and emoji")
    func examples() {
        #expect(CellWidth.of("Nguyễn Thị Ánh") == 14)
        #expect(CellWidth.of("Đảng ủy phường Xuân Hòa") == 23)
        // A decomposed letter (e + combining acute) is one column; a lone mark, a soft hyphen none.
        #expect(CellWidth.of("Nguye\u{302}\u{303}n") == 6)
        #expect(CellWidth.of("\u{301}") == 0)
        #expect(CellWidth.of("a\u{AD}b") == 2)
        #expect(CellWidth.of("한국") == 4)
        #expect(CellWidth.of("✓ 😀") == 4)
    }
}
