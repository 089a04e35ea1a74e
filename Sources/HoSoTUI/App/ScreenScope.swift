/// One case of `Screen` and the state it carries: how the app reaches a screen's own state to run that
/// screen's reducer on it, and puts it back (the only write-back a scoped screen needs).
struct ScreenScope<Local>: Sendable {
    let extract: @Sendable (Screen) -> Local?
    let embed: @Sendable (Local) -> Screen
}

extension ScreenScope where Local == PeopleState {
    static let people = ScreenScope(extract: { if case .people(let people) = $0 { people } else { nil } }, embed: Screen.people)
}

extension ScreenScope where Local == ClassesState {
    static let classes = ScreenScope(extract: { if case .classes(let classes) = $0 { classes } else { nil } }, embed: Screen.classes)
}

extension ScreenScope where Local == MentorState {
    static let mentor = ScreenScope(extract: { if case .mentor(let mentor) = $0 { mentor } else { nil } }, embed: Screen.mentor)
}

extension ScreenScope where Local == UnitsState {
    static let units = ScreenScope(extract: { if case .units(let units) = $0 { units } else { nil } }, embed: Screen.units)
}

/// What a screen's reducer asks of the app after a command: the only things it changes outside its own state.
enum ScreenOutput: Equatable {
    case openForm(FormState)
    /// The form of an edit of a file, as loaded now (its revision is the save's expected one).
    case openEditForm(FormPurpose)
    case openMemberPicker
    case warn(StatusMessage)
    /// A screen opened above this one (a file from a list).
    case push(Screen)
}

extension AppReducer {
    /// Runs a screen's reducer on the screen on top (`scope`'s) and does what it asks.
    /// The reducer reads the app as it was before the command; it changes only its own state.
    static func runScreen<Local>(_ state: inout AppState, _ scope: ScreenScope<Local>,
                                 _ reduce: (inout Local, AppState) -> ScreenOutput?) {
        let before = state
        switch reduceTop(&state, scope, { reduce(&$0, before) }) ?? nil {
        case .openForm(let form)?: state.modal = .form(form)
        case .openEditForm(let purpose)?: openEditForm(&state, purpose)
        case .openMemberPicker?: openMemberPicker(&state)
        case .warn(let message)?: state.status = message
        case .push(let screen)?: state.screens.append(screen)
        case nil: break
        }
    }

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
