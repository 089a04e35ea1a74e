import Foundation
import HoSoTestSupport
import Testing

/// Issue 16, item 7 through the CLI: `hoso holidays` says which days are published and which guessed.
@Suite("CLI: holidays by year")
struct CLIHolidaysByYearTests {
    @Test("2025 shows 1/9 and 2/9 with the notice; 2027 marks 3/9 and Tết dự kiến until holidays.json confirms it")
    func publishedAndGuessed() throws {
        let cli = try CLIWorkspace()
        let year2025 = try cli.ok("holidays", "2025")
        #expect(year2025.contains("01/09/2025  Thứ Hai   Quốc khánh\n"), "\(year2025)")
        #expect(!year2025.contains("03/09/2025"), "\(year2025)")
        #expect(year2025.contains("Theo: Thông báo 6150/TB-LĐTBXH ngày 14/11/2024"), "\(year2025)")
        let year2026 = try cli.ok("holidays", "2026")
        #expect(!year2026.contains("dự kiến"), "Tết Bính Ngọ and 2/9/2026 are published: \(year2026)")
        #expect(year2026.contains("20/02/2026  Thứ Sáu   Tết Nguyên Đán — 4/1 âm lịch\n"), "\(year2026)")
        #expect(year2026.contains("31/08/2026  Thứ Hai   Nghỉ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)\n"), "\(year2026)")
        #expect(year2026.contains("Ngày nghỉ hằng tuần phải đi làm bù:\n  22/08/2026  Thứ Bảy   Làm bù"), "\(year2026)")
        #expect(year2026.contains("Theo: Ý kiến của Thủ tướng Chính phủ (tháng 10/2025)"), "\(year2026)")
        #expect(!year2026.contains("03/09/2026"), "\(year2026)")
        let year2027 = try cli.ok("holidays", "2027")
        #expect(year2027.contains("06/02/2027  Thứ Bảy   Tết Nguyên Đán — 1/1 âm lịch (dự kiến)"), "no schedule known for Tết Đinh Mùi: \(year2027)")
        #expect(year2027.contains("03/09/2027  Thứ Sáu   Quốc khánh (dự kiến)"), "\(year2027)")
        #expect(year2027.contains("thêm 2027 vào \"confirmedYears\""), "\(year2027)")
        try cli.ok("init", "--name", "Chi bộ Khu phố 3", "--official", "8", "--clerk-id", "lan", "--clerk-name", "Thư ký Lan")
        try Data(#"{ "confirmedYears": [2027] }"#.utf8).write(to: URL(fileURLWithPath: cli.directory + "/holidays.json"))
        let confirmed = try cli.ok("holidays", "2027")
        #expect(!confirmed.contains("dự kiến"), "\(confirmed)")
    }

    @Test("A holidays.json that adds a day already built in (01/09/2026) lists it once, confirmed by the file")
    func builtInDayAddedAgain() throws {
        let cli = try CLIWorkspace()
        try cli.ok("init", "--name", "Chi bộ Khu phố 3", "--official", "8", "--clerk-id", "lan", "--clerk-name", "Thư ký Lan")
        let file = #"{ "extraDaysOff": [{ "date": "2026-09-01", "reason": "Nghỉ Quốc khánh theo thông báo" }] }"#
        try Data(file.utf8).write(to: URL(fileURLWithPath: cli.directory + "/holidays.json"))
        let listed = try cli.ok("holidays", "2026")
        #expect(listed.components(separatedBy: "01/09/2026").count == 2, "once: \(listed)")
        #expect(listed.contains("01/09/2026  Thứ Ba    Quốc khánh (có trong holidays.json)\n"), "\(listed)")
        let before = try CLIWorkspace().ok("holidays", "2026")
        #expect(listed.hasPrefix(before.components(separatedBy: "\n")[0]), "the same number of days: \(listed)")
    }
}
