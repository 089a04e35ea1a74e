import HoSoTUI
import Testing

/// Drives the app through its runtime, as the terminal does, and fails the test on any change it did not
/// assert: `send(action) { $0.part = value }` states every change the action makes, and the effects it
/// emits are asserted whole. Effects are not carried out: their results are sent back by the test
/// (`send(.saved(…))`, `send(.conflict(…))`), so each step of a flow is asserted on its own.
public struct TestStore {
    public private(set) var state: AppState

    /// A store on `state`.
    public init(_ state: AppState) {
        self.state = state
    }

    /// Sends `action`; `change` turns the state before into the state expected after (the test module
    /// imports HoSoTUI with `@testable` to set internal parts); `effects` are exactly those expected.
    public mutating func send(_ action: Action, effects expected: [Effect] = [],
                              sourceLocation: SourceLocation = #_sourceLocation,
                              _ change: (inout AppState) -> Void = { _ in }) {
        var wanted = state
        change(&wanted)
        var emitted: [Effect] = []
        AppRuntime.dispatch(action, to: &state) { effects in
            emitted += effects
            return ([], false)
        }
        for difference in state.differences(from: wanted) {
            let lines = Snapshot.difference(difference.actual, difference.expected) ?? ""
            Issue.record(Comment(rawValue: "\(action) changed \(difference.part) unasserted:\n\(lines)"),
                         sourceLocation: sourceLocation)
        }
        if emitted != expected {
            Issue.record(Comment(rawValue: "\(action) emitted \(emitted), expected \(expected)"), sourceLocation: sourceLocation)
        }
        // The next step starts from what the app did, so one miss is reported once.
    }

    /// Sends a key.
    public mutating func press(_ key: Key, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                               _ change: (inout AppState) -> Void = { _ in }) {
        send(.key(key), effects: expected, sourceLocation: sourceLocation, change)
    }
}
