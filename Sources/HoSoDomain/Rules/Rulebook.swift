/// The figures the engine applies: the regulations' defaults, with the unit's overrides.
public struct Rulebook: Sendable, Equatable {
    private var overrides: [RuleKey: Int]

    /// The regulations' figures, nothing overridden.
    public static let standard = Rulebook(overrides: [:])

    private init(overrides: [RuleKey: Int]) { self.overrides = overrides }

    public subscript(key: RuleKey) -> Int { overrides[key] ?? key.defaultValue }

    public var overriddenKeys: [RuleKey] { RuleKey.allCases.filter { overrides[$0] != nil } }

    /// The rulebook with the overrides of a unit's `rules.json` applied.
    ///
    /// A statutory figure may be tightened, never loosened (`RuleKey.statutoryBound`). Every problem of
    /// the file is reported at once, so a clerk fixes it in one pass.
    public func overriding(_ values: [String: Int]) throws(RuleOverrideError) -> Rulebook {
        var problems: [String] = []
        var result = self
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let key = RuleKey(rawValue: name) else {
                problems.append("Không có tham số tên \"\(name)\".")
                continue
            }
            guard key.allowedRange.contains(value) else {
                problems.append(
                    "Tham số \(name) = \(value) nằm ngoài khoảng cho phép "
                        + "\(key.allowedRange.lowerBound)…\(key.allowedRange.upperBound).")
                continue
            }
            result.overrides[key] = value
        }
        if result[.minimumAgeMonths] > result[.maximumAgeMonths] {
            problems.append("Tuổi tối thiểu lớn hơn tuổi tối đa.")
        }
        if result[.cellVoteNumerator] > result[.cellVoteDenominator]
            || result[.committeeVoteNumerator] > result[.committeeVoteDenominator]
        {
            problems.append("Tỷ lệ tán thành không được lớn hơn 1 (tử số lớn hơn mẫu số).")
        }
        problems += result.statutoryProblems()
        guard problems.isEmpty else { throw RuleOverrideError(problems: problems) }
        return result
    }

    /// Votes needed out of `eligible`: the smallest whole number reaching the fraction
    /// (2/3 of 8 is 5.33…, so 6 votes).
    public func votesNeeded(of eligible: Int, numerator: RuleKey, denominator: RuleKey) -> Int {
        let num = self[numerator]
        let den = self[denominator]
        return (num * eligible + den - 1) / den
    }
}

/// A rules override file that cannot be applied; lists every problem.
public struct RuleOverrideError: Error, Sendable, Equatable {
    public let problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var message: String {
        "Tệp tham số quy định (rules.json) không hợp lệ:\n" + problems.map { "  • \($0)" }.joined(separator: "\n")
            + "\nHãy sửa tệp (xem docs/workflow.md để biết tên và khoảng giá trị) rồi chạy lại."
    }
}
