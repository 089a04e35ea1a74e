import HoSoTUI
import HoSoTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `hoso` driven in tmux through its terminal self-test screen.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TerminalSelfTestEndToEndTests {
    private func start(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try TmuxSession([try hosoExecutablePath(), "_terminal-selftest"], width: width, height: height)
    }

    /// Display columns at which `│` appears in `line` (CJK counts two, combining marks zero).
    private func barColumns(_ line: String) -> [Int] {
        var columns: [Int] = []
        var column = 0
        for character in line {
            if character == "│" { columns.append(column) }
            column += CellBuffer.columns(of: String(character))
        }
        return columns
    }

    @Test func vietnameseAndWideTextStayAligned() async throws {
        let session = try start()
        defer { session.stop() }
        let screen = try await session.waitFor(text: "Kích thước: 100×30")
        let lines = try session.captureLines()
        #expect(lines.count == 30, "\(screen)")
        let tableLines = lines.filter { $0.contains("Tiếp nhận") || $0.contains("Xác minh") || $0.contains("陳文德")
            || $0.contains("Giai đoạn") || $0.contains("Chờ chi bộ xét") }
        #expect(tableLines.count == 5, "\(screen)")
        let expected = barColumns(tableLines[0])
        #expect(expected.count == 4, "\(screen)")
        for line in tableLines {
            #expect(barColumns(line) == expected, "misaligned: \(line)")
        }
        #expect(screen.contains("Nguyễn Thị Lệ — Chi bộ khu phố 3"))
        #expect(screen.contains("Phạm Thị Hương Giang Ng…"))
        // Every line of the box ends at the last column: nothing shifted the border.
        for line in lines.dropFirst().dropLast() {
            #expect(CellBuffer.columns(of: line) == 100 && line.hasSuffix("│"), "\(line)")
        }
    }

    @Test func keysAndVietnameseInputAreRecognised() async throws {
        let session = try start()
        defer { session.stop() }
        try await session.waitFor(text: "Kích thước: 100×30")
        try session.sendLiteral("ễ")
        try await session.waitFor(text: "Đã gõ: ễ")
        try await session.waitFor(text: "Phím: ễ")
        try session.sendLiteral("e\u{302}\u{303}")
        try await session.waitFor(text: "Đã gõ: ễễ")
        try session.sendKeys("F5")
        try await session.waitFor(text: "Phím: F5")
        try session.sendKeys("Down")
        try await session.waitFor(text: "Phím: ↓")
        try session.sendKeys("BSpace")
        try await session.waitFor(text: "Phím: Backspace")
        let screen = try session.capture()
        #expect(screen.contains("Đã gõ: ễ "), "one backspace removes one whole letter:\n\(screen)")
    }

    @Test func resizeRedrawsAndTooSmallShowsMessage() async throws {
        let session = try start()
        defer { session.stop() }
        try await session.waitFor(text: "Kích thước: 100×30")
        try session.resize(width: 80, height: 24)
        let small = try await session.waitFor(text: "Kích thước: 80×24")
        let lines = try session.captureLines()
        #expect(lines.count == 24)
        #expect(lines.first?.hasPrefix("┌─ HoSo") == true, "\(small)")
        #expect(lines.last.map { CellBuffer.columns(of: $0) } == 80, "\(small)")
        try session.resize(width: 60, height: 20)
        let tiny = try await session.waitFor(text: "Cửa sổ quá nhỏ — cần ít nhất 80×24")
        #expect(!tiny.contains("Tiếng Việt:"), "the app must not show under the message:\n\(tiny)")
        try session.resize(width: 100, height: 30)
        try await session.waitFor(text: "Kích thước: 100×30")
    }

    @Test func quitRestoresTheTerminalAndExitsWithZero() async throws {
        let session = try start()
        defer { session.stop() }
        try await session.waitFor(text: "Kích thước: 100×30")
        #expect(try session.format("#{alternate_on}") == "1", "curses runs on the alternate screen")
        try session.sendKeys("q")
        let status = try await session.waitForExit()
        #expect(status == 0)
        #expect(try session.format("#{alternate_on}") == "0", "endwin must leave the alternate screen")
        let screen = try session.capture()
        #expect(!screen.contains("kiểm tra terminal"), "the app's screen must not remain:\n\(screen)")
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let session = try start()
        defer { session.stop() }
        try await session.waitFor(text: "Kích thước: 100×30")
        try session.signalProgram(SIGTERM)
        let status = try await session.waitForExit()
        #expect(status == 128 + 15)
        #expect(try session.format("#{alternate_on}") == "0")
    }
}
