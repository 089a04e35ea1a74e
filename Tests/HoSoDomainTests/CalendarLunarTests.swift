import Testing
@testable import HoSoDomain

/// Tết dates checked against the published calendars and, year by year, against new moons and solar
/// terms from an independent high-precision ephemeris (PyEphem), which agreed for 1900–2100 in both
/// UTC+7 and UTC+8. 2030 is the Vietnamese date: the new moon of 2 February 2030 is at 16:07 UTC, 23:07
/// in Hà Nội but 00:07 on 3 February in Beijing, so Trung Quốc celebrates on 3 February.
@Test(arguments: [
    (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"),
    (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
    (2028, "2028-01-26"), (2029, "2029-02-13"), (2030, "2030-02-02"), (2031, "2031-01-23"),
    (2032, "2032-02-11"), (2033, "2033-01-31"), (2034, "2034-02-19"), (2035, "2035-02-08"),
])
func tetFallsOnThePublishedDay(year: Int, expected: String) {
    let tet = LunarCalendar.newYear(year)
    #expect(tet == day(expected))
    #expect(LunarCalendar.lunarDate(of: tet) == LunarDate(year: year, month: 1, day: 1))
    #expect(LunarCalendar.solarDate(of: LunarDate(year: year, month: 1, day: 1)) == tet)
}

/// Years where Hà Nội (UTC+7) and Beijing (UTC+8) start the lunar year on different days.
@Test(arguments: [
    // 1985: the winter solstice of 1984 fell at 23:22 in Hà Nội (21/12) but 00:22 in Beijing (22/12),
    // on the day of a new moon there, which moved month 11 and with it the whole year.
    (1985, "1985-01-21", "1985-02-20"),
    // 1968: the North had just moved to UTC+7; Tết Mậu Thân came a day earlier than in the South.
    (1968, "1968-01-29", "1968-01-30"),
    // New moons at 23:14 (2007) and 23:07 (2030) Hà Nội time.
    (2007, "2007-02-17", "2007-02-18"),
    (2030, "2030-02-02", "2030-02-03"),
])
func vietnameseAndChineseNewYearsDiffer(year: Int, vietnamese: String, chinese: String) {
    #expect(LunarCalendar.newYear(year, timeZone: LunarCalendar.vietnamTimeZone) == day(vietnamese))
    #expect(LunarCalendar.newYear(year, timeZone: LunarCalendar.chinaTimeZone) == day(chinese))
}

@Test func theLeapMonthOf1984And1985DependsOnTheTimeZone() {
    // China intercalated a tenth month in Giáp Tý 1984; Vietnam a second month in Ất Sửu 1985.
    #expect(LunarCalendar.leapMonth(ofLunarYear: 1984, timeZone: 8) == 10)
    #expect(LunarCalendar.leapMonth(ofLunarYear: 1984, timeZone: 7) == nil)
    #expect(LunarCalendar.leapMonth(ofLunarYear: 1985, timeZone: 7) == 2)
    #expect(LunarCalendar.leapMonth(ofLunarYear: 1985, timeZone: 8) == nil)
}

@Test(arguments: [
    (2017, 6), (2020, 4), (2023, 2), (2025, 6), (2028, 5), (2031, 3),
    // The "2033 problem": the leap month is the eleventh, after the winter solstice month.
    (2033, 11),
])
func leapMonthsOfRecentYears(year: Int, leapMonth: Int) {
    #expect(LunarCalendar.leapMonth(ofLunarYear: year) == leapMonth)
}

@Test(arguments: [2021, 2022, 2024, 2026, 2027, 2029, 2030, 2032])
func commonYearsHaveNoLeapMonth(year: Int) {
    #expect(LunarCalendar.leapMonth(ofLunarYear: year) == nil)
    #expect(LunarCalendar.solarDate(of: LunarDate(year: year, month: 5, day: 1, isLeapMonth: true)) == nil)
}

@Test(arguments: [
    (2023, "2023-04-29"), (2024, "2024-04-18"), (2025, "2025-04-07"), (2026, "2026-04-26"),
])
func hungKingsCommemorationDay(year: Int, expected: String) {
    let tenthOfThirdMonth = LunarDate(year: year, month: 3, day: 10)
    #expect(LunarCalendar.solarDate(of: tenthOfThirdMonth) == day(expected))
    #expect(LunarCalendar.lunarDate(of: day(expected)) == tenthOfThirdMonth)
}

@Test func leapMonthDaysConvertBothWays() {
    // 2025 repeats the sixth month: new moons on 25/6 (17:31) and 25/7 (02:11) Hà Nội time open
    // month 6 and month 6 (nhuận), and 23/8 opens month 7.
    let leap = LunarDate(year: 2025, month: 6, day: 6, isLeapMonth: true)
    let regular = LunarDate(year: 2025, month: 6, day: 6)
    #expect(LunarCalendar.solarDate(of: regular) == day("2025-06-30"))
    #expect(LunarCalendar.solarDate(of: leap) == day("2025-07-30"))
    #expect(LunarCalendar.lunarDate(of: day("2025-07-30")) == leap)
    #expect(LunarCalendar.lunarDate(of: day("2025-08-23")) == LunarDate(year: 2025, month: 7, day: 1))
}

@Test func theLastDayOfTheLunarYearIsThe29thOr30th() {
    // Ất Tỵ 2025 had no "30 Tết": tháng Chạp of Giáp Thìn had 29 days. Giáp Thìn 2024 had one.
    #expect(LunarCalendar.lastDayOfYear(2024) == day("2025-01-28"))
    #expect(LunarCalendar.lunarDate(of: day("2025-01-28")) == LunarDate(year: 2024, month: 12, day: 29))
    #expect(LunarCalendar.lunarDate(of: day("2024-02-09")) == LunarDate(year: 2023, month: 12, day: 30))
    #expect(LunarCalendar.daysInMonth(year: 2024, month: 12) == 29)
}

@Test(arguments: [
    LunarDate(year: 2024, month: 12, day: 30),     // tháng Chạp 2024 has 29 days
    LunarDate(year: 2025, month: 13, day: 1),
    LunarDate(year: 2025, month: 0, day: 1),
    LunarDate(year: 2025, month: 1, day: 0),
    LunarDate(year: 2025, month: 5, day: 1, isLeapMonth: true),   // 2025 repeats month 6, not 5
])
func impossibleLunarDatesHaveNoSolarDay(lunar: LunarDate) {
    #expect(LunarCalendar.solarDate(of: lunar) == nil)
}

@Test func everyDayOf2020To2030SurvivesARoundTrip() {
    var failures: [String] = []
    var previous = LunarCalendar.lunarDate(of: day("2019-12-31"))
    for julianDay in day("2020-01-01").julianDay...day("2030-12-31").julianDay {
        let date = CivilDate(julianDay: julianDay)
        let lunar = LunarCalendar.lunarDate(of: date)
        if LunarCalendar.solarDate(of: lunar) != date { failures.append("\(date) → \(lunar)") }
        // Consecutive days either advance the lunar day by one or start a new month at day 1.
        if lunar.day != previous.day + 1 && !(lunar.day == 1 && (29...30).contains(previous.day)) {
            failures.append("\(date): \(previous) then \(lunar)")
        }
        previous = lunar
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
}

@Test func roundTripAlsoHoldsInChinaTime() {
    var failures: [CivilDate] = []
    for julianDay in stride(from: day("1980-01-01").julianDay, through: day("2040-12-31").julianDay, by: 3) {
        let date = CivilDate(julianDay: julianDay)
        let lunar = LunarCalendar.lunarDate(of: date, timeZone: 8)
        if LunarCalendar.solarDate(of: lunar, timeZone: 8) != date { failures.append(date) }
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
}

@Test func lunarDatesReadAsClerksWriteThem() {
    #expect(LunarDate(year: 2025, month: 3, day: 10).description == "10/3 âm lịch")
    #expect(LunarDate(year: 2025, month: 6, day: 15, isLeapMonth: true).description == "15/6 (nhuận) âm lịch")
    #expect(LunarDate(year: 2025, month: 3, day: 10).descriptionWithYear == "10/3/2025 âm lịch")
}
