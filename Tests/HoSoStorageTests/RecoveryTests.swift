#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage
import Testing

/// A store that no longer opens comes back from a backup, its damaged files kept aside; a complete last
/// line that fails its hash is tampering, not a torn write.
@Suite struct RecoveryTests {
    /// Records a1, b1 folded into a snapshot, a backup of that state, then three lines in segment 2.
    static func makeStore(_ temporary: TemporaryDirectory) throws -> (backup: BackupInfo, atBackup: [String: TestValue]) {
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "a1"), change("b", nil, "b1")], actor: "An")
        try store.compact()
        let backup = try store.backup(now: Date(timeIntervalSince1970: 1_800_000_000))
        let atBackup = values(store)
        try store.commit([change("a", 1, "a2")], actor: "An")
        try store.commit([change("b", 1, "b2")], actor: "An")
        try store.commit([change("c", nil, "c1")], actor: "An")
        return (backup, atBackup)
    }

    static func segment(_ temporary: TemporaryDirectory) -> String { temporary.store + "/journal/000002.jsonl" }

    /// Changes one byte of line `index` (0-based) of the current segment, keeping every newline.
    static func tamper(line index: Int, _ temporary: TemporaryDirectory) {
        var lines = String(decoding: readFile(segment(temporary)), as: UTF8.self).split(separator: "\n").map(String.init)
        lines[index] = lines[index].replacingOccurrences(of: "\"actor\":\"An\"", with: "\"actor\":\"Ai\"")
        writeFile(segment(temporary), Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The offline restore brings the backup's state back and keeps every damaged byte in `damaged-*/`.
    static func expectRestored(_ temporary: TemporaryDirectory, _ made: (backup: BackupInfo, atBackup: [String: TestValue]), sourceLocation: SourceLocation = #_sourceLocation) throws {
        let damagedSnapshot = readFile(temporary.store + "/snapshot.json")
        let damagedSegment = readFile(segment(temporary))
        let result = try TestStore.restoreDamagedStore(at: temporary.store, fromBackup: made.backup.name, schemaVersion: 1, now: Date(timeIntervalSince1970: 1_900_000_000))
        #expect(result.damagedDirectory == temporary.store + "/damaged-20300317T174640Z", sourceLocation: sourceLocation)
        #expect(permissions(result.damagedDirectory) == 0o700, sourceLocation: sourceLocation)
        #expect(permissions(result.damagedDirectory + "/journal") == 0o700, sourceLocation: sourceLocation)
        for file in ["snapshot.json", "journal/000001.jsonl", "journal/000002.jsonl"] {
            #expect(permissions(result.damagedDirectory + "/" + file) == 0o600, "\(file)", sourceLocation: sourceLocation)
        }
        #expect(readFile(result.damagedDirectory + "/snapshot.json") == damagedSnapshot, sourceLocation: sourceLocation)
        #expect(readFile(result.damagedDirectory + "/journal/000002.jsonl") == damagedSegment, sourceLocation: sourceLocation)
        #expect(readFile(temporary.store + "/snapshot.json") == readFile(temporary.store + "/backups/" + made.backup.name), sourceLocation: sourceLocation)

        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(values(store) == made.atBackup, sourceLocation: sourceLocation)
        let problems = store.check()
        #expect(problems.map(\.severity) == [.note], "\(problems)", sourceLocation: sourceLocation)
        #expect(problems.first?.message.contains("damaged-20300317T174640Z") == true, sourceLocation: sourceLocation)
        // The chain goes on from the backup: a save after the restore verifies, and the history of the
        // restored record starts again after it.
        try store.commit([change("d", nil, "d1")], actor: "An")
        #expect(store.check().map(\.severity) == [.note], "\(store.check())", sourceLocation: sourceLocation)
        try store.compact()
        try store.commit([change("d", 1, "d2")], actor: "An")
        #expect(store.check().map(\.severity) == [.note], "\(store.check())", sourceLocation: sourceLocation)
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).record(id: "d")?.revision == 2, sourceLocation: sourceLocation)
    }

    @Test func corruptMiddleLineIsReplacedByTheBackup() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let made = try Self.makeStore(temporary)
        Self.tamper(line: 1, temporary)
        _ = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        try Self.expectRestored(temporary, made)
    }

    @Test func truncatedSnapshotIsReplacedByTheBackup() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let made = try Self.makeStore(temporary)
        let path = temporary.store + "/snapshot.json"
        writeFile(path, Array(readFile(path).prefix(100)))
        try Self.expectRestored(temporary, made)
    }

    @Test func aSoundStoreIsNotReplaced() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let made = try Self.makeStore(temporary)
        let before = fileFingerprints(temporary.store)
        let error = expectStoreError { () throws(StoreError) in
            _ = try TestStore.restoreDamagedStore(at: temporary.store, fromBackup: made.backup.name, schemaVersion: 1)
        }
        #expect(error == .storeNotDamaged(path: temporary.store))
        #expect(error?.message.contains("hoso restore") == true)
        #expect(fileFingerprints(temporary.store).keys.sorted() == before.keys.sorted(), "no damaged-* made, nothing moved")
        #expect(readFile(Self.segment(temporary)).count > 0)
    }

    @Test func anUnknownBackupChangesNothing() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        Self.tamper(line: 1, temporary)
        // store.lock records whoever last took the lock; that is not data.
        func dataFiles() -> [String: String] { fileFingerprints(temporary.store).filter { $0.key != "store.lock" } }
        let before = dataFiles()
        for name in ["snapshot-000000000009-20300101T000000Z.json", "../snapshot.json"] {
            let error = expectStoreError { () throws(StoreError) in
                _ = try TestStore.restoreDamagedStore(at: temporary.store, fromBackup: name, schemaVersion: 1)
            }
            #expect(error == .backupNotFound(name: name))
        }
        #expect(dataFiles() == before)
    }

    @Test func backupsAreListedWithoutOpeningTheStore() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let made = try Self.makeStore(temporary)
        writeFile(temporary.store + "/snapshot.json", [])
        #expect(TestStore.listBackups(inDirectory: temporary.store).last == made.backup)
    }

    @Test func aTamperedCompleteLastLineIsAnErrorAndIsNeverCutOff() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let open = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        Self.tamper(line: 2, temporary)
        let tampered = readFile(Self.segment(temporary))

        let problems = open.check()
        #expect(problems.contains { $0.severity == .error && $0.line == 3 && $0.message.contains("mã băm") }, "\(problems)")
        #expect(!problems.contains { $0.severity == .repairable }, "\(problems)")
        let refused = expectStoreError { () throws(StoreError) in try open.commit([change("d", nil, "d1")], actor: "An") }
        #expect(refused == .corruptFile(path: Self.segment(temporary), line: 3, reason: "nội dung không khớp mã băm (đã bị sửa?)"))
        #expect(readFile(Self.segment(temporary)) == tampered, "the save did not cut the evidence off")
        let error = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        #expect(error == refused)
    }

    @Test func zeroFilledLastLineAfterAPowerCutIsTorn() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let complete = readFile(Self.segment(temporary))
        // What a power cut before the fsync can leave: the block with the newline written, the first not.
        let lastLine = Array((complete.dropLast().split(separator: UInt8(ascii: "\n")).last ?? []))
        let lost = [UInt8](repeating: 0, count: lastLine.count / 2) + lastLine[(lastLine.count / 2)...] + [UInt8(ascii: "\n")]
        writeFile(Self.segment(temporary), complete + lost)
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(store.check().map(\.severity) == [.repairable])
        try store.commit([change("d", nil, "d1")], actor: "An")
        #expect(store.check().isEmpty)
        #expect(readFile(Self.segment(temporary)).starts(with: complete))
    }
}
