import Foundation

/// A quota table read from its published form: its columns, its units and the subtotals it checked.
public struct QuotaTable: Sendable, Equatable {
    public var columns: [QuotaColumn]
    /// The column titles as published, in column order.
    public var titles: [String]
    public var units: [QuotaTableUnit]
    public var subtotals: [QuotaTableSubtotal]

    /// The year the table is about: that of "Chỉ tiêu kết nạp năm …", else of the latest admissions column.
    public var referenceYear: Int? {
        var years: [Int] = []
        for column in columns {
            switch column {
            case .yearlyQuota(let year): return year
            case .admittedUpTo(let date): years.append(date.year)
            case .admittedInYear(let year): years.append(year + 1)
            default: break
            }
        }
        return years.max()
    }

    /// The quota record of one unit row, with members counted at the start of `year`.
    public func quota(of unit: QuotaTableUnit, membersYear year: Int, merging existing: UnitQuota? = nil) -> UnitQuota {
        var quota = existing ?? UnitQuota()
        quota.ordinal = unit.ordinal
        quota.publishedGroup = unit.group
        for (column, value) in unit.figures {
            switch column {
            case .members: quota.membersAtStartOfYear = UnitQuota.setting(value, for: year, in: quota.membersAtStartOfYear)
            case .termQuota(let start, let end):
                quota.termQuota = value
                quota.termStartYear = start
                quota.termEndYear = end
            case .sources: quota.reportedSources = value
            case .admittedInYear(let year):
                quota.reportedAdmissions.removeAll { $0.year == year && $0.through == nil }
                quota.reportedAdmissions.append(ReportedAdmissions(year: year, count: value))
            case .admittedUpTo(let date):
                quota.reportedAdmissions.removeAll { $0.year == date.year && $0.through == date }
                quota.reportedAdmissions.append(ReportedAdmissions(year: date.year, through: date, count: value))
            case .yearlyQuota(let year): quota.yearlyQuotas = UnitQuota.setting(value, for: year, in: quota.yearlyQuotas)
            case .supplement(let year): quota.supplements = UnitQuota.setting(value, for: year, in: quota.supplements)
            case .ordinal, .name, .supplementTotal: break
            }
        }
        quota.reportedAdmissions.sort { ($0.year, $0.through?.julianDay ?? Int.max) < ($1.year, $1.through?.julianDay ?? Int.max) }
        return quota
    }
}

/// A unit row of a quota table.
public struct QuotaTableUnit: Sendable, Equatable {
    public var line: Int
    public var ordinal: Int?
    public var name: String
    /// The sector header above the row, as published ("KHỐI PHƯỜNG").
    public var sector: String?
    public var figures: [QuotaColumn: Int]
    /// The label of the total row that sums this row with the others of its group, as published
    /// ("TỔNG CỘNG (4)" over three sectors); nil when no total row follows it but the grand total.
    public var group: String? = nil
}

/// A "TỔNG CỘNG" row, already checked against the rows it sums.
public struct QuotaTableSubtotal: Sendable, Equatable {
    public var line: Int
    public var label: String
    public var figures: [QuotaColumn: Int]
    public var unitCount: Int
    /// A total right after another total sums every unit above it.
    public var isGrandTotal: Bool
}

/// What a column of the quota table holds, recognised from its title.
public enum QuotaColumn: Hashable, Sendable, CustomStringConvertible {
    case ordinal, name, members
    case termQuota(start: Int?, end: Int?)
    case sources
    case admittedInYear(Int)
    case admittedUpTo(CivilDate)
    case yearlyQuota(Int)
    case supplement(Int)
    case supplementTotal

    public var isNumeric: Bool { self != .ordinal && self != .name }

    /// Recognises a published title, whatever its accents, case and spacing ("Tổng số đăng viên" too).
    public init?(title: String) {
        let folded = VietnameseText.folded(title)
        let years = Self.years(in: folded)
        if folded == "tt" || folded == "stt" {
            self = .ordinal
        } else if folded.contains("don vi") {
            self = .name
        } else if folded.contains("so dang vien") {
            self = .members
        } else if folded.contains("bo sung"), let year = years.first {
            self = .supplement(year)
        } else if folded.contains("chi tieu"), folded.contains(" nk") || folded.contains("nhiem ky") {
            self = .termQuota(start: years.first, end: years.count > 1 ? years[1] : nil)
        } else if folded.contains("nguon") {
            self = .sources
        } else if folded.contains("da ket nap"), folded.contains("den"), let date = Self.date(in: folded) {
            self = .admittedUpTo(date)
        } else if folded.contains("da ket nap"), let year = years.first {
            self = .admittedInYear(year)
        } else if folded.contains("chi tieu"), let year = years.first {
            self = .yearlyQuota(year)
        } else if folded == "tong cong" || folded == "cong" || folded == "tong bo sung" {
            self = .supplementTotal
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .ordinal: "TT"
        case .name: "Đơn vị"
        case .members: "Tổng số đảng viên"
        case .termQuota(let start, let end):
            "Chỉ tiêu kết nạp NK" + (start.map { " \($0)" } ?? "") + (end.map { " - \($0)" } ?? "")
        case .sources: "Tổng số nguồn hiện có"
        case .admittedInYear(let year): "Đã kết nạp năm \(year)"
        case .admittedUpTo(let date): "Đã kết nạp tính đến \(date.day)/\(date.month)/\(date.year)"
        case .yearlyQuota(let year): "Chỉ tiêu kết nạp năm \(year)"
        case .supplement(let year): "Bổ sung chỉ tiêu trong năm \(year)"
        case .supplementTotal: "Tổng cộng"
        }
    }

    static func years(in folded: String) -> [Int] {
        folded.split(whereSeparator: { !$0.isNumber }).compactMap { part in
            guard part.count == 4, let year = Int(part), (1900...2100).contains(year) else { return nil }
            return year
        }
    }

    static func date(in folded: String) -> CivilDate? {
        for word in folded.split(separator: " ") {
            let parts = word.split(separator: "/").map { Int($0.filter(\.isNumber)) }
            if parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2],
                let date = CivilDate(year: year, month: month, day: day)
            {
                return date
            }
        }
        return nil
    }
}
