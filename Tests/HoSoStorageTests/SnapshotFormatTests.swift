import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// The snapshot is written compactly, one record per line, and whatever JSON layout it has it opens.
@Suite struct SnapshotFormatTests {
    static func records(_ count: Int) -> [StoredRecord<TestValue>] {
        (0..<count).map { index in
            StoredRecord(
                id: "r\(index)", revision: 1, value: TestValue(text: "Nguyễn Văn \(index) — \"trích\"\nxuống dòng", counter: index),
                changedBy: "Thư ký", changedAt: "2026-11-23T00:00:00Z")
        }
    }

    @Test func headerLineThenOneCompactRecordPerLine() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("b", nil, "hai\ndòng"), change("a", nil, "một")], actor: "An")
        try store.compact()
        let text = String(decoding: readFile(temporary.store + "/snapshot.json"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"schemaVersion":1,"seq":1,"lastHash":""#))
        #expect(lines[0].contains(#","segment":2,"recordsHash":""#) && lines[0].hasSuffix(#"","records":["#))
        #expect(lines[1].hasPrefix(#"{"changedAt":"#) && lines[1].contains(#""id":"a""#) && lines[1].hasSuffix("},"))
        #expect(lines[2].contains(#""text":"hai\ndòng""#) && lines[2].hasSuffix("}}"))
        #expect(lines[3] == "]}" && lines[4].isEmpty)
        // Still one JSON document for scripts.
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["records"] as? [Any])?.count == 2)
    }

    @Test func anEmptySnapshotIsValidJSON() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let bytes = readFile(temporary.store + "/snapshot.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect((parsed?["records"] as? [Any])?.isEmpty == true)
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).records.isEmpty)
    }

    @Test func manyRecordsDecodeAlikeSplitOrWhole() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let initial = Self.records(1_000)
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1, initialRecords: initial)
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.records == store.records)
        #expect(reopened.records.count == 1_000)
        #expect(reopened.record(id: "r777") == initial[777])
    }

    /// Snapshots written before the compact layout were pretty-printed with sorted keys.
    @Test func anOldPrettyPrintedSnapshotStillOpensAndIsRewrittenCompactly() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "một"), change("b", nil, "hai")], actor: "An")
        try store.compact()
        let expected = store.records
        let path = temporary.store + "/snapshot.json"
        // Those snapshots predate the records hash, and the journal's head.
        try FileManager.default.removeItem(atPath: temporary.store + "/journal/head")
        var current = try #require(try JSONSerialization.jsonObject(with: Data(readFile(path))) as? [String: Any])
        current["recordsHash"] = nil
        var pretty = Array(try JSONSerialization.data(withJSONObject: current, options: [.prettyPrinted, .sortedKeys]))
        pretty.append(UInt8(ascii: "\n"))
        #expect(String(decoding: pretty, as: UTF8.self).hasPrefix("{\n  \"lastHash\""))
        writeFile(path, pretty)

        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.records == expected)
        #expect(reopened.check().isEmpty)
        try reopened.commit([change("a", 1, "một (sửa)")], actor: "An")
        try reopened.compact()
        #expect(String(decoding: readFile(path), as: UTF8.self).hasPrefix(#"{"schemaVersion":1,"#))
        #expect(try TestStore.open(at: temporary.store, supportedSchemaVersion: 1).records == reopened.records)
    }

    @Test func creatingWritesTheFirstRecordsOnceIntoTheSnapshot() throws {
        let directory = NSTemporaryDirectory() + "hoso-create-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let demo = DemoOrganisation.generate(caseCount: 40, seed: 5, today: Fixtures.date("2026-11-23"))
        let repository = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases, actor: "kiểm thử")
        #expect(readFile(directory + "/journal/000001.jsonl").isEmpty, "no journal copy of the data")
        #expect(repository.cases.map(\.withoutSeals) == demo.cases)
        #expect(repository.revision(of: demo.cases[3].id) == 1)
        #expect(repository.lastChange(of: demo.cases[3].id)?.by == "kiểm thử")
        #expect(repository.check().errors.isEmpty)
        let reopened = try Repository.open(at: directory)
        #expect(reopened.cases == repository.cases)
        #expect(reopened.organisation.members.count == demo.members.count)
    }

    @Test func creatingRefusesDuplicateIds() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let twice = Self.records(2) + Self.records(1)
        let error = expectStoreError { () throws(StoreError) in _ = try TestStore.create(at: temporary.store, schemaVersion: 1, initialRecords: twice) }
        #expect(error != nil)
    }
}
