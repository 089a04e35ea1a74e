import Foundation
@testable import HoSoCLI
import HoSoApplication
import HoSoDomain
import HoSoStorage
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The terminal application while the files are read behind the board drawn from their facts: it waits
/// for them at each tick, runs on them once they come, and quits with the reason when reading them failed
/// (the launcher prints it once the terminal is given back).
@Suite struct LiveAppLoadingTests {
    static let today = Fixtures.date("2026-11-23")

    /// A board drawn from the facts of a small demo, and the runner the files would give.
    static func preview() throws -> (directory: String, state: AppState, runner: EffectRunner) {
        let directory = NSTemporaryDirectory() + "hoso-live-loading-\(UUID().uuidString)"
        let demo = DemoOrganisation.generate(caseCount: 30, seed: 5, today: today)
        let repository = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases, actor: "test")
        let runner = EffectRunner(service: CaseService(repository: repository), today: today, actor: "Thư ký")
        let data = runner.loadData()
        var state = AppState(preview: data, facts: repository.cases.map(ReportFacts.init))
        _ = AppReducer.reduce(&state, .key(.resize(width: 80, height: 24)))
        return (directory, state, runner)
    }

    /// Ticks until the application asks for something or the load has ended (at most 10 s).
    static func tickUntilAnswered(_ app: inout LiveApp) -> [AppCommand] {
        for _ in 0..<1_000 {
            let commands = app.tick()
            if !commands.isEmpty || !app.isWaiting { return commands }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return []
    }

    @Test func readingTheFilesFailedQuitsWithTheReason() throws {
        let (directory, state, _) = try Self.preview()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let release = DispatchSemaphore(value: 0)
        let load = BackgroundLoad {
            release.wait()
            throw Failure.error("Máy chủ PostgreSQL không trả lời.")
        }
        var app = LiveApp(state: state, runner: nil, loading: load)
        // While the files are read, a tick asks for nothing and the application keeps waiting.
        #expect(app.tick().isEmpty)
        #expect(app.isWaiting && app.runner == nil && app.loadFailure == nil)
        #expect(app.state.loading != nil)

        release.signal()
        #expect(Self.tickUntilAnswered(&app) == [.quit])
        #expect(!app.isWaiting)
        #expect(app.runner == nil, "no repository to save into")
        let failure = try #require(app.loadFailure as? Failure)
        #expect(failure.message == "Máy chủ PostgreSQL không trả lời.")
    }

    @Test func theFilesThatCameAreWhatTheApplicationRunsOn() throws {
        let (directory, state, runner) = try Self.preview()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = ReadModel(data: runner.loadData())
        let loaded = UncheckedLoaded(value: BackgroundLoad.Loaded(runner: runner, model: model))
        let load = BackgroundLoad { loaded.value }
        var app = LiveApp(state: state, runner: nil, loading: load)
        #expect(Self.tickUntilAnswered(&app).isEmpty)
        #expect(!app.isWaiting && app.loadFailure == nil)
        #expect(app.runner != nil)
        #expect(app.state.loading == nil, "the board no longer says the files are being read")
    }
}

/// The runner is handed to the loading thread whole, as the launcher's loading closure makes it there.
private struct UncheckedLoaded: @unchecked Sendable {
    let value: BackgroundLoad.Loaded
}
