/// What one report reads of the files' facts, so that a server can count the files for it and send a few
/// thousand rows instead of every file's facts: files the report cannot tell apart come as one `ReportFacts`
/// with their number (`files`).
///
/// A report compares event dates only with the bounds of the spans it counts. Each date is sent as the
/// last `dayBoundaries` entry on or before it (the day before the first when it is earlier): the same
/// comparisons hold for it as for the date itself, so the figures are exactly those of every file's facts.
public struct ReportFactsRequest: Sendable, Equatable {
    /// Sorted, without repeats: the first day of every span counted and the day after its last.
    public let dayBoundaries: [CivilDate]
    /// Recognition, removals and striking off (the period report's movements); else only the admission.
    public let readsEveryEvent: Bool
    /// Age at admission, sex, education, occupation, ethnicity, religion and Youth Union membership of the
    /// files with an admission (the breakdowns of new members); else none, and never of other files.
    public let readsPeople: Bool
    /// The unit each file counts under, by the file's own unit, for the units of the report's scope
    /// (`counting(in:source:)`): a report counts a cell's files under its reporting unit and never asks for the cell
    /// alone, so the cells' rows can be one. Files of other units are not counted. Nil: every unit the
    /// person may count, each file under its own.
    public private(set) var countedUnder: [UnitID: UnitID]?

    /// A request counting the days from each span's first to its last, both included.
    public init(spans: [(first: CivilDate, last: CivilDate)], readsEveryEvent: Bool, readsPeople: Bool) {
        dayBoundaries = Array(Set(spans.flatMap { [$0.first, $0.last.adding(days: 1)] })).sorted()
        self.readsEveryEvent = readsEveryEvent
        self.readsPeople = readsPeople
    }

    /// New members are counted by profile (`NewMemberProfile`), apart from the files, whose rows then carry
    /// no person: only for a request that knows its scope, since the profiles are no longer told apart by unit.
    public var countsNewMembersApart: Bool { readsPeople && countedUnder != nil }

    /// The same request for the files of `scope` only, each counted under the reporting unit it is in (the
    /// nearest one above it or itself; a unit under none counts as itself). The figures stay those of
    /// every file's facts: a report counts a unit's files with the units under it (`ReportScope.facts(under:)`)
    /// only for reporting units, and a file moved up to the nearest one stays under each of those it was under.
    ///
    /// `source`: which of the sources merged into `scope` is asked (`ReportScope.init(sources:unit:today:)`), in
    /// its own unit ids, which merging may have qualified; its files are counted under the reporting unit's id
    /// in that source, or under their own unit when the reporting unit is not one of its units.
    public func counting(in scope: ReportScope, source: Int = 0) -> ReportFactsRequest {
        let reporting = Set(scope.reportingUnits.map(\.id))
        var under: [UnitID: UnitID] = [:]
        for unit in scope.unitIDs {
            var current: UnitID? = unit
            var visited: Set<UnitID> = []
            while let id = current, !reporting.contains(id), scope.unitIDs.contains(id), visited.insert(id).inserted {
                current = scope.organisation.units[id]?.parentID
            }
            under[unit] = current.flatMap { reporting.contains($0) ? $0 : nil } ?? unit
        }
        var request = self
        guard scope.unitIDsOfSources.indices.contains(source) else {
            request.countedUnder = under
            return request
        }
        let idsHere = scope.unitIDsOfSources[source]
        // Back to the source's ids; two of its committees of one name are one unit here: either id names it.
        var ownID: [UnitID: UnitID] = [:]
        for (own, here) in idsHere where ownID[here].map({ own < $0 }) ?? true { ownID[here] = own }
        var underOwn: [UnitID: UnitID] = [:]
        for (own, here) in idsHere {
            guard let target = under[here] else { continue }
            underOwn[own] = ownID[target] ?? own
        }
        request.countedUnder = underOwn
        return request
    }

    /// The day a date of span number `bucket` stands for (`bucket` 0: before every boundary; `i`: from
    /// boundary `i` on, until the next).
    public func day(ofSpan bucket: Int) -> CivilDate? {
        guard bucket >= 0, bucket <= dayBoundaries.count else { return nil }
        return bucket == 0 ? dayBoundaries.first?.adding(days: -1) : dayBoundaries[bucket - 1]
    }
}

extension QuotaReport {
    /// What `make(scope:year:)` reads: each unit's admissions of the year so far and of last year, and its
    /// candidates (by state).
    public static func factsRequest(year requestedYear: Int, today: CivilDate) -> ReportFactsRequest {
        let thisYear = ReportPeriod(span: .year, year: requestedYear)
        let lastYear = thisYear.sameLastYear
        return ReportFactsRequest(
            spans: [(thisYear.start, min(today, thisYear.end)), (lastYear.start, lastYear.end)],
            readsEveryEvent: false, readsPeople: false)
    }
}

extension PeriodReport {
    /// What `make(scope:period:)` reads: every movement in the period and the same dates of last year, the
    /// year's admissions so far, and who the new members are.
    public static func factsRequest(period: ReportPeriod, today: CivilDate) -> ReportFactsRequest {
        let through = period.countedThrough(today: today)
        let year = ReportPeriod(span: .year, year: period.year)
        return ReportFactsRequest(
            spans: [
                (period.start, through), (ReportPeriod.sameDayLastYear(period.start), ReportPeriod.sameDayLastYear(through)),
                (year.start, min(through, year.end)),
            ],
            readsEveryEvent: true, readsPeople: true)
    }
}
