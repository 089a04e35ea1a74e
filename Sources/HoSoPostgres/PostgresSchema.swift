import HoSoStorage

/// HoSo's tables on a PostgreSQL server, all in schema `hoso` (so `pg_dump -n hoso` takes exactly them),
/// created by versioned migrations: migration N brings a database from version N-1 to N.
///
/// - `meta`: `schemaVersion`, and `head` = "<seq> <hash>" of the last journal entry: the row every
///   commit locks (`FOR UPDATE`), so commits form one chain in one order.
/// - `records`: the current value of every record, with its revision (compare-and-swap) and the seq of
///   the journal entry that wrote it.
/// - `journal`: one row per commit, `entry` the exact JSON text its `hash` (SHA-256) covers; the entry
///   names the previous hash, so an edited, deleted or reordered row breaks the chain.
/// - `settings`: the unit's rule overrides and holidays (what `rules.json` and `holidays.json` are in a
///   data directory), by name.
/// - `audit`: sign-ins, refusals and other security events, one JSON event a row.
/// - `backups`: copies of every record as of a seq, restorable as one attributed commit.
enum PostgresSchema {
    static let name = "hoso"
    /// Notifications of commits, payload the new seq: open terminals refresh within a second.
    static let channel = "hoso_changes"

    static let migrations: [[String]] = [
        [
            "CREATE SCHEMA IF NOT EXISTS hoso",
            "CREATE TABLE hoso.meta (key text PRIMARY KEY, value text NOT NULL)",
            """
            CREATE TABLE hoso.records (id text PRIMARY KEY, revision integer NOT NULL CHECK (revision > 0), value text NOT NULL,
                changed_by text NOT NULL, changed_at text NOT NULL, seq bigint NOT NULL)
            """,
            "CREATE TABLE hoso.journal (seq bigint PRIMARY KEY CHECK (seq > 0), entry text NOT NULL, hash text NOT NULL)",
            "CREATE TABLE hoso.settings (name text PRIMARY KEY, content text NOT NULL)",
            "CREATE TABLE hoso.audit (id bigserial PRIMARY KEY, event text NOT NULL)",
            "CREATE TABLE hoso.backups (name text PRIMARY KEY, seq bigint NOT NULL, created_at text NOT NULL, content text NOT NULL)",
        ],
    ]

    static var version: Int { migrations.count }

    /// The version of HoSo's tables in this database (0: none yet).
    static func installedVersion(_ connection: PostgresConnection) throws(PostgresConnection.Failure) -> Int {
        let exists = try connection.execute("SELECT to_regclass('hoso.meta') IS NOT NULL")
        guard exists.first?.first == "t" else { return 0 }
        let rows = try connection.execute("SELECT value FROM hoso.meta WHERE key = 'schemaVersion'")
        return rows.first?.first.flatMap { $0.flatMap(Int.init) } ?? 0
    }

    /// Brings the tables to `version`, in one transaction; refuses a newer database.
    static func migrate(_ connection: PostgresConnection, location: String) throws(StoreError) {
        do {
            try connection.execute("BEGIN")
            // One migrator at a time, even for the very first one (no table to lock yet).
            try connection.execute("SELECT pg_advisory_xact_lock(7501405)")
            let found = try installedVersion(connection)
            if found > version {
                try connection.execute("ROLLBACK")
                throw StoreError.newerSchemaVersion(path: location, found: found, supported: version)
            }
            for migration in migrations.dropFirst(found) {
                for statement in migration { try connection.execute(statement) }
            }
            try connection.execute(
                "INSERT INTO hoso.meta (key, value) VALUES ('schemaVersion', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                [String(version)])
            try connection.execute("COMMIT")
        } catch let failure as PostgresConnection.Failure {
            _ = try? connection.execute("ROLLBACK")
            throw StoreError.databaseFailure(location: location, reason: failure.message)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.databaseFailure(location: location, reason: "\(error)")
        }
    }
}
