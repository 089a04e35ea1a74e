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

    @Test("The vote's 2/3 names the figure and its entry, and the members recorded that disagree; after the ceremony the CLI prints the set-counts command, which runs")
    func figureNamedAndOfferAfterCeremony() throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.introduceIn2025()
        let blockers = try cli.run("case", "blockers", "HS-0001", "--date", "2025-06-19")
        #expect(blockers.standardOutput.contains(
            "• Chưa có kết quả biểu quyết của chi bộ; 2/3 tính trên 8 đảng viên chính thức theo số đã khai khi lập dữ liệu, "
                + "trừ người miễn sinh hoạt vắng mặt; danh sách đảng viên đã ghi trong HoSo có 2 đảng viên chính thức của đơn vị "
                + "tại ngày 19/06/2025, khác số đã khai khi lập dữ liệu (8); HoSo tính theo số đã khai. Nếu số đã khai cũ, "
                + "sửa bằng: hoso units set-counts CB-1 --official 2 --date 2025-06-19"), "\(blockers.standardOutput)")
        try cli.ok("units", "set-counts", "CB-1", "--official", "11", "--date", "2025-06-20")
        for (day, origin) in [("2025-06-19", "khi lập dữ liệu"), ("2025-06-20", "từ ngày 20/06/2025"), ("2025-06-21", "từ ngày 20/06/2025")] {
            let refused = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "3", "--exempt-absent", "1", "--date", day)
            #expect(refused.status == 3)
            #expect(refused.standardError.contains("theo số đã khai \(origin), trừ người miễn sinh hoạt vắng mặt"), "\(refused.standardError)")
            let show = try cli.ok("case", "show", "HS-0001", "--today", day)
            #expect(show.contains("2/3 tính trên \(day == "2025-06-19" ? 8 : 11) đảng viên chính thức theo số đã khai \(origin)"), "\(show)")
        }
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "8", "--exempt-absent", "1", "--date", "2025-06-23")
        let cellVote = try cli.ok("case", "do", "HS-0001", "committee-vote", "--for", "8", "--date", "2025-07-01")
        #expect(!cellVote.contains("set-counts"), "no offer after a vote: \(cellVote)")
        try cli.ok("case", "do", "HS-0001", "decide", "--number", "12-QĐ/ĐU", "--body", "Đảng ủy phường Xuân Hòa", "--date", "2025-07-08")
        let ceremony = try cli.ok("case", "do", "HS-0001", "hold-ceremony", "--date", "2025-07-15")
        #expect(ceremony.contains(
            "HS-0001 Nguyễn Thị Ánh là đảng viên dự bị từ ngày 15/07/2025: số đảng viên của Chi bộ Khu phố 3 có thể đã đổi "
                + "(dự bị 0 → 1, từ ngày 15/07/2025).\nNếu số đã khai chưa tính người này, ghi bằng: "
                + "hoso units set-counts CB-1 --probationary 1 --date 2025-07-15\n"), "\(ceremony)")
        let advised = try #require(ceremony.components(separatedBy: "ghi bằng: hoso ").last?.split(separator: "\n").first)
        let set = try cli.run(advised.split(separator: " ").map(String.init))
        #expect(set.status == 0, "\(set.standardError)")
        #expect(set.standardOutput.contains("từ 15/07/2025  11 chính thức, 1 dự bị, 0 sinh hoạt tạm thời nơi khác, 1 miễn sinh hoạt"),
                "\(set.standardOutput)")
    }
}
