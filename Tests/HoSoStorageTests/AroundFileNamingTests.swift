import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// A command on one file that names another member (a mentor it assigns, an introducer, the member
/// responsible for a check) reads that member too (`Repository.open(at:aroundCase:naming:)` with
/// `CaseCommand.Change.namedMembers`), and decides exactly as after a whole read.
@Suite struct AroundFileNamingTests {
    static let ward = Unit(id: "DU-P5", name: "Đảng ủy Phường 5", kind: .grassroots)
    static let otherCell = Unit(id: "CB-KP7", name: "Chi bộ Khu phố 7", kind: .cell, parentID: "DU-P5")
    /// Members of another cell, in the snapshot: a read around the file leaves them unread unless named.
    static let elsewhere = [
        Member(id: "M301", fullName: "Võ Minh Tâm", unitID: "CB-KP7", officialSince: Fixtures.date("2005-01-02")),
        Member(id: "M302", fullName: "Hồ Thị Lệ", unitID: "CB-KP7", status: .probationary),
    ]
    static let day = Fixtures.date("2026-11-23")

    /// The data: the nominated file HS-0001 and HS-0002 at verification, in the cell; members of another cell.
    static func store(at directory: String) throws {
        var checked = try Fixtures.file(in: .verifying).file
        checked.id = "HS-0002"
        _ = try Repository.create(
            at: directory, units: [ward, Fixtures.cell(), otherCell], members: Fixtures.members + elsewhere,
            cases: [Fixtures.newCase(), checked], accounts: [], actor: "Kiểm thử")
    }

    /// `command` run on a copy of the data read whole and on one read around its file: the file saved, or
    /// the refusal, from each.
    static func outcomes(_ command: CaseCommand) throws -> (whole: String, around: String, readAround: Set<MemberID>) {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        try store(at: temporary.store)
        let copy = temporary.store + "-copy"
        try FileManager.default.copyItem(atPath: temporary.store, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        func run(_ repository: Repository) -> String {
            let owner = SignIn.owner(systemUser: "owner", organisation: repository.organisation)
            let service = CaseService(repository: repository, access: Access(account: owner, organisation: repository.organisation), today: day)
            do {
                let saved = try service.run(command, actor: "owner")
                return "saved: " + (saved.history.last.map { "\($0.summary) \($0.changes.map(\.after))" } ?? "")
                    + " mentors \(saved.mentors.map(\.memberID.rawValue)) introducers \(saved.introducers.map(\.memberID.rawValue))"
            } catch {
                return "refused: " + error.message
            }
        }
        let around = try Repository.open(at: copy, aroundCase: command.caseID, naming: command.change.namedMembers)
        #expect(around.isPartial)
        let readAround = Set(around.organisation.members.keys)
        return (run(try Repository.open(at: temporary.store)), run(around), readAround)
    }

    @Test func aMentorFromAnotherCellIsFoundAndAssigned() throws {
        let (whole, around, read) = try Self.outcomes(.edit(.assignMentor("M301"), on: "HS-0001", date: Self.day))
        #expect(around == whole)
        #expect(around == "saved: Phân công người giúp đỡ [\"Võ Minh Tâm\"] mentors [\"M301\"] introducers []")
        #expect(read.contains("M301") && !read.contains("M302"))
    }

    @Test func aProbationaryOrUnknownMemberIsRefusedAsAfterAWholeRead() throws {
        let probationary = try Self.outcomes(.edit(.assignMentor("M302"), on: "HS-0001", date: Self.day))
        #expect(probationary.around == probationary.whole)
        #expect(probationary.around.contains("Hồ Thị Lệ chưa phải đảng viên chính thức nên không thể giúp đỡ."))
        let unknown = try Self.outcomes(.edit(.assignMentor("M999"), on: "HS-0001", date: Self.day))
        #expect(unknown.around == unknown.whole)
        #expect(unknown.around.contains("Mã đảng viên M999 không có trong danh sách đảng viên của đơn vị."))
    }

    @Test func anIntroducerAndTheMentorsOfTheSourceListAreFound() throws {
        let introducer = Introducer(memberID: "M301", knownSince: Fixtures.date("2020-01-01"), letterDate: Self.day)
        let introduced = try Self.outcomes(.edit(.addIntroducer(introducer), on: "HS-0001", date: Self.day))
        #expect(introduced.around == introduced.whole)
        #expect(introduced.around == "saved: Thêm người giới thiệu [\"Võ Minh Tâm\"] mentors [] introducers [\"M301\"]")
        let admitted = try Self.outcomes(.step(.admitToSourceList(mentors: ["M301"]), on: "HS-0001", date: Self.day))
        #expect(admitted.around == admitted.whole)
        #expect(admitted.around.hasPrefix("saved: ") && admitted.around.contains("mentors [\"M301\"]"))
    }

    @Test func theMemberResponsibleForACheckIsFound() throws {
        let item = VerificationItem(
            relation: .father, fullName: "Nguyễn Văn Ba", birthYear: 1970, place: "Huế", isPartyMember: false, method: .visit,
            sent: Self.day, responsibleMemberID: "M301")
        let added = try Self.outcomes(.edit(.addVerificationItem(item), on: "HS-0002", date: Self.day))
        #expect(added.around == added.whole)
        #expect(added.around.hasPrefix("saved: Thêm phiếu thẩm tra"))
        #expect(added.readAround.contains("M301"))
    }

    @Test func theMembersEachChangeNames() {
        let introducer = Introducer(memberID: "M7", knownSince: Self.day, letterDate: Self.day)
        #expect(CaseCommand.Change.edit(.assignMentor("M1")).namedMembers == ["M1"])
        #expect(CaseCommand.Change.edit(.releaseMentor("M2")).namedMembers == ["M2"])
        #expect(CaseCommand.Change.edit(.addIntroducer(introducer)).namedMembers == ["M7"])
        #expect(CaseCommand.Change.step(.admitToSourceList(mentors: ["M3", "M4"])).namedMembers == ["M3", "M4"])
        #expect(CaseCommand.Change.edit(.addNote(text: "x")).namedMembers == [])
        #expect(CaseCommand.Change.step(.cellVote(votesFor: 5, votesAgainst: 0, exemptAbsent: 0)).namedMembers == [])
    }
}
