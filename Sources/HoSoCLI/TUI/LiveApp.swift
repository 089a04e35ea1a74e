import HoSoDomain
import HoSoTUI

/// The application as the terminal driver runs it: the pure reducer and views, plus the runner
/// that carries out effects and feeds their results back.
struct LiveApp: TerminalApp {
    var state: AppState
    let runner: EffectRunner

    mutating func handle(_ key: Key) -> [AppCommand] {
        dispatch(.key(key))
    }

    func render(width: Int, height: Int) -> CellBuffer {
        AppView.render(state, width: width, height: height)
    }

    mutating func tick() -> [AppCommand] {
        runner.pollExternalChanges().flatMap { dispatch($0) }
    }

    /// Reduces `action`, runs the effects, and reduces what they report, until nothing is left: the runtime
    /// the tests drive too.
    private mutating func dispatch(_ action: Action) -> [AppCommand] {
        AppRuntime.dispatch(action, to: &state, run: runner.run) ? [.quit] : []
    }
}
