/// The one loop the app runs in, in the terminal and in tests alike: an action is reduced, its effects go
/// to whoever carries them out, and the actions they report are reduced in turn, until nothing is left.
public enum AppRuntime {
    /// What carries out effects: the live runner (storage, files) or a test's stand-in.
    public typealias Run = ([Effect]) -> (actions: [Action], quit: Bool)

    /// Reduces `action` and everything its effects report into `state`; true when the app should quit.
    @discardableResult
    public static func dispatch(_ action: Action, to state: inout AppState, run: Run) -> Bool {
        var pending = [action]
        while !pending.isEmpty {
            let effects = AppReducer.reduce(&state, pending.removeFirst())
            guard !effects.isEmpty else { continue }
            let result = run(effects)
            if result.quit { return true }
            pending += result.actions
        }
        return false
    }
}
