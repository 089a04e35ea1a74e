/// The requirements of each state, checked on the file as it would be after the step.
///
/// One function per target state, as in the guard table of PROCEDURE.md. Each returns every
/// requirement, met or not, so the TUI can show the whole checklist.
extension Workflow {
    public static func requirements(for target: CaseState, of file: CaseFile, context: WorkflowContext)
        -> [Requirement]
    {
        let guards = GuardSet(file: file, context: context)
        switch target {
        case .sympathizer: return guards.sympathizer()
        case .inClass: return guards.inClass()
        case .certified: return guards.certified()
        case .dossier: return guards.dossier(suppliedByStep: true)
        case .verifying: return guards.verifying()
        case .verified: return guards.verified()
        case .introduced: return guards.introduced()
        case .cellApproved: return guards.cellApproved()
        case .committeeApproved: return guards.committeeApproved()
        case .decided: return guards.decided()
        case .probation: return guards.probation()
        case .probationReview: return guards.probationReview()
        case .official: return guards.official()
        case .removed, .paused, .expired, .transferred, .notAdmitted, .decisionRevoked, .struckOff, .withdrawn:
            return guards.sideStateReason()
        case .nominated: return []
        }
    }
}

struct GuardSet {
    /// The requirements of the cell's vote that rest on the person's identity (age, education, the
    /// introduction route by age): what a correction of the identity after the vote must be checked against again.
    static let identityCodes: Set<String> = [
        "age.minimum", "age.maximum", "education.minimum", "introduction.unionAtVote", "introduction.countAtVote",
    ]

    let file: CaseFile
    let context: WorkflowContext
    var rules: Rulebook { context.rulebook }
    var date: CivilDate { context.date }

    private func requirement(
        _ code: String, _ title: String, _ isMet: Bool, _ detail: String, source: String = "",
        rule: RuleKey? = nil, supplied: Bool = false
    ) -> Requirement {
        Requirement(
            code: code, title: title, isMet: isMet, detail: detail, source: rule?.source ?? source, rule: rule,
            suppliedByStep: supplied)
    }

    // MARK: Stage 1

    func sympathizer() -> [Requirement] {
        var result: [Requirement] = []
        let resolution = file.sympathizerResolution
        result.append(
            requirement(
                "sympathizer.resolution", "Có nghị quyết chi bộ đưa vào danh sách cảm tình đảng", resolution != nil,
                resolution.map { "Nghị quyết chi bộ ngày \($0)" } ?? "Chưa có ngày nghị quyết của chi bộ",
                source: "Kế hoạch 47-KH/QU, mục III.2", supplied: true))
        let mentors = file.activeMentors
        result.append(
            requirement(
                "sympathizer.mentor", "Có ít nhất 1 đảng viên chính thức được phân công giúp đỡ", !mentors.isEmpty,
                mentors.isEmpty
                    ? "Chưa phân công đảng viên giúp đỡ"
                    : "Người giúp đỡ: " + mentors.map { context.memberName($0.memberID) }.joined(separator: ", "),
                source: "Kế hoạch 47-KH/QU, mục III.3", supplied: true))
        for mentor in mentors {
            let member = context.members[mentor.memberID]
            let official = member?.isOfficial(on: date) ?? false
            let detail: String
            if let member {
                detail =
                    official
                    ? "\(member.fullName) là đảng viên chính thức"
                    : "\(member.fullName) chưa phải đảng viên chính thức"
            } else {
                detail = "Mã \(mentor.memberID) không có trong danh sách đảng viên của đơn vị"
            }
            result.append(
                requirement(
                    "sympathizer.mentorOfficial", "Người giúp đỡ là đảng viên chính thức", official, detail,
                    source: "Kế hoạch 47-KH/QU, mục III.3", supplied: true))
        }
        return result
    }

    // MARK: Stage 2

    func inClass() -> [Requirement] {
        let name = file.enrolment?.className ?? ""
        return [
            requirement(
                "class.enrolment", "Có tên lớp bồi dưỡng", !name.isEmpty,
                name.isEmpty ? "Chưa ghi lớp bồi dưỡng nhận thức về Đảng" : "Lớp: \(name)", supplied: true)
        ]
    }

    func certified() -> [Requirement] {
        let certificate = file.certificate
        var result = [
            requirement(
                "certificate.number", "Có số giấy chứng nhận", !(certificate?.number.isEmpty ?? true),
                certificate.map { $0.number.isEmpty ? "Thiếu số giấy chứng nhận" : "Số \($0.number)" }
                    ?? "Chưa có giấy chứng nhận",
                source: "Hướng dẫn 06-HD/TW", supplied: true),
            requirement(
                "certificate.issuer", "Có nơi cấp giấy chứng nhận", !(certificate?.issuer.isEmpty ?? true),
                certificate.map { $0.issuer.isEmpty ? "Thiếu nơi cấp" : "Nơi cấp: \($0.issuer)" }
                    ?? "Chưa có giấy chứng nhận",
                source: "Hướng dẫn 06-HD/TW", supplied: true),
        ]
        if let certificate, let enrolment = file.enrolment {
            result.append(
                requirement(
                    "certificate.afterClass", "Ngày cấp không trước ngày vào lớp",
                    certificate.issued >= enrolment.enrolled,
                    "Cấp ngày \(certificate.issued), vào lớp ngày \(enrolment.enrolled)", supplied: true))
        }
        return result
    }

    // MARK: Stage 3

    func dossier(suppliedByStep: Bool = false) -> [Requirement] {
        [
            requirement(
                "dossier.application", "Có đơn xin vào Đảng (1-KNĐ)", file.application != nil,
                file.application.map { "Đơn ngày \($0)" } ?? "Chưa có đơn xin vào Đảng",
                source: "Hướng dẫn 12-HD/BTCTW", supplied: suppliedByStep),
            requirement(
                "dossier.biography", "Có lý lịch người xin vào Đảng (2-KNĐ)", file.latestBiography != nil,
                file.latestBiography.map { "Lý lịch bản \($0.version), ngày \($0.date)" } ?? "Chưa có lý lịch",
                source: "Hướng dẫn 12-HD/BTCTW", supplied: suppliedByStep),
        ]
    }

    func verifying() -> [Requirement] {
        var result = dossier()
        if let application = file.application, let biography = file.latestBiography {
            result.append(
                requirement(
                    "dossier.order", "Đơn được viết trước lý lịch", application <= biography.date,
                    application <= biography.date
                        ? "Đơn ngày \(application), lý lịch ngày \(biography.date)"
                        : "Đơn ngày \(application) muộn hơn lý lịch ngày \(biography.date); đơn phải có trước",
                    source: "Hướng dẫn 12-HD/BTCTW"))
        }
        let hasCandidate = file.verificationItems.contains { $0.relation == .candidate }
        result.append(
            requirement(
                "verification.candidateItem", "Có phiếu thẩm tra cho bản thân người vào Đảng", hasCandidate,
                hasCandidate ? "Đã lập phiếu thẩm tra bản thân" : "Chưa lập phiếu thẩm tra cho bản thân",
                source: "Hướng dẫn 06-HD/TW, mục 3.4"))
        return result
    }

    func verified() -> [Requirement] {
        var result: [Requirement] = []
        let items = file.verificationItems
        result.append(
            requirement(
                "verification.candidateItem", "Có phiếu thẩm tra cho bản thân người vào Đảng",
                items.contains { $0.relation == .candidate },
                items.contains { $0.relation == .candidate }
                    ? "Đã thẩm tra bản thân" : "Chưa lập phiếu thẩm tra cho bản thân",
                source: "Hướng dẫn 06-HD/TW, mục 3.4"))
        let open = items.indices.filter { items[$0].result == nil }
        result.append(
            requirement(
                "verification.allReturned", "Mọi phiếu thẩm tra đã có kết quả", open.isEmpty,
                open.isEmpty
                    ? "Đã có kết quả \(items.count)/\(items.count) phiếu"
                    : "Còn \(open.count) phiếu chưa có kết quả: "
                        + open.map { openItemText(items[$0], number: $0 + 1) }.joined(separator: ", "),
                source: "Quy định 58-QĐ/TW; Hướng dẫn 06-HD/TW, mục 3.4"))
        let problems = items.filter { $0.result == .problem }
        result.append(
            requirement(
                "verification.noProblem", "Không còn vấn đề chính trị chưa làm rõ", problems.isEmpty,
                problems.isEmpty
                    ? "Không có vấn đề"
                    : "Có vấn đề cần làm rõ: "
                        + problems.map { "\($0.relation.vietnamese) \($0.fullName)" }.joined(separator: ", ")
                        + "; hãy tạm dừng hồ sơ cho đến khi làm rõ",
                source: "Quy định 58-QĐ/TW"))
        let unreturned = items.filter { $0.result == .clear && $0.returned == nil }
        if !unreturned.isEmpty {
            result.append(
                requirement(
                    "verification.returnDate", "Phiếu có kết quả phải có ngày nhận lại", false,
                    "Thiếu ngày nhận lại: " + unreturned.map { $0.fullName }.joined(separator: ", ")))
        }
        return result
    }

    /// An item still waiting for its result; a party-member relative needs no field check, only the
    /// "exempt" result, which nothing else would tell the clerk.
    private func openItemText(_ item: VerificationItem, number: Int) -> String {
        let subject = "\(item.relation.vietnamese) \(item.fullName)"
        return subject + (item.exemptionHint(caseID: file.id, number: number).map { " (\($0))" } ?? "")
    }

    // MARK: Stage 4

    /// The introduction route of Charter art. 4: Youth Union, trade union, or two members.
    enum Route { case youthUnion, tradeUnion, twoMembers }

    func route(on day: CivilDate) -> Route {
        let years = file.person.birthDate.wholeMonths(until: day) / 12
        if file.person.youthUnionMember && context.unit.hasYouthUnion && years <= rules[.youthMaximumAgeYears] {
            return .youthUnion
        }
        if file.person.tradeUnionMember && context.unit.hasTradeUnion { return .tradeUnion }
        return .twoMembers
    }

    /// The route's union resolution and number of introducers, judged at `day`: at the collection of the
    /// introductions and again at the cell's vote, since youth age ("≤ 30") is reckoned at the vote.
    func routeRequirements(on day: CivilDate, atVote: Bool) -> [Requirement] {
        var result: [Requirement] = []
        let route = route(on: day)
        let suffix = atVote ? "AtVote" : ""
        let when = atVote ? " tại ngày chi bộ xét" : ""
        let needed: Int
        switch route {
        case .youthUnion, .tradeUnion:
            needed = rules[.introducersWithUnion]
            let body: UnionResolution.Body = route == .youthUnion ? .youthUnion : .tradeUnion
            let resolution = file.unionResolution
            result.append(
                requirement(
                    "introduction.union\(suffix)", "Có nghị quyết giới thiệu của \(body.vietnamese)\(when)",
                    resolution?.body == body,
                    resolution.map {
                        "Nghị quyết \($0.body.vietnamese) ngày \($0.date)"
                            + ($0.body == body ? "" : ", nhưng cần nghị quyết giới thiệu của \(body.vietnamese)")
                    } ?? "Chưa có nghị quyết giới thiệu của \(body.vietnamese)",
                    rule: .introducersWithUnion))
        case .twoMembers:
            needed = rules[.introducersWithoutUnion]
        }
        let routeName =
            switch route {
            case .youthUnion: "qua Đoàn Thanh niên"
            case .tradeUnion: "qua Công đoàn"
            case .twoMembers: "bởi đảng viên chính thức"
            }
        let youthAge = rules[.youthMaximumAgeYears]
        let ageMonths = file.person.birthDate.wholeMonths(until: day)
        let pastYouth =
            file.person.youthUnionMember && context.unit.hasYouthUnion && route != .youthUnion
            ? "; người vào Đảng \(AgeText.months(ageMonths)) tại ngày \(day), quá tuổi thanh niên (\(youthAge) tuổi)"
                + " nên không giới thiệu qua Đoàn được"
            : ""
        let enough = file.introducers.count >= needed
        result.append(
            requirement(
                "introduction.count\(suffix)", "Đủ \(needed) đảng viên chính thức giới thiệu (\(routeName))\(when)",
                enough,
                "Có \(file.introducers.count) người giới thiệu; cần \(needed) (giới thiệu \(routeName))\(pastYouth)"
                    + (enough ? "" : "; hãy thêm người giới thiệu: hoso case introducer \(file.id) --member MÃ --known-since NGÀY"),
                rule: route == .twoMembers ? .introducersWithoutUnion : .introducersWithUnion))
        return result
    }

    func introduced() -> [Requirement] {
        var result = routeRequirements(on: date, atVote: false)
        for introducer in file.introducers {
            let name = context.memberName(introducer.memberID)
            let official = context.members[introducer.memberID]?.isOfficial(on: date) ?? false
            result.append(
                requirement(
                    "introduction.official", "Người giới thiệu là đảng viên chính thức", official,
                    official ? "\(name) là đảng viên chính thức" : "\(name) chưa phải đảng viên chính thức",
                    source: "Điều lệ Đảng, Điều 4"))
            if !introducer.isReplacement {
                // Charter art. 4: the introducer vouches in the letter, so the acquaintance counts to its date.
                let months = max(0, introducer.knownSince.wholeMonths(until: introducer.letterDate))
                let required = rules[.introducerKnownMonths]
                result.append(
                    requirement(
                        "introduction.knownMonths",
                        "Người giới thiệu cùng công tác, học tập, cư trú đủ \(required) tháng tính đến ngày giấy giới thiệu",
                        months >= required,
                        "\(name) cùng công tác với người vào Đảng từ ngày \(introducer.knownSince), được "
                            + "\(AgeText.months(months)) tính đến ngày giấy giới thiệu (\(introducer.letterDate)); "
                            + "cần ít nhất \(required) tháng",
                        rule: .introducerKnownMonths))
            }
        }
        for source in Opinion.Source.allCases {
            let opinion = file.opinions.last { $0.source == source }
            result.append(
                requirement(
                    "opinion.\(source.rawValue)", "Có ý kiến nhận xét của \(source.vietnamese.lowercasedFirst)",
                    opinion != nil,
                    opinion.map { "Ý kiến ngày \($0.date)" }
                        ?? "Chưa có ý kiến nhận xét của \(source.vietnamese.lowercasedFirst)",
                    source: "Hướng dẫn 12-HD/BTCTW (5-KNĐ)"))
        }
        return result
    }

    func cellApproved() -> [Requirement] {
        var result: [Requirement] = []
        let vote = file.cellVote
        let voteDate = vote?.date ?? date
        let ageMonths = file.person.birthDate.wholeMonths(until: voteDate)
        let minimum = rules[.minimumAgeMonths]
        let maximum = rules[.maximumAgeMonths]
        result.append(
            requirement(
                "age.minimum", "Đủ \(AgeText.years(minimum)) tại ngày chi bộ xét", ageMonths >= minimum,
                "\(AgeText.months(ageMonths)) tại ngày chi bộ xét (\(voteDate)); cần đủ \(AgeText.years(minimum))",
                rule: .minimumAgeMonths))
        result.append(
            requirement(
                "age.maximum", "Không quá \(AgeText.years(maximum)) tại ngày chi bộ xét", ageMonths <= maximum,
                "\(AgeText.months(ageMonths)) tại ngày chi bộ xét (\(voteDate)); tối đa \(AgeText.years(maximum))",
                rule: .maximumAgeMonths))
        let minimumEducation = EducationLevel.allCases[rules[.minimumEducation]]
        let educated = file.person.education >= minimumEducation
        result.append(
            requirement(
                "education.minimum", "Trình độ học vấn từ \(minimumEducation.vietnamese) trở lên",
                educated || context.unit.educationExempt,
                educated
                    ? "Trình độ: \(file.person.education.vietnamese)"
                    : context.unit.educationExempt
                        ? "Trình độ \(file.person.education.vietnamese); đơn vị được miễn yêu cầu học vấn"
                        : "Trình độ \(file.person.education.vietnamese); cần từ \(minimumEducation.vietnamese)",
                rule: .minimumEducation))
        // Only a union route can change between the collection and the vote: youth age is reckoned at the
        // vote, and a corrected identity may take away the union the resolution came from.
        let person = file.person
        if (person.youthUnionMember && context.unit.hasYouthUnion) || (person.tradeUnionMember && context.unit.hasTradeUnion)
            || file.unionResolution != nil
        {
            result.append(contentsOf: routeRequirements(on: voteDate, atVote: true))
        }
        result.append(certificateValid(on: voteDate))
        result.append(contentsOf: documentsValid(on: voteDate))
        let inForce = countsInForce(on: voteDate)
        let minimumMembers = rules[.minimumOfficialMembers]
        result.append(
            requirement(
                "cell.minimumMembers", "Chi bộ có ít nhất \(minimumMembers) đảng viên chính thức",
                inForce.members.official >= minimumMembers,
                "Chi bộ có \(inForce.members.official) đảng viên chính thức theo \(inForce.origin); cần ít nhất \(minimumMembers)"
                    + (inForce.recordedMismatch.map { "; \($0)" } ?? ""),
                rule: .minimumOfficialMembers))
        result.append(
            voteRequirement(
                vote, code: "vote.cell", body: "chi bộ", numerator: .cellVoteNumerator,
                denominator: .cellVoteDenominator, basis: inForce.cellBasis))
        return result
    }

    func certificateValid(on day: CivilDate) -> Requirement {
        let validity = rules[.certificateValidityMonths]
        guard let certificate = file.certificate else {
            return requirement(
                "certificate.valid", "Giấy chứng nhận bồi dưỡng còn giá trị", false, "Chưa có giấy chứng nhận",
                rule: .certificateValidityMonths)
        }
        let expiry = certificate.issued.adding(months: validity)
        return requirement(
            "certificate.valid", "Giấy chứng nhận bồi dưỡng còn giá trị tại ngày \(day)", day < expiry,
            day < expiry
                ? "Giấy chứng nhận cấp ngày \(certificate.issued), còn giá trị đến hết ngày \(expiry.adding(days: -1))"
                : "Giấy chứng nhận cấp ngày \(certificate.issued) đã hết giá trị từ ngày \(expiry) "
                    + "(giá trị \(validity) tháng); cần học lại lớp bồi dưỡng",
            rule: .certificateValidityMonths)
    }

    /// The other papers must still be fresh at the vote (local practice: 12 months).
    func documentsValid(on day: CivilDate) -> [Requirement] {
        let validity = rules[.documentValidityMonths]
        var dated: [(String, CivilDate)] = []
        if let application = file.application { dated.append(("Đơn xin vào Đảng", application)) }
        if let biography = file.latestBiography { dated.append(("Lý lịch bản \(biography.version)", biography.date)) }
        if let union = file.unionResolution { dated.append(("Nghị quyết giới thiệu", union.date)) }
        for opinion in file.opinions { dated.append(("Ý kiến \(opinion.source.vietnamese.lowercasedFirst)", opinion.date)) }
        for document in file.documents where document.kind != .certificate {
            dated.append((document.kind.vietnamese, document.date))
        }
        let stale = dated.filter { day >= $0.1.adding(months: validity) }
        return [
            requirement(
                "documents.valid", "Các giấy tờ khác còn trong thời hạn \(validity) tháng", stale.isEmpty,
                stale.isEmpty
                    ? "Các giấy tờ còn trong thời hạn tại ngày \(day)"
                    : "Quá \(validity) tháng tại ngày \(day): "
                        + stale.map { "\($0.0) (ngày \($0.1))" }.joined(separator: ", ") + "; cần làm lại",
                rule: .documentValidityMonths)
        ]
    }

    /// The counts of the file's unit valid on `day`, with their origin and the members recorded there.
    func countsInForce(on day: CivilDate) -> CountsInForce {
        context.unit.countsInForce(on: day, members: context.members.values)
    }

    /// `basis`: which figure the 2/3 is taken of and where it comes from (the counts declared for that day).
    func voteRequirement(
        _ vote: VoteRecord?, code: String, body: String, numerator: RuleKey, denominator: RuleKey, basis: String
    ) -> Requirement {
        let fraction = "\(rules[numerator])/\(rules[denominator])"
        guard let vote else {
            return requirement(
                code, "Được ít nhất \(fraction) \(body) tán thành", false,
                "Chưa có kết quả biểu quyết của \(body); \(fraction) \(basis)", rule: numerator, supplied: true)
        }
        let needed = rules.votesNeeded(of: vote.eligible, numerator: numerator, denominator: denominator)
        return requirement(
            code, "Được ít nhất \(fraction) \(body) tán thành", vote.eligible > 0 && vote.votesFor >= needed,
            "\(vote.votesFor)/\(vote.eligible) tán thành ngày \(vote.date); cần ít nhất \(needed) (\(fraction) của "
                + "\(vote.eligible), \(basis))",
            rule: numerator, supplied: true)
    }

    func committeeApproved() -> [Requirement] {
        let voteDate = file.committeeVote?.date ?? date
        let inForce = countsInForce(on: voteDate)
        let committee = inForce.committee
        return [
            requirement(
                "committee.size", "Biết số ủy viên đảng ủy cơ sở", committee > 0,
                committee > 0
                    ? "Đảng ủy có \(committee) ủy viên ngày \(voteDate) theo \(inForce.origin)"
                    : Workflow.committeeUnknown(in: context.unit.id, on: voteDate)),
            voteRequirement(
                file.committeeVote, code: "vote.committee", body: "đảng ủy cơ sở", numerator: .committeeVoteNumerator,
                denominator: .committeeVoteDenominator, basis: inForce.committeeBasis),
        ]
    }

    func decided() -> [Requirement] {
        decisionRequirements(file.decision, code: "decision", after: file.committeeVote?.date ?? file.cellVote?.date)
    }

    func decisionRequirements(_ decision: Decision?, code: String, after earliest: CivilDate?) -> [Requirement] {
        var result = [
            requirement(
                "\(code).number", "Có số quyết định", !(decision?.number.isEmpty ?? true),
                decision.map { $0.number.isEmpty ? "Thiếu số quyết định" : "Quyết định số \($0.number)" }
                    ?? "Chưa có quyết định", supplied: true),
            requirement(
                "\(code).body", "Có cấp ủy ra quyết định", !(decision?.body.isEmpty ?? true),
                decision.map { $0.body.isEmpty ? "Thiếu tên cấp ủy ra quyết định" : "Cấp ủy: \($0.body)" }
                    ?? "Chưa có quyết định", supplied: true),
        ]
        if let decision, let earliest {
            result.append(
                requirement(
                    "\(code).order", "Ngày quyết định không trước ngày biểu quyết", decision.date >= earliest,
                    "Quyết định ngày \(decision.date), biểu quyết ngày \(earliest)", supplied: true))
        }
        return result
    }

    // MARK: Stage 5

    func probation() -> [Requirement] {
        guard let ceremony = file.ceremony else {
            return [requirement("ceremony.date", "Có ngày tổ chức lễ kết nạp", false, "Chưa có ngày lễ kết nạp", supplied: true)]
        }
        let decisionDate = file.decision?.date
        let afterDecision = decisionDate.map { ceremony >= $0 } ?? true
        return [
            requirement(
                "ceremony.date", "Lễ kết nạp sau ngày quyết định", afterDecision,
                "Lễ kết nạp ngày \(ceremony)" + (decisionDate.map { ", quyết định ngày \($0)" } ?? ""),
                source: "Điều lệ Đảng, Điều 5", supplied: true)
        ]
    }

    func probationEnded(on day: CivilDate) -> Requirement {
        let months = rules[.probationMonths]
        guard let ceremony = file.ceremony else {
            return requirement(
                "probation.complete", "Đủ \(months) tháng dự bị", false, "Chưa có ngày lễ kết nạp",
                rule: .probationMonths)
        }
        let end = ceremony.adding(months: months)
        return requirement(
            "probation.complete", "Đủ \(months) tháng dự bị kể từ lễ kết nạp", day >= end,
            day >= end
                ? "Kết nạp ngày \(ceremony), đủ \(months) tháng từ ngày \(end)"
                : "Kết nạp ngày \(ceremony); đến ngày \(end) mới đủ \(months) tháng (còn \(day.days(until: end)) ngày)",
            rule: .probationMonths)
    }

    func probationReview() -> [Requirement] { [probationEnded(on: date)] }

    func official() -> [Requirement] {
        var result = [probationEnded(on: file.recognitionVote?.date ?? date)]
        let certificate = file.newMemberCertificate
        result.append(
            requirement(
                "recognition.certificate", "Có giấy chứng nhận lớp bồi dưỡng đảng viên mới",
                !(certificate?.number.isEmpty ?? true),
                certificate.map { "Giấy chứng nhận số \($0.number), ngày \($0.issued)" }
                    ?? "Chưa có giấy chứng nhận lớp đảng viên mới",
                source: "Điều lệ Đảng, Điều 5", supplied: true))
        result.append(
            voteRequirement(
                file.recognitionVote, code: "vote.recognition", body: "chi bộ", numerator: .cellVoteNumerator,
                denominator: .cellVoteDenominator, basis: countsInForce(on: file.recognitionVote?.date ?? date).cellBasis))
        result.append(contentsOf: decisionRequirements(file.recognitionDecision, code: "recognition.decision", after: file.recognitionVote?.date))
        return result
    }

    func sideStateReason() -> [Requirement] {
        let reason = file.sideState?.reason ?? ""
        return [
            requirement(
                "side.reason", "Có lý do", !reason.isEmpty, reason.isEmpty ? "Chưa ghi lý do" : "Lý do: \(reason)", supplied: true)
        ]
    }
}

/// Ages and durations as Vietnamese paperwork writes them.
public enum AgeText {
    /// "17 năm 9 tháng", "18 năm", "9 tháng".
    public static func months(_ total: Int) -> String {
        let years = total / 12
        let months = total % 12
        if years == 0 { return "\(months) tháng" }
        return months == 0 ? "\(years) năm" : "\(years) năm \(months) tháng"
    }

    /// "18 tuổi", or "18 tuổi 6 tháng" for a figure that is not a whole number of years.
    public static func years(_ totalMonths: Int) -> String {
        totalMonths % 12 == 0 ? "\(totalMonths / 12) tuổi" : "\(totalMonths / 12) tuổi \(totalMonths % 12) tháng"
    }
}
