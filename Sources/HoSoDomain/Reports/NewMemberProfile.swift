/// Who new members are, as the breakdowns of Biểu 2-BTCTW and the mean age count them: the admission day
/// and the person's attributes, nothing of the unit or the file.
///
/// Each criterion of the breakdowns is counted alone, so a server counts new members by one attribute at a
/// time (`ReportFactsRequest.countsNewMembersApart`): a profile may tell only one attribute, and then
/// stands for every new member of that day with that value (22,000 new members at 100,000 files come back
/// as about a hundred rows). A profile made from a file's facts tells every attribute. Each criterion is
/// counted over the profiles that tell it; the number of new members and their mean age over those that
/// tell the age.
public struct NewMemberProfile: Sendable, Equatable {
    public var admission: CivilDate
    /// Full years of age on the admission day.
    public var age: Int?
    public var sex: Person.Sex?
    public var education: EducationLevel?
    public var occupation: String?
    public var ethnicity: String?
    public var religion: String?
    public var youthUnionMember: Bool?
    /// How many new members this profile stands for.
    public var files: Int

    public init(
        admission: CivilDate, age: Int? = nil, sex: Person.Sex? = nil, education: EducationLevel? = nil, occupation: String? = nil,
        ethnicity: String? = nil, religion: String? = nil, youthUnionMember: Bool? = nil, files: Int
    ) {
        self.admission = admission
        self.age = age
        self.sex = sex
        self.education = education
        self.occupation = occupation
        self.ethnicity = ethnicity
        self.religion = religion
        self.youthUnionMember = youthUnionMember
        self.files = files
    }

    /// The whole profile of the files `facts` stand for; nil when they have no admission.
    public init?(_ facts: ReportFacts) {
        guard let admission = facts.admission, let age = facts.ageAtAdmission else { return nil }
        self.init(
            admission: admission, age: age, sex: facts.sex, education: facts.education, occupation: facts.occupation,
            ethnicity: facts.ethnicity, religion: facts.religion, youthUnionMember: facts.youthUnionMember, files: facts.files)
    }
}
