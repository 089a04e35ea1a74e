import Foundation
import HoSoDomain
@testable import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// Connections over TCP: TLS to the test server on 127.0.0.1, and the refusal of clear text to another machine.
@Suite("TLS: encrypted connections over TCP, and no clear text to another machine")
struct PostgresTLSTests {
    /// A database holding the fixture cell, and its name, readable by the TCP role.
    func database() throws -> (cluster: PostgresCluster, name: String) {
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        try workspace.cluster.psql(workspace.url, "GRANT hoso_users TO \(PostgresCluster.tlsUser)")
        let afterHost = try #require(workspace.url.range(of: "@/")).upperBound
        let name = String(workspace.url[afterHost...].prefix { $0 != "?" })
        return (workspace.cluster, name)
    }

    @Test("With sslmode=verify-full and the server's certificate, HoSo connects over TLS and opens the data")
    func verifiedTLS() throws {
        let (cluster, name) = try database()
        let url = cluster.tcpURL(database: name, "sslmode=verify-full&sslrootcert=\(cluster.certificate)")
        let connection = try PostgresConnection(url: url)
        #expect(connection.usesTLS)
        #expect(try connection.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.first == "t",
                "the server sees the session encrypted")
        let repository = try ServerRepository.open(url: url)
        #expect(repository.organisation.units.count == 1)
        #expect(!repository.directory.contains(cluster.tlsPassword), "the password is never shown")
    }

    @Test("sslmode=require encrypts too; a clear connection to this machine (127.0.0.1) is allowed")
    func requireAndLocalClearText() throws {
        let (cluster, name) = try database()
        #expect(try PostgresConnection(url: cluster.tcpURL(database: name, "sslmode=require")).usesTLS)
        let clear = try PostgresConnection(url: cluster.tcpURL(database: name, "sslmode=disable"))
        #expect(!clear.usesTLS, "127.0.0.1 is this machine: nothing crosses a network")
    }

    @Test("A certificate that is not the server's is refused by verify-full, with the reason")
    func wrongCertificateRefused() throws {
        let (cluster, name) = try database()
        let other = NSTemporaryDirectory() + "hoso-other-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: other) }
        let made = try ChildProcess.run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", other + "/other.key", "-out", other + "/other.crt",
        ], mergingStandardError: true)
        #expect(made.status == 0, "\(made.standardOutput)")
        do {
            _ = try ServerRepository.open(url: cluster.tcpURL(database: name, "sslmode=verify-full&sslrootcert=\(other)/other.crt"))
            Issue.record("connected with a certificate that is not the server's")
        } catch {
            #expect(error.message.contains("certificate verify failed"), "\(error.message)")
            #expect(!error.message.contains(cluster.tlsPassword))
        }
    }

    @Test("Which hosts are this machine, and the refusal of clear text to any other", arguments: [
        ("", true), ("/var/run/postgresql", true), ("localhost", true), ("LOCALHOST", true), ("127.0.0.1", true),
        ("127.1.2.3", true), ("::1", true), ("db.phuong.vn", false), ("10.0.0.5", false), ("192.168.1.20", false),
        ("127.0.0.1.evil.vn", false), ("fe80::1", false),
    ])
    func localHosts(host: String, local: Bool) {
        #expect(PostgresAddress.isLocal(host: host) == local)
        let refusal = PostgresAddress.unencryptedRefusal(host: host, encrypted: false)
        #expect((refusal == nil) == local)
        if let refusal {
            #expect(refusal.contains("không được mã hóa") && refusal.contains("sslmode=verify-full") && refusal.contains(host))
        }
        #expect(PostgresAddress.unencryptedRefusal(host: host, encrypted: true) == nil, "an encrypted connection is always allowed")
    }
}
