import Foundation
import HoSoTestSupport
import Testing

/// The real application opens on a board drawn from the facts a directory keeps, reads the files behind
/// it, and loses none of the keys typed meanwhile (issue 19).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BoardFirstEndToEndTests {
    static let today = "2026-11-23"

    func app(_ data: String) throws -> TmuxSession {
        try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 100, height: 30)
    }

    /// The line of the board that counts every file.
    func totalLine(_ screen: String) -> String? {
        screen.components(separatedBy: "\n").first { $0.contains("Tổng ") && $0.contains(" hồ sơ · quá hạn") }
    }

    @Test("The second start draws the board from the facts the first kept; a search typed at once finds its file")
    func keysTypedWhileTheFilesLoadAreKept() async throws {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["demo", "--no-open", "--cases", "1500", "--data", data, "--today", Self.today])
        let facts = data + "/report-facts.tsv"
        #expect(!FileManager.default.fileExists(atPath: facts))

        // First start: nothing kept, the files are read before the first frame; quitting keeps their facts.
        let first = try app(data)
        let board = try await first.waitUntil("the board with its totals", timeout: .seconds(30)) { totalLine($0) != nil }
        let total = try #require(totalLine(board))
        #expect(total.contains("Tổng 1500 hồ sơ"))
        try first.sendKeys("q")
        #expect(try await first.waitForExit(timeout: .seconds(30)) == 0)
        first.stop()
        #expect(FileManager.default.fileExists(atPath: facts))

        // Second start: the same totals from the kept facts; keys sent with the first frame are not lost.
        let second = try app(data)
        defer { second.stop() }
        let early = try await second.waitUntil("the board from the kept facts", timeout: .seconds(30)) { totalLine($0) != nil }
        #expect(totalLine(early) == total)
        try second.sendKeys("F2", "/")
        try second.sendLiteral("HS-0007")
        let found = try await second.waitUntil("the list narrowed to HS-0007", timeout: .seconds(30)) {
            $0.contains("│ HS-0007 │") && !$0.contains("│ HS-0001 │") && !$0.contains("Đang đọc")
        }
        #expect(found.contains("Danh sách: Tất cả hồ sơ"))
        try second.sendKeys("Enter", "Enter")
        try await second.waitFor(text: "Hồ sơ HS-0007", timeout: .seconds(10))
    }
}
