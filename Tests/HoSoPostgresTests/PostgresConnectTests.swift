import Foundation
import HoSoDomain
@testable import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// Connecting to a server that is not there: nothing hangs, and the clerk is told what happened and what to check.
@Suite("Connecting: a server that does not answer or is not there, and whether a database holds HoSo data")
struct PostgresConnectTests {
    @Test("libpq is given a wait of 5 seconds, before the address: the address's own connect_timeout wins, and so does PGCONNECT_TIMEOUT")
    func waitHandedToLibpq() throws {
        let url = "postgresql://hoso@db.phuong.vn/hoso?sslmode=verify-full"
        let handed = PostgresAddress.connectionParameters(url, environment: [:])
        #expect(handed.map(\.keyword) == ["connect_timeout", "dbname"])
        #expect(handed.map(\.value) == ["5", url])
        let withEnvironment = PostgresAddress.connectionParameters(url, environment: ["PGCONNECT_TIMEOUT": "12"])
        #expect(withEnvironment.map(\.keyword) == ["dbname"], "the administrator's PGCONNECT_TIMEOUT is kept")

        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        #expect(try PostgresConnection(url: workspace.url).connectTimeout == 5, "what libpq uses on a real connection")
        #expect(try PostgresConnection(url: workspace.url + "&connect_timeout=9").connectTimeout == 9)
    }

    @Test("A server that takes the connection and never answers: refused after the wait, saying to check the address, the network and the server")
    func silentServerTimesOut() throws {
        let silent = try SilentListener()
        let started = ContinuousClock.now
        do {
            // libpq waits at least 2 seconds, whatever is asked.
            _ = try ServerRepository.open(url: "postgresql://hoso:bi-mat@127.0.0.1:\(silent.port)/hoso?connect_timeout=2&sslmode=disable")
            Issue.record("connected to a server that never answered")
        } catch {
            #expect(error.message == "Máy chủ PostgreSQL postgresql://hoso:***@127.0.0.1:\(silent.port)/hoso?connect_timeout=2&sslmode=disable "
                + "không trả lời sau 2 giây. Chưa có gì thay đổi. Hãy kiểm tra địa chỉ máy chủ (--data hoặc biến HOSO_DATA), mạng giữa "
                + "máy này và máy chủ (dây mạng, Wi-Fi, tường lửa có mở cổng 5432 không), và máy chủ PostgreSQL đang chạy, rồi thử lại.")
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(1_500) && waited < .seconds(10), "waited \(waited)")
    }

    @Test("The default wait applies when the address sets none: a silent server is given up after 5 seconds, not waited for for ever")
    func defaultWaitEnds() throws {
        let silent = try SilentListener()
        let started = ContinuousClock.now
        #expect(throws: (any Error).self) {
            _ = try PostgresConnection(url: "postgresql://hoso@127.0.0.1:\(silent.port)/hoso?sslmode=disable")
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .seconds(4) && waited < .seconds(15), "waited \(waited)")
    }

    @Test("A port of this machine nobody listens on: refused at once, saying that no server takes connections there")
    func nothingListening() throws {
        let port = try LoopbackPort.unused()
        let started = ContinuousClock.now
        do {
            _ = try ServerRepository.open(url: "postgresql://hoso@127.0.0.1:\(port)/hoso")
            Issue.record("connected to a port nobody listens on")
        } catch {
            #expect(error.message == "Không kết nối được máy chủ PostgreSQL postgresql://hoso@127.0.0.1:\(port)/hoso (không có máy chủ "
                + "PostgreSQL nào đang nhận kết nối ở địa chỉ và cổng này: máy chủ chưa chạy, hoặc sai địa chỉ, sai cổng). Chưa có gì "
                + "thay đổi. Hãy kiểm tra địa chỉ, tên người dùng và mật khẩu (biến PGPASSWORD hoặc tệp ~/.pgpass), và máy chủ đang chạy, "
                + "rồi thử lại.")
        }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test("libpq's messages are told in Vietnamese; one HoSo does not know is passed on as libpq wrote it")
    func libpqMessagesInVietnamese() {
        let cases: [(String, PostgresConnectFailure)] = [
            ("connection to server at \"10.0.0.9\", port 5432 failed: timeout expired", .noAnswer),
            ("connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n\tIs the server running locally?", .nothingListening),
            ("connection to server at \"10.0.0.9\", port 5432 failed: No route to host", .noNetworkPath),
            ("could not translate host name \"db.phuong\" to address: Name or service not known", .unknownHostName),
            ("connection to server at \"db\", port 5432 failed: FATAL:  password authentication failed for user \"lan\"", .wrongPassword),
            ("connection to server at \"db\", port 5432 failed: fe_sendauth: no password supplied", .passwordMissing),
            ("connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  role \"lan\" does not exist", .unknownRole),
            ("connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  database \"hoso\" does not exist", .unknownDatabase),
            ("FATAL:  no pg_hba.conf entry for host \"192.168.1.7\", user \"lan\", database \"hoso\", no encryption", .refusedByServerRules),
            ("SSL error: certificate verify failed\nmore", .other("SSL error: certificate verify failed")),
        ]
        for (message, expected) in cases {
            #expect(PostgresConnectFailure(libpqMessage: message) == expected, "\(message)")
        }
        #expect(PostgresConnectFailure.unknownRole.reason == "máy chủ không có vai trò (người dùng) này")
    }

    @Test("Whether a database holds HoSo data is two cheap statements: a damaged file, which an open refuses, does not hide the data")
    func holdsDataWithoutReading() throws {
        let cluster = try PostgresCluster.shared.get()
        let empty = try cluster.makeDatabase("empty")
        #expect(!ServerRepository.holdsData(url: empty), "no HoSo tables")
        let workspace = try ServerWorkspace()
        _ = try workspace.create()
        #expect(ServerRepository.holdsData(url: workspace.url))
        try cluster.psql(workspace.url, "UPDATE hoso.records SET value = '{\"not\": \"a file\"}' WHERE id = 'case/HS-0002'")
        #expect(throws: (any Error).self, "an open reads every file") { try workspace.open() }
        #expect(ServerRepository.holdsData(url: workspace.url), "holdsData reads none")
        #expect(!ServerRepository.holdsData(url: "postgresql://hoso@127.0.0.1:\(try LoopbackPort.unused())/hoso"), "unreachable: nothing known there")
    }
}
