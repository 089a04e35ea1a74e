/// What a server counted for one report (`ReportFactsRequest`).
public struct CountedReportFacts: Sendable, Equatable {
    /// The files, a `ReportFacts` per group the report cannot tell apart (`files` of them); without the
    /// person when `newMembers` is there.
    public var facts: [ReportFacts]
    /// The new members counted apart by profile, when the request asked (`countsNewMembersApart`).
    public var newMembers: [NewMemberProfile]?

    public init(facts: [ReportFacts], newMembers: [NewMemberProfile]? = nil) {
        self.facts = facts
        self.newMembers = newMembers
    }
}

/// The facts of files a server counted together for a report (`ReportFactsRequest`): one row of the
/// server's count, its columns as text (nil for SQL NULL) in this order: unit, state, the span numbers of
/// admission, recognition and striking off (`ReportFactsRequest.day(ofSpan:)`), the span numbers of the
/// removals (comma-separated), the person (fields 9 to 15 of `ReportFacts.line`: age at admission to Youth
/// Union membership), and the number of files. When new members are counted apart, two more columns
/// follow: a row of new members has no unit and no state, only the admission's span, the number, and one
/// field of the person (`NewMemberProfile`): its position among the seven (1: age … 7: Youth Union) and value.
extension ReportFacts {
    static let countedColumns = 8
    static let countedColumnsWithProfiles = 10

    public init?(countedRow row: [String?], request: ReportFactsRequest) {
        guard row.count == Self.countedColumns || row.count == Self.countedColumnsWithProfiles, let unit = row[0], let stateText = row[1],
              let state = CaseState(rawValue: stateText), let files = Self.fileCount(row[7])
        else { return nil }
        guard let admission = Self.day(row[2], request), let recognition = Self.day(row[3], request),
              let strikingOff = Self.day(row[5], request)
        else { return nil }
        var removals: [CivilDate] = []
        // Split as bytes: a split by Character checks grapheme boundaries, a tenth of a report's time at 100,000 files.
        for item in (row[4] ?? "").utf8.split(separator: UInt8(ascii: ",")) {
            guard let day = Self.day(String(Substring(item)), request) ?? nil else { return nil }
            removals.append(day)
        }
        var person = CountedPerson()
        if let text = row[6] {
            guard let read = CountedPerson(text) else { return nil }
            person = read
        }
        self.init(
            caseID: CaseID(""), unitID: UnitID(unit), state: state, admission: admission, recognition: recognition, removals: removals,
            strikingOff: strikingOff, ageAtAdmission: person.age, sex: person.sex, education: person.education, occupation: person.occupation,
            ethnicity: person.ethnicity, religion: person.religion, youthUnionMember: person.youthUnionMember,
            deadlines: DeadlineFacts(
                state: state, cellVote: nil, decisionExtensionGranted: false, decisionReceived: nil, ceremony: nil, mentorReportSince: nil),
            activeMentors: [], mentorNoteMonths: [], certificateIssued: nil, files: files)
    }

    /// The day span number `bucket` stands for; `.some(nil)` for SQL NULL, nil for a span not in the request.
    fileprivate static func day(_ bucket: String?, _ request: ReportFactsRequest) -> CivilDate?? {
        guard let bucket else { return .some(nil) }
        return Int(bucket).flatMap(request.day(ofSpan:)).map { .some($0) }
    }

    fileprivate static func fileCount(_ text: String?) -> Int? {
        text.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}

extension NewMemberProfile {
    /// New members counted apart by one field of the person (see `ReportFacts.init(countedRow:request:)`):
    /// nil for any other row.
    public init?(countedRow row: [String?], request: ReportFactsRequest) {
        guard row.count == ReportFacts.countedColumnsWithProfiles, row[0] == nil, row[1] == nil, let files = ReportFacts.fileCount(row[7]),
              let admission = ReportFacts.day(row[2], request) ?? nil
        else { return nil }
        guard let field = row[8].flatMap({ Int($0) }), let text = row[9] else { return nil }
        self.init(admission: admission, files: files)
        switch field {
        case 1:
            guard let age = Int(text) else { return nil }
            self.age = age
        case 2:
            guard let sex = Person.Sex(rawValue: text) else { return nil }
            self.sex = sex
        case 3:
            guard let education = EducationLevel(rawValue: text) else { return nil }
            self.education = education
        case 4, 5, 6:
            guard let value = ReportFacts.unescaped(Substring(text)) else { return nil }
            if field == 4 { occupation = value } else if field == 5 { ethnicity = value } else { religion = value }
        case 7:
            guard text == "0" || text == "1" else { return nil }
            youthUnionMember = text == "1"
        default:
            return nil
        }
    }
}

/// The person's fields of a counted row: age at admission, sex, education, occupation, ethnicity, religion
/// and Youth Union membership, tab-separated as in `ReportFacts.line`.
private struct CountedPerson {
    var age: Int?
    var sex = Person.Sex.male
    var education = EducationLevel.allCases[0]
    var occupation = "", ethnicity = "", religion = ""
    var youthUnionMember = false

    init() {}

    init?(_ text: String) {
        let fields = text.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Substring.init)
        guard fields.count == 7, let sex = Person.Sex(rawValue: String(fields[1])),
              let education = EducationLevel(rawValue: String(fields[2])), let occupation = ReportFacts.unescaped(fields[3]),
              let ethnicity = ReportFacts.unescaped(fields[4]), let religion = ReportFacts.unescaped(fields[5]), fields[6] == "0" || fields[6] == "1"
        else { return nil }
        if !fields[0].isEmpty {
            guard let value = Int(fields[0]) else { return nil }
            age = value
        }
        (self.sex, self.education, self.occupation, self.ethnicity, self.religion) = (sex, education, occupation, ethnicity, religion)
        youthUnionMember = fields[6] == "1"
    }
}
