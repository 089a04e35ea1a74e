/// Which figures the Party's statutes set, and which way a unit may move them.
///
/// A statutory figure (the Charter, QĐ 294-QĐ/TW, HD 06-HD/TW, the Youth Law) binds every unit: a
/// unit's `rules.json` may make it stricter, never looser. The other figures are local practice or
/// HoSo's own settings, which a unit sets freely within their range.
public enum StatutoryBound: Sendable, Equatable {
    /// The statutory value is a floor: a unit may ask for more (an older minimum age, more introducers).
    case atLeast
    /// The statutory value is a ceiling: a unit may ask for less (a shorter deadline, a shorter validity).
    case atMost
    /// The value may not change at all (probation is 12 months, never extended or shortened).
    case exactly
    /// One half of a fraction (the 2/3 of a vote): the fraction as a whole may only grow.
    case fractionPart
}

extension RuleKey {
    /// The text that sets the figure when it is statutory; `nil` for local practice and HoSo's settings.
    public var statute: String? {
        switch self {
        case .minimumAgeMonths: "Điều lệ Đảng, Điều 1"
        case .introducersWithoutUnion, .introducersWithUnion, .introducerKnownMonths, .cellVoteNumerator,
            .cellVoteDenominator, .committeeVoteNumerator, .committeeVoteDenominator:
            "Điều lệ Đảng, Điều 4"
        case .probationMonths: "Điều lệ Đảng, Điều 5"
        case .maximumAgeMonths, .minimumEducation, .minimumOfficialMembers, .decisionWorkingDays,
            .decisionExtensionWorkingDays, .ceremonyWorkingDays, .probationReviewWorkingDays,
            .recognitionDecisionWorkingDays:
            "Quy định 294-QĐ/TW"
        case .certificateValidityMonths: "Hướng dẫn 06-HD/TW, mục 5.4"
        case .youthMaximumAgeYears: "Luật Thanh niên 2020; Quy định 294-QĐ/TW"
        case .documentValidityMonths, .mentorNoteIntervalMonths, .dueSoonWorkingDays, .archiveSearchBirthYear,
            .certificateExpiryWarningDays:
            nil
        }
    }

    /// How a unit may move a statutory figure; `nil` when the figure is not statutory.
    public var statutoryBound: StatutoryBound? {
        guard statute != nil else { return nil }
        switch self {
        case .minimumAgeMonths, .minimumEducation, .minimumOfficialMembers, .introducerKnownMonths,
            .introducersWithoutUnion, .introducersWithUnion:
            return .atLeast
        case .probationMonths: return .exactly
        case .cellVoteNumerator, .cellVoteDenominator, .committeeVoteNumerator, .committeeVoteDenominator:
            return .fractionPart
        default: return .atMost
        }
    }

    /// "Bắt buộc (Điều lệ Đảng, Điều 5): không được thay đổi", for the parameter table of docs/workflow.md.
    public var authorityText: String {
        guard let statute, let bound = statutoryBound else { return "Thực tiễn địa phương hoặc thiết lập của HoSo: đơn vị tự đặt" }
        let rule: String
        switch bound {
        case .atLeast: rule = "chỉ được đặt từ \(defaultValue) trở lên"
        case .atMost: rule = "chỉ được đặt từ \(defaultValue) trở xuống"
        case .exactly: rule = "không được thay đổi"
        case .fractionPart:
            let pair = Self.statutoryFractions.first { $0.numerator == self || $0.denominator == self }
            let fraction = pair.map { "\($0.numerator.defaultValue)/\($0.denominator.defaultValue)" } ?? "\(defaultValue)"
            rule = "tỷ lệ chỉ được đặt từ \(fraction) trở lên"
        }
        return "Bắt buộc (\(statute)): \(rule)"
    }

    /// The vote fractions whose two halves are judged together.
    static let statutoryFractions: [(numerator: RuleKey, denominator: RuleKey)] = [
        (.cellVoteNumerator, .cellVoteDenominator), (.committeeVoteNumerator, .committeeVoteDenominator),
    ]
}

extension Rulebook {
    /// Every statutory figure these overrides loosen, as a sentence naming the parameter, the statute
    /// and its value.
    func statutoryProblems() -> [String] {
        var problems: [String] = []
        for key in overriddenKeys {
            guard let statute = key.statute, let bound = key.statutoryBound else { continue }
            let value = self[key]
            let statutory = key.defaultValue
            let allowed: String? =
                switch bound {
                case .atLeast: value < statutory ? "đơn vị chỉ được đặt chặt hơn (từ \(statutory) trở lên)" : nil
                case .atMost: value > statutory ? "đơn vị chỉ được đặt chặt hơn (từ \(statutory) trở xuống)" : nil
                case .exactly: value != statutory ? "không đơn vị nào được thay đổi giá trị này" : nil
                case .fractionPart: nil
                }
            if let allowed {
                let verb = bound == .exactly ? "trái" : "nới lỏng"
                problems.append(
                    "Tham số \(key.rawValue) = \(value) \(verb) quy định: \(statute) quy định \(statutory); "
                        + "\(allowed). Hãy sửa hoặc xóa dòng này.")
            }
        }
        for (numerator, denominator) in RuleKey.statutoryFractions
        where overriddenKeys.contains(numerator) || overriddenKeys.contains(denominator) {
            // a/b ≥ c/d, without division.
            let lower = self[numerator] * denominator.defaultValue < numerator.defaultValue * self[denominator]
            if lower {
                problems.append(
                    "Tham số \(numerator.rawValue)/\(denominator.rawValue) = \(self[numerator])/\(self[denominator]) "
                        + "nới lỏng quy định: \(numerator.statute ?? "") quy định \(numerator.defaultValue)/\(denominator.defaultValue); "
                        + "đơn vị chỉ được đặt chặt hơn (tỷ lệ từ \(numerator.defaultValue)/\(denominator.defaultValue) trở lên). "
                        + "Hãy sửa hoặc xóa các dòng này.")
            }
        }
        return problems
    }
}
