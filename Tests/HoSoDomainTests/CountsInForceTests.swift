import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 16, item 4's last part: a vote's 2/3 says which figure it is taken of (the counts declared for its
/// day, and from which entry), says when the members recorded one by one disagree, and after an admission or
/// a recognition the engine offers the counts that change.
@Suite("Which member counts a vote uses, and the counts offered after a step")
struct CountsInForceTests {
    static let changed = MemberCountsHistoryTests.changed

    /// The cell's vote refused on `day` (3 votes of 7 or 11), with the sentence of its 2/3.
    func refusedCellVote(on day: CivilDate, unit: HoSoDomain.Unit) throws -> String {
        let (file, _) = try Fixtures.file(in: .introduced, unit: Fixtures.cell(committee: 0))
        var context = Fixtures.journey(unit: unit).context(on: day)
        context.unit = unit
        do throws(WorkflowError) {
            _ = try Workflow.apply(.cellVote(votesFor: 3, votesAgainst: 0, exemptAbsent: 1), to: file, context: context)
        } catch {
            guard case .refused(_, _, let unmet) = error, let vote = unmet.first(where: { $0.code == "vote.cell" }) else {
                Issue.record("\(error)")
                return ""
            }
            return vote.detail
        }
        Issue.record("the vote passed")
        return ""
    }

    @Test("The refusal names the counts of the vote's day and their entry: init's before the change, the change's from its day",
          arguments: [-1, 0, 1])
    func refusalNamesTheFigure(offset: Int) throws {
        let day = Self.changed.adding(days: offset)
        let detail = try refusedCellVote(on: day, unit: MemberCountsHistoryTests.unit)
        let expected =
            offset < 0
            ? "3/7 tán thành ngày \(day); cần ít nhất 5 (2/3 của 7, tính trên 8 đảng viên chính thức theo số đã khai "
                + "khi lập dữ liệu, trừ người miễn sinh hoạt vắng mặt; danh sách đảng viên đã ghi trong HoSo có 3 đảng viên "
                + "chính thức của đơn vị tại ngày \(day), khác số đã khai khi lập dữ liệu (8); HoSo tính theo số đã khai. "
                + "Nếu số đã khai cũ, sửa bằng: hoso units set-counts CB-KP3 --official 3 --date \(day.iso))"
            : "3/11 tán thành ngày \(day); cần ít nhất 8 (2/3 của 11, tính trên 12 đảng viên chính thức theo số đã khai "
                + "từ ngày 01/09/2024, trừ người miễn sinh hoạt vắng mặt; danh sách đảng viên đã ghi trong HoSo có 3 đảng viên "
                + "chính thức của đơn vị tại ngày \(day), khác số đã khai từ ngày 01/09/2024 (12); HoSo tính theo số đã khai. "
                + "Nếu số đã khai cũ, sửa bằng: hoso units set-counts CB-KP3 --official 3 --date \(day.iso))"
        #expect(detail == expected)
    }

    @Test("Recorded members that agree with the counts (or none recorded) add nothing", arguments: [0, 3])
    func noMismatch(recorded: Int) {
        let unit = Fixtures.cell(official: 3, exempt: 0)
        let members = Fixtures.members.filter { $0.status == .official }.prefix(recorded)
        let inForce = unit.countsInForce(on: Self.changed, members: members)
        #expect(inForce.recordedOfficial == (recorded == 0 ? nil : 3))
        #expect(inForce.recordedMismatch == nil)
        #expect(inForce.cellBasis == "tính trên 3 đảng viên chính thức theo số đã khai khi lập dữ liệu")
    }

    @Test("A member official only from a later day is not counted before it", arguments: [-1, 0, 1])
    func recordedOnTheDay(offset: Int) {
        var members = Fixtures.members
        members.append(Member(id: "M009", fullName: "Vũ Văn Tư", unitID: Fixtures.cellID, officialSince: Self.changed))
        let inForce = Fixtures.cell().countsInForce(on: Self.changed.adding(days: offset), members: members)
        #expect(inForce.recordedOfficial == (offset < 0 ? 3 : 4))
    }

    @Test("Before the vote, the checklist says what the 2/3 will be taken of; the committee's too")
    func beforeTheVote() throws {
        let (file, date) = try Fixtures.file(in: .introduced)
        let context = Fixtures.journey().context(on: date)
        let cell = Workflow.requirements(for: .cellApproved, of: file, context: context).first { $0.code == "vote.cell" }
        #expect(cell?.detail.hasPrefix(
            "Chưa có kết quả biểu quyết của chi bộ; 2/3 tính trên 8 đảng viên chính thức theo số đã khai khi lập dữ liệu, "
                + "trừ người miễn sinh hoạt vắng mặt; danh sách đảng viên đã ghi") == true, "\(cell?.detail ?? "")")
        let minimum = Workflow.requirements(for: .cellApproved, of: file, context: context).first { $0.code == "cell.minimumMembers" }
        #expect(minimum?.detail.hasPrefix("Chi bộ có 8 đảng viên chính thức theo số đã khai khi lập dữ liệu; cần ít nhất 3") == true)
        let (approved, voted) = try Fixtures.file(in: .cellApproved)
        let committee = Workflow.requirements(for: .committeeApproved, of: approved, context: Fixtures.journey().context(on: voted))
        #expect(committee.first { $0.code == "vote.committee" }?.detail
            == "Chưa có kết quả biểu quyết của đảng ủy cơ sở; 2/3 tính trên 9 ủy viên đảng ủy theo số đã khai khi lập dữ liệu")
        #expect(committee.first { $0.code == "committee.size" }?.detail
            == "Đảng ủy có 9 ủy viên ngày \(voted) theo số đã khai khi lập dữ liệu")
    }

    @Test("After the ceremony: one probationary member more, from the ceremony's day")
    func afterCeremony() throws {
        let (file, _) = try Fixtures.file(in: .probation)
        let ceremony = try #require(file.ceremony)
        let offer = try #require(CountsAfterStep.after(.holdCeremony, file: file, unit: Fixtures.cell()))
        #expect(offer.change == UnitCountsChange(official: 8, probationary: 2, attachedElsewhere: 0, exempt: 1, committee: 9, since: ceremony))
        #expect(offer.summary == "dự bị 1 → 2, từ ngày \(ceremony)")
        #expect(offer.command == "hoso units set-counts CB-KP3 --probationary 2 --date \(ceremony.iso)")
        #expect(offer.reason == "HS-0001 Nguyễn Thị Minh Khai là đảng viên dự bị từ ngày \(ceremony)")
        // Applied, the counts hold from the ceremony on, not the day before.
        let unit = try offer.change.applied(to: Fixtures.cell(), today: nil)
        #expect(unit.counts(on: ceremony.adding(days: -1)).members.probationary == 1)
        #expect(unit.counts(on: ceremony).members.probationary == 2)
        #expect(CountsAfterStep.after(.cellVote, file: file, unit: Fixtures.cell()) == nil)
    }

    @Test("After the recognition: one official member more and one probationary less, from the end of probation")
    func afterRecognition() throws {
        let (file, decided) = try Fixtures.file(in: .official)
        let since = try #require(file.officialSince)
        #expect(since == file.ceremony?.adding(months: 12))
        let offer = try #require(CountsAfterStep.after(.recognize, file: file, unit: Fixtures.cell()))
        #expect(offer.change.since == since && since <= decided)
        #expect(offer.summary == "chính thức 8 → 9, dự bị 1 → 0, từ ngày \(since)")
        #expect(offer.command == "hoso units set-counts CB-KP3 --official 9 --probationary 0 --date \(since.iso)")
        #expect(offer.advice == [
            "HS-0001 Nguyễn Thị Minh Khai là đảng viên chính thức từ ngày \(since): số đảng viên của Chi bộ Khu phố 3 có thể đã đổi "
                + "(chính thức 8 → 9, dự bị 1 → 0, từ ngày \(since)).",
            "Nếu số đã khai chưa tính người này, ghi bằng: hoso units set-counts CB-KP3 --official 9 --probationary 0 --date \(since.iso)",
        ])
    }
}
