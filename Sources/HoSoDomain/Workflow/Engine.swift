/// Takes a step: checks the table, the input and every requirement, then returns the new file.
/// Pure: the file passed in is not changed, and nothing outside is read or written.
extension Workflow {
    public static func apply(_ event: Event, to file: CaseFile, context: WorkflowContext) throws(WorkflowError)
        -> CaseFile
    {
        let kind = event.kind
        try context.authorize(.step(kind), on: file)
        guard let rule = rule(for: kind, from: file.state) else {
            throw .notAllowed(event: kind, state: file.state, allowed: events(from: file.state))
        }
        let problems = inputProblems(of: event, file: file, context: context)
        guard problems.isEmpty else { throw .invalidInput(problems) }

        var next = file
        var changes: [FieldChange] = []
        record(event, into: &next, changes: &changes, context: context)

        let target: CaseState
        switch rule.target {
        case .state(let state): target = state
        case .stateLeft:
            guard let back = file.sideState?.resumeState else {
                throw .invalidInput(["Không biết hồ sơ đã dừng ở trạng thái nào để quay lại."])
            }
            target = back
        }
        let unmet = stepRequirements(kind, target: target, next: next, previous: file, context: context)
            .filter { !$0.isMet }.withoutRepeatedSentences
        guard unmet.isEmpty else { throw .refused(event: kind, target: target, unmet: unmet) }

        next.state = target
        next.stateSince = context.date
        if target.isMainPath { next.sideState = nil }
        changes.insert(FieldChange(field: "Trạng thái", before: file.state.vietnamese, after: target.vietnamese), at: 0)
        next.history.append(
            HistoryEntry(
                date: context.date, actor: context.actor, action: kind.rawValue, summary: kind.vietnamese,
                changes: changes))
        return try keepingInvariants(next, over: file)
    }

    /// What a step would require now, with the file as it is: the checklist shown before a step.
    public static func preview(_ kind: Event.Kind, of file: CaseFile, context: WorkflowContext) -> [Requirement] {
        guard let target = destination(of: kind, for: file) else { return [] }
        return stepRequirements(kind, target: target, next: file, previous: file, context: context)
    }

    /// Every unmet requirement for reaching `target`, plus a note when no single step leads there.
    public static func blockers(to target: CaseState, of file: CaseFile, context: WorkflowContext) -> [Requirement] {
        let step = events(from: file.state).first { destination(of: $0, for: file) == target }
        var result: [Requirement] = []
        if step == nil {
            result.append(
                Requirement(
                    code: "table.unreachable", title: "Có bước dẫn tới trạng thái này", isMet: false,
                    detail: "Từ \"\(file.state.vietnamese)\" không có bước nào dẫn thẳng tới \"\(target.vietnamese)\"",
                    source: "Quy trình kết nạp (docs/workflow.md)"))
        }
        let requirements =
            step.map { preview($0, of: file, context: context) }
            ?? requirements(for: target, of: file, context: context)
        return result + requirements.filter { !$0.isMet }.withoutRepeatedSentences
    }

    static func stepRequirements(
        _ kind: Event.Kind, target: CaseState, next: CaseFile, previous: CaseFile, context: WorkflowContext
    ) -> [Requirement] {
        switch kind {
        case .resume:
            return []
        case .renew:
            guard target.isMainPath, let index = CaseState.mainPath.firstIndex(of: target),
                index >= CaseState.mainPath.firstIndex(of: .certified)!
            else { return [] }
            return [GuardSet(file: next, context: context).certificateValid(on: context.date)]
        case .redoProcedure:
            let kind = previous.sideState?.revocation
            return [
                Requirement(
                    code: "revocation.procedure", title: "Quyết định bị hủy vì sai thẩm quyền, thủ tục",
                    isMet: kind == .procedure,
                    detail: kind == .procedure
                        ? "Hủy vì sai thẩm quyền, thủ tục: làm lại thủ tục"
                        : "Hủy vì sai tiêu chuẩn: không làm lại được, phải xóa tên",
                    source: "Quy định 294-QĐ/TW (hủy quyết định kết nạp)")
            ]
        default:
            return requirements(for: target, of: next, context: context)
        }
    }

    static func inputProblems(of event: Event, file: CaseFile, context: WorkflowContext) -> [String] {
        var problems: [String] = []
        let (counts, committee) = context.unit.counts(on: context.date)
        func checkVotes(_ votesFor: Int, _ against: Int, eligible: Int, body: String) {
            if votesFor < 0 { problems.append("Số phiếu tán thành (\(votesFor)) phải từ 0 trở lên.") }
            if against < 0 { problems.append("Số phiếu không tán thành (\(against)) phải từ 0 trở lên.") }
            if votesFor + against > eligible {
                problems.append(
                    "Số phiếu (\(votesFor) tán thành + \(against) không tán thành = \(votesFor + against)) "
                        + "nhiều hơn số \(body) được biểu quyết (\(eligible)).")
            }
        }
        switch event {
        case .cellVote(let votesFor, let against, let exemptAbsent),
            .recognize(let votesFor, let against, let exemptAbsent, _, _, _):
            if exemptAbsent < 0 || exemptAbsent > counts.exempt {
                problems.append(
                    "Số đảng viên miễn sinh hoạt vắng mặt (\(exemptAbsent)) phải từ 0 đến \(counts.exempt).")
            }
            problems += counts.problems
            checkVotes(votesFor, against, eligible: cellEligible(counts, exemptAbsent: exemptAbsent), body: "đảng viên")
        case .committeeVote(let votesFor, let against):
            if committee == 0 {
                problems.append(committeeUnknown(in: context.unit.id, on: context.date))
            } else {
                checkVotes(votesFor, against, eligible: committee, body: "ủy viên")
            }
        case .certify(_, _, let issued):
            if let issued, issued > context.date {
                problems.append(
                    "Ngày cấp giấy chứng nhận (\(issued)) sau ngày ghi nhận (\(context.date)); ngày cấp không được muộn hơn ngày của bước.")
            }
        case .fileDossier(let applicationDate, let biographyDate):
            if applicationDate > context.date {
                problems.append("Ngày làm đơn (\(applicationDate)) sau ngày nhận hồ sơ (\(context.date)).")
            }
            if let biographyDate, biographyDate > context.date {
                problems.append("Ngày lý lịch (\(biographyDate)) sau ngày nhận hồ sơ (\(context.date)).")
            }
        case .issueDecision(_, _, let received):
            if let received, received < context.date {
                problems.append("Ngày nhận quyết định (\(received)) trước ngày ký quyết định (\(context.date)).")
            }
            if let received, let refusal = DateOrder.futureRefusal(received, today: context.today) {
                problems.append("Ngày nhận quyết định: " + refusal)
            }
        case .admitToSourceList(let mentors):
            if Set(mentors).count != mentors.count { problems.append("Một người giúp đỡ được ghi hai lần.") }
        default:
            break
        }
        for text in event.texts where !VietnameseText.controlCharacters(in: text).isEmpty {
            problems.append(VietnameseText.controlCharacterRefusal)
        }
        if let refusal = VietnameseText.lengthRefusal(event.texts, longest: VietnameseText.longestFreeText) { problems.append(refusal) }
        if let refusal = DateOrder.futureRefusal(context.date, today: context.today) { problems.append(refusal) }
        if context.date < file.stateSince {
            problems.append(
                "Ngày \(context.date) trước ngày của bước trước (\(file.stateSince)); các bước phải theo thứ tự thời gian.")
        }
        return problems
    }

    /// The committee's size is not known on `date`, with the command that records it.
    static func committeeUnknown(in unit: UnitID, on date: CivilDate) -> String {
        "Chưa khai số ủy viên đảng ủy của đơn vị ngày \(date). Khai bằng: "
            + "hoso units set-counts \(unit) --committee SỐ_ỦY_VIÊN --date \(date.iso)"
    }

    /// The base of the cell's 2/3: official members, less those attached elsewhere and the exempt ones absent.
    public static func cellEligible(_ counts: MemberCounts, exemptAbsent: Int) -> Int {
        max(0, counts.official - counts.attachedElsewhere - exemptAbsent)
    }

    static func record(_ event: Event, into file: inout CaseFile, changes: inout [FieldChange], context: WorkflowContext) {
        let date = context.date
        func note(_ field: String, _ after: String, before: String = "") {
            changes.append(FieldChange(field: field, before: before, after: after))
        }
        func enterSideState(_ reason: String, resume: CaseState? = nil, revocation: RevocationKind? = nil) {
            file.sideState = SideStateRecord(
                reason: VietnameseText.normalized(reason), date: date, decidedBy: context.actor, resumeState: resume,
                revocation: revocation)
            note("Lý do", reason)
        }
        switch event {
        case .admitToSourceList(let mentors):
            file.sympathizerResolution = date
            note("Nghị quyết chi bộ", date.vietnamese)
            for id in mentors where !file.activeMentors.contains(where: { $0.memberID == id }) {
                file.mentors.append(MentorAssignment(memberID: id, since: date))
                note("Người giúp đỡ", context.memberName(id))
            }
        case .enrollInClass(let className):
            file.enrolment = ClassEnrolment(className: VietnameseText.normalized(className), enrolled: date)
            note("Lớp bồi dưỡng", className)
        case .certify(let number, let issuer, let issuedOn):
            let issued = issuedOn ?? date
            file.certificate = Certificate(
                number: VietnameseText.normalized(number), issuer: VietnameseText.normalized(issuer), issued: issued)
            file.documents.append(DocumentRecord(kind: .certificate, date: issued, note: "Số \(number)"))
            note("Giấy chứng nhận", "Số \(number), \(issuer), ngày \(issued)")
        case .fileDossier(let applicationDate, let biographyDate):
            file.application = applicationDate
            let version = (file.latestBiography?.version ?? 0) + 1
            let written = biographyDate ?? date
            file.biographyVersions.append(BiographyVersion(version: version, date: written))
            note("Đơn xin vào Đảng", applicationDate.vietnamese)
            note("Lý lịch", "Bản \(version), ngày \(written)")
        case .startVerification, .concludeVerification, .collectIntroductions, .resume:
            if case .concludeVerification = event { file.verificationConcluded = date }
        case .cellVote(let votesFor, let against, let exemptAbsent):
            let eligible = cellEligible(context.unit.counts(on: date).members, exemptAbsent: exemptAbsent)
            file.cellVote = VoteRecord(date: date, eligible: eligible, votesFor: votesFor, votesAgainst: against)
            note("Chi bộ biểu quyết", "\(votesFor)/\(eligible) tán thành")
        case .committeeVote(let votesFor, let against):
            let eligible = context.unit.counts(on: date).committee
            file.committeeVote = VoteRecord(date: date, eligible: eligible, votesFor: votesFor, votesAgainst: against)
            note("Đảng ủy biểu quyết", "\(votesFor)/\(eligible) tán thành")
        case .issueDecision(let number, let body, let received):
            file.decision = Decision(
                number: VietnameseText.normalized(number), date: date, body: VietnameseText.normalized(body),
                received: received)
            note("Quyết định kết nạp", "Số \(number), \(body), ngày \(date)")
        case .holdCeremony:
            file.ceremony = date
            note("Lễ kết nạp", date.vietnamese)
        case .completeProbation:
            file.probationCompleted = date
            note("Hết dự bị", date.vietnamese)
        case .recognize(let votesFor, let against, let exemptAbsent, let certificate, let number, let body):
            let eligible = cellEligible(context.unit.counts(on: date).members, exemptAbsent: exemptAbsent)
            file.recognitionVote = VoteRecord(date: date, eligible: eligible, votesFor: votesFor, votesAgainst: against)
            if let certificate { file.newMemberCertificate = certificate }
            file.recognitionDecision = Decision(
                number: VietnameseText.normalized(number), date: date, body: VietnameseText.normalized(body))
            // Official from the day the probation ended, however late the cell met (QĐ 29-QĐ/TW, mục 4).
            file.officialSince = file.ceremony?.adding(months: context.rulebook[.probationMonths])
            note("Chi bộ biểu quyết công nhận", "\(votesFor)/\(eligible) tán thành")
            note("Quyết định công nhận", "Số \(number), \(body), ngày \(date)")
            if let since = file.officialSince { note("Đảng viên chính thức từ ngày", since.vietnamese) }
        case .remove(let reason):
            enterSideState(reason)
            file.removalDates.append(date)
        case .transfer(let reason), .refuse(let reason), .strikeOff(let reason), .withdraw(let reason):
            enterSideState(reason)
        case .pause(let reason), .expire(let reason):
            enterSideState(reason, resume: file.state)
        case .revokeDecision(let reason, let kind):
            enterSideState(reason, revocation: kind)
            note("Loại hủy", kind.vietnamese)
        case .reenter:
            file.sideState = nil
            file.nominationDate = date
            note("Giới thiệu lại", date.vietnamese)
        case .renew(let certificate):
            if let certificate {
                file.certificate = certificate
                file.documents.append(DocumentRecord(kind: .certificate, date: certificate.issued, note: "Cấp lại"))
                note("Giấy chứng nhận mới", "Số \(certificate.number), ngày \(certificate.issued)")
            }
        case .redoProcedure:
            file.sideState = nil
            file.cellVote = nil
            file.committeeVote = nil
            file.decision = nil
            file.ceremony = nil
            note("Làm lại thủ tục", "Từ bước giới thiệu")
        }
    }
}

extension Event {
    /// The free texts of the event, checked for control characters and length.
    var texts: [String] {
        switch self {
        case .enrollInClass(let name): [name]
        case .certify(let number, let issuer, _): [number, issuer]
        case .issueDecision(let number, let body, _): [number, body]
        case .recognize(_, _, _, let certificate, let number, let body):
            [number, body] + (certificate.map { [$0.number, $0.issuer] } ?? [])
        case .remove(let text), .pause(let text), .expire(let text), .transfer(let text), .refuse(let text),
            .revokeDecision(let text, _), .strikeOff(let text), .withdraw(let text):
            [text]
        case .renew(let certificate): certificate.map { [$0.number, $0.issuer] } ?? []
        default: []
        }
    }
}
