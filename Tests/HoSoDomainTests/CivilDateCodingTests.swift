import Foundation
import HoSoDomain
import Testing

@Suite struct CivilDateCodingTests {
    struct Wrapper: Codable, Equatable { let date: CivilDate }

    func decode(_ text: String) -> CivilDate? {
        try? JSONDecoder().decode(Wrapper.self, from: Data(#"{"date":"\#(text)"}"#.utf8)).date
    }

    @Test(arguments: ["2024-02-29", "0001-01-01", "9999-12-31", "2026-11-23"])
    func storedFormRoundTrips(_ text: String) throws {
        let date = try #require(decode(text))
        #expect(date == CivilDate(parsing: text))
        #expect(date.iso == text)
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "0000-01-01", "2025/01/15", "2025-01-1x", "２０２５-01-01", ""])
    func notARealDayIsRefused(_ text: String) {
        #expect(decode(text) == nil)
    }

    /// The other forms `init(parsing:)` accepts keep decoding, as before the byte-level fast path.
    @Test func otherAcceptedFormsStillDecode() {
        #expect(decode("01/07/2025") == CivilDate(year: 2025, month: 7, day: 1))
        #expect(decode(" 2025-07-01") == CivilDate(year: 2025, month: 7, day: 1))
    }
}
