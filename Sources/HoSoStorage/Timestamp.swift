#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// ISO-8601 UTC timestamps with whole seconds, formatted without a shared formatter (thread-safe, round-trips).
enum Timestamp {
    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// `YYYYMMDDTHHMMSSZ`, for file names.
    static func compact(_ date: Date) -> String {
        iso8601(date).filter { $0 != "-" && $0 != ":" }
    }
}
