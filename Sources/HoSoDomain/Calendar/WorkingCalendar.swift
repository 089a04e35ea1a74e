/// The working days of a Vietnamese state office: Monday to Friday, less the public holidays and their
/// compensatory days, with the year's government changes applied. Deadlines of the procedure are
/// counted on it.
///
/// The years in `precomputedYears` are worked out once when the calendar is made, so the questions asked
/// for each of many cases are array lookups; other years are computed when asked, more slowly.
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
    /// The years answered from the table built at creation.
    public let precomputedYears: ClosedRange<Int>

    private let holidaysByYear: [Int: [PublicHoliday]]
    private let table: WorkingDayTable
    private let makeUpWorkingDays: Set<Int>

    /// A calendar from the statutory rules and the year's override file.
    public init(rules: HolidayRules = HolidayRules(), overrides: HolidayOverrides = HolidayOverrides(),
                precomputedYears: ClosedRange<Int> = 2000...2060) {
        self.rules = rules
        self.overrides = overrides
        self.precomputedYears = precomputedYears
        makeUpWorkingDays = Set((overrides.makeUpWorkingDays + HolidayRules.publishedMakeUpWorkingDays).map(\.date.julianDay))

        let holidays = Self.applying(overrides, to: rules.holidays(inYears: precomputedYears))
        holidaysByYear = Dictionary(grouping: holidays, by: \.date.year)
        let daysOff = Set(holidays.map(\.date.julianDay))

        let firstDay = Self.julianDay(year: precomputedYears.lowerBound, month: 1, day: 1)
        let endDay = Self.julianDay(year: precomputedYears.upperBound + 1, month: 1, day: 1)
        let makeUp = makeUpWorkingDays
        let flags = (firstDay..<endDay).map { day in
            Self.isWorking(day, daysOff: daysOff, makeUpWorkingDays: makeUp)
        }
        table = WorkingDayTable(firstDay: firstDay, isWorking: flags)
    }

    /// The days off of `year` (statutory holidays, compensatory days and added days, less cancelled
    /// ones), sorted by date. Make-up working days are not listed: they are not days off.
    public func holidays(in year: Int) -> [PublicHoliday] {
        if precomputedYears.contains(year) { return holidaysByYear[year] ?? [] }
        return Self.applying(overrides, to: rules.holidays(in: year))
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
        if let working = table.isWorkingDay(day) { return working }
        var lookup = SlowLookup(calendar: self)
        return lookup.isWorking(day)
    }

    /// The `n`-th working day after `date`, not counting `date` itself; with a negative `n`, the
    /// `-n`-th working day before it; `date` itself when `n` is 0.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        guard n != 0 else { return date }
        let step = n > 0 ? 1 : -1
        var remaining = abs(n)
        var day = date.julianDay
        var lookup = SlowLookup(calendar: self)
        while remaining > 0 {
            day += step
            if table.isWorkingDay(day) ?? lookup.isWorking(day) { remaining -= 1 }
        }
        return CivilDate(julianDay: day)
    }

    /// Working days from `start` through `end`, both included; 0 when `end` is before `start`.
    public func workingDays(from start: CivilDate, through end: CivilDate) -> Int {
        let (first, last) = (start.julianDay, end.julianDay)
        guard first <= last else { return 0 }
        // The part inside the table is counted at once; only the days before or after it are visited.
        var count = table.workingDays(from: max(first, table.firstDay), through: min(last, table.endDay - 1)) ?? 0
        var lookup = SlowLookup(calendar: self)
        let end = last + 1
        let before = first..<max(first, min(end, table.firstDay))
        let after = min(end, max(first, table.endDay))..<end
        for day in before where lookup.isWorking(day) { count += 1 }
        for day in after where lookup.isWorking(day) { count += 1 }
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

    /// Days off of years outside the table, computed once per year during one question.
    private struct SlowLookup {
        let calendar: WorkingCalendar
        var daysOffByYear: [Int: Set<Int>] = [:]

        mutating func isWorking(_ day: Int) -> Bool {
            let year = CivilDate(julianDay: day).year
            let daysOff = daysOffByYear[year] ?? Set(calendar.holidays(in: year).map(\.date.julianDay))
            daysOffByYear[year] = daysOff
            return WorkingCalendar.isWorking(day, daysOff: daysOff, makeUpWorkingDays: calendar.makeUpWorkingDays)
        }
    }
}
