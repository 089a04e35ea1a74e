import Foundation
import HoSoTestSupport
import Testing

@Suite("Counts and years out of range, bytes that are not UTF-8, blank ids: refused before anything is written")
struct CLIHostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let arguments: [String]
        let message: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let years = "nằm ngoài khoảng năm cho phép (1900–2199). Chưa làm gì. Hãy nhập năm đủ bốn chữ số"
    static let tooLarge = "lớn hơn mức cho phép. Chưa ghi gì. Hãy nhập một số từ 0 đến 1.000.000."

    static let cases: [Case] = [
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "2026", "--members", "9223372036854775807"], message: "--members 9223372036854775807 " + tooLarge),
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "2026", "--quota", "1000001"], message: "--quota 1000001 " + tooLarge),
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "2026", "--supplement", "5000000"], message: "--supplement 5000000 " + tooLarge),
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "2026", "--term-quota", "5000000"], message: "--term-quota 5000000 " + tooLarge),
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "2026", "--sources=-1"], message: "--sources -1: số không được âm. Chưa ghi gì."),
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "0", "--members", "10"], message: "--year 0 " + years),
        Case(arguments: ["units", "set-quota", "CB-1", "--year", "2147483648", "--members", "10"], message: "--year 2147483648 " + years),
        Case(arguments: ["report", "quota", "--year", "0"], message: "--year 0 " + years),
        Case(arguments: ["report", "quota", "--year", "1"], message: "--year 1 " + years),
        Case(arguments: ["report", "quota", "--year", "10000"], message: "--year 10000 " + years),
        Case(arguments: ["report", "quota", "--year", "2147483648"], message: "--year 2147483648 " + years),
        Case(arguments: ["report", "rate", "--year", "1899"], message: "--year 1899 " + years),
        Case(arguments: ["report", "period", "--period", "Q1", "--year", "2200"], message: "--year 2200 " + years),
        Case(arguments: ["holidays", "0"], message: "Năm 0 " + years),
        Case(arguments: ["init", "--name", "Chi bộ 2", "--official", "2000000"], message: "--official 2000000 " + tooLarge),
        Case(arguments: ["case", "do", "HS-0001", "cell-vote", "--for", "9223372036854775807", "--date", "2024-02-01"], message: "--for 9223372036854775807 " + tooLarge),
        Case(arguments: ["case", "task", "HS-0001", "--done=-9223372036854775808"], message: "--done -9223372036854775808: số không được âm."),
        Case(arguments: ["case", "verify", "result", "HS-0001", "--item=-9223372036854775808", "--result", "clear"], message: "--item -9223372036854775808: số không được âm."),
        Case(arguments: ["case", "verify", "add", "HS-0001", "--relation", "father", "--name", "Nguyễn Văn A", "--born-year", "10"], message: "--born-year 10 " + years),
        Case(arguments: ["member", "add", "--id", "   ", "--name", "Lê Văn Tư"], message: "Mã đảng viên (--id) không được để trống. Chưa ghi gì. Hãy nhập mã, ví dụ --id M001."),
        Case(arguments: ["member", "add", "--id", "\t\n", "--name", "Lê Văn Tư"], message: "Mã đảng viên (--id) không được để trống."),
    ]

    @Test("Each is refused with a message naming the option and the allowed range, exit 1, nothing saved", arguments: cases)
    func refused(_ bad: Case) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let before = try cli.snapshotBytes()
        let result = try cli.run(bad.arguments)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains(bad.message), "\(result.standardError)")
        #expect(try cli.snapshotBytes() == before)
        #expect(try cli.ok("report", "rate", "--year", "2026").contains("Chi bộ Khu phố 3"))
    }

    @Test("The bounds themselves are accepted, and the reports on them do not overflow")
    func boundsAccepted() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try cli.ok("units", "set-quota", "CB-1", "--year", "2199", "--members", "1000000", "--quota", "1000000", "--sources", "0")
        #expect(try cli.ok("report", "rate", "--year", "2199").contains("1000000"))
        #expect(try cli.ok("report", "quota", "--year", "1900").contains("Chi bộ Khu phố 3"))
    }

    @Test("An argument that is not UTF-8 is refused, naming its position; nothing is saved")
    func invalidUTF8() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let before = try cli.snapshotBytes()
        // A shell makes the byte 0xFF, which no Swift String can hold.
        let result = try ChildProcess.run([
            "/bin/sh", "-c", #"exec "$0" member add --id M009 --name "$(printf 'L\377 V\351n')" --data "$1""#, cli.binary, cli.directory,
        ])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("Tham số thứ 6 (giá trị của --name) không phải văn bản UTF-8 hợp lệ"), "\(result.standardError)")
        #expect(try cli.snapshotBytes() == before)
        #expect(try !cli.ok("member", "list").contains("\u{FFFD}"))
    }
}
