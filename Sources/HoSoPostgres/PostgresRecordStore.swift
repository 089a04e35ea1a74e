import Crypto
import Foundation
import HoSoDomain
import HoSoJournal
import HoSoStorage

/// A record store on a PostgreSQL server: the same guarantees as the data directory's journal
/// (`RecordStore`), with the server's transactions in place of the file lock and fsync.
///
/// Every commit checks every expected revision against this view, then sends its whole write as one call of
/// `hoso.append_entry` (its own transaction): the server locks the `head` row of `hoso.meta`, refuses when the
/// head is not where this view is (the view then catches up with the journal and the commit is decided
/// again), appends one hash-chained journal row, writes the records and notifies `hoso_changes`: all of it
/// lands, or none.
package final class PostgresRecordStore<Value: Codable & Sendable & Equatable>: RecordStore, @unchecked Sendable {
    package let location: String
    package let sessionRole: String
    /// The report facts of a record (nil: it has none), written beside it in the same statement.
    private let factsOf: ReportFactsOf<Value>
    /// False when case records were left unread (a report reads their facts instead).
    private let readsCases: Bool
    private let connection: PostgresConnection
    /// Recursive: a caller inside `exclusively` reads and commits through the same instance.
    private let mutex = NSRecursiveLock()
    private var state: [String: StoredRecord<Value>]
    private var seq: Int
    /// The hash of journal entry `seq` (the genesis hash before the first): what this view's next entry chains to.
    private var headHash = JournalHash.genesis
    private var notified = false
    private var inTransaction = false
    private var deferring = false
    /// Why the last attempt to connect again failed; nil while connected.
    private var lostConnection: String?
    /// The records the open transaction changed in the view, as they were before it (nil: absent).
    private var undoLog: [String: StoredRecord<Value>?] = [:]

    /// One commit as the journal row holds it: the exact JSON text of `entry` is what `hash` covers.
    struct Entry: Codable {
        let seq: Int
        let time: String
        let actor: String
        let changes: [Change]
        let prevHash: String
    }

    /// One record's change. The journal holds the SHA-256 of the exact text written into `hoso.records`,
    /// not the text: every role reads the journal, and row-level security guards only the records.
    /// `valueHash` nil: removed. `factsHash`: the SHA-256 of the report facts written beside the record
    /// (absent when it has none, and in entries written before the chain covered them), so the facts a
    /// report counts are under the chain like the record. `changedBy`/`changedAt` are set only when
    /// records are copied in as they were stored elsewhere.
    struct Change: Codable {
        let id: String
        let revisionBefore: Int?
        let revision: Int
        let summary: String
        let valueHash: String?
        var factsHash: String? = nil
        var changedBy: String? = nil
        var changedAt: String? = nil
    }

    /// A change to write: its journal line and the record's text (nil: removed).
    private struct Written {
        var change: Change
        let text: String?
        let value: Value?
        let facts: String?

        init(id: String, before: Int?, revision: Int, summary: String, value: Value?, text: String?, facts: String?) {
            change = Change(
                id: id, revisionBefore: before, revision: revision, summary: summary, valueHash: text.map { PostgresRecordStore.sha256Hex(Array($0.utf8)) },
                factsHash: facts.map { PostgresRecordStore.sha256Hex(Array($0.utf8)) })
            self.text = text
            self.value = value
            self.facts = facts
        }
    }

    /// Records copied in per journal entry: one entry of a whole large store would be one huge row.
    static var recordsPerEntry: Int { 250 }

    static var genesisHash: String { JournalHash.genesis }

    private init(
        location: String, connection: PostgresConnection, records: [String: StoredRecord<Value>], seq: Int, factsOf: ReportFactsOf<Value>,
        readsCases: Bool = true
    ) {
        self.location = location
        self.connection = connection
        self.sessionRole = connection.user
        self.state = records
        self.seq = seq
        self.factsOf = factsOf
        self.readsCases = readsCases
    }

    /// Creates HoSo's tables (if missing) holding `initialRecords` exactly as given (revisions, who and
    /// when), as the first journal entries, all in one transaction; refuses a database that already holds
    /// HoSo data. `settings` are written too; `progress` hears (records written, total) after each entry.
    package static func create(
        url: String, initialRecords: [StoredRecord<Value>], settings: [String: String] = [:], actor: String, now: Date = Date(),
        factsOf: ReportFactsOf<Value> = .none, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(StoreError) -> PostgresRecordStore {
        let connection = try PostgresConnection(url: url)
        try PostgresSchema.migrate(connection, location: connection.location, facts: factsOf.ofText)
        let store = PostgresRecordStore(location: connection.location, connection: connection, records: [:], seq: 0, factsOf: factsOf)
        try store.transaction { () throws(StoreError) in
            var head = try store.lockHead()
            let countText = try store.query("SELECT count(*) FROM hoso.records").first?.first ?? nil
            let count = countText.flatMap { Int($0) } ?? 0
            if head.seq > 0 || count > 0 { throw StoreError.alreadyExists(path: connection.location) }
            var written = 0
            var start = 0
            repeat {
                let batch = initialRecords[start..<min(start + recordsPerEntry, initialRecords.count)]
                var rows: [Written] = []
                for record in batch {
                    var row = Written(
                        id: record.id, before: nil, revision: record.revision, summary: "Tạo dữ liệu", value: record.value,
                        text: try store.encodeValue(record.value, id: record.id), facts: factsOf.text(of: record.value))
                    row.change.changedBy = record.changedBy
                    row.change.changedAt = record.changedAt
                    rows.append(row)
                }
                guard let next = try store.writeEntry(rows, actor: actor, now: now, head: head) else {
                    throw headMovedUnderLock(location: connection.location)
                }
                head = next
                written += batch.count
                progress(written, initialRecords.count)
                start += recordsPerEntry
            } while start < initialRecords.count
            for (name, content) in settings.sorted(by: { $0.key < $1.key }) {
                _ = try store.query("INSERT INTO hoso.settings (name, content) VALUES ($1, $2)", [name, content])
            }
        }
        try store.listen()
        return store
    }

    /// Connects and reads every record (with `readingCases` false, every record but the case files: a
    /// report reads their facts), refusing a database without HoSo's tables or with newer ones.
    package static func open(url: String, factsOf: ReportFactsOf<Value> = .none, readingCases: Bool = true) throws(StoreError) -> PostgresRecordStore {
        let connection = try PostgresConnection(url: url)
        let location = connection.location
        let installed: Int
        do { installed = try PostgresSchema.installedVersion(connection) } catch { throw StoreError.databaseFailure(location: location, reason: error.message) }
        if installed == 0 { throw StoreError.notAStore(path: location) }
        if installed > PostgresSchema.version {
            throw StoreError.newerSchemaVersion(path: location, found: installed, supported: PostgresSchema.version)
        }
        if installed < PostgresSchema.version { try PostgresSchema.migrate(connection, location: location, facts: factsOf.ofText) }
        let store = PostgresRecordStore(
            location: location, connection: connection, records: [:], seq: 0, factsOf: factsOf, readsCases: readingCases)
        try store.listen()
        try store.reload()
        return store
    }

    /// Whether the database at `url` holds HoSo data: its tables, with a journal entry or a record. Two cheap
    /// statements, whatever the number of files (an open would read them all).
    package static func holdsRecords(url: String) throws(StoreError) -> Bool {
        let connection = try PostgresConnection(url: url)
        do {
            guard try PostgresSchema.installedVersion(connection) > 0 else { return false }
            let found = try connection.execute("""
                SELECT EXISTS (SELECT 1 FROM hoso.meta WHERE key = 'head' AND split_part(value, ' ', 1) <> '0')
                    OR EXISTS (SELECT 1 FROM hoso.records)
                """)
            return found.first?.first == "t"
        } catch {
            throw StoreError.databaseFailure(location: connection.location, reason: error.message)
        }
    }

    // MARK: - RecordStore

    package var isPartial: Bool { !readsCases }
    /// Statements this store sent to the server so far (the tests count a report's).
    package var statementsSent: Int { mutex.withLock { connection.statementsSent } }
    package var records: [String: StoredRecord<Value>] { mutex.withLock { state } }
    package func record(id: String) -> StoredRecord<Value>? { mutex.withLock { state[id] } }
    package var sequence: Int { mutex.withLock { seq } }

    package func commit(_ changes: [RecordChange<Value>], actor: String, now: Date) throws(StoreError) -> [StoredRecord<Value>] {
        var seen = Set<String>()
        for change in changes where !seen.insert(change.id).inserted { throw StoreError.duplicateChange(id: change.id) }
        if changes.isEmpty { return [] }
        // A view that left the files unread cannot check their revisions.
        if !readsCases, changes.contains(where: { Self.isCase($0.id) }) { throw StoreError.partialRead }
        return try serialised { () throws(StoreError) -> [StoredRecord<Value>] in
            try untilTheHeadHolds { () throws(StoreError) -> [StoredRecord<Value>]? in
                for change in changes {
                    let current = state[change.id]
                    if current?.revision != change.expectedRevision {
                        throw StoreError.conflict(
                            id: change.id, expected: change.expectedRevision, actual: current?.revision, changedBy: current?.changedBy,
                            changedAt: current?.changedAt)
                    }
                }
                guard try appendLocked(changes, actor: actor, now: now, head: (seq, headHash)) != nil else { return nil }
                return changes.compactMap { state[$0.id] }
            }
        }
    }

    package func updateRecord<T>(
        id: String, actor: String, now: Date, _ decide: (StoredRecord<Value>?) -> (newValue: Value?, summary: String, result: T)
    ) throws(StoreError) -> T {
        try serialised { () throws(StoreError) -> T in
            try untilTheHeadHolds { () throws(StoreError) -> T? in
                let current = state[id]
                let decision = decide(current)
                guard let value = decision.newValue else { return decision.result }
                let change = RecordChange(id: id, expectedRevision: current?.revision, newValue: value, summary: decision.summary)
                guard try appendLocked([change], actor: actor, now: now, head: (seq, headHash)) != nil else { return nil }
                return decision.result
            }
        }
    }

    /// Holds the database's advisory lock of HoSo's commands (every client's `exclusively` takes it)
    /// while `body` decides on the records as committed now and commits: no other command is decided in
    /// between. A session-level lock, so the commits inside keep their own short transactions; a dropped
    /// connection releases it with the session. The lock comes with the head as its previous holder left it
    /// (`hoso.command_lock`): a view already there need not ask the journal. The release is sent without
    /// waiting for its answer: the server releases the lock as soon as it reads it, and nothing here needs to
    /// know it did (a failed release is a lost connection, which releases it too).
    package func exclusively<T>(_ body: () -> T) throws(StoreError) -> T {
        try serialised { () throws(StoreError) -> T in
            let head = try Self.head(
                in: try query("SELECT hoso.command_lock($1)", [String(PostgresSchema.commandLockKey)]).first?.first ?? nil, location: location)
            defer { connection.sendWithoutWaiting("SELECT pg_advisory_unlock($1)", [String(PostgresSchema.commandLockKey)]) }
            notified = false
            if head.seq != seq || head.hash != headHash { try catchUp() }
            return body()
        }
    }

    package func refresh() throws(StoreError) -> Bool {
        try serialised { () throws(StoreError) -> Bool in
            notified = false
            let before = seq
            try catchUp()
            return seq != before
        }
    }

    package func hasExternalChanges() -> Bool {
        mutex.withLock {
            // Notifications sent while the connection was down are lost: after reconnecting, look.
            if connection.isBroken, (try? reconnectLocked()) == nil { return notified }
            for payload in connection.pendingNotifications(on: PostgresSchema.channel) {
                if let committed = Int(payload), committed > seq { notified = true }
            }
            return notified
        }
    }

    package var connectionProblem: String? { mutex.withLock { lostConnection } }

    package func check() -> [CheckProblem] {
        mutex.withLock { PostgresCheck(connection: connection, location: location, factsOf: factsOf.ofText).problems() }
    }

    package func backup(now: Date) throws(StoreError) -> BackupInfo {
        if !readsCases { throw StoreError.partialRead }
        return try serialised { () throws(StoreError) -> BackupInfo in
            try transaction { () throws(StoreError) -> BackupInfo in
                try catchUp(reaching: try lockHead())
                return try backupLocked(now: now)
            }
        }
    }

    package func listBackups() -> [BackupInfo] {
        mutex.withLock {
            let rows = (try? connection.execute("SELECT name, seq, created_at, length(content) FROM hoso.backups ORDER BY name")) ?? []
            return rows.compactMap { row in
                guard row.count == 4, let name = row[0], let seq = row[1].flatMap({ Int($0) }), let created = row[2],
                      let size = row[3].flatMap({ Int64($0) })
                else { return nil }
                return BackupInfo(backupNamed: name, seq: seq, createdAt: created, size: size)
            }
        }
    }

    package func restore(fromBackup name: String, actor: String, now: Date) throws(StoreError) {
        if !readsCases { throw StoreError.partialRead }
        try serialised { () throws(StoreError) in
            try transaction { () throws(StoreError) in
                let head = try lockHead()
                try catchUp(reaching: head)
                guard let content = try query("SELECT content FROM hoso.backups WHERE name = $1", [name]).first?.first ?? nil else {
                    throw StoreError.backupNotFound(name: name)
                }
                let restored = try decodeBackup(content, name: name)
                try backupLocked(now: now)
                let summary = "Khôi phục từ bản sao lưu \(name)"
                let removed = state.keys.filter { restored[$0] == nil }
                let changes = restored.values.filter { state[$0.id]?.value != $0.value }.map { record in
                    RecordChange(id: record.id, expectedRevision: state[record.id]?.revision, newValue: record.value, summary: summary)
                }
                guard try appendLocked(changes, removing: removed, summary: summary, actor: actor, now: now, head: head) != nil else {
                    throw Self.headMovedUnderLock(location: location)
                }
            }
        }
    }

    /// A database has no journal segments to fold: its history is the journal table.
    package func compact(now: Date) throws(StoreError) {}
    package func compactIfDue() throws(StoreError) -> Bool { false }
    package var defersCompaction: Bool {
        get { mutex.withLock { deferring } }
        set { mutex.withLock { deferring = newValue } }
    }
    package var lastCompactionError: StoreError? { nil }

    // MARK: - Settings and audit (rows of their own tables)

    /// The text of setting `name` (`rules.json`, `holidays.json`), nil when not set.
    package func setting(_ name: String) throws(StoreError) -> String? {
        try serialised { () throws(StoreError) -> String? in
            try query("SELECT content FROM hoso.settings WHERE name = $1", [name]).first?.first ?? nil
        }
    }

    /// Sets (or with nil, removes) setting `name`.
    package func setSetting(_ name: String, to content: String?) throws(StoreError) {
        try serialised { () throws(StoreError) in
            if let content {
                _ = try query(
                    "INSERT INTO hoso.settings (name, content) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET content = EXCLUDED.content",
                    [name, content])
            } else {
                _ = try query("DELETE FROM hoso.settings WHERE name = $1", [name])
            }
        }
    }

    /// Appends one security event (committed at once, whatever else happens).
    package func appendAudit(_ line: String) throws(StoreError) {
        try serialised { () throws(StoreError) in _ = try query("INSERT INTO hoso.audit (event) VALUES ($1)", [line]) }
    }

    package func signInProblem(ofRole role: String) -> String? {
        let rows = (try? serialised { () throws(StoreError) -> [[String?]] in
            try query(
                "SELECT rolcanlogin, pg_has_role(oid, 'hoso_users', 'MEMBER') FROM pg_roles WHERE rolname = $1", [role])
        }) ?? []
        guard let row = rows.first, row.count == 2 else {
            return "Máy chủ chưa có vai trò PostgreSQL \(role): nhờ người quản trị máy chủ chạy "
                + "createuser --pwprompt \(role) rồi psql -c 'GRANT hoso_users TO \(role)'."
        }
        if row[0] != "t" { return "Vai trò PostgreSQL \(role) không được đăng nhập (NOLOGIN): nhờ người quản trị chạy ALTER ROLE \(role) LOGIN." }
        if row[1] != "t" { return "Vai trò PostgreSQL \(role) chưa thuộc nhóm hoso_users: nhờ người quản trị chạy psql -c 'GRANT hoso_users TO \(role)'." }
        return nil
    }

    /// Every security event, oldest first.
    package func auditLines() throws(StoreError) -> [String] {
        try serialised { () throws(StoreError) -> [String] in
            try query("SELECT event FROM hoso.audit ORDER BY id").compactMap { $0.first ?? nil }
        }
    }

    // MARK: - Under the mutex

    private func serialised<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        mutex.lock()
        defer { mutex.unlock() }
        if connection.isBroken { try reconnectLocked() }
        return try body()
    }

    /// Connects again after the server closed the connection, listens again, and marks the view for a
    /// refresh (commits made meanwhile sent notifications nobody heard).
    private func reconnectLocked() throws(StoreError) {
        guard connection.reconnect() else {
            let error = StoreError.databaseUnreachable(location: location, reason: "mất kết nối tới máy chủ và chưa kết nối lại được")
            lostConnection = error.message
            throw error
        }
        lostConnection = nil
        try listen()
        notified = true
    }

    private func query(_ sql: String, _ parameters: [String?] = []) throws(StoreError) -> [[String?]] {
        do {
            return try connection.execute(sql, parameters)
        } catch {
            // Outside a transaction a statement on a dropped connection changed nothing: connect again
            // and send it again. Inside one, the transaction is lost and the caller's command fails whole.
            guard !inTransaction, connection.isBroken else { throw StoreError.databaseFailure(location: location, reason: error.message) }
            try reconnectLocked()
            do { return try connection.execute(sql, parameters) } catch {
                throw StoreError.databaseFailure(location: location, reason: error.message)
            }
        }
    }

    /// Runs `body` in a transaction; any error rolls it back, and the records of the local view it changed
    /// are put back as they were.
    private func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        _ = try query("BEGIN")
        inTransaction = true
        undoLog = [:]
        defer {
            inTransaction = false
            undoLog = [:]
        }
        let savedHead = (seq, headHash)
        do {
            let result = try body()
            _ = try query("COMMIT")
            return result
        } catch {
            _ = try? connection.execute("ROLLBACK")
            for (id, before) in undoLog { state[id] = before }
            (seq, headHash) = savedHead
            throw error
        }
    }

    /// Sets one record of the view; inside a transaction, keeps what it was for a rollback. (A copy of the
    /// whole view kept for that was copied in full by the first change: 0.3 s a commit at 100,000 files.)
    private func setRecord(_ id: String, _ record: StoredRecord<Value>?) {
        if inTransaction, undoLog.index(forKey: id) == nil { undoLog.updateValue(state[id], forKey: id) }
        state[id] = record
    }

    private func listen() throws(StoreError) {
        _ = try query("LISTEN \(PostgresSchema.channel)")
    }

    /// `catchUp`, unless the head this transaction holds is where this view already is: then nobody
    /// committed since it last looked (the head moves in the transaction of every commit), and the journal
    /// need not be asked — a command under the command lock has just caught up.
    private func catchUp(reaching head: (seq: Int, hash: String)) throws(StoreError) {
        if head.seq != seq { try catchUp() }
    }

    /// Locks the head of the chain for this transaction and returns it.
    private func lockHead() throws(StoreError) -> (seq: Int, hash: String) {
        try Self.head(in: try query("SELECT value FROM hoso.meta WHERE key = 'head' FOR UPDATE").first?.first ?? nil, location: location)
    }

    /// The head "<seq> <hash>" as `hoso.meta` holds it (none: the genesis).
    private static func head(in text: String?, location: String) throws(StoreError) -> (seq: Int, hash: String) {
        guard let text else { return (0, genesisHash) }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let seq = Int(parts[0]) else {
            throw StoreError.corruptFile(path: location + " (hoso.meta)", line: nil, reason: "đầu chuỗi nhật ký không đọc được")
        }
        return (seq, String(parts[1]))
    }

    /// Runs `attempt` (decide on this view and send the commit) until the server takes it: nil from it means
    /// the head had moved past this view (another client committed), so the view catches up with the journal
    /// and `attempt` decides again on the records as committed now — a conflict then says who changed what,
    /// and when. Each retry follows another client's commit; a view that catches up without moving (the
    /// chain rewritten under it) is an error, not a loop.
    private func untilTheHeadHolds<T>(_ attempt: () throws(StoreError) -> T?) throws(StoreError) -> T {
        while true {
            if let done = try attempt() { return done }
            let before = (seq, headHash)
            try catchUp()
            if before == (seq, headHash) {
                throw StoreError.corruptFile(
                    path: location + " (hoso.meta)", line: nil, reason: "đầu chuỗi nhật ký không khớp mục cuối của nhật ký; hãy chạy hoso check")
            }
        }
    }

    /// Reads every record and the head, as of one moment.
    private func reload() throws(StoreError) {
        try serialised { () throws(StoreError) in
            _ = try query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.execute("COMMIT") }
            let head = try Self.head(in: try query("SELECT value FROM hoso.meta WHERE key = 'head'").first?.first ?? nil, location: location)
            let rows = try query("SELECT id, revision, value, changed_by, changed_at FROM hoso.records" + (readsCases ? "" : " WHERE kind <> 'case'"))
            var records: [String: StoredRecord<Value>] = [:]
            records.reserveCapacity(rows.count)
            let strings = RecordText.Strings()
            for row in rows {
                let record = try decodeRow(row, strings: strings)
                records[record.id] = record
            }
            state = records
            (seq, headHash) = head
        }
    }

    /// Applies what others committed since this view was made: the journal says which records changed,
    /// and those records are read as they are now, as far as this role may read them (a record it may
    /// no longer read, say a candidate given to another mentor, leaves this view).
    private func catchUp() throws(StoreError) {
        let rows = try query("SELECT seq, entry, hash FROM hoso.journal WHERE seq > $1 ORDER BY seq", [String(seq)])
        guard !rows.isEmpty else { return }
        var changed = Set<String>()
        var last = (seq, headHash)
        for row in rows {
            guard let text = row[1], let hash = row[2], let entry = try? JSONDecoder().decode(Entry.self, from: Data(text.utf8)) else {
                throw StoreError.corruptFile(path: location + " (hoso.journal)", line: row[0].flatMap { Int($0) }, reason: "mục nhật ký không đọc được")
            }
            for change in entry.changes { changed.insert(change.id) }
            last = (entry.seq, hash)
        }
        let ids = Array(changed.filter { readsCases || !Self.isCase($0) })
        let strings = RecordText.Strings()
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            let fresh = try query(
                "SELECT id, revision, value, changed_by, changed_at FROM hoso.records WHERE id = ANY($1::text[])", [Self.arrayLiteral(batch)])
            var seen = Set<String>()
            for row in fresh {
                let record = try decodeRow(row, strings: strings)
                setRecord(record.id, record)
                seen.insert(record.id)
            }
            for id in batch where !seen.contains(id) { setRecord(id, nil) }
            start += 500
        }
        (seq, headHash) = last
    }

    /// `values` as a JSON object, for a `jsonb` parameter. Written by hand: Foundation's writer sorts keys
    /// by locale and took a quarter of a period report's time for 2,203 units.
    static func jsonObject(_ values: [UnitID: UnitID]) -> String {
        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        return "{" + values.map { quoted($0.key.rawValue) + ":" + quoted($0.value.rawValue) }.joined(separator: ",") + "}"
    }

    /// A text[] literal of `values`, each quoted (`{"a","b",NULL}`), made in one pass over their bytes: a
    /// commit sends every record's whole JSON text this way, quotes and all.
    static func arrayLiteral(_ values: [String?]) -> String {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.reduce(2) { $0 + ($1?.utf8.count ?? 4) * 11 / 10 + 3 })
        bytes.append(UInt8(ascii: "{"))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let value else {
                bytes += "NULL".utf8
                continue
            }
            bytes.append(quote)
            for byte in value.utf8 {
                if byte == quote || byte == backslash { bytes.append(backslash) }
                bytes.append(byte)
            }
            bytes.append(quote)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes one journal entry after `head` and its records, moves the head and notifies, as `writeEntry`.
    @discardableResult
    private func appendLocked(
        _ changes: [RecordChange<Value>], removing removed: [String] = [], summary: String = "", actor: String, now: Date,
        head: (seq: Int, hash: String)
    ) throws(StoreError) -> (seq: Int, hash: String)? {
        guard !changes.isEmpty || !removed.isEmpty else { return head }
        var rows: [Written] = []
        for change in changes {
            let before = state[change.id]?.revision
            rows.append(
                Written(
                    id: change.id, before: before, revision: (before ?? 0) + 1, summary: change.summary, value: change.newValue,
                    text: try encodeValue(change.newValue, id: change.id), facts: factsOf.text(of: change.newValue)))
        }
        for id in removed {
            let before = state[id]?.revision ?? 0
            rows.append(Written(id: id, before: before, revision: before + 1, summary: summary, value: nil, text: nil, facts: nil))
        }
        return try writeEntry(rows, actor: actor, now: now, head: head)
    }

    /// Calls `hoso.append_entry` with `parameters`; false when the head was not the one the entry follows. A
    /// connection that dropped under the call (a server restarted) leaves it unknown whether the entry was
    /// committed: outside a transaction the store connects again and asks the journal for entry `seq` — its hash
    /// says whether it is this one (committed), someone else's (the head moved), or absent (sent again).
    private func send(entry parameters: [String?], seq: Int, hash: String) throws(StoreError) -> Bool {
        do {
            try connection.execute(
                "SELECT hoso.append_entry($1, $2::bigint, $3, $4, $5::text[], $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[])",
                parameters)
            return true
        } catch {
            switch error.sqlState {
            case PostgresSchema.headMovedState: return false
            // An update the policies hide a row from (counted by the call), or a new row they refuse.
            case PostgresSchema.rowRefusedState,
                 "42501" where error.message.contains("row-level security"):
                throw StoreError.databaseFailure(location: location, reason: "vai trò \(sessionRole) không được sửa một số bản ghi (chính sách bảo mật theo dòng)")
            default:
                guard !inTransaction, connection.isBroken else { throw StoreError.databaseFailure(location: location, reason: error.message) }
            }
        }
        try reconnectLocked()
        switch try query("SELECT hash FROM hoso.journal WHERE seq = $1", [String(seq)]).first?.first ?? nil {
        case hash?: return true
        case _?: return false
        case nil: return try send(entry: parameters, seq: seq, hash: hash)
        }
    }

    /// The head moved inside a transaction that locked it: only a rewritten chain does that.
    private static func headMovedUnderLock(location: String) -> StoreError {
        StoreError.corruptFile(path: location + " (hoso.meta)", line: nil, reason: "đầu chuỗi nhật ký đổi trong khi đang khóa; hãy chạy hoso check")
    }

    /// Appends the journal entry of `rows` after `head`, writes its records, moves the head, notifies (one call
    /// of `hoso.append_entry`: its own transaction, or part of the caller's), and applies it to this view;
    /// returns the new head, or nil when the server's head was not `head` (nothing written).
    private func writeEntry(_ rows: [Written], actor: String, now: Date, head: (seq: Int, hash: String)) throws(StoreError) -> (seq: Int, hash: String)? {
        let time = Timestamp.iso8601(now)
        let entry = Entry(seq: head.seq + 1, time: time, actor: actor, changes: rows.map(\.change), prevHash: head.hash)
        guard let bytes = try? RecordText.encode(entry) else { throw StoreError.encodingFailed(id: rows.first?.change.id ?? "") }
        let text = String(decoding: bytes, as: UTF8.self)
        let hash = Self.sha256Hex(bytes)
        // New records are inserted, existing ones updated: never INSERT … ON CONFLICT, whose insert check would
        // refuse a mentor's note on a file they may change but not create. The report facts go in the same
        // statement as the record: they can never disagree with it.
        let parameters: [String?] = [
            "\(head.seq) \(head.hash)", String(entry.seq), text, hash, Self.arrayLiteral(rows.map(\.change.id)),
            Self.arrayLiteral(rows.map { String($0.change.revision) }), Self.arrayLiteral(rows.map(\.text)),
            Self.arrayLiteral(rows.map { $0.change.changedBy ?? actor }), Self.arrayLiteral(rows.map { $0.change.changedAt ?? time }),
            Self.arrayLiteral(rows.map(\.facts)), Self.arrayLiteral(rows.map { $0.change.revisionBefore == nil ? "t" : "f" }),
        ]
        guard try send(entry: parameters, seq: entry.seq, hash: hash) else { return nil }
        for row in rows {
            let change = row.change
            if let value = row.value {
                setRecord(change.id, StoredRecord(
                    id: change.id, revision: change.revision, value: value, changedBy: change.changedBy ?? actor, changedAt: change.changedAt ?? time))
            } else {
                setRecord(change.id, nil)
            }
        }
        (seq, headHash) = (entry.seq, hash)
        return (entry.seq, hash)
    }

    @discardableResult
    private func backupLocked(now: Date) throws(StoreError) -> BackupInfo {
        let name = "snapshot-" + String(format: "%012d", seq) + "-" + Timestamp.compact(now) + ".json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sorted = state.values.sorted { $0.id < $1.id }
        guard let bytes = try? encoder.encode(sorted) else { throw StoreError.encodingFailed(id: "backup") }
        _ = try query(
            "INSERT INTO hoso.backups (name, seq, created_at, content) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING",
            [name, String(seq), Timestamp.compact(now), String(decoding: bytes, as: UTF8.self)])
        return BackupInfo(backupNamed: name, seq: seq, createdAt: Timestamp.compact(now), size: Int64(bytes.count))
    }

    private func decodeBackup(_ content: String, name: String) throws(StoreError) -> [String: StoredRecord<Value>] {
        guard let records = try? JSONDecoder().decode([StoredRecord<Value>].self, from: Data(content.utf8)) else {
            throw StoreError.corruptFile(path: location + " (hoso.backups, \(name))", line: nil, reason: "bản sao lưu không đọc được")
        }
        return Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `strings`: one table for the rows of one read, so equal strings share storage.
    private func decodeRow(_ row: [String?], strings: RecordText.Strings) throws(StoreError) -> StoredRecord<Value> {
        guard row.count == 5, let id = row[0], let revision = row[1].flatMap({ Int($0) }), let text = row[2], let by = row[3], let at = row[4] else {
            throw StoreError.corruptFile(path: location + " (hoso.records)", line: nil, reason: "một dòng thiếu cột")
        }
        return StoredRecord(id: id, revision: revision, value: try decodeValue(text, id: id, strings: strings), changedBy: by, changedAt: at)
    }

    private func decodeValue(_ text: String, id: String, strings: RecordText.Strings) throws(StoreError) -> Value {
        do {
            // The data directory's decoder (a third of the time of Foundation's): an open reads every unit,
            // member and person, and the terminal application every file.
            var text = text
            return try text.withUTF8 { bytes in try RecordText.decode(Value.self, from: bytes, strings: strings) }
        } catch {
            throw StoreError.corruptFile(path: location + " (hoso.records, \(id))", line: nil, reason: "bản ghi không đọc được")
        }
    }

    private func encodeValue(_ value: Value, id: String) throws(StoreError) -> String {
        guard let bytes = try? RecordText.encode(value) else { throw StoreError.encodingFailed(id: id) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 { JournalHash.hex(bytes) }

    static func isCase(_ id: String) -> Bool { id.hasPrefix("case/") }

    // MARK: - Report facts

    /// The report facts of every file this role may count, in id order: one query. Row-level security
    /// (the view `hoso.report_facts`) gives clerks, committee members and viewers their units' files.
    package func reportFacts() throws(StoreError) -> [ReportFacts] {
        var facts: [ReportFacts] = []
        var unreadable: String?
        try serialised { () throws(StoreError) in
            do throws(PostgresConnection.Failure) {
                // Parsed straight from libpq's buffer: 100,000 lines made into strings first cost a third of a report.
                try connection.forEachValue("SELECT facts FROM hoso.report_facts", expecting: { facts.reserveCapacity($0) }) { (bytes: UnsafeBufferPointer<UInt8>?) throws(PostgresConnection.Failure) in
                    guard let bytes, let value = ReportFacts(lineBytes: bytes) else {
                        if unreadable == nil { unreadable = bytes.map { String(decoding: $0.prefix(80), as: UTF8.self) } ?? "NULL" }
                        return
                    }
                    facts.append(value)
                }
            } catch {
                throw StoreError.databaseFailure(location: location, reason: error.message)
            }
        }
        if let unreadable {
            throw StoreError.corruptFile(path: location + " (hoso.report_facts: \(unreadable))", line: nil, reason: "số liệu báo cáo không đọc được")
        }
        // In the order of the files everywhere else. The server reads them from an index in byte order (which is
        // it for the ids HoSo makes), and a sort in the statement would cost it more than this check.
        if !facts.isEmpty, zip(facts, facts.dropFirst()).contains(where: { !($0.caseID < $1.caseID) }) {
            facts.sort { $0.caseID < $1.caseID }
        }
        return facts
    }
}

extension PostgresRecordStore {
    /// The files this role may count, counted by the server for one report (`ReportFactsRequest`): one
    /// statement, a row per group of files the report cannot tell apart, from the columns of version 4.
    ///
    /// The server's `report_count` (version 5) counts the files of the request's scope (`countedUnder`, sent as
    /// a JSON object; without it, every unit the role may count), each under the unit the scope names: the
    /// scope is joined with the units, then each unit's files read from their index. Removals come as their
    /// spans; the new members, when counted apart, as rows of their own from the same pass (`profile`). At 100,000 files: 4,201 rows for the period report instead of 46,521 by cell, and 112 rows of
    /// new members counted apart, by admission span, field of the person (1 to 7) and its value (hashed
    /// grouping sets over the few thousand distinct persons).
    package func reportFacts(for request: ReportFactsRequest) throws(StoreError) -> CountedReportFacts {
        let parameters: [String?] = [
            "{" + request.dayBoundaries.map(\.iso).joined(separator: ",") + "}", request.readsEveryEvent ? "true" : "false",
            request.readsPeople ? "true" : "false", request.countsNewMembersApart ? "true" : "false", request.countedUnder.map(Self.jsonObject),
        ]
        let count = "hoso.report_count($1::text[], $2::boolean, $3::boolean, $4::boolean, $5::jsonb)"
        let sql: String
        if request.countsNewMembersApart {
            let fields = (1...7).map { "split_part(person, E'\\t', \($0))" }
            sql = """
                WITH counted AS (SELECT * FROM \(count))
                SELECT unit, state, admission, recognition, removals, striking_off, NULL::text, files, NULL::int, NULL::text
                FROM counted WHERE NOT profile
                UNION ALL
                SELECT NULL, NULL, admission, NULL, NULL, NULL, NULL, sum(files),
                    CASE \(fields.enumerated().map { "WHEN GROUPING(\($0.element)) = 0 THEN \($0.offset + 1)" }.joined(separator: " ")) END,
                    coalesce(\(fields.joined(separator: ", ")))
                FROM counted WHERE profile AND person IS NOT NULL
                GROUP BY GROUPING SETS (\(fields.map { "(admission, \($0))" }.joined(separator: ", ")))
                """
        } else {
            sql = "SELECT unit, state, admission, recognition, removals, striking_off, person, files FROM \(count) WHERE NOT profile"
        }
        let rows = try serialised { () throws(StoreError) -> [[String?]] in try query(sql, parameters) }
        var counted = CountedReportFacts(facts: [], newMembers: request.countsNewMembersApart ? [] : nil)
        counted.facts.reserveCapacity(rows.count)
        for row in rows {
            if let facts = ReportFacts(countedRow: row, request: request) {
                counted.facts.append(facts)
            } else if request.countsNewMembersApart, let member = NewMemberProfile(countedRow: row, request: request) {
                counted.newMembers?.append(member)
            } else {
                let shown = row.map { $0 ?? "NULL" }.joined(separator: " | ")
                throw StoreError.corruptFile(path: location + " (hoso.report_count: \(shown.prefix(80)))", line: nil, reason: "số liệu báo cáo không đọc được")
            }
        }
        return counted
    }
}

/// How a store of `Value`s makes the report facts of a record, as the text kept beside it.
package struct ReportFactsOf<Value: Decodable>: Sendable {
    let facts: @Sendable (Value) -> ReportFacts?

    package init(_ facts: @escaping @Sendable (Value) -> ReportFacts?) { self.facts = facts }

    /// Records without facts (tests of the store alone).
    package static var none: ReportFactsOf { ReportFactsOf { _ in nil } }

    /// The text of the facts of `value`: their line (`ReportFacts.line`), the same for the same value.
    func text(of value: Value) -> String? { facts(value)?.line }

    /// The same, from a record's stored text (the migration that fills the facts of older rows, the check).
    var ofText: @Sendable (String) -> String? {
        { text in (try? JSONDecoder().decode(Value.self, from: Data(text.utf8))).flatMap(self.text(of:)) }
    }
}

/// SHA-256 in hex: what the server's journal rows and value hashes hold.
enum JournalHash {
    static let genesis = String(repeating: "0", count: 64)

    /// Digits from a table: `String(format: "%02x")` for each of 32 bytes took nearly a quarter of a commit's time in the
    /// client (three hashes a commit; `hoso check` makes one for every record).
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(bytes)) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
