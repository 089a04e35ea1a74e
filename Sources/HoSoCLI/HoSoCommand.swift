import Foundation
import HoSoApplication
import HoSoStorage
import ArgumentParser

/// The root command of `hoso`. Without a subcommand it opens the terminal application.
public struct HoSoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hoso",
        abstract: "HoSo — theo dõi hồ sơ phát triển đảng viên, từ nguồn đến đảng viên chính thức.",
        discussion: """
            Dữ liệu nằm trong một thư mục (--data DIR, biến HOSO_DATA, mặc định ~/.local/share/hoso).
            Mã thoát: 0 xong; 1 lỗi (thông báo trên stderr); 3 quy định không cho phép (in các yêu cầu chưa đạt);
            4 vai trò không cho phép hoặc đăng nhập bị từ chối (được ghi vào nhật ký an ninh); 64 sai cú pháp.
            Thử ngay: hoso demo
            """,
        version: "0.1.0",
        subcommands: [
            TUICommand.self, InitCommand.self, DemoCommand.self, CaseCommand.self, MemberCommand.self,
            HolidaysCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self, MigrateCommand.self,
            BenchCommand.self, TerminalSelfTestCommand.self, UnitsCommand.self, ReportCommand.self, PeopleCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    public init() {}
}

/// The entry point of the executable: parses, runs, and turns every failure a user can cause into a
/// Vietnamese message and its exit code (1 error, 3 refused by a rule, 64 usage), never a Swift dump.
public enum HoSoMain {
    public static func main() -> Never {
        do {
            try RawArguments.refuseInvalidUTF8()
            var command = try HoSoCommand.parseAsRoot()
            try command.run()
            OpenedStores.warnings().forEach(printError)
            exit(0)
        } catch let failure as Failure {
            printError(failure.message)
            exit(failure.exitCode)
        } catch let error as ServiceError {
            let failure = Failure(error)
            printError(failure.message)
            exit(failure.exitCode)
        } catch let error as RepositoryError {
            printError(error.message)
            exit(1)
        } catch {
            // Help, usage errors and `validate()` refusals: the parser's text, said in Vietnamese.
            let code = HoSoCommand.exitCode(for: error)
            let text = UsageText.vietnamese(HoSoCommand.fullMessage(for: error))
            if code == .success {
                print(text)
            } else {
                writeToStandardError(text)
            }
            exit(code.rawValue)
        }
    }
}
