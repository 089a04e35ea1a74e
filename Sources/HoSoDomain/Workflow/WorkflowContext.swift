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

    public init(
        date: CivilDate, actor: String, rulebook: Rulebook = .standard, unit: Unit, members: [Member] = []
    ) {
        self.date = date
        self.actor = actor
        self.rulebook = rulebook
        self.unit = unit
        self.members = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func memberName(_ id: MemberID) -> String { members[id]?.fullName ?? id.rawValue }
}
