import Foundation
import Synchronization
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// A command is read, decided and committed with the store's lock held throughout: another save waits
/// for it instead of slipping in between, so no command is refused (or retried) for a save made while
/// it was being decided.
@Suite("Commands decided under the store's lock")
struct DecidedUnderLockTests {
    /// Starts `save` on another thread while the caller still holds the lock; the group is left when it ends.
    private func startElsewhere(_ group: DispatchGroup, _ save: @escaping @Sendable () -> Void) {
        let started = DispatchSemaphore(value: 0)
        group.enter()
        Thread {
            started.signal()
            save()
            group.leave()
        }.start()
        started.wait()
    }

    @Test("Another instance's save waits while a decision is held, then meets the decided change as a conflict")
    func anotherSaveWaitsForTheDecision() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let deciding = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try deciding.commit([change("a", nil, "v1")], actor: "Lan")
        let other = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        let othersOutcome = Mutex<StoreError?>(nil)
        let group = DispatchGroup()

        let decided = try deciding.exclusively { () -> Result<Int, StoreError> in
            let seen = deciding.record(id: "a")?.revision
            startElsewhere(group) {
                do throws(StoreError) {
                    try other.commit([change("a", 1, "from the other terminal")], actor: "Hùng")
                } catch {
                    othersOutcome.withLock { $0 = error }
                }
            }
            // Long enough for the other save to land if nothing held it back.
            Thread.sleep(forTimeInterval: 0.3)
            do throws(StoreError) {
                return .success(try deciding.commit([change("a", seen, "decided on v1")], actor: "Lan")[0].revision)
            } catch {
                return .failure(error)
            }
        }
        group.wait()

        #expect(try decided.get() == 2, "the decision commits on what it read: nothing landed in between")
        guard case .conflict(id: "a", expected: 1, actual: 2, changedBy: "Lan", changedAt: _)? = othersOutcome.withLock({ $0 }) else {
            Issue.record("the waiting save should meet the decided change: \(String(describing: othersOutcome.withLock { $0 }))")
            return
        }
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).record(id: "a")?.value.text == "decided on v1")
    }

    @Test("A decision reads what another instance committed before it began, and may nest")
    func decisionReadsFreshDataAndNests() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let deciding = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try deciding.commit([change("a", nil, "v1")], actor: "Lan")
        let other = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        try other.commit([change("a", 1, "v2")], actor: "Hùng")

        let seen = try deciding.exclusively { () -> (String?, String?) in
            let outer = deciding.record(id: "a")?.value.text
            let inner = try? deciding.exclusively { () -> String? in
                _ = try? deciding.commit([change("b", nil, "nested")], actor: "Lan")
                return deciding.record(id: "b")?.value.text
            }
            return (outer, inner ?? nil)
        }
        #expect(seen.0 == "v2")
        #expect(seen.1 == "nested")
        // The lock was given back: another instance saves at once.
        try other.commit([change("c", nil, "after")], actor: "Hùng")
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).records.count == 3)
    }

    @Test("Two terminals note the same file at once: the second waits, then is decided on the first's version, not refused")
    func serviceWaitsInsteadOfConflicting() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let first = CaseService(repository: try workspace.create())
        let second = CaseService(repository: try workspace.open())
        let outcome = try NoteWhileHeld.run(first: first, second: second, day: RepositoryWorkspace.day) { try? workspace.open() }
        #expect(outcome.revisionWhileHeld == 2, "only the holder's note was saved while it held the store")
        #expect(outcome.second == "Ghi chú của thư ký. | Ghi chú của bí thư.")
        #expect(try workspace.open().caseFile("HS-0001")?.notes.map(\.text) == ["Ghi chú của thư ký.", "Ghi chú của bí thư."])
    }
}

/// A command is decided with the person's roles as stored when it runs, not as they were at sign-in: a
/// role revoked in another terminal meanwhile no longer acts (issue 15, "bad input and faults").
@Suite("A role revoked while the person's terminal is open")
struct RevokedMeanwhileTests {
    @Test("A mentor whose role the clerk revoked meanwhile is refused the note that was allowed before, and nothing is written")
    func revokedMentorIsRefused() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        let file = try Fixtures.file(in: .sympathizer).file
        let mentorID = try #require(file.activeMentors.first?.memberID)
        let clerk = Account(id: "lan", fullName: "Trần Thị Lan", systemUser: "lan", grants: [RoleGrant(.clerk, in: Fixtures.cellID)])
        let mentor = Account(id: "hung", fullName: "Trần Văn Hùng", memberID: mentorID, grants: [RoleGrant(.mentor, in: Fixtures.cellID)])
        let mentorsTerminal = try Repository.create(
            at: workspace.directory, units: [Fixtures.cell()], members: Fixtures.members, cases: [file], accounts: [clerk, mentor],
            actor: "Kiểm thử")
        let mentorService = CaseService(
            repository: mentorsTerminal, access: Access(account: mentor, organisation: mentorsTerminal.organisation), systemUser: "hung")
        let day = Fixtures.date("2024-06-03")
        try mentorService.edit(.addNote(text: "Trước khi bị thu hồi."), on: file.id, date: day, actor: mentor.signature)

        let clerksTerminal = try workspace.open()
        let people = PeopleService(
            repository: clerksTerminal, access: Access(account: clerk, organisation: clerksTerminal.organisation), systemUser: "lan")
        try people.revoke(RoleGrant(.mentor, in: Fixtures.cellID), from: "hung", actor: clerk.signature)

        let refusal = expectServiceError { () throws(ServiceError) in
            try mentorService.edit(.addNote(text: "Sau khi bị thu hồi."), on: file.id, date: day, actor: mentor.signature)
        }
        guard case .workflow(.notPermitted(let refused))? = refusal else {
            Issue.record("expected a refusal for the revoked role, got \(String(describing: refusal))")
            return
        }
        #expect(refused.account == "hung")
        #expect(try workspace.open().caseFile(file.id)?.notes.map(\.text) == ["Trước khi bị thu hồi."])
    }
}
