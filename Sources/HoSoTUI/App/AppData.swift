import Foundation
import HoSoDomain

/// Everything the application shows, as read from the data directory at one moment.
public struct AppData: Sendable {
    public var cases: [CaseFile]
    /// The stored revision of each file: the expected revision of the next save.
    public var revisions: [CaseID: Int]
    public var organisation: Organisation
    public var rulebook: Rulebook
    public var calendar: WorkingCalendar
    /// The day steps default to and deadlines are judged on.
    public var today: CivilDate
    /// Who is acting: written into the history of every change.
    public var actor: String
    /// The signed-in person and what their roles reach; nil only where no person acts (tests of screens).
    public var access: Access?
    /// The people and their roles, for the people screen (empty unless the person may manage people).
    public var people: [Account]

    /// Data as loaded. With `access`, only the files the person's lists may show are kept: the screens
    /// then cannot show a file the person may not see, whoever built the data.
    public init(cases: [CaseFile], revisions: [CaseID: Int], organisation: Organisation, rulebook: Rulebook = .standard,
                calendar: WorkingCalendar = WorkingCalendar(), today: CivilDate, actor: String, access: Access? = nil,
                people: [Account] = []) {
        let listed = access.map { access in cases.filter(access.listsFile) } ?? cases
        self.cases = listed
        if access == nil {
            self.revisions = revisions
        } else {
            let ids = Set(listed.map(\.id))
            self.revisions = revisions.filter { ids.contains($0.key) }
        }
        self.access = access
        self.people = people
        self.organisation = organisation
        self.rulebook = rulebook
        self.calendar = calendar
        self.today = today
        self.actor = actor
    }

    /// The engine's context for a step of `file` dated `date`.
    public func context(for file: CaseFile, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: file.unitID, on: date, actor: actor, rulebook: rulebook, access: access)
    }

    /// The context for a new file of `unit` dated `date`.
    public func context(forUnit unit: UnitID, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: unit, on: date, actor: actor, rulebook: rulebook, access: access)
    }

    /// The unit's name, or its id when unknown.
    public func unitName(_ id: UnitID) -> String { organisation.units[id]?.name ?? id.rawValue }

    /// The member's name, or the id when unknown.
    public func memberName(_ id: MemberID) -> String { organisation.members[id]?.fullName ?? id.rawValue }

    /// Official members sorted by name: the people who may mentor or introduce.
    public var officialMembers: [Member] {
        organisation.members.values.filter { $0.isOfficial(on: today) }
            .sorted { VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName) }
    }

    /// Every member sorted by name.
    public var allMembers: [Member] {
        organisation.members.values.sorted { VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName) }
    }

    /// Cells sorted the Vietnamese way (where new files go).
    public var cells: [HoSoDomain.Unit] { organisation.sortedUnits.filter { $0.kind == .cell } }
}

/// Derived per data load, never per keystroke: rows with deadlines, search and sort keys.
public struct CaseIndex: Sendable {
    /// One row per file, in Vietnamese name order.
    public let rows: [CaseRow]
    let searchKeys: [SearchKey]
    let unitNames: [String]
    let unitKeys: [VietnameseCollation.SortKey]
    let mentorNames: [String]
    let mentorKeys: [VietnameseCollation.SortKey]
    let positions: [CaseID: Int]

    /// Builds the index of `data`.
    public init(data: AppData) {
        let (rulebook, calendar, today) = (data.rulebook, data.calendar, data.today)
        let unsorted = data.cases.concurrentMap { file -> (CaseRow, VietnameseCollation.SortKey) in
            let next = CaseDeadlines.next(for: file, rulebook: rulebook, calendar: calendar, today: today)
            return (CaseRow(file: file, deadline: next?.deadline, status: next?.status),
                    VietnameseCollation.sortKey(forFullName: file.person.fullName))
        }
        // Keys computed once per file: sorting with a comparator that rebuilds keys is O(n log n) keys.
        let sortedRows = unsorted.sorted { $0.1 < $1.1 || (!($1.1 < $0.1) && $0.0.file.id < $1.0.file.id) }.map(\.0)
        let names = sortedRows.map { data.unitName($0.file.unitID) }
        rows = sortedRows
        unitNames = names
        unitKeys = names.map { VietnameseCollation.sortKey(forText: $0) }
        let mentors = sortedRows.map { row in row.file.activeMentors.map { data.memberName($0.memberID) }.joined(separator: ", ") }
        mentorNames = mentors
        mentorKeys = mentors.map { VietnameseCollation.sortKey(forFullName: $0) }
        searchKeys = Array(sortedRows.indices).concurrentMap { index in
            let file = sortedRows[index].file
            return SearchKey("\(file.person.fullName) \(file.id.rawValue) \(names[index])")
        }
        positions = Dictionary(sortedRows.indices.map { (sortedRows[$0].file.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The row of the file `id`.
    public func position(of id: CaseID) -> Int? { positions[id] }
}

/// Questions about a file the screens ask, answered only by the engine.
public enum CaseQuestions {
    /// The step that moves the file along the main path (or back to it), if any.
    public static func mainStep(of file: CaseFile) -> Event.Kind? {
        Workflow.events(from: file.state).first { kind in
            guard let target = Workflow.destination(of: kind, for: file) else { return false }
            return target.isMainPath
        }
    }

    /// Whether the next main step has unmet requirements today (the ✗ marker of the list).
    public static func isBlocked(_ file: CaseFile, data: AppData) -> Bool {
        guard let step = mainStep(of: file), let context = data.context(for: file, on: data.today) else { return false }
        return Workflow.preview(step, of: file, context: context).contains { !$0.isMet && !isSuppliedByStep($0) }
    }

    /// Requirements the step's own form fills in (the vote, the decision number, the class name…):
    /// the engine marks them, so they do not make a file "blocked" before the form is filled.
    public static func isSuppliedByStep(_ requirement: Requirement) -> Bool { requirement.suppliedByStep }

}
