import Foundation
import HoSoTestSupport
import Testing

@Suite("hoso bench")
struct CLIBenchTests {
    /// Benchmarks/run.sh creates the data in one process and measures in another.
    @Test("--create-only writes the demo once, into the snapshot, and measures nothing")
    func createOnly() throws {
        let directory = NSTemporaryDirectory() + "hoso-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let created = try ChildProcess.run([try hosoExecutablePath(), "bench", "--cases", "25", "--dir", directory, "--create-only", "--json"])
        #expect(created.status == 0, "\(created.standardError)")
        let figures = try JSONSerialization.jsonObject(with: Data(created.standardOutput.utf8)) as? [String: Any]
        #expect(figures?["generateSeconds"] != nil && figures?["createSeconds"] != nil)
        #expect(figures?["firstFrameSeconds"] as? Double == 0, "nothing measured")
        #expect(FileManager.default.contents(atPath: directory + "/journal/000001.jsonl")?.isEmpty == true, "no save was made")
        let listed = try ChildProcess.run([try hosoExecutablePath(), "case", "list", "--data", directory, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [Any])?.count == 25)

        // A second run finds the data and creates nothing.
        let again = try ChildProcess.run([try hosoExecutablePath(), "bench", "--cases", "25", "--dir", directory, "--create-only", "--json"])
        let second = try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any]
        #expect(second?["generateSeconds"] == nil)
    }
}
