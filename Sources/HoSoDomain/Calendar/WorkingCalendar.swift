import Synchronization

/// The working days of a Vietnamese state office: Monday to Friday, less the public holidays and their
/// compensatory days, with the year's government changes applied. Deadlines of the procedure are
/// counted on it.
///
/// A year in `precomputedYears` is worked out the first time a question needs it and kept (shared by every
/// copy of the calendar), so the questions asked for each of many cases are array lookups; other years
/// are computed when asked, more slowly. Nothing is worked out when the calendar is made: a command that
/// asks about two years works out two, not the span's 61 years of lunar holidays (2 ms at every command).
public struct WorkingCalendar: Sendable, Equatable {
    /// Calendars are equal when they are made from the same rules, changes and years: the tables are
    /// worked out from those.
    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.rules == b.rules && a.overrides == b.overrides && a.precomputedYears == b.precomputedYears
    }

    /// The statutory holidays.
    public let rules: HolidayRules
    /// The government's changes, from the override file.
    public let overrides: HolidayOverrides
    /// The years whose tables are kept once worked out.
    public let precomputedYears: ClosedRange<Int>

    private let makeUpWorkingDays: Set<Int>
    private let kept = KeptYears()

    /// A calendar from the statutory rules and the year's override file.
    public init(rules: HolidayRules = HolidayRules(), overrides: HolidayOverrides = HolidayOverrides(),
                precomputedYears: ClosedRange<Int> = 2000...2060) {
        self.rules = rules
        self.overrides = overrides
        self.precomputedYears = precomputedYears
        makeUpWorkingDays = Set((overrides.makeUpWorkingDays + HolidayRules.publishedMakeUpWorkingDays).map(\.date.julianDay))
    }

    /// The days off of one year and which of its days are working days.
    private struct Year: Sendable {
        let holidays: [PublicHoliday]
        let table: WorkingDayTable
    }

    /// The years worked out so far; a class, so that every copy of a calendar shares what one worked out.
    private final class KeptYears: Sendable {
        let years = Mutex<[Int: Year]>([:])
    }

    /// Year `year`, from the kept ones or worked out now (and kept when it is in `precomputedYears`).
    private func year(_ year: Int) -> Year {
        let inSpan = precomputedYears.contains(year)
        if inSpan, let found = kept.years.withLock({ $0[year] }) { return found }
        let holidays = Self.applying(overrides, to: rules.holidays(in: year))
        let daysOff = Set(holidays.map(\.date.julianDay))
        let firstDay = Self.julianDay(year: year, month: 1, day: 1)
        let endDay = Self.julianDay(year: year + 1, month: 1, day: 1)
        let makeUp = makeUpWorkingDays
        let flags = (firstDay..<max(firstDay, endDay)).map { Self.isWorking($0, daysOff: daysOff, makeUpWorkingDays: makeUp) }
        let worked = Year(holidays: holidays, table: WorkingDayTable(firstDay: firstDay, isWorking: flags))
        if inSpan { kept.years.withLock { $0[year] = worked } }
        return worked
    }

    /// The table of the year holding `day`.
    private func table(holding day: Int) -> WorkingDayTable {
        year(CivilDate(julianDay: day).year).table
    }

    /// The days off of `year` (statutory holidays, compensatory days and added days, less cancelled
    /// ones), sorted by date. Make-up working days are not listed: they are not days off.
    public func holidays(in year: Int) -> [PublicHoliday] {
        self.year(year).holidays
    }

    /// The Saturdays and Sundays of `year` that are working days (built-in schedules and holidays.json), by date.
    public func makeUpWorkingDays(in year: Int) -> [HolidayOverrides.Entry] {
        (HolidayRules.publishedMakeUpWorkingDays + overrides.makeUpWorkingDays).filter { $0.date.year == year }
            .sorted { $0.date < $1.date }
    }

    /// The days off from `start` through `end` that are guessed ("dự kiến"): a count over them may change
    /// when the year's schedule is published.
    public func estimatedDaysOff(from start: CivilDate, through end: CivilDate) -> [CivilDate] {
        guard start <= end else { return [] }
        return (start.year...end.year).flatMap { holidays(in: $0) }
            .filter { $0.isEstimated && $0.date >= start && $0.date <= end }.map(\.date)
    }

    /// The day off falling on `date`, if any (the first by the law's order when two coincide).
    public func holiday(on date: CivilDate) -> PublicHoliday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// True on a day the office works.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        let day = date.julianDay
        return table(holding: day).isWorkingDay(day) ?? isWorkingOutsideTables(day)
    }

    /// The `n`-th working day after `date`, not counting `date` itself; with a negative `n`, the
    /// `-n`-th working day before it; `date` itself when `n` is 0.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        guard n != 0 else { return date }
        let step = n > 0 ? 1 : -1
        var remaining = abs(n)
        var day = date.julianDay
        var table = table(holding: day)
        while remaining > 0 {
            day += step
            if !table.covers(day) { table = self.table(holding: day) }
            if table.isWorkingDay(day) ?? isWorkingOutsideTables(day) { remaining -= 1 }
        }
        return CivilDate(julianDay: day)
    }

    /// Working days from `start` through `end`, both included; 0 when `end` is before `start`.
    public func workingDays(from start: CivilDate, through end: CivilDate) -> Int {
        let (first, last) = (start.julianDay, end.julianDay)
        guard first <= last else { return 0 }
        // Counted a year at a time, each from its running counts.
        var count = 0
        var day = first
        while day <= last {
            let table = table(holding: day)
            guard table.covers(day) else {
                if isWorkingOutsideTables(day) { count += 1 }
                day += 1
                continue
            }
            let through = min(last, table.endDay - 1)
            count += table.workingDays(from: day, through: through) ?? 0
            day = through + 1
        }
        return count
    }

    private static func applying(_ overrides: HolidayOverrides, to holidays: [PublicHoliday]) -> [PublicHoliday] {
        guard !overrides.isEmpty else { return holidays }
        let cancelled = Set(overrides.cancelledDaysOff)
        let years = Set(holidays.map(\.date.year))
        let confirmed = Set(overrides.confirmedYears)
        let listed = Set(overrides.extraDaysOff.map(\.date))
        let kept = holidays.filter { !cancelled.contains($0.date) }.map { holiday in
            var holiday = holiday
            if confirmed.contains(holiday.date.year) { holiday.isEstimated = false }
            // A day the file adds that the rules already give is that day, confirmed: listed once.
            if listed.contains(holiday.date) {
                holiday.isEstimated = false
                holiday.isConfirmedByOverrides = true
            }
            return holiday
        }
        let given = Set(kept.map(\.date))
        let added = overrides.extraDaysOff
            .filter { years.contains($0.date.year) && !given.contains($0.date) }
            .map { PublicHoliday(date: $0.date, name: $0.reason, kind: .extraDayOff) }
        return (kept + added).sorted(by: HolidayRules.chronologically)
    }

    /// A make-up day is worked even when something else would make it a day off: the override file
    /// is the most specific statement there is.
    private static func isWorking(_ day: Int, daysOff: Set<Int>, makeUpWorkingDays: Set<Int>) -> Bool {
        if makeUpWorkingDays.contains(day) { return true }
        return !CivilDate(julianDay: day).isWeekend && !daysOff.contains(day)
    }

    private static func julianDay(year: Int, month: Int, day: Int) -> Int {
        // Years outside CivilDate's range are only reachable through an absurd `precomputedYears`.
        CivilDate(year: min(max(year, 1), 9999), month: month, day: day)?.julianDay ?? 0
    }

    /// Outside the years a table can cover (before year 1, after 9999): weekdays alone.
    private func isWorkingOutsideTables(_ day: Int) -> Bool {
        Self.isWorking(day, daysOff: [], makeUpWorkingDays: makeUpWorkingDays)
    }
}
