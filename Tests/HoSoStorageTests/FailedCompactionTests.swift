#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage
import Testing

/// A save that makes a compaction due has already landed in the journal when the compaction runs: a
/// compaction that fails (a full disk) loses nothing, is recorded for the clerk's warning, and is
/// retried by the next save.
@Suite struct FailedCompactionTests {
    @Test func aFailedCompactionAfterASaveKeepsTheSaveAndIsRetried() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let options = StoreOptions(compactionThresholdEntries: 0)  // every save makes a compaction due
        let learning = temporary.path + "/learn"
        _ = try TestStore.create(at: learning, schemaVersion: 1)
        let recorder = FaultInjectingFileSystem()
        let learner = try TestStore.open(at: learning, supportedSchemaVersion: 1, fileSystem: recorder, options: options)
        recorder.reset()
        try learner.commit([change("a", nil, "a1")], actor: "An")
        // The save appends; only the compaction after it renames (the new snapshot into place).
        let rename = try #require(recorder.recordedCalls.firstIndex(of: .rename))

        let directory = temporary.path + "/store"
        _ = try TestStore.create(at: directory, schemaVersion: 1)
        let fileSystem = FaultInjectingFileSystem()
        let store = try TestStore.open(at: directory, supportedSchemaVersion: 1, fileSystem: fileSystem, options: options)
        fileSystem.arm(atCall: rename, .error(ENOSPC))
        try store.commit([change("a", nil, "a1")], actor: "An")
        #expect(fileSystem.faultedOperation == .rename)
        let failure = try #require(store.lastCompactionError)
        #expect(failure.message.hasPrefix("Ổ đĩa đã đầy"), "\(failure.message)")
        #expect(values(try TestStore.open(at: directory, supportedSchemaVersion: 1))["a"]?.text == "a1", "the save survived")

        fileSystem.reset()
        try store.commit([change("b", nil, "b1")], actor: "Bình")
        #expect(store.lastCompactionError == nil, "the next save compacted")
        #expect(fileSystem.recordedCalls.contains(.rename))
        let reopened = try TestStore.open(at: directory, supportedSchemaVersion: 1)
        #expect(values(reopened).mapValues(\.text) == ["a": "a1", "b": "b1"])
    }
}
