import Foundation
import HoSoTestSupport
import Testing

/// Issue 18, item 8, through the real binary on the demo: a note the clerk writes is not the mentor's
/// monthly report (the report still lists the mentor as silent, the deadline does not move); the mentor's is.
@Suite("The mentor's monthly report through the CLI", .serialized)
struct CLIMonthlyReportTests {
    static let today = "2026-11-23"

    @Test("A clerk's note leaves the mentor's report due; the mentor's own note clears it")
    func aClerksNoteIsNotTheMentorsReport() throws {
        let cli = try CLIWorkspace()
        try cli.ok("demo", "--no-open", "--today", Self.today)
        func mentor(_ arguments: String...) throws -> ChildProcess.Result {
            try ChildProcess.run([cli.binary] + arguments + ["--data", cli.directory, "--today", Self.today, "--as", "giupdo"],
                                 environment: ["HOSO_PASSPHRASE": "giupdo-2026"])
        }
        // A candidate of the demo mentor whose report is overdue.
        let listed = try mentor("case", "list")
        #expect(listed.status == 0, "\(listed.standardError)")
        let line = try #require(listed.standardOutput.components(separatedBy: "\n").first {
            $0.hasPrefix("HS-") && $0.contains("!Báo cáo của người giúp đỡ")
        })
        let id = String(line.prefix(7))
        func silent() throws -> Bool {
            try cli.ok("report", "pipeline", "--today", Self.today, "--format", "text").components(separatedBy: "\n")
                .contains { $0.hasPrefix(id) && $0.contains("Người giúp đỡ: Dương Hoàng Vinh") }
        }
        func deadline() throws -> String {
            try cli.ok("case", "list", "--today", Self.today).components(separatedBy: "\n").first { $0.hasPrefix(id) } ?? ""
        }
        #expect(try silent())
        let before = try deadline()

        try cli.ok("case", "note", id, "--text", "Đã nhắc người giúp đỡ nộp báo cáo.", "--date", Self.today, "--today", Self.today)
        #expect(try silent(), "the clerk's note is not the mentor's report")
        #expect(try deadline() == before, "nor does it move the report's deadline")

        let noted = try mentor("case", "note", id, "--text", "Tích cực tham gia sinh hoạt.", "--date", Self.today)
        #expect(noted.status == 0, "\(noted.standardError)")
        #expect(try !silent())
        let after = try deadline()
        #expect(after != before && !after.contains("Báo cáo của người giúp đỡ"), "the report is no longer the most urgent: \(after)")
        let json = try cli.ok("case", "show", id, "--json", "--today", Self.today)
        #expect(json.contains("\"authorMember\"") && json.contains("\"authorAccount\" : \"giupdo\""), "\(json)")
    }
}
