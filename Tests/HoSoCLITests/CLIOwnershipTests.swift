#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoTestSupport
import Testing

/// A run as root on a user's data directory (issue 14, item 5): refused before anything is written, and
/// what an earlier run left (a root-owned `audit.jsonl`) is reported by `check` and `people audit`.
@Suite("Data directories of another login, root included", .serialized)
struct CLIOwnershipTests {
    static let nobody = "nobody"

    /// `hoso ARGS --data DIR` run as the login `nobody` (uid 65534).
    func asNobody(_ cli: CLIWorkspace, _ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", cli.binary] + arguments + ["--data", cli.directory])
    }

    /// Paths under `directory` owned by another user id than `uid`.
    func files(in directory: String, notOwnedBy uid: uid_t) -> [String] {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            var status = stat()
            return lstat(directory + "/" + name, &status) == 0 && status.st_uid != uid
        }
    }

    /// A data directory made and owned by `nobody`, whose clerk is that login.
    func nobodysData() throws -> CLIWorkspace {
        try #require(geteuid() == 0, "running as another login (nobody) for this test needs root")
        let cli = try CLIWorkspace()
        let made = try asNobody(cli, ["init", "--name", "Chi bộ Khu phố 3", "--official", "8", "--clerk-id", "lan", "--clerk-name", "Thư ký Lan"])
        try #require(made.status == 0, "\(made.standardError)")
        return cli
    }

    @Test("Root is refused on another login's data directory, told to run as that login, and writes nothing (no root-owned audit.jsonl)")
    func rootIsRefused() throws {
        let cli = try nobodysData()
        let before = try cli.snapshotBytes()
        for arguments in [["case", "list"], ["check"], ["people", "audit"], ["restore", "snapshot-000000000001-20260101T000000Z.json"], ["init", "--name", "X", "--official", "3"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.standardError)")
            #expect(
                result.standardError.contains(
                    "Thư mục dữ liệu \(cli.directory) thuộc người dùng \(Self.nobody), không phải tài khoản đang chạy (\(SystemUserName.current)). "
                        + "Chưa đọc hay ghi gì. Hãy chạy HoSo bằng tài khoản \(Self.nobody) (ví dụ: sudo -u \(Self.nobody) hoso …)"),
                "\(arguments): \(result.standardError)")
        }
        #expect(files(in: cli.directory, notOwnedBy: 65534).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.directory + "/audit.jsonl"))
        #expect(try cli.snapshotBytes() == before)
    }

    @Test("Root making data inside another login's folder is refused and creates nothing there")
    func rootMakingDataInAnotherLoginsFolder() throws {
        try #require(geteuid() == 0, "changing a folder's owner for this test needs root")
        let folder = NSTemporaryDirectory() + "hoso-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(chown(folder, 65534, 65534) == 0)
        let data = folder + "/hoso"
        let result = try ChildProcess.run([try hosoExecutablePath(), "init", "--name", "Chi bộ", "--official", "3", "--data", data])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains("Thư mục \(folder) (chứa thư mục dữ liệu \(data)) thuộc người dùng \(Self.nobody)"),
            "\(result.standardError)")
        #expect(result.standardError.contains("sudo -u \(Self.nobody) hoso"))
        #expect(!FileManager.default.fileExists(atPath: data))
    }

    @Test("A root-owned audit.jsonl left in the owner's directory: check names it as an error, people audit says it cannot read it")
    func foreignAuditLogIsReported() throws {
        let cli = try nobodysData()
        // What one earlier run as root left behind.
        let log = cli.directory + "/audit.jsonl"
        #expect(FileManager.default.createFile(atPath: log, contents: Data("{}\n".utf8), attributes: [.posixPermissions: 0o600]))
        #expect(chown(log, 0, 0) == 0)

        let check = try asNobody(cli, ["check"])
        #expect(check.status == 1, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("✗ LỖI: \(log): thuộc người dùng root, không phải chủ thư mục dữ liệu (\(Self.nobody))"), "\(check.standardOutput)")
        #expect(check.standardOutput.contains("sudo chown \(Self.nobody) \(log)"))
        #expect(check.standardOutput.contains("✗ LỖI: \(log): không đọc được"), "\(check.standardOutput)")

        let audit = try asNobody(cli, ["people", "audit"])
        #expect(audit.status == 1, "\(audit.standardOutput)")
        #expect(audit.standardError.contains("Không đọc được nhật ký an ninh \(log)"), "\(audit.standardError)")
        #expect(audit.standardError.contains("hoso check"))
    }
}
