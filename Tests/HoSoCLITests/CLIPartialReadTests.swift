import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

/// `case list --search/--state`, `case show`, `case history` and the commands on one file decode only the
/// files they print or change; what they print and save must be what a full read gives.
@Suite("Commands that read a few files")
struct CLIPartialReadTests {
    struct Row: Decodable, Equatable {
        let id: String
        let name: String
        let state: String
        let deadlineStatus: String?
    }

    func rows(_ result: ChildProcess.Result) throws -> [Row] {
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode([Row].self, from: Data(result.standardOutput.utf8))
    }

    @Test("A search and a state filter list exactly the files the full list has under that filter")
    func listing() throws {
        let directory = NSTemporaryDirectory() + "hoso-partial-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let binary = try hosoExecutablePath()
        let created = try ChildProcess.run([binary, "demo", "--cases", "300", "--seed", "7", "--no-open", "--data", directory])
        #expect(created.status == 0, "\(created.standardError)")
        func list(_ arguments: String...) throws -> [Row] {
            try rows(ChildProcess.run([binary, "case", "list", "--json", "--today", "2026-11-23", "--data", directory] + arguments))
        }
        let all = try list()
        #expect(all.count == 300)
        for search in ["nguyen van", "THI", "Hạnh", "zzz"] {
            let query = FoldedQuery(search)
            let expected = all.filter { SearchKey($0.name).matches(query) }
            #expect(try list("--search", search) == expected, "\(search)")
        }
        let sympathizers = all.filter { $0.state == "sympathizer" }
        #expect(!sympathizers.isEmpty)
        #expect(try list("--state", "sympathizer") == sympathizers)
        #expect(try list("--state", "sympathizer", "--search", "nguyen") == sympathizers.filter { SearchKey($0.name).matches(FoldedQuery("nguyen")) })

        let chosen = try #require(all.dropFirst(17).first)
        let shown = try ChildProcess.run([binary, "case", "show", chosen.id, "--data", directory])
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("Hồ sơ \(chosen.id) — \(chosen.name)"))
        let history = try ChildProcess.run([binary, "case", "history", chosen.id, "--data", directory])
        #expect(history.status == 0 && !history.standardOutput.isEmpty, "\(history.standardError)")

        // A command on one file saves it without reading the others; nothing else changes.
        let note = try ChildProcess.run([binary, "case", "note", chosen.id, "--text", "Ghi khi chỉ đọc một hồ sơ.", "--data", directory])
        #expect(note.status == 0, "\(note.standardError)")
        let shownAgain = try ChildProcess.run([binary, "case", "show", chosen.id, "--json", "--data", directory])
        #expect(shownAgain.standardOutput.contains("Ghi khi chỉ đọc một hồ sơ."))
        let afterNote = try list()
        #expect(afterNote.map(\.id) == all.map(\.id))
        #expect(afterNote.filter { $0.id != chosen.id } == all.filter { $0.id != chosen.id })

        let missing = try ChildProcess.run([binary, "case", "show", "HS-9999", "--data", directory])
        #expect(missing.status != 0 && missing.standardError.contains("Không có hồ sơ mã HS-9999"))
    }
}
