import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// On a server, a command is decided under the database's advisory lock of HoSo's commands: another
/// client's command waits for it instead of being decided on data that is about to change.
@Suite("Commands decided under the server's lock")
struct PostgresDecidedUnderLockTests {
    @Test("Two clients note the same file at once: the second waits, then is decided on the first's version, not refused")
    func secondClientWaitsInsteadOfConflicting() throws {
        let workspace = try ServerWorkspace()
        let first = CaseService(repository: try workspace.create())
        let second = CaseService(repository: try workspace.open())
        let outcome = try NoteWhileHeld.run(first: first, second: second, day: ServerWorkspace.day) { try? workspace.open() }
        #expect(outcome.revisionWhileHeld == 2, "only the holder's note was committed while it held the lock")
        #expect(outcome.second == "Ghi chú của thư ký. | Ghi chú của bí thư.")
        let fresh = try workspace.open()
        #expect(fresh.caseFile("HS-0001")?.notes.map(\.text) == ["Ghi chú của thư ký.", "Ghi chú của bí thư."])
        #expect(fresh.check().errors.isEmpty, "\(fresh.check().errors)")
    }
}
