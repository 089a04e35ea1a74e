import HoSoDomain

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

extension ScreenScope where Local == ListState {
    static let list = ScreenScope(extract: { if case .list(let list) = $0 { list } else { nil } }, embed: Screen.list)
}

extension ScreenScope where Local == DetailState {
    static let detail = ScreenScope(extract: { if case .detail(let detail) = $0 { detail } else { nil } }, embed: Screen.detail)
}

extension ScreenScope where Local == ReportsState {
    static let reports = ScreenScope(extract: { if case .reports(let reports) = $0 { reports } else { nil } }, embed: Screen.reports)
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
    /// The choice of the next step of a file.
    case openNextStep(CaseID)
    /// The papers of a file to print.
    case openPapers(CaseID)
    /// The pickers of the list on top: its sort column, a filter, the export of what it shows.
    case openSortPicker, openFilterPicker, openListExport
    /// The pickers of the reports on top: the period, the unit.
    case openPeriodPicker, openUnitPicker
    /// A warning on the status line (the command could not be done).
    case warn(StatusMessage)
    /// What the command did, on the status line.
    case status(StatusMessage)
    /// A screen opened above this one (a file from a list).
    case push(Screen)
}

extension AppReducer {
    /// Runs a screen's reducer on the screen on top (`scope`'s) and does what it asks.
    /// The reducer reads the app as it was before the command; it changes only its own state.
    static func runScreen<Local>(_ state: inout AppState, _ scope: ScreenScope<Local>,
                                 _ reduce: (inout Local, AppState) -> ScreenOutput?) {
        let before = state
        apply(reduceTop(&state, scope, { reduce(&$0, before) }) ?? nil, to: &state)
    }

    /// Does what a screen's reducer asked, its state already written back.
    static func apply(_ output: ScreenOutput?, to state: inout AppState) {
        switch output {
        case .openForm(let form)?: state.modal = .form(form)
        case .openEditForm(let purpose)?: openEditForm(&state, purpose)
        case .openMemberPicker?: openMemberPicker(&state)
        case .openNextStep(let id)?: openNextStep(&state, id)
        case .openPapers(let id)?: PaperLogic.openPicker(&state, id)
        case .openSortPicker?: if case .list(let list) = state.screen { ListSortLogic.openPicker(&state, list) }
        case .openFilterPicker?: openFilterPicker(&state)
        case .openListExport?: if case .list(let list) = state.screen { ListExport.openPicker(&state, list) }
        case .openPeriodPicker?: if case .reports(let reports) = state.screen { ReportsLogic.openPeriodPicker(&state, reports) }
        case .openUnitPicker?: if case .reports(let reports) = state.screen { ReportsLogic.openUnitPicker(&state, reports) }
        case .warn(let message)?, .status(let message)?: state.status = message
        case .push(let screen)?: state.screens.append(screen)
        case nil: break
        }
    }

    /// Runs `reduce` on the state of the screen on top when it is `scope`'s, writes it back, and returns what
    /// the screen asks of the app; nil when another screen is on top.
    @discardableResult
    static func reduceTop<Local, Output>(_ state: inout AppState, _ scope: ScreenScope<Local>,
                                          _ reduce: (inout Local) -> Output) -> Output? {
        guard let top = state.screens.indices.last, var local = scope.extract(state.screens[top]) else { return nil }
        let output = reduce(&local)
        state.screens[top] = scope.embed(local)
        return output
    }
}
