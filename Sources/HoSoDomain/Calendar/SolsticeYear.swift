/// The lunar months from the one holding a winter solstice (always month 11) up to the one holding the
/// next. Twelve or thirteen months; with thirteen, the first month after month 11 that contains no
/// principal solar term (trung khí) is the leap month. All lunar dates are numbered from this frame.
struct SolsticeYear {
    /// The solar year whose December solstice falls in the first month 11.
    let solarYear: Int
    /// Julian Day Number of the first day of month 11.
    let month11Start: Int
    /// Lunation number (see `LunarAstronomy.newMoon`) of month 11.
    let month11Lunation: Int
    /// Number of months in the frame: 12, or 13 when one is a leap month.
    let monthCount: Int
    /// Months after month 11 at which the leap month sits (1 = a leap month 11), when there is one.
    let leapMonthOffset: Int?
    let timeZone: Double

    init(solarYear: Int, timeZone: Double) {
        self.solarYear = solarYear
        self.timeZone = timeZone
        let start = Self.month11Start(ofSolarYear: solarYear, timeZone: timeZone)
        let lunation = Int(((Double(start) - LunarAstronomy.epochNewMoon) / LunarAstronomy.synodicMonth).rounded())
        let nextStart = Self.month11Start(ofSolarYear: solarYear + 1, timeZone: timeZone)
        month11Start = start
        month11Lunation = lunation
        // Twelve lunations are about 354 days, thirteen about 384.
        monthCount = nextStart - start > 365 ? 13 : 12
        if monthCount == 13 {
            // Thirteen months share twelve principal terms, so one always lacks a term; the fallback
            // only keeps the numbering total should rounding ever hide it.
            leapMonthOffset = Self.firstMonthWithoutPrincipalTerm(after: lunation, timeZone: timeZone) ?? 12
        } else {
            leapMonthOffset = nil
        }
    }

    /// First day (Julian Day Number) of the month `offset` months after month 11.
    func startOfMonth(atOffset offset: Int) -> Int {
        LunarAstronomy.newMoonDay(month11Lunation + offset, timeZone: timeZone)
    }

    /// 29 or 30.
    func lengthOfMonth(atOffset offset: Int) -> Int {
        startOfMonth(atOffset: offset + 1) - startOfMonth(atOffset: offset)
    }

    /// Where month `month` (leap or not) sits in this frame, or `nil` when this frame has no such month.
    /// Months 11 and 12 are taken from the start of the frame, months 1–10 after them.
    func offset(ofMonth month: Int, isLeap: Bool) -> Int? {
        guard (1...12).contains(month) else { return nil }
        let regularIndex = (month + 1) % 12      // 11 → 0, 12 → 1, 1 → 2, …, 10 → 11
        guard let leapOffset = leapMonthOffset else { return isLeap ? nil : regularIndex }
        if isLeap { return regularIndex == leapOffset - 1 ? leapOffset : nil }
        return regularIndex >= leapOffset ? regularIndex + 1 : regularIndex
    }

    /// The month number, leap flag and lunar year of the month `offset` months after month 11.
    func month(atOffset offset: Int) -> (month: Int, isLeap: Bool, lunarYear: Int) {
        var regularIndex = offset
        var isLeap = false
        if let leapOffset = leapMonthOffset, offset >= leapOffset {
            regularIndex = offset - 1
            isLeap = offset == leapOffset
        }
        let month = (regularIndex + 10) % 12 + 1
        // Months 11 and 12 end the lunar year that began in this solar year; month 1 starts the next.
        let lunarYear = regularIndex < 2 ? solarYear : solarYear + 1
        return (month, isLeap, lunarYear)
    }

    /// First day of the lunar month that contains the December solstice of `year`.
    static func month11Start(ofSolarYear year: Int, timeZone: Double) -> Int {
        let lunation = LunarAstronomy.lunationNumber(near: julianDayOfDecember31(year))
        let candidate = LunarAstronomy.newMoonDay(lunation, timeZone: timeZone)
        // Sector 9 starts at the solstice: already in it at the month's first midnight means the
        // solstice came earlier, in the month before.
        if LunarAstronomy.sunSector(atStartOf: candidate, timeZone: timeZone) >= 9 {
            return LunarAstronomy.newMoonDay(lunation - 1, timeZone: timeZone)
        }
        return candidate
    }

    /// Offset after month 11 of the first month during which the sun enters no new 30° sector.
    static func firstMonthWithoutPrincipalTerm(after month11Lunation: Int, timeZone: Double) -> Int? {
        func sectorAtStart(ofOffset offset: Int) -> Int {
            let day = LunarAstronomy.newMoonDay(month11Lunation + offset, timeZone: timeZone)
            return LunarAstronomy.sunSector(atStartOf: day, timeZone: timeZone)
        }
        var sectorAtThisStart = sectorAtStart(ofOffset: 1)
        for offset in 1...12 {
            let sectorAtNextStart = sectorAtStart(ofOffset: offset + 1)
            if sectorAtNextStart == sectorAtThisStart { return offset }
            sectorAtThisStart = sectorAtNextStart
        }
        return nil
    }

    /// Julian Day Number of 31 December of `year` in the proleptic Gregorian calendar.
    static func julianDayOfDecember31(_ year: Int) -> Int {
        let shiftedYear = year + 4800
        return 31 + 275 + 365 * shiftedYear + shiftedYear / 4 - shiftedYear / 100 + shiftedYear / 400 - 32045
    }
}
