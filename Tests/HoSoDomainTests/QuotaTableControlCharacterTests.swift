import Foundation
import HoSoDomain
import Testing

/// Issue 16, item 9: a unit name with control characters does not reach the store.
@Suite("Quota table: control characters")
struct QuotaTableControlCharacterTests {
    @Test("A unit or sector name with ESC or BEL is refused with its line; the plain table reads")
    func controlCharactersRefused() throws {
        let appendix = try QuotaFixtures.appendix
        #expect(throws: Never.self) { try QuotaTableParser.parse(appendix) }
        let unitLine = appendix.replacingOccurrences(of: "1\tPhường 1\t", with: "1\tPhường 1\u{1B}[2J\u{07}\t")
        #expect {
            try QuotaTableParser.parse(unitLine)
        } throws: { error in
            let description = (error as? QuotaTableError)?.description ?? ""
            return description.hasPrefix("Dòng 11, cột \"ĐƠN VỊ\": \"Phường 1␛[2J␇\": Nội dung có ký tự điều khiển")
        }
        let sectorLine = appendix.replacingOccurrences(of: "KHỐI PHƯỜNG\t", with: "KHỐI\u{07} PHƯỜNG\t")
        #expect {
            try QuotaTableParser.parse(sectorLine)
        } throws: { error in
            (error as? QuotaTableError)?.line == 10
        }
    }
}
