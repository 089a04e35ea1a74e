/// What a person asked of one file: a step or an edit, on a stated day, with what they saw when they
/// asked. The CLI and the TUI send these; the engine applies one to the file as stored at that moment,
/// so a change made meanwhile by someone else is kept, never overwritten by a copy of the whole file.
public struct CaseCommand: Sendable, Equatable {
    /// The change asked for.
    public enum Change: Sendable, Equatable {
        case step(Event)
        case edit(CaseEdit)
    }

    public var caseID: CaseID
    public var change: Change
    /// The day the person records (the step's or the edit's date).
    public var date: CivilDate
    /// The state the file was in when the person chose the step (nil: whatever it is now, as a script
    /// names a step). A step chosen on a state that has moved since is refused, not applied elsewhere.
    public var seenState: CaseState?

    public init(caseID: CaseID, change: Change, date: CivilDate, seenState: CaseState? = nil) {
        self.caseID = caseID
        self.change = change
        self.date = date
        self.seenState = seenState
    }

    public static func step(_ event: Event, on id: CaseID, date: CivilDate, seenState: CaseState? = nil) -> CaseCommand {
        CaseCommand(caseID: id, change: .step(event), date: date, seenState: seenState)
    }

    public static func edit(_ edit: CaseEdit, on id: CaseID, date: CivilDate) -> CaseCommand {
        CaseCommand(caseID: id, change: .edit(edit), date: date)
    }
}

extension Workflow {
    /// Applies `command` to `file` as stored now, or says why not (a rule, the input, the person's roles,
    /// a state that moved since the person chose the step, a field someone else changed meanwhile).
    public static func run(_ command: CaseCommand, on file: CaseFile, context: WorkflowContext) throws(WorkflowError)
        -> CaseFile
    {
        switch command.change {
        case .step(let event):
            if let seen = command.seenState, seen != file.state {
                throw .stateMoved(event: event.kind, seen: seen, now: file.state)
            }
            return try apply(event, to: file, context: context)
        case .edit(let edit):
            return try self.edit(edit, of: file, context: context)
        }
    }
}

extension CaseCommand.Change {
    /// The members the change names that the file may not name yet (a mentor it assigns, an introducer it
    /// adds, the member responsible for a check): with the members the file names and those of its unit,
    /// every member the engine reads to decide it. A command on one file reads only those (the CLI's
    /// `Repository.open(at:aroundCase:naming:)`), so a member left out here would read as "not in the data".
    public var namedMembers: Set<MemberID> {
        switch self {
        case .step(.admitToSourceList(let mentors)): Set(mentors)
        case .step: []
        case .edit(.assignMentor(let id)), .edit(.releaseMentor(let id)): [id]
        case .edit(.addIntroducer(let introducer)): [introducer.memberID]
        case .edit(.addVerificationItem(let item)): Set([item.responsibleMemberID].compactMap { $0 })
        case .edit: []
        }
    }
}
