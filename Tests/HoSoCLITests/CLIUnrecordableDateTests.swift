import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// A store written before dates were bounded may hold a day such as 15/12/9999: every command must still
/// read it, and `check` must name it.
@Suite("A stored date out of range: commands still work, check names the file and the date")
struct CLIUnrecordableDateTests {
    @Test func storeWithAFarFutureNoteStaysReadableAndCheckFindsIt() throws {
        let cli = try CLIWorkspace()
        var (file, _) = try Fixtures.file(in: .sympathizer)
        file.notes.append(ProgressNote(date: Fixtures.date("9999-12-15"), author: "M001", text: "x"))
        file.history.append(HistoryEntry(date: Fixtures.date("9999-12-15"), actor: "M001", action: "note", summary: "Thêm nhận xét"))
        _ = try Repository.create(
            at: cli.directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [file], actor: "Kiểm thử")

        for arguments in [["case", "list"], ["case", "show", "HS-0001"], ["report", "pipeline"]] {
            let result = try ChildProcess.run([cli.binary] + arguments + ["--data", cli.directory, "--today", "2026-12-06"])
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("Fatal error"), "\(arguments): \(result.standardError)")
        }
        let check = try cli.run("check")
        #expect(check.status != 0)
        #expect(check.standardOutput.contains("Hồ sơ HS-0001: ngày nhận xét 15/12/9999 nằm ngoài khoảng ngày HoSo ghi nhận"),
                "\(check.standardOutput)\(check.standardError)")
    }
}
