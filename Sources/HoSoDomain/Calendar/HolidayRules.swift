/// The public holidays of the Labour Code 2019, art. 112, and the compensatory days of its clause 3
/// (a holiday on a Saturday or Sunday gives the next working day off). Days the government moves in a
/// given year are not rules: they come from `HolidayOverrides`.
///
/// The Prime Minister fixes each year which days make up the five of Tết and which day next to 2/9 is
/// the second of Quốc khánh (art. 112 cl. 3), hence the parameters; the defaults are the usual choice.
public struct HolidayRules: Sendable, Hashable, Codable {
    /// Which day next to 2 September completes the two days of Quốc khánh.
    public enum AdjacentDay: String, Sendable, Hashable, Codable {
        /// 1 September.
        case dayBefore
        /// 3 September.
        case dayAfter
    }

    /// Days off before 1/1 lunar (1 = the last day of the lunar year, 29 or 30 tháng Chạp).
    public var daysBeforeTet: Int
    /// Days off after 1/1 lunar (3 = mùng 2, 3 and 4).
    public var daysAfterTet: Int
    /// The second day of Quốc khánh; the government picks it each year, the default is 3 September.
    public var nationalDayAdjacentDay: AdjacentDay
    /// First year with the second day of Quốc khánh (the Labour Code 2019 took effect on 1/1/2021).
    public var nationalDaySecondDayFromYear: Int
    /// Whether a holiday falling on a weekend gives a compensatory day off.
    public var givesCompensatoryDays: Bool
    /// Hours east of UTC used for the lunar holidays.
    public var timeZone: Double

    /// The rules in force, with every parameter defaulting to current practice.
    public init(daysBeforeTet: Int = 1, daysAfterTet: Int = 3,
                nationalDayAdjacentDay: AdjacentDay = .dayAfter,
                nationalDaySecondDayFromYear: Int = 2021,
                givesCompensatoryDays: Bool = true,
                timeZone: Double = LunarCalendar.vietnamTimeZone) {
        self.daysBeforeTet = daysBeforeTet
        self.daysAfterTet = daysAfterTet
        self.nationalDayAdjacentDay = nationalDayAdjacentDay
        self.nationalDaySecondDayFromYear = nationalDaySecondDayFromYear
        self.givesCompensatoryDays = givesCompensatoryDays
        self.timeZone = timeZone
    }

    /// The days off of solar year `year` under these rules, compensatory days included, sorted by date.
    public func holidays(in year: Int) -> [PublicHoliday] {
        holidays(inYears: year...year)
    }

    /// The days off of every year in `years`, sorted by date; cheaper than asking year by year.
    public func holidays(inYears years: ClosedRange<Int>) -> [PublicHoliday] {
        // Neighbouring years are included so a compensatory day can follow a holiday across New Year.
        var statutory: [PublicHoliday] = []
        for year in (years.lowerBound - 1)...(years.upperBound + 1) {
            statutory += statutoryHolidays(ofYear: year)
        }
        statutory.sort(by: Self.chronologically)
        let all = givesCompensatoryDays ? statutory + compensatoryDays(for: statutory) : statutory
        return all.filter { years.contains($0.date.year) }.sorted(by: Self.chronologically)
    }

    /// The holidays art. 112 names for year `year`, without compensatory days: Tết of lunar year
    /// `year`, Giỗ Tổ of lunar year `year` and the solar holidays of `year`.
    func statutoryHolidays(ofYear year: Int) -> [PublicHoliday] {
        var result: [PublicHoliday] = []
        func solar(_ month: Int, _ day: Int, _ kind: PublicHoliday.Kind) {
            guard let date = CivilDate(year: year, month: month, day: day) else { return }
            result.append(PublicHoliday(date: date, name: kind.vietnameseName, kind: kind))
        }

        solar(1, 1, .solarNewYear)

        let schedule = Self.published[year]
        let tet = LunarCalendar.newYear(year, timeZone: timeZone)
        // The published days when the year's schedule is built in; else the usual practice, guessed.
        let tetShifts = schedule?.tetDays.map { ($0.lowerBound.julianDay - tet.julianDay)...($0.upperBound.julianDay - tet.julianDay) }
            ?? -max(0, daysBeforeTet)...max(0, daysAfterTet)
        for shift in tetShifts {
            let date = tet.adding(days: shift)
            // Month 1 has at least 29 days, so the days from mùng 1 on are numbered directly.
            let lunar = shift >= 0
                ? LunarDate(year: year, month: 1, day: 1 + shift)
                : LunarCalendar.lunarDate(of: date, timeZone: timeZone)
            result.append(PublicHoliday(date: date, name: PublicHoliday.Kind.lunarNewYear.vietnameseName,
                                        lunar: lunar, kind: .lunarNewYear))
        }

        let hungKingsLunar = LunarDate(year: year, month: 3, day: 10)
        if let hungKings = LunarCalendar.solarDate(of: hungKingsLunar, timeZone: timeZone) {
            result.append(PublicHoliday(date: hungKings, name: PublicHoliday.Kind.hungKingsCommemoration.vietnameseName,
                                        lunar: hungKingsLunar, kind: .hungKingsCommemoration))
        }

        solar(4, 30, .victoryDay)
        solar(5, 1, .labourDay)
        solar(9, 2, .nationalDay)
        if year >= nationalDaySecondDayFromYear {
            switch schedule?.nationalDayAdjacentDay ?? nationalDayAdjacentDay {
            case .dayBefore: solar(9, 1, .nationalDay)
            case .dayAfter: solar(9, 3, .nationalDay)
            }
            if schedule?.nationalDayAdjacentDay == nil, let last = result.indices.last {
                result[last].isEstimated = true
            }
        }
        if schedule?.tetDays == nil {
            for index in result.indices where result[index].kind == .lunarNewYear { result[index].isEstimated = true }
        }
        for swapped in schedule?.swappedDaysOff ?? [] {
            result.append(PublicHoliday(date: swapped.date, name: swapped.reason, kind: .extraDayOff))
        }
        return result
    }

    /// One compensatory day for each holiday on a Saturday or Sunday: the first following day that is
    /// neither a weekend, a holiday nor already given back, taken in date order.
    private func compensatoryDays(for statutory: [PublicHoliday]) -> [PublicHoliday] {
        var taken = Set(statutory.map(\.date.julianDay))
        var result: [PublicHoliday] = []
        for holiday in statutory where holiday.date.isWeekend {
            var candidate = holiday.date.adding(days: 1)
            while candidate.isWeekend || taken.contains(candidate.julianDay) {
                candidate = candidate.adding(days: 1)
            }
            taken.insert(candidate.julianDay)
            result.append(PublicHoliday(date: candidate, name: "Nghỉ bù \(holiday.kind.vietnameseName)",
                                        kind: .compensatory, isEstimated: holiday.isEstimated))
        }
        return result
    }

    /// What the government announced for a year: which day next to 2/9 is off, which days are those of
    /// Tết, the working days swapped with a weekend day, and the notice it comes from.
    public struct PublishedSchedule: Sendable, Hashable {
        /// The second day of Quốc khánh that year; nil when not announced (HoSo guesses).
        public var nationalDayAdjacentDay: AdjacentDay?
        /// The five days of Tết of the Labour Code as announced (the weekends around them are off anyway);
        /// nil when not built in (HoSo guesses them by the rules' parameters).
        public var tetDays: ClosedRange<CivilDate>?
        /// Working days given off for civil servants in exchange for a Saturday worked (`makeUpWorkingDays`).
        public var swappedDaysOff: [HolidayOverrides.Entry] = []
        /// Saturdays or Sundays worked to make up for `swappedDaysOff`.
        public var makeUpWorkingDays: [HolidayOverrides.Entry] = []
        /// The notice, as a clerk would look it up.
        public var notice: String
    }

    /// The schedules built in: only what is known for certain. Later years are guessed by the rules'
    /// parameters and shown "dự kiến" until holidays.json confirms them (`HolidayOverrides.confirmedYears`).
    public static let published: [Int: PublishedSchedule] = [
        // 2025: Quốc khánh on Monday 1/9 and Tuesday 2/9 (not 2/9 and 3/9): Thông báo của Bộ Lao động –
        // Thương binh và Xã hội về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2025 đối với cán bộ, công chức,
        // viên chức (Thông báo 6150/TB-LĐTBXH, 14/11/2024), as PROCEDURE.md records. Its Tết days are
        // not built in here: not checked.
        2025: PublishedSchedule(
            nationalDayAdjacentDay: .dayBefore, tetDays: nil,
            notice: "Thông báo 6150/TB-LĐTBXH ngày 14/11/2024 (nghỉ Quốc khánh 01/09 và 02/09/2025)"),
        // 2026: the Prime Minister agreed (October 2025, conveyed by the Government Office; announced by the
        // Ministry of Home Affairs) to the civil servants' schedule: Tết Bính Ngọ from Saturday 14/2 to Sunday
        // 22/2/2026 — the five Labour Code days Monday 16/2 (29 tháng Chạp) to Friday 20/2 (mùng 4) and two
        // weekends; Quốc khánh from Saturday 29/8 to Wednesday 2/9/2026 — 1/9 and 2/9, Monday 31/8 swapped
        // with Saturday 22/8. The press reported it; the number of the document is not recorded here.
        2026: PublishedSchedule(
            nationalDayAdjacentDay: .dayBefore,
            tetDays: CivilDate(year: 2026, month: 2, day: 16)!...CivilDate(year: 2026, month: 2, day: 20)!,
            swappedDaysOff: [HolidayOverrides.Entry(
                date: CivilDate(year: 2026, month: 8, day: 31)!, reason: "Nghỉ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)")],
            makeUpWorkingDays: [HolidayOverrides.Entry(
                date: CivilDate(year: 2026, month: 8, day: 22)!, reason: "Làm bù cho thứ Hai 31/08/2026 (nghỉ Quốc khánh)")],
            notice: "Ý kiến của Thủ tướng Chính phủ (tháng 10/2025) đồng ý phương án của Bộ Nội vụ: công chức, viên chức "
                + "nghỉ Tết Âm lịch từ 14/02 đến hết 22/02/2026, nghỉ Quốc khánh từ 29/08 đến hết 02/09/2026 "
                + "(hoán đổi thứ Hai 31/08 với thứ Bảy 22/08/2026)"),
    ]

    /// The weekend days worked under the built-in schedules.
    public static var publishedMakeUpWorkingDays: [HolidayOverrides.Entry] { published.values.flatMap(\.makeUpWorkingDays) }

    /// By date, then in the order of the law, so lists come out the same on every run.
    static func chronologically(_ lhs: PublicHoliday, _ rhs: PublicHoliday) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        let kinds = PublicHoliday.Kind.allCases
        let (left, right) = (kinds.firstIndex(of: lhs.kind) ?? 0, kinds.firstIndex(of: rhs.kind) ?? 0)
        return left != right ? left < right : lhs.name < rhs.name
    }
}
