import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The board's and the reports' own reducers (issue 18, "the way the TUI is built"): their state and the app
/// as it is in, what they ask of the app out.
@Suite struct BoardAndReportsReducerTests {
    static func app(_ keys: [Key] = []) -> AppState {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 80, height: 24)] + keys, into: &state)
        return state
    }

    @Test func theBoardMovesWithinItsBoxesAndOpensTheListOfTheOneSelected() {
        let app = Self.app()
        var board = BoardState()
        #expect(BoardLogic.reduce(&board, .left, app: app) == nil && board == BoardState(column: 4, item: 0), "round to the last stage")
        #expect(BoardLogic.reduce(&board, .bottom, app: app) == nil)
        #expect(board.item == BoardItem.items(of: .probation).count - 1, "held to the stage's boxes")
        board = BoardState(column: 0, item: 1)
        guard case .push(.list(let list))? = BoardLogic.reduce(&board, .open, app: app) else {
            Issue.record("no list pushed")
            return
        }
        let state = Stage.allCases[0].states[0]
        #expect(list.filter == ListFilter(states: [state], title: state.vietnamese))
        #expect(list.visible.allSatisfy { app.index.rows[$0].file.state == state })
        #expect(list.visible.count == app.index.counts.byState[state] ?? 0)
        #expect(BoardLogic.reduce(&board, .sort, app: app) == nil && board == BoardState(column: 0, item: 1))
    }

    @Test func theReportsSwitchAndScrollThemselvesAndAskForTheirPickersAndTheExport() {
        let app = Self.app([.char("r")])
        guard case .reports(let opened) = app.screen else { Issue.record("no reports"); return }
        var reports = opened
        #expect(ReportsLogic.reduce(&reports, .down, app: app) == nil && reports.scroll == 1)
        #expect(ReportsLogic.reduce(&reports, .nextTab, app: app) == nil)
        #expect(reports.kind == .quota && reports.scroll == 0, "the next report, from its top")
        #expect(ReportsLogic.reduce(&reports, .tab(1), app: app) == nil && reports.kind == .rate)
        #expect(ReportsLogic.reduce(&reports, .left, app: app) == nil && reports.period.year == opened.period.year - 1)
        #expect(ReportsLogic.reduce(&reports, .choosePeriod, app: app) == .openPeriodPicker)
        #expect(ReportsLogic.reduce(&reports, .filter, app: app) == .openUnitPicker)
        #expect(ReportsLogic.reduce(&reports, .export, app: app)
                    == .openForm(FormState(form: ReportsLogic.exportForm(folder: ReportsLogic.lastFolder(app)), purpose: .reportExport,
                                           baseRevision: nil)))
    }

    @Test func theAppOpensTheReportsPickerTheReducerAsksFor() {
        let app = Self.app([.char("r")])
        guard case .reports(let reports) = app.screen else { Issue.record("no reports"); return }
        var store = TestStore(app)
        var expected = app
        ReportsLogic.openPeriodPicker(&expected, reports)
        store.press(.char("K")) { $0.modal = expected.modal }
        #expect(expected.modal != nil)
    }
}
