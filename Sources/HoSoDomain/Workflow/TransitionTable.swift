/// Where an event leads: a fixed state, or back to the state a paused or expired case left.
public enum TransitionTarget: Sendable, Equatable {
    case state(CaseState)
    case stateLeft

    public var fixedState: CaseState? {
        if case .state(let state) = self { return state }
        return nil
    }
}

/// One row of the transition table: this event, from these states, leads there.
public struct TransitionRule: Sendable {
    public let event: Event.Kind
    public let from: [CaseState]
    public let target: TransitionTarget

    init(_ event: Event.Kind, from: [CaseState], to target: TransitionTarget) {
        self.event = event
        self.from = from
        self.target = target
    }

    init(_ event: Event.Kind, from: CaseState, to state: CaseState) {
        self.init(event, from: [from], to: .state(state))
    }
}

/// The procedure as data: the only place that says which step may follow which.
public enum Workflow {
    static let beforeDecision: [CaseState] = [
        .nominated, .sympathizer, .inClass, .certified, .dossier, .verifying, .verified, .introduced,
        .cellApproved, .committeeApproved,
    ]

    public static let transitions: [TransitionRule] = [
        TransitionRule(.admitToSourceList, from: .nominated, to: .sympathizer),
        TransitionRule(.enrollInClass, from: .sympathizer, to: .inClass),
        TransitionRule(.certify, from: .inClass, to: .certified),
        TransitionRule(.fileDossier, from: .certified, to: .dossier),
        TransitionRule(.startVerification, from: .dossier, to: .verifying),
        TransitionRule(.concludeVerification, from: .verifying, to: .verified),
        TransitionRule(.collectIntroductions, from: .verified, to: .introduced),
        TransitionRule(.cellVote, from: .introduced, to: .cellApproved),
        TransitionRule(.committeeVote, from: .cellApproved, to: .committeeApproved),
        TransitionRule(.issueDecision, from: .committeeApproved, to: .decided),
        TransitionRule(.holdCeremony, from: .decided, to: .probation),
        TransitionRule(.completeProbation, from: .probation, to: .probationReview),
        TransitionRule(.recognize, from: .probationReview, to: .official),

        TransitionRule(
            .remove, from: [.nominated, .sympathizer, .inClass, .certified, .dossier, .verifying, .verified],
            to: .state(.removed)),
        TransitionRule(.reenter, from: .removed, to: .nominated),
        TransitionRule(.pause, from: Array(beforeDecision.dropFirst()), to: .state(.paused)),
        TransitionRule(.resume, from: [.paused], to: .stateLeft),
        TransitionRule(
            .expire, from: [.certified, .dossier, .verifying, .verified, .introduced, .cellApproved],
            to: .state(.expired)),
        TransitionRule(.renew, from: [.expired], to: .stateLeft),
        TransitionRule(
            .transfer, from: beforeDecision + [.paused, .expired, .probation], to: .state(.transferred)),
        TransitionRule(.refuse, from: [.introduced, .cellApproved, .committeeApproved], to: .state(.notAdmitted)),
        TransitionRule(.revokeDecision, from: [.decided, .probation], to: .state(.decisionRevoked)),
        TransitionRule(.redoProcedure, from: .decisionRevoked, to: .verified),
        TransitionRule(.strikeOff, from: [.probation, .probationReview], to: .state(.struckOff)),
        TransitionRule(
            .withdraw, from: beforeDecision + [.paused, .expired, .removed, .decided], to: .state(.withdrawn)),
    ]

    /// The row for this event from this state, if the table has one.
    public static func rule(for event: Event.Kind, from state: CaseState) -> TransitionRule? {
        transitions.first { $0.event == event && $0.from.contains(state) }
    }

    /// The events the table allows from a state, main-path steps first.
    public static func events(from state: CaseState) -> [Event.Kind] {
        transitions.filter { $0.from.contains(state) }.map(\.event)
    }

    /// The state an event leads to for this file (resolving "back to the state it left").
    public static func destination(of event: Event.Kind, for file: CaseFile) -> CaseState? {
        guard let rule = rule(for: event, from: file.state) else { return nil }
        switch rule.target {
        case .state(let state): return state
        case .stateLeft: return file.sideState?.resumeState
        }
    }
}
