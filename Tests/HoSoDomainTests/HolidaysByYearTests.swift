import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 16, item 7: the days the government sets each year are data; the guessed ones say "dự kiến".
@Suite("Holidays by year: published or guessed")
struct HolidaysByYearTests {
    func nationalDays(_ year: Int, overrides: HolidayOverrides = HolidayOverrides()) -> [PublicHoliday] {
        WorkingCalendar(overrides: overrides).holidays(in: year).filter { $0.kind == .nationalDay }
    }

    @Test("2025 as published: 1/9 and 2/9, neither guessed; 31/8 and 3/9 are no holidays", arguments: [
        ("2025-08-31", false), ("2025-09-01", true), ("2025-09-02", true), ("2025-09-03", false),
    ])
    func published2025(date: String, isHoliday: Bool) {
        let days = nationalDays(2025)
        #expect(days.contains { $0.date == Fixtures.date(date) } == isHoliday)
        #expect(days.allSatisfy { !$0.isEstimated })
        #expect(HolidayRules.published[2025]?.notice.contains("6150/TB-LĐTBXH") == true)
    }

    @Test("2026 as published: Tết 16/2–20/2 (weekends 14–15/2 and 21–22/2 around it), none guessed", arguments: [
        ("2026-02-13", true), ("2026-02-14", false), ("2026-02-16", false), ("2026-02-20", false), ("2026-02-22", false),
        ("2026-02-23", true),
    ])
    func publishedTet2026(date: String, isWorking: Bool) {
        let calendar = WorkingCalendar()
        #expect(calendar.isWorkingDay(Fixtures.date(date)) == isWorking)
        let tet = calendar.holidays(in: 2026).filter { $0.kind == .lunarNewYear }
        #expect(tet.map(\.date.vietnamese) == ["16/02/2026", "17/02/2026", "18/02/2026", "19/02/2026", "20/02/2026"])
        #expect(tet.allSatisfy { !$0.isEstimated })
        #expect(HolidayRules.published[2026]?.notice.contains("14/02 đến hết 22/02/2026") == true)
    }

    @Test("2026's Quốc khánh as published: 31/8 (swapped) to 2/9 off, Saturday 22/8 worked, 3/9 a working day", arguments: [
        ("2026-08-21", true), ("2026-08-22", true), ("2026-08-23", false), ("2026-08-28", true), ("2026-08-31", false),
        ("2026-09-01", false), ("2026-09-02", false), ("2026-09-03", true),
    ])
    func publishedNationalDay2026(date: String, isWorking: Bool) {
        let calendar = WorkingCalendar()
        #expect(calendar.isWorkingDay(Fixtures.date(date)) == isWorking)
        #expect(calendar.holidays(in: 2026).allSatisfy { !$0.isEstimated })
        #expect(calendar.makeUpWorkingDays(in: 2026).map(\.date) == [Fixtures.date("2026-08-22")])
    }

    @Test("A deadline over Tết 2026 or 2/9/2026 is no longer dự kiến; over Tết 2027 it still is", arguments: [
        ("2026-02-10", 10, "03/03/2026", [String]()), ("2026-08-25", 10, "11/09/2026", [String]()),
        ("2027-02-01", 10, "22/02/2027", ["05/02/2027", "06/02/2027", "07/02/2027", "08/02/2027", "09/02/2027", "10/02/2027",
                                          "11/02/2027"]),
    ])
    func deadlinesOverPublishedTet(start: String, workingDays: Int, due: String, estimated: [String]) {
        let deadline = Deadline(
            workingDays: workingDays, after: Fixtures.date(start), calendar: WorkingCalendar(), label: "Ra quyết định")
        #expect(deadline.due.vietnamese == due)
        #expect(deadline.estimatedDaysOff.map(\.vietnamese) == estimated)
    }

    @Test("A later year is guessed (the day next to 2/9, the Tết days) until holidays.json confirms it")
    func laterYearsAreGuessed() {
        #expect(nationalDays(2027).map { "\($0)" } == ["02/09/2027 – Quốc khánh", "03/09/2027 – Quốc khánh (dự kiến)"])
        let tet = WorkingCalendar().holidays(in: 2027).filter { $0.kind == .lunarNewYear }
        #expect(!tet.isEmpty && tet.allSatisfy(\.isEstimated))
        let confirmed = WorkingCalendar(overrides: HolidayOverrides(confirmedYears: [2027])).holidays(in: 2027)
        #expect(confirmed.allSatisfy { !$0.isEstimated })
    }

    @Test("A deadline counted over a guessed day off says so; over published days it does not", arguments: [
        ("2025-08-25", 10, [String]()), ("2027-08-25", 10, ["03/09/2027"]), ("2027-08-25", 2, [String]()),
    ])
    func deadlineOverGuessedDays(start: String, workingDays: Int, estimated: [String]) {
        let deadline = Deadline(
            workingDays: workingDays, after: Fixtures.date(start), calendar: WorkingCalendar(), label: "Ra quyết định")
        #expect(deadline.estimatedDaysOff.map(\.vietnamese) == estimated)
        #expect(deadline.dueText.contains("dự kiến") == !estimated.isEmpty, "\(deadline.dueText)")
    }

    @Test("holidays.json listing a day the rules already give lists it once, confirmed by the file", arguments: [
        ("2026-09-01", false, "2026-09-04"), ("2027-09-03", true, "2027-09-06"),
    ])
    func dayListedTwiceIsOneDay(date: String, guessedBefore: Bool, otherDay: String) {
        let day = Fixtures.date(date)
        let plain = WorkingCalendar().holidays(in: day.year).filter { $0.date == day }
        #expect(plain.count == 1 && plain.first?.isEstimated == guessedBefore && plain.first?.isConfirmedByOverrides == false)
        let other = Fixtures.date(otherDay)
        let overrides = HolidayOverrides(extraDaysOff: [
            .init(date: day, reason: "Nghỉ Quốc khánh theo thông báo"), .init(date: other, reason: "Nghỉ thêm"),
        ])
        let calendar = WorkingCalendar(overrides: overrides)
        let listed = calendar.holidays(in: day.year).filter { $0.date == day }
        #expect(listed.count == 1, "\(listed)")
        #expect(listed.first?.kind == .nationalDay && listed.first?.isEstimated == false)
        #expect(listed.first?.isConfirmedByOverrides == true)
        // A day the rules do not give is still added, as the file's own day.
        let added = calendar.holidays(in: day.year).filter { $0.date == other }
        #expect(added.map(\.kind) == [.extraDayOff] && added.first?.isConfirmedByOverrides == false, "\(added)")
        #expect(calendar.holidays(in: day.year).count == WorkingCalendar().holidays(in: day.year).count + 1)
    }
}
