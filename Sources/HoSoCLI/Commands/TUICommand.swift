import ArgumentParser
import HoSoDomain
import HoSoStorage

/// `hoso` / `hoso tui`: the terminal application on the data directory.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Mở giao diện (mặc định khi gõ hoso không kèm lệnh).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { try TUILauncher.run(options: global) }
    }
}

/// Opens the terminal application; until the screens land it prints the pipeline summary.
enum TUILauncher {
    static func run(options: GlobalOptions) throws {
        let service = try options.openService()
        print(PipelineSummary.render(service.overview(on: options.currentDate)))
    }
}
