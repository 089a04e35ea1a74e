/// One candidate's file (hồ sơ): everything the procedure records, from nomination to recognition.
public struct CaseFile: Codable, Sendable, Equatable, Identifiable {
    public var id: CaseID
    public var unitID: UnitID
    public var person: Person
    public var state: CaseState
    /// The date of the step that brought the case to its state.
    public var stateSince: CivilDate
    /// Why the case is in a side state (removed, paused, …); nil on the main path.
    public var sideState: SideStateRecord?

    public var nominatedBy: NominationSource
    public var nominationDate: CivilDate
    public var sympathizerResolution: CivilDate?
    public var mentors: [MentorAssignment]
    public var notes: [ProgressNote]
    public var tasks: [CaseTask]

    public var enrolment: ClassEnrolment?
    public var certificate: Certificate?

    public var application: CivilDate?
    public var biographyVersions: [BiographyVersion]
    public var verificationItems: [VerificationItem]
    public var verificationConcluded: CivilDate?

    public var introducers: [Introducer]
    public var unionResolution: UnionResolution?
    public var opinions: [Opinion]
    public var cellVote: VoteRecord?
    public var committeeVote: VoteRecord?
    /// Granted by the deciding body: 30 more working days to decide (QĐ 294-QĐ/TW).
    public var decisionExtensionGranted: Bool
    public var decision: Decision?
    public var ceremony: CivilDate?

    public var probationCompleted: CivilDate?
    public var newMemberCertificate: Certificate?
    public var recognitionVote: VoteRecord?
    public var recognitionDecision: Decision?

    public var documents: [DocumentRecord]
    public var history: [HistoryEntry]

    public init(
        id: CaseID, unitID: UnitID, person: Person, nominatedBy: NominationSource, nominationDate: CivilDate
    ) {
        self.id = id
        self.unitID = unitID
        self.person = person
        self.state = .nominated
        self.stateSince = nominationDate
        self.sideState = nil
        self.nominatedBy = nominatedBy
        self.nominationDate = nominationDate
        self.sympathizerResolution = nil
        self.mentors = []
        self.notes = []
        self.tasks = []
        self.enrolment = nil
        self.certificate = nil
        self.application = nil
        self.biographyVersions = []
        self.verificationItems = []
        self.verificationConcluded = nil
        self.introducers = []
        self.unionResolution = nil
        self.opinions = []
        self.cellVote = nil
        self.committeeVote = nil
        self.decisionExtensionGranted = false
        self.decision = nil
        self.ceremony = nil
        self.probationCompleted = nil
        self.newMemberCertificate = nil
        self.recognitionVote = nil
        self.recognitionDecision = nil
        self.documents = []
        self.history = []
    }

    public var activeMentors: [MentorAssignment] { mentors.filter(\.isActive) }

    public var latestBiography: BiographyVersion? { biographyVersions.max { $0.version < $1.version } }

    public var lastNoteDate: CivilDate? { notes.map(\.date).max() }

    /// Whether the mentor reported in the calendar month of `day` (the monthly report of seed 002).
    public func hasNote(inMonthOf day: CivilDate) -> Bool {
        notes.contains { $0.date.year == day.year && $0.date.month == day.month }
    }
}
