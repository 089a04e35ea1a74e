/// The facts of files a server counted together for a report (`ReportFactsRequest`): one row of the
/// server's count, its columns as text (nil for SQL NULL) in this order: unit, state, the span numbers of
/// admission, recognition and striking off (`ReportFactsRequest.day(ofSpan:)`), the removals as in the
/// line, the person (fields 9 to 15 of `ReportFacts.line`: age at admission to Youth Union membership), and
/// the number of files.
extension ReportFacts {
    public init?(countedRow row: [String?], request: ReportFactsRequest) {
        guard row.count == 8, let unit = row[0], let stateText = row[1], let state = CaseState(rawValue: stateText),
              let files = row[7].flatMap({ Int($0) }), files > 0
        else { return nil }
        func day(_ bucket: String?) -> CivilDate?? {
            guard let bucket else { return .some(nil) }
            return Int(bucket).flatMap(request.day(ofSpan:)).map { .some($0) }
        }
        guard let admission = day(row[2]), let recognition = day(row[3]), let strikingOff = day(row[5]) else { return nil }
        var removals: [CivilDate] = []
        // Split as bytes: a split by Character checks grapheme boundaries, a tenth of a report's time at 100,000 files.
        for item in (row[4] ?? "").utf8.split(separator: UInt8(ascii: ",")) {
            guard let date = CivilDate(isoBytes: String(Substring(item)).utf8) else { return nil }
            removals.append(date)
        }
        var age: Int?
        var sex = Person.Sex.male
        var education = EducationLevel.allCases[0]
        var occupation = "", ethnicity = "", religion = ""
        var youth = false
        if let person = row[6] {
            let fields = person.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 7, let readSex = Person.Sex(rawValue: String(fields[1])),
                  let readEducation = EducationLevel(rawValue: String(fields[2])), let readOccupation = Self.unescaped(fields[3]),
                  let readEthnicity = Self.unescaped(fields[4]), let readReligion = Self.unescaped(fields[5]), fields[6] == "0" || fields[6] == "1"
            else { return nil }
            if !fields[0].isEmpty {
                guard let value = Int(fields[0]) else { return nil }
                age = value
            }
            (sex, education, occupation, ethnicity, religion, youth) = (readSex, readEducation, readOccupation, readEthnicity, readReligion, fields[6] == "1")
        }
        self.init(
            caseID: CaseID(""), unitID: UnitID(unit), state: state, admission: admission, recognition: recognition, removals: removals,
            strikingOff: strikingOff, ageAtAdmission: age, sex: sex, education: education, occupation: occupation, ethnicity: ethnicity,
            religion: religion, youthUnionMember: youth,
            deadlines: DeadlineFacts(
                state: state, cellVote: nil, decisionExtensionGranted: false, decisionReceived: nil, ceremony: nil, mentorReportSince: nil),
            activeMentors: [], mentorNoteMonths: [], certificateIssued: nil, files: files)
    }
}
