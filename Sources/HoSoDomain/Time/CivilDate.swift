/// A calendar day with no time and no time zone: the date printed on a resolution, a certificate or a
/// decision. Every rule of the procedure speaks of such days, so the domain never handles instants.
///
/// Stored and encoded as `YYYY-MM-DD`; shown to people as `dd/mm/yyyy`.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date, or `nil` when that day does not exist (31/02, 29/02 of a common year, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day with this Julian Day Number (the count of days the astronomers use). A number beyond the
    /// years 1…9999 gives the first or last day of that span: date arithmetic never traps, whatever a file holds.
    public init(julianDay: Int) {
        let jd = min(max(julianDay, CivilDate.firstJulianDay), CivilDate.lastJulianDay)
        // Fliegel & Van Flandern's integer algorithm for the proleptic Gregorian calendar.
        var l = jd + 68569
        let n = 4 * l / 146097
        l = l - (146097 * n + 3) / 4
        let i = 4000 * (l + 1) / 1461001
        l = l - 1461 * i / 4 + 31
        let j = 80 * l / 2447
        let d = l - 2447 * j / 80
        l = j / 11
        let m = j + 2 - 12 * l
        let y = 100 * (n - 49) + i + l
        self.year = y
        self.month = m
        self.day = d
    }

    /// The Julian Day Number of this date; differences between two of them count days.
    public var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// A day known to exist, for arithmetic that has already kept it in range.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first and last days the type can hold: 01/01/0001 and 31/12/9999.
    public static let first = CivilDate(unchecked: 1, 1, 1)
    public static let last = CivilDate(unchecked: 9999, 12, 31)
    private static let firstJulianDay = first.julianDay
    private static let lastJulianDay = last.julianDay

    /// The days a person may record: from 01/01/1900 (the birth of the oldest relative anyone verifies)
    /// to 31/12/2100 (the years the lunar calendar, and so Tết and the deadlines over it, are checked for).
    /// A date outside it is a typing mistake, and one inside the type's range but far beyond it would make
    /// every deadline computed from it meaningless.
    public static let recordable: ClosedRange<CivilDate> = CivilDate(unchecked: 1900, 1, 1)...CivilDate(unchecked: 2100, 12, 31)

    /// Whether a person may record this day (see `recordable`).
    public var isRecordable: Bool { CivilDate.recordable.contains(self) }

    public static func isLeap(year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        // Field by field rather than as tuples: a file's check compares thousands of dates per save.
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return lhs.month < rhs.month }
        return lhs.day < rhs.day
    }

    /// ISO form, `2025-07-01`: the form stored in files and accepted by the CLI.
    public var iso: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// The form Vietnamese paperwork uses, `01/07/2025`.
    public var vietnamese: String {
        "\(Self.pad(day, 2))/\(Self.pad(month, 2))/\(Self.pad(year, 4))"
    }

    public var description: String { vietnamese }

    /// Day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int { (julianDay % 7) + 1 }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CivilDate {
        let (sum, overflow) = julianDay.addingReportingOverflow(days)
        return overflow ? (days < 0 ? CivilDate.first : CivilDate.last) : CivilDate(julianDay: sum)
    }

    /// The same day `months` later; a day that does not exist there becomes the month's last day
    /// (31/01 + 1 month = 28/02 or 29/02), as people count months on paper. Beyond the years 1…9999 it
    /// stops at their first or last day instead of trapping.
    public func adding(months: Int) -> CivilDate {
        let clampedMonths = min(max(months, -12 * 10_000), 12 * 10_000)
        let total = year * 12 + (month - 1) + clampedMonths
        guard total >= 12 else { return CivilDate.first }
        guard total < 10_000 * 12 else { return CivilDate.last }
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, CivilDate.daysIn(month: newMonth, year: newYear))
        return CivilDate(unchecked: newYear, newMonth, newDay)
    }

    public func adding(years: Int) -> CivilDate { adding(months: years * 12) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CivilDate) -> Int { other.julianDay - julianDay }

    /// Whole months completed from `self` to `other`: the way ages "tính theo tháng" are counted.
    /// A month is complete on the same day-of-month (or the month's last day when that day is missing).
    public func wholeMonths(until other: CivilDate) -> Int {
        guard other >= self else { return -other.wholeMonths(until: self) }
        var months = (other.year - year) * 12 + (other.month - month)
        if adding(months: months) > other { months -= 1 }
        return months
    }

    /// Parses `YYYY-MM-DD` or `dd/mm/yyyy` (also `d/m/yyyy`); `nil` when the text is not a real day.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharactersInSet(" \t")
        if let iso = Self.numbers(trimmed, separator: "-"), iso.count == 3, iso[0].digits == 4 {
            self.init(year: iso[0].value, month: iso[1].value, day: iso[2].value)
        } else if let vn = Self.numbers(trimmed, separator: "/"), vn.count == 3, vn[2].digits == 4 {
            self.init(year: vn[2].value, month: vn[1].value, day: vn[0].value)
        } else {
            return nil
        }
    }

    /// `YYYY-MM-DD` exactly (the stored form), nil for anything else: for text read from a stored file,
    /// where `init(parsing:)`'s other forms and string splitting are not needed.
    public init?(iso text: String) {
        self.init(isoBytes: text.utf8)
    }

    /// `YYYY-MM-DD` exactly, read byte by byte: the stored form, parsed once per date on every load, so
    /// without the string splitting of `init(parsing:)`.
    init?(isoBytes bytes: String.UTF8View) {
        guard bytes.count == 10 else { return nil }
        // A date is a small string: its bytes are copied out once rather than iterated through the view.
        guard let parsed = bytes.withContiguousStorageIfAvailable(Self.isoFields) ?? Array(bytes).withUnsafeBufferPointer(Self.isoFields)
        else { return nil }
        self.init(year: parsed.year, month: parsed.month, day: parsed.day)
    }

    /// `YYYY-MM-DD` exactly, from bytes (a report's facts, read by the hundred thousand).
    init?(isoBuffer bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Self.isoFields(bytes) else { return nil }
        self.init(year: parsed.year, month: parsed.month, day: parsed.day)
    }

    private static func isoFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    private static func numbers(_ text: String, separator: Character) -> [(value: Int, digits: Int)]? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        var result: [(Int, Int)] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(part)
            else { return nil }
            result.append((value, part.count))
        }
        return result
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Why a date a person typed is refused, in words they can act on.
public enum DateInputProblem: Error, Equatable, Sendable {
    /// Not a day that exists, or not in a form HoSo reads.
    case unreadable(String)
    /// A real day outside `CivilDate.recordable`.
    case notRecordable(CivilDate)

    /// The sentence for the person, after the date's label ("Ngày sinh", "--date"…).
    public var reason: String {
        switch self {
        case .unreadable:
            "không có thật hoặc sai dạng. Hãy nhập YYYY-MM-DD hoặc dd/mm/yyyy, ví dụ 2025-03-15."
        case .notRecordable:
            "nằm ngoài khoảng ngày HoSo ghi nhận (\(CivilDate.recordable.lowerBound) – \(CivilDate.recordable.upperBound)). "
                + "Hãy kiểm tra lại năm."
        }
    }

    /// What was typed, as the message quotes it.
    public var typed: String {
        switch self {
        case .unreadable(let text): text
        case .notRecordable(let date): date.vietnamese
        }
    }
}

extension CivilDate {
    /// A date a person typed: a real day, as `YYYY-MM-DD` or `dd/mm/yyyy`, within `recordable`.
    public static func typed(_ text: String) throws(DateInputProblem) -> CivilDate {
        guard let date = CivilDate(parsing: text) else { throw .unreadable(text) }
        guard date.isRecordable else { throw .notRecordable(date) }
        return date
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(isoBytes: text.utf8) ?? CivilDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Ngày không hợp lệ: \(text) (cần dạng YYYY-MM-DD)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension String {
    /// Trims the given characters at both ends (Foundation-free, so the domain stays pure).
    func trimmingCharactersInSet(_ characters: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, characters.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, characters.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
