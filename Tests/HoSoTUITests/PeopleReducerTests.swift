import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The people screen's own reducer, scoped like the units screen's: its state and the data in, what it asks
/// of the app out.
@Suite struct PeopleReducerTests {
    @Test func itMovesItsSelectionAndAsksForTheFormsOrAWarning() throws {
        var data = try AppFixtures.smallCell()
        data.people = AppFixtures.people
        var people = PeopleState()
        #expect(PeopleLogic.reduce(&people, .bottom, data: data) == nil)
        #expect(people.selected == data.people.count - 1)
        #expect(PeopleLogic.reduce(&people, .addPerson, data: data)
                    == .openForm(FormState(form: PeopleLogic.addPersonForm(data: data), purpose: .addPerson, baseRevision: nil)))
        let person = data.people[people.selected]
        #expect(PeopleLogic.reduce(&people, .grantRole, data: data)
                    == .openForm(FormState(form: PeopleLogic.grantForm(person, data: data), purpose: .grantRole(person.id),
                                           baseRevision: nil)))
        data.people[people.selected].grants = []
        let bare = data.people[people.selected]
        #expect(PeopleLogic.reduce(&people, .revokeRole, data: data)
                    == .warn(StatusMessage("\(bare.signature) chưa có vai trò nào; cấp bằng Enter.", kind: .warning)))
        #expect(people.selected == data.people.count - 1, "asking changes no selection")
    }
}
