import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PostgreSQL server for the tests: `initdb` into a private temporary directory, a Unix
/// socket in that directory, started once per test process and stopped when the process ends (or, if it
/// dies, by a watchdog that outlives it). PostgreSQL refuses to run as root, so as root the server runs as
/// Debian's `postgres` user; the tests connect as its superuser `hoso_test`, through the socket only.
///
/// It also listens on 127.0.0.1 (a free port) with TLS on, a self-signed certificate made by `openssl` at
/// start, for the tests of encrypted connections. Over TCP only the role `hoso_tls` may connect, with a
/// password (never the superuser: other accounts of the machine reach 127.0.0.1 too).
public final class PostgresCluster: Sendable {
    public let directory: String
    public let socketDirectory: String
    /// The TCP port on 127.0.0.1, also the number in the socket's name.
    public let port: Int
    public static let superuser = "hoso_test"
    /// The role that connects over TCP (password `tlsPassword`).
    public static let tlsUser = "hoso_tls"
    public let tlsPassword: String
    /// The server's self-signed certificate (CN localhost, IP 127.0.0.1): the root a client verifies with.
    public var certificate: String { directory + "/server.crt" }

    /// The one cluster of this test process, started on first use.
    public static let shared: Result<PostgresCluster, TmuxError> = Result { () throws(TmuxError) in try PostgresCluster.start() }

    /// The server's programs (Debian keeps them out of the PATH).
    public static var binaries: String {
        let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") } ?? "/usr/lib/postgresql/15/bin"
    }

    private init(directory: String, port: Int) {
        self.directory = directory
        self.socketDirectory = directory
        self.port = port
        tlsPassword = "tls-" + UUID().uuidString.lowercased()
    }

    /// The address of `database` for `user`, through the private socket.
    public func url(database: String, user: String = PostgresCluster.superuser) -> String {
        "postgresql://\(user)@/\(database)?host=\(socketDirectory)&port=\(port)"
    }

    /// The address of `database` over TCP to 127.0.0.1 as `tlsUser`, with `parameters` (`sslmode=…`).
    public func tcpURL(database: String, _ parameters: String) -> String {
        "postgresql://\(Self.tlsUser):\(tlsPassword)@127.0.0.1:\(port)/\(database)?\(parameters)"
    }

    /// A new, empty database with a unique name; returns its address.
    public func makeDatabase(_ prefix: String = "hoso") throws -> String {
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        let result = try ChildProcess.run([Self.binaries + "/createdb", "-h", socketDirectory, "-p", String(port), "-U", Self.superuser, name])
        guard result.status == 0 else { throw TmuxError("createdb \(name): \(result.standardError)") }
        return url(database: name)
    }

    /// Runs SQL as the superuser (to tamper with rows as an attacker with psql would); returns stdout.
    @discardableResult
    public func psql(_ url: String, _ sql: String) throws -> String {
        let result = try ChildProcess.run([Self.binaries + "/psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql])
        guard result.status == 0 else { throw TmuxError("psql: \(result.standardError)") }
        return result.standardOutput
    }

    private static func start() throws(TmuxError) -> PostgresCluster {
        let asRoot = geteuid() == 0
        var template = Array((NSTemporaryDirectory() + "hoso-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw TmuxError("mkdtemp: \(String(cString: strerror(errno)))") }
        let directory = String(cString: made)
        let cluster = PostgresCluster(directory: directory, port: try freePort())
        let data = directory + "/data"
        func run(_ arguments: [String]) throws(TmuxError) {
            let command = asRoot ? ["runuser", "-u", "postgres", "--"] + arguments : arguments
            let result: ChildProcess.Result
            do { result = try ChildProcess.run(command, mergingStandardError: true) } catch {
                throw TmuxError("\(arguments[0]): \(error)")
            }
            guard result.status == 0 else { throw TmuxError("\(arguments.joined(separator: " ")) (\(result.status)): \(result.standardOutput)") }
        }
        if asRoot {
            guard getpwnam("postgres") != nil else {
                throw TmuxError("Không có người dùng hệ thống postgres: hãy cài gói postgresql (scripts/bootstrap làm việc này).")
            }
            _ = try? ChildProcess.run(["chown", "postgres:", directory])
        }
        chmod(directory, 0o700)
        try run([binaries + "/initdb", "-D", data, "-U", superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        // The socket (in a 0700 directory) trusts; TCP takes only `tlsUser` with its password.
        let access = """
            local all all trust
            hostssl all \(tlsUser) 127.0.0.1/32 scram-sha-256
            host all \(tlsUser) 127.0.0.1/32 scram-sha-256

            """
        do { try access.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8) } catch {
            throw TmuxError("pg_hba.conf: \(error)")
        }
        try run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", directory + "/server.key", "-out", cluster.certificate,
        ])
        try run(["chmod", "600", directory + "/server.key"])
        try run([
            binaries + "/pg_ctl", "-D", data, "-l", directory + "/server.log", "-w", "-t", "60",
            "-o", "-k \(directory) -p \(cluster.port) -c listen_addresses='127.0.0.1' -c fsync=off -c max_connections=200 "
                + "-c ssl=on -c ssl_cert_file='\(cluster.certificate)' -c ssl_key_file='\(directory)/server.key'",
            "start",
        ])
        do {
            try cluster.psql(cluster.url(database: "postgres"), "CREATE ROLE \(tlsUser) LOGIN PASSWORD '\(cluster.tlsPassword)'")
        } catch {
            throw TmuxError("\(error)")
        }
        cluster.watch(owner: getpid(), asRoot: asRoot)
        atexit { PostgresCluster.stopShared() }
        return cluster
    }

    private static func freePort() throws(TmuxError) -> Int { try LoopbackPort.unused() }

    /// Stops the server when the test process is gone, however it ended.
    private func watch(owner: pid_t, asRoot: Bool) {
        let stop = (asRoot ? "runuser -u postgres -- " : "") + "'\(Self.binaries)/pg_ctl' -D '\(directory)/data' -m immediate stop"
        let script = "while kill -0 \(owner) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(directory)'"
        _ = try? ChildProcess.run(["sh", "-c", "nohup sh -c \"\(script.replacingOccurrences(of: "\"", with: "\\\""))\" </dev/null >/dev/null 2>&1 &"])
    }

    private static func stopShared() {
        guard case .success(let cluster) = shared else { return }
        let stop = [binaries + "/pg_ctl", "-D", cluster.directory + "/data", "-m", "fast", "stop"]
        _ = try? ChildProcess.run(geteuid() == 0 ? ["runuser", "-u", "postgres", "--"] + stop : stop)
    }
}
