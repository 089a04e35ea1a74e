import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// Schema 7: a record's scope filled by a trigger from one parse of its JSON, and the rows stored with room on their
/// page, so that a note on a file is a heap-only update (no index touched); row-level security and `hoso check` hold.
@Suite("Records updated in place on the server (schema 7)")
struct PostgresUpdatedInPlaceTests {
    /// The server's count of `hoso.records`' updates and heap-only ones, once the sessions that made them have ended
    /// (a session sends its statistics when it ends, or a second after its last transaction).
    static func updates(_ workspace: ServerWorkspace, atLeast expected: Int) throws -> (all: Int, heapOnly: Int) {
        var counts = (all: 0, heapOnly: 0)
        for _ in 0..<40 {
            let row = try workspace.cluster.psql(
                workspace.url, "SELECT n_tup_upd || ' ' || n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = 'hoso.records'::regclass")
            let numbers = row.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            if numbers.count == 2 { counts = (numbers[0], numbers[1]) }
            if counts.all >= expected { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        return counts
    }

    @Test("Most of twenty notes on one file update its row in place (no index gets an entry); the file reads back whole")
    func notesAreHeapOnlyUpdates() throws {
        let workspace = try ServerWorkspace()
        do {
            let service = CaseService(repository: try workspace.create())
            for index in 1...20 {
                try service.edit(.addNote(text: "Ghi chú \(index)."), on: "HS-0001", date: ServerWorkspace.day, actor: "Thư ký Lan")
            }
        }
        let counts = try Self.updates(workspace, atLeast: 20)
        #expect(counts.all == 20)
        // At version 6, none. Not all: this file's text is small enough to stay in its row, so a few versions fill the
        // page, and an update that finds it full before the server has pruned it moves the row (16–18 of 20 here; 1,940
        // of 2,020 notes in `hoso bench` at 100,000 files, whose texts are stored apart).
        #expect(counts.heapOnly >= 12, "a note changes neither the file's unit nor its facts: \(counts)")
        let reopened = try workspace.open()
        #expect(reopened.caseFile("HS-0001")?.notes.count == 20)
        #expect(reopened.check().errors.isEmpty, "\(reopened.check().errors)")
        #expect(try workspace.cluster.psql(workspace.url, "SELECT reloptions::text FROM pg_class WHERE oid = 'hoso.records'::regclass")
            .contains("fillfactor=80"))
    }

    @Test("The scope comes from the record, whatever a statement writes: a clerk's UPDATE of unit_id is undone, an INSERT under another unit refused")
    func scopeFilledFromTheRecord() throws {
        let server = try ServerWithRoles()
        let workspace = server.workspace
        let unit = try workspace.cluster.psql(workspace.url, "SELECT unit_id FROM hoso.records WHERE id = 'case/HS-0001'")
        #expect(unit.hasPrefix(Fixtures.cellID.rawValue))
        try workspace.cluster.psql(server.url(as: server.clerk), "UPDATE hoso.records SET unit_id = 'ELSEWHERE', mentors = '{M999}' WHERE id = 'case/HS-0001'")
        #expect(try workspace.cluster.psql(workspace.url, "SELECT unit_id || ' ' || array_to_string(mentors, ',') FROM hoso.records WHERE id = 'case/HS-0001'")
            .hasPrefix("\(Fixtures.cellID.rawValue) M001"))
        // A file of another unit, claimed as the clerk's own: the trigger files it where its text says, and the policy refuses.
        let text = try workspace.cluster.psql(workspace.url, "SELECT replace(value, '\"\(Fixtures.cellID.rawValue)\"', '\"ELSEWHERE\"') FROM hoso.records WHERE id = 'case/HS-0002'")
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "'", with: "''")
        #expect(throws: (any Error).self) {
            try workspace.cluster.psql(
                server.url(as: server.clerk),
                """
                INSERT INTO hoso.records (id, revision, value, changed_by, changed_at, seq, unit_id)
                VALUES ('case/HS-9999', 1, '\(text)', 'x', 'x', 1, '\(Fixtures.cellID.rawValue)')
                """)
        }
        // The mentor still reads exactly their candidate.
        #expect(try workspace.cluster.psql(server.url(as: server.mentor), "SELECT string_agg(id, ',') FROM hoso.records WHERE kind = 'case'")
            .hasPrefix("case/HS-0001\n"))
    }

    @Test("hoso check reports a record whose scope was written by hand with the trigger off (as only the tables' owner can)")
    func checkReportsAnEditedScope() throws {
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        #expect(try workspace.open().check().errors.isEmpty)
        try workspace.cluster.psql(
            workspace.url,
            """
            ALTER TABLE hoso.records DISABLE TRIGGER records_scope;
            UPDATE hoso.records SET mentors = '{M001}' WHERE id = 'case/HS-0002';
            ALTER TABLE hoso.records ENABLE TRIGGER records_scope
            """)
        let errors = try workspace.open().check().errors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("Phạm vi của bản ghi case/HS-0002 (các cột unit_id, mentors, login, parent_id") == true, "\(errors)")
    }

    @Test("A database of version 6 gets version 7 on open by its owner: the same files for each role, the same figures, a clean check")
    func versionSixMigrates() throws {
        let server = try ServerWithRoles()
        let workspace = server.workspace
        func seen(_ role: String) throws -> String {
            try workspace.cluster.psql(server.url(as: role), "SELECT coalesce(string_agg(id || ':' || unit_id, ',' ORDER BY id), '-') FROM hoso.records WHERE kind = 'case'")
        }
        let before = (mentor: try seen(server.mentor), clerk: try seen(server.clerk), viewer: try seen(server.viewer))
        let factsBefore = try ServerRepository.open(url: server.url(as: server.viewer), readingCases: false).reportFacts()
        try workspace.cluster.psql(
            workspace.url, DemoWardOnServer.withoutUpdatesInPlace + "UPDATE hoso.meta SET value = '6' WHERE key = 'schemaVersion'")
        #expect(try workspace.cluster.psql(workspace.url, "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'hoso.records'::regclass AND attname = 'unit_id'")
            .hasPrefix("s"), "taken back to the generated columns of version 6")
        do {
            _ = try ServerRepository.open(url: server.url(as: server.clerk))
            Issue.record("a role that does not own the tables upgraded them")
        } catch {
            #expect(error.message.contains("ở định dạng 6, bản HoSo này dùng định dạng \(PostgresSchema.version)"), "\(error.message)")
        }
        _ = try workspace.open()
        #expect(try workspace.cluster.psql(workspace.url, "SELECT value FROM hoso.meta WHERE key = 'schemaVersion'").hasPrefix("7"))
        #expect(try workspace.cluster.psql(workspace.url, "SELECT count(*) FROM pg_trigger WHERE tgname = 'records_scope'").hasPrefix("1"))
        #expect(try seen(server.mentor) == before.mentor && before.mentor.hasPrefix("case/HS-0001:"))
        #expect(try seen(server.clerk) == before.clerk)
        #expect(try seen(server.viewer) == before.viewer && before.viewer.hasPrefix("-"), "a viewer reads no file")
        #expect(try ServerRepository.open(url: server.url(as: server.viewer), readingCases: false).reportFacts() == factsBefore)
        #expect(try workspace.cluster.psql(workspace.url, "SELECT count(*) FROM hoso.records WHERE kind = 'unit' AND parent_id IS DISTINCT FROM (value::jsonb)->'unit'->>'parentID'")
            .hasPrefix("0"), "every unit's parent filled")
        let clerk = try ServerRepository.open(url: server.url(as: server.clerk))
        try CaseService(repository: clerk).edit(.addNote(text: "Sau nâng cấp."), on: "HS-0002", date: ServerWorkspace.day, actor: "Thư ký Lan")
        #expect(clerk.check().errors.isEmpty, "\(clerk.check().errors)")
        #expect(try workspace.open().check().errors.isEmpty)
    }
}
