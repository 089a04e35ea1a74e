import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// `case list` prints its rows from the snapshot's index and the facts kept for the reports, decoding no
/// file (issue 19: "list, search and filters run on the index"). Every row must be the one the files give.
@Suite("case list from the index and the kept facts")
struct CLIListFromIndexTests {
    static let today = "2026-11-23"

    struct Row: Decodable, Equatable, CustomStringConvertible {
        let id: String
        let name: String
        let birthDate: String?
        let unit: String
        let state: String
        let deadlineStatus: String?
        let overdue: Bool

        var description: String { "\(id) \(name) \(birthDate ?? "-") \(unit) \(state) \(deadlineStatus ?? "-") \(overdue)" }
    }

    /// The rows the files themselves give, read whole in this process: what every listing must print.
    static func expected(_ directory: String, as account: AccountID? = nil, where admits: (CaseFile) -> Bool) throws -> [Row] {
        let repository = try Repository.open(at: directory)
        let today = try #require(CivilDate(parsing: Self.today))
        var files = repository.cases
        if let account, let person = repository.accounts[account] {
            let access = Access(account: person, organisation: repository.organisation)
            files = files.filter(access.listsFile)
        }
        return CaseRow.rows(files.filter(admits), rulebook: repository.rulebook, calendar: repository.calendar, today: today).map { row in
            Row(id: row.file.id.rawValue, name: row.file.person.fullName, birthDate: row.file.person.birthDate.iso, unit: row.file.unitID.rawValue,
                state: row.file.state.rawValue, deadlineStatus: row.status?.description, overdue: row.isOverdue)
        }
    }

    static func list(_ directory: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (rows: [Row], text: String) {
        let binary = try hosoExecutablePath()
        let base = [binary, "case", "list", "--today", Self.today, "--data", directory] + arguments
        let json = try ChildProcess.run(base + ["--json"], environment: environment)
        #expect(json.status == 0, "\(json.standardError)")
        let text = try ChildProcess.run(base, environment: environment)
        #expect(text.status == 0, "\(text.standardError)")
        return (try JSONDecoder().decode([Row].self, from: Data(json.standardOutput.utf8)), text.standardOutput)
    }

    @Test("Every filter lists what the files give, after changes the kept facts do not hold, and without the kept facts")
    func rowsAreTheFilesRows() throws {
        let directory = NSTemporaryDirectory() + "hoso-list-index-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let binary = try hosoExecutablePath()
        let created = try ChildProcess.run([binary, "demo", "--cases", "300", "--seed", "7", "--no-open", "--data", directory, "--today", Self.today])
        #expect(created.status == 0, "\(created.standardError)")
        #expect(FileManager.default.fileExists(atPath: directory + "/report-facts.tsv"))

        // Saved since the facts were kept: a note (the deadline moves), a corrected name and birth date.
        let all = try Self.list(directory, []).rows
        let noted = try #require(all.first { $0.state == "sympathizer" })
        let renamed = try #require(all.first { $0.state == "verifying" })
        func cli(_ arguments: String...) throws {
            let result = try ChildProcess.run([binary] + arguments + ["--data", directory])
            #expect(result.status == 0, "\(result.standardError)")
        }
        try cli("case", "note", noted.id, "--text", "Nhận xét tháng 11.", "--date", Self.today)
        try cli("case", "identity", renamed.id, "--name", "Nguyễn Văn Zê", "--born", "1990-02-03", "--date", Self.today)

        let filters: [(arguments: [String], admits: (CaseFile) -> Bool)] = [
            ([], { _ in true }),
            (["--search", "nguyen van"], { SearchKey($0.person.fullName).matches(FoldedQuery("nguyen van")) }),
            (["--state", "sympathizer"], { $0.state == .sympathizer }),
        ]
        var texts: [[String]: String] = [:]
        for filter in filters {
            let (rows, text) = try Self.list(directory, filter.arguments)
            #expect(rows == (try Self.expected(directory, where: filter.admits)), "\(filter.arguments)")
            texts[filter.arguments] = text
        }
        let overdue = try Self.list(directory, ["--overdue"]).rows
        #expect(!overdue.isEmpty)
        #expect(overdue == (try Self.expected(directory, where: { _ in true })).filter(\.overdue))
        let zRow = try #require(try Self.list(directory, ["--search", "nguyen van ze"]).rows.first)
        #expect(zRow.birthDate == "1990-02-03" && zRow.id == renamed.id)

        // Without the kept facts the files are read (a few alone, all by a whole read that keeps the facts
        // again): the same rows, the same text.
        for filter in filters {
            try? FileManager.default.removeItem(atPath: directory + "/report-facts.tsv")
            let (rows, text) = try Self.list(directory, filter.arguments)
            #expect(rows == (try Self.expected(directory, where: filter.admits)), "\(filter.arguments), no facts kept")
            #expect(text == texts[filter.arguments], "\(filter.arguments), no facts kept")
        }
    }

    @Test("A mentor lists only their candidates, from the kept facts as from the files")
    func mentorListsOwnCandidates() throws {
        let directory = NSTemporaryDirectory() + "hoso-list-index-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let binary = try hosoExecutablePath()
        let created = try ChildProcess.run([binary, "demo", "--cases", "200", "--no-open", "--data", directory, "--today", Self.today])
        #expect(created.status == 0, "\(created.standardError)")
        let mentor = ["--as", "giupdo"]
        let environment = ["HOSO_PASSPHRASE": "giupdo-2026"]
        let expected = try Self.expected(directory, as: AccountID("giupdo"), where: { _ in true })
        let rows = try Self.list(directory, mentor, environment: environment).rows
        #expect(!rows.isEmpty && rows.count < 200)
        #expect(rows == expected)
        try FileManager.default.removeItem(atPath: directory + "/report-facts.tsv")
        #expect(try Self.list(directory, mentor, environment: environment).rows == expected)
    }
}
