import Foundation
import Testing
@testable import HoSoDomain

private let calendar = WorkingCalendar()

/// Due on Friday 13/6/2025, a week without holidays: the last five working days are 9/6 to 13/6.
@Test(arguments: [
    ("2025-06-05", DeadlineStatus.onTrack),
    ("2025-06-06", .onTrack),                          // Friday before the last five
    ("2025-06-07", .onTrack),                          // the weekend before them
    ("2025-06-09", .dueSoon(workingDaysLeft: 5)),
    ("2025-06-12", .dueSoon(workingDaysLeft: 2)),      // the day before
    ("2025-06-13", .dueSoon(workingDaysLeft: 1)),      // the due date
    ("2025-06-14", .overdue(days: 1)),                 // the day after
    ("2025-06-16", .overdue(days: 3)),
])
func statusAroundAnOrdinaryDueDate(today: String, expected: DeadlineStatus) {
    let deadline = Deadline(due: day("2025-06-13"), label: "Họp chi bộ xét kết nạp")
    #expect(deadline.status(on: day(today), calendar: calendar) == expected)
}

/// Due on Tuesday 6/5/2025: with 30/4 and 1/5 off, the last five working days start on Monday 28/4.
@Test(arguments: [
    ("2025-04-25", DeadlineStatus.onTrack),
    ("2025-04-28", .dueSoon(workingDaysLeft: 5)),
    ("2025-04-30", .dueSoon(workingDaysLeft: 3)),      // a holiday: today does not count
    ("2025-05-06", .dueSoon(workingDaysLeft: 1)),
    ("2025-05-07", .overdue(days: 1)),
])
func statusAcrossHolidays(today: String, expected: DeadlineStatus) {
    let deadline = Deadline(due: day("2025-05-06"), label: "Tổ chức lễ kết nạp")
    #expect(deadline.status(on: day(today), calendar: calendar) == expected)
}

@Test func theDueSoonWindowIsAParameter() {
    let deadline = Deadline(due: day("2025-06-13"), label: "Xét công nhận đảng viên chính thức")
    #expect(deadline.status(on: day("2025-06-02"), calendar: calendar) == .onTrack)
    #expect(deadline.status(on: day("2025-06-02"), calendar: calendar, dueSoonWorkingDays: 10)
        == .dueSoon(workingDaysLeft: 10))
}

@Test func aDeadlineCountedInWorkingDays() {
    // Five working days after Friday 25/4/2025: 28/4, 29/4, (30/4 and 1/5 off) 2/5, 5/5, 6/5.
    let deadline = Deadline(workingDays: 5, after: day("2025-04-25"), calendar: calendar, label: "Lễ kết nạp")
    #expect(deadline.due == day("2025-05-06"))
}

@Test func statusesReadInVietnamese() {
    #expect(DeadlineStatus.onTrack.description == "Trong hạn")
    #expect(DeadlineStatus.dueSoon(workingDaysLeft: 3).description == "Sắp đến hạn: còn 3 ngày làm việc")
    #expect(DeadlineStatus.overdue(days: 2).description == "Quá hạn 2 ngày")
}

@Test func deadlinesSurviveEncoding() throws {
    let deadline = Deadline(due: day("2025-06-13"), label: "Ra quyết định kết nạp")
    let decoded = try JSONDecoder().decode(Deadline.self, from: JSONEncoder().encode(deadline))
    #expect(decoded == deadline)
}
