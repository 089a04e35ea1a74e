import CLibPQ
import Foundation
import HoSoStorage

/// One connection to a PostgreSQL server through libpq, used from one thread at a time (the store
/// that owns it serialises its calls). Every statement is sent with parameters, never by pasting
/// values into SQL text.
final class PostgresConnection {
    /// The address as given, for messages: the password, if one was written into it, is hidden.
    let location: String
    private let handle: OpaquePointer

    /// A failed statement: SQLSTATE (e.g. "40001") and the server's message.
    struct Failure: Error {
        let sqlState: String?
        let message: String
    }

    init(url: String) throws(StoreError) {
        location = PostgresAddress.withoutPassword(url)
        let parameters = PostgresAddress.connectionParameters(url, environment: ProcessInfo.processInfo.environment)
        guard let connection = Self.connect(parameters) else {
            throw StoreError.databaseUnreachable(location: location, reason: "libpq không cấp phát được kết nối")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let failure = PostgresConnectFailure(libpqMessage: Self.text(PQerrorMessage(connection)))
            let seconds = Self.option("connect_timeout", of: connection).flatMap { Int($0) }
            PQfinish(connection)
            if failure == .noAnswer, let seconds {
                throw StoreError.databaseNotAnswering(location: location, seconds: max(seconds, 2))
            }
            throw StoreError.databaseUnreachable(location: location, reason: failure.reason)
        }
        handle = connection
        // libpq prints the server's notices, and its farewell when it ends a connection ("FATAL: terminating
        // connection…"), on standard error: over the terminal application's screen. HoSo says it in its own words.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        // Names, birth dates and verification results never cross a network in clear text.
        if let refusal = PostgresAddress.unencryptedRefusal(host: Self.text(PQhost(connection)), encrypted: PQsslInUse(connection) != 0) {
            throw StoreError.databaseUnreachable(location: location, reason: refusal)
        }
        // Messages and times the same whatever the server's defaults: UTC, and errors we can match on.
        _ = try? execute("SET TIME ZONE 'UTC'")
        user = ((try? execute("SELECT session_user"))?.first?.first ?? nil) ?? Self.text(PQuser(connection))
    }

    deinit { PQfinish(handle) }

    /// `parameters` in order, the address last with `expand_dbname`: what it sets itself wins over the defaults before it.
    private static func connect(_ parameters: [(keyword: String, value: String)]) -> OpaquePointer? {
        let keywords = parameters.map { strdup($0.keyword) }
        let values = parameters.map { strdup($0.value) }
        defer { for copy in keywords + values { free(copy) } }
        let keywordList = keywords.map { UnsafePointer<CChar>($0) } + [nil]
        let valueList = values.map { UnsafePointer<CChar>($0) } + [nil]
        return PQconnectdbParams(keywordList, valueList, 1)
    }

    /// The value libpq uses for connection option `name` (from the address, the environment or its default).
    private static func option(_ name: String, of connection: OpaquePointer) -> String? {
        guard let options = PQconninfo(connection) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == name { return option.pointee.val.map { String(cString: $0) } }
            option += 1
        }
        return nil
    }

    /// The seconds libpq waits for the server to answer before giving up (nil: for ever).
    var connectTimeout: Int? { Self.option("connect_timeout", of: handle).flatMap { Int($0) } }

    /// Whether the connection is encrypted (TLS).
    var usesTLS: Bool { PQsslInUse(handle) != 0 }

    /// The role the server signed this connection in as (`session_user`: what row-level security uses).
    private(set) var user = ""

    /// Statements sent on this connection so far: what a report costs the server, in round trips.
    private(set) var statementsSent = 0

    /// Whether the server closed the connection (a restart, a network cut, an administrator's kill).
    var isBroken: Bool { PQstatus(handle) == CONNECTION_BAD }

    /// Connects again with the same parameters; true when the new connection is up.
    func reconnect() -> Bool {
        awaitingAnswer = false
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        _ = try? execute("SET TIME ZONE 'UTC'")
        return true
    }

    /// Runs one statement; rows come back as text (nil for SQL NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws(Failure) -> [[String?]] {
        try withResult(sql, parameters) { (result, rows, columns) throws(Failure) -> [[String?]] in
            var table: [[String?]] = []
            table.reserveCapacity(rows)
            for row in 0..<rows {
                var values: [String?] = []
                values.reserveCapacity(columns)
                for column in 0..<columns {
                    if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                        values.append(nil)
                    } else {
                        values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                    }
                }
                table.append(values)
            }
            return table
        }
    }

    /// Runs one statement and hands `body` the first column of each row as the bytes libpq received (nil
    /// for SQL NULL), valid only during the call: a read of 100,000 rows makes no `String` per cell.
    /// `expecting` hears the number of rows first.
    func forEachValue(
        _ sql: String, _ parameters: [String?] = [], expecting: (Int) -> Void = { _ in },
        _ body: (UnsafeBufferPointer<UInt8>?) throws(Failure) -> Void
    ) throws(Failure) {
        try withResult(sql, parameters) { (result, rows, columns) throws(Failure) in
            guard columns > 0 else { return }
            expecting(rows)
            for row in 0..<Int32(rows) {
                if PQgetisnull(result, row, 0) == 1 {
                    try body(nil)
                } else {
                    let length = Int(PQgetlength(result, row, 0))
                    try PQgetvalue(result, row, 0).withMemoryRebound(to: UInt8.self, capacity: length) { bytes throws(Failure) in
                        try body(UnsafeBufferPointer(start: bytes, count: length))
                    }
                }
            }
        }
    }

    /// Sends one statement with text parameters and gives `body` its result (rows and columns: none for a
    /// statement that returns no rows); a failure carries the server's SQLSTATE and message.
    private func withResult<T>(
        _ sql: String, _ parameters: [String?], _ body: (OpaquePointer, Int, Int) throws(Failure) -> T
    ) throws(Failure) -> T {
        discardUnawaited()
        statementsSent += 1
        guard let result = Self.withCStrings(parameters, { PQexecParams(handle, sql, Int32($0.count), nil, $0, nil, nil, 0) }) else {
            throw Failure(sqlState: nil, message: Self.text(PQerrorMessage(handle)))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK:
            return try body(result, 0, 0)
        case PGRES_TUPLES_OK:
            return try body(result, Int(PQntuples(result)), Int(PQnfields(result)))
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw Failure(sqlState: state, message: Self.text(PQresultErrorMessage(result)))
        }
    }

    /// Sends one statement and returns without waiting for its answer, which the next statement reads and
    /// drops first (`discardUnawaited`): for a statement nothing waits on, whose failure changes nothing (the
    /// command lock's release). The server runs it as soon as it arrives, before anything sent after it.
    func sendWithoutWaiting(_ sql: String, _ parameters: [String?] = []) {
        discardUnawaited()
        statementsSent += 1
        awaitingAnswer = Self.withCStrings(parameters) { PQsendQueryParams(handle, sql, Int32($0.count), nil, $0, nil, nil, 0) } == 1
    }

    /// `body` with `parameters` as the C strings libpq takes (nil: SQL NULL), freed after it.
    private static func withCStrings<T>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { UnsafePointer<CChar>($0) })
    }

    /// Whether a statement sent without waiting has an answer not yet read.
    private var awaitingAnswer = false

    /// Reads and drops the answer of the statement sent without waiting, if any (libpq takes one statement at a time).
    private func discardUnawaited() {
        guard awaitingAnswer else { return }
        awaitingAnswer = false
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    /// Reads what the server sent without waiting, and returns the payloads of the notifications on
    /// `channel` that arrived since the last call.
    func pendingNotifications(on channel: String) -> [String] {
        guard PQconsumeInput(handle) == 1 else { return [] }
        var payloads: [String] = []
        while let notification = PQnotifies(handle) {
            if String(cString: notification.pointee.relname) == channel {
                payloads.append(String(cString: notification.pointee.extra))
            }
            PQfreemem(notification)
        }
        return payloads
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// PostgreSQL addresses as people type them: `postgresql://user@host/db` or `postgres://…`.
public enum PostgresAddress {
    /// Whether `host` (as libpq connected to it) is this machine: a Unix socket directory, none (the default
    /// socket), `localhost`, or a loopback address (127.0.0.0/8, ::1). Anything else crosses a network.
    public static func isLocal(host: String) -> Bool {
        if host.isEmpty || host.hasPrefix("/") || host.hasPrefix("@") { return true }
        let name = host.lowercased()
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Why a connection to `host` is refused: it is not this machine and not `encrypted`; nil when allowed.
    public static func unencryptedRefusal(host: String, encrypted: Bool) -> String? {
        if encrypted || isLocal(host: host) { return nil }
        return "kết nối tới máy khác (\(host)) không được mã hóa; hãy bật TLS trên máy chủ (ssl = on, chứng chỉ của máy chủ, "
            + "chỉ cho kết nối hostssl trong pg_hba.conf) và thêm ?sslmode=verify-full vào địa chỉ (docs/may-chu-postgresql.md)"
    }

    /// Seconds to wait for a server that does not answer (an address nobody has, a cut network) before saying
    /// so, unless the address (`connect_timeout=`) or `PGCONNECT_TIMEOUT` sets another: libpq alone waits for ever.
    public static let defaultConnectTimeout = 5

    /// What HoSo hands libpq for `url`, in order: the default wait first, so that the address's own parameters
    /// (expanded from `dbname`, after it) override it.
    public static func connectionParameters(_ url: String, environment: [String: String]) -> [(keyword: String, value: String)] {
        let waitSet = environment["PGCONNECT_TIMEOUT"].map { !$0.isEmpty } ?? false
        return (waitSet ? [] : [("connect_timeout", String(defaultConnectTimeout))]) + [("dbname", url)]
    }

    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// The address with any password replaced by "***" (in the user part or a `password=` parameter), for
    /// messages and logs.
    public static func withoutPassword(_ url: String) -> String {
        let hidden = hidingUserPassword(url)
        guard let query = hidden.firstIndex(of: "?") else { return hidden }
        let parameters = hidden[hidden.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false).map { parameter in
            parameter.lowercased().hasPrefix("password=") ? "password=***" : String(parameter)
        }
        return String(hidden[...query]) + parameters.joined(separator: "&")
    }

    private static func hidingUserPassword(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return url }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<scheme.upperBound]) + credentials[..<colon] + ":***" + rest[at...]
    }
}
