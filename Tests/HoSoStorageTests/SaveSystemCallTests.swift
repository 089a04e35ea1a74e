#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

/// A save does what its durability and the safety of several terminals need, and nothing else: these
/// tests list its system calls, so a redundant one (a second `stat`, a truncation) makes them fail.
@Suite struct SaveSystemCallTests {
    struct Paths {
        let lock: String
        let segment: String
        let next: String
        let head: String

        init(_ directory: String, segment number: Int = 1) {
            lock = directory + "/store.lock"
            segment = StoreLayout(directory: directory).segment(number)
            next = StoreLayout(directory: directory).segment(number + 1)
            head = StoreLayout(directory: directory).journalHead
        }
    }

    @Test func aSaveWithNothingNewToReadMakesFifteenCalls() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let recorder = FaultInjectingFileSystem()
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, fileSystem: recorder)
        try store.commit([change("a", nil, "một")], actor: "An")
        recorder.reset()
        try store.commit([change("a", 1, "hai")], actor: "An")
        let paths = Paths(temporary.store)
        #expect(recorder.recordedCallsWithPaths == [
            // Take the lock and say who holds it (written in place: no truncation).
            "open \(paths.lock)", "stat \(paths.lock)", "lock \(paths.lock)", "write \(paths.lock)",
            // Under the lock: nothing appended by others, no newer segment.
            "stat \(paths.segment)", "stat \(paths.next)",
            // The commit: one line appended and synced; its size and time read on the open file.
            "open \(paths.segment)", "write \(paths.segment)", "fsync \(paths.segment)", "stat \(paths.segment)",
            "close \(paths.segment)",
            // Then, the line synced, the head remembers how far the journal got (in place, not synced).
            "open \(paths.head)", "write \(paths.head)", "close \(paths.head)",
            "close \(paths.lock)",
        ])
        // Its own save is no news to the store: nothing is read again.
        recorder.reset()
        #expect(!store.hasExternalChanges())
        #expect(try !store.refresh())
        #expect(!recorder.recordedCalls.contains(.open) && !recorder.recordedCalls.contains(.read))
    }

    @Test func aSaveAfterAnotherTerminalsSaveReadsItUnderTheLockThenAppends() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let other = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let recorder = FaultInjectingFileSystem()
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, fileSystem: recorder)
        try other.commit([change("a", nil, "khác")], actor: "Bình")
        recorder.reset()
        try store.commit([change("b", nil, "của tôi")], actor: "An")
        let paths = Paths(temporary.store)
        let calls = recorder.recordedCallsWithPaths
        // The other terminal's line is read under the lock, before the append.
        let read = try #require(calls.firstIndex(of: "read \(paths.segment)"))
        let appended = try #require(calls.firstIndex(of: "fsync \(paths.segment)"))
        #expect(read < appended)
        #expect(calls.filter { $0 == "stat \(paths.next)" }.count == 1)
        #expect(!calls.contains { $0.hasPrefix("truncate") })
        #expect(values(store) == ["a": TestValue(text: "khác", counter: 0), "b": TestValue(text: "của tôi", counter: 0)])
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(values(reopened) == values(store))
    }

    @Test func aTornTailIsStillCutUnderTheLockBeforeTheAppend() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "một")], actor: "An")
        let segment = StoreLayout(directory: temporary.store).segment(1)
        let whole = readFile(segment)
        // Appended in place, as a process killed mid-append leaves it.
        let descriptor = open(segment, O_WRONLY | O_APPEND | O_CLOEXEC)
        #expect(Array(#"{"entry":{"actor":"Bình","cha"#.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } > 0)
        close(descriptor)
        #expect(store.check().map(\.severity) == [.repairable])
        try store.commit([change("a", 1, "hai")], actor: "An")
        let lines = readFile(segment).split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 2)
        #expect(Array(readFile(segment).prefix(whole.count)) == whole)
        #expect(store.check().isEmpty)
    }

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

/// A store read without the lock while another terminal folds the journal into a new segment.
@Suite struct LoadRaceTests {
    @Test func anOpenThatMeetsAnotherTerminalsCompactionLoadsAgainInsteadOfCallingTheJournalCorrupt() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let other = try TestStore.create(at: temporary.store, schemaVersion: 1)
        for step in 0..<5 { try other.commit([change("r\(step)", nil, "v")], actor: "Bình") }
        let hooked = FaultInjectingFileSystem()
        // After the opening store read segment 1 to its end, and before it looks for segment 2: a line is
        // appended to segment 1, the journal is folded into a new snapshot, segment 2 gets a line.
        hooked.beforeFirstStatus(of: StoreLayout(directory: temporary.store).segment(2)) {
            try? other.commit([change("late", nil, "v")], actor: "Bình")
            try? other.compact()
            try? other.commit([change("after", nil, "v")], actor: "Bình")
        }
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, fileSystem: hooked)
        #expect(other.sequence == 7)
        #expect(store.sequence == other.sequence)
        #expect(values(store) == values(other))
        #expect(store.check().isEmpty)
    }

    /// Found by four CLI processes saving at once: the compaction leaves the new segment empty, so nothing
    /// in it tells the reader it missed segment 1's last line; its next save then forked the chain (two
    /// entries with one number, the earlier one's change lost to every later reader).
    @Test func anOpenThatMeetsACompactionWithAnEmptyNewSegmentStillReadsTheLastLine() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let other = try TestStore.create(at: temporary.store, schemaVersion: 1)
        for step in 0..<5 { try other.commit([change("r\(step)", nil, "v")], actor: "Bình") }
        let hooked = FaultInjectingFileSystem()
        hooked.beforeFirstStatus(of: StoreLayout(directory: temporary.store).segment(2)) {
            try? other.commit([change("late", nil, "v")], actor: "Bình")
            try? other.compact()
        }
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1, fileSystem: hooked)
        #expect(store.sequence == 6, "the line appended just before the compaction is read")
        #expect(store.record(id: "late") != nil)
        try store.commit([change("mine", nil, "v")], actor: "An")
        let fresh = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(fresh.sequence == 7 && fresh.record(id: "late") != nil && fresh.record(id: "mine") != nil)
        #expect(fresh.check().isEmpty, "\(fresh.check())")
    }

    @Test func aJournalThatIsReallyCorruptIsStillRefused() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        for step in 0..<3 { try store.commit([change("r\(step)", nil, "v")], actor: "An") }
        let segment = StoreLayout(directory: temporary.store).segment(1)
        var lines = readFile(segment).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines.swapAt(0, 1)
        writeFile(segment, Array(lines.joined(separator: [UInt8(ascii: "\n")])))
        let error = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        guard case .corruptFile(let path, let line, _)? = error else {
            Issue.record("expected corruptFile, got \(String(describing: error))")
            return
        }
        #expect(path == segment && line == 1)
    }
}
