#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// ISO-8601 UTC timestamps with whole seconds, formatted without a shared formatter (thread-safe, round-trips).
package enum Timestamp {
    package static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A stored ISO-8601 UTC time as people in Vietnam read it: `06/12/2026 17:42` (UTC+7, no summer
    /// time); the text unchanged when it is not a stored timestamp.
    package static func vietnamese(_ iso: String) -> String {
        let digits = iso.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 5, iso.hasSuffix("Z"),
              let utc = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                       year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4]).date
        else { return iso }
        var seconds = time_t(utc.timeIntervalSince1970) + 7 * 3600
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_mday))/\(two(parts.tm_mon + 1))/\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// `YYYYMMDDTHHMMSSZ`, for file names.
    package static func compact(_ date: Date) -> String {
        iso8601(date).filter { $0 != "-" && $0 != ":" }
    }
}
