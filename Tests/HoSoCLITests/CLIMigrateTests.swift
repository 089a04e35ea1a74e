import Foundation
import HoSoTestSupport
import Testing

@Suite("hoso migrate between a data directory and a PostgreSQL server")
struct CLIMigrateTests {
    /// The records of a data directory's snapshot, as JSON values (revisions, who, when, contents).
    func records(of directory: String) throws -> NSArray {
        let data = try #require(FileManager.default.contents(atPath: directory + "/snapshot.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["records"] as? NSArray)
    }

    @Test("Directory → server → directory gives the same records, histories, seals, settings and security log")
    func roundTripIsLossless() throws {
        let binary = try hosoExecutablePath()
        let source = HosoRun.temporaryDataDirectory()
        let back = HosoRun.temporaryDataDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: back)
        }
        let server = try PostgresCluster.shared.get().makeDatabase("migrate")
        try HosoRun.run(["demo", "--data", source, "--cases", "60", "--no-open"])
        // A setting and a security event, so both are seen to travel.
        #expect(FileManager.default.createFile(atPath: source + "/rules.json", contents: Data(#"{"documentValidityMonths": 6}"#.utf8), attributes: [.posixPermissions: 0o600]))
        let refused = try ChildProcess.run([binary, "check", "--data", source, "--as", "khong-co-ai"], environment: ["HOSO_PASSPHRASE": "x"])
        #expect(refused.status == 4)

        let there = try HosoRun.run(["migrate", "--from", source, "--to", server])
        #expect(there.hasPrefix("Đã chép 60 hồ sơ"), "\(there)")
        #expect(there.contains("kiểm tra toàn vẹn: không có lỗi"))
        // On the server the clerk who moved the data is their database role; back on disk, their login again.
        #expect(there.contains("nay đăng nhập ở nơi mới bằng vai trò PostgreSQL \(PostgresCluster.superuser)"), "\(there)")
        try HosoRun.run(["migrate", "--from", server, "--to", back])

        #expect(try records(of: back) == records(of: source))
        #expect(FileManager.default.contents(atPath: back + "/rules.json") == FileManager.default.contents(atPath: source + "/rules.json"))
        #expect(FileManager.default.contents(atPath: back + "/audit.jsonl") == FileManager.default.contents(atPath: source + "/audit.jsonl"))
        // The demo's records are all in the source's snapshot, so the snapshots compare whole; a note
        // made on the server after the move comes back with the next move.
        try HosoRun.run(["case", "note", "HS-0003", "--text", "Ghi trên máy chủ", "--data", server])
        let again = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: again) }
        try HosoRun.run(["migrate", "--from", server, "--to", again])
        #expect(try HosoRun.run(["case", "show", "HS-0003", "--data", again]).contains("Ghi trên máy chủ"))
        #expect(try HosoRun.run(["check", "--data", back]).contains("toàn vẹn: 60 hồ sơ"))
    }

    @Test("Every report gives the same figures on the server as on the data directory it was copied from")
    func reportsAgreeAcrossBackends() throws {
        let source = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let server = try PostgresCluster.shared.get().makeDatabase("reports")
        try HosoRun.run(["demo", "--data", source, "--no-open", "--today", "2026-12-06"])
        try HosoRun.run(["migrate", "--from", source, "--to", server])
        // The quota and period reports are counted by the server (`ReportFactsRequest`) for the report's scope,
        // each file under its reporting unit and the new members apart: every span's bounds, a year before the
        // data, one after it, and the subtrees of a cell, of the grassroots organisation and of the committee.
        let periods = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "Y"].map { ["period", "--year", "2026", "--period", $0] }
        let reports = [["quota", "--year", "2026"], ["quota", "--year", "2025"], ["quota", "--year", "2027"], ["rate", "--year", "2026"],
                       ["period", "--year", "2025", "--period", "Y"], ["pipeline"], ["quota", "--year", "2026", "--unit", "CB-1"],
                       ["period", "--year", "2026", "--period", "Y", "--unit", "CB-1"], ["period", "--year", "2026", "--period", "H2", "--unit", "DB-XH"],
                       ["quota", "--year", "2026", "--unit", "DU-XH"]] + periods
        for report in reports {
            for today in ["2026-12-06", "2026-05-15"] {
                let arguments = ["report"] + report + ["--format", "json", "--today", today]
                let onDisk = try HosoRun.run(arguments + ["--data", source])
                let onServer = try HosoRun.run(arguments + ["--data", server])
                #expect(onServer == onDisk, "report \(report.joined(separator: " ")) on \(today) differs")
            }
        }
    }

    @Test("Reports over two sources (--data A --data B): two servers, and a server beside a directory, give what the two directories give")
    func mergedReportsAgreeAcrossBackends() throws {
        let ward = HosoRun.temporaryDataDirectory()
        let cell = HosoRun.temporaryDataDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: ward)
            try? FileManager.default.removeItem(atPath: cell)
        }
        let cluster = try PostgresCluster.shared.get()
        let (wardServer, cellServer) = (try cluster.makeDatabase("ward"), try cluster.makeDatabase("cell"))
        try HosoRun.run(["demo", "--data", ward, "--no-open", "--today", "2026-12-06"])
        // A cell of the same ward committee kept apart: merged under the demo's committee, by name.
        for command in [
            ["init", "--name", "Chi bộ Khu phố 9", "--parent", "Đảng ủy phường Xuân Hòa", "--official", "8", "--committee", "9",
             "--clerk-id", "lan", "--clerk-name", "Thư ký Lan"],
            ["member", "add", "--id", "M001", "--name", "Trần Văn Hùng", "--official-since", "2001-05-19"],
            ["case", "add", "--name", "Nguyễn Thị Ánh", "--born", "1998-04-12", "--sex", "nu", "--education", "university", "--date", "2026-01-10"],
        ] {
            try HosoRun.run(command + ["--data", cell])
        }
        try HosoRun.run(["migrate", "--from", ward, "--to", wardServer])
        try HosoRun.run(["migrate", "--from", cell, "--to", cellServer])
        let reports = [["quota", "--year", "2026"], ["period", "--year", "2026", "--period", "Y"], ["period", "--year", "2026", "--period", "H1"],
                       ["period", "--year", "2025", "--period", "Y"], ["period", "--year", "2026", "--period", "Y", "--unit", "DB-XH"],
                       ["quota", "--year", "2026", "--unit", "DU-XH"]]
        for report in reports {
            let arguments = ["report"] + report + ["--format", "json", "--today", "2026-12-06"]
            let onDisk = try HosoRun.run(arguments + ["--data", ward, "--data", cell])
            #expect(onDisk.contains("\"newMembers\"") || report[0] == "quota", "\(onDisk.prefix(200))")
            #expect(try HosoRun.run(arguments + ["--data", wardServer, "--data", cellServer]) == onDisk, "two servers: \(report.joined(separator: " "))")
            #expect(try HosoRun.run(arguments + ["--data", wardServer, "--data", cell]) == onDisk, "server and directory: \(report.joined(separator: " "))")
        }
    }

    @Test("people add opens the data without its files, on the server and in a directory: a file that cannot be read does not stop it")
    func addingAPersonReadsNoFile() throws {
        let cluster = try PostgresCluster.shared.get()
        let server = try cluster.makeDatabase("people")
        let directory = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for data in [server, directory] {
            try HosoRun.run(["demo", "--data", data, "--no-open", "--today", "2026-12-06"])
        }
        // A file whose stored text no longer decodes: a full open refuses, as every command reading files would.
        try cluster.psql(server, "UPDATE hoso.records SET value = jsonb_set(value::jsonb, '{case,person}', '\"hỏng\"')::text WHERE id = 'case/HS-0003'")
        let binary = try hosoExecutablePath()
        let listed = try ChildProcess.run([binary, "case", "list", "--data", server])
        #expect(listed.status != 0 && listed.standardError.contains("case/HS-0003"), "\(listed.standardError)")
        for data in [server, directory] {
            let added = try HosoRun.run(["people", "add", "lan.nt", "--name", "Nguyễn Thị Lan", "--role", "viewer", "--data", data])
            #expect(added.contains("Đã thêm người dùng"), "\(added)")
            let people = try ChildProcess.run([binary, "people", "list", "--data", data])
            if data == directory {
                #expect(people.status == 0 && people.standardOutput.contains("lan.nt"), "\(people.standardError)")
            }
        }
        #expect(try cluster.psql(server, "SELECT count(*) FROM hoso.records WHERE id = 'account/lan.nt'").hasPrefix("1"), "saved on the server")
    }

    @Test("On the server a viewer's reports give the clerk's figures (counts only for the pipeline), and the named pipeline stays refused")
    func viewerReportsOnTheServer() throws {
        let binary = try hosoExecutablePath()
        let cluster = try PostgresCluster.shared.get()
        let server = try cluster.makeDatabase("viewer")
        try HosoRun.run(["demo", "--data", server, "--no-open", "--today", "2026-12-06"])
        let role = "captren_" + String(UUID().uuidString.prefix(6)).lowercased()
        try cluster.psql(server, "CREATE ROLE \(role) LOGIN; GRANT hoso_users TO \(role)")
        try HosoRun.run(["people", "add", "xem.bc", "--name", "Cán bộ xem báo cáo", "--role", "viewer", "--system-user", role, "--data", server])
        let asViewer = server.replacingOccurrences(of: PostgresCluster.superuser + "@", with: role + "@")
        for report in [["quota", "--year", "2026"], ["rate", "--year", "2026"], ["period", "--year", "2026", "--period", "Y"],
                       ["pipeline", "--counts-only"]] {
            let arguments = ["report"] + report + ["--format", "json", "--today", "2026-12-06"]
            let byClerk = try HosoRun.run(arguments + ["--data", server])
            let byViewer = try HosoRun.run(arguments + ["--data", asViewer])
            #expect(byViewer == byClerk, "report \(report[0]) differs")
            if report[0] == "period" {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(byViewer.utf8)) as? [String: Any])
                #expect((object["newMembers"] as? Int ?? 0) > 0, "the viewer's figures are not empty: \(object["newMembers"] ?? "none")")
            }
        }
        let named = try ChildProcess.run([binary, "report", "pipeline", "--data", asViewer])
        #expect(named.status == 4, "a viewer may not see the named lists: \(named.standardError)")
    }

    @Test("On the server a clerk of a unit below is refused backup and restore, told who may; the ward's clerk restores")
    func restoreIsForTheWholeDataClerk() throws {
        let binary = try hosoExecutablePath()
        let cluster = try PostgresCluster.shared.get()
        let server = try cluster.makeDatabase("restore")
        try HosoRun.run(["demo", "--data", server, "--cases", "10", "--no-open"])
        let role = "tkcoso_" + String(UUID().uuidString.prefix(6)).lowercased()
        try cluster.psql(server, "CREATE ROLE \(role) LOGIN; GRANT hoso_users TO \(role)")
        try HosoRun.run(["people", "add", "tk.coso", "--name", "Thư ký cơ sở", "--role", "clerk", "--unit", "DB-XH", "--system-user", role,
                         "--data", server])
        let below = server.replacingOccurrences(of: PostgresCluster.superuser + "@", with: role + "@")
        let made = try HosoRun.run(["backup", "--data", server])
        let name = try #require(made.components(separatedBy: "Đã sao lưu: ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        for arguments in [["restore", name], ["backup"], ["backup", "--list"]] {
            let refused = try ChildProcess.run([binary] + arguments + ["--data", below])
            #expect(refused.status == 4, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains("chỉ thư ký hồ sơ của Đảng ủy phường Xuân Hòa (đơn vị trên cùng) làm được; "
                + "Thư ký cơ sở (tk.coso) không có vai trò đó ở Đảng ủy phường Xuân Hòa. Người làm được: Nguyễn Thị Lan (hoso_test)."),
                    "\(refused.standardError)")
        }
        let restored = try HosoRun.run(["restore", name, "--data", server])
        #expect(restored.contains("Đã khôi phục từ \(name)"))
    }

    @Test("On the server a clerk of a unit below may not copy the data out (they read only their units), told who may; nothing is written")
    func migrateOutIsForTheWholeDataClerk() throws {
        let binary = try hosoExecutablePath()
        let cluster = try PostgresCluster.shared.get()
        let server = try cluster.makeDatabase("migrateout")
        try HosoRun.run(["demo", "--data", server, "--cases", "10", "--no-open"])
        let role = "tkchibo_" + String(UUID().uuidString.prefix(6)).lowercased()
        try cluster.psql(server, "CREATE ROLE \(role) LOGIN; GRANT hoso_users TO \(role)")
        try HosoRun.run(["people", "add", "tk.chibo", "--name", "Thư ký chi bộ", "--role", "clerk", "--unit", "DB-XH", "--system-user", role,
                         "--data", server])
        let below = server.replacingOccurrences(of: PostgresCluster.superuser + "@", with: role + "@")
        let target = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: target) }
        let refused = try ChildProcess.run([binary, "migrate", "--from", below, "--to", target])
        #expect(refused.status == 4, "\(refused.standardError)")
        #expect(refused.standardError.contains("chỉ thư ký hồ sơ của Đảng ủy phường Xuân Hòa (đơn vị trên cùng) làm được; "
            + "Thư ký chi bộ (tk.chibo) không có vai trò đó ở Đảng ủy phường Xuân Hòa. Người làm được: Nguyễn Thị Lan (hoso_test)."),
                "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: target + "/snapshot.json"), "nothing was copied")
        // The ward's clerk copies everything.
        #expect(try HosoRun.run(["migrate", "--from", server, "--to", target]).hasPrefix("Đã chép 10 hồ sơ"))
    }

    @Test("A client killed in the middle of its transaction leaves nothing half-written on the server; the copy made again is whole")
    func killedClientWritesNothing() throws {
        let binary = try hosoExecutablePath()
        let cluster = try PostgresCluster.shared.get()
        let server = try cluster.makeDatabase("killed")
        let source = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: source) }
        try HosoRun.run(["demo", "--data", source, "--cases", "1500", "--no-open"])
        // The copy is one transaction of six journal entries: started in the background, killed once the server
        // has seen it write (a transaction id) and while it is still sending rows.
        let started = try ChildProcess.run(["sh", "-c", "'\(binary)' migrate --from '\(source)' --to '\(server)' >/dev/null 2>&1 & echo $!"])
        let pid = try #require(pid_t(started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
        let writing = """
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND backend_xid IS NOT NULL AND query LIKE 'SELECT hoso.append_entry(%'
            """
        var seenWriting = false
        for _ in 0..<600 where !seenWriting {
            seenWriting = try cluster.psql(server, writing).hasPrefix("1")
            if !seenWriting { usleep(20_000) }
        }
        #expect(kill(pid, SIGKILL) == 0)
        try #require(seenWriting, "the copy was never seen writing")
        // The server rolls the transaction back when it sees the connection gone.
        var others = "1"
        for _ in 0..<500 where others != "0" {
            others = try cluster.psql(server, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if others != "0" { usleep(20_000) }
        }
        #expect(others == "0")
        let left = try cluster.psql(
            server, "SELECT (SELECT count(*) FROM hoso.records) || ' ' || (SELECT count(*) FROM hoso.journal) || ' ' || (SELECT value FROM hoso.meta WHERE key = 'head')")
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0 0 0 " + String(repeating: "0", count: 64), "\(left)")
        let again = try HosoRun.run(["migrate", "--from", source, "--to", server])
        #expect(again.hasPrefix("Đã chép 1500 hồ sơ") && again.contains("kiểm tra toàn vẹn: không có lỗi"), "\(again)")
    }

    @Test("A target that already holds HoSo data is refused, and the source is untouched")
    func existingTargetRefused() throws {
        let binary = try hosoExecutablePath()
        let source = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let server = try PostgresCluster.shared.get().makeDatabase("migrate")
        try HosoRun.run(["demo", "--data", source, "--cases", "5", "--no-open"])
        try HosoRun.run(["migrate", "--from", source, "--to", server])
        let before = try records(of: source)
        let onto = try ChildProcess.run([binary, "migrate", "--from", source, "--to", source])
        #expect(onto.status == 1 && onto.standardError.contains("Nguồn và đích là một chỗ"), "\(onto.standardError)")
        try HosoRun.run(["case", "note", "HS-0001", "--text", "Ghi trên máy chủ", "--data", server])
        let again = try ChildProcess.run([binary, "migrate", "--from", source, "--to", server])
        #expect(again.status == 1)
        #expect(again.standardError.contains("đã có dữ liệu HoSo; không tạo đè") && again.standardError.contains("Nguồn không bị thay đổi"),
                "\(again.standardError)")
        #expect(try records(of: source) == before)
        #expect(try HosoRun.run(["case", "show", "HS-0001", "--data", server]).contains("Ghi trên máy chủ"), "the server's data is kept")
    }
}
