import HoSoDomain

/// What every screen reads: the data as loaded and the index derived from it (rows with their deadlines,
/// search and sort keys, the board's counts, each mentor's and each class's rows). It changes in one place,
/// `apply`, for a load and for a file stored here or in another terminal alike; the reducer then moves the
/// open screens along with what `apply` says moved.
public struct ReadModel: Equatable, Sendable {
    public private(set) var data: AppData
    public private(set) var index: CaseIndex
    /// The board's admissions against the quota and target: summed over the organisation's reporting
    /// units (10 ms at a province's 2,000 cells), so made when what it reads changes, not at every frame.
    public private(set) var admissions: AdmissionsSummary

    public init(data: AppData) {
        self.data = data
        index = CaseIndex(data: data)
        admissions = Self.admissions(data, index.counts)
    }

    /// The data without its files (`data.cases` empty), and the board's counts of those files made from
    /// their `facts`: what the application shows while it reads the files.
    public init(preview data: AppData, facts: [ReportFacts]) {
        self.data = data
        index = CaseIndex(data: data, counts: CaseCounts(facts: facts, data: data))
        admissions = Self.admissions(data, index.counts)
    }

    /// This year's admissions so far against the quota and the 3–4 % target, summed per reporting unit as
    /// the reports sum them (a unit without files counts what it reported), from the index's counts.
    static func admissions(_ data: AppData, _ counts: CaseCounts) -> AdmissionsSummary {
        let scope = ReportScope(organisation: data.organisation, cases: [], today: data.today)
        return AdmissionsSummary.make(scope: scope, year: data.today.year, upTo: data.today) { unit, _, _ in
            let units = scope.subtree(of: unit.id)
            guard units.contains(where: { counts.byUnit[$0] != nil }) else { return nil }
            return units.reduce(0) { $0 + (counts.admittedByUnit[$1] ?? 0) }
        }
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
            admissions = Self.admissions(data, index.counts)
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
            let before = index.counts
            let moved = index.replace(file.id, with: listed ? file : nil, data: data)
            // Only an admission, or a unit's first or last file, changes what the summary sums.
            let after = index.counts
            if before.admittedByUnit != after.admittedByUnit || Set(before.byUnit.keys) != Set(after.byUnit.keys) {
                admissions = Self.admissions(data, after)
            }
            return .one(moved)
        }
    }
}
