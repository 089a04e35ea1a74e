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
///
/// The first frame does not wait for the files: the person signs in on the data without them, the board
/// is drawn from the files' facts (a server's, or those a directory keeps in `report-facts.tsv`), and the
/// files are read and indexed on another thread meanwhile; keys that need them wait for them
/// (`AppState.loading`). Without facts kept, the files are read before the first frame, as before.
enum TUILauncher {
    static func run(options: GlobalOptions) throws {
        let (person, board) = try signInAndDrawBoard(options)
        let location = options.dataDirectory
        let load = BackgroundLoad {
            let whole = try GlobalOptions.openRepository(at: location)
            let session = Session(repository: whole, account: person.access.account, access: person.access, systemUser: person.systemUser, today: person.today)
            let runner = runner(for: whole, session: session)
            let model = ReadModel(data: runner.loadData())
            // The next start draws its board from these.
            whole.keepReportFacts()
            return BackgroundLoad.Loaded(runner: runner, model: model)
        }
        let exit = try MainActor.assumeIsolated { () throws -> TerminalDriver.ExitReason in
            var app: LiveApp
            if let board {
                app = LiveApp(state: board, runner: nil, loading: load)
            } else {
                let loaded = try load.wait()
                app = LiveApp(state: AppState(readModel: loaded.model), runner: loaded.runner)
            }
            let exit: TerminalDriver.ExitReason
            do {
                exit = try TerminalDriver().run(&app)
            } catch let error as TerminalDriver.StartError {
                throw Failure.error(error.description)
            }
            if let failure = app.loadFailure { throw failure }
            // A stop signal leaves at once, as it always did; the next quit compacts. Quitting before the
            // files came leaves nothing to compact.
            guard case .quit = exit, let repository = app.runner?.repository else { return exit }
            _ = try? repository.compactIfDue()
            // What this session saved, kept for the next start's board.
            repository.keepReportFacts()
            return exit
        }
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
    }

    /// Who signed in (on the data opened without its files), and the board drawn from the files' facts; nil
    /// when none come cheaply. Nothing else of that open outlives it: at 100,000 files its index and the
    /// facts take 200 MB, which would otherwise sit beside the full read behind the board.
    private static func signInAndDrawBoard(_ options: GlobalOptions) throws
        -> (person: (access: Access, systemUser: String, today: CivilDate), board: AppState?)
    {
        let session = try options.signIn(withoutFiles: true)
        defer { OpenedStores.release(session.repository) }
        let person = (access: session.access, systemUser: session.systemUser, today: session.today)
        // Not written back now: the full read behind the board keeps every file's facts.
        guard let facts = try? session.repository.factsWithoutReadingFiles(keeping: false) else { return (person, nil) }
        return (person, AppState(preview: runner(for: session.repository, session: session).loadData(), facts: facts))
    }

    /// The runner of the application on `repository`, for the person signed in.
    private static func runner(for repository: Repository, session: Session) -> EffectRunner {
        // The application's saves never wait for a compaction; it runs once the terminal is given back.
        repository.defersCompaction = true
        let people = PeopleService(repository: repository, access: session.access, systemUser: session.systemUser)
        return EffectRunner(service: session.service, people: people, today: session.today, actor: session.actor)
    }
}
