import HoSoDomain

/// The fields of a person's identity, shared by the form of a new file and the identity correction,
/// and the person read back from what was typed.
enum PersonForm {
    /// The fields in three groups, so a form can put its own fields between them.
    struct Fields {
        /// Name, birth date, sex.
        var core: [FormField]
        /// Education and the two unions (what the admission rules ask).
        var membership: [FormField]
        /// Occupation, residence, citizen id, ethnicity, religion.
        var details: [FormField]
    }

    /// The fields filled with `person`; a new file (`nil`) starts from the usual answers.
    static func fields(_ person: Person?) -> Fields {
        let yesNo = EditForms.yesNo
        func answer(_ flag: Bool?) -> String { flag == true ? yesNo[1] : yesNo[0] }
        return Fields(
            core: [
                FormField(id: "name", label: "Họ và tên", value: person?.fullName ?? "", isRequired: true, maxLength: 80),
                StepForms.dateField("born", "Ngày sinh", value: person?.birthDate),
                FormField(id: "sex", label: "Giới tính", kind: .choice(Person.Sex.allCases.map(\.vietnamese)),
                          value: person?.sex.vietnamese ?? ""),
            ],
            membership: [
                FormField(id: "education", label: "Học vấn", kind: .choice(EducationLevel.allCases.map(\.vietnamese)),
                          value: (person?.education ?? .upperSecondary).vietnamese),
                FormField(id: "youth", label: "Đoàn viên Đoàn TNCS", kind: .choice(yesNo), value: answer(person?.youthUnionMember)),
                FormField(id: "trade", label: "Đoàn viên công đoàn", kind: .choice(yesNo), value: answer(person?.tradeUnionMember)),
            ],
            details: [
                FormField(id: "occupation", label: "Nghề nghiệp", value: person?.occupation ?? ""),
                FormField(id: "address", label: "Nơi cư trú", value: person?.homeAddress ?? ""),
                FormField(id: "citizenID", label: "Số CCCD", value: person?.citizenID ?? "", maxLength: 12),
                FormField(id: "ethnicity", label: "Dân tộc", value: person?.ethnicity ?? "Kinh"),
                FormField(id: "religion", label: "Tôn giáo", value: person?.religion ?? "Không"),
            ])
    }

    /// The fields' values for `person`, by field id, as the form shows them.
    static func values(of person: Person) -> [String: String] {
        let fields = fields(person)
        return Dictionary((fields.core + fields.membership + fields.details).map { ($0.id, $0.value) },
                          uniquingKeysWith: { first, _ in first })
    }

    /// The person typed into the fields, or what is wrong with the birth date.
    static func person(from values: [String: String]) -> Result<Person, StepInputError> {
        guard let born = CivilDate(parsing: values["born"] ?? "") else {
            return .failure(StepInputError(problems: ["Ngày sinh không hợp lệ (dd/mm/yyyy)."]))
        }
        return .success(Person(
            fullName: values["name"] ?? "", birthDate: born,
            sex: Person.Sex.allCases.first { $0.vietnamese == values["sex"] } ?? .male,
            ethnicity: values["ethnicity"] ?? "Kinh", religion: values["religion"] ?? "Không",
            citizenID: values["citizenID"] ?? "", homeAddress: values["address"] ?? "",
            occupation: values["occupation"] ?? "",
            education: EducationLevel.allCases.first { $0.vietnamese == values["education"] } ?? .upperSecondary,
            youthUnionMember: values["youth"] == EditForms.yesNo[1], tradeUnionMember: values["trade"] == EditForms.yesNo[1]))
    }
}
