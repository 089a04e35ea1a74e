import Foundation

/// The admission targets of a grassroots organisation and the figures published with them, as in the
/// unit-quota table of seed 002's appendix.
///
/// Figures recorded here are what the unit reported (or what an imported table said); the reports prefer
/// figures counted from case files whenever the data directory holds files of that unit.
public struct UnitQuota: Codable, Sendable, Equatable {
    /// The term the term quota belongs to, e.g. 2020–2025.
    public var termStartYear: Int?
    public var termEndYear: Int?
    /// Chỉ tiêu kết nạp nhiệm kỳ.
    public var termQuota: Int?
    /// Tổng số nguồn hiện có, as last reported.
    public var reportedSources: Int?
    /// Position (TT) in the published table, to print units in the same order.
    public var ordinal: Int?
    /// The total row of the published table that sums this unit with the others of its group
    /// ("TỔNG CỘNG (4)"), which the quota report keeps.
    public var publishedGroup: String?
    /// Members at the start of each year (tổng số đảng viên đầu năm).
    public var membersAtStartOfYear: [YearFigure]
    /// Chỉ tiêu kết nạp năm.
    public var yearlyQuotas: [YearFigure]
    /// Bổ sung chỉ tiêu trong năm.
    public var supplements: [YearFigure]
    /// Admissions as reported (đã kết nạp), for the year or up to a date within it.
    public var reportedAdmissions: [ReportedAdmissions]

    public init(
        termStartYear: Int? = nil, termEndYear: Int? = nil, termQuota: Int? = nil, reportedSources: Int? = nil,
        ordinal: Int? = nil, membersAtStartOfYear: [YearFigure] = [], yearlyQuotas: [YearFigure] = [],
        supplements: [YearFigure] = [], reportedAdmissions: [ReportedAdmissions] = []
    ) {
        self.termStartYear = termStartYear
        self.termEndYear = termEndYear
        self.termQuota = termQuota
        self.reportedSources = reportedSources
        self.ordinal = ordinal
        self.membersAtStartOfYear = membersAtStartOfYear
        self.yearlyQuotas = yearlyQuotas
        self.supplements = supplements
        self.reportedAdmissions = reportedAdmissions
    }

    /// The counts a person may record (members, quotas, sources, admissions): no unit is larger, and sums of
    /// thousands of units stay far from overflowing.
    public static let counts = 0...1_000_000

    // A figure outside `counts` was stored before the bound existed (or by hand): the reports treat it as
    // unknown rather than trap on its sum.
    public func members(atStartOf year: Int) -> Int? { membersAtStartOfYear.value(for: year).flatMap(Self.plausible) }
    public func quota(for year: Int) -> Int? { yearlyQuotas.value(for: year).flatMap(Self.plausible) }
    public func supplement(for year: Int) -> Int? { supplements.value(for: year).flatMap(Self.plausible) }

    /// `count` when it lies in `counts`, else nil.
    public static func plausible(_ count: Int) -> Int? { counts.contains(count) ? count : nil }

    /// The reported admissions of `year` up to `date` (the latest report not after it), if any.
    public func reportedAdmissions(in year: Int, upTo date: CivilDate? = nil) -> ReportedAdmissions? {
        reportedAdmissions
            .filter { reported in
                guard reported.year == year, Self.counts.contains(reported.count) else { return false }
                guard let date else { return true }
                // A report for the whole year counts as of its last day.
                guard let through = reported.through ?? CivilDate(year: year, month: 12, day: 31) else { return false }
                return through <= date
            }
            .max { ($0.through?.julianDay ?? Int.max) < ($1.through?.julianDay ?? Int.max) }
    }

    /// Sets (or replaces) the figure of `year` in one of the year lists.
    public static func setting(_ value: Int, for year: Int, in figures: [YearFigure]) -> [YearFigure] {
        (figures.filter { $0.year != year } + [YearFigure(year: year, value: value)]).sorted { $0.year < $1.year }
    }
}

/// One number for one year.
public struct YearFigure: Codable, Sendable, Equatable {
    public var year: Int
    public var value: Int

    public init(year: Int, value: Int) {
        self.year = year
        self.value = value
    }
}

/// Admissions a unit reported: for the whole year (`through` nil) or up to a date within it.
public struct ReportedAdmissions: Codable, Sendable, Equatable {
    public var year: Int
    public var through: CivilDate?
    public var count: Int

    public init(year: Int, through: CivilDate? = nil, count: Int) {
        self.year = year
        self.through = through
        self.count = count
    }
}

extension Array where Element == YearFigure {
    /// The figure of `year`, if recorded.
    public func value(for year: Int) -> Int? { last { $0.year == year }?.value }
}
