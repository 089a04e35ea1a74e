import Foundation
@testable import HoSoCLI
import HoSoApplication
import HoSoDomain
import HoSoStorage
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The terminal application's saves against a real store: its own save alone comes back as the stored
/// file, applied in place; anything another terminal wrote meanwhile makes it reload everything.
@Suite struct TUISaveTests {
    static let today = Fixtures.date("2026-11-23")

    /// A store of the demo with 60 files, a runner on it, and the application as it opens.
    final class Workspace {
        let directory = NSTemporaryDirectory() + "hoso-tui-save-\(UUID().uuidString)"
        let runner: EffectRunner
        var state: AppState

        init() throws {
            let demo = DemoOrganisation.generate(caseCount: 60, seed: 3, today: TUISaveTests.today)
            let repository = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases,
                                                   actor: "test")
            runner = EffectRunner(service: CaseService(repository: repository), today: TUISaveTests.today, actor: "Thư ký")
            state = AppState(data: runner.loadData())
            _ = AppReducer.reduce(&state, .key(.resize(width: 120, height: 40)))
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// The note command on the `nth` open file of the index, as the note form sends it, and that file.
        func noteSave(_ nth: Int = 0) throws -> (effect: Effect, file: CaseFile, revision: Int?) {
            let file = try #require(state.index.rows.map(\.file).filter { !$0.state.isTerminal }.dropFirst(nth).first)
            let command = CaseCommand.edit(.addNote(text: "Tích cực tham gia sinh hoạt."), on: file.id, date: TUISaveTests.today)
            return (.run(command), file, state.data.revisions[file.id])
        }

        /// Runs `effects` and reduces what comes back, as the application's loop does.
        func run(_ effects: [Effect]) -> [Action] {
            var all: [Action] = []
            var pending = effects
            while !pending.isEmpty {
                let actions = runner.run(pending).actions
                all += actions
                pending = actions.flatMap { AppReducer.reduce(&state, $0) }
            }
            return all
        }
    }

    /// What the application shows, from the index and the board (the status line aside).
    static func shown(_ state: AppState) -> [String] {
        var quiet = state
        quiet.status = nil
        return state.index.rows.map { "\($0.file.id) \($0.file.history.count) \($0.deadline.map { "\($0.due)" } ?? "-")" }
            + [AppView.render(quiet, width: 120, height: 40).text]
    }

    /// Checks that `state` shows what the application would show if it opened on the store now.
    static func expectAsIfOpenedNow(_ state: AppState, runner: EffectRunner, sourceLocation: SourceLocation = #_sourceLocation) {
        var fresh = AppState(data: runner.loadData())
        _ = AppReducer.reduce(&fresh, .key(.resize(width: 120, height: 40)))
        #expect(shown(state) == shown(fresh), sourceLocation: sourceLocation)
        #expect(state.index.counts == fresh.index.counts, sourceLocation: sourceLocation)
        #expect(state.data.revisions == fresh.data.revisions, sourceLocation: sourceLocation)
    }

    @Test func aSaveOfThisTerminalAloneIsAppliedInPlace() throws {
        let workspace = try Workspace()
        let (save, file, revision) = try workspace.noteSave()
        let actions = workspace.run([save])
        guard case .stored(let stored)? = actions.first else { Issue.record("no in-place update: \(actions)"); return }
        #expect(stored.map(\.file.id) == [file.id] && stored.first?.revision == (revision ?? 0) + 1)
        #expect(stored.first?.file == workspace.runner.repository.caseFile(file.id), "as stored, with the store's seals")
        #expect(stored.first?.file.notes.count == file.notes.count + 1)
        #expect(actions.contains { if case .saved = $0 { true } else { false } })
        #expect(workspace.state.data.revisions[file.id] == (revision ?? 0) + 1)
        Self.expectAsIfOpenedNow(workspace.state, runner: workspace.runner)
    }

    @Test func aChangeFromAnotherTerminalMakesTheSaveReloadEverything() throws {
        let workspace = try Workspace()
        // Another terminal notes another file.
        let other = try Repository.open(at: workspace.directory)
        let elsewhere = try #require(workspace.state.index.rows.map(\.file).last { !$0.state.isTerminal })
        try CaseService(repository: other).edit(.addNote(text: "Ghi ở máy khác."), on: elsewhere.id, date: Self.today, actor: "Bí thư")
        let actions = workspace.run([try workspace.noteSave().effect])
        guard case .loaded(_, external: false)? = actions.first else { Issue.record("no reload: \(actions)"); return }
        let shown = workspace.state.index.position(of: elsewhere.id).map { workspace.state.index.rows[$0].file }
        #expect(shown?.history.count == elsewhere.history.count + 1, "the other terminal's note is shown")
        Self.expectAsIfOpenedNow(workspace.state, runner: workspace.runner)
    }

    /// Issue 14, item 9: a note commutes with another terminal's change of the same file.
    @Test func aNoteOnAFileAnotherTerminalNotedMeanwhileKeepsBothNotes() throws {
        let workspace = try Workspace()
        let (save, file, _) = try workspace.noteSave()
        let other = try Repository.open(at: workspace.directory)
        try CaseService(repository: other).edit(.addNote(text: "Ghi ở máy khác."), on: file.id, date: Self.today, actor: "Bí thư")
        let actions = workspace.run([save])
        #expect(!actions.contains { if case .conflict = $0 { true } else { false } }, "\(actions)")
        #expect(workspace.state.modal == nil)
        let stored = try #require(workspace.runner.repository.caseFile(file.id))
        #expect(stored.notes.suffix(2).map(\.text) == ["Ghi ở máy khác.", "Tích cực tham gia sinh hoạt."])
        Self.expectAsIfOpenedNow(workspace.state, runner: workspace.runner)
    }

    @Test func savesOfSeveralFilesAtOnceAreEachAppliedInPlace() throws {
        let workspace = try Workspace()
        let saves = try (0..<3).map { try workspace.noteSave($0 * 5).effect }
        let actions = workspace.run(saves)
        guard case .stored(let stored)? = actions.first else { Issue.record("no in-place update: \(actions)"); return }
        #expect(stored.count == 3)
        Self.expectAsIfOpenedNow(workspace.state, runner: workspace.runner)
    }

    /// Issue 14, item 8: a save the disk does not take keeps the form with what was typed.
    @Test func aSaveThatFailsOnTheDiskLeadsBackToTheFormWithWhatWasTyped() throws {
        let workspace = try Workspace()
        let file = try #require(workspace.state.index.rows.map(\.file).first { !$0.state.isTerminal })
        workspace.state.screens.append(.detail(DetailState(caseID: file.id)))
        _ = AppReducer.reduce(&workspace.state, .key(.char("m")))
        for character in "Nhận xét không được mất" { _ = AppReducer.reduce(&workspace.state, .key(.char(character))) }
        let effects = AppReducer.reduce(&workspace.state, .key(.ctrl("s")))
        #expect(effects.contains { if case .run = $0 { true } else { false } }, "\(effects)")
        // The journal's folder is gone: the append fails, nothing is saved.
        try FileManager.default.removeItem(atPath: workspace.directory + "/journal")
        _ = workspace.run(effects)
        guard case .message(let message)? = workspace.state.modal else { Issue.record("no popup: \(String(describing: workspace.state.modal))"); return }
        // The save's refusal, or the failed reload after it: either way the form is kept.
        #expect(["Chưa lưu được", "Lỗi"].contains(message.title))
        let form = try #require(message.returnTo, "the popup leads back to the form")
        #expect(form.form.fields.contains { $0.value == "Nhận xét không được mất" })
    }
}
