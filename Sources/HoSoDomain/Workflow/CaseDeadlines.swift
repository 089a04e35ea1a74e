/// The time limits of PROCEDURE.md that apply to a file in its current state, in working days
/// where the regulations say so.
public enum CaseDeadlines {
    public static func all(for file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar) -> [Deadline] {
        var result: [Deadline] = []
        forEach(of: DeadlineFacts(file), rulebook: rulebook, calendar: calendar) { result.append($0) }
        return result
    }

    /// The most urgent deadline of the file and where it stands on `today`.
    public static func next(for file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate)
        -> (deadline: Deadline, status: DeadlineStatus)?
    {
        next(for: DeadlineFacts(file), rulebook: rulebook, calendar: calendar, today: today)
    }

    /// The same, of a file known by its facts (a report that counts files it may not read).
    ///
    /// Asked for every file of a list when it is built: the deadlines are visited, not collected.
    public static func next(for facts: DeadlineFacts, rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate)
        -> (deadline: Deadline, status: DeadlineStatus)?
    {
        var earliest: Deadline?
        // As `all(…).min(by:)`: the first of equally urgent deadlines.
        forEach(of: facts, rulebook: rulebook, calendar: calendar) { deadline in
            if earliest.map({ deadline.due < $0.due }) ?? true { earliest = deadline }
        }
        guard let deadline = earliest else { return nil }
        return (deadline, deadline.status(on: today, calendar: calendar, dueSoonWorkingDays: rulebook[.dueSoonWorkingDays]))
    }

    private static func forEach(
        of facts: DeadlineFacts, rulebook: Rulebook, calendar: WorkingCalendar, _ body: (Deadline) -> Void
    ) {
        switch facts.state {
        case .cellApproved, .committeeApproved:
            if let vote = facts.cellVote {
                let days = rulebook[.decisionWorkingDays]
                    + (facts.decisionExtensionGranted ? rulebook[.decisionExtensionWorkingDays] : 0)
                body(Deadline(workingDays: days, after: vote, calendar: calendar, label: "Ra quyết định kết nạp"))
            }
        case .decided:
            if let decision = facts.decisionReceived {
                body(
                    Deadline(
                        workingDays: rulebook[.ceremonyWorkingDays], after: decision,
                        calendar: calendar, label: "Tổ chức lễ kết nạp"))
            }
        case .probation, .probationReview:
            if let ceremony = facts.ceremony {
                let end = ceremony.adding(months: rulebook[.probationMonths])
                body(
                    Deadline(
                        workingDays: rulebook[.probationReviewWorkingDays], after: end, calendar: calendar,
                        label: "Chi bộ xét công nhận chính thức"))
            }
        default:
            break
        }
        if let last = facts.mentorReportSince {
            body(Deadline(due: last.adding(months: rulebook[.mentorNoteIntervalMonths]), label: "Báo cáo của người giúp đỡ"))
        }
    }

    /// The date of the last note by an active mentor, without the array of every note's date. A note of
    /// older data, which records only the writer's name, counts as before (the members' names are not here).
    static func lastMentorNoteDate(of file: CaseFile) -> CivilDate? {
        let notes = file.notes
        var last: CivilDate?
        for index in notes.indices {
            let date = notes[index].date
            if last.map({ date > $0 }) ?? true, file.isByActiveMentor(notes[index], members: nil) { last = date }
        }
        return last
    }
}

/// What a file's deadlines are computed from: the dates of its steps, without anything personal. A report
/// counts overdue files from these where the person may not read the files themselves.
public struct DeadlineFacts: Codable, Sendable, Equatable {
    public var state: CaseState
    public var cellVote: CivilDate?
    public var decisionExtensionGranted: Bool
    /// The day the decision was received (else its date): the ceremony's limit runs from it.
    public var decisionReceived: CivilDate?
    public var ceremony: CivilDate?
    /// The day the mentor's monthly report is counted from (their last note, else since they were given
    /// the file, else the state's date); nil when no report is expected.
    public var mentorReportSince: CivilDate?

    init(
        state: CaseState, cellVote: CivilDate?, decisionExtensionGranted: Bool, decisionReceived: CivilDate?, ceremony: CivilDate?,
        mentorReportSince: CivilDate?
    ) {
        self.state = state
        self.cellVote = cellVote
        self.decisionExtensionGranted = decisionExtensionGranted
        self.decisionReceived = decisionReceived
        self.ceremony = ceremony
        self.mentorReportSince = mentorReportSince
    }

    public init(_ file: CaseFile) {
        state = file.state
        cellVote = file.cellVote?.date
        decisionExtensionGranted = file.decisionExtensionGranted
        decisionReceived = file.decision.map { $0.received ?? $0.date }
        ceremony = file.ceremony
        // The mentor reports to the cell every month (seed 002 §III.3): a note by someone else (the clerk)
        // is not the report and does not move the deadline.
        mentorReportSince = file.expectsMonthlyNote
            ? CaseDeadlines.lastMentorNoteDate(of: file) ?? file.activeMentors.map(\.since).max() ?? file.stateSince : nil
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
