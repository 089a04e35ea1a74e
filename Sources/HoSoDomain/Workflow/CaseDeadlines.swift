/// The time limits of PROCEDURE.md that apply to a file in its current state, in working days
/// where the regulations say so.
public enum CaseDeadlines {
    public static func all(for file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar) -> [Deadline] {
        var result: [Deadline] = []
        switch file.state {
        case .cellApproved, .committeeApproved:
            if let vote = file.cellVote {
                let days = rulebook[.decisionWorkingDays]
                    + (file.decisionExtensionGranted ? rulebook[.decisionExtensionWorkingDays] : 0)
                result.append(Deadline(workingDays: days, after: vote.date, calendar: calendar, label: "Ra quyết định kết nạp"))
            }
        case .decided:
            if let decision = file.decision {
                result.append(
                    Deadline(
                        workingDays: rulebook[.ceremonyWorkingDays], after: decision.received ?? decision.date,
                        calendar: calendar, label: "Tổ chức lễ kết nạp"))
            }
        case .probation, .probationReview:
            if let ceremony = file.ceremony {
                let end = ceremony.adding(months: rulebook[.probationMonths])
                result.append(
                    Deadline(
                        workingDays: rulebook[.probationReviewWorkingDays], after: end, calendar: calendar,
                        label: "Chi bộ xét công nhận chính thức"))
            }
        default:
            break
        }
        if file.expectsMonthlyNote {
            // The mentor reports to the cell every month (seed 002 §III.3).
            let last = file.lastNoteDate ?? file.activeMentors.map(\.since).max() ?? file.stateSince
            result.append(
                Deadline(due: last.adding(months: rulebook[.mentorNoteIntervalMonths]), label: "Báo cáo của người giúp đỡ"))
        }
        return result
    }

    /// The most urgent deadline of the file and where it stands on `today`.
    public static func next(for file: CaseFile, rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate)
        -> (deadline: Deadline, status: DeadlineStatus)?
    {
        guard let deadline = all(for: file, rulebook: rulebook, calendar: calendar).min(by: { $0.due < $1.due }) else {
            return nil
        }
        return (
            deadline,
            deadline.status(on: today, calendar: calendar, dueSoonWorkingDays: rulebook[.dueSoonWorkingDays])
        )
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
