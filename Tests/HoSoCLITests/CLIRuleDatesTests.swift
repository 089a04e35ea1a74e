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

    /// After `verifiedIn2025`: two introducers (letters of 2025-06-10; M002 known since `secondKnownSince`)
    /// and both opinions; with `collect`, the introductions are collected on 2025-06-16.
    func introduceIn2025(secondKnownSince: String = "2020-01-01", collect: Bool = true) throws {
        try ok("case", "introducer", "HS-0001", "--member", "M001", "--known-since", "2020-01-01", "--date", "2025-06-10")
        try ok("case", "introducer", "HS-0001", "--member", "M002", "--known-since", secondKnownSince, "--date", "2025-06-10")
        try ok("case", "opinion", "HS-0001", "--source", "massOrganisations", "--date", "2025-06-12")
        try ok("case", "opinion", "HS-0001", "--source", "residence", "--date", "2025-06-12")
        if collect { try ok("case", "do", "HS-0001", "collect-introductions", "--date", "2025-06-16") }
    }
}

extension CLIWorkspace {
    /// The cell of `setUpCell` with HS-0001 in the awareness class since 2024-04-01.
    func enrolledIn2024() throws {
        try setUpCell()
        try ok("case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2024-02-05")
        try ok("case", "do", "HS-0001", "enroll", "--class-name", "Lớp 2/2024", "--date", "2024-04-01")
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
        #expect(blockers.status == 3)
        #expect(blockers.standardOutput.contains("✗ Có 1 người giới thiệu; cần 2 (giới thiệu bởi đảng viên chính thức); người vào Đảng 31 năm tại ngày 15/02/2026"), "\(blockers.standardOutput)")
        let before = try cli.snapshotBytes()
        let refused = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2026-02-10")
        #expect(refused.status == 3)
        #expect(refused.standardError.contains("quá tuổi thanh niên (30 tuổi)"), "\(refused.standardError)")
        #expect(try cli.snapshotBytes() == before)
        let after = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2026-02-11")
        #expect(after.status == 3 && after.standardError.contains("quá tuổi thanh niên (30 tuổi)"), "the day after: \(after.standardError)")
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2026-02-09")
        #expect(try cli.state(of: "HS-0001") == "cellApproved")
    }

    @Test("An introducer's 12 months are counted to the letter: a letter written after 3 months is refused at collection a year later")
    func introducerMonthsToLetter() throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.introduceIn2025(secondKnownSince: "2025-02-15", collect: false)
        let refused = try cli.run("case", "do", "HS-0001", "collect-introductions", "--date", "2026-02-15")
        #expect(refused.status == 3)
        #expect(
            refused.standardError.contains(
                "Lê Thị Mai cùng công tác với người vào Đảng từ ngày 15/02/2025, được 3 tháng tính đến ngày giấy giới thiệu (10/06/2025); cần ít nhất 12 tháng"),
            "\(refused.standardError)")
    }

    @Test("certify --certificate-date and file-dossier --biography-date record their own dates; a date after the step is refused")
    func stepDates() throws {
        let cli = try CLIWorkspace()
        try cli.enrolledIn2024()
        let late = try cli.run("case", "do", "HS-0001", "certify", "--number", "CN-1", "--issuer", "TTCT", "--certificate-date", "2024-04-16", "--date", "2024-04-15")
        #expect(late.status == 1)
        #expect(late.standardError.contains("Ngày cấp giấy chứng nhận (16/04/2024) sau ngày ghi nhận (15/04/2024)"), "\(late.standardError)")
        try cli.ok("case", "do", "HS-0001", "certify", "--number", "CN-1", "--issuer", "TTCT", "--certificate-date", "2024-04-10", "--date", "2024-04-15")
        let lateBiography = try cli.run("case", "do", "HS-0001", "file-dossier", "--application-date", "2024-05-02", "--biography-date", "2024-05-07", "--date", "2024-05-06")
        #expect(lateBiography.status == 1)
        #expect(lateBiography.standardError.contains("Ngày lý lịch (07/05/2024) sau ngày nhận hồ sơ (06/05/2024)"))
        try cli.ok("case", "do", "HS-0001", "file-dossier", "--application-date", "2024-05-02", "--biography-date", "2024-05-03", "--date", "2024-05-06")
        let sheet = try cli.ok("case", "show", "HS-0001")
        #expect(sheet.contains("Giấy chứng nhận số CN-1, TTCT, cấp 10/04/2024, giá trị đến hết 09/04/2029"), "\(sheet)")
        #expect(sheet.contains("Lý lịch bản 1, ngày 03/05/2024"), "\(sheet)")
    }

    @Test("case blockers: exit 3 when blocked (with the exemption hint), exit 0 when only the step's own data is missing, each line once")
    func blockersExitAndHint() throws {
        let cli = try CLIWorkspace()
        try cli.enrolledIn2024()
        let certificate = try cli.run("case", "blockers", "HS-0001", "--date", "2024-04-15")
        #expect(certificate.status == 0, "\(certificate.standardError)")
        #expect(certificate.standardOutput.components(separatedBy: "Chưa có giấy chứng nhận").count == 2, "\(certificate.standardOutput)")
        try cli.ok("case", "do", "HS-0001", "certify", "--number", "CN-1", "--issuer", "TTCT", "--date", "2024-04-15")
        try cli.ok("case", "do", "HS-0001", "file-dossier", "--application-date", "2024-05-02", "--date", "2024-05-06")
        try cli.ok("case", "verify", "add", "HS-0001", "--relation", "candidate", "--name", "Nguyễn Thị Ánh", "--born-year", "1998", "--sent", "2024-05-10", "--date", "2024-05-10")
        try cli.ok("case", "verify", "add", "HS-0001", "--relation", "mother", "--name", "Lê Thị Hoa", "--born-year", "1960", "--party-member", "--date", "2024-05-10")
        try cli.ok("case", "do", "HS-0001", "start-verification", "--date", "2024-05-10")
        try cli.ok("case", "verify", "result", "HS-0001", "--item", "1", "--result", "clear", "--returned", "2024-06-14", "--date", "2024-06-14")
        let blocked = try cli.run("case", "blockers", "HS-0001", "--date", "2024-06-20")
        #expect(blocked.status == 3)
        #expect(
            blocked.standardOutput.contains(
                "Mẹ đẻ Lê Thị Hoa (người thân là đảng viên: ghi kết quả miễn thẩm tra bằng hoso case verify result HS-0001 --item 2 --result exempt)"),
            "\(blocked.standardOutput)")
        #expect(blocked.standardError.contains("còn 1 yêu cầu chưa đạt"), "\(blocked.standardError)")
        let sheet = try cli.ok("case", "show", "HS-0001")
        #expect(sheet.contains("chưa có kết quả (người thân là đảng viên: ghi kết quả miễn thẩm tra bằng hoso case verify result HS-0001 --item 2 --result exempt)"), "\(sheet)")
        try cli.ok("case", "verify", "result", "HS-0001", "--item", "2", "--result", "exempt", "--date", "2024-06-20")
        #expect(try cli.run("case", "blockers", "HS-0001", "--date", "2024-06-20").status == 0)
    }

    @Test("--for -1 is refused as a negative count, not as a missing value")
    func negativeVoteCount() throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        let result = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "-1", "--date", "2025-06-10")
        #expect(result.status == 1)
        // Counts are bounded at the input: a negative one is named as such, never read as missing.
        #expect(result.standardError.contains("--for -1: số không được âm."), "\(result.standardError)")
        try cli.introduceIn2025()
        let against = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "7", "--against", "-1", "--exempt-absent", "1", "--date", "2025-06-20")
        #expect(against.status == 1)
        #expect(against.standardError.contains("--against -1: số không được âm."), "\(against.standardError)")
    }

    @Test("A note over several lines is shown with its later lines indented under the entry, in case show and case history")
    func multiLineNote() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try cli.ok("case", "note", "HS-0001", "--text", "Tích cực.\nCần rèn thêm tác phong.", "--date", "2024-03-04")
        let sheet = try cli.ok("case", "show", "HS-0001")
        #expect(sheet.contains("  04/03/2024 Thư ký Lan (lan): Tích cực.\n    Cần rèn thêm tác phong.\n"), "\(sheet)")
        let history = try cli.ok("case", "history", "HS-0001")
        #expect(history.contains("    Nhận xét: Tích cực.\n      Cần rèn thêm tác phong.\n"), "\(history)")
    }

    @Test("A note pasted ten times over (20.000 characters) is refused with both lengths, and the file keeps its history")
    func notePastedTooLong() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let before = try cli.ok("case", "history", "HS-0001")
        let refused = try cli.run("case", "note", "HS-0001", "--text", String(repeating: "Nhận xét. ", count: 2_000))
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("Nội dung dài quá 4.000 ký tự (đang có 20.000 ký tự). Chưa ghi gì."), "\(refused.standardError)")
        #expect(try cli.ok("case", "history", "HS-0001") == before)
    }

    @Test("units import refuses a unit name with ESC and BEL, and stores nothing")
    func importControlCharacters() throws {
        let cli = try CLIWorkspace()
        try cli.ok("init", "--name", "Quận ủy Quận 3", "--kind", "committee", "--id", "QU", "--official", "0")
        let appendix = try String(contentsOfFile: ReportCLITests.fixture("seed002-appendix.tsv"), encoding: .utf8)
        let path = cli.directory + "-table.tsv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try appendix.replacingOccurrences(of: "1\tPhường 1\t", with: "1\tPhường 1\u{1B}]0;x\u{07}\t").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try cli.snapshotBytes()
        let refused = try cli.run("units", "import", path)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("Dòng 11"), "\(refused.standardError)")
        #expect(refused.standardError.contains("ký tự điều khiển"))
        #expect(!refused.standardError.contains("\u{1B}"))
        #expect(try cli.snapshotBytes() == before)
    }

    @Test("A rules.json that loosens statutory figures is refused, naming the file, the parameters and the statutory values")
    func statutoryRulesFile() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try Data(#"{"probationMonths":0,"minimumAgeMonths":0}"#.utf8).write(to: URL(fileURLWithPath: cli.directory + "/rules.json"))
        let refused = try cli.run("case", "list")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(cli.directory + "/rules.json"), "\(refused.standardError)")
        #expect(refused.standardError.contains("probationMonths = 0 trái quy định: Điều lệ Đảng, Điều 5 quy định 12"))
        #expect(refused.standardError.contains("minimumAgeMonths = 0 nới lỏng quy định: Điều lệ Đảng, Điều 1 quy định 216"))
        try Data(#"{"minimumAgeMonths":240,"documentValidityMonths":6}"#.utf8).write(to: URL(fileURLWithPath: cli.directory + "/rules.json"))
        try cli.ok("case", "list")
    }

    @Test("Recognised six weeks after the probation ended: case show gives both dates, official from the end of probation")
    func officialFromEndOfProbation() throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.introduceIn2025()
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2025-06-20")
        try cli.ok("case", "do", "HS-0001", "committee-vote", "--for", "9", "--date", "2025-07-01")
        try cli.ok("case", "do", "HS-0001", "decide", "--number", "12-QĐ/ĐU", "--body", "Đảng ủy phường", "--received", "2025-07-10", "--date", "2025-07-08")
        try cli.ok("case", "do", "HS-0001", "hold-ceremony", "--date", "2025-07-25")
        try cli.ok("case", "do", "HS-0001", "complete-probation", "--date", "2026-07-27")
        try cli.ok(
            "case", "do", "HS-0001", "recognize", "--for", "7", "--exempt-absent", "1", "--number", "40-QĐ/ĐU", "--body", "Đảng ủy phường",
            "--certificate-number", "ĐVM-1", "--certificate-issuer", "Trung tâm Chính trị", "--certificate-date", "2026-05-20", "--date", "2026-09-07")
        let sheet = try cli.ok("case", "show", "HS-0001")
        #expect(sheet.contains("  Đảng viên chính thức từ ngày 25/07/2026 (ngày hết dự bị; quyết định công nhận ngày 07/09/2026)"), "\(sheet)")
    }

    @Test("An introducer known since the day before, the day of, or the day after 12 months before the letter (10/06/2025)",
          arguments: [("2024-06-09", true), ("2024-06-10", true), ("2024-06-11", false)])
    func introducerMonthsBoundary(knownSince: String, accepted: Bool) throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.introduceIn2025(secondKnownSince: knownSince, collect: false)
        let collect = try cli.run("case", "do", "HS-0001", "collect-introductions", "--date", "2025-06-16")
        #expect(collect.status == (accepted ? 0 : 3), "\(collect.standardError)")
        if !accepted {
            #expect(collect.standardError.contains("được 11 tháng tính đến ngày giấy giới thiệu (10/06/2025); cần ít nhất 12 tháng"),
                    "\(collect.standardError)")
        }
    }

    @Test("Probation ends 25/07/2026: completed the day before is refused; recognised that day or later, official from it",
          arguments: [("2026-07-24", false), ("2026-07-25", true), ("2026-07-26", true)])
    func officialDateBoundary(day: String, completes: Bool) throws {
        let cli = try CLIWorkspace()
        try cli.verifiedIn2025()
        try cli.introduceIn2025()
        try cli.ok("case", "do", "HS-0001", "cell-vote", "--for", "7", "--exempt-absent", "1", "--date", "2025-06-20")
        try cli.ok("case", "do", "HS-0001", "committee-vote", "--for", "9", "--date", "2025-07-01")
        try cli.ok("case", "do", "HS-0001", "decide", "--number", "12-QĐ/ĐU", "--body", "Đảng ủy phường", "--date", "2025-07-08")
        try cli.ok("case", "do", "HS-0001", "hold-ceremony", "--date", "2025-07-25")
        let complete = try cli.run("case", "do", "HS-0001", "complete-probation", "--date", day)
        #expect(complete.status == (completes ? 0 : 3), "\(complete.standardError)")
        guard completes else {
            #expect(complete.standardError.contains("đến ngày 25/07/2026 mới đủ 12 tháng"), "\(complete.standardError)")
            return
        }
        try cli.ok(
            "case", "do", "HS-0001", "recognize", "--for", "7", "--exempt-absent", "1", "--number", "40-QĐ/ĐU", "--body", "Đảng ủy phường",
            "--certificate-number", "ĐVM-1", "--certificate-issuer", "Trung tâm Chính trị", "--certificate-date", "2026-05-20", "--date", day)
        let sheet = try cli.ok("case", "show", "HS-0001")
        #expect(sheet.contains("  Đảng viên chính thức từ ngày 25/07/2026 (ngày hết dự bị; quyết định công nhận ngày \(Fixtures.date(day))"), "\(sheet)")
    }

    @Test("rules.json may tighten the minimum age, not loosen it: 215 months refused, 216 and 217 accepted",
          arguments: [(215, false), (216, true), (217, true)])
    func statutoryFloorThroughTheCLI(months: Int, accepted: Bool) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try Data(#"{"minimumAgeMonths":\#(months)}"#.utf8).write(to: URL(fileURLWithPath: cli.directory + "/rules.json"))
        let list = try cli.run("case", "list")
        #expect(list.status == (accepted ? 0 : 1), "\(list.standardError)")
        if !accepted { #expect(list.standardError.contains("minimumAgeMonths = 215 nới lỏng quy định: Điều lệ Đảng, Điều 1 quy định 216")) }
    }
}
