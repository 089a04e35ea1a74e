extension Workflow {
    /// A new file for a nominated person, after checking what was typed.
    public static func newCase(
        id: CaseID, person: Person, source: NominationSource, context: WorkflowContext
    ) throws(WorkflowError) -> CaseFile {
        if let refusal = context.access?.refusal(.addCase, inUnit: context.unit.id) { throw .notPermitted(refusal) }
        var problems: [String] = []
        var person = person
        person.fullName = VietnameseText.normalized(person.fullName.trimmingCharactersInSet(" \t"))
        if person.fullName.isEmpty { problems.append("Họ và tên không được để trống.") }
        for text in [person.fullName, person.ethnicity, person.religion, person.citizenID, person.homeAddress, person.occupation]
        where !VietnameseText.controlCharacters(in: text).isEmpty {
            problems.append(VietnameseText.controlCharacterRefusal)
            break
        }
        if person.birthDate >= context.date {
            problems.append("Ngày sinh (\(person.birthDate)) phải trước ngày được giới thiệu (\(context.date)).")
        } else if person.birthDate.wholeMonths(until: context.date) < 12 * 14 {
            problems.append("Người được giới thiệu chưa đủ 14 tuổi (ngày sinh \(person.birthDate)); hãy kiểm tra lại ngày sinh.")
        }
        if !person.citizenID.isEmpty, !(person.citizenID.allSatisfy { $0.isASCII && $0.isNumber } && person.citizenID.count == 12) {
            problems.append("Số căn cước công dân phải gồm đúng 12 chữ số (đang là \"\(person.citizenID)\").")
        }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        var file = CaseFile(id: id, unitID: context.unit.id, person: person, nominatedBy: source, nominationDate: context.date)
        file.person.ethnicity = VietnameseText.normalized(person.ethnicity)
        file.person.homeAddress = VietnameseText.normalized(person.homeAddress)
        file.person.occupation = VietnameseText.normalized(person.occupation)
        file.history.append(
            HistoryEntry(
                date: context.date, actor: context.actor, action: "add",
                summary: "Tiếp nhận quần chúng ưu tú được giới thiệu",
                changes: [FieldChange(field: "Nơi giới thiệu", before: "", after: source.vietnamese)]))
        return file
    }
}
