/// What differs between two states, part by part: a test store names the parts a test did not assert.
extension AppState {
    /// One part of the state that differs, each side as `dump` writes it.
    public struct Difference: Sendable {
        public var part: String
        public var actual: String
        public var expected: String
    }

    /// The parts in which `self` differs from `expected`. The data and its index are named, not written out
    /// (a whole ward of files): their counts say which way they went.
    public func differences(from expected: AppState) -> [Difference] {
        var found: [Difference] = []
        func compare<Part: Equatable>(_ part: String, _ actual: Part, _ wanted: Part) {
            guard actual != wanted else { return }
            found.append(Difference(part: part, actual: Self.dumped(actual), expected: Self.dumped(wanted)))
        }
        if data != expected.data {
            found.append(Difference(part: "data", actual: "\(data.cases.count) files, revisions \(data.revisions.values.reduce(0, +))",
                                    expected: "\(expected.data.cases.count) files, revisions \(expected.data.revisions.values.reduce(0, +))"))
        }
        if index != expected.index {
            found.append(Difference(part: "index", actual: "\(index.rows.count) rows", expected: "\(expected.index.rows.count) rows"))
        }
        compare("screens", screens, expected.screens)
        compare("board", board, expected.board)
        compare("modal", modal, expected.modal)
        compare("status", status, expected.status)
        compare("size", size, expected.size)
        compare("reopenAfterReload", reopenAfterReload, expected.reopenAfterReload)
        compare("lastSubmittedForm", lastSubmittedForm, expected.lastSubmittedForm)
        compare("find", find, expected.find)
        compare("exportFolder", exportFolder, expected.exportFolder)
        return found
    }

    private static func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
