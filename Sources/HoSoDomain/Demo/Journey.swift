/// Takes a file along the main path through the engine, recording what each step needs with
/// plausible dates. Used by the demo data and by tests, so both exercise the real rules.
public struct Journey: Sendable {
    public var unit: Unit
    public var members: [Member]
    public var rulebook: Rulebook
    public var actor: String

    public init(unit: Unit, members: [Member], rulebook: Rulebook = .standard, actor: String = "Thư ký chi bộ") {
        self.unit = unit
        self.members = members
        self.rulebook = rulebook
        self.actor = actor
    }

    public func context(on date: CivilDate) -> WorkflowContext {
        WorkflowContext(date: date, actor: actor, rulebook: rulebook, unit: unit, members: members)
    }

    var officials: [Member] { members.filter { $0.status == .official } }

    /// The next main-path step from the file's state, with the edits that prepare it, applied on `date`.
    public func step(_ file: CaseFile, on date: CivilDate) throws(WorkflowError) -> CaseFile {
        let context = context(on: date)
        let mentor = officials.first?.id ?? "M001"
        switch file.state {
        case .nominated:
            return try Workflow.apply(.admitToSourceList(mentors: [mentor]), to: file, context: context)
        case .sympathizer:
            return try Workflow.apply(
                .enrollInClass(className: "Lớp bồi dưỡng nhận thức về Đảng khóa \(date.month)/\(date.year)"),
                to: file, context: context)
        case .inClass:
            return try Workflow.apply(
                .certify(number: "CN-\(date.year)-\(file.id.rawValue)", issuer: "Trung tâm Chính trị"), to: file,
                context: context)
        case .certified:
            return try Workflow.apply(.fileDossier(applicationDate: date.adding(days: -3)), to: file, context: context)
        case .dossier:
            var next = file
            let birthYear = file.person.birthDate.year
            let parents = DemoNames.parents(of: file.person.fullName)
            let subjects: [(VerificationItem.Relation, String, Int)] = [
                (.candidate, file.person.fullName, birthYear),
                (.father, parents.father, birthYear - 28),
                (.mother, parents.mother, birthYear - 25),
            ]
            for (relation, name, year) in subjects {
                next = try Workflow.edit(
                    .addVerificationItem(
                        VerificationItem(
                            relation: relation, fullName: name, birthYear: year, place: unit.name, sent: date,
                            responsibleMemberID: mentor)),
                    of: next, context: context)
            }
            return try Workflow.apply(.startVerification, to: next, context: context)
        case .verifying:
            var next = file
            for index in next.verificationItems.indices where next.verificationItems[index].result == nil {
                next = try Workflow.edit(
                    .recordVerificationResult(index: index, result: .clear, returned: date), of: next, context: context)
            }
            return try Workflow.apply(.concludeVerification, to: next, context: context)
        case .verified:
            var next = file
            let knownSince = date.adding(months: -24)
            for introducer in officials.prefix(2) {
                next = try Workflow.edit(
                    .addIntroducer(Introducer(memberID: introducer.id, knownSince: knownSince, letterDate: date)),
                    of: next, context: context)
            }
            if file.person.youthUnionMember {
                next = try Workflow.edit(
                    .setUnionResolution(UnionResolution(body: .youthUnion, date: date)), of: next, context: context)
            } else if file.person.tradeUnionMember {
                next = try Workflow.edit(
                    .setUnionResolution(UnionResolution(body: .tradeUnion, date: date)), of: next, context: context)
            }
            for source in Opinion.Source.allCases {
                next = try Workflow.edit(
                    .addOpinion(Opinion(source: source, date: date, summary: "Đồng ý giới thiệu")), of: next,
                    context: context)
            }
            return try Workflow.apply(.collectIntroductions, to: next, context: context)
        case .introduced:
            let eligible = Workflow.cellEligible(unit.memberCounts, exemptAbsent: 0)
            return try Workflow.apply(
                .cellVote(votesFor: eligible, votesAgainst: 0, exemptAbsent: 0), to: file, context: context)
        case .cellApproved:
            return try Workflow.apply(
                .committeeVote(votesFor: unit.committeeMembers, votesAgainst: 0), to: file, context: context)
        case .committeeApproved:
            return try Workflow.apply(
                .issueDecision(number: "\(date.day)\(date.month)-QĐ/ĐU", body: "Ban Thường vụ Đảng ủy phường", received: date),
                to: file, context: context)
        case .decided:
            return try Workflow.apply(.holdCeremony, to: file, context: context)
        case .probation:
            return try Workflow.apply(.completeProbation, to: file, context: context)
        case .probationReview:
            let eligible = Workflow.cellEligible(unit.memberCounts, exemptAbsent: 0)
            return try Workflow.apply(
                .recognize(
                    votesFor: eligible, votesAgainst: 0, exemptAbsent: 0,
                    certificate: Certificate(
                        number: "ĐVM-\(file.id.rawValue)", issuer: "Trung tâm Chính trị", issued: date.adding(days: -30)),
                    decisionNumber: "\(date.day)\(date.month)-QĐ/ĐU", decisionBody: "Ban Thường vụ Đảng ủy phường"),
                to: file, context: context)
        default:
            throw .notAllowed(event: .admitToSourceList, state: file.state, allowed: Workflow.events(from: file.state))
        }
    }

    /// Working days are not needed for a plausible demo: a step's usual gap in calendar days.
    public static func usualGap(after state: CaseState) -> Int {
        switch state {
        case .nominated: 30
        case .sympathizer: 60
        case .inClass: 7
        case .certified: 20
        case .dossier: 7
        case .verifying: 45
        case .verified: 15
        case .introduced: 14
        case .cellApproved: 20
        case .committeeApproved: 25
        case .decided: 14
        case .probation: 366
        case .probationReview: 20
        default: 30
        }
    }

    /// Advances the file step by step until it reaches `target` (a main-path state), starting after
    /// `start` and spacing the steps by their usual gaps. Returns the file and the date of its last step.
    public func advance(_ file: CaseFile, to target: CaseState, from start: CivilDate) throws(WorkflowError)
        -> (file: CaseFile, date: CivilDate)
    {
        var current = file
        var date = start
        while current.state != target {
            guard current.state.isMainPath, current.state != .official else { break }
            date = date.adding(days: Self.usualGap(after: current.state))
            if date.isWeekend { date = date.adding(days: date.isoWeekday == 6 ? 2 : 1) }
            current = try step(current, on: date)
        }
        return (current, date)
    }
}
