import HoSoDomain
import Testing

private func problems(_ values: [String: Int]) -> [String] {
    do {
        _ = try Rulebook.standard.overriding(values)
        return []
    } catch {
        return error.problems
    }
}

/// Issue 16, item 6: a unit may tighten a statutory figure, never loosen it.
@Suite("Statutory figures")
struct RuleStatuteTests {
    @Test("Every parameter is statutory (with its text and bound) or local practice")
    func classified() {
        for key in RuleKey.allCases {
            #expect((key.statute == nil) == (key.statutoryBound == nil), "\(key)")
        }
        #expect(RuleKey.probationMonths.statute == "Điều lệ Đảng, Điều 5")
        #expect(RuleKey.minimumAgeMonths.statutoryBound == .atLeast)
        #expect(RuleKey.certificateValidityMonths.statutoryBound == .atMost)
        #expect(RuleKey.documentValidityMonths.statute == nil)
        #expect(RuleKey.dueSoonWorkingDays.statute == nil)
    }

    @Test("The issue's rules.json, probation 0 and minimum age 0, is refused naming both and their statutory values")
    func issueFileRefused() {
        #expect(
            problems(["probationMonths": 0, "minimumAgeMonths": 0]) == [
                "Tham số minimumAgeMonths = 0 nới lỏng quy định: Điều lệ Đảng, Điều 1 quy định 216; "
                    + "đơn vị chỉ được đặt chặt hơn (từ 216 trở lên). Hãy sửa hoặc xóa dòng này.",
                "Tham số probationMonths = 0 trái quy định: Điều lệ Đảng, Điều 5 quy định 12; "
                    + "không đơn vị nào được thay đổi giá trị này. Hãy sửa hoặc xóa dòng này.",
            ])
    }

    @Test("A floor: one below is refused, the statutory value and above are accepted", arguments: [(215, false), (216, true), (217, true)])
    func floor(value: Int, accepted: Bool) {
        #expect(problems(["minimumAgeMonths": value]).isEmpty == accepted)
    }

    @Test("A ceiling: one above is refused, the statutory value and below are accepted", arguments: [(59, true), (60, true), (61, false)])
    func ceiling(value: Int, accepted: Bool) {
        #expect(problems(["certificateValidityMonths": value]).isEmpty == accepted)
    }

    @Test("Probation is exactly 12 months", arguments: [(11, false), (12, true), (13, false)])
    func probationFixed(value: Int, accepted: Bool) {
        #expect(problems(["probationMonths": value]).isEmpty == accepted)
    }

    @Test("The vote's 2/3 may rise, not fall", arguments: [(3, 5, false), (2, 3, true), (4, 6, true), (3, 4, true), (5, 8, false)])
    func fraction(numerator: Int, denominator: Int, accepted: Bool) {
        #expect(problems(["cellVoteNumerator": numerator, "cellVoteDenominator": denominator]).isEmpty == accepted)
        #expect(problems(["committeeVoteNumerator": numerator, "committeeVoteDenominator": denominator]).isEmpty == accepted)
    }

    @Test("Local practice is set freely within its range")
    func localFree() throws {
        let rules = try Rulebook.standard.overriding(["documentValidityMonths": 24, "dueSoonWorkingDays": 0, "archiveSearchBirthYear": 1975])
        #expect(rules[.documentValidityMonths] == 24)
    }
}
