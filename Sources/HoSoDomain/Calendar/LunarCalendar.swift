/// The Vietnamese lunar calendar (âm lịch), computed from new moons and solar terms as in Hồ Ngọc Đức's
/// method, for any time zone: Vietnam counts days in UTC+7, China in UTC+8, and the two calendars
/// differ in the years where a new moon or a solar term falls near midnight (Tết 1985, Tết 2007).
public enum LunarCalendar {
    /// Vietnam's time zone, in hours east of UTC.
    public static let vietnamTimeZone: Double = 7
    /// China's time zone, in hours east of UTC.
    public static let chinaTimeZone: Double = 8

    /// The lunar date of a solar day.
    public static func lunarDate(of date: CivilDate, timeZone: Double = vietnamTimeZone) -> LunarDate {
        let day = date.julianDay
        let monthLunation = lunationStarting(onOrBefore: day, timeZone: timeZone)
        let monthStart = LunarAstronomy.newMoonDay(monthLunation, timeZone: timeZone)

        var frame = SolsticeYear(solarYear: date.year, timeZone: timeZone)
        if frame.month11Start > monthStart {
            frame = SolsticeYear(solarYear: date.year - 1, timeZone: timeZone)
        }
        let offset = monthLunation - frame.month11Lunation
        let month = frame.month(atOffset: offset)
        return LunarDate(year: month.lunarYear, month: month.month, day: day - monthStart + 1, isLeapMonth: month.isLeap)
    }

    /// The solar day of a lunar date, or `nil` when it does not exist (a 30th in a 29-day month, a leap
    /// month the year does not have, month 13).
    public static func solarDate(of lunar: LunarDate, timeZone: Double = vietnamTimeZone) -> CivilDate? {
        guard let (frame, offset) = locate(year: lunar.year, month: lunar.month, isLeap: lunar.isLeapMonth, timeZone: timeZone),
              (1...frame.lengthOfMonth(atOffset: offset)).contains(lunar.day)
        else { return nil }
        return CivilDate(julianDay: frame.startOfMonth(atOffset: offset) + lunar.day - 1)
    }

    /// Tết Nguyên Đán: the solar day of 1/1 of lunar year `year`.
    public static func newYear(_ year: Int, timeZone: Double = vietnamTimeZone) -> CivilDate {
        let frame = SolsticeYear(solarYear: year - 1, timeZone: timeZone)
        // Month 1 is the second regular month after month 11, one later when 11 or 12 is repeated.
        let offset = (frame.leapMonthOffset ?? 13) <= 2 ? 3 : 2
        return CivilDate(julianDay: frame.startOfMonth(atOffset: offset))
    }

    /// The month lunar year `year` repeats as a leap month (tháng nhuận), or `nil` in a 12-month year.
    public static func leapMonth(ofLunarYear year: Int, timeZone: Double = vietnamTimeZone) -> Int? {
        // Months 1–10 of the year come from the frame that starts in the previous December, 11–12 from
        // the one starting in this December.
        let earlier = SolsticeYear(solarYear: year - 1, timeZone: timeZone)
        if let offset = earlier.leapMonthOffset, offset >= 3 { return earlier.month(atOffset: offset).month }
        let later = SolsticeYear(solarYear: year, timeZone: timeZone)
        if let offset = later.leapMonthOffset, offset <= 2 { return later.month(atOffset: offset).month }
        return nil
    }

    /// Number of days (29 or 30) of a lunar month, or `nil` when the month does not exist.
    public static func daysInMonth(year: Int, month: Int, isLeapMonth: Bool = false,
                                   timeZone: Double = vietnamTimeZone) -> Int? {
        guard let (frame, offset) = locate(year: year, month: month, isLeap: isLeapMonth, timeZone: timeZone)
        else { return nil }
        return frame.lengthOfMonth(atOffset: offset)
    }

    /// The last day of lunar year `year` (29 or 30 tháng Chạp): the eve of the next Tết.
    public static func lastDayOfYear(_ year: Int, timeZone: Double = vietnamTimeZone) -> CivilDate {
        newYear(year + 1, timeZone: timeZone).adding(days: -1)
    }

    private static func locate(year: Int, month: Int, isLeap: Bool, timeZone: Double) -> (SolsticeYear, Int)? {
        guard (1...12).contains(month) else { return nil }
        let frame = SolsticeYear(solarYear: month >= 11 ? year : year - 1, timeZone: timeZone)
        guard let offset = frame.offset(ofMonth: month, isLeap: isLeap) else { return nil }
        return (frame, offset)
    }

    /// Lunation number of the lunar month that contains civil day `day`.
    private static func lunationStarting(onOrBefore day: Int, timeZone: Double) -> Int {
        // The estimate can be one off when a new moon falls close to midnight; step until it fits.
        var lunation = LunarAstronomy.lunationNumber(near: day)
        while LunarAstronomy.newMoonDay(lunation, timeZone: timeZone) > day { lunation -= 1 }
        while LunarAstronomy.newMoonDay(lunation + 1, timeZone: timeZone) <= day { lunation += 1 }
        return lunation
    }
}
