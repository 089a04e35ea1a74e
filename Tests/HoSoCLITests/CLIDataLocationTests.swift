import Foundation
import HoSoTestSupport
import Testing

@Suite("Where the data goes on a fresh account")
struct CLIDataLocationTests {
    @Test("hoso demo puts its data under $HOME/.local/share/hoso-demo, creating the missing folders private")
    func demoUnderHome() throws {
        let home = NSTemporaryDirectory() + "hoso-home-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try ChildProcess.run(
            [try hosoExecutablePath(), "demo", "--no-open", "--cases", "12", "--today", "2026-11-23"],
            environment: ["HOME": home, "XDG_DATA_HOME": "", "HOSO_DATA": ""])
        #expect(result.status == 0, "\(result.standardError)")
        let directory = home + "/.local/share/hoso-demo"
        #expect(FileManager.default.fileExists(atPath: directory + "/snapshot.json"))
        let mode = try FileManager.default.attributesOfItem(atPath: home + "/.local/share")[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(result.standardOutput.contains("Tổng số hồ sơ: 12"))
    }

    @Test("hoso init --data with missing parent folders creates them")
    func initNested() throws {
        let root = NSTemporaryDirectory() + "hoso-nested-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try ChildProcess.run(
            [try hosoExecutablePath(), "init", "--data", root + "/a/b/du-lieu", "--name", "Chi bộ 1", "--official", "5"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: root + "/a/b/du-lieu/snapshot.json"))
    }
}
