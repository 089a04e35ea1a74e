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
}
