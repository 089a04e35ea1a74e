import HoSoDomain

/// What every screen reads: the data as loaded and the index derived from it (rows with their deadlines,
/// search and sort keys, the board's counts, each mentor's and each class's rows). It changes in one place,
/// `apply`, for a load and for a file stored here or in another terminal alike; the reducer then moves the
/// open screens along with what `apply` says moved.
public struct ReadModel: Equatable, Sendable {
    public private(set) var data: AppData
    public private(set) var index: CaseIndex

    public init(data: AppData) {
        self.data = data
        index = CaseIndex(data: data)
    }

    /// The data without its files (`data.cases` empty), and the board's counts of those files made from
    /// their `facts`: what the application shows while it reads the files.
    public init(preview data: AppData, facts: [ReportFacts]) {
        self.data = data
        index = CaseIndex(data: data, counts: CaseCounts(facts: facts, data: data))
    }

    public enum Change: Equatable, Sendable {
        /// Everything as read now (a start, F5, a change the stored files alone do not describe).
        case loaded(AppData)
        /// Everything as read now, indexed already (away from the keys, while the board showed a preview).
        case indexed(ReadModel)
        /// One file as stored now, with the revision the store gave it.
        case stored(StoredCase)
    }

    /// How the rows moved, for the screens that point at them.
    public enum Moved: Equatable, Sendable {
        /// Every row was made again; `previous` is the index before, to find a selected file's new row.
        case all(previous: CaseIndex)
        /// One file's row moved (or came, or went) and the rows between moved by one.
        case one(CaseIndex.Move)
    }

    /// Applies `change`. A stored file gives what loading everything again would give, at the cost of one
    /// file: its data, its row of the index in name order, the counts and the groups.
    @discardableResult
    public mutating func apply(_ change: Change) -> Moved {
        switch change {
        case .loaded(let fresh):
            let previous = index
            data = fresh
            index = CaseIndex(data: fresh)
            return .all(previous: previous)
        case .indexed(let model):
            let previous = index
            self = model
            return .all(previous: previous)
        case .stored(let stored):
            let file = stored.file
            // As `AppData.init`: a file the person's lists may not show (a mentor released from it) leaves them.
            let listed = data.access.map { $0.listsFile(file) } ?? true
            data.replace(file, revision: stored.revision, listed: listed)
            return .one(index.replace(file.id, with: listed ? file : nil, data: data))
        }
    }
}
