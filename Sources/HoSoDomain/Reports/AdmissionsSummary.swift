import Foundation

/// A year's admissions of a scope so far against its quota and the 3–4 % target: the one computation the
/// rate report's total, the period report's note and the TUI's board all show, so they agree.
public struct AdmissionsSummary: Codable, Sendable, Equatable {
    public var year: Int
    /// The reporting units' admissions from 1/1 of `year`, summed.
    public var admitted: FigureTotal
    /// The last day the admissions are counted to (the latest of the units').
    public var through: CivilDate
    /// The sum of the reporting units' yearly quotas.
    public var unitsQuota: Int?
    /// The quota set for the committee above them, if any: the target of the level.
    public var levelQuota: LevelQuota?
    /// Members at the start of `year`, summed over the reporting units; `estimated` when any is today's.
    public var members: Int?
    public var membersEstimated: Bool

    /// The quota admissions are measured against: the level's when set, else the units' sum.
    public var quota: Int? { levelQuota?.quota ?? unitsQuota }

    /// The 3–4 % target of the members, when they are known.
    public var target: ClosedRange<Int>? { members.map { RateReport.target(members: $0) } }

    /// `admitted` ÷ `quota` × 100; nil for a partial total.
    public var quotaReached: Double? { admitted.isPartial ? nil : admitted.value.flatMap { count in quota.flatMap { Percent.of(count, $0) } } }

    /// `admitted` ÷ `members` × 100; nil for a partial total.
    public var rate: Double? { admitted.isPartial ? nil : admitted.value.flatMap { count in members.flatMap { Percent.of(count, $0) } } }

    /// The summary of `year` up to `date` over the reporting units of `scope`. `counted` gives a unit's
    /// admissions counted from files (nil when it has none); by default the scope's own files are counted.
    public static func make(
        scope: ReportScope, year: Int, upTo date: CivilDate, counted: ((Unit, CivilDate, CivilDate) -> Int?)? = nil
    ) -> AdmissionsSummary {
        let start = CivilDate(year: year, month: 1, day: 1)!
        let through = min(date, CivilDate(year: year, month: 12, day: 31)!)
        var figures: [Admissions] = []
        var quotas: [Int?] = []
        var members: [(count: Int?, estimated: Bool)] = []
        for unit in scope.reportingUnits {
            let unitFigures = UnitFigures(unit: unit, scope: scope)
            if let counted {
                figures.append(Admissions.of(counted: counted(unit, start, through), quota: unit.quota, from: start, through: through))
            } else {
                figures.append(unitFigures.admissions(from: start, through: through))
            }
            quotas.append(unitFigures.quota(for: year))
            members.append(unitFigures.members(atStartOf: year))
        }
        let known = figures.filter { $0.count != nil }
        let memberTotal = FigureTotal(members.map(\.count))
        return AdmissionsSummary(
            year: year, admitted: FigureTotal(figures.map(\.count)), through: known.map(\.through).max() ?? through,
            unitsQuota: FigureTotal(quotas).value, levelQuota: scope.levelQuota(for: year), members: memberTotal.value,
            membersEstimated: members.contains { $0.count != nil && $0.estimated })
    }
}
