import Foundation
import HoSoTestSupport
import Testing

/// Where a CLI test keeps its data: a data directory, or a database of the test process's PostgreSQL server.
enum CLIBackend: String, CaseIterable, CustomTestStringConvertible {
    case directory, server
    var testDescription: String { self == .directory ? "thư mục dữ liệu" : "máy chủ PostgreSQL" }
}

/// A temporary data directory (or server database) and a way to run the real `hoso` binary on it.
final class CLIWorkspace {
    /// The `--data` value: a directory path, or a `postgresql://` address.
    let directory: String
    let binary: String

    init(_ backend: CLIBackend = .directory) throws {
        directory = switch backend {
        case .directory: NSTemporaryDirectory() + "hoso-cli-\(UUID().uuidString)"
        case .server: try PostgresCluster.shared.get().makeDatabase("cli")
        }
        binary = try hosoExecutablePath()
    }

    deinit { if directory.hasPrefix("/") { try? FileManager.default.removeItem(atPath: directory) } }

    /// Runs `hoso ARGS --data DIR` as the clerk the workspace's `init` made of the OS login.
    @discardableResult
    func run(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildProcess.Result {
        try ChildProcess.run([binary] + arguments + ["--data", directory])
    }

    /// Runs and expects exit 0, recording stderr on failure.
    @discardableResult
    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try ChildProcess.run([binary] + arguments + ["--data", directory])
        #expect(result.status == 0, "hoso \(arguments.joined(separator: " ")) → \(result.status): \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    func state(of id: String) throws -> String {
        let json = try ok("case", "show", id, "--json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["state"] as? String ?? "?"
    }

    func snapshotBytes() throws -> Data {
        var all = Data()
        let files = try FileManager.default.subpathsOfDirectory(atPath: directory).sorted()
        // The audit log grows on purpose when input is refused; the data must not.
        for file in files where !file.hasPrefix("store.lock") && file != "audit.jsonl" {
            all.append(FileManager.default.contents(atPath: directory + "/" + file) ?? Data())
        }
        return all
    }

    /// A cell of 8 official members (1 exempt) with three members and one candidate, HS-0001.
    func setUpCell(born: String = "1998-04-12", nominated: String = "2024-01-10") throws {
        try ok("init", "--name", "Chi bộ Khu phố 3", "--parent", "Đảng ủy phường Xuân Hòa", "--official", "8", "--exempt", "1", "--committee", "9",
               "--clerk-id", "lan", "--clerk-name", "Thư ký Lan")
        try ok("member", "add", "--id", "M001", "--name", "Trần Văn Hùng", "--official-since", "2001-05-19")
        try ok("member", "add", "--id", "M002", "--name", "Lê Thị Mai", "--official-since", "2010-02-03")
        try ok("member", "add", "--id", "M003", "--name", "Phạm Quốc Bảo", "--official-since", "2015-09-02")
        try ok("case", "add", "--name", "Nguyễn Thị Ánh", "--born", born, "--sex", "nu", "--education", "university", "--date", nominated)
    }
}
