#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage
import Testing

/// Every system call of a save, compaction and backup fails in turn, with every relevant fault: the
/// previous state always survives, the error names the failed step, and a save that reported
/// success is complete.
@Suite struct FaultTests {
    enum Operation: String, CaseIterable {
        case commit, compact, backup
    }

    static func faults(for operation: FileOperation) -> [FaultInjectingFileSystem.Fault] {
        switch operation {
        case .write: [.error(ENOSPC), .error(EIO), .shortWrite, .shortWriteThenError(ENOSPC)]
        case .open, .rename, .link, .mkdir: [.error(ENOSPC), .error(EIO)]
        default: [.error(EIO)]
        }
    }

    /// A store with records in the snapshot and in the journal tail.
    static func makeBaseline(_ directory: String) throws -> [String: TestValue] {
        let store = try TestStore.create(at: directory, schemaVersion: 1)
        try store.commit([change("a", nil, "a1"), change("b", nil, "b1")], actor: "An")
        try store.compact()
        try store.commit([change("a", 1, "a2")], actor: "An")
        return values(store)
    }

    static func run(_ operation: Operation, on store: TestStore) throws(StoreError) {
        switch operation {
        case .commit: try store.commit([change("b", 1, "b2"), change("c", nil, "c1")], actor: "Bình")
        case .compact: try store.compact()
        case .backup: try store.backup()
        }
    }

    @Test(arguments: Operation.allCases)
    func everyFailingStepLeavesTheOldStateIntact(_ operation: Operation) throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        // Learn the calls the operation makes.
        let learning = temporary.path + "/learn"
        let old = try Self.makeBaseline(learning)
        let recorder = FaultInjectingFileSystem()
        let learner = try TestStore.open(at: learning, supportedSchemaVersion: 1, fileSystem: recorder)
        recorder.reset()
        try Self.run(operation, on: learner)
        let calls = recorder.recordedCalls
        let new = values(learner)
        #expect(calls.contains(.fsync) && calls.contains(.write))

        var injected = 0
        var failedSaves = 0
        for (index, call) in calls.enumerated() {
            for fault in Self.faults(for: call) {
                injected += 1
                let directory = temporary.path + "/run-\(index)-\(injected)"
                _ = try Self.makeBaseline(directory)
                let fileSystem = FaultInjectingFileSystem()
                let store = try TestStore.open(at: directory, supportedSchemaVersion: 1, fileSystem: fileSystem)
                fileSystem.arm(atCall: index, fault)
                let context = "\(operation) call \(index) (\(call)) \(fault)"
                do {
                    try Self.run(operation, on: store)
                    if operation == .commit { #expect(values(store) == new, "\(context)") }
                } catch {
                    failedSaves += 1
                    let hit = fileSystem.faultedOperation ?? call
                    let expectedStep: FileOperation = if case .shortWriteThenError = fault { .write } else { hit }
                    #expect(error.failedStep == expectedStep, "\(context): \(error)")
                    if case .error(ENOSPC) = fault { #expect(error.message.hasPrefix("Ổ đĩa đã đầy"), "\(context)") }
                    if case .diskFailure(_, _, _, let rolledBack) = error { #expect(rolledBack, "\(context)") }
                    if case .diskFull(_, _, let rolledBack) = error { #expect(rolledBack, "\(context)") }
                    if operation == .commit { #expect(values(store) == old, "\(context): memory changed on failure") }
                }
                let reopened = try TestStore.open(at: directory, supportedSchemaVersion: 1)
                let after = values(reopened)
                #expect(after == old || after == new, "\(context): a mix of old and new")
                #expect(reopened.check().filter { $0.severity == .error }.isEmpty, "\(context): \(reopened.check())")
                // A later save on the real disk works and repairs whatever the failure left.
                try reopened.commit([change("z", nil, "later")], actor: "An")
                #expect(try TestStore.open(at: directory, supportedSchemaVersion: 1).record(id: "z") != nil, "\(context)")
                #expect(reopened.check().isEmpty, "\(context): \(reopened.check())")
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        #expect(failedSaves > 0)
        print("fault test \(operation): \(calls.count) calls, \(injected) faults injected, \(failedSaves) reported as failed saves")
    }
}
