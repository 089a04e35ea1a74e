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

    /// The binary, and a new demo data directory of `cases` files (the caller removes it).
    func demo(cases: Int, seed: Int) throws -> (binary: String, directory: String) {
        let directory = NSTemporaryDirectory() + "hoso-partial-\(UUID().uuidString)"
        let binary = try hosoExecutablePath()
        let created = try ChildProcess.run([binary, "demo", "--cases", "\(cases)", "--seed", "\(seed)", "--no-open", "--data", directory])
        #expect(created.status == 0, "\(created.standardError)")
        return (binary, directory)
    }

    @Test("A search and a state filter list exactly the files the full list has under that filter")
    func listing() throws {
        let (binary, directory) = try demo(cases: 300, seed: 7)
        defer { try? FileManager.default.removeItem(atPath: directory) }
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

    @Test("A command on one file prints the same through the index as through a whole read of the snapshot")
    func oneFileThroughTheIndexOrWithout() throws {
        let (binary, directory) = try demo(cases: 200, seed: 3)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func run(_ arguments: String...) throws -> ChildProcess.Result {
            try ChildProcess.run([binary] + arguments + ["--data", directory])
        }
        let noted = try run("case", "note", "HS-0042", "--text", "Ghi sau lần gộp nhật ký.")
        #expect(noted.status == 0, "\(noted.standardError)")
        // Through the index, these read only the file's units and the members it needs (the part of the
        // organisation around it): files of every state, each with the requirements of its next step.
        let sample = [7, 42, 61, 88, 103, 150, 199].map { "HS-" + String(format: "%04d", $0) }
        let commands = [["case", "show", "HS-0042"], ["case", "show", "HS-0007"], ["case", "show", "HS-9999"], ["case", "history", "HS-0042"]]
            + sample.flatMap { [["case", "show", $0], ["case", "blockers", $0, "--date", "2026-11-23"]] } + [["case", "blockers", "HS-9999"]]
        let throughIndex = try commands.map { try ChildProcess.run([binary] + $0 + ["--data", directory]) }
        #expect(throughIndex[0].standardOutput.contains("Ghi sau lần gộp nhật ký."))
        // A damaged index is not searched: the snapshot is read whole, and prints the same.
        let index = directory + "/snapshot.index"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: index))
        for (command, expected) in zip(commands, throughIndex) {
            let whole = try ChildProcess.run([binary] + command + ["--data", directory])
            #expect(whole.standardOutput == expected.standardOutput, "\(command)")
            #expect(whole.standardError == expected.standardError, "\(command)")
            #expect(whole.status == expected.status, "\(command)")
        }
        // A number that is not there gets the words it always got, for a change as for a look.
        #expect(throughIndex[2].status != 0 && throughIndex[2].standardError.contains("Không có hồ sơ mã HS-9999"))
        let noteMissing = try run("case", "note", "HS-9999", "--text", "x")
        #expect(noteMissing.status == throughIndex[2].status)
        #expect(noteMissing.standardError.contains("Không có hồ sơ mã HS-9999"), "\(noteMissing.standardError)")
    }
}
