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
        var text = line
        // Read as bytes: a report reads 100,000 lines, and substrings and Characters cost a reference count
        // and a grapheme check each.
        guard let facts = text.withUTF8(Self.parse) else { return nil }
        self = facts
    }

    /// The facts a line's UTF-8 bytes hold (a server's rows, read without making a `String` of each).
    public init?(lineBytes: UnsafeBufferPointer<UInt8>) {
        guard let facts = Self.parse(lineBytes) else { return nil }
        self = facts
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ReportFacts? {
        let tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
        var fields: [Range<Int>] = []
        fields.reserveCapacity(lineFieldCount)
        var start = 0
        for index in 0..<bytes.count where bytes[index] == tab {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<bytes.count)
        guard fields.count == lineFieldCount else { return nil }
        func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        func raw(_ range: Range<Int>) -> String { String(decoding: slice(range), as: UTF8.self) }
        func text(_ range: Range<Int>) -> String? {
            slice(range).contains(backslash) ? unescaped(Substring(raw(range))) : raw(range)
        }
        func date(_ range: Range<Int>) -> CivilDate?? {
            range.isEmpty ? .some(nil) : CivilDate(isoBuffer: slice(range)).map { .some($0) }
        }
        func flag(_ range: Range<Int>) -> Bool? {
            guard range.count == 1 else { return nil }
            return bytes[range.lowerBound] == UInt8(ascii: "1") ? true : bytes[range.lowerBound] == UInt8(ascii: "0") ? false : nil
        }
        func number(_ range: Range<Int>) -> Int? {
            let negative = !range.isEmpty && bytes[range.lowerBound] == UInt8(ascii: "-")
            let digits = negative ? range.dropFirst() : range
            guard !digits.isEmpty, digits.count <= 18 else { return nil }
            var value = 0
            for index in digits {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return negative ? -value : value
        }
        /// The items of a comma-separated list (a comma escaped by a backslash stays in its item).
        func items(_ range: Range<Int>) -> [Range<Int>] {
            if range.isEmpty { return [] }
            var result: [Range<Int>] = []
            var itemStart = range.lowerBound
            var escaping = false
            for index in range {
                if escaping { escaping = false } else if bytes[index] == backslash { escaping = true } else if bytes[index] == comma {
                    result.append(itemStart..<index)
                    itemStart = index + 1
                }
            }
            result.append(itemStart..<range.upperBound)
            return result
        }
        guard raw(fields[0]) == lineFormat, let caseID = text(fields[1]), let unitID = text(fields[2]),
              let state = CaseState(rawValue: raw(fields[3])), let admission = date(fields[4]), let recognition = date(fields[5]),
              let strikingOff = date(fields[7]), let sex = Person.Sex(rawValue: raw(fields[9])),
              let education = EducationLevel(rawValue: raw(fields[10])), let occupation = text(fields[11]),
              let ethnicity = text(fields[12]), let religion = text(fields[13]), let youth = flag(fields[14]),
              let cellVote = date(fields[15]), let extensionGranted = flag(fields[16]), let received = date(fields[17]),
              let ceremony = date(fields[18]), let reportSince = date(fields[19]), let certificate = date(fields[22])
        else { return nil }
        var removals: [CivilDate] = []
        for item in items(fields[6]) {
            guard let day = CivilDate(isoBuffer: slice(item)) else { return nil }
            removals.append(day)
        }
        var mentors: [MemberID] = []
        for item in items(fields[20]) {
            guard let id = text(item) else { return nil }
            mentors.append(MemberID(id))
        }
        var months: [Int] = []
        for item in items(fields[21]) {
            guard let month = number(item) else { return nil }
            months.append(month)
        }
        let age: Int?
        if fields[8].isEmpty { age = nil } else {
            guard let value = number(fields[8]) else { return nil }
            age = value
        }
        return ReportFacts(
            caseID: CaseID(caseID), unitID: UnitID(unitID), state: state, admission: admission, recognition: recognition,
            removals: removals, strikingOff: strikingOff, ageAtAdmission: age, sex: sex, education: education,
            occupation: occupation, ethnicity: ethnicity, religion: religion, youthUnionMember: youth,
            deadlines: DeadlineFacts(
                state: state, cellVote: cellVote, decisionExtensionGranted: extensionGranted, decisionReceived: received,
                ceremony: ceremony, mentorReportSince: reportSince),
            activeMentors: mentors, mentorNoteMonths: months, certificateIssued: certificate)
    }

    /// `text` with a backslash, tab, newline, carriage return or comma escaped, byte by byte (a backslash
    /// followed by a combining mark is still a backslash).
    static func escaped(_ text: String) -> String {
        let special: [UInt8: UInt8] = [0x5C: 0x5C, 0x09: UInt8(ascii: "t"), 0x0A: UInt8(ascii: "n"), 0x0D: UInt8(ascii: "r"), 0x2C: 0x2C]
        guard text.utf8.contains(where: { special[$0] != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if let code = special[byte] { bytes += [0x5C, code] } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of an escaped field; nil for a dangling or unknown escape.
    static func unescaped(_ field: Substring) -> String? {
        guard field.utf8.contains(0x5C) else { return String(field) }
        let codes: [UInt8: UInt8] = [0x5C: 0x5C, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, 0x2C: 0x2C]
        var bytes: [UInt8] = []
        var escaping = false
        for byte in field.utf8 {
            if escaping {
                guard let code = codes[byte] else { return nil }
                bytes.append(code)
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                bytes.append(byte)
            }
        }
        return escaping ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
