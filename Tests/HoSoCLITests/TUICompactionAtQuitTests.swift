import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// The terminal application leaves compaction to its quit (a save must stay a journal append while the
/// clerk types), so the journal a working day grows is folded into the snapshot when the clerk quits.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TUICompactionAtQuitTests {
    static let today = "2026-11-23"

    /// The journal segment the snapshot says loading starts from, and its size: what a compaction
    /// folds away (older segments stay as history, docs/storage-format.md).
    static func currentSegment(_ data: String) throws -> (number: Int, bytes: Int) {
        let snapshot = try String(contentsOfFile: data + "/snapshot.json", encoding: .utf8)
        let header = try #require(snapshot.split(separator: "\n", maxSplits: 1).first)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data((header + "]}").utf8)) as? [String: Any])
        let number = try #require(fields["segment"] as? Int)
        let name = String(repeating: "0", count: max(0, 6 - String(number).count)) + String(number) + ".jsonl"
        let size = try FileManager.default.attributesOfItem(atPath: data + "/journal/" + name)[.size] as? Int
        return (number, size ?? 0)
    }

    @Test func quittingCompactsAJournalPastItsThresholdAndKeepsEverySave() async throws {
        let data = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try HosoRun.run(["demo", "--no-open", "--cases", "20", "--seed", "4", "--today", Self.today, "--data", data])

        // A long day of notes, saved as the application saves them: past the thresholds, not compacted.
        let repository = try Repository.open(at: data)
        repository.defersCompaction = true
        let service = CaseService(repository: repository)
        let open = repository.cases.filter { !$0.state.isTerminal }.map(\.id)
        let text = String(repeating: "Tích cực tham gia sinh hoạt khu phố. ", count: 100)  // under the 4,000 characters a note takes
        var notes = 0
        while try Self.currentSegment(data).bytes <= 4 << 20 {
            _ = try service.edit(.addNote(text: text), on: open[notes % open.count], date: Fixtures.date(Self.today), actor: "Thư ký")
            notes += 1
        }
        let before = try Self.currentSegment(data)

        let session = try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 100, height: 30)
        defer { session.stop() }
        try await session.openFirstFile(once: "HS-00")
        try session.sendKeys("m")
        try await session.waitFor(text: "Ctrl-S lưu")
        try session.sendLiteral("Ghi trước khi thoát.")
        try session.sendKeys("C-s")
        try await session.waitFor(text: "✓ Đã lưu")
        let running = try Self.currentSegment(data)
        #expect(running.number == before.number && running.bytes > before.bytes, "the application's save is appended, not compacted")

        try session.sendKeys("Escape", "Escape", "q")
        #expect(try await session.waitForExit() == 0)
        let after = try Self.currentSegment(data)
        #expect(after.number == before.number + 1 && after.bytes == 0, "the journal was folded into the snapshot: \(before) → \(after)")

        let reopened = try Repository.open(at: data)
        let noted = reopened.cases.flatMap(\.notes).map(\.text)
        #expect(noted.filter { $0 == text.trimmingCharacters(in: .whitespaces) || $0 == text }.count == notes)
        #expect(noted.contains("Ghi trước khi thoát."))
        let check = try ChildProcess.run([try hosoExecutablePath(), "check", "--data", data])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }
}
