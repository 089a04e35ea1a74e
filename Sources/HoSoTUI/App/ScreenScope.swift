/// One case of `Screen` and the state it carries: how the app reaches a screen's own state to run that
/// screen's reducer on it, and puts it back (the only write-back a scoped screen needs).
struct ScreenScope<Local>: Sendable {
    let extract: @Sendable (Screen) -> Local?
    let embed: @Sendable (Local) -> Screen
}

extension ScreenScope where Local == UnitsState {
    static let units = ScreenScope(extract: { if case .units(let units) = $0 { units } else { nil } }, embed: Screen.units)
}

extension AppReducer {
    /// Runs `reduce` on the state of the screen on top when it is `scope`'s, writes it back, and returns what
    /// the screen asks of the app; nil when another screen is on top.
    static func reduceTop<Local, Output>(_ state: inout AppState, _ scope: ScreenScope<Local>,
                                          _ reduce: (inout Local) -> Output) -> Output? {
        guard let top = state.screens.indices.last, var local = scope.extract(state.screens[top]) else { return nil }
        let output = reduce(&local)
        state.screens[top] = scope.embed(local)
        return output
    }
}
