import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The list's and the file's own reducers (issue 18, "the way the TUI is built"): their state and the app as
/// it is in, what they ask of the app out; the app runs them scoped to the screen on top.
@Suite struct ListAndDetailReducerTests {
    static func app(_ keys: [Key] = []) throws -> AppState {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24)] + keys, into: &state)
        return state
    }

    @Test func theListMovesItsSelectionAndAsksForTheFileThePickersAndTheNextStep() throws {
        let app = try Self.app([.char("l")])
        guard case .list(let opened) = app.screen else { Issue.record("no list"); return }
        var list = opened
        #expect(ListLogic.reduce(&list, .down, app: app) == nil)
        #expect(list.selected == 1)
        let second = app.index.rows[list.visible[1]].file.id
        #expect(ListLogic.reduce(&list, .open, app: app) == .push(.detail(DetailState(caseID: second))))
        #expect(ListLogic.reduce(&list, .nextStep, app: app) == .openNextStep(second))
        #expect(ListLogic.reduce(&list, .sort, app: app) == .openSortPicker)
        #expect(ListLogic.reduce(&list, .filter, app: app) == .openFilterPicker)
        #expect(ListLogic.reduce(&list, .export, app: app) == .openListExport)
        #expect(ListLogic.reduce(&list, .reverseSort, app: app) == .status(StatusMessage("Sắp xếp theo Họ và tên, giảm dần ▼")))
        #expect(list.descending && list.visible == opened.visible.reversed())
        #expect(ListLogic.reduce(&list, .sortColumnLeft, app: app) == .status(StatusMessage("Sắp xếp theo Mã, tăng dần ▲")))
        #expect(ListLogic.reduce(&list, .sortColumnLeft, app: app) == .status(StatusMessage("Đã ở cột đầu (Mã).")))
        #expect(ListLogic.reduce(&list, .addNote, app: app) == nil, "a command it does not have does nothing")
    }

    @Test func anEmptyListOpensNothingAndAsksNoStep() throws {
        let app = try Self.app([.char("l")])
        var list = ListState(filter: ListFilter(overdueOnly: true, dueSoonOnly: true, title: "không có"))
        AppReducer.refreshList(&list, index: app.index, size: app.size)
        try #require(list.visible.isEmpty)
        #expect(ListLogic.reduce(&list, .open, app: app) == nil)
        #expect(ListLogic.reduce(&list, .nextStep, app: app) == nil)
    }

    @Test func theFileChangesItsTabAndAsksForItsFormsOrSaysWhyNot() throws {
        let app = try Self.app([.char("l"), .enter])
        guard case .detail(let opened) = app.screen else { Issue.record("no detail"); return }
        let id = opened.caseID
        var detail = opened
        #expect(DetailLogic.reduce(&detail, .tab(7), app: app) == nil && detail.tab == .history)
        #expect(DetailLogic.reduce(&detail, .nextTab, app: app) == nil && detail.tab == .info)
        #expect(DetailLogic.reduce(&detail, .previousTab, app: app) == nil && detail.tab == .history)
        #expect(DetailLogic.reduce(&detail, .addNote, app: app) == .openEditForm(.note(id)))
        #expect(DetailLogic.reduce(&detail, .nextStep, app: app) == .openNextStep(id))
        #expect(DetailLogic.reduce(&detail, .export, app: app) == .openPapers(id))
        #expect(DetailLogic.reduce(&detail, .addOpinion, app: app) == .openEditForm(.opinion(id)) && detail.tab == .admission)
        #expect(DetailLogic.reduce(&detail, .edit, app: app) == .openEditForm(.identity(id)) && detail.tab == .info)
        let file = try #require(AppReducer.file(id, in: app))
        if file.tasks.allSatisfy({ $0.done != nil }) {
            #expect(DetailLogic.reduce(&detail, .completeTask, app: app)
                        == .warn(StatusMessage("Hồ sơ không có nhiệm vụ nào đang làm; giao bằng w hoặc Ctrl-W.", kind: .warning)))
            #expect(detail.tab == .mentors, "the tab it is about is shown")
        }
        #expect(DetailLogic.reduce(&detail, .sort, app: app) == nil, "a command it does not have does nothing")
    }

    @Test func theAppRunsThemOnTheScreenOnTopAndDoesWhatTheyAsk() throws {
        let app = try Self.app()
        var store = TestStore(app)
        var list = ListState(filter: .all)
        AppReducer.refreshList(&list, index: app.index, size: app.size)
        store.press(.char("l")) { $0.screens = [.board, .list(list)] }
        list.selected = 1
        store.press(.down) { $0.screens = [.board, .list(list)] }
        let id = app.index.rows[list.visible[1]].file.id
        store.press(.enter) { $0.screens = [.board, .list(list), .detail(DetailState(caseID: id))] }
        var detail = DetailState(caseID: id)
        detail.tab = .probation
        store.press(.char("6")) { $0.screens = [.board, .list(list), .detail(detail)] }
        detail.tab = .admission
        let file = try #require(AppReducer.file(id, in: app))
        let form = FormState(form: EditForms.form(for: .introducer(id), file: file, data: app.data), purpose: .introducer(id),
                             baseRevision: app.data.revisions[id])
        store.press(.char("i")) {
            $0.screens = [.board, .list(list), .detail(detail)]
            $0.modal = .form(form)
        }
    }
}
