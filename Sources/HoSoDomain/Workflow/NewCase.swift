extension Workflow {
    /// A new file for a nominated person, after checking what was typed.
    public static func newCase(
        id: CaseID, person: Person, source: NominationSource, context: WorkflowContext
    ) throws(WorkflowError) -> CaseFile {
        if let refusal = context.access?.refusal(.addCase, inUnit: context.unit.id) { throw .notPermitted(refusal) }
        let (person, personProblems) = PersonRules.checked(person, nominated: context.date)
        var problems = personProblems
        if let refusal = DateOrder.futureRefusal(context.date, today: context.today) { problems.append(refusal) }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        var file = CaseFile(id: id, unitID: context.unit.id, person: person, nominatedBy: source, nominationDate: context.date)
        file.history.append(
            HistoryEntry(
                date: context.date, actor: context.actor, action: "add",
                summary: "Tiếp nhận quần chúng ưu tú được giới thiệu",
                changes: [FieldChange(field: "Nơi giới thiệu", before: "", after: source.vietnamese)]))
        return try keepingInvariants(file, over: nil)
    }
}
