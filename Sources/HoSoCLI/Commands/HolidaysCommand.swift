import ArgumentParser
import HoSoDomain
import HoSoStorage

/// `hoso holidays YEAR`: the days off of a year, with their lunar dates.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "Ngày nghỉ lễ, Tết trong năm (có ngày âm lịch), theo Bộ luật Lao động 2019 và tệp holidays.json.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Năm dương lịch.") var year: Int
    @Flag(help: "In dạng JSON.") var json = false

    func run() throws {
        try reportingFailures {
            try InputBounds.year(year, "Năm")
            let calendar = (try? global.openRepository().calendar) ?? WorkingCalendar()
            let holidays = calendar.holidays(in: year)
            if json {
                try JSONOutput.print(holidays)
                return
            }
            print("Ngày nghỉ năm \(year) (\(holidays.count) ngày):")
            for holiday in holidays {
                let weekday = Weekday.vietnamese(holiday.date)
                let lunar = holiday.lunar.map { " — \($0.description)" } ?? ""
                let estimated = holiday.isEstimated ? " (dự kiến)" : holiday.isConfirmedByOverrides ? " (có trong holidays.json)" : ""
                print("  \(holiday.date)  \(DisplayWidth.padded(weekday, toColumns: 9)) \(holiday.name)\(lunar)\(estimated)")
            }
            let makeUp = calendar.makeUpWorkingDays(in: year)
            if !makeUp.isEmpty { print("Ngày nghỉ hằng tuần phải đi làm bù:") }
            for day in makeUp {
                print("  \(day.date)  \(DisplayWidth.padded(Weekday.vietnamese(day.date), toColumns: 9)) \(day.reason)")
            }
            if let schedule = HolidayRules.published[year] { print("Theo: \(schedule.notice).") }
            if holidays.contains(where: \.isEstimated) {
                print(
                    "Ngày ghi \"dự kiến\" do HoSo đoán theo lệ thường; Chính phủ công bố lịch nghỉ từng năm. "
                        + "Khi có thông báo, ghi các ngày vào holidays.json trong thư mục dữ liệu "
                        + "(extraDaysOff, cancelledDaysOff) và thêm \(String(year)) vào \"confirmedYears\".")
            }
        }
    }
}

enum Weekday {
    static func vietnamese(_ date: CivilDate) -> String {
        ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][date.isoWeekday - 1]
    }
}
