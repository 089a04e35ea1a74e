import Foundation
import HoSoTestSupport
import Testing

/// The attacks of issue 15 ("Integrity of the new journal") through the command line.
@Suite("Journal integrity at the CLI: lost saves and a missing snapshot are damage, never a fresh start")
struct CLIJournalIntegrityTests {
    @Test("A segment cut in half: check and every command refuse; no save cuts the rest; the newest backup restores")
    func segmentCutInHalf() throws {
        let cli = try CLIWorkspace()
        let backup = try CLIRecoveryTests.setUp(cli)
        for month in 5...9 {
            try cli.ok("case", "note", "HS-0001", "--text", "Nhận xét tháng \(month).", "--date", "2024-0\(month)-04")
        }
        let segment = CLIRecoveryTests.segment(cli)
        let whole = CLIRecoveryTests.read(segment)
        try CLIRecoveryTests.write(segment, whole.prefix(whole.count / 2))
        let cut = CLIRecoveryTests.read(segment)

        let check = try cli.run("check")
        #expect(check.status == 1)
        let said = check.standardOutput + check.standardError
        #expect(said.contains("lần lưu đã mất") && !said.contains("sẽ tự sửa"), "\(said)")
        // Every finding is listed, although the store does not open.
        #expect(check.standardOutput.contains("✗ LỖI: \(segment):") && check.standardOutput.contains("không được tự sửa"), "\(check.standardOutput)")
        #expect(said.contains("hoso restore \(backup)"), "\(said)")

        let note = try cli.run("case", "note", "HS-0001", "--text", "Sau sự cố.", "--date", "2024-10-04")
        #expect(note.status == 1)
        #expect(note.standardError.contains("hoso restore"), "\(note.standardError)")
        #expect(CLIRecoveryTests.read(segment) == cut, "nothing was written")

        // A backup made before the cut holds every save: it is the one offered, and it restores them.
        try CLIRecoveryTests.write(segment, whole)
        let newest = try cli.ok("backup")
        try CLIRecoveryTests.write(segment, whole.prefix(whole.count / 2))
        let name = try #require(newest.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let again = try cli.run("check")
        #expect((again.standardOutput + again.standardError).contains("hoso restore \(name)"), "\(again.standardError)")
        try cli.ok("restore", name)
        #expect(try cli.ok("case", "show", "HS-0001", "--json").contains("Nhận xét tháng 9."))
        try cli.ok("check")
    }

    @Test("A missing snapshot.json: commands say to restore (not init), init refuses, restore works")
    func missingSnapshot() throws {
        let cli = try CLIWorkspace()
        let backup = try CLIRecoveryTests.setUp(cli)
        try FileManager.default.removeItem(atPath: cli.directory + "/snapshot.json")

        let list = try cli.run("case", "list")
        #expect(list.status == 1)
        #expect(list.standardError.contains("snapshot.json") && list.standardError.contains("hoso restore \(backup)"), "\(list.standardError)")
        #expect(!list.standardError.contains("hoso init"), "\(list.standardError)")

        let initAgain = try cli.run("init", "--name", "Chi bộ mới", "--official", "5")
        #expect(initAgain.status == 1)
        #expect(initAgain.standardError.contains("hoso restore"), "\(initAgain.standardError)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory + "/snapshot.json"), "init wrote nothing")

        let restore = try cli.ok("restore", backup)
        #expect(restore.contains("Đã khôi phục từ \(backup)"), "\(restore)")
        #expect(try cli.ok("member", "list").contains("Trần Văn Hùng"))
        try cli.ok("check")
    }

    @Test("A data directory of the former version (Tests/fixtures/store-v1) is migrated on first use: check clean, data kept")
    func formerVersionIsMigrated() throws {
        let cli = try CLIWorkspace()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/store-v1").path
        try FileManager.default.copyItem(atPath: fixture, toPath: cli.directory)
        for relative in [""] + (try FileManager.default.subpathsOfDirectory(atPath: cli.directory)) {
            let path = cli.directory + (relative.isEmpty ? "" : "/" + relative)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            try FileManager.default.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o700 : 0o600], ofItemAtPath: path)
        }
        let check = try cli.ok("check")
        #expect(check.contains("toàn vẹn: 2 hồ sơ, 2 đảng viên"), "\(check)")
        #expect(String(decoding: CLIRecoveryTests.read(cli.directory + "/snapshot.json").prefix(20), as: UTF8.self).hasPrefix(#"{"schemaVersion":3,"#))
        #expect(try cli.ok("case", "show", "HS-0001", "--json").contains("Hoàn thành tốt nhiệm vụ."))
        try cli.ok("case", "note", "HS-0001", "--text", "Sau khi nâng cấp.", "--date", "2024-05-04")
        try cli.ok("check")
        // The backups of the former version are kept, not offered, and refused with what to do instead.
        let old = "snapshot-000000000006-20261206T141546Z.json"
        #expect(try cli.ok("backup", "--list").contains(old + "  20261206T141546Z"))
        let restore = try cli.run("restore", old)
        #expect(restore.status == 1)
        #expect(restore.standardError.contains("định dạng cũ") && restore.standardError.contains("hoso backup --list"), "\(restore.standardError)")
    }
}
