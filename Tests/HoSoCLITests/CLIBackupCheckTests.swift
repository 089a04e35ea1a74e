import Foundation
import HoSoTestSupport
import Testing

/// `init` and `demo` leave a first backup; `check` and `backup --list` read every backup, and the advice
/// names only one that restores (issue 14, item 7).
@Suite("Backups: a first one at init and demo; broken ones reported and never offered")
struct CLIBackupCheckTests {
    func backupNames(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/backups")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("init leaves one backup, listed as sound")
    func initLeavesABackup() throws {
        let cli = try CLIWorkspace()
        try cli.ok("init", "--name", "Chi bộ Khu phố 3", "--official", "8")
        let names = backupNames(cli.directory)
        #expect(names.count == 1)
        let list = try cli.ok("backup", "--list")
        #expect(list.contains(names.first ?? "?") && !list.contains("HỎNG"), "\(list)")
    }

    @Test("demo leaves one backup")
    func demoLeavesABackup() throws {
        let cli = try CLIWorkspace()
        try cli.ok("demo", "--cases", "3", "--no-open", "--today", "2026-11-23")
        #expect(backupNames(cli.directory).count == 1)
    }

    @Test("A broken backup that sorts newest: check fails naming it, and advises the newest sound one; backup --list marks it")
    func brokenNewestBackup() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let good = try #require(backupNames(cli.directory).last)
        let broken = "snapshot-000000000099-20991231T235959Z.json"
        #expect(FileManager.default.createFile(
            atPath: cli.directory + "/backups/" + broken, contents: Data("{\"schemaVersion\":1,\"seq\":9".utf8),
            attributes: [.posixPermissions: 0o600]))
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("✗ LỖI: \(cli.directory)/backups/\(broken): bản sao lưu hỏng"), "\(check.standardOutput)")
        #expect(check.standardError.contains("Bản sao lưu gần nhất: \(good)"), "\(check.standardError)")
        #expect(!check.standardError.contains(broken))
        let list = try cli.ok("backup", "--list")
        #expect(list.contains(broken + "  20991231T235959Z") && list.contains("HỎNG"), "\(list)")
    }
}
