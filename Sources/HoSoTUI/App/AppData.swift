import Foundation
import HoSoDomain

/// Everything the application shows, as read from the data directory at one moment.
public struct AppData: Equatable, Sendable {
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
    /// Where exports go unless the person types another folder: the home folder, as the runner knows it.
    public var exportFolder: String
    /// The facts the reports count when the person may count files they may not read (a viewer on a
    /// server, whose role reads no file); nil: the reports count `cases`.
    public var reportFacts: [ReportFacts]?

    /// Data as loaded. With `access`, only the files the person's lists may show are kept: the screens
    /// then cannot show a file the person may not see, whoever built the data.
    public init(cases: [CaseFile], revisions: [CaseID: Int], organisation: Organisation, rulebook: Rulebook = .standard,
                calendar: WorkingCalendar = WorkingCalendar(), today: CivilDate, actor: String, access: Access? = nil,
                people: [Account] = [], exportFolder: String = "~") {
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
        self.exportFolder = exportFolder
        self.organisation = organisation
        self.rulebook = rulebook
        self.calendar = calendar
        self.today = today
        self.actor = actor
    }

    /// Party members at the start of this year, as the rate report counts them (recorded figures first).
    public var membersAtStartOfYear: (count: Int?, estimated: Bool) { organisation.members(atStartOf: today.year) }

    /// The engine's context for a step of `file` dated `date`.
    public func context(for file: CaseFile, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: file.unitID, on: date, actor: actor, rulebook: rulebook, access: access, today: today)
    }

    /// The context for a new file of `unit` dated `date`.
    public func context(forUnit unit: UnitID, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: unit, on: date, actor: actor, rulebook: rulebook, access: access, today: today)
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
