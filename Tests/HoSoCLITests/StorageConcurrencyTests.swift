import Foundation
import HoSoTestSupport
import Testing

/// What one `hoso case note` run did: which file, which text, and how it ended.
private struct NoteAttempt: Sendable {
    let caseID: String
    let text: String
    let status: Int32
    let standardError: String
}

/// Collects attempts from several threads.
private final class AttemptLog: @unchecked Sendable {
    private let lock = NSLock()
    private var attempts: [NoteAttempt] = []

    func append(_ attempt: NoteAttempt) { lock.withLock { attempts.append(attempt) } }
    var all: [NoteAttempt] { lock.withLock { attempts } }
}

@Suite("Two hoso processes writing at once")
struct StorageConcurrencyTests {
    @Test("Two processes add 50 notes each to a shared file and to their own: none is lost, failures say why, check passes")
    func twoProcessesAddNotes() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell()
        try cli.ok("case", "add", "--name", "Lê Văn Tám", "--born", "1999-02-01", "--sex", "nam", "--education", "university", "--date", "2024-01-10")
        try cli.ok("case", "add", "--name", "Phan Thị Hạnh", "--born", "2000-07-09", "--sex", "nu", "--education", "university", "--date", "2024-01-10")

        let binary = cli.binary
        let directory = cli.directory
        let log = AttemptLog()
        let notesPerProcess = 50
        // Each worker alternates between the shared file HS-0001 and a file only it writes to.
        let workers = [(name: "A", ownCase: "HS-0002"), (name: "B", ownCase: "HS-0003")]
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            let worker = workers[index]
            for number in 0..<notesPerProcess {
                let caseID = number.isMultiple(of: 2) ? "HS-0001" : worker.ownCase
                let text = "Nhận xét \(worker.name)-\(number)"
                let result: ChildProcess.Result
                do {
                    result = try ChildProcess.run([
                        binary, "case", "note", caseID, "--text", text, "--date", "2024-03-04",
                        "--data", directory,
                    ])
                } catch {
                    log.append(NoteAttempt(caseID: caseID, text: text, status: -1, standardError: "\(error)"))
                    continue
                }
                log.append(NoteAttempt(caseID: caseID, text: text, status: result.status, standardError: result.standardError))
            }
        }

        let attempts = log.all
        #expect(attempts.count == notesPerProcess * workers.count)
        var stored: [String: [String]] = [:]
        for caseID in ["HS-0001", "HS-0002", "HS-0003"] {
            let json = try cli.ok("case", "show", caseID, "--json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let notes = try #require(object["notes"] as? [[String: Any]])
            stored[caseID] = notes.compactMap { $0["text"] as? String }
        }
        for attempt in attempts {
            if attempt.status == 0 {
                #expect(stored[attempt.caseID]?.contains(attempt.text) == true, "\(attempt.text) was reported saved but is missing from \(attempt.caseID)")
            } else {
                #expect(attempt.status == 1, "\(attempt.text): exit \(attempt.status): \(attempt.standardError)")
                let isConflict = attempt.standardError.contains("vừa được") && attempt.standardError.contains("chưa được lưu")
                let isLockWait = attempt.standardError.contains("đang được") && attempt.standardError.contains("Chưa có gì thay đổi")
                #expect(isConflict || isLockWait, "\(attempt.text) failed without the conflict or lock message: \(attempt.standardError)")
                #expect(stored[attempt.caseID]?.contains(attempt.text) != true, "\(attempt.text) failed yet was saved")
            }
        }
        // Nothing appears that nobody reported saving, and no note is stored twice.
        for (caseID, texts) in stored {
            let saved = Set(attempts.filter { $0.caseID == caseID && $0.status == 0 }.map(\.text))
            #expect(Set(texts) == saved, "\(caseID)")
            #expect(texts.count == Set(texts).count, "\(caseID) has a duplicated note")
        }
        #expect(attempts.filter { $0.status == 0 }.count >= notesPerProcess, "most saves succeed")

        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }
}
