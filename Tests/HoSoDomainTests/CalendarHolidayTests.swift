import Testing
@testable import HoSoDomain

@Test func holidaysOf2025UnderTheDefaultRules() {
    let holidays = HolidayRules().holidays(in: 2025)
    let expected: [(String, PublicHoliday.Kind)] = [
        ("2025-01-01", .solarNewYear),
        ("2025-01-28", .lunarNewYear), ("2025-01-29", .lunarNewYear), ("2025-01-30", .lunarNewYear),
        ("2025-01-31", .lunarNewYear), ("2025-02-01", .lunarNewYear),
        ("2025-02-03", .compensatory),          // mùng 4 Tết was a Saturday
        ("2025-04-07", .hungKingsCommemoration),
        ("2025-04-30", .victoryDay), ("2025-05-01", .labourDay),
        ("2025-09-01", .nationalDay), ("2025-09-02", .nationalDay),  // as published (HolidayRules.published)
    ]
    #expect(holidays.map(\.date) == expected.map { day($0.0) })
    #expect(holidays.map(\.kind) == expected.map(\.1))
}

@Test func lunarHolidaysCarryTheirLunarDate() {
    let holidays = HolidayRules().holidays(in: 2025)
    #expect(holidays.first { $0.date == day("2025-01-28") }?.lunar == LunarDate(year: 2024, month: 12, day: 29))
    #expect(holidays.first { $0.date == day("2025-02-01") }?.lunar == LunarDate(year: 2025, month: 1, day: 4))
    #expect(holidays.first { $0.kind == .hungKingsCommemoration }?.lunar == LunarDate(year: 2025, month: 3, day: 10))
    #expect(holidays.first { $0.kind == .victoryDay }?.lunar == nil)
}

@Test func holidaysOnAWeekendGiveTheNextFreeWorkingDaysOff() {
    // 2023: Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday; 1/5 is itself a holiday, so the two
    // compensatory days are Tuesday 2/5 and Wednesday 3/5 (as the government announced).
    let compensatory = HolidayRules().holidays(in: 2023).filter(\.isCompensatory)
    let aroundMay = compensatory.filter { $0.date.month == 5 }
    #expect(aroundMay.map(\.date) == [day("2023-05-02"), day("2023-05-03")])
    #expect(aroundMay.map(\.name) == ["Nghỉ bù Giỗ Tổ Hùng Vương", "Nghỉ bù Ngày Chiến thắng"])
}

@Test(arguments: [
    (2022, ["2022-04-11", "2022-05-02", "2022-05-03"]),     // Giỗ Tổ Sunday 10/4; 30/4 Sat, 1/5 Sun
    (2026, ["2026-04-27"]),                   // Giỗ Tổ on Sunday 26/4
])
func compensatoryDaysInSpring(year: Int, expected: [String]) {
    let compensatory = HolidayRules().holidays(in: year).filter { $0.isCompensatory && (4...5).contains($0.date.month) }
    #expect(compensatory.map(\.date) == expected.map(day))
}

@Test(arguments: 2015...2045)
func everyYearHasElevenStatutoryDaysAndOneCompensatoryDayPerWeekendHoliday(year: Int) {
    let holidays = HolidayRules().holidays(in: year)
    // A working day the published schedule swaps for a Saturday (31/8/2026) is no statutory holiday.
    let statutory = holidays.filter { !$0.isCompensatory && $0.kind != .extraDayOff }
    let compensatory = holidays.filter(\.isCompensatory)
    let holidayDays = Set(holidays.map(\.date))
    // 2/9 became two days in 2021.
    #expect(statutory.count == (year >= 2021 ? 11 : 10))
    #expect(holidayDays.count == holidays.count, "two holidays on one day")
    #expect(compensatory.allSatisfy { !$0.date.isWeekend })
    // A weekend holiday late in December could give its day back in January; none does today.
    #expect(compensatory.count == statutory.filter(\.date.isWeekend).count)
}

@Test func tetCanBePlacedDifferently() {
    // Two days before 1/1 and two after: 11/2/2029 (a Sunday) to 15/2/2029, nghỉ bù on Friday 16/2. (2029, not a
    // year whose Tết is published and built in: there the published days hold, whatever the parameters.)
    let rules = HolidayRules(daysBeforeTet: 2, daysAfterTet: 2)
    let tet = rules.holidays(in: 2029).filter { $0.date.month == 2 }
    #expect(tet.filter { $0.kind == .lunarNewYear }.map(\.date)
        == ["2029-02-11", "2029-02-12", "2029-02-13", "2029-02-14", "2029-02-15"].map(day))
    #expect(tet.filter(\.isCompensatory).map(\.date) == [day("2029-02-16")])
}

@Test(arguments: [
    (HolidayRules.AdjacentDay.dayAfter, "2029-09-03"),
    (HolidayRules.AdjacentDay.dayBefore, "2029-09-01"),
])
func theSecondNationalDayFollowsTheParameter(adjacent: HolidayRules.AdjacentDay, expected: String) {
    // 2029 has no published schedule built in, so the parameter decides (and the day is "dự kiến").
    let nationalDays = HolidayRules(nationalDayAdjacentDay: adjacent).holidays(in: 2029).filter { $0.kind == .nationalDay }
    #expect(nationalDays.map(\.date) == [day(expected), day("2029-09-02")].sorted())
    #expect(nationalDays.map(\.isEstimated) == (adjacent == .dayAfter ? [false, true] : [true, false]))
}

@Test func before2021QuocKhanhWasOneDay() {
    let nationalDays = HolidayRules().holidays(in: 2019).filter { $0.kind == .nationalDay }
    #expect(nationalDays.map(\.date) == [day("2019-09-02")])
}

@Test func compensatoryDaysCanBeSwitchedOff() {
    let holidays = HolidayRules(givesCompensatoryDays: false).holidays(in: 2023)
    #expect(!holidays.contains { $0.isCompensatory })
    #expect(HolidayRules().holidays(in: 2023).contains { $0.isCompensatory })
}

@Test func holidaysReadInVietnamese() {
    let holidays = HolidayRules().holidays(in: 2025)
    #expect(holidays.first { $0.kind == .victoryDay }?.description == "30/04/2025 – Ngày Chiến thắng")
    #expect(holidays.first { $0.kind == .hungKingsCommemoration }?.description
        == "07/04/2025 – Giỗ Tổ Hùng Vương (10/3 âm lịch)")
    #expect(holidays.first { $0.kind == .lunarNewYear }?.name == "Tết Nguyên Đán")
    #expect(holidays.first(where: \.isCompensatory)?.name == "Nghỉ bù Tết Nguyên Đán")
}
