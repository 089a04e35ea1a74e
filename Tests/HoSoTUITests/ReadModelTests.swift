import HoSoDomain
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The read model changes in one place (`ReadModel.apply`): a stored file must give the model a load of
/// the changed data gives, and say which row moved where.
@Suite struct ReadModelTests {
    static let data = AppFixtures.demoData(caseCount: 120, seed: 5)

    /// `data` with `file` stored at `revision`, as a load would read it.
    static func loaded(_ data: AppData, with file: CaseFile, revision: Int) -> AppData {
        var cases = data.cases.filter { $0.id != file.id } + [file]
        cases.sort { $0.id < $1.id }
        var revisions = data.revisions
        revisions[file.id] = revision
        return AppData(cases: cases, revisions: revisions, organisation: data.organisation, rulebook: data.rulebook,
                       calendar: data.calendar, today: data.today, actor: data.actor, access: data.access, people: data.people)
    }

    @Test func aStoredFileGivesTheModelALoadGivesAndNamesItsMove() throws {
        var file = try #require(Self.data.cases.first { $0.person.fullName.hasPrefix("Nguyễn") })
        let revision = (Self.data.revisions[file.id] ?? 0) + 1
        // To the end of the name order: z comes after every Vietnamese letter.
        file.person.fullName = "Vương Thị Zin"

        var inPlace = ReadModel(data: Self.data)
        let before = try #require(inPlace.index.position(of: file.id))
        let moved = inPlace.apply(.stored(StoredCase(file: file, revision: revision)))
        var reloaded = ReadModel(data: Self.data)
        reloaded.apply(.loaded(Self.loaded(Self.data, with: file, revision: revision)))

        #expect(inPlace == reloaded)
        #expect(moved == .one(CaseIndex.Move(removed: before, inserted: Self.data.cases.count - 1)))
        #expect(inPlace.data.revisions[file.id] == revision)
    }

    /// The board's admissions are kept in the model and made again only when a save changes what they sum:
    /// an admission recorded, or a unit's last file moved to another.
    @Test func aStoredAdmissionOrUnitMoveGivesTheAdmissionsALoadGives() throws {
        let today = Self.data.today
        let candidate = try #require(Self.data.cases.first { $0.state == .committeeApproved || $0.state == .cellApproved })
        var admitted = candidate
        admitted.state = .decided
        admitted.decision = Decision(number: "99-QĐ/ĐU", date: today, body: "Đảng ủy phường")
        var inPlace = ReadModel(data: Self.data)
        let before = inPlace.admissions
        inPlace.apply(.stored(StoredCase(file: admitted, revision: 7)))
        let reloaded = ReadModel(data: Self.loaded(Self.data, with: admitted, revision: 7))
        #expect(inPlace.admissions == reloaded.admissions)
        #expect(inPlace.admissions.admitted.value == (before.admitted.value ?? 0) + 1)
        #expect(inPlace == reloaded)

        // Every file of one cell moved to another: that cell no longer counts what it reported.
        let cell = Self.data.cases[0].unitID
        let other = try #require(Self.data.cells.first { $0.id != cell }).id
        var moving = ReadModel(data: Self.data)
        var data = Self.data
        for var file in Self.data.cases where file.unitID == cell {
            file.unitID = other
            moving.apply(.stored(StoredCase(file: file, revision: 8)))
            data = Self.loaded(data, with: file, revision: 8)
        }
        #expect(moving.admissions == ReadModel(data: data).admissions)
        #expect(moving == ReadModel(data: data))
    }

    @Test func aLoadReplacesEverythingAndGivesThePreviousIndex() {
        var model = ReadModel(data: Self.data)
        let previous = model.index
        let fresh = AppFixtures.demoData(caseCount: 30, seed: 6)
        #expect(model.apply(.loaded(fresh)) == .all(previous: previous))
        #expect(model == ReadModel(data: fresh))
        #expect(model.index.rows.count == 30)
    }

    @Test func aFileTheListsMayNotShowLeavesTheModel() throws {
        // A mentor released from a file: stored, it is no longer theirs to list.
        let mentor = try #require(Self.data.cases.first { !$0.activeMentors.isEmpty }?.activeMentors.first?.memberID)
        let account = Account(id: "gd", fullName: "Người giúp đỡ", memberID: mentor,
                              grants: Self.data.organisation.units.values.map { RoleGrant(.mentor, in: $0.id) })
        let data = AppFixtures.signedIn(Self.data, as: account)
        var released = try #require(data.cases.first { $0.activeMentors.contains { $0.memberID == mentor } })
        released.mentors = released.mentors.map { assignment in
            var ended = assignment
            if ended.memberID == mentor { ended.until = AppFixtures.today }
            return ended
        }
        var model = ReadModel(data: data)
        let before = try #require(model.index.position(of: released.id))
        #expect(model.apply(.stored(StoredCase(file: released, revision: 9))) == .one(CaseIndex.Move(removed: before, inserted: nil)))
        #expect(model.index.position(of: released.id) == nil)
        #expect(!model.data.cases.contains { $0.id == released.id })
    }
}
