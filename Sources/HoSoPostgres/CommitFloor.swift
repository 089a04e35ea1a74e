import HoSoStorage

/// PostgreSQL's own floor for a commit, the yardstick of a HoSo commit on the server (`hoso bench`): one
/// single-row `UPDATE … RETURNING` and one `INSERT` in a transaction, `synchronous_commit = on`, on a
/// table of its own (logged, so that the commit waits for the write-ahead log as HoSo's do).
public final class PostgresCommitFloor {
    private let connection: PostgresConnection
    private static let table = "public.hoso_bench_floor"

    /// Connects to `url` and makes the floor's tables (outside HoSo's schema: a `pg_dump -n hoso` never holds them).
    public init(url: String) throws(StoreError) {
        connection = try PostgresConnection(url: url)
        try run([
            "SET synchronous_commit = on",
            "DROP TABLE IF EXISTS \(Self.table), \(Self.table)_log",
            "CREATE TABLE \(Self.table) (id integer PRIMARY KEY, n bigint NOT NULL)",
            "INSERT INTO \(Self.table) VALUES (1, 0)",
            "CREATE TABLE \(Self.table)_log (id bigserial PRIMARY KEY, n bigint NOT NULL, note text NOT NULL)",
        ])
    }

    /// One floor commit.
    public func sample() throws(StoreError) {
        try run(["BEGIN"])
        do {
            let rows = try connection.execute("UPDATE \(Self.table) SET n = n + 1 WHERE id = 1 RETURNING n")
            try connection.execute("INSERT INTO \(Self.table)_log (n, note) VALUES ($1, $2)", [rows.first?.first ?? "0", "Đo sàn của máy chủ."])
            try connection.execute("COMMIT")
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw StoreError.databaseFailure(location: connection.location, reason: error.message)
        }
    }

    /// Drops the floor's tables.
    public func finish() {
        _ = try? connection.execute("DROP TABLE IF EXISTS \(Self.table), \(Self.table)_log")
    }

    private func run(_ statements: [String]) throws(StoreError) {
        for statement in statements {
            do { try connection.execute(statement) } catch {
                throw StoreError.databaseFailure(location: connection.location, reason: error.message)
            }
        }
    }
}
