import Foundation
import HoSoTestSupport
import Testing

extension CLIWorkspace {
    /// The cell of `setUpCell` with HS-0001 (born `born`, a Youth Union member or not) taken to "verified"
    /// in spring 2025, so its papers are still fresh for a vote in early 2026.
    func verifiedIn2025(born: String = "1998-04-12", youthUnion: Bool = false) throws {
        try ok("init", "--name", "Chi bộ Khu phố 3", "--parent", "Đảng ủy phường Xuân Hòa", "--official", "8", "--exempt", "1", "--committee", "9",
               "--clerk-id", "lan", "--clerk-name", "Thư ký Lan")
        try ok("member", "add", "--id", "M001", "--name", "Trần Văn Hùng", "--official-since", "2001-05-19")
        try ok("member", "add", "--id", "M002", "--name", "Lê Thị Mai", "--official-since", "2010-02-03")
        let add = ["case", "add", "--name", "Nguyễn Thị Ánh", "--born", born, "--sex", "nu", "--education", "university", "--date", "2025-03-03"]
        let result = try run(add + (youthUnion ? ["--youth-union"] : []))
        #expect(result.status == 0, "\(result.standardError)")
        try ok("case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2025-03-10")
        try ok("case", "do", "HS-0001", "enroll", "--class-name", "Lớp 3/2025", "--date", "2025-04-07")
        try ok("case", "do", "HS-0001", "certify", "--number", "CN-2025-9", "--issuer", "Trung tâm Chính trị", "--date", "2025-04-14")
        try ok("case", "do", "HS-0001", "file-dossier", "--application-date", "2025-05-02", "--date", "2025-05-05")
        try ok("case", "verify", "add", "HS-0001", "--relation", "candidate", "--name", "Nguyễn Thị Ánh", "--born-year", "1995", "--sent", "2025-05-09", "--date", "2025-05-09")
        try ok("case", "do", "HS-0001", "start-verification", "--date", "2025-05-09")
        try ok("case", "verify", "result", "HS-0001", "--item", "1", "--result", "clear", "--returned", "2025-06-02", "--date", "2025-06-02")
        try ok("case", "do", "HS-0001", "conclude-verification", "--date", "2025-06-05")
    }
}

/// Issue 16 through the real binary: the rules at the right dates, the steps' own data, text that slips through.
@Suite("The rules at the right dates, through the CLI")
struct CLIRuleDatesTests {
    @Test("Youth route: one introducer in January; the vote at 31 is refused and says why, the day before passes")
    func youthRouteAtVote() throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025(born: "1995-02-10", youthUnion: true)
        try cli.ok("case", "introducer", "HS-0001", "--member", "M001", "--known-since", "2020-01-01", "--date", "2026-01-15")
        try cli.ok("case", "union", "HS-0001", "--body", "youthUnion", "--date", "2026-01-15")
        try cli.ok("case", "opinion", "HS-0001", "--source", "massOrganisations", "--date", "2026-01-15")
        try cli.ok("case", "opinion", "HS-0001", "--source", "residence", "--date", "2026-01-15")
        try cli.ok("case", "do", "HS-0001", "collect-introductions", "--date", "2026-01-15")

        let blockers = try cli.run("case", "blockers", "HS-0001", "--date", "2026-02-15")
        #expect(blockers.standardOutput.contains("✗ Có 1 người giới thiệu; cần 2 (giới thiệu bởi đảng viên chính thức); người vào Đảng 31 năm tại ngày 15/02/2026"), "\(blockers.standardOutput)")
        let before = try cli.snapshotBytes()
        let refused = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2026-02-10")
        #expect(refused.status == 3)
        #expect(refused.standardError.contains("quá tuổi thanh niên (30 tuổi)"), "\(refused.standardError)")
        #expect(try cli.snapshotBytes() == before)
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2026-02-09")
        #expect(try cli.state(of: "HS-0001") == "cellApproved")
    }

    @Test("An introducer's 12 months are counted to the letter: a letter written after 3 months is refused at collection a year later")
    func introducerMonthsToLetter() throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.ok("case", "introducer", "HS-0001", "--member", "M001", "--known-since", "2020-01-01", "--date", "2025-06-10")
        try cli.ok("case", "introducer", "HS-0001", "--member", "M002", "--known-since", "2025-02-15", "--date", "2025-06-10")
        try cli.ok("case", "opinion", "HS-0001", "--source", "massOrganisations", "--date", "2025-06-12")
        try cli.ok("case", "opinion", "HS-0001", "--source", "residence", "--date", "2025-06-12")
        let refused = try cli.run("case", "do", "HS-0001", "collect-introductions", "--date", "2026-02-15")
        #expect(refused.status == 3)
        #expect(
            refused.standardError.contains(
                "Lê Thị Mai cùng công tác với người vào Đảng từ ngày 15/02/2025, được 3 tháng tính đến ngày giấy giới thiệu (10/06/2025); cần ít nhất 12 tháng"),
            "\(refused.standardError)")
    }
}
