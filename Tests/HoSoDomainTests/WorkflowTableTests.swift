import HoSoDomain
import HoSoTestSupport
import Testing

/// A file in every state, reached through the engine itself.
private func file(in state: CaseState) throws -> (CaseFile, CivilDate) {
    if state.isMainPath { return try Fixtures.file(in: state) }
    let journey = Fixtures.journey()
    func via(_ from: CaseState, _ event: Event) throws -> (CaseFile, CivilDate) {
        let (start, date) = try Fixtures.file(in: from)
        let day = date.adding(days: 3)
        return (try Workflow.apply(event, to: start, context: journey.context(on: day)), day)
    }
    switch state {
    case .removed: return try via(.sympathizer, .remove(reason: "Không còn phấn đấu"))
    case .paused: return try via(.verifying, .pause(reason: "Lý lịch phải viết lại"))
    case .expired: return try via(.verified, .expire(reason: "Giấy chứng nhận hết hạn"))
    case .transferred: return try via(.sympathizer, .transfer(destination: "Chi bộ Khu phố 5"))
    case .notAdmitted: return try via(.introduced, .refuse(reason: "Chưa đủ tiêu chuẩn"))
    case .decisionRevoked:
        return try via(.decided, .revokeDecision(reason: "Sai thủ tục", kind: .procedure))
    case .struckOff: return try via(.probationReview, .strikeOff(reason: "Không đủ tư cách"))
    case .withdrawn: return try via(.dossier, .withdraw(reason: "Xin rút"))
    default: fatalError("main-path state \(state) handled above")
    }
}

/// A plausible event of each kind, with its data.
private func sample(_ kind: Event.Kind) -> Event {
    switch kind {
    case .admitToSourceList: .admitToSourceList(mentors: ["M001"])
    case .enrollInClass: .enrollInClass(className: "Lớp khóa 3/2024")
    case .certify: .certify(number: "CN-1", issuer: "Trung tâm Chính trị")
    case .fileDossier: .fileDossier(applicationDate: Fixtures.date("2024-01-01"))
    case .startVerification: .startVerification
    case .concludeVerification: .concludeVerification
    case .collectIntroductions: .collectIntroductions
    case .cellVote: .cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 0)
    case .committeeVote: .committeeVote(votesFor: 9, votesAgainst: 0)
    case .issueDecision: .issueDecision(number: "1-QĐ/ĐU", body: "Đảng ủy phường", received: nil)
    case .holdCeremony: .holdCeremony
    case .completeProbation: .completeProbation
    case .recognize:
        .recognize(
            votesFor: 7, votesAgainst: 0, exemptAbsent: 0,
            certificate: Certificate(number: "ĐVM-1", issuer: "Trung tâm Chính trị", issued: Fixtures.date("2025-01-01")),
            decisionNumber: "2-QĐ/ĐU", decisionBody: "Đảng ủy phường")
    case .remove: .remove(reason: "Vi phạm")
    case .reenter: .reenter
    case .pause: .pause(reason: "Tạm dừng")
    case .resume: .resume
    case .expire: .expire(reason: "Hết hạn")
    case .renew: .renew(certificate: nil)
    case .transfer: .transfer(destination: "Nơi cư trú")
    case .refuse: .refuse(reason: "Không đạt")
    case .revokeDecision: .revokeDecision(reason: "Sai", kind: .procedure)
    case .redoProcedure: .redoProcedure
    case .strikeOff: .strikeOff(reason: "Không đạt")
    case .withdraw: .withdraw(reason: "Xin rút")
    }
}

@Suite("The transition table")
struct WorkflowTableTests {
    @Test("Every (state × event) pair: the table's steps are tried, the others refused as not allowed",
          arguments: CaseState.allCases, Event.Kind.allCases)
    func everyPair(state: CaseState, kind: Event.Kind) throws {
        let (start, date) = try file(in: state)
        #expect(start.state == state)
        let context = Fixtures.journey().context(on: date.adding(days: 400))
        let rule = Workflow.rule(for: kind, from: state)
        let outcome = Result { () throws(WorkflowError) -> CaseFile in
            try Workflow.apply(sample(kind), to: start, context: context)
        }
        switch outcome {
        case .success(let next):
            let rule = try #require(rule)
            if let fixed = rule.target.fixedState { #expect(next.state == fixed) }
            #expect(next.history.count == start.history.count + 1)
            #expect(next.history.last?.action == kind.rawValue)
        case .failure(.notAllowed(let event, let from, let allowed)):
            #expect(rule == nil)
            #expect(event == kind)
            #expect(from == state)
            #expect(allowed == Workflow.events(from: state))
        case .failure(.refused(let event, _, let unmet)):
            // Allowed by the table, but this sample's data does not satisfy every guard.
            #expect(rule != nil)
            #expect(event == kind)
            #expect(!unmet.isEmpty)
            #expect(unmet.allSatisfy { !$0.isMet && !$0.detail.isEmpty })
        case .failure(.invalidInput(let problems)):
            #expect(rule != nil)
            #expect(!problems.isEmpty)
        case .failure(.notPermitted(let refusal)):
            Issue.record("no person acts in this context, yet \(refusal.message)")
        case .failure(.stateMoved), .failure(.conflict):
            Issue.record("a step applied directly names no state seen and no field: \(outcome)")
        }
    }

    @Test("The main path is a chain: each state has exactly one forward step to the next")
    func mainPathChain() {
        for (from, to) in zip(CaseState.mainPath, CaseState.mainPath.dropFirst()) {
            let forward = Workflow.transitions.filter { $0.from.contains(from) && $0.target == .state(to) }
            #expect(forward.count == 1, "\(from) → \(to)")
        }
        #expect(CaseState.official.isTerminal)
        #expect(CaseState.struckOff.isTerminal)
        #expect(!CaseState.removed.isTerminal, "a removed person may re-enter")
    }

    @Test("A table row never repeats an (event, state) pair")
    func noAmbiguousRows() {
        for state in CaseState.allCases {
            let kinds = Workflow.events(from: state)
            #expect(Set(kinds).count == kinds.count, "\(state)")
        }
    }
}
