import Foundation
import HoSoTestSupport
import Testing

@Suite("A report's -o FILE: never into the data, never over a file without --force, written whole and private")
struct CLIReportOutputTests {
    /// A cell with its data, and an empty folder beside it for the reports (removed by `tearDown`).
    func setUp() throws -> (cli: CLIWorkspace, folder: String) {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        let folder = cli.directory + "-out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        return (cli, folder)
    }

    func tearDown(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    func expectRefusedIntoTheData(_ cli: CLIWorkspace, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try cli.snapshotBytes()
        let result = try cli.run(arguments)
        #expect(result.status == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains("thư mục dữ liệu HoSo"), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains("Chưa ghi gì (kể cả với --force)"), sourceLocation: sourceLocation)
        #expect(try cli.snapshotBytes() == before, sourceLocation: sourceLocation)
        #expect(try cli.ok("case", "list").contains("HS-0001"), sourceLocation: sourceLocation)
    }

    @Test("Onto snapshot.json, even with --force, even through .. : refused, the data intact")
    func ontoTheStore() throws {
        let (cli, folder) = try setUp()
        defer { tearDown(folder) }
        let name = (cli.directory as NSString).lastPathComponent
        for arguments in [
            ["report", "quota", "-o", cli.directory + "/snapshot.json"],
            ["report", "rate", "-o", cli.directory + "/snapshot.json", "--force"],
            ["report", "pipeline", "--output", cli.directory + "/../" + name + "/journal/segment", "--force"],
            ["report", "period", "--period", "Y", "-o", cli.directory + "/backups/new.txt"],
        ] {
            try expectRefusedIntoTheData(cli, arguments)
        }
    }

    @Test("Through a symbolic link that leads into the data: refused, the link left as it was")
    func throughASymbolicLink() throws {
        let (cli, folder) = try setUp()
        defer { tearDown(folder) }
        let link = folder + "/report.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.directory + "/snapshot.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/data", withDestinationPath: cli.directory)
        try expectRefusedIntoTheData(cli, ["report", "quota", "-o", link, "--force"])
        try expectRefusedIntoTheData(cli, ["report", "quota", "-o", folder + "/data/new.txt"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == cli.directory + "/snapshot.json")
    }

    @Test("Into another HoSo data directory than the one reported on: refused too")
    func intoAnotherStore() throws {
        let (cli, folder) = try setUp()
        defer { tearDown(folder) }
        let other = try CLIWorkspace()
        try other.ok("init", "--name", "Chi bộ 2", "--official", "5")
        let before = try other.snapshotBytes()
        let result = try cli.run("report", "quota", "-o", other.directory + "/snapshot.json", "--force")
        #expect(result.status == 1)
        #expect(result.standardError.contains("thư mục dữ liệu HoSo \(other.directory)"), "\(result.standardError)")
        #expect(try other.snapshotBytes() == before)
    }

    @Test("As the viewer, whose reports are read-only, the data is refused as well")
    func asTheViewer() throws {
        let (cli, folder) = try setUp()
        defer { tearDown(folder) }
        try cli.ok("people", "add", "xem", "--name", "Cán bộ Cấp Trên", "--role", "viewer")
        let setPassphrase = try ChildProcess.run(
            [cli.binary, "people", "passphrase", "xem", "--data", cli.directory], environment: ["HOSO_NEW_PASSPHRASE": "chi-xem-2026"])
        #expect(setPassphrase.status == 0)
        let before = try cli.snapshotBytes()
        let result = try ChildProcess.run(
            [cli.binary, "report", "quota", "-o", cli.directory + "/snapshot.json", "--force", "--data", cli.directory, "--as", "xem"],
            environment: ["HOSO_PASSPHRASE": "chi-xem-2026"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("thư mục dữ liệu HoSo"))
        #expect(try cli.snapshotBytes() == before)
    }

    @Test("An existing file is kept without --force, replaced with it; the report is 0600 and no temporary file is left")
    func existingFile() throws {
        let (cli, folder) = try setUp()
        defer { tearDown(folder) }
        let path = folder + "/bao-cao.csv"
        try Data("giữ nguyên\n".utf8).write(to: URL(fileURLWithPath: path))
        let kept = try cli.run("report", "quota", "--format", "csv", "-o", path)
        #expect(kept.status == 1)
        #expect(kept.standardError.contains("Tệp \(path) đã có. Chưa ghi gì. Hãy chọn tên tệp khác, hoặc thêm --force"), "\(kept.standardError)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "giữ nguyên\n")

        let replaced = try cli.run("report", "quota", "--format", "csv", "-o", path, "--force")
        #expect(replaced.status == 0, "\(replaced.standardError)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Chi bộ Khu phố 3"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["bao-cao.csv"])
    }

    @Test("A new file is written 0600; a missing folder or a directory as the file is refused", arguments: [
        ("thiếu/bao-cao.txt", 1, "Không có thư mục"),
        (".", 1, "là thư mục, không phải tệp"),
        ("bao-cao.txt", 0, "đã ghi báo cáo vào"),
    ])
    func newFile(_ name: String, _ status: Int32, _ message: String) throws {
        let (cli, folder) = try setUp()
        defer { tearDown(folder) }
        let result = try cli.run("report", "pipeline", "-o", folder + "/" + name)
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.standardError.contains(message))
        if status == 0 {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8).hasPrefix("MẬT"))
        }
    }
}
