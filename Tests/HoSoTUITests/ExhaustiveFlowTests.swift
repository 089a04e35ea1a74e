import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The step, form and conflict flows, each key asserted whole (issue 18, "the way the TUI is built"): the
/// test store fails on any change of state a step does not state, where the older tests checked a field or two.
@Suite struct ExhaustiveFlowTests {
    static let id: CaseID = "HS-0003"

    /// The detail of HS-0003 (introduced, ready for the cell's vote on 01/10/2024) at 80×24.
    func store() throws -> TestStore {
        let ready = try AppFixtures.file(Self.id.rawValue, "Lê Hoàng Đức", in: .introduced)
        let data = AppData(cases: [ready], revisions: [Self.id: 3],
                           organisation: Organisation(units: [Fixtures.cell()], members: Fixtures.members),
                           today: Fixtures.date("2024-10-01"), actor: "Thư ký chi bộ")
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter], into: &state)
        return TestStore(state)
    }

    /// The form in the popup, after `key` (what the form itself does with a key is the form's tests').
    func formAfter(_ key: Key, _ state: AppState) -> FormState? {
        guard case .form(var form)? = state.modal else { return nil }
        _ = form.form.handle(key)
        return form
    }

    /// Types `text` into the open form, each key changing the form in the popup and nothing else.
    func type(_ text: String, into store: inout TestStore) {
        for character in text {
            let form = formAfter(.char(character), store.state)
            store.press(.char(character)) { $0.modal = form.map { .form($0) } }
        }
    }

    @Test func theStoreFailsOnAChangeTheTestDidNotState() throws {
        var store = try store()
        withKnownIssue("n opens the step list, which the test does not state") {
            store.press(.char("n"))
        }
        withKnownIssue("a letter typed into the form changes it, which `{ _ in }` does not state") {
            store.press(.escape) { $0.modal = nil }
            store.press(.char("m")) { state in
                guard let file = state.data.cases.first else { return }
                state.modal = .form(FormState(form: EditForms.form(for: .note(Self.id), file: file, data: state.data),
                                              purpose: .note(Self.id), baseRevision: 3))
            }
            store.press(.char("x")) { _ in }
        }
    }

    @Test func aVoteFromTheStepListToItsSaveChangesOnlyWhatEachKeySays() throws {
        var store = try store()
        let file = try #require(store.state.data.cases.first)
        let steps = Workflow.events(from: .introduced)
        let vote = try #require(steps.firstIndex(of: .cellVote))
        store.press(.char("n")) { $0.modal = .nextStep(NextStepState(caseID: Self.id, steps: steps)) }
        for _ in 0..<vote {
            store.press(.down) { state in
                guard case .nextStep(var next)? = state.modal else { return }
                next.selected += 1
                state.modal = .nextStep(next)
            }
        }
        let blank = FormState(form: StepForms.form(for: .cellVote, file: file, data: store.state.data),
                              purpose: .step(.cellVote, Self.id), baseRevision: 3)
        store.press(.enter) { $0.modal = .form(blank) }
        let toVotes = formAfter(.tab, store.state)
        store.press(.tab) { $0.modal = toVotes.map { .form($0) } }
        type("7", into: &store)

        // Ctrl-S asks first, naming what was typed; nothing is sent yet.
        guard case .form(let typed)? = store.state.modal else { Issue.record("no form"); return }
        let event = Event.cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 0)
        let question = ConfirmDialog(title: "Xác nhận bước", message: [
            "Hồ sơ HS-0003 — Lê Hoàng Đức", "Bước: Chi bộ biểu quyết kết nạp, ngày 01/10/2024",
            "Từ \"Đã có giới thiệu, ý kiến\"", "sang \"Chi bộ đã xét\"", "", "Đã nhập:",
            "  Số phiếu tán thành: 7", "  Số phiếu không tán thành: 0", "  Miễn sinh hoạt vắng mặt: 0",
        ], confirmLabel: "Thực hiện")
        store.press(.ctrl("s")) {
            $0.modal = .confirm(ConfirmState(dialog: question, event: event, date: Fixtures.date("2024-10-01"), form: typed))
        }
        var focused = question
        _ = focused.handle(.right)
        store.press(.right) {
            $0.modal = .confirm(ConfirmState(dialog: focused, event: event, date: Fixtures.date("2024-10-01"), form: typed))
        }
        // Enter sends the step with the state it was chosen on, keeps the form for a conflict, says it saves.
        let command = CaseCommand.step(event, on: Self.id, date: Fixtures.date("2024-10-01"), seenState: .introduced)
        store.press(.enter, effects: [.run(command)]) {
            $0.modal = nil
            $0.lastSubmittedForm = typed
            $0.status = StatusMessage("Đang lưu…")
        }
        // The runner's answer is a status line; the next key clears it.
        store.send(.saved(Self.id, message: "Đã ghi bước cho HS-0003.")) {
            $0.status = StatusMessage("Đã ghi bước cho HS-0003.", kind: .success)
        }
    }

    /// m on the file: the blank note form, and nothing else.
    func openNote(in store: inout TestStore) {
        store.press(.char("m")) { state in
            guard let file = state.data.cases.first else { return }
            state.modal = .form(FormState(form: EditForms.form(for: .note(Self.id), file: file, data: state.data),
                                          purpose: .note(Self.id), baseRevision: 3))
        }
    }

    /// Types a note and saves it: the command goes out, the form is kept for a conflict; returns the form.
    func typeAndSaveNote(in store: inout TestStore) -> FormState? {
        type("Tích cực.", into: &store)
        guard case .form(let typed)? = store.state.modal, let command = noteCommand(typed) else { return nil }
        store.press(.ctrl("s"), effects: [.run(command)]) {
            $0.modal = nil
            $0.lastSubmittedForm = typed
            $0.status = StatusMessage("Đang lưu…")
        }
        return typed
    }

    @Test func aNoteFormSendsItsEditAndEscOnAnEmptyFormLeavesNothingBehind() throws {
        var store = try store()
        openNote(in: &store)
        store.press(.escape) { $0.modal = nil }
        openNote(in: &store)
        #expect(typeAndSaveNote(in: &store) != nil)
    }

    @Test func aConflictOffersTheReloadAndTheFormComesBackWithWhatWasTyped() throws {
        var store = try store()
        openNote(in: &store)
        let typed = try #require(typeAndSaveNote(in: &store))
        // The store refused: someone else saved first. The question keeps the form.
        let dialog = ConfirmDialog(title: "Hồ sơ đã bị người khác sửa",
                                   message: ["Lan đã sửa lúc 09:12.", "",
                                             "Tải lại: xem dữ liệu mới; những gì bạn đã nhập được giữ lại để lưu lần nữa."],
                                   confirmLabel: "Tải lại")
        store.send(.conflict("Lan đã sửa lúc 09:12.")) { $0.modal = .conflict(ConflictState(dialog: dialog, form: typed)) }
        var reloadFocused = dialog
        _ = reloadFocused.handle(.right)
        store.press(.right) {
            $0.modal = .conflict(ConflictState(dialog: reloadFocused, form: typed))
            $0.status = nil  // "Đang lưu…" stays until the next key
        }
        store.press(.enter, effects: [.reload]) {
            $0.modal = nil
            $0.reopenAfterReload = typed
            $0.status = StatusMessage("Đang tải lại…")
        }
        // The data comes back (revision 4): the form reopens with what was typed, on the new revision.
        var fresh = store.state.data
        fresh.revisions[Self.id] = 4
        store.send(.loaded(fresh, external: false)) {
            $0.readModel.apply(.loaded(fresh))
            $0.reopenAfterReload = nil
            var reopened = typed
            reopened.baseRevision = 4
            $0.modal = .form(reopened)
        }
    }

    /// The command a note form sends with what was typed (the edit as the form's own tests read it).
    func noteCommand(_ form: FormState) -> CaseCommand? {
        let values = Dictionary(uniqueKeysWithValues: form.form.fields.map { ($0.id, $0.value) })
        guard case .success(let (edit, date)) = EditForms.edit(for: .note(Self.id), values: values, seen: form.form.initialValuesByID)
        else { return nil }
        return .edit(edit, on: Self.id, date: date)
    }
}
