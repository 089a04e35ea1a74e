/// A day off for everyone under the Labour Code: a public holiday, a compensatory day (nghỉ bù) or a day
/// the government added.
public struct PublicHoliday: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Why the day is off.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 1/1.
        case solarNewYear
        /// The days around 1/1 lunar.
        case lunarNewYear
        /// 10/3 lunar.
        case hungKingsCommemoration
        /// 30/4.
        case victoryDay
        /// 1/5.
        case labourDay
        /// 2/9 and the day next to it.
        case nationalDay
        /// The working day given back for a holiday that fell on a Saturday or Sunday.
        case compensatory
        /// A day the government added (from the override file).
        case extraDayOff

        /// The name clerks use (the Labour Code, art. 112, says "Tết Âm lịch" for Tết Nguyên Đán).
        public var vietnameseName: String {
            switch self {
            case .solarNewYear: "Tết Dương lịch"
            case .lunarNewYear: "Tết Nguyên Đán"
            case .hungKingsCommemoration: "Giỗ Tổ Hùng Vương"
            case .victoryDay: "Ngày Chiến thắng"
            case .labourDay: "Ngày Quốc tế lao động"
            case .nationalDay: "Quốc khánh"
            case .compensatory: "Nghỉ bù"
            case .extraDayOff: "Ngày nghỉ thêm"
            }
        }
    }

    /// The day off.
    public let date: CivilDate
    /// Vietnamese name, e.g. "Giỗ Tổ Hùng Vương" or "Nghỉ bù Ngày Chiến thắng".
    public let name: String
    /// The lunar date for holidays fixed in the lunar calendar (Tết, Giỗ Tổ); `nil` otherwise.
    public let lunar: LunarDate?
    /// Why the day is off.
    public let kind: Kind
    /// A day HoSo guesses by the usual practice (the Tết days, the day next to 2/9, their compensatory
    /// days) for a year whose schedule is neither built in (`HolidayRules.published`) nor confirmed in
    /// holidays.json: shown "dự kiến".
    public var isEstimated: Bool
    /// A day the rules give that holidays.json also lists as a day off: the local file confirms it.
    public var isConfirmedByOverrides: Bool

    /// A holiday as the rules or the override file state it.
    public init(
        date: CivilDate, name: String, lunar: LunarDate? = nil, kind: Kind, isEstimated: Bool = false,
        isConfirmedByOverrides: Bool = false
    ) {
        self.date = date
        self.name = name
        self.lunar = lunar
        self.kind = kind
        self.isEstimated = isEstimated
        self.isConfirmedByOverrides = isConfirmedByOverrides
    }

    private enum CodingKeys: String, CodingKey { case date, name, lunar, kind, isEstimated, isConfirmedByOverrides }

    /// Tolerates holidays written before `isEstimated` and `isConfirmedByOverrides` existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try container.decode(CivilDate.self, forKey: .date), name: try container.decode(String.self, forKey: .name),
            lunar: try container.decodeIfPresent(LunarDate.self, forKey: .lunar), kind: try container.decode(Kind.self, forKey: .kind),
            isEstimated: try container.decodeIfPresent(Bool.self, forKey: .isEstimated) ?? false,
            isConfirmedByOverrides: try container.decodeIfPresent(Bool.self, forKey: .isConfirmedByOverrides) ?? false)
    }

    /// True for a nghỉ bù day.
    public var isCompensatory: Bool { kind == .compensatory }

    /// "30/04/2025 – Ngày Chiến thắng", with the lunar date when there is one.
    public var description: String {
        let lunarPart = lunar.map { " (\($0))" } ?? ""
        return "\(date.vietnamese) – \(name)\(lunarPart)\(isEstimated ? " (dự kiến)" : "")"
    }
}
