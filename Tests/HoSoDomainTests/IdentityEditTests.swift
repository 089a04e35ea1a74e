import HoSoDomain
import HoSoTestSupport
import Testing

/// Correcting a candidate's identity (a mistyped name or birth date): recorded field by field in the
/// history, checked like a new file, and refused when it changes nothing.
@Suite("Identity corrections")
struct IdentityEditTests {
    static let day = "2024-06-03"

    static func corrected(_ change: (inout Person) -> Void, of file: CaseFile) -> Person {
        var person = file.person
        change(&person)
        return person
    }

    @Test("A corrected birth date is recorded with its old and new value, and the age rule then uses it")
    func birthDateCorrection() throws {
        // Nominated while the clerk believed the candidate was 17: the vote is refused on age.
        let typo = Fixtures.person(born: "2007-03-01")
        let (file, date) = try Fixtures.file(in: .verified, person: typo)
        let voteDay = date.adding(days: 10)
        let context = Fixtures.journey().context(on: voteDay)
        #expect(Workflow.blockers(to: .cellApproved, of: file, context: context).map(\.code).contains("age.minimum"))

        let person = Self.corrected({ $0.birthDate = Fixtures.date("1997-03-01") }, of: file)
        let fixed = try Workflow.edit(.correctIdentity(seen: file.person, typed: person), of: file, context: context)
        #expect(fixed.person.birthDate == Fixtures.date("1997-03-01"))
        let entry = try #require(fixed.history.last)
        #expect(entry.action == "identity")
        #expect(entry.summary == "Sửa thông tin cá nhân")
        #expect(entry.changes == [FieldChange(field: "Ngày sinh", before: "01/03/2007", after: "01/03/1997")])
        #expect(!Workflow.blockers(to: .cellApproved, of: fixed, context: context).map(\.code).contains("age.minimum"))
    }

    @Test("A correction after the cell's vote that shows the vote broke the age or education rule is kept, with a note")
    func correctionAfterTheVoteIsCheckedAgain() throws {
        let (voted, date) = try Fixtures.file(in: .cellApproved)
        let vote = try #require(voted.cellVote)
        let context = Fixtures.journey().context(on: date.adding(days: 3))
        // Really 17 at the vote: born seventeen years and a month before it.
        let young = Self.corrected({ $0.birthDate = vote.date.adding(months: -(17 * 12 + 1)) }, of: voted)
        let corrected = try Workflow.edit(.correctIdentity(seen: voted.person, typed: young), of: voted, context: context)
        #expect(corrected.person.birthDate == young.birthDate, "the truth is recorded")
        let notes = try #require(corrected.history.last).changes.filter { $0.field == IdentityRecheck.field }
        #expect(notes.count == 1)
        #expect(notes.first?.after.hasPrefix("Theo thông tin đã sửa, chi bộ biểu quyết ngày \(vote.date.vietnamese) khi chưa đạt: 17 năm 1 tháng") == true,
                "\(notes)")
        #expect(notes.first?.after.hasSuffix("Báo cấp ủy xem xét.") == true)

        let lowered = Self.corrected({ $0.education = .primary }, of: voted)
        let education = try Workflow.edit(.correctIdentity(seen: voted.person, typed: lowered), of: voted, context: context)
        #expect(education.history.last?.changes.filter { $0.field == IdentityRecheck.field }.count == 1)

        // Another birth date that still met the rule, or a name: nothing to note.
        let older = Self.corrected({ $0.birthDate = $0.birthDate.adding(months: -2) }, of: voted)
        #expect(try Workflow.edit(.correctIdentity(seen: voted.person, typed: older), of: voted, context: context).history.last?.changes.map(\.field) == ["Ngày sinh"])
        // Before the vote, the vote itself will check.
        let (early, earlyDate) = try Fixtures.file(in: .verified)
        let earlyYoung = Self.corrected({ $0.birthDate = earlyDate.adding(months: -(17 * 12)) }, of: early)
        #expect(try Workflow.edit(.correctIdentity(seen: early.person, typed: earlyYoung), of: early, context: Fixtures.journey().context(on: earlyDate))
            .history.last?.changes.map(\.field) == ["Ngày sinh"])
    }

    @Test("Every changed field is one line of the history; the name is stored in its composed form")
    func severalFields() throws {
        let file = Fixtures.newCase()
        let person = Self.corrected({
            $0.fullName = "Nguye\u{302}\u{303}n Thị Minh Khánh"  // typed with combining marks
            $0.youthUnionMember = true
            $0.occupation = "Kỹ sư"
        }, of: file)
        let fixed = try Workflow.edit(.correctIdentity(seen: file.person, typed: person), of: file, context: Fixtures.context(on: Self.day))
        #expect(fixed.person.fullName == "Nguyễn Thị Minh Khánh")
        #expect(fixed.history.last?.changes.map(\.field) == ["Họ và tên", "Nghề nghiệp", "Đoàn viên"])
    }

    @Test("The rules of a new file hold for a correction; a correction that changes nothing is refused",
          arguments: [
              ("empty name", "Họ và tên không được để trống."),
              ("born after the nomination", "Ngày sinh (04/06/2024) phải trước ngày được giới thiệu (15/01/2024)."),
              ("under 14 at the nomination", "Người được giới thiệu chưa đủ 14 tuổi (ngày sinh 16/01/2010); hãy kiểm tra lại ngày sinh."),
              ("citizen id", "Số căn cước công dân phải gồm đúng 12 chữ số (đang là \"07919800123\")."),
              ("control", "control"),
              ("unchanged", "Thông tin mới giống hệt thông tin đang lưu; không có gì để sửa."),
          ])
    func refusals(_ scenario: String, _ expected: String) throws {
        let file = Fixtures.newCase()
        let person = Self.corrected({ person in
            switch scenario {
            case "empty name": person.fullName = "  "
            case "born after the nomination": person.birthDate = Fixtures.date("2024-06-04")
            case "under 14 at the nomination": person.birthDate = Fixtures.date("2010-01-16")
            case "citizen id": person.citizenID = "07919800123"
            case "control": person.homeAddress = "12 Lý Chính Thắng\u{1B}[2J"
            default: break
            }
        }, of: file)
        do {
            _ = try Workflow.edit(.correctIdentity(seen: file.person, typed: person), of: file, context: Fixtures.context(on: Self.day))
            Issue.record("\(scenario) was accepted")
        } catch {
            guard case .invalidInput(let problems) = error else { Issue.record("\(error)"); return }
            if expected == "control" {
                #expect(problems == [VietnameseText.controlCharacterRefusal])
            } else {
                #expect(problems.contains(expected), "\(problems)")
            }
        }
    }

    @Test("A closed file keeps its identity as it was closed")
    func closedFileRefused() throws {
        let (file, date) = try Fixtures.file(in: .introduced)
        let removed = try Workflow.apply(.withdraw(reason: "Xin rút"), to: file,
                                         context: Fixtures.journey().context(on: date.adding(days: 1)))
        #expect(removed.state.isTerminal)
        let person = Self.corrected({ $0.occupation = "Kỹ sư" }, of: removed)
        do {
            _ = try Workflow.edit(.correctIdentity(seen: removed.person, typed: person), of: removed, context: Fixtures.journey().context(on: date.adding(days: 2)))
            Issue.record("a closed file was corrected")
        } catch {
            guard case .invalidInput(let problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.contains { $0.hasPrefix("Hồ sơ đã kết thúc") }, "\(problems)")
        }
    }

    @Test("Only a clerk corrects an identity: a mentor of the file is refused by role")
    func mentorRefused() throws {
        let file = try Fixtures.file(in: .sympathizer).file
        let organisation = Organisation(units: [Fixtures.cell()], members: Fixtures.members)
        let mentor = Access(account: Account(id: "p", fullName: "Trần Văn Hùng", memberID: "M001",
                                             grants: [RoleGrant(.mentor, in: Fixtures.cellID)]),
                            organisation: organisation)
        var context = Fixtures.context(on: Self.day)
        context.access = mentor
        let person = Self.corrected({ $0.occupation = "Kỹ sư" }, of: file)
        do {
            _ = try Workflow.edit(.correctIdentity(seen: file.person, typed: person), of: file, context: context)
            Issue.record("a mentor corrected an identity")
        } catch {
            guard case .notPermitted(let refusal) = error else { Issue.record("\(error)"); return }
            #expect(refusal.permission == .edit(.identity))
        }
    }
}
