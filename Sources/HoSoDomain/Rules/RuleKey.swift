/// Every threshold, period and boundary of the procedure, by name.
///
/// Several figures are only partly confirmed by the sources (PROCEDURE.md marks them [P] or [U]);
/// that is why none of them is a constant in code: a unit may override any of them (`rules.json`),
/// a statutory one only to make it stricter (RuleStatute.swift).
public enum RuleKey: String, Codable, Sendable, CaseIterable {
    case minimumAgeMonths
    case maximumAgeMonths
    case minimumEducation
    case certificateValidityMonths
    case documentValidityMonths
    case minimumOfficialMembers
    case cellVoteNumerator
    case cellVoteDenominator
    case committeeVoteNumerator
    case committeeVoteDenominator
    case youthMaximumAgeYears
    case introducerKnownMonths
    case introducersWithoutUnion
    case introducersWithUnion
    case decisionWorkingDays
    case decisionExtensionWorkingDays
    case ceremonyWorkingDays
    case probationMonths
    case probationReviewWorkingDays
    case recognitionDecisionWorkingDays
    case mentorNoteIntervalMonths
    case dueSoonWorkingDays
    case archiveSearchBirthYear
    case certificateExpiryWarningDays

    /// The value the regulations give, used unless the unit overrides it.
    public var defaultValue: Int {
        switch self {
        case .minimumAgeMonths: 18 * 12
        case .maximumAgeMonths: 60 * 12
        case .minimumEducation: EducationLevel.lowerSecondary.rank
        case .certificateValidityMonths: 60
        case .documentValidityMonths: 12
        case .minimumOfficialMembers: 3
        case .cellVoteNumerator, .committeeVoteNumerator: 2
        case .cellVoteDenominator, .committeeVoteDenominator: 3
        case .youthMaximumAgeYears: 30
        case .introducerKnownMonths: 12
        case .introducersWithoutUnion: 2
        case .introducersWithUnion: 1
        case .decisionWorkingDays: 60
        case .decisionExtensionWorkingDays: 30
        case .ceremonyWorkingDays: 30
        case .probationMonths: 12
        case .probationReviewWorkingDays: 30
        case .recognitionDecisionWorkingDays: 30
        case .mentorNoteIntervalMonths: 1
        case .dueSoonWorkingDays: 5
        case .archiveSearchBirthYear: 1959
        case .certificateExpiryWarningDays: 90
        }
    }

    /// The values an override may take; anything else is refused with a message.
    public var allowedRange: ClosedRange<Int> {
        switch self {
        case .minimumAgeMonths, .maximumAgeMonths: 0...1200
        case .minimumEducation: 0...(EducationLevel.allCases.count - 1)
        case .cellVoteNumerator, .cellVoteDenominator, .committeeVoteNumerator, .committeeVoteDenominator: 1...100
        case .archiveSearchBirthYear: 1900...2100
        case .youthMaximumAgeYears: 16...60
        case .minimumOfficialMembers, .introducersWithoutUnion, .introducersWithUnion: 1...20
        default: 0...3650
        }
    }

    /// What the figure is, in Vietnamese.
    public var vietnamese: String {
        switch self {
        case .minimumAgeMonths: "Tuổi tối thiểu khi chi bộ xét kết nạp — tính theo tháng"
        case .maximumAgeMonths: "Tuổi tối đa khi chi bộ xét kết nạp — tính theo tháng"
        case .minimumEducation:
            "Trình độ học vấn tối thiểu (0 chưa qua đào tạo, 1 tiểu học, 2 THCS, 3 THPT, …), trừ đơn vị được miễn"
        case .certificateValidityMonths: "Thời hạn giá trị của giấy chứng nhận bồi dưỡng nhận thức về Đảng — tháng"
        case .documentValidityMonths: "Thời hạn giá trị của các giấy tờ khác trong hồ sơ khi chi bộ xét — tháng"
        case .minimumOfficialMembers: "Số đảng viên chính thức tối thiểu của chi bộ để xét kết nạp"
        case .cellVoteNumerator: "Tỷ lệ tán thành của chi bộ: tử số"
        case .cellVoteDenominator: "Tỷ lệ tán thành của chi bộ: mẫu số"
        case .committeeVoteNumerator: "Tỷ lệ tán thành của đảng ủy cơ sở: tử số"
        case .committeeVoteDenominator: "Tỷ lệ tán thành của đảng ủy cơ sở: mẫu số"
        case .youthMaximumAgeYears: "Tuổi thanh niên tối đa tại ngày chi bộ xét — giới thiệu qua Đoàn"
        case .introducerKnownMonths: "Thời gian tối thiểu người giới thiệu cùng công tác, học tập, cư trú — tháng"
        case .introducersWithoutUnion: "Số đảng viên chính thức giới thiệu khi không qua Đoàn, Công đoàn"
        case .introducersWithUnion: "Số đảng viên chính thức giới thiệu kèm nghị quyết Đoàn hoặc Công đoàn"
        case .decisionWorkingDays: "Hạn ra quyết định kết nạp kể từ nghị quyết chi bộ — ngày làm việc"
        case .decisionExtensionWorkingDays: "Gia hạn tối đa cho quyết định kết nạp — ngày làm việc"
        case .ceremonyWorkingDays: "Hạn tổ chức lễ kết nạp kể từ khi nhận quyết định — ngày làm việc"
        case .probationMonths: "Thời gian dự bị kể từ ngày kết nạp — tháng"
        case .probationReviewWorkingDays: "Hạn chi bộ xét công nhận chính thức sau khi hết dự bị — ngày làm việc"
        case .recognitionDecisionWorkingDays: "Hạn ra quyết định công nhận chính thức — ngày làm việc"
        case .mentorNoteIntervalMonths: "Khoảng cách tối đa giữa hai lần báo cáo của người giúp đỡ — tháng"
        case .dueSoonWorkingDays: "Báo sắp đến hạn trong số ngày làm việc cuối cùng này"
        case .archiveSearchBirthYear: "Người sinh trước năm này cần sưu tra lưu trữ"
        case .certificateExpiryWarningDays: "Báo giấy chứng nhận sắp hết hạn trước số ngày này"
        }
    }

    /// Where the figure comes from, and how sure the sources are.
    public var source: String {
        switch self {
        case .minimumAgeMonths, .maximumAgeMonths: "Quy định 294-QĐ/TW — tuổi đời tính theo tháng"
        case .minimumEducation: "Quy định 294-QĐ/TW — trình độ học vấn"
        case .certificateValidityMonths: "Hướng dẫn 06-HD/TW, mục 5.4"
        case .documentValidityMonths: "Thực tiễn địa phương — chưa thấy văn bản trung ương; cần xác nhận"
        case .minimumOfficialMembers: "Quy định 294-QĐ/TW — chi bộ dưới 3 đảng viên chính thức; cần xác nhận"
        case .cellVoteNumerator, .cellVoteDenominator, .introducersWithoutUnion, .introducersWithUnion:
            "Điều lệ Đảng, Điều 4"
        case .committeeVoteNumerator, .committeeVoteDenominator: "Điều lệ Đảng, Điều 4 — cần xác nhận"
        case .youthMaximumAgeYears: "Luật Thanh niên 2020, Điều 1"
        case .introducerKnownMonths: "Quy định 294-QĐ/TW — người giới thiệu"
        case .decisionWorkingDays, .decisionExtensionWorkingDays, .recognitionDecisionWorkingDays:
            "Quy định 294-QĐ/TW — thời hạn xem xét, quyết định"
        case .ceremonyWorkingDays: "Quy định 294-QĐ/TW — lễ kết nạp"
        case .probationMonths: "Điều lệ Đảng, Điều 5"
        case .probationReviewWorkingDays: "Quy định 294-QĐ/TW — xét công nhận chính thức"
        case .mentorNoteIntervalMonths: "Kế hoạch 47-KH/QU, mục III.3 — báo cáo hằng tháng"
        case .dueSoonWorkingDays, .certificateExpiryWarningDays: "Thiết lập của HoSo"
        case .archiveSearchBirthYear: "Kế hoạch 47-KH/QU — phân loại hồ sơ theo năm 1959; chưa rõ căn cứ"
        }
    }
}

extension EducationLevel {
    /// The position in the list, used by the `minimumEducation` rule.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
