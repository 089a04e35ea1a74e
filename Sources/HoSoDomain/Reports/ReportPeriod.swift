import Foundation

/// A reporting period: a quarter, a half year or a year (the cadence of seed 002 §V).
public struct ReportPeriod: Sendable, Equatable, Codable {
    public enum Span: String, Sendable, Codable, CaseIterable {
        case q1 = "Q1", q2 = "Q2", q3 = "Q3", q4 = "Q4", h1 = "H1", h2 = "H2", year = "Y"

        var months: ClosedRange<Int> {
            switch self {
            case .q1: 1...3
            case .q2: 4...6
            case .q3: 7...9
            case .q4: 10...12
            case .h1: 1...6
            case .h2: 7...12
            case .year: 1...12
            }
        }
    }

    public var span: Span
    public var year: Int

    /// The years a person may ask a report for, or record a unit's figures for (the CLI refuses others).
    public static let years = 1900...2199

    /// A year the calendar cannot hold (before 1 or after 9999) becomes the nearest one it can: a caller that
    /// did not check `years` gets a report that counts nothing, never a trap.
    public init(span: Span, year: Int) {
        self.span = span
        self.year = min(max(year, 1), 9999)
    }

    // Safe to unwrap: `init` keeps `year` within the calendar and `span` names real months.
    public var start: CivilDate { CivilDate(year: year, month: span.months.lowerBound, day: 1)! }

    public var end: CivilDate {
        let month = span.months.upperBound
        return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
    }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }

    /// The same period of the previous year, for the "cùng kỳ năm trước" column.
    public var sameLastYear: ReportPeriod { ReportPeriod(span: span, year: year - 1) }

    /// The last day counted when the report is drawn up on `today`: the period's end, or today inside it.
    public func countedThrough(today: CivilDate) -> CivilDate { min(end, max(today, start)) }

    /// The same day one year earlier (29/2 becomes 28/2): "cùng kỳ" compares the same dates.
    public static func sameDayLastYear(_ date: CivilDate) -> CivilDate { date.adding(years: -1) }

    /// Whether the period is a whole year counted to its last day: only then is the yearly 3–4 % target a grade.
    public func isWholeYear(countedThrough date: CivilDate) -> Bool {
        span == .year && date >= end
    }

    /// "Quý I năm 2021", "6 tháng đầu năm 2021", "Năm 2021".
    public var vietnamese: String {
        switch span {
        case .q1: "Quý I năm \(year)"
        case .q2: "Quý II năm \(year)"
        case .q3: "Quý III năm \(year)"
        case .q4: "Quý IV năm \(year)"
        case .h1: "6 tháng đầu năm \(year)"
        case .h2: "6 tháng cuối năm \(year)"
        case .year: "Năm \(year)"
        }
    }
}

/// Percentages as the reports print them.
public enum Percent {
    /// `part` of `whole` in per cent, nil when `whole` is zero.
    public static func of(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) * 100 / Double(whole)
    }

    /// The change from `previous` to `current` in per cent, nil when there was nothing before.
    public static func change(from previous: Int, to current: Int) -> Double? {
        previous == 0 ? nil : Double(current - previous) * 100 / Double(previous)
    }

    /// "70 %", "3,50 %", "—": Vietnamese decimal comma and always `decimals` places, so that a column of
    /// percentages lines up and "3,5" never stands beside "3,25".
    public static func text(_ value: Double?, decimals: Int = 0) -> String {
        guard let value else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(scaled % Int(scale))
            text += "," + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text + " %"
    }
}
