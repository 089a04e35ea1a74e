import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// Issue 16, item 5 through the CLI: nothing dated after `--today`; a note before its mentor's assignment.
@Suite("CLI: dates that cannot be")
struct CLIDateOrderTests {
    @Test("admit-to-list dated after --today is refused with both dates; today and the day before are accepted",
          arguments: [("2026-12-05", true), ("2026-12-06", true), ("2026-12-07", false), ("2027-05-01", false)])
    func stepAfterToday(day: String, accepted: Bool) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell(nominated: "2026-11-02")
        let result = try cli.run("case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", day, "--today", "2026-12-06")
        #expect(result.status == (accepted ? 0 : 1), "\(result.standardError)")
        if !accepted {
            let typed = Fixtures.date(day)
            #expect(
                result.standardError.contains(
                    "Ngày \(typed) sau ngày hôm nay (06/12/2026): không ghi trước việc chưa xảy ra. Hãy nhập ngày việc đã diễn ra (từ 06/12/2026 trở về trước)."),
                "\(result.standardError)")
            #expect(try cli.state(of: "HS-0001") == "nominated")
        }
    }

    @Test("case add and a note dated after --today are refused", arguments: [("2026-12-06", 0), ("2026-12-07", 1)])
    func newFileAndNoteAfterToday(day: String, status: Int32) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell(nominated: "2026-11-02")
        let add = try cli.run("case", "add", "--name", "Trần Minh Tâm", "--born", "1999-03-04", "--sex", "nam", "--education", "university", "--date", day, "--today", "2026-12-06")
        #expect(add.status == status, "\(add.standardError)")
        let note = try cli.run("case", "note", "HS-0001", "--text", "Tích cực.", "--date", day, "--today", "2026-12-06")
        #expect(note.status == status, "\(note.standardError)")
    }

    @Test("A note dated before the mentor's assignment is refused, naming the assignment's day",
          arguments: [("2026-11-09", false), ("2026-11-10", true), ("2026-11-11", true)])
    func noteBeforeMentor(day: String, accepted: Bool) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell(nominated: "2026-11-02")
        try cli.ok("case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2026-11-10")
        let note = try cli.run("case", "note", "HS-0001", "--text", "Tích cực.", "--date", day)
        #expect(note.status == (accepted ? 0 : 1), "\(note.standardError)")
        if !accepted {
            #expect(note.standardError.contains("Ngày 09/11/2026 trước ngày của mục cuối trong lịch sử hồ sơ"), "\(note.standardError)")
            #expect(note.standardError.contains("ngày 10/11/2026"), "\(note.standardError)")
        }
    }

    @Test("check reports a stored result returned before it was sent, naming both dates")
    func checkReportsTheTable() throws {
        let cli = try CLIWorkspace()
        var (file, _) = try Fixtures.file(in: .verifying)
        let sent = Fixtures.date("2024-05-10")
        file.verificationItems = [
            VerificationItem(relation: .father, fullName: "Nguyễn Văn Ba", birthYear: 1965, sent: sent, returned: sent.adding(days: -1), result: .clear)
        ]
        _ = try Repository.create(
            at: cli.directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [file], actor: "Kiểm thử")
        let check = try cli.run("check")
        #expect(check.status != 0)
        #expect(
            check.standardOutput.contains(
                "Hồ sơ HS-0001: Ngày nhận kết quả thẩm tra (Nguyễn Văn Ba) 09/05/2024 trước ngày gửi thẩm tra 10/05/2024"),
            "\(check.standardOutput)\(check.standardError)")
    }
}
