/// The changes the government announces each year to the statutory days off (swapped days, extra days
/// for civil servants), kept by the storage layer as a JSON file in the data directory:
///
///     { "extraDaysOff": [{ "date": "2025-09-01", "reason": "Nghỉ Quốc khánh theo thông báo của Bộ LĐ-TB&XH" }],
///       "cancelledDaysOff": ["2025-09-03"],
///       "makeUpWorkingDays": [{ "date": "2025-04-26", "reason": "Làm bù cho ngày 02/05/2025" }],
///       "confirmedYears": [2025] }
///
/// Every list may be left out. A value of the wrong type fails to decode with a `DecodingError`.
public struct HolidayOverrides: Codable, Sendable, Hashable {
    /// A day with a reason: an added day off, or a weekend day worked to make up for one.
    public struct Entry: Codable, Sendable, Hashable {
        /// The day concerned.
        public var date: CivilDate
        /// Why, as the government's notice says; shown as the day's name.
        public var reason: String

        /// A dated entry of the override file.
        public init(date: CivilDate, reason: String) {
            self.date = date
            self.reason = reason
        }
    }

    /// Days off that no rule gives (bridges, extra days for Tết or Quốc khánh).
    public var extraDaysOff: [Entry]
    /// Days the rules make days off that are working days after all (a swapped Quốc khánh day).
    public var cancelledDaysOff: [CivilDate]
    /// Saturdays or Sundays that are working days, worked to make up for a day off.
    public var makeUpWorkingDays: [Entry]
    /// Years whose schedule, as the government published it, this file states in full: their days are
    /// no longer "dự kiến".
    public var confirmedYears: [Int]

    /// Overrides with the given lists; none by default.
    public init(
        extraDaysOff: [Entry] = [], cancelledDaysOff: [CivilDate] = [], makeUpWorkingDays: [Entry] = [],
        confirmedYears: [Int] = []
    ) {
        self.extraDaysOff = extraDaysOff
        self.cancelledDaysOff = cancelledDaysOff
        self.makeUpWorkingDays = makeUpWorkingDays
        self.confirmedYears = confirmedYears
    }

    private enum CodingKeys: String, CodingKey {
        case extraDaysOff, cancelledDaysOff, makeUpWorkingDays, confirmedYears
    }

    /// Decodes the override file; a missing list is an empty one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        extraDaysOff = try container.decodeIfPresent([Entry].self, forKey: .extraDaysOff) ?? []
        cancelledDaysOff = try container.decodeIfPresent([CivilDate].self, forKey: .cancelledDaysOff) ?? []
        makeUpWorkingDays = try container.decodeIfPresent([Entry].self, forKey: .makeUpWorkingDays) ?? []
        confirmedYears = try container.decodeIfPresent([Int].self, forKey: .confirmedYears) ?? []
    }

    /// True when the file changes nothing.
    public var isEmpty: Bool {
        extraDaysOff.isEmpty && cancelledDaysOff.isEmpty && makeUpWorkingDays.isEmpty && confirmedYears.isEmpty
    }

    /// Problems a clerk must fix in the file, in Vietnamese; empty when the file is consistent.
    public func validate() -> [String] {
        var problems: [String] = []
        problems += duplicates(in: extraDaysOff.map(\.date), list: "ngày nghỉ thêm")
        problems += duplicates(in: cancelledDaysOff, list: "ngày không nghỉ")
        problems += duplicates(in: makeUpWorkingDays.map(\.date), list: "ngày làm bù")

        let extra = Set(extraDaysOff.map(\.date))
        let cancelled = Set(cancelledDaysOff)
        let makeUp = Set(makeUpWorkingDays.map(\.date))
        for date in extra.intersection(cancelled).sorted() {
            problems.append("Ngày \(date) vừa được thêm làm ngày nghỉ vừa được ghi là không nghỉ.")
        }
        for date in extra.intersection(makeUp).sorted() {
            problems.append("Ngày \(date) vừa được thêm làm ngày nghỉ vừa được ghi là ngày làm bù.")
        }

        for entry in extraDaysOff {
            if entry.reason.trimmingCharactersInSet(" \t\n").isEmpty {
                problems.append("Ngày nghỉ thêm \(entry.date) chưa ghi lý do.")
            }
            if entry.date.isWeekend {
                problems.append("Ngày nghỉ thêm \(entry.date) là \(entry.date.vietnameseWeekdayName), vốn đã là ngày nghỉ hằng tuần.")
            }
        }
        for date in cancelledDaysOff where date.isWeekend {
            problems.append("Ngày không nghỉ \(date) là \(date.vietnameseWeekdayName): muốn đi làm ngày đó, hãy ghi nó vào danh sách ngày làm bù.")
        }
        for entry in makeUpWorkingDays {
            if entry.reason.trimmingCharactersInSet(" \t\n").isEmpty {
                problems.append("Ngày làm bù \(entry.date) chưa ghi lý do.")
            }
            if !entry.date.isWeekend {
                problems.append("Ngày làm bù \(entry.date) là \(entry.date.vietnameseWeekdayName), vốn đã là ngày làm việc: ngày làm bù phải là thứ Bảy hoặc Chủ nhật.")
            }
        }
        return problems
    }

    /// `validate()` plus the checks that need the rules: a cancelled day must be a day off under them.
    public func validate(against rules: HolidayRules) -> [String] {
        var problems = validate()
        var holidayDaysByYear: [Int: Set<CivilDate>] = [:]
        for date in cancelledDaysOff where !date.isWeekend {
            let holidays = holidayDaysByYear[date.year] ?? Set(rules.holidays(in: date.year).map(\.date))
            holidayDaysByYear[date.year] = holidays
            if !holidays.contains(date) {
                problems.append("Ngày không nghỉ \(date) không phải ngày nghỉ lễ theo luật nên không cần ghi.")
            }
        }
        return problems
    }

    private func duplicates(in dates: [CivilDate], list: String) -> [String] {
        var seen: Set<CivilDate> = []
        var reported: Set<CivilDate> = []
        var problems: [String] = []
        for date in dates where !seen.insert(date).inserted && reported.insert(date).inserted {
            problems.append("Ngày \(date) được ghi nhiều lần trong danh sách \(list).")
        }
        return problems
    }
}
