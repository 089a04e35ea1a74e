import ArgumentParser
import HoSoDomain
import HoSoStorage
import HoSoTerminal
import HoSoTUI

/// `hoso` / `hoso tui`: the terminal application on the data directory.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Mở giao diện (mặc định khi gõ hoso không kèm lệnh).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { try TUILauncher.run(options: global) }
    }
}

/// Opens the terminal application on the data directory and runs it until the person quits.
enum TUILauncher {
    static func run(options: GlobalOptions) throws {
        let service = try options.openService()
        // The application's saves never wait for a compaction; it runs once the terminal is given back.
        service.repository.defersCompaction = true
        let runner = EffectRunner(service: service, today: options.currentDate, actor: options.actorName)
        let exit = try MainActor.assumeIsolated { () throws -> TerminalDriver.ExitReason in
            var app = LiveApp(state: AppState(data: runner.loadData()), runner: runner)
            do {
                return try TerminalDriver().run(&app)
            } catch let error as TerminalDriver.StartError {
                throw Failure.error(error.description)
            }
        }
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
        _ = try? service.repository.compactIfDue()
    }
}
