import Foundation
@testable import HoSoCLI
import HoSoTestSupport
import Testing

@Suite("Progress of long work on standard error")
struct ProgressBarTests {
    @Test("The line: bar, per cent, count with Vietnamese thousands, time left from the pace so far")
    func line() {
        let bar = ProgressBar(total: 5_000, label: "Đang tạo dữ liệu mẫu", onTerminal: true, write: { _ in })
        #expect(bar.line(2_000, elapsed: 8) == "Đang tạo dữ liệu mẫu █████████░░░░░░░░░░░░░░░ 40 % (2.000/5.000) — còn khoảng 12 giây   ")
        #expect(bar.line(5_000, elapsed: 20) == "Đang tạo dữ liệu mẫu ████████████████████████ 100 % (5.000/5.000)   ")
        #expect(bar.line(100, elapsed: 6) == "Đang tạo dữ liệu mẫu ░░░░░░░░░░░░░░░░░░░░░░░░ 2 % (100/5.000) — còn khoảng 4 phút 54 giây   ")
    }

    @Test("Silent when standard error is not a terminal; on a terminal at most ten redraws a second, the last always")
    func silentOffTerminalAndThrottled() {
        var written: [String] = []
        let off = ProgressBar(total: 10, label: "x", onTerminal: false, write: { written.append($0) })
        for done in 1...10 { off.show(done) }
        off.finish()
        #expect(written.isEmpty)

        var clock = Date(timeIntervalSince1970: 0)
        let on = ProgressBar(total: 10, label: "x", onTerminal: true, now: { clock }, write: { written.append($0) })
        for done in 1...9 {
            clock += 0.01
            on.show(done)
        }
        clock += 0.01
        on.show(10)
        on.finish()
        #expect(written.count == 3, "the first, the last, and the end of the line: \(written)")
        #expect(written.first?.hasPrefix("\rx ") == true && written.last == "\n")
    }

    @Test("hoso demo shows its progress in a terminal and nothing of it in a pipe")
    func demoInATerminalAndInAPipe() async throws {
        let data = HosoRun.temporaryDataDirectory()
        let piped = HosoRun.temporaryDataDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: piped)
        }
        // The summary goes to a pipe, so the bar (on the terminal's standard error) stays on the screen.
        let session = try TmuxSession(
            ["sh", "-c", #""$0" demo --cases 1500 --no-open --data "$1" > /dev/null"#, try hosoExecutablePath(), data], width: 120, height: 30)
        defer { session.stop() }
        try await session.waitFor(text: "Đang tạo dữ liệu mẫu ████████████████████████ 100 % (1.500/1.500)", timeout: .seconds(60))
        let result = try ChildProcess.run([try hosoExecutablePath(), "demo", "--cases", "50", "--no-open", "--data", piped])
        #expect(result.status == 0)
        #expect(!result.standardError.contains("█") && !result.standardError.contains("\r"), "\(result.standardError)")
    }

    @Test("hoso migrate shows its progress in a terminal and nothing of it in a pipe")
    func migrateInATerminalAndInAPipe() async throws {
        let source = HosoRun.temporaryDataDirectory()
        let copy = HosoRun.temporaryDataDirectory() + "-copy"
        let piped = HosoRun.temporaryDataDirectory() + "-piped"
        defer { for path in [source, copy, piped] { try? FileManager.default.removeItem(atPath: path) } }
        try HosoRun.run(["demo", "--data", source, "--cases", "60", "--no-open"])
        let session = try TmuxSession(
            ["sh", "-c", #""$0" migrate --from "$1" --to "$2" > /dev/null; sleep 30"#, try hosoExecutablePath(), source, copy],
            width: 120, height: 30)
        defer { session.stop() }
        try await session.waitFor(text: "Đang chép ████████████████████████ 100 %", timeout: .seconds(60))
        let result = try ChildProcess.run([try hosoExecutablePath(), "migrate", "--from", source, "--to", piped])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("█") && !result.standardError.contains("\r"), "\(result.standardError)")
    }

    @Test("hoso bench shows its progress while it makes its data, in a terminal, and nothing of it in a pipe")
    func benchInATerminalAndInAPipe() async throws {
        let data = HosoRun.temporaryDataDirectory()
        let piped = HosoRun.temporaryDataDirectory() + "-piped"
        defer { for path in [data, piped] { try? FileManager.default.removeItem(atPath: path) } }
        let session = try TmuxSession(
            ["sh", "-c", #""$0" bench --cases 300 --create-only --dir "$1" > /dev/null; sleep 30"#, try hosoExecutablePath(), data],
            width: 120, height: 30)
        defer { session.stop() }
        try await session.waitFor(text: "Đang tạo dữ liệu đo ████████████████████████ 100 % (300/300)", timeout: .seconds(60))
        let result = try ChildProcess.run([try hosoExecutablePath(), "bench", "--cases", "100", "--create-only", "--dir", piped])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("█") && !result.standardError.contains("\r"), "\(result.standardError)")
    }
}
