import Foundation
import HoSoDomain

/// The form of each step: the fields the engine's event needs, and the event built from them.
/// Only input is checked here (a number is a number); every rule is the engine's.
public enum StepForms {
    static let noMember = "(không)"

    /// "M001 — Trần Văn Hùng": how a member appears in a choice.
    static func memberOption(_ member: Member) -> String { "\(member.id.rawValue) — \(member.fullName)" }

    /// The member id at the start of a choice made by `memberOption`.
    static func memberID(from option: String) -> MemberID? {
        guard option != noMember, let id = option.components(separatedBy: " — ").first, !id.isEmpty else { return nil }
        return MemberID(id)
    }

    static func dateField(_ id: String = "date", _ label: String = "Ngày", value: CivilDate?, required: Bool = true) -> FormField {
        FormField(id: id, label: label, kind: .date, value: value?.vietnamese ?? "", isRequired: required)
    }

    static func numberField(_ id: String, _ label: String, value: String = "", required: Bool = false) -> FormField {
        FormField(id: id, label: label, value: value, isRequired: required, maxLength: 5) { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || Int(trimmed) != nil ? nil : "Phải là số"
        }
    }

    /// The form for `kind` on `file`.
    public static func form(for kind: Event.Kind, file: CaseFile, data: AppData) -> Form {
        let today = data.today
        var fields = [dateField(value: today)]
        let officials = data.officialMembers.map(memberOption)
        switch kind {
        case .admitToSourceList:
            fields.append(FormField(id: "mentor", label: "Người giúp đỡ", kind: .choice(officials), isRequired: true))
            fields.append(FormField(id: "mentor2", label: "Người giúp đỡ thứ hai", kind: .choice([noMember] + officials)))
        case .enrollInClass:
            fields.append(FormField(id: "className", label: "Tên lớp",
                                    value: "Lớp bồi dưỡng nhận thức về Đảng khóa \(today.month)/\(today.year)",
                                    isRequired: true))
        case .certify:
            fields.append(FormField(id: "number", label: "Số giấy chứng nhận", isRequired: true))
            fields.append(FormField(id: "issuer", label: "Nơi cấp", value: "Trung tâm Chính trị", isRequired: true))
            fields.append(dateField("certDate", "Ngày cấp (trống: ngày của bước)", value: nil, required: false))
        case .fileDossier:
            // What the file already holds: the application it records, else the one received (documents tab);
            // a biography received after the last version recorded is the new version's.
            let received = { (kind: DocumentKind) in file.documents.filter { $0.kind == kind }.map(\.date).max() }
            fields.append(dateField("application", "Ngày làm đơn", value: file.application ?? received(.application)))
            let version = (file.latestBiography?.version ?? 0) + 1
            let newBiography = received(.biography).flatMap { day in file.latestBiography.map { day > $0.date } ?? true ? day : nil }
            fields.append(dateField("biography", "Ngày lý lịch bản \(version) (trống: ngày của bước)", value: newBiography,
                                    required: false))
        case .cellVote:
            fields.append(numberField("for", "Số phiếu tán thành", required: true))
            fields.append(numberField("against", "Số phiếu không tán thành", value: "0"))
            fields.append(numberField("exempt", "Miễn sinh hoạt vắng mặt", value: "0"))
        case .committeeVote:
            fields.append(numberField("for", "Số phiếu tán thành", required: true))
            fields.append(numberField("against", "Số phiếu không tán thành", value: "0"))
        case .issueDecision:
            fields.append(FormField(id: "number", label: "Số quyết định", isRequired: true))
            fields.append(FormField(id: "body", label: "Cấp ủy ra quyết định", value: "Ban Thường vụ Đảng ủy", isRequired: true))
            fields.append(dateField("received", "Ngày chi bộ nhận", value: today, required: false))
        case .recognize:
            fields.append(numberField("for", "Số phiếu tán thành", required: true))
            fields.append(numberField("against", "Số phiếu không tán thành", value: "0"))
            fields.append(numberField("exempt", "Miễn sinh hoạt vắng mặt", value: "0"))
            fields.append(FormField(id: "certNumber", label: "Số GCN lớp đảng viên mới"))
            fields.append(FormField(id: "certIssuer", label: "Nơi cấp GCN", value: "Trung tâm Chính trị"))
            fields.append(dateField("certDate", "Ngày cấp GCN", value: nil, required: false))
            fields.append(FormField(id: "number", label: "Số quyết định công nhận", isRequired: true))
            fields.append(FormField(id: "body", label: "Cấp ủy ra quyết định", value: "Ban Thường vụ Đảng ủy", isRequired: true))
        case .remove, .pause, .expire, .refuse, .strikeOff, .withdraw:
            fields.append(FormField(id: "reason", label: "Lý do", isRequired: true))
        case .transfer:
            fields.append(FormField(id: "reason", label: "Chuyển đến", isRequired: true))
        case .revokeDecision:
            fields.append(FormField(id: "reason", label: "Lý do", isRequired: true))
            fields.append(FormField(id: "kind", label: "Loại hủy", kind: .choice(RevocationKind.allCases.map(\.vietnamese))))
        case .renew:
            fields.append(FormField(id: "certNumber", label: "Số giấy chứng nhận mới"))
            fields.append(FormField(id: "certIssuer", label: "Nơi cấp", value: "Trung tâm Chính trị"))
            fields.append(dateField("certDate", "Ngày cấp", value: nil, required: false))
        case .startVerification, .concludeVerification, .collectIntroductions, .holdCeremony, .completeProbation,
             .reenter, .resume, .redoProcedure:
            break
        }
        return Form(title: kind.vietnamese, fields: fields)
    }

    /// The event and its date from submitted `values`, or what is wrong with them.
    public static func event(for kind: Event.Kind, values: [String: String]) -> Result<(Event, CivilDate), StepInputError> {
        var problems: [String] = []
        func text(_ id: String) -> String { (values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        func number(_ id: String) -> Int {
            let value = text(id)
            if value.isEmpty { return 0 }
            guard let number = Int(value) else {
                problems.append("\"\(value)\" không phải là số.")
                return 0
            }
            return number
        }
        func date(_ id: String) -> CivilDate? { CivilDate(parsing: text(id)) }
        guard let day = date("date") else { return .failure(StepInputError(problems: ["Ngày không hợp lệ (dd/mm/yyyy)."])) }
        let event: Event
        switch kind {
        case .admitToSourceList:
            let mentors = [text("mentor"), text("mentor2")].compactMap(memberID(from:))
            event = .admitToSourceList(mentors: mentors)
        case .enrollInClass: event = .enrollInClass(className: text("className"))
        case .certify: event = .certify(number: text("number"), issuer: text("issuer"), issued: date("certDate"))
        case .fileDossier:
            guard let application = date("application") else {
                return .failure(StepInputError(problems: ["Cần ngày làm đơn (dd/mm/yyyy)."]))
            }
            event = .fileDossier(applicationDate: application, biographyDate: date("biography"))
        case .startVerification: event = .startVerification
        case .concludeVerification: event = .concludeVerification
        case .collectIntroductions: event = .collectIntroductions
        case .cellVote: event = .cellVote(votesFor: number("for"), votesAgainst: number("against"), exemptAbsent: number("exempt"))
        case .committeeVote: event = .committeeVote(votesFor: number("for"), votesAgainst: number("against"))
        case .issueDecision: event = .issueDecision(number: text("number"), body: text("body"), received: date("received"))
        case .holdCeremony: event = .holdCeremony
        case .completeProbation: event = .completeProbation
        case .recognize:
            event = .recognize(votesFor: number("for"), votesAgainst: number("against"), exemptAbsent: number("exempt"),
                               certificate: certificate(values), decisionNumber: text("number"), decisionBody: text("body"))
        case .remove: event = .remove(reason: text("reason"))
        case .reenter: event = .reenter
        case .pause: event = .pause(reason: text("reason"))
        case .resume: event = .resume
        case .expire: event = .expire(reason: text("reason"))
        case .renew: event = .renew(certificate: certificate(values))
        case .transfer: event = .transfer(destination: text("reason"))
        case .refuse: event = .refuse(reason: text("reason"))
        case .revokeDecision:
            let revocation = RevocationKind.allCases.first { $0.vietnamese == text("kind") } ?? .standards
            event = .revokeDecision(reason: text("reason"), kind: revocation)
        case .redoProcedure: event = .redoProcedure
        case .strikeOff: event = .strikeOff(reason: text("reason"))
        case .withdraw: event = .withdraw(reason: text("reason"))
        }
        guard problems.isEmpty else { return .failure(StepInputError(problems: problems)) }
        return .success((event, day))
    }

    private static func certificate(_ values: [String: String]) -> Certificate? {
        let number = (values["certNumber"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, let issued = CivilDate(parsing: values["certDate"] ?? "") else { return nil }
        return Certificate(number: number, issuer: values["certIssuer"] ?? "", issued: issued)
    }
}

/// Input that could not become an event (a number that is not a number).
public struct StepInputError: Error, Sendable, Equatable {
    public var problems: [String]
}
