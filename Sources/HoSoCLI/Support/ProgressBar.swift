import Foundation
import HoSoDomain

/// A one-line progress bar on standard error for long work (a large demo, a migration, a benchmark):
/// the bar, the per cent, the count and the time left. Drawn only when standard error is a terminal and
/// at most ten times a second; silent otherwise, so scripts and logs get no control characters.
final class ProgressBar {
    private let total: Int
    private let label: String
    private let onTerminal: Bool
    private let started: Date
    private let now: () -> Date
    private let write: (String) -> Void
    private var lastDrawn: Date?
    private var drawnOnce = false

    init(
        total: Int, label: String, onTerminal: Bool = isatty(2) == 1, now: @escaping () -> Date = Date.init,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.total = max(total, 1)
        self.label = label
        self.onTerminal = onTerminal
        self.now = now
        self.started = now()
        self.write = write
    }

    /// Shows `done` of the total; redraws at most every 0.1 s, and always at the end.
    func show(_ done: Int) {
        guard onTerminal else { return }
        let moment = now()
        if let lastDrawn, moment.timeIntervalSince(lastDrawn) < 0.1, done < total { return }
        lastDrawn = moment
        drawnOnce = true
        write("\r" + line(done, elapsed: moment.timeIntervalSince(started)))
    }

    /// Ends the line the bar was drawn on.
    func finish() {
        if onTerminal, drawnOnce { write("\n") }
    }

    /// "Đang tạo dữ liệu mẫu ████████░░░░ 40 % (2.000/5.000) — còn khoảng 12 giây".
    func line(_ done: Int, elapsed: TimeInterval) -> String {
        let clamped = min(max(done, 0), total)
        let percent = clamped * 100 / total
        let width = 24
        let filled = clamped * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "\(label) \(bar) \(percent) % (\(VietnameseNumber.grouped(clamped))/\(VietnameseNumber.grouped(total)))"
        if clamped > 0, clamped < total {
            let left = elapsed / Double(clamped) * Double(total - clamped)
            text += " — còn khoảng " + Self.duration(left)
        }
        return text + "   "
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(max(whole, 1)) giây" }
        return "\(whole / 60) phút \(whole % 60) giây"
    }
}
