/// What a person's identity must be, whether typed for a new file or corrected later: one statement of
/// the rules for both, and the person as stored (names and places in their composed Unicode form).
enum PersonRules {
    /// The person as it will be stored, and every problem with it; `nominated` is the day the person was
    /// (or is being) nominated, which the birth date is checked against.
    static func checked(_ person: Person, nominated: CivilDate) -> (person: Person, problems: [String]) {
        var person = person
        var problems: [String] = []
        person.fullName = VietnameseText.normalized(person.fullName.trimmingCharactersInSet(" \t"))
        if person.fullName.isEmpty { problems.append("Họ và tên không được để trống.") }
        let lines = [person.fullName, person.ethnicity, person.religion, person.citizenID, person.homeAddress, person.occupation]
        for text in lines where !VietnameseText.controlCharacters(in: text).isEmpty {
            problems.append(VietnameseText.controlCharacterRefusal)
            break
        }
        if let refusal = VietnameseText.lengthRefusal(lines, longest: VietnameseText.longestLine) { problems.append(refusal) }
        if person.birthDate >= nominated {
            problems.append("Ngày sinh (\(person.birthDate)) phải trước ngày được giới thiệu (\(nominated)).")
        } else if person.birthDate.wholeMonths(until: nominated) < 12 * 14 {
            problems.append("Người được giới thiệu chưa đủ 14 tuổi (ngày sinh \(person.birthDate)); hãy kiểm tra lại ngày sinh.")
        }
        if !person.citizenID.isEmpty, !(person.citizenID.allSatisfy { $0.isASCII && $0.isNumber } && person.citizenID.count == 12) {
            problems.append("Số căn cước công dân phải gồm đúng 12 chữ số (đang là \"\(person.citizenID)\").")
        }
        person.ethnicity = VietnameseText.normalized(person.ethnicity)
        person.religion = VietnameseText.normalized(person.religion)
        person.homeAddress = VietnameseText.normalized(person.homeAddress)
        person.occupation = VietnameseText.normalized(person.occupation)
        return (person, problems)
    }
}
