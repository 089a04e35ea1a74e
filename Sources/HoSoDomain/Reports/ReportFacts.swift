import Foundation

/// What the reports read of one case file, and nothing more: its unit and state, the days of the events
/// they count, the attributes the breakdowns of Biểu 2-BTCTW group new members by, and what the pipeline's
/// counts need (deadlines, mentors, certificate). No name, no note, no address: whoever may see a unit's
/// figures (a viewer) may read its facts, where the files themselves stay closed to them.
///
/// Every report is computed from facts. A data directory makes them from the files it holds; a server
/// keeps them beside each file, written in the same transaction, so a report is one query.
public struct ReportFacts: Codable, Sendable, Equatable {
    public var caseID: CaseID
    public var unitID: UnitID
    public var state: CaseState
    /// The admission decision's day; nil when there is none or it was revoked.
    public var admission: CivilDate?
    /// The day the member became official (`CaseEvents.recognition`).
    public var recognition: CivilDate?
    /// Every day the file was taken off the source list.
    public var removals: [CivilDate]
    public var strikingOff: CivilDate?
    /// Full years of age on the admission day (the age bands), nil without admission.
    public var ageAtAdmission: Int?
    public var sex: Person.Sex
    public var education: EducationLevel
    public var occupation: String
    public var ethnicity: String
    public var religion: String
    public var youthUnionMember: Bool
    public var deadlines: DeadlineFacts
    /// The active mentors, by member id (their names are the organisation's, not the file's).
    public var activeMentors: [MemberID]
    /// The months (year × 12 + month − 1) in which an active mentor noted on the file; a note of older data
    /// that records only its writer's name counts, as it does for the deadline.
    public var mentorNoteMonths: [Int]
    public var certificateIssued: CivilDate?
    /// How many files these facts stand for: one, or more when a server counted files a report cannot tell
    /// apart (`ReportFactsRequest`). Every report counts this, never the facts themselves.
    public var files = 1

    /// The facts of `file`: the one place that says what the reports read of it.
    public init(_ file: CaseFile) {
        caseID = file.id
        unitID = file.unitID
        state = file.state
        admission = CaseEvents.admission(file)
        recognition = CaseEvents.recognition(file)
        removals = CaseEvents.removals(file)
        strikingOff = CaseEvents.strikingOff(file)
        ageAtAdmission = admission.map { CaseEvents.age(of: file.person, on: $0) }
        let person = file.person
        sex = person.sex
        education = person.education
        occupation = person.occupation
        ethnicity = person.ethnicity
        religion = person.religion
        youthUnionMember = person.youthUnionMember
        deadlines = DeadlineFacts(file)
        activeMentors = file.activeMentors.map(\.memberID)
        mentorNoteMonths = Array(Set(file.notes.filter { file.isByActiveMentor($0, members: nil) }.map { Self.month(of: $0.date) })).sorted()
        certificateIssued = file.certificate?.issued
    }

    /// Every field as given (the line's reader).
    init(
        caseID: CaseID, unitID: UnitID, state: CaseState, admission: CivilDate?, recognition: CivilDate?, removals: [CivilDate],
        strikingOff: CivilDate?, ageAtAdmission: Int?, sex: Person.Sex, education: EducationLevel, occupation: String,
        ethnicity: String, religion: String, youthUnionMember: Bool, deadlines: DeadlineFacts, activeMentors: [MemberID],
        mentorNoteMonths: [Int], certificateIssued: CivilDate?, files: Int = 1
    ) {
        self.caseID = caseID
        self.unitID = unitID
        self.state = state
        self.admission = admission
        self.recognition = recognition
        self.removals = removals
        self.strikingOff = strikingOff
        self.ageAtAdmission = ageAtAdmission
        self.sex = sex
        self.education = education
        self.occupation = occupation
        self.ethnicity = ethnicity
        self.religion = religion
        self.youthUnionMember = youthUnionMember
        self.deadlines = deadlines
        self.activeMentors = activeMentors
        self.mentorNoteMonths = mentorNoteMonths
        self.certificateIssued = certificateIssued
        self.files = files
    }

    static func month(of date: CivilDate) -> Int { date.year * 12 + date.month - 1 }

    /// Candidates past the source list without an active mentor.
    public var hasNoMentor: Bool { state.needsMentor && activeMentors.isEmpty }

    /// A monthly report is due and no active mentor's is recorded for the month of `day`.
    public func lacksMonthlyNote(inMonthOf day: CivilDate) -> Bool {
        state.expectsMonthlyNote && !mentorNoteMonths.contains(Self.month(of: day))
    }
}

extension CaseState {
    /// A mentor's monthly report is due: from the source list until recognition, not once the file is
    /// closed (official member, removed, refused…) or before it is on the list.
    public var expectsMonthlyNote: Bool { stage != nil && self != .nominated }

    /// A candidate past the source list, who must have a mentor.
    public var needsMentor: Bool { isCandidate && self != .nominated }
}
