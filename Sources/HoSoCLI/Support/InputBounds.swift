import HoSoDomain

/// Counts and years typed on the command line, refused before anything is read or written: a count
/// beyond any unit's size, or a year the calendar and the reports are not made for, is a typing mistake
/// that would otherwise be saved and make every later report overflow or trap.
enum InputBounds {
    /// A count of members, votes, quotas, sources or admissions.
    static func count(_ value: Int?, _ option: String) throws {
        guard let value, !UnitQuota.counts.contains(value) else { return }
        let allowed = "từ \(UnitQuota.counts.lowerBound) đến \(VietnameseNumber.grouped(UnitQuota.counts.upperBound))"
        if value < 0 {
            throw Failure.error("\(option) \(value): số không được âm. Chưa ghi gì. Hãy nhập một số \(allowed).")
        }
        throw Failure.error("\(option) \(value) lớn hơn mức cho phép. Chưa ghi gì. Hãy nhập một số \(allowed).")
    }

    /// The number of a document (`Số 12-BC/CB`): counted from 1, as documents are numbered.
    static func documentNumber(_ value: Int?, _ option: String) throws {
        guard let value, value < 1 else { return try count(value, option) }
        throw Failure.error(
            "\(option) \(value): số văn bản bắt đầu từ 1. Chưa làm gì. Hãy nhập số văn bản (1, 2, 3…), "
                + "hoặc bỏ \(option) để chừa chỗ ghi tay.")
    }

    /// A calendar year (of a report, a quota figure, the holidays, a birth).
    static func year(_ value: Int?, _ option: String) throws {
        guard let value, !ReportPeriod.years.contains(value) else { return }
        throw Failure.error(
            "\(option) \(value) nằm ngoài khoảng năm cho phép (\(ReportPeriod.years.lowerBound)–\(ReportPeriod.years.upperBound)). "
                + "Chưa làm gì. Hãy nhập năm đủ bốn chữ số, ví dụ 2026.")
    }
}
