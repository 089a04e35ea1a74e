import HoSoDomain
import HoSoTUI

/// The application as the terminal driver runs it: the pure reducer and views, plus the runner
/// that carries out effects and feeds their results back.
struct LiveApp: TerminalApp {
    var state: AppState
    /// Nil while the files are read behind a board drawn from their facts: no repository is held meanwhile.
    private(set) var runner: EffectRunner?
    /// The files being read behind a first frame drawn from their facts; nil once they came.
    private var loading: BackgroundLoad?
    /// Why reading the files failed: the application quits and the launcher says it once the terminal
    /// is given back.
    private(set) var loadFailure: (any Error)?

    /// `loading`: the files being read while `state` shows the board from their facts (`AppState.loading`).
    init(state: AppState, runner: EffectRunner?, loading: BackgroundLoad? = nil) {
        self.state = state
        self.runner = runner
        self.loading = loading
    }

    var isWaiting: Bool { loading != nil }

    mutating func handle(_ key: Key) -> [AppCommand] {
        dispatch(.key(key))
    }

    func render(width: Int, height: Int) -> CellBuffer {
        AppView.render(state, width: width, height: height)
    }

    mutating func tick() -> [AppCommand] {
        if let loading {
            // Until the files come there is no repository to look in.
            guard let result = loading.take() else { return [] }
            self.loading = nil
            switch result {
            case .success(let loaded):
                runner = loaded.runner
                return dispatch(.indexed(loaded.model))
            case .failure(let error):
                loadFailure = error
                return [.quit]
            }
        }
        return (runner?.pollExternalChanges() ?? []).flatMap { dispatch($0) }
    }

    /// Reduces `action`, runs the effects, and reduces what they report, until nothing is left: the runtime
    /// the tests drive too.
    private mutating func dispatch(_ action: Action) -> [AppCommand] {
        AppRuntime.dispatch(action, to: &state, run: runner?.run ?? Self.runWhileLoading) ? [.quit] : []
    }

    /// Until the files come, the keys that reach the reducer (the board's arrows, its help, quitting) ask
    /// for nothing but to quit.
    private static func runWhileLoading(_ effects: [Effect]) -> (actions: [Action], quit: Bool) {
        ([], effects.contains(.quit))
    }
}
