import ArgumentParser
import HoSoApplication
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
        let session = try options.signIn()
        // The application's saves never wait for a compaction; it runs once the terminal is given back.
        session.repository.defersCompaction = true
        let people = PeopleService(repository: session.repository, access: session.access, systemUser: session.systemUser)
        let runner = EffectRunner(service: session.service, people: people, today: options.currentDate, actor: session.actor)
        let exit = try MainActor.assumeIsolated { () throws -> TerminalDriver.ExitReason in
            var app = LiveApp(state: AppState(data: runner.loadData()), runner: runner)
            do {
                return try TerminalDriver().run(&app)
            } catch let error as TerminalDriver.StartError {
                throw Failure.error(error.description)
            }
        }
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
        _ = try? session.repository.compactIfDue()
    }
}
