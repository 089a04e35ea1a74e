import Foundation
import HoSoTestSupport
import Testing

/// Issue 16, item 4 through the CLI: `hoso units set-counts` dates the counts; a vote uses those of its day.
@Suite("CLI: member counts by date")
struct CLIUnitCountsTests {
    @Test("From 1/7/2025 the cell has 12 official members: 7 votes pass the day before, not from that day",
          arguments: [("2025-06-30", true), ("2025-07-01", false), ("2025-07-02", false)])
    func cellVoteAgainstTheCountsOfItsDay(day: String, passes: Bool) throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.introduceIn2025()
        let set = try cli.ok("units", "set-counts", "CB-1", "--official", "12", "--date", "2025-07-01")
        #expect(set.contains("Đã ghi số đảng viên của Chi bộ Khu phố 3 từ ngày 01/07/2025:"), "\(set)")
        #expect(set.contains("khi khởi tạo   8 chính thức, 0 dự bị, 0 sinh hoạt tạm thời nơi khác, 1 miễn sinh hoạt; đảng ủy 9 ủy viên"), "\(set)")
        #expect(set.contains("từ 01/07/2025  12 chính thức, 0 dự bị, 0 sinh hoạt tạm thời nơi khác, 1 miễn sinh hoạt; đảng ủy 9 ủy viên"), "\(set)")
        let vote = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", day)
        #expect(vote.status == (passes ? 0 : 3), "\(vote.standardError)")
        if !passes { #expect(vote.standardError.contains("7/11"), "\(vote.standardError)") }
    }

    @Test("A cell created without --committee records it later, and the committee vote then passes")
    func committeeAddedLater() throws {
        let cli = try CLIWorkspace()
        try cli.ok("init", "--name", "Chi bộ Khu phố 3", "--official", "8", "--clerk-id", "lan", "--clerk-name", "Thư ký Lan")
        let unknown = try cli.run("units", "set-counts", "CB-1", "--date", "2025-07-01")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("Chưa có số nào để ghi. Hãy ghi ít nhất một trong --official"), "\(unknown.standardError)")
        let future = try cli.run("units", "set-counts", "CB-1", "--committee", "9", "--date", "2026-12-07", "--today", "2026-12-06")
        #expect(future.status == 1)
        #expect(future.standardError.contains("Ngày 07/12/2026 sau ngày hôm nay (06/12/2026)"), "\(future.standardError)")
        let wrong = try cli.run("units", "set-counts", "CB-1", "--exempt", "9", "--date", "2025-07-01")
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("vượt quá số đảng viên chính thức (8)"), "\(wrong.standardError)")
        try cli.ok("units", "set-counts", "CB-1", "--committee", "9", "--date", "2025-07-01")
        let json = try cli.ok("units", "list", "--json")
        #expect(json.contains("\"committeeMembers\" : 9"), "\(json)")
    }
}
