import Foundation
import HoSoTestSupport
import Testing

/// The units screen in the real application: the member counts, short name and letterhead changed at the terminal
/// are those `hoso units list` and the reports then use.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct UnitsEndToEndTests {
    static let today = "2026-11-23"

    @Test func theCountsAndTheLetterheadChangedOnTheUnitsScreenAreStored() async throws {
        let data = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try HosoRun.run(["init", "--data", data, "--name", "Chi bộ Khu phố 3", "--official", "8", "--today", Self.today])
        let session = try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 80, height: 24)
        defer { session.stop() }
        try await session.waitFor(text: "Bảng tiến độ")
        try session.sendKeys("D")
        try await session.waitFor(text: "Số đảng viên theo ngày")

        // Enter: the counts of today; from 01/11/2026 the cell has 11 official members and a committee of 9.
        try session.sendKeys("Enter")
        try await session.waitFor(text: "Có hiệu lực từ ngày")
        try session.sendKeys("C-u")
        try session.sendLiteral("01/11/2026")
        try session.sendKeys("Tab", "C-u")
        try session.sendLiteral("11")
        for _ in 0..<4 { try session.sendKeys("Tab") }
        try session.sendKeys("C-u")
        try session.sendLiteral("9")
        try session.sendKeys("C-s")
        let saved = try await session.waitFor(text: "Đã ghi số đảng viên")
        #expect(saved.contains("từ 01/11/2026  11 chính thức"), "\(saved)")

        // Ctrl-E: the short name and the letterhead; the place typed is printed on the next reports.
        try session.sendKeys("C-e")
        try await session.waitFor(text: "Tên ngắn, tiêu đề văn bản — Chi bộ Khu phố 3")
        try session.sendLiteral("Ba")
        for _ in 0..<4 { try session.sendKeys("Tab") }
        try session.sendLiteral("Xuân Hòa")
        try session.sendKeys("C-s")
        let shown = try await session.waitFor(text: "Đã ghi tên ngắn \"Ba\" và tiêu đề văn bản")
        #expect(shown.contains("Xuân Hòa, ngày 23 tháng 11 năm 2026"), "\(shown)")
        #expect(shown.contains("CB-1 │ Ba       │ Chi bộ Khu phố 3"), "\(shown)")

        let units = try HosoRun.run(["units", "list", "--json", "--data", data])
        #expect(units.contains("\"committeeMembers\" : 9") && units.contains("\"official\" : 11"), "\(units)")
        #expect(units.contains("\"place\" : \"Xuân Hòa\"") && units.contains("\"shortName\" : \"Ba\""), "\(units)")
    }
}
