/// A member assigned to follow and help the candidate (seed 002 §III.3).
public struct MentorAssignment: Codable, Sendable, Equatable {
    public var memberID: MemberID
    public var since: CivilDate
    public var until: CivilDate?

    public init(memberID: MemberID, since: CivilDate, until: CivilDate? = nil) {
        self.memberID = memberID
        self.since = since
        self.until = until
    }

    public var isActive: Bool { until == nil }
}

/// A mentor's monthly report on the candidate's progress.
public struct ProgressNote: Codable, Sendable, Equatable {
    public var date: CivilDate
    /// The writer's signature, "Name (account)", as the history records the actor.
    public var author: String
    public var text: String
    /// The writer's HoSo account, when a person signed in wrote it; nil in data written before notes recorded
    /// their writer (and by a program acting for nobody).
    public var authorAccount: AccountID?
    /// The party member who wrote it (the writer's account is that member's); nil for a writer who is not a
    /// member (a clerk without a member record) and in older data. Whether the note is the mentor's monthly
    /// report is decided from this, not from the name.
    public var authorMember: MemberID?

    public init(date: CivilDate, author: String, text: String, authorAccount: AccountID? = nil, authorMember: MemberID? = nil) {
        self.date = date
        self.author = author
        self.text = text
        self.authorAccount = authorAccount
        self.authorMember = authorMember
    }

    /// Whether the writer was recorded (a note written since then): nil-nil is a note of older data, whose
    /// writer is known only by the name in `author`.
    public var recordsWriter: Bool { authorAccount != nil || authorMember != nil }
}

/// A task the cell or the mentor gave the candidate.
public struct CaseTask: Codable, Sendable, Equatable {
    public var given: CivilDate
    public var due: CivilDate?
    public var text: String
    public var done: CivilDate?

    public init(given: CivilDate, due: CivilDate? = nil, text: String, done: CivilDate? = nil) {
        self.given = given
        self.due = due
        self.text = text
        self.done = done
    }
}

/// Attendance at the awareness class (lớp bồi dưỡng nhận thức về Đảng).
public struct ClassEnrolment: Codable, Sendable, Equatable {
    public var className: String
    public var classID: ClassID?
    public var enrolled: CivilDate

    public init(className: String, classID: ClassID? = nil, enrolled: CivilDate) {
        self.className = className
        self.classID = classID
        self.enrolled = enrolled
    }
}

/// A certificate: of the awareness class (CN-NTVĐ), or of the new-member class before recognition.
public struct Certificate: Codable, Sendable, Equatable {
    public var number: String
    public var issuer: String
    public var issued: CivilDate

    public init(number: String, issuer: String, issued: CivilDate) {
        self.number = number
        self.issuer = issuer
        self.issued = issued
    }
}

/// One version of the biography (2-KNĐ). Erasures are forbidden, so an error means a rewrite;
/// only the sections that changed need verifying again (seed 002).
public struct BiographyVersion: Codable, Sendable, Equatable {
    public var version: Int
    public var date: CivilDate
    public var changedSections: [String]

    public init(version: Int, date: CivilDate, changedSections: [String] = []) {
        self.version = version
        self.date = date
        self.changedSections = changedSections
    }
}

/// One subject of the background check: the candidate or a relative (HD 06-HD/TW §3.4).
public struct VerificationItem: Codable, Sendable, Equatable {
    public enum Relation: String, Codable, Sendable, CaseIterable {
        case candidate, father, mother, fatherInLaw, motherInLaw, guardian, spouse, child

        public var vietnamese: String {
            switch self {
            case .candidate: "Bản thân"
            case .father: "Cha đẻ"
            case .mother: "Mẹ đẻ"
            case .fatherInLaw: "Cha vợ/chồng"
            case .motherInLaw: "Mẹ vợ/chồng"
            case .guardian: "Người nuôi dưỡng"
            case .spouse: "Vợ/chồng"
            case .child: "Con"
            }
        }
    }

    public enum Method: String, Codable, Sendable, CaseIterable {
        case letter, visit

        public var vietnamese: String { self == .letter ? "Gửi công văn" : "Trực tiếp" }
    }

    public enum Result: String, Codable, Sendable, CaseIterable {
        case clear, problem, exempt

        public var vietnamese: String {
            switch self {
            case .clear: "Đạt"
            case .problem: "Có vấn đề"
            case .exempt: "Miễn (là đảng viên)"
            }
        }
    }

    public var relation: Relation
    public var fullName: String
    public var birthYear: Int
    public var place: String
    public var isPartyMember: Bool
    public var method: Method
    public var sent: CivilDate?
    public var returned: CivilDate?
    public var result: Result?
    /// The member answerable for the result (seed 002).
    public var responsibleMemberID: MemberID?
    public var biographyVersion: Int
    /// Who entered the item and who recorded its result (the signed-in person's signature): the
    /// names a check of the file asks for, beside the member answerable for the result.
    public var addedBy: String?
    public var resultRecordedBy: String?

    public init(
        relation: Relation, fullName: String, birthYear: Int, place: String = "", isPartyMember: Bool = false,
        method: Method = .letter, sent: CivilDate? = nil, returned: CivilDate? = nil, result: Result? = nil,
        responsibleMemberID: MemberID? = nil, biographyVersion: Int = 1
    ) {
        self.relation = relation
        self.fullName = fullName
        self.birthYear = birthYear
        self.place = place
        self.isPartyMember = isPartyMember
        self.method = method
        self.sent = sent
        self.returned = returned
        self.result = result
        self.responsibleMemberID = responsibleMemberID
        self.biographyVersion = biographyVersion
    }

    /// Finished: a result is recorded (a member relative may be exempt without a field check).
    public var isSettled: Bool {
        switch result {
        case .clear: returned != nil
        case .exempt: true
        case .problem, nil: false
        }
    }
}

/// An official member who introduces the candidate (3-KNĐ).
public struct Introducer: Codable, Sendable, Equatable {
    public var memberID: MemberID
    /// Since when the member has worked, studied or lived with the candidate.
    public var knownSince: CivilDate
    public var letterDate: CivilDate
    /// Assigned by the cell after the first introducer moved away: exempt from the 12 months.
    public var isReplacement: Bool

    public init(memberID: MemberID, knownSince: CivilDate, letterDate: CivilDate, isReplacement: Bool = false) {
        self.memberID = memberID
        self.knownSince = knownSince
        self.letterDate = letterDate
        self.isReplacement = isReplacement
    }
}

/// The resolution of the grassroots Youth Union (4-KNĐ) or trade union (4A-KNĐ) introducing the candidate.
public struct UnionResolution: Codable, Sendable, Equatable {
    public enum Body: String, Codable, Sendable, CaseIterable {
        case youthUnion, tradeUnion

        public var vietnamese: String { self == .youthUnion ? "Đoàn Thanh niên (4-KNĐ)" : "Công đoàn (4A-KNĐ)" }
    }

    public var body: Body
    public var date: CivilDate

    public init(body: Body, date: CivilDate) {
        self.body = body
        self.date = date
    }
}

/// An opinion collected before the vote (5-KNĐ).
public struct Opinion: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable, CaseIterable {
        /// The mass organisations where the candidate works or studies.
        case massOrganisations
        /// The cell and mass organisations where the candidate lives.
        case residence

        public var vietnamese: String {
            self == .massOrganisations ? "Đoàn thể nơi công tác" : "Chi ủy, đoàn thể nơi cư trú"
        }
    }

    public var source: Source
    public var date: CivilDate
    public var summary: String

    public init(source: Source, date: CivilDate, summary: String = "") {
        self.source = source
        self.date = date
        self.summary = summary
    }
}

/// A vote of a cell or a committee, with the base the 2/3 is computed from.
public struct VoteRecord: Codable, Sendable, Equatable {
    public var date: CivilDate
    /// Members whose votes count (the base of the 2/3).
    public var eligible: Int
    public var votesFor: Int
    public var votesAgainst: Int

    public init(date: CivilDate, eligible: Int, votesFor: Int, votesAgainst: Int) {
        self.date = date
        self.eligible = eligible
        self.votesFor = votesFor
        self.votesAgainst = votesAgainst
    }
}

/// A decision of the deciding body: admission (9-KNĐ) or recognition as official member.
public struct Decision: Codable, Sendable, Equatable {
    public var number: String
    public var date: CivilDate
    public var body: String
    /// When the cell received it: the 30 working days to the ceremony count from here.
    public var received: CivilDate?

    public init(number: String, date: CivilDate, body: String, received: CivilDate? = nil) {
        self.number = number
        self.date = date
        self.body = body
        self.received = received
    }
}

/// A paper received for the file, with its date, for the validity checks.
public struct DocumentRecord: Codable, Sendable, Equatable {
    public var kind: DocumentKind
    public var date: CivilDate
    public var note: String

    public init(kind: DocumentKind, date: CivilDate, note: String = "") {
        self.kind = kind
        self.date = date
        self.note = note
    }
}

/// The forms of the admission and recognition files (HD 12-HD/BTCTW, appendix 3).
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case certificate, application, biography, introduction, unionResolution, opinions, cellResolution,
        subCommitteeReview, committeeResolution, admissionDecision, selfReview, mentorAssessment,
        combinedOpinions, recognitionCellResolution, recognitionCommitteeResolution, recognitionDecision,
        healthCertificate, other

    public var vietnamese: String {
        switch self {
        case .certificate: "Giấy chứng nhận bồi dưỡng (CN-NTVĐ)"
        case .application: "Đơn xin vào Đảng (1-KNĐ)"
        case .biography: "Lý lịch người xin vào Đảng (2-KNĐ)"
        case .introduction: "Giấy giới thiệu (3-KNĐ)"
        case .unionResolution: "Nghị quyết giới thiệu của Đoàn/Công đoàn (4-KNĐ, 4A-KNĐ)"
        case .opinions: "Tổng hợp ý kiến (5-KNĐ)"
        case .cellResolution: "Nghị quyết chi bộ (6-KNĐ)"
        case .subCommitteeReview: "Báo cáo thẩm định của đảng ủy bộ phận (7-KNĐ)"
        case .committeeResolution: "Nghị quyết đảng ủy cơ sở (8-KNĐ)"
        case .admissionDecision: "Quyết định kết nạp (9-KNĐ)"
        case .selfReview: "Bản tự kiểm điểm (10-KNĐ)"
        case .mentorAssessment: "Nhận xét của đảng viên giúp đỡ (11-KNĐ)"
        case .combinedOpinions: "Tổng hợp ý kiến (12-KNĐ)"
        case .recognitionCellResolution: "Nghị quyết chi bộ công nhận chính thức (13-KNĐ)"
        case .recognitionCommitteeResolution: "Nghị quyết đảng ủy công nhận chính thức (15-KNĐ)"
        case .recognitionDecision: "Quyết định công nhận chính thức (16-KNĐ)"
        case .healthCertificate: "Giấy khám sức khỏe"
        case .other: "Giấy tờ khác"
        }
    }
}

/// Why and when a case went to a side state, and who decided.
public struct SideStateRecord: Codable, Sendable, Equatable {
    public var reason: String
    public var date: CivilDate
    public var decidedBy: String
    /// Where a paused or expired case goes back to when it resumes.
    public var resumeState: CaseState?
    /// For a revoked decision: struck for the standards, or to redo for the procedure.
    public var revocation: RevocationKind?

    public init(
        reason: String, date: CivilDate, decidedBy: String, resumeState: CaseState? = nil,
        revocation: RevocationKind? = nil
    ) {
        self.reason = reason
        self.date = date
        self.decidedBy = decidedBy
        self.resumeState = resumeState
        self.revocation = revocation
    }
}

/// Why an admission decision was cancelled (the two cases have opposite consequences).
public enum RevocationKind: String, Codable, Sendable, CaseIterable {
    /// The candidate did not meet the standards: the name is struck.
    case standards
    /// The authority or the procedure was wrong: the procedure is redone.
    case procedure

    public var vietnamese: String { self == .standards ? "Sai tiêu chuẩn" : "Sai thẩm quyền, thủ tục" }
}

/// One change of the file: who, when, what, before → after. Never edited, only appended.
public struct HistoryEntry: Codable, Sendable, Equatable {
    public var date: CivilDate
    public var actor: String
    public var action: String
    public var summary: String
    public var changes: [FieldChange]
    /// Set by the store when the entry is saved: a hash over this entry and the previous entry's seal,
    /// so `hoso check` notices an entry edited, removed or inserted outside HoSo. Nil in older data.
    public var seal: String?

    public init(date: CivilDate, actor: String, action: String, summary: String, changes: [FieldChange] = []) {
        self.date = date
        self.actor = actor
        self.action = action
        self.summary = summary
        self.changes = changes
    }
}

/// A field's value before and after a change, as text a person reads.
public struct FieldChange: Codable, Sendable, Equatable {
    public var field: String
    public var before: String
    public var after: String

    public init(field: String, before: String, after: String) {
        self.field = field
        self.before = before
        self.after = after
    }
}

extension VerificationItem {
    /// For a party-member relative still without a result: how to record the exemption, which nothing else
    /// would tell the clerk (the item is the `number`-th of file `caseID`, from 1).
    public func exemptionHint(caseID: CaseID, number: Int) -> String? {
        guard isPartyMember, result == nil else { return nil }
        return "người thân là đảng viên: ghi kết quả miễn thẩm tra bằng "
            + "hoso case verify result \(caseID) --item \(number) --result exempt"
    }

    /// Subjects born before the boundary year may have a pre-1975 history to search in archives (seed 002).
    public func needsArchiveSearch(rulebook: Rulebook) -> Bool {
        birthYear < rulebook[.archiveSearchBirthYear]
    }
}
