import Foundation
import HoSoTestSupport
import Testing

/// Roles and sign-in through the real binary: every refusal exits 4 with a Vietnamese message and is
/// recorded in the audit log without personal data.
@Suite("Roles and sign-in through the CLI", .serialized)
struct CLIRolesTests {
    /// The cell of `CLIWorkspace.setUpCell`, HS-0001 on the source list mentored by M001, HS-0002 without
    /// mentor; people: the mentor `hung` (member M001) and the viewer `xem`, both with passphrases, and
    /// `mai` (committee) without one.
    func setUp() throws -> CLIWorkspace {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try cli.ok("case", "add", "--name", "Lê Văn Tám", "--born", "1999-02-01", "--sex", "nam", "--education", "university", "--date", "2024-01-10")
        try cli.ok("case", "do", "HS-0001", "admit-to-list", "--mentor", "M001", "--date", "2024-02-01")
        try cli.ok("people", "add", "hung", "--name", "Trần Văn Hùng", "--member", "M001", "--role", "mentor", "--unit", "CB-1")
        try cli.ok("people", "add", "xem", "--name", "Cán bộ Cấp Trên", "--role", "viewer")
        try cli.ok("people", "add", "mai", "--name", "Lê Thị Mai", "--role", "committee")
        for (id, passphrase) in [("hung", "giup-do-2026"), ("xem", "chi-xem-2026")] {
            let result = try ChildProcess.run(
                [cli.binary, "people", "passphrase", id, "--data", cli.directory], environment: ["HOSO_NEW_PASSPHRASE": passphrase])
            #expect(result.status == 0, "\(result.standardError)")
        }
        return cli
    }

    func run(_ cli: CLIWorkspace, as person: String, passphrase: String, _ arguments: String...) throws -> ChildProcess.Result {
        try ChildProcess.run(
            [cli.binary] + arguments + ["--data", cli.directory, "--as", person], environment: ["HOSO_PASSPHRASE": passphrase])
    }

    @Test("A mentor sees and notes only their candidate; the history names them; another file is refused (exit 4)")
    func mentor() throws {
        let cli = try setUp()
        let list = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "list")
        #expect(list.status == 0)
        #expect(list.standardOutput.contains("HS-0001") && !list.standardOutput.contains("HS-0002"))
        let search = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "list", "--search", "tam")
        #expect(search.status == 0 && !search.standardOutput.contains("HS-0002"), "a search shows only what the list shows")
        let note = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "note", "HS-0001", "--text", "Tích cực.", "--date", "2024-03-01")
        #expect(note.status == 0, "\(note.standardError)")
        #expect(try cli.ok("case", "history", "HS-0001").contains("Trần Văn Hùng (hung)"))
        let other = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "note", "HS-0002", "--text", "x", "--date", "2024-03-01")
        #expect(other.status == 4)
        #expect(other.standardError.contains("Không có hồ sơ mã HS-0002 trong các hồ sơ Trần Văn Hùng (hung) được xem"))
        let step = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "do", "HS-0001", "enroll", "--class-name", "Lớp 1", "--date", "2024-03-02")
        #expect(step.status == 4, "\(step.standardError)")
        #expect(step.standardError.contains("Thư ký hồ sơ"))
        let before = try cli.snapshotBytes()
        let identity = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "identity", "HS-0001", "--occupation", "Kỹ sư")
        #expect(identity.status == 4, "\(identity.standardError)")
        #expect(identity.standardError.contains("sửa thông tin cá nhân"), "\(identity.standardError)")
        #expect(try cli.snapshotBytes() == before)
    }

    /// Issue 18, item 10: the answer does not tell a mentor whether a number they may not see exists.
    @Test("To a mentor, another's file and a missing number get the same message and exit code, for every command")
    func mentorCannotTellAnothersFileFromAMissingOne() throws {
        let cli = try setUp()
        for command in [["case", "show", "ID"], ["case", "history", "ID"], ["case", "blockers", "ID"],
                        ["case", "note", "ID", "--text", "Tốt.", "--date", "2024-03-01"],
                        ["case", "do", "ID", "admit-to-list", "--mentor", "M001", "--date", "2024-03-01"],
                        ["case", "identity", "ID", "--occupation", "Kỹ sư"]] {
            func answer(_ id: String) throws -> (Int32, String) {
                let arguments = command.map { $0 == "ID" ? id : $0 }
                let result = try ChildProcess.run(
                    [cli.binary] + arguments + ["--data", cli.directory, "--as", "hung"], environment: ["HOSO_PASSPHRASE": "giup-do-2026"])
                return (result.status, result.standardError.replacingOccurrences(of: id, with: "HS-…"))
            }
            let another = try answer("HS-0002"), missing = try answer("HS-0999")
            #expect(another.0 == 4 && another == missing, "\(command): \(another) / \(missing)")
            #expect(!another.1.contains("Khu phố 3"), "\(another.1)")
        }
        // The clerk, who sees every file, is told plainly that the number does not exist.
        let clerk = try cli.run("case", "show", "HS-0999")
        #expect(clerk.status == 1 && clerk.standardError.contains("Không có hồ sơ mã HS-0999. Xem danh sách"), "\(clerk.standardError)")
    }

    @Test("A viewer cannot write anything nor read names; the counts-only report works and names nobody")
    func viewer() throws {
        let cli = try setUp()
        for arguments in [
            ["case", "note", "HS-0001", "--text", "x"], ["case", "add", "--name", "A B", "--born", "2000-01-01", "--sex", "nam"],
            ["case", "do", "HS-0001", "enroll", "--class-name", "L"], ["case", "show", "HS-0001"], ["member", "add", "--id", "M9", "--name", "X Y"],
            ["report", "pipeline"], ["people", "add", "z", "--name", "Z"], ["backup"],
        ] {
            let result = try ChildProcess.run(
                [cli.binary] + arguments + ["--data", cli.directory, "--as", "xem"], environment: ["HOSO_PASSPHRASE": "chi-xem-2026"])
            #expect(result.status == 4, "\(arguments): \(result.status) \(result.standardError)")
        }
        let counts = try run(cli, as: "xem", passphrase: "chi-xem-2026", "report", "pipeline", "--counts-only", "--format", "csv")
        #expect(counts.status == 0, "\(counts.standardError)")
        #expect(!counts.standardOutput.contains("Nguyễn Thị Ánh") && !counts.standardOutput.contains("HS-0001"))
        #expect(!counts.standardOutput.contains("MẬT"))
        let full = try cli.ok("report", "pipeline", "--format", "csv")
        #expect(full.contains("MẬT"))
    }

    @Test("A forged --as, a missing passphrase and three wrong ones are refused, the third locks, all are recorded without names")
    func signInRefusals() throws {
        let cli = try setUp()
        let withoutPassphrase = try run(cli, as: "mai", passphrase: "bất kỳ", "case", "list")
        #expect(withoutPassphrase.status == 4)
        #expect(withoutPassphrase.standardError.contains("chưa đặt mật khẩu"))
        let empty = try run(cli, as: "hung", passphrase: "", "case", "list")
        #expect(empty.status == 4 && empty.standardError.contains("cần mật khẩu"))
        var messages: [String] = []
        // Commands that read only a few files still record every attempt.
        for (attempt, command) in [["case", "list"], ["case", "list", "--search", "anh"], ["case", "show", "HS-0001"]].enumerated() {
            let wrong = try ChildProcess.run(
                [cli.binary] + command + ["--data", cli.directory, "--as", "hung"], environment: ["HOSO_PASSPHRASE": "sai-\(attempt)"])
            #expect(wrong.status == 4)
            messages.append(wrong.standardError)
        }
        #expect(messages[0].contains("lần 1/3") && messages[2].contains("bị tạm khóa 15 phút"))
        let right = try run(cli, as: "hung", passphrase: "giup-do-2026", "case", "list")
        #expect(right.status == 4 && right.standardError.contains("đang bị tạm khóa"))
        let audit = try cli.ok("people", "audit")
        #expect(audit.contains("wrong-passphrase") && audit.contains("locked") && audit.contains("refused-sign-in"))
        #expect(!audit.contains("Trần Văn Hùng") && !audit.contains("sai-") && !audit.contains("giup-do"))
    }

    @Test("Control characters and terminal escapes in a note are refused and recorded")
    func controlCharacters() throws {
        let cli = try setUp()
        let result = try cli.run("case", "note", "HS-0001", "--text", "Tốt\u{1B}]0;pwned\u{07}\u{1B}[2J", "--date", "2024-03-01")
        #expect(result.status == 1)
        #expect(result.standardError.contains("ký tự điều khiển"))
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(try cli.ok("people", "audit").contains("control-characters"))
    }

    @Test("A data directory others can read is refused with the chmod to run, and recorded")
    func dataDirectoryReadableByOthers() throws {
        let cli = try setUp()
        #expect(chmod(cli.directory, 0o755) == 0)
        let result = try cli.run("case", "list")
        #expect(result.status == 1)
        #expect(result.standardError.contains("chmod go-rwx"))
        #expect(chmod(cli.directory, 0o700) == 0)
        #expect(try cli.ok("people", "audit").contains("insecure-directory"))
    }
}

import HoSoDomain
import HoSoStorage

@Suite("Stored text with terminal escapes is shown neutralised")
struct CLIStoredEscapeTests {
    @Test("A name, a note and a history line written by another tool with escape sequences never reach the terminal raw")
    func storedEscapesAreNeutralised() throws {
        let cli = try CLIWorkspace()
        let hostile = "Nguyễn\u{1B}]0;bị chiếm\u{07}Văn\u{1B}[2J A\u{9B}31m"
        var file = Fixtures.newCase()
        file.person.fullName = hostile
        file.notes.append(ProgressNote(date: Fixtures.date("2024-02-01"), author: "Kẻ\u{1B}[8m lạ", text: "Ghi\u{1B}[Achú"))
        file.history.append(HistoryEntry(date: Fixtures.date("2024-02-01"), actor: "X\u{1B}[31m", action: "note", summary: "Tóm\u{1B}[1mtắt"))
        // Written straight through the store (no engine): the way a file edited by another program arrives.
        let clerk = Account(id: "lan", fullName: "Thư ký Lan", systemUser: SystemUserName.current, grants: [RoleGrant(.clerk, in: Fixtures.cellID)])
        _ = try Repository.create(
            at: cli.directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [file], accounts: [clerk], actor: "kiểm thử")
        for arguments in [["case", "list"], ["case", "show", "HS-0001"], ["case", "history", "HS-0001"], ["report", "pipeline"]] {
            let output = try cli.ok(arguments)
            #expect(!output.contains("\u{1B}") && !output.contains("\u{9B}") && !output.contains("\u{07}"), "\(arguments) printed a raw control character")
        }
        #expect(try cli.ok("case", "show", "HS-0001").contains("Văn"))
    }
}
