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

    /// A request counting the days from each span's first to its last, both included.
    public init(spans: [(first: CivilDate, last: CivilDate)], readsEveryEvent: Bool, readsPeople: Bool) {
        dayBoundaries = Array(Set(spans.flatMap { [$0.first, $0.last.adding(days: 1)] })).sorted()
        self.readsEveryEvent = readsEveryEvent
        self.readsPeople = readsPeople
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
