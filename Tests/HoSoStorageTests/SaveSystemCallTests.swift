#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import HoSoStorage
import Testing

/// A save does what its durability and the safety of several terminals need, and nothing else: these
/// tests look at its system calls, so a redundant one (a truncation) makes them fail.
@Suite struct SaveSystemCallTests {
    @Test func theLockHolderIsOverwrittenInPlaceAtOneSize() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let lockPath = temporary.store + "/store.lock"
        // A longer record (an unusual host name) is cut once, so that no stale bytes follow the new one.
        let long = try JSONEncoder().encode(LockHolder(pid: 1, user: "x", host: String(repeating: "h", count: 700), since: "2020-01-01T00:00:00Z"))
        writeFile(lockPath, Array(long))
        try store.commit([change("a", nil, "một")], actor: "An")
        func holder() throws -> LockHolder { try JSONDecoder().decode(LockHolder.self, from: Data(readFile(lockPath))) }
        #expect(try holder().pid == getpid())
        #expect(readFile(lockPath).count == StoreLock.holderRecordSize)
        var before = stat()
        lstat(lockPath, &before)

        // From then on the record is overwritten in place: same file, same size, never truncated.
        let recorder = FaultInjectingFileSystem()
        let other = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, fileSystem: recorder)
        recorder.reset()
        try other.commit([change("a", 1, "hai")], actor: "An")
        #expect(!recorder.recordedCalls.contains(.truncate))
        var after = stat()
        lstat(lockPath, &after)
        #expect(after.st_ino == before.st_ino && after.st_size == Int(StoreLock.holderRecordSize))
        #expect(try holder().pid == getpid())

        // A shorter record (as older versions wrote it) is wholly covered by the next one.
        writeFile(lockPath, Array(#"{"host":"vm","since":"2026-11-23T12:05:43Z","pid":26868,"user":"0"}"#.utf8))
        try store.commit([change("a", 2, "ba")], actor: "An")
        #expect(try holder().pid == getpid())
        #expect(readFile(lockPath).count == StoreLock.holderRecordSize)
        #expect(permissions(lockPath) == 0o600)
    }

    @Test func theHolderRecordIsJSONWhateverTheNames() throws {
        for name in ["lan", "", "a\"b\\c", "dòng\nmới\u{1}", String(repeating: "ư", count: 200)] {
            let holder = LockHolder(pid: 123, user: name, host: name + "-máy", since: "2026-11-23T12:05:43Z")
            let record = StoreLock.holderRecord(holder)
            #expect(try JSONDecoder().decode(LockHolder.self, from: Data(record)) == holder)
            #expect(record.count.isMultiple(of: StoreLock.holderRecordSize))
            #expect(record.last == UInt8(ascii: "\n") && record.filter { $0 == UInt8(ascii: "\n") }.count == 1)
        }
    }
}
