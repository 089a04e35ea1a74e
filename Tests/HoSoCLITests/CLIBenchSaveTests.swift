import Foundation
import HoSoTestSupport
import Testing

@Suite("hoso bench: saves")
struct CLIBenchSaveTests {
    /// The save figures compare like with like: as many floor samples as saves, taken in turn with them.
    @Test("--saves N makes N durable saves and takes N floor samples, and leaves no floor file behind")
    func savesAndFloorSamples() throws {
        let directory = NSTemporaryDirectory() + "hoso-bench-saves-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let created = try ChildProcess.run([try hosoExecutablePath(), "bench", "--cases", "20", "--dir", directory, "--create-only"])
        #expect(created.status == 0, "\(created.standardError)")
        let run = try ChildProcess.run([try hosoExecutablePath(), "bench", "--cases", "20", "--dir", directory, "--saves", "37", "--long-history", "0", "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(figures["saveCount"] as? Int == 37)
        func seconds(_ key: String) -> Double { figures[key] as? Double ?? -1 }
        #expect(seconds("saveFirst") > 0)
        #expect(0 < seconds("saveP50") && seconds("saveP50") <= seconds("saveP99") && seconds("saveP99") <= seconds("saveMax"))
        #expect(0 < seconds("floorP50") && seconds("floorP50") <= seconds("floorP99") && seconds("floorP99") <= seconds("floorMax"))
        // More saves than open files: they go round the files again, each one a journal line.
        let journal = FileManager.default.contents(atPath: directory + "/journal/000001.jsonl") ?? Data()
        #expect(journal.filter { $0 == UInt8(ascii: "\n") }.count == 37)
        #expect(!FileManager.default.fileExists(atPath: directory + "/.floor"))
        let checked = try ChildProcess.run([try hosoExecutablePath(), "check", "--data", directory])
        #expect(checked.status == 0, "\(checked.standardOutput)\(checked.standardError)")
    }

    @Test("--long-history N grows one file's history to N entries, then times its saves beside the floor")
    func longHistory() throws {
        let directory = NSTemporaryDirectory() + "hoso-bench-history-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try ChildProcess.run([try hosoExecutablePath(), "bench", "--cases", "20", "--dir", directory, "--create-only"]).status == 0)
        let run = try ChildProcess.run(
            [try hosoExecutablePath(), "bench", "--cases", "20", "--dir", directory, "--saves", "6", "--long-history", "60", "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(figures["longHistoryEntries"] as? Int == 60)
        func seconds(_ key: String) -> Double { figures[key] as? Double ?? -1 }
        #expect(0 < seconds("longHistorySaveP50") && seconds("longHistorySaveP50") <= seconds("longHistorySaveP99"))
        #expect(seconds("longHistoryFloorP99") > 0)
        let checked = try ChildProcess.run([try hosoExecutablePath(), "check", "--data", directory])
        #expect(checked.status == 0, "\(checked.standardOutput)\(checked.standardError)")
    }
}
