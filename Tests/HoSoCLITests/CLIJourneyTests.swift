import Foundation
import HoSoTestSupport
import Testing

@Suite("The CLI, driven as a clerk would")
struct CLIJourneyTests {
    @Test("A candidate goes from nomination to official member through the CLI alone, with realistic dates", arguments: CLIBackend.allCases)
    func nominationToOfficial(backend: CLIBackend) throws {
        let cli = try CLIWorkspace(backend)
        try cli.setUpCell()
        try cli.ok("case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2024-02-05")
        try cli.ok("case", "note", "HS-0001", "--text", "Tích cực tham gia hoạt động khu phố.", "--date", "2024-03-04")
        try cli.ok("case", "do", "HS-0001", "enroll", "--class-name", "Lớp nhận thức về Đảng khóa 2/2024", "--date", "2024-04-08")
        try cli.ok("case", "do", "HS-0001", "certify", "--number", "CN-2024-118", "--issuer", "Trung tâm Chính trị quận 3", "--date", "2024-04-15")
        try cli.ok("case", "do", "HS-0001", "file-dossier", "--application-date", "2024-05-02", "--date", "2024-05-06")
        try cli.ok("case", "verify", "add", "HS-0001", "--relation", "candidate", "--name", "Nguyễn Thị Ánh", "--born-year", "1998", "--sent", "2024-05-10", "--responsible", "M002", "--date", "2024-05-10")
        try cli.ok("case", "verify", "add", "HS-0001", "--relation", "father", "--name", "Nguyễn Văn Bình", "--born-year", "1956", "--place", "Huế", "--sent", "2024-05-10", "--responsible", "M002", "--date", "2024-05-10")
        try cli.ok("case", "verify", "add", "HS-0001", "--relation", "mother", "--name", "Lê Thị Hoa", "--born-year", "1960", "--party-member", "--date", "2024-05-10")
        try cli.ok("case", "do", "HS-0001", "start-verification", "--date", "2024-05-10")
        // Concluding before the results are in is refused, and says which items are missing.
        let early = try cli.run("case", "do", "HS-0001", "conclude-verification", "--date", "2024-05-20")
        #expect(early.status == 3)
        #expect(early.standardError.contains("Còn 3 phiếu chưa có kết quả"))
        try cli.ok("case", "verify", "result", "HS-0001", "--item", "1", "--result", "clear", "--returned", "2024-06-14", "--date", "2024-06-14")
        try cli.ok("case", "verify", "result", "HS-0001", "--item", "2", "--result", "clear", "--returned", "2024-06-20", "--date", "2024-06-20")
        try cli.ok("case", "verify", "result", "HS-0001", "--item", "3", "--result", "exempt", "--date", "2024-06-20")
        try cli.ok("case", "do", "HS-0001", "conclude-verification", "--date", "2024-06-25")
        try cli.ok("case", "introducer", "HS-0001", "--member", "M001", "--known-since", "2021-09-01", "--date", "2024-07-01")
        try cli.ok("case", "introducer", "HS-0001", "--member", "M003", "--known-since", "2022-03-15", "--date", "2024-07-01")
        try cli.ok("case", "opinion", "HS-0001", "--source", "massOrganisations", "--text", "Đồng ý", "--date", "2024-07-03")
        try cli.ok("case", "opinion", "HS-0001", "--source", "residence", "--text", "Đồng ý", "--date", "2024-07-05")
        try cli.ok("case", "do", "HS-0001", "collect-introductions", "--date", "2024-07-08")
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "7", "--against", "0", "--exempt-absent", "1", "--date", "2024-07-15")
        // A birth date corrected after the vote to one under 18 at the vote is kept, and the note is printed.
        let wrong = try cli.ok("case", "identity", "HS-0001", "--born", "2006-09-01", "--date", "2024-07-20")
        #expect(wrong.contains("Lưu ý: Theo thông tin đã sửa, chi bộ biểu quyết ngày 15/07/2024 khi chưa đạt: 17 năm 10 tháng"), "\(wrong)")
        let back = try cli.ok("case", "identity", "HS-0001", "--born", "1998-04-12", "--date", "2024-07-20")
        #expect(back.contains("Ngày sinh: 01/09/2006 → 12/04/1998") && !back.contains("Lưu ý"))
        try cli.ok("case", "do", "HS-0001", "committee-vote", "--for", "8", "--against", "1", "--date", "2024-08-05")
        try cli.ok("case", "do", "HS-0001", "decide", "--number", "125-QĐ/ĐU", "--body", "Ban Thường vụ Đảng ủy phường Xuân Hòa", "--received", "2024-08-23", "--date", "2024-08-20")
        try cli.ok("case", "do", "HS-0001", "hold-ceremony", "--date", "2024-09-02")
        // Probation is 12 months from the ceremony: a day early is refused.
        let early2 = try cli.run("case", "do", "HS-0001", "complete-probation", "--date", "2025-09-01")
        #expect(early2.status == 3)
        #expect(early2.standardError.contains("đến ngày 02/09/2025 mới đủ 12 tháng"))
        try cli.ok("case", "do", "HS-0001", "complete-probation", "--date", "2025-09-02")
        try cli.ok(
            "case", "do", "HS-0001", "recognize", "--for", "8", "--number", "301-QĐ/ĐU", "--body", "Ban Thường vụ Đảng ủy phường Xuân Hòa",
            "--certificate-number", "ĐVM-2025-07", "--certificate-issuer", "Trung tâm Chính trị", "--certificate-date", "2025-06-20", "--date", "2025-09-15")
        #expect(try cli.state(of: "HS-0001") == "official")
        #expect(try cli.ok("case", "show", "HS-0001").hasSuffix("Các bước có thể làm: không còn bước nào.\n"))
        let history = try cli.ok("case", "history", "HS-0001")
        #expect(history.contains("Công nhận đảng viên chính thức"))
        #expect(history.contains("Thư ký Lan"))
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }

    @Test("A candidate under 18 at the cell vote is refused with the reason, the rule, exit 3, and nothing changes")
    func underageRefused() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell(born: "2006-09-20")
        for (arguments) in [
            ["admit-to-list", "--mentor", "M001", "--date", "2024-02-05"],
            ["enroll", "--class-name", "Lớp 2/2024", "--date", "2024-04-08"],
            ["certify", "--number", "CN-1", "--issuer", "Trung tâm Chính trị", "--date", "2024-04-15"],
            ["file-dossier", "--application-date", "2024-05-02", "--date", "2024-05-06"],
        ] {
            let result = try cli.run(["case", "do", "HS-0001"] + arguments)
            #expect(result.status == 0, "\(result.standardError)")
        }
        try cli.ok("case", "verify", "add", "HS-0001", "--relation", "candidate", "--name", "Nguyễn Thị Ánh", "--born-year", "2006", "--sent", "2024-05-10", "--date", "2024-05-10")
        try cli.ok("case", "do", "HS-0001", "start-verification", "--date", "2024-05-10")
        try cli.ok("case", "verify", "result", "HS-0001", "--item", "1", "--result", "clear", "--returned", "2024-06-14", "--date", "2024-06-14")
        try cli.ok("case", "do", "HS-0001", "conclude-verification", "--date", "2024-06-25")
        try cli.ok("case", "introducer", "HS-0001", "--member", "M001", "--known-since", "2021-09-01", "--date", "2024-07-01")
        try cli.ok("case", "introducer", "HS-0001", "--member", "M002", "--known-since", "2021-09-01", "--date", "2024-07-01")
        try cli.ok("case", "opinion", "HS-0001", "--source", "massOrganisations", "--date", "2024-07-03")
        try cli.ok("case", "opinion", "HS-0001", "--source", "residence", "--date", "2024-07-05")
        try cli.ok("case", "do", "HS-0001", "collect-introductions", "--date", "2024-07-08")
        let before = try cli.snapshotBytes()
        let refused = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2024-09-19")
        #expect(refused.status == 3)
        #expect(refused.standardError.contains("17 năm 11 tháng tại ngày chi bộ xét (19/09/2024); cần đủ 18 tuổi (Quy định 294-QĐ/TW"))
        #expect(try cli.snapshotBytes() == before, "a refused step writes nothing")
        #expect(try cli.state(of: "HS-0001") == "introduced")

        let json = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2024-09-19", "--json")
        #expect(json.status == 3)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let unmet = object?["unmet"] as? [[String: Any]]
        #expect(unmet?.map { $0["code"] as? String } == ["age.minimum"])

        let blockers = try cli.ok("case", "blockers", "HS-0001", "--date", "2024-09-20")
        // Only the vote itself is missing on the 18th birthday.
        #expect(!blockers.contains("18 tuổi"))
        #expect(blockers.contains("Chưa có kết quả biểu quyết của chi bộ"))
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2024-09-20")
    }
}

extension CLIWorkspace {
    @discardableResult
    func run(_ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run([binary] + arguments + ["--data", directory])
    }
}
