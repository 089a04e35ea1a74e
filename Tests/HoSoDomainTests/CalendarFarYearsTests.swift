import HoSoDomain
import Testing

/// The calendar works out a year when a question first needs it (issue 19: not 61 years at every
/// command). Answers pinned from the calendar that worked out 2000…2060 when it was made: years far from
/// today, spans across the edges of that range and past it.
@Test func yearsFarFromTodayGiveTheAnswersOfTheCalendarThatWorkedThemAllOut() {
    let calendar = WorkingCalendar()
    func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    #expect(calendar.workingDays(from: day("2058-01-01"), through: day("2058-12-31")) == 250)
    #expect(calendar.holidays(in: 2058).map { "\($0.date) \($0.kind) \($0.isEstimated)" } == [
        "01/01/2058 solarNewYear false", "23/01/2058 lunarNewYear true", "24/01/2058 lunarNewYear true",
        "25/01/2058 lunarNewYear true", "26/01/2058 lunarNewYear true", "27/01/2058 lunarNewYear true",
        "28/01/2058 compensatory true", "29/01/2058 compensatory true", "02/04/2058 hungKingsCommemoration false",
        "30/04/2058 victoryDay false", "01/05/2058 labourDay false", "02/09/2058 nationalDay false",
        "03/09/2058 nationalDay true",
    ])
    #expect(calendar.addingWorkingDays(700, to: day("2003-02-01")) == day("2005-11-16"))
    #expect(calendar.addingWorkingDays(30, to: day("2059-12-20")) == day("2060-02-09"))
    #expect(calendar.addingWorkingDays(-250, to: day("2031-02-10")) == day("2030-02-08"))
    #expect(calendar.workingDays(from: day("1995-06-01"), through: day("2003-06-01")) == 2007)
    #expect(calendar.workingDays(from: day("2000-01-01"), through: day("2060-12-31")) == 15265)
    #expect(calendar.holidays(in: 2100).map { "\($0.date) \($0.kind)" } == [
        "01/01/2100 solarNewYear", "08/02/2100 lunarNewYear", "09/02/2100 lunarNewYear", "10/02/2100 lunarNewYear",
        "11/02/2100 lunarNewYear", "12/02/2100 lunarNewYear", "18/04/2100 hungKingsCommemoration", "19/04/2100 compensatory",
        "30/04/2100 victoryDay", "01/05/2100 labourDay", "03/05/2100 compensatory", "02/09/2100 nationalDay",
        "03/09/2100 nationalDay",
    ])
    // A copy shares the years worked out, and is equal to a calendar that has worked out none.
    let copy = calendar
    #expect(copy.isWorkingDay(day("2058-01-23")) == false)
    #expect(copy == WorkingCalendar())
}
