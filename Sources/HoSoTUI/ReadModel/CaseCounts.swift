import Foundation
import HoSoDomain

/// How many files of an index each box of the board and each option of the filter and mentor pickers
/// stands for. Counted once per index and kept up to date by its in-place changes, so that drawing the
/// board, or opening a picker, costs nothing per file.
public struct CaseCounts: Equatable, Sendable {
    /// Files, overdue, due soon and without a mentor, of some set of files.
    public struct Tally: Equatable, Sendable {
        public internal(set) var files = 0
        public internal(set) var overdue = 0
        public internal(set) var dueSoon = 0
        public internal(set) var noMentor = 0

        mutating func add(_ other: Tally) {
            files += other.files
            overdue += other.overdue
            dueSoon += other.dueSoon
            noMentor += other.noMentor
        }

        mutating func add(_ file: Contribution, _ sign: Int) {
            files += sign
            if file.overdue { overdue += sign }
            if file.dueSoon { dueSoon += sign }
            if file.noMentor { noMentor += sign }
        }
    }

    /// What one file adds to the counts, worked out once (in parallel, while the index is built).
    struct Contribution: Sendable {
        let state: CaseState
        let unit: UnitID
        /// The members actively mentoring the file, each once.
        let mentors: [MemberID]
        let overdue: Bool
        let dueSoon: Bool
        let noMentor: Bool
        let admitted: Bool

        /// `mentors`: the file's active mentors, when the caller has them already.
        init(_ row: CaseRow, mentors: [MemberID]? = nil, year: Int) {
            let file = row.file
            state = file.state
            unit = file.unitID
            let active = mentors ?? file.activeMentors.map(\.memberID)
            self.mentors = active.count > 1 ? Array(Set(active)) : active
            overdue = row.isOverdue
            dueSoon = row.isDueSoon
            // A file with a mentor never lacks one: the row's own test (which asks for the mentors again)
            // only for the others.
            noMentor = active.isEmpty && row.hasNoMentor
            // As the reports count it: a revoked decision is not an admission.
            admitted = CaseEvents.admission(file)?.year == year
        }

        /// What a file known by its facts adds: the same as its row would, from the same deadlines,
        /// mentors and admission day (the board drawn before the files are read).
        init(_ facts: ReportFacts, rulebook: Rulebook, calendar: WorkingCalendar, today: CivilDate) {
            state = facts.state
            unit = facts.unitID
            mentors = facts.activeMentors.count > 1 ? Array(Set(facts.activeMentors)) : facts.activeMentors
            let status = CaseDeadlines.next(for: facts.deadlines, rulebook: rulebook, calendar: calendar, today: today)?.status
            overdue = status?.isOverdue ?? false
            dueSoon = status?.isDueSoon ?? false
            noMentor = facts.state.needsMentor && facts.activeMentors.isEmpty
            admitted = facts.admission?.year == today.year
        }
    }

    /// The year whose admissions are counted (that of the data's day).
    public let year: Int
    /// Every file.
    public private(set) var all = Tally()
    /// The files of each stage of the board (a file closed or stopped belongs to none).
    public private(set) var byStage: [Stage: Tally] = [:]
    public private(set) var byState: [CaseState: Int] = [:]
    public private(set) var byUnit: [UnitID: Int] = [:]
    /// Files each member actively mentors.
    public private(set) var byMentor: [MemberID: Int] = [:]
    /// Files whose admission decision is dated in `year`.
    public private(set) var admitted = 0
    /// Those files per unit: the board adds them up per reporting unit as the reports do.
    public private(set) var admittedByUnit: [UnitID: Int] = [:]

    init(year: Int) {
        self.year = year
    }

    /// The counts of the files whose `facts` these are, as `data`'s person lists them: what the index of
    /// those files would count once they are read.
    public init(facts: [ReportFacts], data: AppData) {
        let (access, rulebook, calendar, today) = (data.access, data.rulebook, data.calendar, data.today)
        // Each file's deadlines are worked out on every core, as when the index is built.
        let contributions = facts.concurrentMap { facts in
            access.map { $0.listsFile(facts) } ?? true ? Contribution(facts, rulebook: rulebook, calendar: calendar, today: today) : nil
        }
        self.init(year: today.year, adding: contributions.compactMap { $0 })
    }

    /// The counts of `files`: each half counted on its own core, then the two added.
    init(year: Int, adding files: [Contribution]) {
        guard files.count > 4096 else {
            self.init(year: year)
            for file in files { add(file) }
            return
        }
        let halves = UnsafeMutableBufferPointer<CaseCounts>.allocate(capacity: 2)
        halves.initialize(repeating: CaseCounts(year: year))
        defer {
            _ = halves.deinitialize()
            halves.deallocate()
        }
        nonisolated(unsafe) let target = halves
        let middle = files.count / 2
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for file in half == 0 ? files[..<middle] : files[middle...] { target[half].add(file) }
        }
        self = halves[0]
        add(halves[1])
    }

    /// Adds the counts of `other` (of the same year).
    private mutating func add(_ other: CaseCounts) {
        all.add(other.all)
        for (stage, tally) in other.byStage { byStage[stage, default: Tally()].add(tally) }
        byState.merge(other.byState, uniquingKeysWith: +)
        byUnit.merge(other.byUnit, uniquingKeysWith: +)
        byMentor.merge(other.byMentor, uniquingKeysWith: +)
        admitted += other.admitted
        admittedByUnit.merge(other.admittedByUnit, uniquingKeysWith: +)
    }

    /// Files in a stage: the board's active files.
    public var active: Int { byStage.values.reduce(0) { $0 + $1.files } }

    mutating func add(_ file: Contribution) { count(file, 1) }

    mutating func remove(_ file: Contribution) { count(file, -1) }

    private mutating func count(_ file: Contribution, _ sign: Int) {
        all.add(file, sign)
        if let stage = file.state.stage {
            byStage[stage, default: Tally()].add(file, sign)
            if sign < 0, byStage[stage] == Tally() { byStage[stage] = nil }
        }
        Self.bump(&byState, file.state, sign)
        Self.bump(&byUnit, file.unit, sign)
        for member in file.mentors { Self.bump(&byMentor, member, sign) }
        if file.admitted {
            admitted += sign
            Self.bump(&admittedByUnit, file.unit, sign)
        }
    }

    /// A count that reaches zero is removed, so counts kept up to date equal counts made afresh.
    private static func bump<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key, _ sign: Int) {
        counts[key, default: 0] += sign
        if sign < 0, counts[key] == 0 { counts[key] = nil }
    }
}
