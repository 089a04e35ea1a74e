/// The time limits of PROCEDURE.md that apply to a file in its current state, in working days
/// where the regulations say so.
public enum CaseDeadlines {
    public static func all(for file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar) -> [Deadline] {
        var result: [Deadline] = []
        forEach(of: file, rulebook: rulebook, calendar: calendar) { result.append($0) }
        return result
    }

    /// The most urgent deadline of the file and where it stands on `today`.
    ///
    /// Asked for every file of a list when it is built: the deadlines are visited, not collected.
    public static func next(for file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate)
        -> (deadline: Deadline, status: DeadlineStatus)?
    {
        var earliest: Deadline?
        // As `all(…).min(by:)`: the first of equally urgent deadlines.
        forEach(of: file, rulebook: rulebook, calendar: calendar) { deadline in
            if earliest.map({ deadline.due < $0.due }) ?? true { earliest = deadline }
        }
        guard let deadline = earliest else { return nil }
        return (
            deadline,
            deadline.status(on: today, calendar: calendar, dueSoonWorkingDays: rulebook[.dueSoonWorkingDays])
        )
    }

    private static func forEach(
        of file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar, _ body: (Deadline) -> Void
    ) {
        switch file.state {
        case .cellApproved, .committeeApproved:
            if let vote = file.cellVote {
                let days = rulebook[.decisionWorkingDays]
                    + (file.decisionExtensionGranted ? rulebook[.decisionExtensionWorkingDays] : 0)
                body(Deadline(workingDays: days, after: vote.date, calendar: calendar, label: "Ra quyết định kết nạp"))
            }
        case .decided:
            if let decision = file.decision {
                body(
                    Deadline(
                        workingDays: rulebook[.ceremonyWorkingDays], after: decision.received ?? decision.date,
                        calendar: calendar, label: "Tổ chức lễ kết nạp"))
            }
        case .probation, .probationReview:
            if let ceremony = file.ceremony {
                let end = ceremony.adding(months: rulebook[.probationMonths])
                body(
                    Deadline(
                        workingDays: rulebook[.probationReviewWorkingDays], after: end, calendar: calendar,
                        label: "Chi bộ xét công nhận chính thức"))
            }
        default:
            break
        }
        if file.expectsMonthlyNote {
            // The mentor reports to the cell every month (seed 002 §III.3): a note by someone else (the clerk)
            // is not the report and does not move the deadline.
            let last = lastMentorNoteDate(of: file) ?? file.activeMentors.map(\.since).max() ?? file.stateSince
            body(Deadline(due: last.adding(months: rulebook[.mentorNoteIntervalMonths]), label: "Báo cáo của người giúp đỡ"))
        }
    }

    /// The date of the last note by an active mentor, without the array of every note's date. A note of
    /// older data, which records only the writer's name, counts as before (the members' names are not here).
    private static func lastMentorNoteDate(of file: CaseFile) -> CivilDate? {
        let notes = file.notes
        var last: CivilDate?
        for index in notes.indices {
            let date = notes[index].date
            if last.map({ date > $0 }) ?? true, file.isByActiveMentor(notes[index], members: nil) { last = date }
        }
        return last
    }
}

extension DeadlineStatus {
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    public var isDueSoon: Bool {
        if case .dueSoon = self { return true }
        return false
    }
}
