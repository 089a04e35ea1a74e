/// One candidate's file (hồ sơ): everything the procedure records, from nomination to recognition.
public struct CaseFile: Codable, Sendable, Equatable, Identifiable {
    /// The fields live in one shared box: a file is copied into every list, row and index of the
    /// application, and a copy should cost one reference count rather than one per field. A change
    /// copies the box first when it is shared (copy on write), so files keep value semantics. Not private:
    /// a journal's patch is applied to it in place (`apply`, CaseFilePatch.swift).
    var storage: Storage

    /// The stored fields; their names are the JSON keys of the file.
    struct Fields: Codable, Sendable, Equatable {
        var id: CaseID
        var unitID: UnitID
        var person: Person
        var state: CaseState
        var stateSince: CivilDate
        var sideState: SideStateRecord?
        /// Absent (nil) until the file is first taken off the source list, so other files keep their bytes.
        var removalDates: [CivilDate]?

        var nominatedBy: NominationSource
        var nominationDate: CivilDate
        var sympathizerResolution: CivilDate?
        var mentors: [MentorAssignment]
        var notes: AppendList<ProgressNote>
        var tasks: [CaseTask]

        var enrolment: ClassEnrolment?
        var certificate: Certificate?

        var application: CivilDate?
        var biographyVersions: [BiographyVersion]
        var verificationItems: DeferredField<[VerificationItem]>
        var verificationConcluded: CivilDate?

        var introducers: [Introducer]
        var unionResolution: UnionResolution?
        var opinions: [Opinion]
        var cellVote: VoteRecord?
        var committeeVote: VoteRecord?
        var decisionExtensionGranted: Bool
        var decision: Decision?
        var ceremony: CivilDate?

        var probationCompleted: CivilDate?
        var newMemberCertificate: Certificate?
        var recognitionVote: VoteRecord?
        var recognitionDecision: Decision?
        /// Absent until recognition: the day the probation ended, from which the member is official even
        /// when the cell or the committee recognised them later (QĐ 29-QĐ/TW, mục 4).
        var officialSince: CivilDate?

        var documents: [DocumentRecord]
        var history: DeferredField<AppendList<HistoryEntry>>
    }

    final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The stored fields as they are, for the journal's patches (CaseFilePatch.swift).
    var storedFields: Fields { storage.fields }

    /// A file holding `fields`.
    init(storedFields: Fields) { storage = Storage(storedFields) }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    public var id: CaseID {
        get { storage.fields.id }
        _modify { makeUnique(); yield &storage.fields.id }
    }

    public var unitID: UnitID {
        get { storage.fields.unitID }
        _modify { makeUnique(); yield &storage.fields.unitID }
    }

    public var person: Person {
        get { storage.fields.person }
        _modify { makeUnique(); yield &storage.fields.person }
    }

    public var state: CaseState {
        get { storage.fields.state }
        _modify { makeUnique(); yield &storage.fields.state }
    }

    /// The date of the step that brought the case to its state.
    public var stateSince: CivilDate {
        get { storage.fields.stateSince }
        _modify { makeUnique(); yield &storage.fields.stateSince }
    }

    /// Every day the file was taken off the source list. Kept when it comes back (`reenter`) or is
    /// withdrawn afterwards, which clear the side state: the periodic report of that period still counts it.
    public var removalDates: [CivilDate] {
        get { storage.fields.removalDates ?? [] }
        set {
            makeUnique()
            storage.fields.removalDates = newValue.isEmpty ? nil : newValue
        }
    }

    /// Why the case is in a side state (removed, paused, …); nil on the main path.
    public var sideState: SideStateRecord? {
        get { storage.fields.sideState }
        _modify { makeUnique(); yield &storage.fields.sideState }
    }

    public var nominatedBy: NominationSource {
        get { storage.fields.nominatedBy }
        _modify { makeUnique(); yield &storage.fields.nominatedBy }
    }

    public var nominationDate: CivilDate {
        get { storage.fields.nominationDate }
        _modify { makeUnique(); yield &storage.fields.nominationDate }
    }

    public var sympathizerResolution: CivilDate? {
        get { storage.fields.sympathizerResolution }
        _modify { makeUnique(); yield &storage.fields.sympathizerResolution }
    }

    public var mentors: [MentorAssignment] {
        get { storage.fields.mentors }
        _modify { makeUnique(); yield &storage.fields.mentors }
    }

    public var notes: AppendList<ProgressNote> {
        get { storage.fields.notes }
        _modify { makeUnique(); yield &storage.fields.notes }
    }

    public var tasks: [CaseTask] {
        get { storage.fields.tasks }
        _modify { makeUnique(); yield &storage.fields.tasks }
    }

    public var enrolment: ClassEnrolment? {
        get { storage.fields.enrolment }
        _modify { makeUnique(); yield &storage.fields.enrolment }
    }

    public var certificate: Certificate? {
        get { storage.fields.certificate }
        _modify { makeUnique(); yield &storage.fields.certificate }
    }

    public var application: CivilDate? {
        get { storage.fields.application }
        _modify { makeUnique(); yield &storage.fields.application }
    }

    public var biographyVersions: [BiographyVersion] {
        get { storage.fields.biographyVersions }
        _modify { makeUnique(); yield &storage.fields.biographyVersions }
    }

    /// The background checks; decoded on first read, like the history (see `unreadablePart`).
    public var verificationItems: [VerificationItem] {
        get { storage.fields.verificationItems.value(or: []) }
        set {
            makeUnique()
            storage.fields.verificationItems = DeferredField(newValue)
        }
    }

    public var verificationConcluded: CivilDate? {
        get { storage.fields.verificationConcluded }
        _modify { makeUnique(); yield &storage.fields.verificationConcluded }
    }

    public var introducers: [Introducer] {
        get { storage.fields.introducers }
        _modify { makeUnique(); yield &storage.fields.introducers }
    }

    public var unionResolution: UnionResolution? {
        get { storage.fields.unionResolution }
        _modify { makeUnique(); yield &storage.fields.unionResolution }
    }

    public var opinions: [Opinion] {
        get { storage.fields.opinions }
        _modify { makeUnique(); yield &storage.fields.opinions }
    }

    public var cellVote: VoteRecord? {
        get { storage.fields.cellVote }
        _modify { makeUnique(); yield &storage.fields.cellVote }
    }

    public var committeeVote: VoteRecord? {
        get { storage.fields.committeeVote }
        _modify { makeUnique(); yield &storage.fields.committeeVote }
    }

    /// Granted by the deciding body: 30 more working days to decide (QĐ 294-QĐ/TW).
    public var decisionExtensionGranted: Bool {
        get { storage.fields.decisionExtensionGranted }
        _modify { makeUnique(); yield &storage.fields.decisionExtensionGranted }
    }

    public var decision: Decision? {
        get { storage.fields.decision }
        _modify { makeUnique(); yield &storage.fields.decision }
    }

    public var ceremony: CivilDate? {
        get { storage.fields.ceremony }
        _modify { makeUnique(); yield &storage.fields.ceremony }
    }

    public var probationCompleted: CivilDate? {
        get { storage.fields.probationCompleted }
        _modify { makeUnique(); yield &storage.fields.probationCompleted }
    }

    public var newMemberCertificate: Certificate? {
        get { storage.fields.newMemberCertificate }
        _modify { makeUnique(); yield &storage.fields.newMemberCertificate }
    }

    public var recognitionVote: VoteRecord? {
        get { storage.fields.recognitionVote }
        _modify { makeUnique(); yield &storage.fields.recognitionVote }
    }

    public var recognitionDecision: Decision? {
        get { storage.fields.recognitionDecision }
        _modify { makeUnique(); yield &storage.fields.recognitionDecision }
    }

    /// The day the member became official: the end of the probation, not the recognition decision's date.
    public var officialSince: CivilDate? {
        get { storage.fields.officialSince }
        _modify { makeUnique(); yield &storage.fields.officialSince }
    }

    public var documents: [DocumentRecord] {
        get { storage.fields.documents }
        _modify { makeUnique(); yield &storage.fields.documents }
    }

    /// The file's history, oldest first. A file loaded from the store decodes it here, on first read;
    /// if the stored entries cannot be read this is empty and `historyProblem` says why.
    public var history: AppendList<HistoryEntry> {
        get { storage.fields.history.value(or: []) }
        set {
            makeUnique()
            storage.fields.history = DeferredField(newValue)
        }
    }

    /// Why the stored history of this file could not be read (a hand-edited data file), nil when it can.
    public var historyProblem: String? { storage.fields.history.problem }

    /// The part of the stored file that could not be read, and why ("lịch sử: …"), nil when all of it
    /// can. Such a file must not be saved: the part would be lost.
    public var unreadablePart: String? {
        if let problem = historyProblem { return "lịch sử: " + problem }
        if let problem = storage.fields.verificationItems.problem { return "phiếu thẩm tra: " + problem }
        return nil
    }

    /// Whether the history has been decoded yet; the store defers it (see `DeferringDecoder`).
    public var isHistoryDecoded: Bool { storage.fields.history.isDecoded }

    public init(
        id: CaseID, unitID: UnitID, person: Person, nominatedBy: NominationSource, nominationDate: CivilDate
    ) {
        storage = Storage(Fields(
            id: id,
            unitID: unitID,
            person: person,
            state: .nominated,
            stateSince: nominationDate,
            sideState: nil,
            removalDates: nil,
            nominatedBy: nominatedBy,
            nominationDate: nominationDate,
            sympathizerResolution: nil,
            mentors: [],
            notes: [],
            tasks: [],
            enrolment: nil,
            certificate: nil,
            application: nil,
            biographyVersions: [],
            verificationItems: DeferredField([]),
            verificationConcluded: nil,
            introducers: [],
            unionResolution: nil,
            opinions: [],
            cellVote: nil,
            committeeVote: nil,
            decisionExtensionGranted: false,
            decision: nil,
            ceremony: nil,
            probationCompleted: nil,
            newMemberCertificate: nil,
            recognitionVote: nil,
            recognitionDecision: nil,
            officialSince: nil,
            documents: [],
            history: DeferredField([])))
    }

    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (lhs: CaseFile, rhs: CaseFile) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public var activeMentors: [MentorAssignment] { mentors.filter(\.isActive) }

    public var latestBiography: BiographyVersion? { biographyVersions.max { $0.version < $1.version } }

    public var lastNoteDate: CivilDate? { notes.map(\.date).max() }

    /// Whether one of the file's active mentors reported in the calendar month of `day` (the monthly report of
    /// seed 002): a note by anyone else (the clerk, a member who is not its mentor) is not the mentor's report.
    /// `members` gives the mentors' names, for notes of older data that record only the writer's name.
    public func hasMentorNote(inMonthOf day: CivilDate, members: [MemberID: Member]) -> Bool {
        notes.contains { note in
            note.date.year == day.year && note.date.month == day.month && isByActiveMentor(note, members: members)
        }
    }

    /// Whether `note` was written by one of the file's active mentors: the member recorded with the note;
    /// for a note of older data (no writer recorded), its author's name, or signature "Name (account)", is
    /// an active mentor's name. `members`: nil when names are not at hand, and then an older note counts
    /// (as it did before writers were recorded).
    public func isByActiveMentor(_ note: ProgressNote, members: [MemberID: Member]?) -> Bool {
        let mentors = mentors
        if note.recordsWriter {
            guard let writer = note.authorMember else { return false }
            return mentors.contains { $0.isActive && $0.memberID == writer }
        }
        guard let members else { return true }
        return mentors.contains { mentor in
            guard mentor.isActive, let name = members[mentor.memberID]?.fullName else { return false }
            return note.author == name || note.author.hasPrefix(name + " (")
        }
    }

    /// Whether a mentor's monthly report is due for this file: from the source list until recognition, not
    /// once the file is closed (official member, removed, refused…) or before it is on the list.
    public var expectsMonthlyNote: Bool { state.expectsMonthlyNote }

    /// A monthly report is due and no active mentor's is recorded for the month of `day`.
    public func lacksMonthlyNote(inMonthOf day: CivilDate, members: [MemberID: Member]) -> Bool {
        expectsMonthlyNote && !hasMentorNote(inMonthOf: day, members: members)
    }
}
