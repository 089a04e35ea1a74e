import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The mentor screen's own reducer, scoped like the units screen's: its state and the app in, what it asks
/// of the app out (the picker, a note's form, the file).
@Suite struct MentorReducerTests {
    @Test func itMovesAmongTheMentorsCandidatesAndAsksForTheRest() throws {
        let app = AppState(data: try AppFixtures.twoMentorCell())
        let rows = MentorLogic.candidates(of: "M002", index: app.index)
        let ids = rows.map { app.index.rows[$0].file.id }
        #expect(ids.sorted() == ["HS-0004", "HS-0005"])
        var mentor = MentorState(memberID: "M002")
        #expect(MentorLogic.reduce(&mentor, .bottom, app: app) == nil)
        #expect(mentor.selected == 1)
        #expect(MentorLogic.reduce(&mentor, .addNote, app: app) == .openEditForm(.note(ids[1])))
        #expect(MentorLogic.reduce(&mentor, .open, app: app) == .push(.detail(DetailState(caseID: ids[1]))))
        #expect(MentorLogic.reduce(&mentor, .filter, app: app) == .openMemberPicker)
        #expect(mentor == MentorState(memberID: "M002", selected: 1), "asking changes nothing of its own")
        var nobody = MentorState()
        #expect(MentorLogic.reduce(&nobody, .addNote, app: app) == nil, "no candidate: nothing to note")
        #expect(MentorLogic.reduce(&nobody, .open, app: app) == nil)
    }

    @Test func theAppOpensWhatItAsksFor() throws {
        var state = AppState(data: try AppFixtures.twoMentorCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("t"), .escape], into: &state)
        var store = TestStore(state)
        guard case .mentor = store.state.screen else { Issue.record("not on the mentor screen"); return }
        store.press(.char("f")) { state in
            var opened = state
            AppReducer.openMemberPicker(&opened)
            state.modal = opened.modal
        }
    }
}
