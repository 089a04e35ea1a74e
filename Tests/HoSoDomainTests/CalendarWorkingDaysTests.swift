import Testing
@testable import HoSoDomain

private let calendar = WorkingCalendar()

/// What the government announced for 2025: Friday 2/5 off, worked back on Saturday 26/4; Quốc khánh
/// taken on Monday 1/9 instead of Wednesday 3/9.
private let calendar2025 = WorkingCalendar(overrides: HolidayOverrides(
    extraDaysOff: [
        .init(date: day("2025-05-02"), reason: "Nghỉ hoán đổi dịp 30/4–1/5"),
        .init(date: day("2025-09-01"), reason: "Nghỉ Quốc khánh (ngày liền kề)"),
    ],
    cancelledDaysOff: [day("2025-09-03")],
    makeUpWorkingDays: [.init(date: day("2025-04-26"), reason: "Làm bù cho ngày 02/05/2025")]))

@Test(arguments: [
    ("2025-06-11", true),      // an ordinary Wednesday
    ("2025-06-14", false),     // Saturday
    ("2025-06-15", false),     // Sunday
    ("2025-01-29", false),     // mùng 1 Tết
    ("2025-02-03", false),     // nghỉ bù for mùng 4 on Saturday
    ("2025-02-04", true),
    ("2025-04-07", false),     // Giỗ Tổ
    ("2026-04-27", false),     // nghỉ bù for Giỗ Tổ on Sunday 26/4/2026
])
func workingDaysAreWeekdaysThatAreNoHoliday(date: String, isWorking: Bool) {
    #expect(calendar.isWorkingDay(day(date)) == isWorking)
}

@Test(arguments: [
    // Tết 2026: Monday 16/2 (last day of the year) to Friday 20/2, then the weekend.
    ("2026-02-13", 1, "2026-02-23"),
    ("2026-02-12", 5, "2026-02-26"),
    // 30/4 and 1/5/2025 on Wednesday and Thursday, then the weekend.
    ("2025-04-29", 1, "2025-05-02"),
    ("2025-04-29", 2, "2025-05-05"),
    // 2022: 30/4 Saturday and 1/5 Sunday give Monday 2/5 and Tuesday 3/5 off.
    ("2022-04-29", 1, "2022-05-04"),
    // 2026: Giỗ Tổ on Sunday 26/4 gives Monday 27/4; 30/4 and 1/5 are Thursday and Friday.
    ("2026-04-24", 1, "2026-04-28"),
    ("2026-04-24", 3, "2026-05-04"),
    // Backwards, and not at all.
    ("2026-05-04", -3, "2026-04-24"),
    ("2026-05-04", 0, "2026-05-04"),
    // From a holiday, the first working day after it is the first counted.
    ("2025-01-29", 1, "2025-02-04"),
])
func addingWorkingDaysSkipsWeekendsAndHolidays(start: String, count: Int, expected: String) {
    #expect(calendar.addingWorkingDays(count, to: day(start)) == day(expected))
}

@Test func overridesMoveDaysOff() {
    #expect(calendar2025.isWorkingDay(day("2025-04-26")), "the make-up Saturday is worked")
    #expect(!calendar2025.isWorkingDay(day("2025-05-02")), "the extra day off is not")
    #expect(!calendar2025.isWorkingDay(day("2025-09-01")))
    #expect(calendar2025.isWorkingDay(day("2025-09-03")), "the cancelled holiday is worked")
    #expect(calendar.isWorkingDay(day("2025-05-02")) && !calendar.isWorkingDay(day("2025-04-26")))

    #expect(calendar2025.addingWorkingDays(1, to: day("2025-04-25")) == day("2025-04-26"))
    #expect(calendar2025.addingWorkingDays(1, to: day("2025-04-29")) == day("2025-05-05"))
    // Weekend 30–31/8, then 1/9 and 2/9 off: the first working day is Wednesday 3/9.
    #expect(calendar2025.addingWorkingDays(1, to: day("2025-08-29")) == day("2025-09-03"))
}

@Test func holidaysListTheOverrides() {
    let holidays = calendar2025.holidays(in: 2025)
    #expect(holidays.contains(PublicHoliday(date: day("2025-05-02"), name: "Nghỉ hoán đổi dịp 30/4–1/5", kind: .extraDayOff)))
    #expect(!holidays.contains { $0.date == day("2025-09-03") })
    #expect(!holidays.contains { $0.date == day("2025-04-26") })
    #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
    #expect(calendar2025.holiday(on: day("2025-09-02"))?.name == "Quốc khánh")
    #expect(calendar2025.holiday(on: day("2025-09-03")) == nil)
}

@Test(arguments: [
    ("2026-04-01", "2026-04-30", 20),   // 22 weekdays less nghỉ bù 27/4 and 30/4
    ("2026-04-27", "2026-04-27", 0),
    ("2026-04-28", "2026-04-28", 1),
    ("2026-04-30", "2026-04-01", 0),    // reversed
    ("2025-01-01", "2025-12-31", 250),  // 261 weekdays less 11 that are days off
])
func workingDaysCountsBothEnds(start: String, end: String, expected: Int) {
    #expect(calendar.workingDays(from: day(start), through: day(end)) == expected)
}

@Test func yearsOutsideThePrecomputedSpanGiveTheSameAnswers() {
    // 2024's swap (Monday 29/4 off, worked back on Saturday 4/5) lies outside the narrow table.
    let overrides = HolidayOverrides(
        extraDaysOff: [.init(date: day("2024-04-29"), reason: "Nghỉ hoán đổi dịp 30/4–1/5")],
        makeUpWorkingDays: [.init(date: day("2024-05-04"), reason: "Làm bù cho ngày 29/04/2024")])
    let narrow = WorkingCalendar(overrides: overrides, precomputedYears: 2025...2025)
    let calendar = WorkingCalendar(overrides: overrides)
    #expect(!narrow.isWorkingDay(day("2024-04-29")) && narrow.isWorkingDay(day("2024-05-04")))
    let start = day("2023-12-01")
    var differences: [String] = []
    for offset in 0..<(366 * 3) {
        let date = start.adding(days: offset)
        if narrow.isWorkingDay(date) != calendar.isWorkingDay(date) { differences.append("\(date)") }
    }
    for (first, count) in [("2024-12-20", 15), ("2025-12-15", 30), ("2024-01-02", 400), ("2026-03-01", -90),
                           ("2024-04-01", 30)] {
        let a = narrow.addingWorkingDays(count, to: day(first))
        let b = calendar.addingWorkingDays(count, to: day(first))
        if a != b { differences.append("\(first) + \(count): \(a) ≠ \(b)") }
        let (low, high) = (min(a, day(first)), max(a, day(first)))
        if narrow.workingDays(from: low, through: high) != calendar.workingDays(from: low, through: high) {
            differences.append("count \(low)…\(high)")
        }
    }
    #expect(differences.isEmpty, "\(differences.prefix(5))")
    #expect(narrow.holidays(in: 2024) == calendar.holidays(in: 2024))
    // A span starting before the narrow table and ending after it.
    let spanning = (day("2023-06-01"), day("2026-06-30"))
    #expect(narrow.workingDays(from: spanning.0, through: spanning.1)
        == calendar.workingDays(from: spanning.0, through: spanning.1))
}

@Test func manyCasesAreCheap() {
    // 100,000 cases: each deadline placed 60 working days after a date, then its status asked.
    let clock = ContinuousClock()
    let start = day("2024-01-01")
    let today = day("2025-06-11")
    var overdue = 0
    let elapsed = clock.measure {
        for index in 0..<100_000 {
            let deadline = Deadline(workingDays: 60, after: start.adding(days: index % 700),
                                    calendar: calendar, label: "Ra quyết định kết nạp")
            if case .overdue = deadline.status(on: today, calendar: calendar) { overdue += 1 }
        }
    }
    #expect(overdue > 0)
    // Speed is measured by `hoso bench`, never asserted in a unit test; printed here for a look only.
    print("100,000 deadlines and statuses: \(elapsed)")
}
