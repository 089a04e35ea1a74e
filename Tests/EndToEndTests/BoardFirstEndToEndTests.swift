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

    @Test("The board comes from the facts the demo kept; a search typed at once finds its file; without facts the board waits for the files and is the same")
    func keysTypedWhileTheFilesLoadAreKept() async throws {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["demo", "--no-open", "--cases", "1500", "--data", data, "--today", Self.today])
        let facts = data + "/report-facts.tsv"
        #expect(FileManager.default.fileExists(atPath: facts), "kept by the demo")

        // From the kept facts: keys sent with the first frame are not lost.
        let first = try app(data)
        let early = try await first.waitUntil("the board from the kept facts", timeout: .seconds(30)) { totalLine($0) != nil }
        let total = try #require(totalLine(early))
        #expect(total.contains("Tổng 1500 hồ sơ"))
        try first.sendKeys("F2", "/")
        try first.sendLiteral("HS-0007")
        let found = try await first.waitUntil("the list narrowed to HS-0007", timeout: .seconds(30)) {
            $0.contains("│ HS-0007 │") && !$0.contains("│ HS-0001 │") && !$0.contains("Đang đọc")
        }
        #expect(found.contains("Danh sách: Tất cả hồ sơ"))
        try first.sendKeys("Enter", "Enter")
        try await first.waitFor(text: "Hồ sơ HS-0007", timeout: .seconds(10))
        try first.sendKeys("Escape", "Escape", "Escape", "q")
        #expect(try await first.waitForExit(timeout: .seconds(30)) == 0)
        first.stop()

        // Without kept facts: the files are read before the first frame, whose board is the same; quitting
        // keeps the facts for the next start.
        try FileManager.default.removeItem(atPath: facts)
        let second = try app(data)
        defer { second.stop() }
        let board = try await second.waitUntil("the board from the files", timeout: .seconds(30)) { totalLine($0) != nil }
        #expect(totalLine(board) == total)
        #expect(!board.contains("Đang đọc"))
        try second.sendKeys("q")
        #expect(try await second.waitForExit(timeout: .seconds(30)) == 0)
        #expect(FileManager.default.fileExists(atPath: facts))
    }

    @Test("Quitting on the first frame, before the files are read, leaves at once and leaves the data whole")
    func quittingBeforeTheFilesCome() async throws {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["demo", "--no-open", "--cases", "1500", "--data", data, "--today", Self.today])
        let session = try app(data)
        defer { session.stop() }
        try await session.waitUntil("the board from the kept facts", timeout: .seconds(30)) { totalLine($0) != nil }
        try session.sendKeys("q")
        #expect(try await session.waitForExit(timeout: .seconds(30)) == 0)
        let checked = try HosoRun.run(["check", "--data", data, "--today", Self.today])
        #expect(checked.contains("toàn vẹn"), "\(checked)")
    }

    /// The board needs only the people, the units and the facts; a file damaged on disk is found when the
    /// files are read behind it. The application then gives the terminal back and says what is wrong and
    /// what to do, instead of showing a board it cannot open.
    @Test("A file damaged on disk is found behind the board: the application leaves, says why and what to do, and changes nothing")
    func aDamagedFileFoundBehindTheBoardEndsTheApplicationWithItsReason() async throws {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["demo", "--no-open", "--cases", "1500", "--data", data, "--today", Self.today])
        // One letter of a file in the middle (its group of lines holds no unit, member or person), changed
        // where it lies.
        let path = data + "/snapshot.json"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let marker = Array(#""id":"case/HS-0700""#.utf8)
        let line = try #require(bytes.firstRange(of: marker))
        let name = try #require(bytes[line.upperBound...].firstRange(of: Array(#""fullName":""#.utf8)))
        // A lower-case ASCII letter of the name, so that the line stays valid JSON: only its hash tells.
        let letter = try #require(bytes[name.upperBound...].firstIndex { (UInt8(ascii: "a")...UInt8(ascii: "y")).contains($0) })
        bytes[letter] += 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let session = try app(data)
        defer { session.stop() }
        // The message is wrapped at the pane's width.
        func unwrapped(_ screen: String) -> String { screen.replacingOccurrences(of: "\n", with: "") }
        let screen = unwrapped(try await session.waitUntil("the reason, once the terminal is given back", timeout: .seconds(60)) {
            unwrapped($0).contains("không khớp mã băm")
        })
        #expect(screen.contains("snapshot.json") && screen.contains("hoso restore"), "\(screen)")
        #expect(try await session.waitForExit(timeout: .seconds(30)) != 0)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "nothing was written")
        let checked = try ChildProcess.run(
            [try hosoExecutablePath(), "check", "--data", data, "--today", Self.today], environment: [:], mergingStandardError: true)
        #expect(checked.status != 0)
        #expect(checked.standardOutput.contains("snapshot.json"), "\(checked.standardOutput)")
    }
}
