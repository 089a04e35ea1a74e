/// The papers a clerk drafts at the steps of the procedure, filled from the file and printed in the frame
/// of a party document, ready to be signed: the cell's resolution proposing admission (6-KNĐ), the
/// grassroots committee's resolution (8-KNĐ), the cell's resolution proposing recognition as an official
/// member (11-KNĐ), and the list of a class's candidates.
public enum StepDocument: String, CaseIterable, Sendable {
    case cellResolution = "cell-resolution"
    case committeeResolution = "committee-resolution"
    case recognitionResolution = "recognition-resolution"
    case classList = "class-list"

    public var vietnamese: String {
        switch self {
        case .cellResolution: "Nghị quyết chi bộ đề nghị kết nạp đảng viên (6-KNĐ)"
        case .committeeResolution: "Nghị quyết đảng ủy cơ sở đề nghị kết nạp đảng viên (8-KNĐ)"
        case .recognitionResolution: "Nghị quyết chi bộ đề nghị công nhận đảng viên chính thức (11-KNĐ)"
        case .classList: "Danh sách quần chúng học lớp bồi dưỡng nhận thức về Đảng"
        }
    }

    /// The heading printed on the paper.
    public var title: String {
        switch self {
        case .cellResolution, .committeeResolution: "Nghị quyết đề nghị kết nạp đảng viên"
        case .recognitionResolution: "Nghị quyết đề nghị công nhận đảng viên chính thức"
        case .classList: "Danh sách quần chúng học lớp bồi dưỡng nhận thức về Đảng"
        }
    }

    /// The sign after the number's dash: NQ for a resolution, DS for a list.
    var numberKind: String { self == .classList ? "DS" : "NQ" }
}

/// Why a paper cannot be drawn up yet: the step it records has not been taken.
public struct StepDocumentProblem: Error, Sendable, Equatable {
    public let message: String

    public init(message: String) { self.message = message }
}

extension StepDocument {
    /// The paper for `file`, dated `date` (the day of the step by default). `classmates`: every file of the
    /// organisation, for the class list. Refused, naming the missing step, when the file lacks what it records.
    public func draw(
        for file: CaseFile, organisation: Organisation, classmates: [CaseFile] = [], date: CivilDate? = nil, number: Int? = nil
    ) throws(StepDocumentProblem) -> ReportDocument {
        let cell = organisation.units[file.unitID]
        let committee = DocumentFrame.superiorUnit(of: cell, in: organisation)
        let person = file.person
        let identity = "Sinh ngày \(person.birthDate.vietnamese); giới tính: \(person.sex.vietnamese); dân tộc: \(person.ethnicity); "
            + "tôn giáo: \(person.religion); nghề nghiệp: \(person.occupation.isEmpty ? "…" : person.occupation); "
            + "trình độ học vấn: \(person.education.vietnamese); nơi cư trú: \(person.homeAddress.isEmpty ? "…" : person.homeAddress)."
        func missing(_ what: String, step: String) -> StepDocumentProblem {
            StepDocumentProblem(
                message: "Hồ sơ \(file.id) chưa có \(what) (bước \(step)), nên chưa lập được \(vietnamese.lowercasedFirst). "
                    + "Hãy ghi bước đó trước: hoso case do \(file.id) \(step) …")
        }
        func votes(_ vote: VoteRecord, base: String) -> String {
            let share = vote.eligible > 0 ? Double(vote.votesFor) * 100 / Double(vote.eligible) : 0
            return "Kết quả biểu quyết: \(vote.votesFor)/\(vote.eligible) \(base) tán thành (đạt \(Percent.text(share, decimals: 1))), "
                + "\(vote.votesAgainst) không tán thành."
        }
        let cellName = cell?.name ?? file.unitID.rawValue
        let committeeName = committee.map(PartyBodyName.committee) ?? "cấp ủy cấp trên"
        var body: [String] = []
        var tables: [ReportTable] = []
        let issuer: Unit?
        let day: CivilDate
        switch self {
        case .cellResolution:
            guard let vote = file.cellVote else { throw missing("biểu quyết của chi bộ", step: "cell-vote") }
            issuer = cell
            day = date ?? vote.date
            body.append("Ngày \(vote.date.vietnamese), \(cellName) họp xét đề nghị kết nạp quần chúng \(person.fullName) vào Đảng.")
            body.append(identity)
            body += Self.training(file) + Self.introductions(file, organisation: organisation)
            body.append(votes(vote, base: "đảng viên chính thức"))
            body.append("\(cellName) đề nghị \(committeeName) xem xét, kết nạp quần chúng \(person.fullName) vào Đảng Cộng sản Việt Nam.")
        case .committeeResolution:
            guard let vote = file.committeeVote else { throw missing("biểu quyết của đảng ủy cơ sở", step: "committee-vote") }
            guard let cellVote = file.cellVote else { throw missing("biểu quyết của chi bộ", step: "cell-vote") }
            issuer = committee ?? cell
            day = date ?? vote.date
            body.append(
                "Ngày \(vote.date.vietnamese), \(committeeName) họp xét đề nghị của \(cellName) (nghị quyết ngày \(cellVote.date.vietnamese)) "
                    + "về việc kết nạp quần chúng \(person.fullName) vào Đảng.")
            body.append(identity)
            body += Self.training(file) + Self.introductions(file, organisation: organisation)
            body.append("Chi bộ biểu quyết: \(cellVote.votesFor)/\(cellVote.eligible) đảng viên chính thức tán thành.")
            body.append(votes(vote, base: "cấp ủy viên"))
            body.append("\(committeeName) đề nghị cấp ủy có thẩm quyền quyết định kết nạp quần chúng \(person.fullName) vào Đảng Cộng sản Việt Nam.")
        case .recognitionResolution:
            guard let vote = file.recognitionVote else { throw missing("biểu quyết công nhận của chi bộ", step: "recognize") }
            guard let ceremony = file.ceremony else { throw missing("ngày lễ kết nạp", step: "hold-ceremony") }
            issuer = cell
            day = date ?? vote.date
            let end = file.officialSince ?? file.probationCompleted ?? ceremony.adding(months: 12)
            body.append("Ngày \(vote.date.vietnamese), \(cellName) họp xét công nhận đảng viên chính thức cho đồng chí \(person.fullName).")
            body.append(identity)
            if let decision = file.decision {
                body.append("Được kết nạp vào Đảng theo Quyết định số \(decision.number) ngày \(decision.date.vietnamese) của \(decision.body); lễ kết nạp ngày \(ceremony.vietnamese).")
            } else {
                body.append("Lễ kết nạp ngày \(ceremony.vietnamese).")
            }
            if let certificate = file.newMemberCertificate {
                body.append("Đã học lớp bồi dưỡng đảng viên mới: giấy chứng nhận số \(certificate.number) do \(certificate.issuer) cấp ngày \(certificate.issued.vietnamese).")
            }
            body.append(votes(vote, base: "đảng viên chính thức"))
            body.append(
                "\(cellName) đề nghị \(committeeName) công nhận đồng chí \(person.fullName) là đảng viên chính thức, "
                    + "kể từ ngày \(end.vietnamese) (ngày hết 12 tháng dự bị).")
        case .classList:
            guard let enrolment = file.enrolment else { throw missing("lớp bồi dưỡng", step: "enroll") }
            issuer = committee ?? cell
            day = date ?? enrolment.enrolled
            let members = classmates.filter { $0.enrolment?.className == enrolment.className }
                .sorted { VietnameseCollation.sortKey(forFullName: $0.person.fullName) < VietnameseCollation.sortKey(forFullName: $1.person.fullName) }
            body.append("Danh sách quần chúng ưu tú đề nghị học \(enrolment.className) (\(members.count) người).")
            tables.append(
                ReportTable(
                    title: enrolment.className,
                    columns: ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi bộ", "Nghề nghiệp", "Trình độ học vấn"],
                    rows: members.enumerated().map { index, member in
                        [
                            String(index + 1), member.person.fullName, member.person.birthDate.vietnamese, member.person.sex.vietnamese,
                            organisation.units[member.unitID]?.name ?? member.unitID.rawValue, member.person.occupation,
                            member.person.education.vietnamese,
                        ]
                    },
                    numericColumns: [0]))
        }
        let frame = DocumentFrame.make(issuedBy: issuer, in: organisation, fallbackName: cellName, date: day, number: number, kind: numberKind)
        return ReportDocument(
            title: title, unitName: issuer.map(PartyBodyName.committee) ?? cellName,
            periodLabel: subject(file), date: day, tables: tables,
            confidential: true, frame: frame, body: body, portrait: true)
    }

    /// The line under the title: who the paper is about.
    private func subject(_ file: CaseFile) -> String {
        switch self {
        case .classList: file.enrolment?.className ?? ""
        case .recognitionResolution: "Đảng viên dự bị \(file.person.fullName) — hồ sơ \(file.id)"
        case .cellResolution, .committeeResolution: "Quần chúng \(file.person.fullName) — hồ sơ \(file.id)"
        }
    }

    private static func training(_ file: CaseFile) -> [String] {
        guard let certificate = file.certificate else { return [] }
        return [
            "Đã học lớp bồi dưỡng nhận thức về Đảng: giấy chứng nhận số \(certificate.number) do \(certificate.issuer) cấp ngày \(certificate.issued.vietnamese)."
        ]
    }

    private static func introductions(_ file: CaseFile, organisation: Organisation) -> [String] {
        var lines: [String] = []
        if let union = file.unionResolution {
            lines.append("Được \(union.body.vietnamese) giới thiệu bằng nghị quyết ngày \(union.date.vietnamese).")
        }
        let names = file.introducers.map { organisation.members[$0.memberID]?.fullName ?? $0.memberID.rawValue }
        if !names.isEmpty { lines.append("Đảng viên giới thiệu: " + names.joined(separator: ", ") + ".") }
        if let concluded = file.verificationConcluded {
            lines.append("Lý lịch đã được thẩm tra, kết luận ngày \(concluded.vietnamese).")
        }
        return lines
    }
}
