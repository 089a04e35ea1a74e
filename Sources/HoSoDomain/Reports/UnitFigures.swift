import Foundation

/// The figures of one unit (and everything under it) that the reports are built from.
///
/// A figure is counted from the case files when the directory holds files of the unit; otherwise the
/// figure recorded in its quota (typed in or imported from the published table) is used, so a level
/// above that only received the table still gets its reports.
public struct UnitFigures: Sendable {
    public let unit: Unit
    public let cases: [CaseFile]

    private let scope: ReportScope

    public init(unit: Unit, scope: ReportScope) {
        self.unit = unit
        self.cases = scope.cases(under: unit.id)
        self.scope = scope
    }

    public var hasCaseFiles: Bool { !cases.isEmpty }

    /// Members at the start of `year`: as recorded, else the sum of the units under it, else today's
    /// head-count (then `estimated`).
    public func members(atStartOf year: Int) -> (count: Int?, estimated: Bool) {
        scope.members(atStartOf: year, under: unit.id)
    }

    /// Admissions dated from `from` to `through`, both included.
    public func admitted(from: CivilDate, through: CivilDate) -> Int? {
        if hasCaseFiles { return cases.filter { CaseEvents.admission($0).map { from <= $0 && $0 <= through } ?? false }.count }
        guard from.month == 1, from.day == 1 else { return nil }
        return unit.quota?.reportedAdmissions(in: from.year, upTo: through)?.count
    }

    /// Admissions of `year` up to `date` (or the whole year), and the date they are counted to.
    public func admitted(in year: Int, upTo date: CivilDate) -> (count: Int?, through: CivilDate) {
        let whole = ReportPeriod(span: .year, year: year)
        let yearEnd = whole.end
        let end = min(date, yearEnd)
        if hasCaseFiles { return (admitted(from: whole.start, through: end), end) }
        guard let reported = unit.quota?.reportedAdmissions(in: year, upTo: end) else { return (nil, end) }
        return (reported.count, reported.through ?? yearEnd)
    }

    /// Candidates still on the way (tổng số nguồn hiện có).
    public var sources: Int? {
        if hasCaseFiles { return cases.filter { $0.state.isCandidate }.count }
        return unit.quota?.reportedSources.flatMap(UnitQuota.plausible)
    }

    public func quota(for year: Int) -> Int? { unit.quota?.quota(for: year) }
    public func supplement(for year: Int) -> Int? { unit.quota?.supplement(for: year) }
}

/// When the events the reports count happened, read from a case file.
public enum CaseEvents {
    /// The admission decision; a revoked decision does not count.
    public static func admission(_ file: CaseFile) -> CivilDate? {
        file.state == .decisionRevoked ? nil : file.decision?.date
    }

    public static func recognition(_ file: CaseFile) -> CivilDate? { file.recognitionDecision?.date }

    /// Every day the file was taken off the source list, even if it came back or was withdrawn since; a
    /// file removed before the dates were recorded is known by its side state while it stays removed.
    public static func removals(_ file: CaseFile) -> [CivilDate] {
        var dates = file.removalDates
        if file.state == .removed, let date = file.sideState?.date, !dates.contains(date) { dates.append(date) }
        return dates
    }

    public static func strikingOff(_ file: CaseFile) -> CivilDate? {
        file.state == .struckOff ? file.sideState?.date : nil
    }

    /// Full years of age on `date`.
    public static func age(of person: Person, on date: CivilDate) -> Int {
        let birth = person.birthDate
        var years = date.year - birth.year
        if (date.month, date.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}
