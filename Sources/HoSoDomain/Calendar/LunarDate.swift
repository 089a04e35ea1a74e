/// A day of the Vietnamese lunar calendar (âm lịch): day and month as people say them, with the lunar
/// year numbered like the solar year in which it mostly falls (Tết of lunar 2025 is 29/01/2025).
public struct LunarDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The lunar year, numbered like the solar year in which its Tết falls.
    public let year: Int
    /// 1–12 (tháng Giêng … tháng Chạp).
    public let month: Int
    /// 1–29 or 1–30.
    public let day: Int
    /// True for the intercalary month (tháng nhuận) that repeats the number of the month before it.
    public let isLeapMonth: Bool

    /// A lunar date as written; whether that day exists is decided by `LunarCalendar.solarDate(of:)`.
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// How a clerk writes it: "10/3 âm lịch", "15/4 (nhuận) âm lịch".
    public var description: String {
        "\(day)/\(month)\(isLeapMonth ? " (nhuận)" : "") âm lịch"
    }

    /// With the year: "10/3/2025 âm lịch", "15/6 (nhuận)/2025 âm lịch".
    public var descriptionWithYear: String {
        "\(day)/\(month)\(isLeapMonth ? " (nhuận)" : "")/\(year) âm lịch"
    }
}
