/// Everything the engine needs from outside: the day, who acts, the unit and its members,
/// and the rulebook. The engine never reads a clock, a disk or a terminal.
public struct WorkflowContext: Sendable {
    public var date: CivilDate
    public var actor: String
    public var rulebook: Rulebook
    /// The cell the case belongs to, with its member counts.
    public var unit: Unit
    /// Members known to the unit, to check mentors and introducers.
    public var members: [MemberID: Member]
    /// Who acts and what their roles allow; nil only where no person acts (generating demo data, tests
    /// of the procedure itself).
    public var access: Access?
    /// The day it is where the person acts (the CLI's `--today` or the clock, the TUI's day): nothing may
    /// be dated after it. Nil only where no person acts (demo data, tests of the procedure itself).
    public var today: CivilDate?

    public init(
        date: CivilDate, actor: String, rulebook: Rulebook = .standard, unit: Unit, members: [Member] = [],
        access: Access? = nil, today: CivilDate? = nil
    ) {
        self.init(
            date: date, actor: actor, rulebook: rulebook, unit: unit,
            membersByID: Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), access: access,
            today: today)
    }

    /// A context over members already keyed by id (an organisation's own table, shared, not copied: a
    /// screen asks for a context for every row it draws).
    public init(
        date: CivilDate, actor: String, rulebook: Rulebook = .standard, unit: Unit, membersByID: [MemberID: Member],
        access: Access? = nil, today: CivilDate? = nil
    ) {
        self.access = access
        self.today = today
        self.date = date
        self.actor = actor
        self.rulebook = rulebook
        self.unit = unit
        self.members = membersByID
    }

    /// Refuses `permission` on `file` when the person acting may not do it.
    func authorize(_ permission: Permission, on file: CaseFile) throws(WorkflowError) {
        if let refusal = access?.refusal(permission, on: file) { throw .notPermitted(refusal) }
    }

    func memberName(_ id: MemberID) -> String { members[id]?.fullName ?? id.rawValue }
}
