import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("Deadlines of a file, in working days")
struct CaseDeadlineTests {
    /// A file whose cell voted on `voteDay`.
    func approved(on voteDay: CivilDate) throws -> CaseFile {
        var (file, _) = try Fixtures.file(in: .cellApproved)
        file.cellVote?.date = voteDay
        file.notes.append(ProgressNote(date: voteDay, author: "M001", text: "Tốt"))
        return file
    }

    @Test("60 working days to the decision skip Tết: a vote on 2 Feb 2026 is due on 6 May 2026")
    func decisionOverTet() throws {
        let calendar = WorkingCalendar()
        let file = try approved(on: Fixtures.date("2026-02-02"))
        let deadlines = CaseDeadlines.all(for: file, rulebook: .standard, calendar: calendar)
        let decision = try #require(deadlines.first { $0.label == "Ra quyết định kết nạp" })
        // Tết 2026: 16–20 Feb off; Giỗ Tổ 26/4 (Sunday) gives 27/4; 30/4 and 1/5.
        #expect(decision.due == calendar.addingWorkingDays(60, to: Fixtures.date("2026-02-02")))
        #expect(calendar.workingDays(from: Fixtures.date("2026-02-03"), through: decision.due) == 60)
        #expect(decision.due > Fixtures.date("2026-02-02").adding(days: 84), "12 calendar weeks would ignore the holidays")
        #expect(!calendar.isWorkingDay(Fixtures.date("2026-02-17")))
    }

    @Test("The next deadline is the earliest of all of them, counted from the latest note in whatever order notes are kept")
    func nextIsTheEarliestOfAll() throws {
        let calendar = WorkingCalendar()
        let today = Fixtures.date("2026-11-23")
        var files = DemoOrganisation.generate(caseCount: 200, seed: 9, today: today).cases
        // Notes out of date order: the monthly report is due a month after the latest one.
        var (sympathizer, _) = try Fixtures.file(in: .sympathizer)
        sympathizer.notes = [ProgressNote(date: Fixtures.date("2026-10-02"), author: "M001", text: "b"),
                             ProgressNote(date: Fixtures.date("2026-06-01"), author: "M001", text: "a")]
        files.append(sympathizer)
        var checked = 0
        for file in files {
            let all = CaseDeadlines.all(for: file, rulebook: .standard, calendar: calendar)
            let next = CaseDeadlines.next(for: file, rulebook: .standard, calendar: calendar, today: today)
            #expect(next?.deadline == all.min { $0.due < $1.due })
            if let next {
                #expect(next.status == next.deadline.status(on: today, calendar: calendar, dueSoonWorkingDays: 5))
                checked += 1
            }
        }
        #expect(checked > 100)
        let monthly = CaseDeadlines.next(for: sympathizer, rulebook: .standard, calendar: calendar, today: today)
        #expect(monthly?.deadline.due == Fixtures.date("2026-11-02"))
    }

    @Test("The extension adds 30 working days once")
    func extensionAddsThirty() throws {
        let calendar = WorkingCalendar()
        var file = try approved(on: Fixtures.date("2025-03-03"))
        let plain = CaseDeadlines.all(for: file, rulebook: .standard, calendar: calendar).first { $0.label == "Ra quyết định kết nạp" }!
        file.decisionExtensionGranted = true
        let extended = CaseDeadlines.all(for: file, rulebook: .standard, calendar: calendar).first { $0.label == "Ra quyết định kết nạp" }!
        #expect(calendar.workingDays(from: plain.due.adding(days: 1), through: extended.due) == 30)
    }

    @Test("A day the government moves changes the deadline")
    func movedHoliday() throws {
        let start = Fixtures.date("2025-04-01")
        let plain = WorkingCalendar()
        let moved = WorkingCalendar(
            overrides: HolidayOverrides(
                extraDaysOff: [.init(date: Fixtures.date("2025-05-02"), reason: "Nghỉ bù")],
                makeUpWorkingDays: [.init(date: Fixtures.date("2025-04-26"), reason: "Làm bù")]))
        let file = try approved(on: start)
        let due = { (calendar: WorkingCalendar) in
            CaseDeadlines.all(for: file, rulebook: .standard, calendar: calendar).first { $0.label == "Ra quyết định kết nạp" }!.due
        }
        // One day off more and one working Saturday more before the due date: it does not move…
        #expect(due(plain) == due(moved))
        // …but an extra day off alone pushes it by one working day.
        let onlyOff = WorkingCalendar(overrides: HolidayOverrides(extraDaysOff: [.init(date: Fixtures.date("2025-05-02"), reason: "Nghỉ")]))
        #expect(due(onlyOff) == plain.addingWorkingDays(1, to: due(plain)))
    }

    @Test("Overdue the day after, due soon in the last five working days")
    func statusAtBoundaries() throws {
        let calendar = WorkingCalendar()
        let file = try approved(on: Fixtures.date("2025-09-08"))
        let rules = Rulebook.standard
        let decision = CaseDeadlines.all(for: file, rulebook: rules, calendar: calendar).first { $0.label == "Ra quyết định kết nạp" }!
        let next = { (day: CivilDate) in CaseDeadlines.next(for: file, rulebook: rules, calendar: calendar, today: day) }
        #expect(decision.status(on: decision.due, calendar: calendar).isDueSoon)
        #expect(decision.status(on: decision.due.adding(days: 1), calendar: calendar).isOverdue)
        #expect(decision.status(on: calendar.addingWorkingDays(-10, to: decision.due), calendar: calendar) == .onTrack)
        // The monthly mentor report comes first here, and it is the one `next` reports.
        #expect(next(Fixtures.date("2025-09-09"))?.deadline.label == "Báo cáo của người giúp đỡ")
    }

    @Test("The probation review is due 30 working days after 12 months from the ceremony")
    func probationReview() throws {
        let calendar = WorkingCalendar()
        let (file, _) = try Fixtures.file(in: .probation)
        let ceremony = try #require(file.ceremony)
        let review = CaseDeadlines.all(for: file, rulebook: .standard, calendar: calendar).first { $0.label == "Chi bộ xét công nhận chính thức" }
        #expect(review?.due == calendar.addingWorkingDays(30, to: ceremony.adding(months: 12)))
    }
}
