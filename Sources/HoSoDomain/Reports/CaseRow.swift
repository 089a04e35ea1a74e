/// A file as the lists show it: the file, its most urgent deadline, and whether a step is blocked.
public struct CaseRow: Sendable, Equatable {
    public let file: CaseFile
    public let deadline: Deadline?
    public let status: DeadlineStatus?

    public init(file: CaseFile, deadline: Deadline?, status: DeadlineStatus?) {
        self.file = file
        self.deadline = deadline
        self.status = status
    }

    public var isOverdue: Bool { status?.isOverdue ?? false }
    public var isDueSoon: Bool { status?.isDueSoon ?? false }
    public var hasNoMentor: Bool { file.state.needsMentor && file.activeMentors.isEmpty }

    /// Every file with its deadline on `today`, sorted by name the Vietnamese way.
    public static func rows(
        _ files: [CaseFile], rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate
    ) -> [CaseRow] {
        // One key per file: a comparator that builds keys builds O(n log n) of them.
        files.map { file in
            let next = CaseDeadlines.next(for: file, rulebook: rulebook, calendar: calendar, today: today)
            return (CaseRow(file: file, deadline: next?.deadline, status: next?.status),
                    VietnameseCollation.sortKey(forFullName: file.person.fullName))
        }
        .sorted { $0.1 < $1.1 }
        .map(\.0)
    }
}
