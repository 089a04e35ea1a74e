/// A step of the procedure, with what the clerk records for it. The date, the actor and the unit
/// come in the `WorkflowContext`, so every step happens on a stated day.
public enum Event: Sendable, Equatable {
    case admitToSourceList(mentors: [MemberID])
    case enrollInClass(className: String)
    /// `issued`: the certificate's own date; the step's date when not given.
    case certify(number: String, issuer: String, issued: CivilDate? = nil)
    /// `biographyDate`: the date of the biography (2-KNĐ) received; the step's date when not given.
    case fileDossier(applicationDate: CivilDate, biographyDate: CivilDate? = nil)
    case startVerification
    case concludeVerification
    case collectIntroductions
    case cellVote(votesFor: Int, votesAgainst: Int, exemptAbsent: Int)
    case committeeVote(votesFor: Int, votesAgainst: Int)
    case issueDecision(number: String, body: String, received: CivilDate?)
    case holdCeremony
    case completeProbation
    case recognize(
        votesFor: Int, votesAgainst: Int, exemptAbsent: Int, certificate: Certificate?, decisionNumber: String,
        decisionBody: String)
    case remove(reason: String)
    case reenter
    case pause(reason: String)
    case resume
    case expire(reason: String)
    case renew(certificate: Certificate?)
    case transfer(destination: String)
    case refuse(reason: String)
    case revokeDecision(reason: String, kind: RevocationKind)
    case redoProcedure
    case strikeOff(reason: String)
    case withdraw(reason: String)

    /// The event without its data: what the transition table is keyed by.
    public enum Kind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        case admitToSourceList = "admit-to-list"
        case enrollInClass = "enroll"
        case certify
        case fileDossier = "file-dossier"
        case startVerification = "start-verification"
        case concludeVerification = "conclude-verification"
        case collectIntroductions = "collect-introductions"
        case cellVote = "cell-vote"
        case committeeVote = "committee-vote"
        case issueDecision = "decide"
        case holdCeremony = "hold-ceremony"
        case completeProbation = "complete-probation"
        case recognize
        case remove
        case reenter
        case pause
        case resume
        case expire
        case renew
        case transfer
        case refuse
        case revokeDecision = "revoke-decision"
        case redoProcedure = "redo-procedure"
        case strikeOff = "strike-off"
        case withdraw

        public var description: String { rawValue }

        /// The step's name as a clerk says it.
        public var vietnamese: String {
            switch self {
            case .admitToSourceList: "Chi bộ kết nạp vào danh sách cảm tình đảng"
            case .enrollInClass: "Cử đi học lớp bồi dưỡng nhận thức về Đảng"
            case .certify: "Ghi nhận giấy chứng nhận bồi dưỡng"
            case .fileDossier: "Nhận đơn và lý lịch"
            case .startVerification: "Gửi thẩm tra lý lịch"
            case .concludeVerification: "Kết luận lý lịch"
            case .collectIntroductions: "Đủ giới thiệu và ý kiến nhận xét"
            case .cellVote: "Chi bộ biểu quyết kết nạp"
            case .committeeVote: "Đảng ủy cơ sở biểu quyết"
            case .issueDecision: "Ghi nhận quyết định kết nạp"
            case .holdCeremony: "Tổ chức lễ kết nạp"
            case .completeProbation: "Hết 12 tháng dự bị"
            case .recognize: "Công nhận đảng viên chính thức"
            case .remove: "Đưa ra khỏi danh sách nguồn"
            case .reenter: "Đưa trở lại danh sách nguồn"
            case .pause: "Tạm dừng hồ sơ"
            case .resume: "Tiếp tục hồ sơ"
            case .expire: "Ghi nhận giấy tờ hết hạn"
            case .renew: "Bổ sung giấy tờ mới"
            case .transfer: "Chuyển hồ sơ đi"
            case .refuse: "Không kết nạp"
            case .revokeDecision: "Hủy quyết định kết nạp"
            case .redoProcedure: "Làm lại thủ tục"
            case .strikeOff: "Xóa tên đảng viên dự bị"
            case .withdraw: "Rút hồ sơ"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .admitToSourceList: .admitToSourceList
        case .enrollInClass: .enrollInClass
        case .certify: .certify
        case .fileDossier: .fileDossier
        case .startVerification: .startVerification
        case .concludeVerification: .concludeVerification
        case .collectIntroductions: .collectIntroductions
        case .cellVote: .cellVote
        case .committeeVote: .committeeVote
        case .issueDecision: .issueDecision
        case .holdCeremony: .holdCeremony
        case .completeProbation: .completeProbation
        case .recognize: .recognize
        case .remove: .remove
        case .reenter: .reenter
        case .pause: .pause
        case .resume: .resume
        case .expire: .expire
        case .renew: .renew
        case .transfer: .transfer
        case .refuse: .refuse
        case .revokeDecision: .revokeDecision
        case .redoProcedure: .redoProcedure
        case .strikeOff: .strikeOff
        case .withdraw: .withdraw
        }
    }
}
