import ArgumentParser

/// The root command of `hoso`. Without a subcommand it opens the terminal application.
public struct HoSoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hoso",
        abstract: "HoSo — theo dõi hồ sơ phát triển đảng viên, từ nguồn đến đảng viên chính thức.",
        discussion: """
            Dữ liệu nằm trong một thư mục (--data DIR, biến HOSO_DATA, mặc định ~/.local/share/hoso).
            Mã thoát: 0 xong; 1 lỗi (thông báo trên stderr); 3 quy định không cho phép (in các yêu cầu chưa đạt); 64 sai cú pháp.
            Thử ngay: hoso demo
            """,
        version: "0.1.0",
        subcommands: [
            TUICommand.self, InitCommand.self, DemoCommand.self, CaseCommand.self, MemberCommand.self,
            HolidaysCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self,
            TerminalSelfTestCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    public init() {}
}
