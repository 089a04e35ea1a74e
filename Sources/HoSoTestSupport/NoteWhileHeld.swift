import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import Synchronization

/// Two terminals note file HS-0001 at once, the first holding its store's write lock: the second's note is
/// sent from another thread while the first waits long enough for it to land if nothing held it back,
/// then notes the file itself. What a fresh reader saw while the lock was held, and what became of the
/// second's note (its file's notes joined by " | ", or "refused: …").
public enum NoteWhileHeld {
    public struct Outcome: Sendable {
        public let revisionWhileHeld: Int?
        public let second: String?
    }

    public static func run(
        first: CaseService, second: CaseService, day: CivilDate, reopen: @escaping @Sendable () -> Repository?
    ) throws(RepositoryError) -> Outcome {
        let secondOutcome = Mutex<String?>(nil)
        let group = DispatchGroup()
        let started = DispatchSemaphore(value: 0)
        let revisionWhileHeld = try first.repository.exclusively { () -> Int? in
            group.enter()
            Thread {
                started.signal()
                do throws(ServiceError) {
                    let saved = try second.edit(.addNote(text: "Ghi chú của bí thư."), on: "HS-0001", date: day, actor: "Bí thư Hùng")
                    secondOutcome.withLock { $0 = saved.notes.map(\.text).joined(separator: " | ") }
                } catch {
                    secondOutcome.withLock { $0 = "refused: \(error.message)" }
                }
                group.leave()
            }.start()
            started.wait()
            Thread.sleep(forTimeInterval: 0.3)
            _ = try? first.edit(.addNote(text: "Ghi chú của thư ký."), on: "HS-0001", date: day, actor: "Thư ký Lan")
            return reopen()?.revision(of: "HS-0001")
        }
        group.wait()
        return Outcome(revisionWhileHeld: revisionWhileHeld, second: secondOutcome.withLock { $0 })
    }
}
