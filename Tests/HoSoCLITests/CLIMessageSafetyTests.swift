#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoTestSupport
import Testing

@Suite("Messages: no escape sequence echoed from an argument; the right cause for a read-only disk or another login's data")
struct CLIMessageSafetyTests {
    static let title = "\u{1B}]0;PWNED\u{07}"
    static let clear = "\u{1B}[2J"

    @Test("An argument's control characters are shown as placeholders in every error message", arguments: [
        (["case", "show", "HS-" + title], Int32(1), "Không có hồ sơ mã HS-␛]0;PWNED␇."),
        (["case", "add", "--name", "Lê Văn Tư", "--born", "1999-01-01", "--sex", "nam", "--citizen-id", "0" + clear], 1, "\"0␛[2J\""),
        (["restore", "N" + clear], 1, "Không có bản sao lưu N␛[2J."),
        (["people", "grant", "p" + clear, "clerk"], 1, "Không có người dùng mã p␛[2J."),
        (["report", "quota", "--unit", "U" + title], 1, "Không có đơn vị \"U␛]0;PWNED␇\"."),
        (["case", "list", "--state", "x" + clear], 64, "Giá trị 'x␛[2J' không hợp lệ cho '--state <state>'"),
    ])
    func escapesNeutralised(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        for control in ["\u{1B}", "\u{07}", "\u{9B}"] {
            #expect(!result.standardError.contains(control))
            #expect(!result.standardOutput.contains(control))
        }
    }

    @Test("On a read-only mount the message says so, that nothing changed and what to do — not 'no permission'")
    func readOnlyFileSystem() throws {
        try #require(geteuid() == 0, "mounting a read-only file system for this test needs root")
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let before = try cli.snapshotBytes()
        // A private mount namespace: the data directory bound onto itself, then made read-only.
        let script = #"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$0" case note HS-0001 --text "Ghi chú" --data "$1""#
        let result = try ChildProcess.run(["unshare", "--mount", "/bin/sh", "-c", script, cli.binary, cli.directory])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("đang được gắn ở chế độ chỉ đọc (read-only)"), "\(result.standardError)")
        #expect(result.standardError.contains("Chưa có gì thay đổi; dữ liệu vẫn nguyên. Hãy gắn lại ổ đĩa ở chế độ ghi được"))
        #expect(!result.standardError.contains("Không có quyền") && !result.standardError.contains("hoso restore"))
        #expect(try cli.snapshotBytes() == before)
    }

    @Test("Another login's data directory is named as theirs, with the login to use — not 'no data, run hoso init'")
    func anotherLoginsDirectory() throws {
        try #require(geteuid() == 0, "running as another login (nobody) for this test needs root")
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let owner = SystemUserName.current
        let nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", cli.binary]
        let own = try ChildProcess.run(nobody + ["case", "list", "--data", cli.directory])
        #expect(own.status == 1, "\(own.standardError)")
        #expect(
            own.standardError.contains(
                "Thư mục dữ liệu \(cli.directory) thuộc người dùng \(owner), không phải tài khoản đang chạy (nobody). Chưa đọc hay ghi gì. "
                    + "Hãy chạy HoSo bằng tài khoản \(owner) (ví dụ: sudo -u \(owner) hoso …)"),
            "\(own.standardError)")
        #expect(!own.standardError.contains("hoso init"))

        // Data not yet made, in a folder closed to this login: the folder is named.
        let hidden = try ChildProcess.run(nobody + ["case", "list", "--data", cli.directory + "/khac"])
        #expect(hidden.status == 1)
        #expect(hidden.standardError.contains("Thư mục \(cli.directory) (chứa thư mục dữ liệu \(cli.directory)/khac) thuộc người dùng \(owner)"), "\(hidden.standardError)")
    }
}
