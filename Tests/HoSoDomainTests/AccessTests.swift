import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

/// The roles: who may read and do what, asked of one policy by the engine, the store and the TUI.
@Suite("Roles and access")
struct AccessTests {
    static let ward = Unit(id: "DU-P5", name: "Đảng ủy phường 5", kind: .grassroots)
    static let otherCell = Unit(id: "CB-KP4", name: "Chi bộ Khu phố 4", kind: .cell, parentID: "DU-P5")
    static let organisation = Organisation(units: [ward, Fixtures.cell(), otherCell], members: Fixtures.members)

    static func access(_ grants: [RoleGrant], member: MemberID? = nil) -> Access {
        Access(account: Account(id: "p", fullName: "Người Thử", memberID: member, grants: grants), organisation: organisation)
    }

    /// A file of the fixture cell on the source list, mentored by M001.
    static func mentoredFile() throws -> CaseFile {
        try Fixtures.file(in: .sympathizer).file
    }

    static func context(_ access: Access, on day: String = "2024-06-03") -> WorkflowContext {
        var context = Fixtures.context(on: day)
        context.access = access
        return context
    }

    @Test("A clerk of the ward reaches the cells under it; a clerk of one cell does not reach its sibling")
    func clerkReachesUnitsBelow() throws {
        let wardClerk = Self.access([RoleGrant(.clerk, in: "DU-P5")])
        let file = try Self.mentoredFile()
        #expect(wardClerk.refusal(.step(.enrollInClass), on: file) == nil)
        #expect(wardClerk.refusal(.managePeople, inUnit: "CB-KP4") == nil)
        let siblingClerk = Self.access([RoleGrant(.clerk, in: "CB-KP4")])
        let refusal = try #require(siblingClerk.refusal(.readFile, on: file))
        // Not "không có vai trò nào ở Chi bộ Khu phố 3": a file outside one's lists is answered as a missing one.
        #expect(refusal == siblingClerk.unseenFile(file.id) && !refusal.message.contains("Khu phố 3"))
        #expect(!siblingClerk.listsFile(file))
        #expect(wardClerk.seesEveryFile && !siblingClerk.seesEveryFile)
    }

    @Test("A mentor reads and notes only their own candidates, and may not take steps or add verification items")
    func mentorOnlyOwnCandidates() throws {
        let file = try Self.mentoredFile()
        let mentorID = try #require(file.activeMentors.first?.memberID)
        let own = Self.access([RoleGrant(.mentor, in: Fixtures.cellID)], member: mentorID)
        #expect(own.refusal(.readFile, on: file) == nil)
        #expect(own.refusal(.edit(.note), on: file) == nil)
        #expect(own.refusal(.edit(.task), on: file) == nil)
        #expect(own.listsFile(file))
        let verification = try #require(own.refusal(.edit(.verificationItem), on: file))
        #expect(verification.message.contains("thêm phiếu thẩm tra"))
        #expect(own.refusal(.step(.enrollInClass), on: file) != nil)
        #expect(own.refusal(.addCase, inUnit: Fixtures.cellID) != nil)

        let other = Self.access([RoleGrant(.mentor, in: Fixtures.cellID)], member: "M003")
        let refusal = try #require(other.refusal(.edit(.note), on: file))
        #expect(refusal.message == other.unseenFile(file.id).message && refusal.concealsFile)
        #expect(refusal.caseID == file.id && refusal.permission == .edit(.note))
        #expect(!other.listsFile(file))
        #expect(!other.seesEveryFile)
    }

    /// Issue 18, item 10: to a mentor, another mentor's candidate (in their cell or another) and a number
    /// that does not exist get the same answer, which names no cell.
    @Test("A refusal on a file outside one's lists reads as the answer to a missing number, without the cell")
    func refusalOutsideOnesListsConcealsTheFile() throws {
        let file = try Self.mentoredFile()
        var elsewhere = file
        elsewhere.unitID = Self.otherCell.id
        let mentor = Self.access([RoleGrant(.mentor, in: Fixtures.cellID)], member: "M003")
        let missing = mentor.unseenFile("HS-0999").message
        for (candidate, permission) in [(file, Permission.readFile), (file, .edit(.note)), (file, .step(.cellVote)),
                                        (elsewhere, .readFile), (elsewhere, .edit(.task))] {
            let refusal = try #require(mentor.refusal(permission, on: candidate))
            #expect(refusal.concealsFile)
            #expect(refusal.message.replacingOccurrences(of: candidate.id.rawValue, with: "HS-0999") == missing,
                    "\(refusal.message)")
            #expect(!refusal.message.contains("Khu phố"), "\(refusal.message)")
        }
        #expect(missing.hasPrefix("Không có hồ sơ mã HS-0999"))
        // Within one's own lists, a refusal still says why (a viewer sees the file listed, a mentor their own).
        let viewer = Self.access([RoleGrant(.viewer, in: "DU-P5")])
        #expect(try #require(viewer.refusal(.readFile, on: file)).concealsFile == false)
    }

    @Test("The committee votes and decides and reads files, but does not keep the file (verification, mentors)")
    func committeeVotesAndDecides() throws {
        let file = try Self.mentoredFile()
        let committee = Self.access([RoleGrant(.committee, in: "DU-P5")])
        for kind in [Event.Kind.cellVote, .committeeVote, .issueDecision, .recognize, .admitToSourceList] {
            #expect(committee.refusal(.step(kind), on: file) == nil, "\(kind)")
        }
        #expect(committee.refusal(.readFile, on: file) == nil)
        #expect(committee.refusal(.step(.startVerification), on: file) != nil)
        #expect(committee.refusal(.edit(.mentor), on: file) != nil)
        #expect(committee.refusal(.exportPersonalData, inUnit: "DU-P5") == nil)
    }

    @Test("A viewer reads lists and reports only: no file contents, no write, no names in exports")
    func viewerReadsOnly() throws {
        let file = try Self.mentoredFile()
        let viewer = Self.access([RoleGrant(.viewer, in: "DU-P5")])
        #expect(viewer.listsFile(file))
        #expect(viewer.refusalAnywhere(.readReports) == nil)
        #expect(!viewer.canWriteAnything)
        #expect(viewer.refusal(.readFile, on: file) != nil)
        for permission in [Permission.edit(.note), .step(.cellVote), .edit(.document)] {
            #expect(viewer.refusal(permission, on: file) != nil, "\(permission)")
        }
        let export = try #require(viewer.refusalAnywhere(.exportPersonalData))
        #expect(export.message.contains("--counts-only"))
    }

    @Test("The engine refuses a step the role does not allow before judging the step itself")
    func engineRefusesForTheRole() throws {
        let file = try Self.mentoredFile()
        let mentorID = try #require(file.activeMentors.first?.memberID)
        let mentor = Self.access([RoleGrant(.mentor, in: Fixtures.cellID)], member: mentorID)
        #expect(throws: WorkflowError.self) {
            try Workflow.apply(.enrollInClass(className: "Lớp 1"), to: file, context: Self.context(mentor))
        }
        do {
            _ = try Workflow.apply(.enrollInClass(className: "Lớp 1"), to: file, context: Self.context(mentor))
        } catch {
            guard case .notPermitted(let refusal) = error else { Issue.record("expected notPermitted, got \(error)"); return }
            #expect(refusal.permission == .step(.enrollInClass))
        }
        let noted = try Workflow.edit(.addNote(text: "Tích cực."), of: file, context: Self.context(mentor))
        #expect(noted.notes.count == file.notes.count + 1)
        #expect(throws: WorkflowError.self) {
            try Workflow.newCase(id: "HS-0002", person: Fixtures.person(), source: .youthUnion, context: Self.context(mentor))
        }
    }

    @Test("Someone without any role is told so and how to get one")
    func noRoleAtAll() throws {
        let nobody = Self.access([])
        let refusal = try #require(nobody.refusalAnywhere(.readReports))
        #expect(refusal.message.contains("chưa có vai trò nào"))
        #expect(refusal.message.contains("hoso people grant"))
    }
}

@Suite("Accountability: who did what is written in the file")
struct AccountabilityTests {
    @Test("The person acting is named on the note, on the verification item and its result, and on each step")
    func namesOnEveryRecord() throws {
        let signature = "Trần Thị Lan (lan)"
        let (start, date) = try Fixtures.file(in: .verifying)
        var context = Fixtures.context(on: date.adding(days: 1).description)
        context.date = date.adding(days: 1)
        context.actor = signature
        let noted = try Workflow.edit(.addNote(text: "Gương mẫu."), of: start, context: context)
        #expect(noted.notes.last?.author == signature)
        let item = VerificationItem(relation: .father, fullName: "Nguyễn Văn Ba", birthYear: 1960, sent: context.date)
        let withItem = try Workflow.edit(.addVerificationItem(item), of: noted, context: context)
        #expect(withItem.verificationItems.last?.addedBy == signature)
        #expect(withItem.verificationItems.last?.resultRecordedBy == nil)
        let index = withItem.verificationItems.count - 1
        let settled = try Workflow.edit(
            .recordVerificationResult(index: index, result: .clear, returned: context.date), of: withItem, context: context)
        #expect(settled.verificationItems[index].resultRecordedBy == signature)
        #expect(settled.history.suffix(3).allSatisfy { $0.actor == signature })
    }
}

@Suite("The mentor's monthly report: when it is due")
struct MonthlyNoteDueTests {
    @Test("Due from the source list until recognition; not before, not once the file is closed")
    func dueOnlyWhileInThePipeline() throws {
        let day = Fixtures.date("2026-11-23")
        #expect(!Fixtures.newCase().expectsMonthlyNote, "nominated: no mentor yet")
        let listed = try Fixtures.file(in: .sympathizer).file
        #expect(listed.expectsMonthlyNote)
        #expect(listed.lacksMonthlyNote(inMonthOf: day, members: members))
        var noted = listed
        noted.notes.append(ProgressNote(date: Fixtures.date("2026-11-02"), author: mentorName, text: "Tốt."))
        #expect(!noted.lacksMonthlyNote(inMonthOf: day, members: members))
        let official = try Fixtures.file(in: .official).file
        #expect(!official.expectsMonthlyNote && !official.lacksMonthlyNote(inMonthOf: day, members: members))
        var removed = listed
        removed.state = .removed
        #expect(!removed.lacksMonthlyNote(inMonthOf: day, members: members))
    }

    let members = Dictionary(uniqueKeysWithValues: Fixtures.members.map { ($0.id, $0) })
    /// The active mentor of the fixture files.
    var mentorName: String { Fixtures.members[0].fullName }

    @Test("Only a note by one of the file's active mentors is the monthly report; the clerk's is not")
    func onlyTheMentorsNoteCounts() throws {
        let day = Fixtures.date("2026-11-23")
        let listed = try Fixtures.file(in: .sympathizer).file
        #expect(listed.activeMentors.map(\.memberID) == [Fixtures.members[0].id])
        func noted(by author: String) -> CaseFile {
            var file = listed
            file.notes.append(ProgressNote(date: Fixtures.date("2026-11-02"), author: author, text: "Tích cực."))
            return file
        }
        #expect(noted(by: "Thư ký chi bộ").lacksMonthlyNote(inMonthOf: day, members: members), "the clerk's note")
        #expect(noted(by: "Nguyễn Thị Lan (lan)").lacksMonthlyNote(inMonthOf: day, members: members), "a clerk signed in")
        #expect(noted(by: "Lê Thị Mai").lacksMonthlyNote(inMonthOf: day, members: members), "a member who is not its mentor")
        #expect(!noted(by: "Trần Văn Hùng (hung)").lacksMonthlyNote(inMonthOf: day, members: members), "the mentor signed in")
        #expect(!noted(by: "Trần Văn Hùng").hasMentorNote(inMonthOf: day.adding(months: 1), members: members), "another month")
        var released = noted(by: "Trần Văn Hùng")
        released.mentors = released.mentors.map { var ended = $0; ended.until = Fixtures.date("2026-11-10"); return ended }
        #expect(!released.hasMentorNote(inMonthOf: day, members: members), "a mentor released from the file")
    }

    /// Issue 18, item 8: a note records its writer's account and member; the name no longer decides.
    @Test("A note records its writer; the clerk's counts for nothing even under the mentor's name, older notes still read")
    func theWriterIsRecordedNotGuessedFromTheName() throws {
        let day = Fixtures.date("2026-11-23")
        let listed = try Fixtures.file(in: .sympathizer).file
        let mentor = Fixtures.members[0]
        let organisation = Organisation(units: [Fixtures.cell()], members: Fixtures.members)
        func written(by account: Account) throws -> CaseFile {
            var context = Fixtures.context(on: "2026-11-02")
            context.actor = account.signature
            context.access = Access(account: account, organisation: organisation)
            context.today = day
            return try Workflow.edit(.addNote(text: "Tích cực."), of: listed, context: context)
        }
        let byMentor = try written(by: Account(id: "hung", fullName: mentor.fullName, memberID: mentor.id,
                                               grants: [RoleGrant(.mentor, in: Fixtures.cellID)]))
        #expect(byMentor.notes.last?.authorMember == mentor.id && byMentor.notes.last?.authorAccount == "hung")
        #expect(byMentor.hasMentorNote(inMonthOf: day, members: members))
        // A clerk who happens to bear the mentor's name, and a clerk who is a member but not the mentor.
        let namesake = try written(by: Account(id: "lan", fullName: mentor.fullName, grants: [RoleGrant(.clerk, in: Fixtures.cellID)]))
        #expect(namesake.notes.last?.author.hasPrefix(mentor.fullName) == true && namesake.notes.last?.authorMember == nil)
        #expect(namesake.lacksMonthlyNote(inMonthOf: day, members: members), "the clerk's note, under the mentor's name")
        let memberClerk = try written(by: Account(id: "mai", fullName: "Lê Thị Mai", memberID: Fixtures.members[1].id,
                                                  grants: [RoleGrant(.clerk, in: Fixtures.cellID)]))
        #expect(memberClerk.lacksMonthlyNote(inMonthOf: day, members: members))
        // The history names the note as the mentor's only when it counts as theirs.
        #expect(byMentor.history.last?.summary == "Thêm nhận xét của người giúp đỡ")
        #expect(namesake.history.last?.summary == "Thêm nhận xét")
        #expect(memberClerk.history.last?.summary == "Thêm nhận xét")

        // The deadline of the mentor's report: the clerk's note does not move it, the mentor's does.
        func reportDue(_ file: CaseFile) -> CivilDate? {
            CaseDeadlines.all(for: file, rulebook: .standard, calendar: WorkingCalendar())
                .first { $0.label == "Báo cáo của người giúp đỡ" }?.due
        }
        #expect(reportDue(namesake) == reportDue(listed))
        #expect(reportDue(memberClerk) == reportDue(listed))
        #expect(reportDue(byMentor) == Fixtures.date("2026-11-02").adding(months: Rulebook.standard[.mentorNoteIntervalMonths]))

        // A note stored before writers were recorded decodes, is judged by its name, and is written back as it was.
        let older = #"{"author":"Trần Văn Hùng","date":"2026-11-02","text":"Tích cực."}"#
        let note = try JSONDecoder().decode(ProgressNote.self, from: Data(older.utf8))
        #expect(!note.recordsWriter)
        var legacy = listed
        legacy.notes.append(note)
        #expect(legacy.hasMentorNote(inMonthOf: day, members: members))
        #expect(reportDue(legacy) == reportDue(byMentor), "an older note moves the deadline as before")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(note), as: UTF8.self) == older)
    }
}
