/// A date by which a step of the procedure must be done, with what it is for.
public struct Deadline: Sendable, Codable, Hashable {
    /// The last day on which the step is on time.
    public var due: CivilDate
    /// What must be done, e.g. "Ra quyết định kết nạp".
    public var label: String
    /// The guessed days off ("dự kiến") the count went over: the due date may move when the year's
    /// schedule is published.
    public var estimatedDaysOff: [CivilDate]

    /// A deadline due on `due`.
    public init(due: CivilDate, label: String, estimatedDaysOff: [CivilDate] = []) {
        self.due = due
        self.label = label
        self.estimatedDaysOff = estimatedDaysOff
    }

    /// The deadline `workingDays` working days after `start`, as the procedure's limits are stated
    /// ("within 60 working days of the cell resolution").
    public init(workingDays: Int, after start: CivilDate, calendar: WorkingCalendar, label: String) {
        let due = calendar.addingWorkingDays(workingDays, to: start)
        self.init(due: due, label: label, estimatedDaysOff: calendar.estimatedDaysOff(from: start, through: due))
    }

    /// The due date as shown: "dd/mm/yyyy", with "(dự kiến, …)" when it was counted over guessed days off.
    public var dueText: String {
        guard !estimatedDaysOff.isEmpty else { return due.vietnamese }
        return "\(due.vietnamese) (dự kiến: tính qua ngày nghỉ chưa công bố "
            + estimatedDaysOff.map(\.vietnamese).joined(separator: ", ") + ")"
    }

    /// "dd/mm/yyyy", or "dd/mm/yyyy (dự kiến)" where a line has no room for the guessed days themselves.
    public var shortDueText: String { due.vietnamese + (estimatedDaysOff.isEmpty ? "" : " (dự kiến)") }

    private enum CodingKeys: String, CodingKey { case due, label, estimatedDaysOff }

    /// Tolerates deadlines written before `estimatedDaysOff` existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            due: try container.decode(CivilDate.self, forKey: .due), label: try container.decode(String.self, forKey: .label),
            estimatedDaysOff: try container.decodeIfPresent([CivilDate].self, forKey: .estimatedDaysOff) ?? [])
    }

    /// Where the deadline stands on `today`: overdue from the day after `due`; due soon from the first
    /// of the last `dueSoonWorkingDays` working days up to `due` (so not on the weekend before them).
    public func status(on today: CivilDate, calendar: WorkingCalendar, dueSoonWorkingDays: Int = 5) -> DeadlineStatus {
        if today > due { return .overdue(days: today.julianDay - due.julianDay) }
        let workingDaysAfterToday = calendar.workingDays(from: today.adding(days: 1), through: due)
        guard workingDaysAfterToday < dueSoonWorkingDays else { return .onTrack }
        let todayCounts = calendar.isWorkingDay(today) ? 1 : 0
        return .dueSoon(workingDaysLeft: workingDaysAfterToday + todayCounts)
    }
}

/// How a deadline stands on a given day.
public enum DeadlineStatus: Sendable, Codable, Hashable, CustomStringConvertible {
    /// More than the due-soon window is left.
    case onTrack
    /// Working days left from today through the due date, both counted; 1 on the due date itself when
    /// it is a working day.
    case dueSoon(workingDaysLeft: Int)
    /// Calendar days since the due date; 1 on the day after it.
    case overdue(days: Int)

    /// "Trong hạn", "Sắp đến hạn: còn 3 ngày làm việc", "Quá hạn 2 ngày".
    public var description: String {
        switch self {
        case .onTrack: "Trong hạn"
        case .dueSoon(let left): "Sắp đến hạn: còn \(left) ngày làm việc"
        case .overdue(let days): "Quá hạn \(days) ngày"
        }
    }
}
