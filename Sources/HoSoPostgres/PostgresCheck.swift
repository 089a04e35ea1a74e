import Foundation
import HoSoStorage

/// Tamper evidence on the server: the journal's hash chain replayed from entry 1, checked against the
/// head and against every row of `hoso.records`. An edited, deleted or inserted journal row, or a record
/// changed outside HoSo (`UPDATE hoso.records …` in psql), is an error that says what to do; so is a record whose
/// scope (unit, active mentors, linked role, parent unit: what row-level security decides by) is not the one its
/// text gives, which only the tables' owner can write, by disabling the trigger that fills it.
struct PostgresCheck {
    let connection: PostgresConnection
    let location: String
    /// The report facts a record's text should have beside it.
    let factsOf: (String) -> String?

    func problems() -> [CheckProblem] {
        var problems: [CheckProblem] = []
        func report(_ place: String, _ message: String) {
            problems.append(CheckProblem(severity: .error, place: location + " (" + place + ")", message: message))
        }
        let advice = " Dữ liệu trên máy chủ đã bị sửa ngoài HoSo: không sửa tay; khôi phục bản sao lưu (hoso restore) hoặc bản pg_dump gần nhất."
        let journal: [[String?]]
        let stored: [[String?]]
        let headText: String?
        let misfiled: [[String?]]
        let seesEveryRow: Bool
        do {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.execute("COMMIT") }
            journal = try connection.execute("SELECT seq, entry, hash FROM hoso.journal ORDER BY seq")
            stored = try connection.execute("SELECT id, revision, value, seq, facts FROM hoso.records")
            headText = try connection.execute("SELECT value FROM hoso.meta WHERE key = 'head'").first?.first ?? nil
            misfiled = try connection.execute(
                """
                SELECT r.id FROM hoso.records r, hoso.record_scope(r.value) s
                WHERE (r.unit_id, r.mentors, r.login, r.parent_id) IS DISTINCT FROM (s.unit_id, s.mentors, s.login, s.parent_id) ORDER BY r.id
                """)
            // Row-level security hides records from other roles: only the owner (or a superuser) can tell
            // a deleted record from one it may not read.
            seesEveryRow = try connection.execute(
                """
                SELECT r.rolsuper OR r.rolbypassrls OR t.tableowner = session_user FROM pg_tables t, pg_roles r
                WHERE t.schemaname = 'hoso' AND t.tablename = 'records' AND r.rolname = session_user
                """).first?.first == "t"
        } catch {
            report("máy chủ", "Không đọc được dữ liệu để kiểm tra: \(error.message).")
            return problems
        }
        var expected: [String: (revision: Int, valueHash: String, factsHash: String?, seq: Int)] = [:]
        var previousHash = JournalHash.genesis
        var previousSeq = 0
        let decoder = JSONDecoder()
        for row in journal {
            guard row.count == 3, let seq = row[0].flatMap({ Int($0) }), let text = row[1], let hash = row[2] else {
                report("hoso.journal", "Một dòng nhật ký thiếu cột." + advice)
                return problems
            }
            if seq != previousSeq + 1 {
                report("hoso.journal, mục \(previousSeq + 1)", "Thiếu mục \(previousSeq + 1)–\(seq - 1) của nhật ký (đã bị xóa)." + advice)
            }
            let bytes = Array(text.utf8)
            if JournalHash.hex(bytes) != hash {
                report("hoso.journal, mục \(seq)", "Mục \(seq) của nhật ký không khớp dấu băm (nội dung đã bị sửa)." + advice)
            }
            guard let entry = try? decoder.decode(PostgresRecordStore<Int>.Entry.self, from: Data(bytes)) else {
                report("hoso.journal, mục \(seq)", "Mục \(seq) của nhật ký không đọc được." + advice)
                previousSeq = seq
                previousHash = hash
                continue
            }
            if entry.seq != seq || entry.prevHash != previousHash {
                report("hoso.journal, mục \(seq)", "Chuỗi nhật ký bị đứt ở mục \(seq) (mục trước đã bị sửa, xóa hoặc chèn thêm)." + advice)
            }
            for change in entry.changes {
                if let valueHash = change.valueHash {
                    expected[change.id] = (change.revision, valueHash, change.factsHash, seq)
                } else {
                    expected[change.id] = nil
                }
            }
            previousSeq = seq
            previousHash = hash
        }
        if headText != "\(previousSeq) \(previousHash)" {
            report("hoso.meta", "Đầu chuỗi nhật ký (head) không khớp mục cuối của nhật ký: có mục đã bị xóa hoặc thêm ngoài HoSo." + advice)
        }
        var seen = Set<String>()
        for row in stored {
            guard row.count == 5, let id = row[0], let revision = row[1].flatMap({ Int($0) }), let value = row[2] else {
                report("hoso.records", "Một bản ghi thiếu cột." + advice)
                continue
            }
            seen.insert(id)
            guard let truth = expected[id] else {
                report("hoso.records, \(id)", "Bản ghi \(id) không có trong nhật ký (đã được thêm ngoài HoSo)." + advice)
                continue
            }
            if truth.revision != revision || truth.valueHash != JournalHash.hex(Array(value.utf8)) {
                report("hoso.records, \(id)", "Bản ghi \(id) khác với nhật ký (đã bị sửa ngoài HoSo)." + advice)
            } else if let factsHash = truth.factsHash, row[4].map({ JournalHash.hex(Array($0.utf8)) }) != factsHash {
                report("hoso.records, \(id)", "Số liệu báo cáo của bản ghi \(id) (cột facts) khác với nhật ký (đã bị sửa ngoài HoSo)." + advice)
            } else if row[4] != factsOf(value) {
                // The facts are derived from the record: different ones would make the reports lie.
                report("hoso.records, \(id)", "Số liệu báo cáo của bản ghi \(id) (cột facts) khác với bản ghi (đã bị sửa ngoài HoSo)." + advice)
            }
        }
        for id in misfiled.compactMap({ $0.first ?? nil }) {
            report("hoso.records, \(id)", "Phạm vi của bản ghi \(id) (các cột unit_id, mentors, login, parent_id: quyền đọc theo đơn vị và người giúp đỡ) "
                + "khác với nội dung bản ghi (đã bị sửa ngoài HoSo)." + advice)
        }
        for id in expected.keys.sorted() where seesEveryRow && !seen.contains(id) {
            report("hoso.records, \(id)", "Bản ghi \(id) có trong nhật ký nhưng đã bị xóa khỏi bảng." + advice)
        }
        return problems
    }
}
