/// One requirement of a step, checked against a file: met, or a sentence saying why not.
///
/// The TUI shows the whole list as a checklist (✓ / ✗); the CLI prints the unmet ones; a refused
/// step carries them. `detail` states the actual values, `source` the rule it comes from.
public struct Requirement: Sendable, Equatable, Codable {
    /// A stable identifier, e.g. "age.minimum", for tests and scripts.
    public var code: String
    /// What is required, whether or not it holds: "Đủ 18 tuổi tại ngày chi bộ xét".
    public var title: String
    public var isMet: Bool
    /// The finding with the file's values: "17 năm 9 tháng tại ngày chi bộ xét; cần đủ 18 tuổi".
    public var detail: String
    public var source: String
    /// The parameter of the rulebook involved, if any.
    public var rule: RuleKey?
    /// Met by what the clerk enters for the step itself (the vote, the decision number…): before the
    /// step's form is filled it cannot hold, so it does not make a file "blocked".
    public var suppliedByStep: Bool

    public init(
        code: String, title: String, isMet: Bool, detail: String, source: String, rule: RuleKey? = nil,
        suppliedByStep: Bool = false
    ) {
        self.code = code
        self.title = title
        self.isMet = isMet
        self.detail = detail
        self.source = source
        self.rule = rule
        self.suppliedByStep = suppliedByStep
    }

    /// The sentence a clerk reads: the finding and its source.
    public var sentence: String { source.isEmpty ? detail : "\(detail) (\(source))" }
}

extension [Requirement] {
    /// The list without a requirement whose sentence was already said: with nothing recorded yet, the
    /// number and the issuer of a paper both read "Chưa có giấy chứng nhận", and a clerk needs it once.
    public var withoutRepeatedSentences: [Requirement] {
        var seen = Set<String>()
        return filter { seen.insert($0.sentence).inserted }
    }
}

/// Why a step was not taken.
public enum WorkflowError: Error, Sendable, Equatable {
    /// The table has no such step from the file's state.
    case notAllowed(event: Event.Kind, state: CaseState, allowed: [Event.Kind])
    /// The step exists but requirements are unmet; every one of them is listed.
    case refused(event: Event.Kind, target: CaseState, unmet: [Requirement])
    /// What was typed cannot be right (a date that does not exist, more votes than voters, …).
    case invalidInput([String])
    /// The person acting does not hold a role that allows this.
    case notPermitted(AccessRefusal)
    /// The step was chosen while the file was in `seen`; it has moved to `now` since.
    case stateMoved(event: Event.Kind, seen: CaseState, now: CaseState)
    /// Fields of an identity correction that someone else changed meanwhile to another value.
    case conflict([FieldConflict])

    /// The message for a clerk, in Vietnamese, saying what to do.
    public var message: String {
        switch self {
        case .notAllowed(let event, let state, let allowed):
            let options =
                allowed.isEmpty
                ? "Hồ sơ ở trạng thái này không còn bước nào."
                : "Các bước có thể làm: " + allowed.map { "\($0.rawValue) (\($0.vietnamese))" }.joined(separator: ", ")
                    + "."
            return "Không thể \"\(event.vietnamese.lowercasedFirst)\" khi hồ sơ đang ở trạng thái "
                + "\"\(state.vietnamese)\". \(options)"
        case .refused(let event, let target, let unmet):
            return "Chưa thể \"\(event.vietnamese.lowercasedFirst)\" (chuyển sang \"\(target.vietnamese)\"): "
                + "còn \(unmet.count) yêu cầu chưa đạt:\n"
                + unmet.map { "  ✗ \($0.sentence)" }.joined(separator: "\n")
        case .invalidInput(let problems):
            return "Dữ liệu nhập không hợp lệ:\n" + problems.map { "  • \($0)" }.joined(separator: "\n")
        case .notPermitted(let refusal):
            return refusal.message
        case .stateMoved(let event, let seen, let now):
            return "Trong lúc bạn nhập, hồ sơ đã chuyển từ \"\(seen.vietnamese)\" sang \"\(now.vietnamese)\"; "
                + "bước \"\(event.vietnamese.lowercasedFirst)\" chưa được ghi. Xem lại hồ sơ rồi làm lại nếu vẫn cần."
        case .conflict(let fields):
            return "Trong lúc bạn sửa, người khác đã sửa cùng thông tin; chưa ghi gì. Chọn giá trị đúng cho từng trường rồi lưu lại:\n"
                + fields.map { "  • " + $0.sentence }.joined(separator: "\n")
        }
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
