import Foundation
import HoSoTestSupport
import Testing

/// The people screen in the real program: the clerk adds a person through the people service, and the
/// service's refusal of a duplicate id leads back to the form.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PeopleEndToEndTests {
    static let today = "2026-11-23"

    @Test func theClerkAddsAPersonWithARoleFromThePeopleScreen() async throws {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["demo", "--no-open", "--data", data, "--today", Self.today])
        // The operating-system login is the demo's clerk: no --as, no passphrase.
        let session = try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 120, height: 40)
        defer { session.stop() }
        try await session.waitFor(text: "Bảng tiến độ", timeout: .seconds(15))
        try session.sendKeys("C-y")
        // The screen lists the demo's mentor and says where passphrases are set (a partial frame may come first).
        try await session.waitUntil("the people screen") { $0.contains("Dương Hoàng Vinh") && $0.contains("hoso people passphrase") }
        for attempt in 1...2 {
            try session.sendKeys("+")
            try await session.waitFor(text: "Thêm người dùng")
            try session.sendLiteral("thu.nt")
            try session.sendKeys("Tab")
            try session.sendLiteral("Ngô Thị Thu")
            try session.sendKeys("Tab", "Tab", "Right", "C-s")
            if attempt == 1 {
                let added = try await session.waitFor(text: "✓ Đã thêm người dùng thu.nt")
                #expect(added.contains("Ngô Thị Thu"), "\(added)")
            } else {
                // The whole popup, not its title alone (a capture can fall between two of its lines).
                let refused = try await session.waitUntil("the refusal and its button") {
                    $0.contains("Không thể thực hiện") && $0.contains("Enter hoặc Esc: đóng")
                }
                #expect(refused.contains("Đã có người dùng mã thu.nt"), "\(refused)")
                try session.sendKeys("Enter")
                try await session.waitFor(text: "Ctrl-S lưu")
            }
        }
        let people = try HosoRun.run(["people", "list", "--data", data])
        let line = try #require(people.components(separatedBy: "\n").first { $0.hasPrefix("thu.nt ") }, "\(people)")
        #expect(line.contains("Ngô Thị Thu") && line.contains("Người giúp đỡ"), "\(line)")
        #expect(people.components(separatedBy: "\n").filter { $0.hasPrefix("thu.nt ") }.count == 1)
    }
}
