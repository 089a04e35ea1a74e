import Foundation

/// The figures of one unit (and everything under it) that the reports are built from.
///
/// A figure is counted from the case files when the directory holds files of the unit; otherwise the
/// figure recorded in its quota (typed in or imported from the published table) is used, so a level
/// above that only received the table still gets its reports.
public struct UnitFigures: Sendable {
    public let unit: Unit
    /// The facts of the unit's files and of the units under it.
    public let facts: [ReportFacts]

    private let scope: ReportScope

    public init(unit: Unit, scope: ReportScope) {
        self.unit = unit
        self.facts = scope.facts(under: unit.id)
        self.scope = scope
    }

    public var hasCaseFiles: Bool { !facts.isEmpty }

    /// Members at the start of `year`: as recorded, else the sum of the units under it, else today's
    /// head-count (then `estimated`).
    public func members(atStartOf year: Int) -> (count: Int?, estimated: Bool) {
        scope.members(atStartOf: year, under: unit.id)
    }

    /// Admissions dated from `from` to `through`, both included (see `admissions(from:through:)`).
    public func admitted(from: CivilDate, through: CivilDate) -> Int? { admissions(from: from, through: through).count }

    /// Admissions of `year` up to `date` (or the whole year), and the date they are counted to.
    public func admitted(in year: Int, upTo date: CivilDate) -> (count: Int?, through: CivilDate) {
        let whole = ReportPeriod(span: .year, year: year)
        let figure = admissions(from: whole.start, through: min(date, whole.end))
        return (figure.count, figure.through)
    }

    /// Admissions dated from `from` to `through`: counted from the files when the unit has any, else as
    /// the unit reported them (see `Admissions.of`).
    public func admissions(from: CivilDate, through: CivilDate) -> Admissions {
        let counted = hasCaseFiles
            ? facts.reduce(0) { $0 + ($1.admission.map { from <= $0 && $0 <= through } ?? false ? $1.files : 0) } : nil
        return Admissions.of(counted: counted, quota: unit.quota, from: from, through: through)
    }

    /// Candidates still on the way (tổng số nguồn hiện có).
    public var sources: Int? {
        if hasCaseFiles { return facts.reduce(0) { $0 + ($1.state.isCandidate ? $1.files : 0) } }
        return unit.quota?.reportedSources.flatMap(UnitQuota.plausible)
    }

    public func quota(for year: Int) -> Int? { unit.quota?.quota(for: year) }
    public func supplement(for year: Int) -> Int? { unit.quota?.supplement(for: year) }
}

/// An admissions figure and the last day it counts: the rule every report and the board apply.
public struct Admissions: Codable, Sendable, Equatable {
    /// Nil when the unit has neither case files nor a reported figure for the dates asked.
    public var count: Int?
    public var through: CivilDate

    public init(count: Int?, through: CivilDate) {
        self.count = count
        self.through = through
    }

    /// `counted` (the files' count, nil when the unit has no files) wins; else the figure the unit reported
    /// for the year up to a date not after `through`, which runs from 1/1 and to its own date (a table
    /// "tính đến 30/6" says 30/6 even when the report is drawn up later).
    public static func of(counted: Int?, quota: UnitQuota?, from: CivilDate, through: CivilDate) -> Admissions {
        if let counted { return Admissions(count: counted, through: through) }
        guard from.month == 1, from.day == 1, let reported = quota?.reportedAdmissions(in: from.year, upTo: through) else {
            return Admissions(count: nil, through: through)
        }
        return Admissions(count: reported.count, through: reported.through ?? CivilDate(year: from.year, month: 12, day: 31)!)
    }
}

/// Figures of several units added up, with how many of them had one: a total that misses a unit is partial
/// and says so instead of passing for the whole.
public struct FigureTotal: Codable, Sendable, Equatable {
    /// The sum of the figures there are; nil when no unit has one.
    public var value: Int?
    public var unitsWithFigure: Int
    public var unitCount: Int

    public init(_ figures: [Int?]) {
        let known = figures.compactMap { $0 }
        value = known.isEmpty ? nil : known.reduce(0, +)
        unitsWithFigure = known.count
        unitCount = figures.count
    }

    /// Some units have a figure and some have none.
    public var isPartial: Bool { value != nil && unitsWithFigure < unitCount }

    /// "68", "12 (chưa đủ)" or "không có số liệu".
    public var text: String {
        guard let value else { return FigureText.noData }
        return isPartial ? "\(value) \(FigureText.partialMark)" : String(value)
    }
}

/// The words the reports print for a figure that is missing or incomplete.
public enum FigureText {
    public static let noData = "không có số liệu"
    public static let partialMark = "(chưa đủ)"

    /// The note under a table with a partial total.
    public static func partialNote(_ total: FigureTotal, of figure: String) -> String {
        "\(partialMark) \(figure): chỉ cộng \(total.unitsWithFigure)/\(total.unitCount) đơn vị có số liệu; "
            + "các đơn vị khác chưa có hồ sơ hay số liệu báo cáo trong kỳ."
    }

    /// "30/6/2021".
    public static func date(_ date: CivilDate) -> String { "\(date.day)/\(date.month)/\(date.year)" }
}

/// When the events the reports count happened, read from a case file.
public enum CaseEvents {
    /// The admission decision; a revoked decision does not count.
    public static func admission(_ file: CaseFile) -> CivilDate? {
        file.state == .decisionRevoked ? nil : file.decision?.date
    }

    /// The day the member became official: the end of the 12 months of probation, even when the cell met
    /// or the committee decided later (QĐ 29-QĐ/TW mục 4); files recognised before that day was stored
    /// count by their decision.
    public static func recognition(_ file: CaseFile) -> CivilDate? {
        guard let decision = file.recognitionDecision else { return nil }
        return file.officialSince ?? decision.date
    }

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
