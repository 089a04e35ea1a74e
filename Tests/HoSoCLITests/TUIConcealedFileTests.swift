import Foundation
@testable import HoSoCLI
import HoSoApplication
import HoSoDomain
import HoSoStorage
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 18, item 10, in the terminal application: a store refusal on a file outside the person's lists
/// and a file number the store does not have read the same.
@Suite struct TUIConcealedFileTests {
    static let organisation = Organisation(units: [Fixtures.cell()], members: Fixtures.members)

    static func access(_ grants: [RoleGrant], member: MemberID?) -> Access {
        Access(account: Account(id: "hung", fullName: "Trần Văn Hùng", memberID: member, grants: grants), organisation: organisation)
    }

    @Test func aMissingFileReadsAsAFileOutsideTheMentorsLists() throws {
        let file = try Fixtures.file(in: .sympathizer).file
        let mentor = Self.access([RoleGrant(.mentor, in: Fixtures.cellID)], member: "M003")
        let refusal = try #require(mentor.refusal(.edit(.note), on: file))
        let another = EffectRunner.concealingMissingFile(.workflow(.notPermitted(refusal)), access: mentor)
        let missing = EffectRunner.concealingMissingFile(.caseNotFound(file.id), access: mentor)
        guard case .workflow(let anotherError) = another, case .workflow(let missingError) = missing else {
            Issue.record("\(another) / \(missing)")
            return
        }
        #expect(anotherError.problemLines == missingError.problemLines)
        #expect(anotherError.popupTitle == missingError.popupTitle)
        #expect(anotherError.problemLines.first?.hasPrefix("Không có hồ sơ mã \(file.id.rawValue)") == true)
        // The clerk sees every file: a missing number is said plainly.
        let clerk = Self.access([RoleGrant(.clerk, in: Fixtures.cellID)], member: nil)
        guard case .caseNotFound = EffectRunner.concealingMissingFile(.caseNotFound(file.id), access: clerk) else {
            Issue.record("the clerk's missing file was changed")
            return
        }
    }
}
