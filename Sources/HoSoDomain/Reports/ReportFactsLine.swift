/// The facts of a file as one line of tab-separated fields, the form a server keeps them in: a report reads
/// 100,000 of them, and a line splits in a fraction of the time a JSON object decodes.
///
/// Fields, in order: `F1` (the format), caseID, unitID, state, admission, recognition, removals, strikingOff,
/// ageAtAdmission, sex, education, occupation, ethnicity, religion, youthUnionMember (0/1), cellVote,
/// decisionExtensionGranted (0/1), decisionReceived, ceremony, mentorReportSince, activeMentors,
/// mentorNoteMonths, certificateIssued. Dates are `YYYY-MM-DD`, an absent value is empty, a list is
/// comma-separated; in a text a backslash, tab, newline, carriage return or comma is written `\\`, `\t`,
/// `\n`, `\r`, `\,`.
extension ReportFacts {
    static let lineFormat = "F1"
    static let lineFieldCount = 23

    /// The line of these facts (see the type's comment).
    public var line: String {
        func date(_ value: CivilDate?) -> String { value?.iso ?? "" }
        func flag(_ value: Bool) -> String { value ? "1" : "0" }
        let fields: [String] = [
            Self.lineFormat, Self.escaped(caseID.rawValue), Self.escaped(unitID.rawValue), state.rawValue, date(admission),
            date(recognition), removals.map(\.iso).joined(separator: ","), date(strikingOff), ageAtAdmission.map(String.init) ?? "",
            sex.rawValue, education.rawValue, Self.escaped(occupation), Self.escaped(ethnicity), Self.escaped(religion),
            flag(youthUnionMember), date(deadlines.cellVote), flag(deadlines.decisionExtensionGranted),
            date(deadlines.decisionReceived), date(deadlines.ceremony), date(deadlines.mentorReportSince),
            activeMentors.map { Self.escaped($0.rawValue) }.joined(separator: ","), mentorNoteMonths.map(String.init).joined(separator: ","),
            date(certificateIssued),
        ]
        return fields.joined(separator: "\t")
    }

    /// The facts a line holds; nil when it is not a line of this format (a damaged or foreign value).
    public init?(line: String) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == Self.lineFieldCount, fields[0] == Self.lineFormat else { return nil }
        func text(_ index: Int) -> String? { Self.unescaped(fields[index]) }
        func date(_ index: Int) -> CivilDate?? {
            fields[index].isEmpty ? .some(nil) : CivilDate(isoBytes: String(fields[index]).utf8).map { .some($0) }
        }
        func flag(_ index: Int) -> Bool? { fields[index] == "1" ? true : fields[index] == "0" ? false : nil }
        func list(_ index: Int) -> [Substring] {
            fields[index].isEmpty ? [] : Self.splitUnescaped(fields[index], on: ",")
        }
        guard let caseID = text(1), let unitID = text(2), let state = CaseState(rawValue: String(fields[3])),
              let admission = date(4), let recognition = date(5), let strikingOff = date(7),
              let sex = Person.Sex(rawValue: String(fields[9])), let education = EducationLevel(rawValue: String(fields[10])),
              let occupation = text(11), let ethnicity = text(12), let religion = text(13), let youth = flag(14),
              let cellVote = date(15), let extension_ = flag(16), let received = date(17), let ceremony = date(18),
              let reportSince = date(19), let certificate = date(22)
        else { return nil }
        var removals: [CivilDate] = []
        for item in list(6) {
            guard let day = CivilDate(isoBytes: String(item).utf8) else { return nil }
            removals.append(day)
        }
        var mentors: [MemberID] = []
        for item in list(20) {
            guard let id = Self.unescaped(item) else { return nil }
            mentors.append(MemberID(id))
        }
        var months: [Int] = []
        for item in list(21) {
            guard let month = Int(item) else { return nil }
            months.append(month)
        }
        let age: Int?
        if fields[8].isEmpty { age = nil } else {
            guard let value = Int(fields[8]) else { return nil }
            age = value
        }
        self.init(
            caseID: CaseID(caseID), unitID: UnitID(unitID), state: state, admission: admission, recognition: recognition,
            removals: removals, strikingOff: strikingOff, ageAtAdmission: age, sex: sex, education: education,
            occupation: occupation, ethnicity: ethnicity, religion: religion, youthUnionMember: youth,
            deadlines: DeadlineFacts(
                state: state, cellVote: cellVote, decisionExtensionGranted: extension_, decisionReceived: received, ceremony: ceremony,
                mentorReportSince: reportSince),
            activeMentors: mentors, mentorNoteMonths: months, certificateIssued: certificate)
    }

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case ",": result += "\\,"
            default: result.append(character)
            }
        }
        return result
    }

    /// The text of an escaped field; nil for a dangling or unknown escape.
    static func unescaped(_ field: Substring) -> String? {
        guard field.contains("\\") else { return String(field) }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "\\": result.append("\\")
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case ",": result.append(",")
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }

    /// `field` cut at each `separator` not escaped by a backslash; the pieces keep their escapes.
    static func splitUnescaped(_ field: Substring, on separator: Character) -> [Substring] {
        var pieces: [Substring] = []
        var start = field.startIndex
        var index = field.startIndex
        var escaping = false
        while index < field.endIndex {
            let character = field[index]
            if escaping {
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                pieces.append(field[start..<index])
                start = field.index(after: index)
            }
            index = field.index(after: index)
        }
        pieces.append(field[start...])
        return pieces
    }
}
