import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The units screen's own reducer (issue 18, "the way the TUI is built"): its state and the data in, what it
/// asks of the app out; the app runs it scoped to the screen on top.
@Suite struct UnitsReducerTests {
    @Test func itMovesItsSelectionAndAsksForTheFormsAndNothingElse() throws {
        let data = AppFixtures.demoData()
        let units = UnitsLogic.units(data)
        try #require(units.count > 2)
        var screen = UnitsState()
        #expect(UnitsLogic.reduce(&screen, .down, data: data) == nil)
        #expect(screen.selected == 1)
        #expect(UnitsLogic.reduce(&screen, .bottom, data: data) == nil)
        #expect(UnitsLogic.reduce(&screen, .down, data: data) == nil)
        #expect(screen.selected == units.count - 1, "stays on the last unit")
        let last = try #require(units.last)
        #expect(UnitsLogic.reduce(&screen, .edit, data: data)
                    == .openForm(FormState(form: UnitsLogic.letterheadForm(last, data: data), purpose: .letterhead(last.id), baseRevision: nil)))
        #expect(UnitsLogic.reduce(&screen, .unitCounts, data: data)
                    == .openForm(FormState(form: UnitsLogic.countsForm(last, data: data), purpose: .unitCounts(last.id),
                                           baseRevision: nil)))
        #expect(UnitsLogic.reduce(&screen, .sort, data: data) == nil, "a command it does not have does nothing")
        #expect(screen.selected == units.count - 1)
    }

    @Test func theAppRunsItOnTheScreenOnTopAndDoesWhatItAsks() throws {
        let data = AppFixtures.demoData()
        let units = UnitsLogic.units(data)
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24)], into: &state)
        var store = TestStore(state)
        store.press(.char("D")) { $0.screens = [.board, .units(UnitsState())] }
        store.press(.down) { $0.screens = [.board, .units(UnitsState(selected: 1))] }
        store.press(.enter) {
            $0.modal = .form(FormState(form: UnitsLogic.countsForm(units[1], data: data), purpose: .unitCounts(units[1].id),
                                       baseRevision: nil))
        }
        store.press(.escape) { $0.modal = nil }
        // A click on the first unit's row selects it: where the table is drawn, computed without drawing.
        let first = try #require(UnitsView.rowHits(store.state, UnitsState(selected: 1), size: store.state.size).rowHits.first)
        store.press(.mouse(MouseEvent(row: first.rect.row, col: 3, kind: .leftClick))) {
            $0.screens = [.board, .units(UnitsState(selected: 0))]
        }
    }
}
