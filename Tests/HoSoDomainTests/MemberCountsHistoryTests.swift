import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 16, item 4: member counts change, dated; a vote is counted against those of its day.
@Suite("Member counts by date")
struct MemberCountsHistoryTests {
    static let changed = Fixtures.date("2024-09-01")

    /// The fixture cell (8 official, 1 exempt, committee 0 at init) with 12 official and 9 committee
    /// members from 1/9/2024.
    static var unit: HoSoDomain.Unit {
        Fixtures.cell(committee: 0).settingCounts(
            MemberCounts(official: 12, probationary: 1, exempt: 1), committee: 9, from: changed)
    }

    @Test("The counts of init hold before the first change, the changed ones from its day")
    func countsOnADay() {
        let unit = Self.unit
        #expect(unit.counts(on: Self.changed.adding(days: -1)).members.official == 8)
        #expect(unit.counts(on: Self.changed).members.official == 12)
        #expect(unit.counts(on: Self.changed.adding(days: 1)).committee == 9)
        #expect(unit.memberCounts.official == 12 && unit.committeeMembers == 9)
        #expect(unit.countHistory.map(\.since) == [nil, Self.changed])
        // A second change on the same day replaces the first.
        let again = unit.settingCounts(MemberCounts(official: 10), committee: 7, from: Self.changed)
        #expect(again.countHistory.count == 2 && again.counts(on: Self.changed).committee == 7)
    }

    @Test("The cell's 2/3 uses the official members of the vote's day", arguments: [-1, 0, 1])
    func cellVote(offset: Int) throws {
        let (file, _) = try Fixtures.file(in: .introduced, unit: Fixtures.cell(committee: 0))
        var context = Fixtures.journey(unit: Self.unit).context(on: Self.changed.adding(days: offset))
        context.unit = Self.unit
        let vote = Event.cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 1)
        let outcome = Result { () throws(WorkflowError) in try Workflow.apply(vote, to: file, context: context) }
        switch outcome {
        case .success(let next):
            #expect(offset < 0)
            #expect(next.cellVote?.eligible == 7)
        case .failure(let error):
            #expect(offset >= 0, "\(error.message)")
            guard case .refused(_, _, let unmet) = error else { Issue.record("\(error)"); return }
            #expect(unmet.map(\.code).contains("vote.cell"), "\(unmet.map(\.code))")
        }
    }

    @Test("The committee's count is the one of its vote's day: unknown before the change", arguments: [-1, 0, 1])
    func committeeVote(offset: Int) throws {
        let (file, _) = try Fixtures.file(in: .cellApproved, unit: Fixtures.cell(committee: 0))
        var context = Fixtures.journey(unit: Self.unit).context(on: Self.changed.adding(days: offset))
        context.unit = Self.unit
        let outcome = Result { () throws(WorkflowError) in
            try Workflow.apply(.committeeVote(votesFor: 6, votesAgainst: 0), to: file, context: context)
        }
        switch outcome {
        case .success(let next):
            #expect(offset >= 0)
            #expect(next.committeeVote?.eligible == 9)
        case .failure(let error):
            #expect(offset < 0, "\(error.message)")
            #expect(
                error.message.contains(
                    "Chưa khai số ủy viên đảng ủy của đơn vị ngày 31/08/2024. Khai bằng: hoso units set-counts CB-KP3 --committee SỐ_ỦY_VIÊN --date 2024-08-31"),
                "\(error.message)")
        }
    }

    @Test("Units written before the history decode with none")
    func oldUnitsDecode() throws {
        #expect(Fixtures.cell().countHistory.isEmpty)
        #expect(Fixtures.cell().counts(on: Self.changed).members.official == 8)
    }
}
