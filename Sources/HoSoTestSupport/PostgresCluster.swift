import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PostgreSQL server for the tests: `initdb` into a private temporary directory, a Unix
/// socket in that directory and no TCP port, started once per test process and stopped when the
/// process ends (or, if it dies, by a watchdog that outlives it). PostgreSQL refuses to run as root, so
/// as root the server runs as Debian's `postgres` user; the tests connect as its superuser `hoso_test`.
public final class PostgresCluster: Sendable {
    public let directory: String
    public let socketDirectory: String
    public static let superuser = "hoso_test"

    /// The one cluster of this test process, started on first use.
    public static let shared: Result<PostgresCluster, TmuxError> = Result { () throws(TmuxError) in try PostgresCluster.start() }

    /// The server's programs (Debian keeps them out of the PATH).
    public static var binaries: String {
        let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") } ?? "/usr/lib/postgresql/15/bin"
    }

    private init(directory: String) {
        self.directory = directory
        self.socketDirectory = directory
    }

    /// The address of `database` for `user`, through the private socket.
    public func url(database: String, user: String = PostgresCluster.superuser) -> String {
        "postgresql://\(user)@/\(database)?host=\(socketDirectory)"
    }

    /// A new, empty database with a unique name; returns its address.
    public func makeDatabase(_ prefix: String = "hoso") throws -> String {
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        let result = try ChildProcess.run([Self.binaries + "/createdb", "-h", socketDirectory, "-U", Self.superuser, name])
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
        let cluster = PostgresCluster(directory: directory)
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
        try run([
            binaries + "/pg_ctl", "-D", data, "-l", directory + "/server.log", "-w", "-t", "60",
            "-o", "-k \(directory) -c listen_addresses='' -c fsync=off -c max_connections=200", "start",
        ])
        cluster.watch(owner: getpid(), asRoot: asRoot)
        atexit { PostgresCluster.stopShared() }
        return cluster
    }

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
