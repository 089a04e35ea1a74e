import Foundation
import HoSoTestSupport
import Testing

@Suite("Bad input at the CLI: a Vietnamese message, exit 1 or 3, nothing changed")
struct CLIBadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let message: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2024-02-30"], status: 1, message: "Ngày \"2024-02-30\" (--date) không có thật"),
        // The store-bricking date of the hostile-input issue, through a note and a step, and the days beside the range.
        Case(arguments: ["case", "note", "HS-0001", "--text", "x", "--date", "9999-12-15"], status: 1, message: "Ngày \"15/12/9999\" (--date) nằm ngoài khoảng ngày HoSo ghi nhận (01/01/1900 – 31/12/2100)"),
        Case(arguments: ["case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2101-01-01"], status: 1, message: "Ngày \"01/01/2101\" (--date) nằm ngoài khoảng"),
        Case(arguments: ["case", "add", "--name", "Phạm Văn Nam", "--born", "1899-12-31", "--sex", "nam"], status: 1, message: "Ngày \"31/12/1899\" (--born) nằm ngoài khoảng"),
        Case(arguments: ["case", "note", "HS-0001", "--text", "Ghi lùi ngày", "--date", "2024-01-09"], status: 1, message: "Ngày 09/01/2024 trước ngày của mục cuối trong lịch sử hồ sơ"),
        Case(arguments: ["case", "add", "--name", "Lê \u{1B}[2JVăn", "--born", "1999-01-01", "--sex", "nam"], status: 1, message: "ký tự điều khiển"),
        Case(arguments: ["case", "do", "HS-0001", "promote"], status: 1, message: "Không có bước \"promote\""),
        Case(arguments: ["case", "do", "HS-0001", "hold-ceremony", "--date", "2024-03-01"], status: 3, message: "Các bước có thể làm: admit-to-list"),
        Case(arguments: ["case", "do", "HS-0001", "admit-to-list", "--mentor", "M404", "--date", "2024-02-05"], status: 3, message: "Mã M404 không có trong danh sách đảng viên"),
        Case(arguments: ["case", "do", "HS-0404", "admit-to-list"], status: 1, message: "Không có hồ sơ mã HS-0404"),
        Case(arguments: ["case", "add", "--name", "Phạm Văn Nam", "--born", "2030-01-01", "--sex", "nam", "--date", "2024-01-10"], status: 1, message: "Ngày sinh (01/01/2030) phải trước ngày được giới thiệu"),
        Case(arguments: ["case", "note", "HS-0001", "--text", "   "], status: 1, message: "Nội dung nhận xét không được để trống"),
        Case(arguments: ["case", "identity", "HS-0001"], status: 64, message: "Chưa nêu trường nào để sửa"),
        Case(arguments: ["case", "identity", "HS-0001", "--born", "2030-01-01", "--date", "2024-03-01"], status: 1, message: "Ngày sinh (01/01/2030) phải trước ngày được giới thiệu (10/01/2024)"),
        Case(arguments: ["case", "identity", "HS-0001", "--name", "Nguyễn Thị Ánh"], status: 1, message: "không có gì để sửa"),
    ]

    @Test("Each bad input is refused with its message", arguments: cases)
    func refused(_ bad: Case) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let before = try cli.snapshotBytes()
        let result = try cli.run(bad.arguments)
        #expect(result.status == bad.status, "\(result.standardError)")
        #expect(result.standardError.contains(bad.message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error") && !result.standardError.contains("Swift."))
        #expect(try cli.snapshotBytes() == before)
    }

    @Test("A mistyped command is told in Vietnamese, with its usage, exit 64; help is Vietnamese too", arguments: [
        (["case", "list", "--bogus"], "Lỗi: Không có tùy chọn '--bogus'"),
        (["report", "pipeline", "--for", "1"], "Lỗi: Không có tùy chọn '--for'. Có phải ý bạn là '--force'?"),
        (["report", "period", "--period", "Q7"], "Lỗi: Giá trị 'Q7' không hợp lệ cho '--period <period>'. Hãy dùng một trong các giá trị:"),
        (["report", "period"], "Lỗi: Thiếu tham số bắt buộc '--period <period>'"),
        (["case", "list", "thừa"], "Lỗi: Thừa tham số 'thừa'"),
        (["case", "note", "HS-0001", "--text"], "Lỗi: Thiếu giá trị cho '--text <text>'"),
        (["case", "identity", "HS-0001", "--sex", "xyz"],
         "Lỗi: Giá trị 'xyz' không hợp lệ cho '--sex <sex>'. Hãy dùng một trong các giá trị 'nam' hoặc 'nu'."),
    ])
    func usageErrorsInVietnamese(_ arguments: [String], _ message: String) throws {
        let result = try ChildProcess.run([try hosoExecutablePath()] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.contains("Cách dùng: hoso ") && result.standardError.contains("để biết thêm."))
        for english in ["Error:", "Usage:", "Help:", "See '", "Please provide", "Unknown option", "Missing", "Did you mean", "had already been set"] {
            #expect(!result.standardError.contains(english), "\(english) in \(result.standardError)")
        }
    }

    @Test("Help is printed in Vietnamese on standard output, exit 0")
    func helpInVietnamese() throws {
        for arguments in [["case", "--help"], ["help", "case", "identity"], ["report", "rate", "-h"]] {
            let result = try ChildProcess.run([try hosoExecutablePath()] + arguments)
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("CÁCH DÙNG: hoso ") && result.standardOutput.contains("TÙY CHỌN:"))
            #expect(result.standardOutput.contains("Xem trợ giúp này."))
            for english in ["USAGE:", "OPTIONS:", "OVERVIEW:", "Show help information", "(values:", "(default:"] {
                #expect(!result.standardOutput.contains(english), "\(english) in hoso \(arguments.joined(separator: " "))")
            }
        }
    }

    @Test("More votes than members is refused before anything is written")
    func tooManyVotes() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let result = try cli.run("case", "do", "HS-0001", "cell-vote", "--for", "9", "--date", "2024-02-01")
        // The table refuses first (the file is only nominated): exit 3 with the steps that are possible.
        #expect(result.status == 3)
    }

    @Test("A negative member count is refused at init")
    func negativeCount() throws {
        let cli = try CLIWorkspace()
        let result = try cli.run("init", "--name", "Chi bộ 1", "--official=-3")
        #expect(result.status == 1)
        #expect(result.standardError.contains("không được âm"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory + "/snapshot.json"))
    }

    @Test("A rules override file with a wrong type names the parameter")
    func badRulesFile() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try Data(#"{"probationMonths": "mười hai", "nonsense": 3}"#.utf8).write(to: URL(fileURLWithPath: cli.directory + "/rules.json"))
        let result = try cli.run("case", "list")
        #expect(result.status == 1)
        #expect(result.standardError.contains("Tham số probationMonths phải là số nguyên"))
        #expect(result.standardError.contains("Không có tham số tên \"nonsense\""))
    }

    @Test("Opening a directory with no data explains how to start")
    func noData() throws {
        let cli = try CLIWorkspace()
        let result = try cli.run("case", "list")
        #expect(result.status == 1)
        #expect(result.standardError.contains("hoso demo"))
    }

    @Test("holidays shows Tết with lunar dates and Giỗ Tổ")
    func holidays() throws {
        let cli = try CLIWorkspace()
        let output = try cli.ok("holidays", "2026")
        #expect(output.contains("17/02/2026"))
        #expect(output.contains("Giỗ Tổ Hùng Vương"))
        #expect(output.contains("10/3 âm lịch"))
    }

    @Test("--help documents every command and every event")
    func help() throws {
        let cli = try CLIWorkspace()
        let root = try ChildProcess.run([cli.binary, "--help"])
        for command in ["init", "demo", "case", "holidays", "check", "backup", "restore"] {
            #expect(root.standardOutput.contains(command))
        }
        let doHelp = try ChildProcess.run([cli.binary, "case", "do", "--help"])
        for event in ["admit-to-list", "cell-vote", "recognize", "revoke-decision", "strike-off"] {
            #expect(doHelp.standardOutput.contains(event))
        }
    }
}
