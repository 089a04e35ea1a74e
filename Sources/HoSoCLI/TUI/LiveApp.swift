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

    /// Reduces `action`, runs the effects, and reduces what they report, until nothing is left.
    private mutating func dispatch(_ action: Action) -> [AppCommand] {
        var pending = [action]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            let effects = AppReducer.reduce(&state, next)
            guard !effects.isEmpty else { continue }
            let result = runner.run(effects)
            if result.quit { return [.quit] }
            pending += result.actions
        }
        return []
    }
}
