import Foundation
import HoSoStorage
import Testing

/// `check` reads every backup, and only a backup that verifies is offered as the latest (issue 14, item 7).
@Suite struct BackupVerificationTests {
    /// A store with a sound backup (from `RecoveryTests.makeStore`) and the path of a newer backup name.
    static func storeWithNewerBackup(_ temporary: TemporaryDirectory, _ bytes: (BackupInfo) -> [UInt8]) throws -> (good: BackupInfo, broken: String) {
        let made = try RecoveryTests.makeStore(temporary)
        let broken = temporary.store + "/backups/snapshot-000000000004-20991231T235959Z.json"
        writeFile(broken, bytes(made.backup))
        return (made.backup, broken)
    }

    func expectOffered(_ good: BackupInfo, broken: String, reason: String, _ temporary: TemporaryDirectory) throws {
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(store.listBackups().last == good)
        #expect(TestStore.listBackups(inDirectory: temporary.store).last == good)
        let inspected = TestStore.inspectBackups(inDirectory: temporary.store, schemaVersion: 1)
        #expect(inspected.filter { $0.problem != nil }.map { temporary.store + "/backups/" + $0.backup.name } == [broken])
        let errors = store.check().filter { $0.severity == .error }
        #expect(errors.map(\.path) == [broken], "\(errors)")
        #expect(errors.first?.message.contains("bản sao lưu hỏng") == true)
        #expect(errors.first?.message.contains(reason) == true, "\(errors)")
    }

    /// Ways a backup newer than the sound one can be broken, and a part of the reason `check` gives.
    enum Damage: String, CaseIterable, Sendable {
        case truncated, newerSchema, notOnTheChain

        /// The sound backup's bytes, broken this way (and named as save 4, which the journal holds).
        func apply(to bytes: [UInt8]) -> [UInt8] {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"seq\":1", with: "\"seq\":4")
            switch self {
            case .truncated: return Array(bytes.prefix(40))
            case .newerSchema: return Array(text.replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":7").utf8)
            case .notOnTheChain:
                let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
                let hash = object?["lastHash"] as? String ?? "?"
                return Array(text.replacingOccurrences(of: hash, with: String(repeating: "0", count: 64)).utf8)
            }
        }

        var reason: String {
            switch self {
            case .truncated: "bản sao lưu hỏng ("
            case .newerSchema: "định dạng 7"
            case .notOnTheChain: "không khớp với mục 4 của nhật ký"
            }
        }
    }

    @Test("A broken backup that sorts newest (truncated, newer schema, not on the journal's chain) is an error in check and never offered",
          arguments: Damage.allCases)
    func brokenNewestBackup(_ damage: Damage) throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let made = try Self.storeWithNewerBackup(temporary) { backup in
            damage.apply(to: readFile(temporary.store + "/backups/" + backup.name))
        }
        try expectOffered(made.good, broken: made.broken, reason: damage.reason, temporary)
    }

    @Test("Sound backups, those a compaction keeps included, give check nothing to say")
    func soundBackupsAreClean() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try RecoveryTests.makeStore(temporary)
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        try store.compact()
        _ = try store.backup()
        #expect(TestStore.inspectBackups(inDirectory: temporary.store, schemaVersion: 1).allSatisfy { $0.problem == nil })
        #expect(store.check().isEmpty, "\(store.check())")
    }
}
