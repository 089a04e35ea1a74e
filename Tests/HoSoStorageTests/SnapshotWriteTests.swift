import Foundation
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

/// A snapshot is written a few parts at a time (a compaction, a backup): what it writes must be the line
/// layout every reader checks — its lines, its groups' digests and the records hash in its header, as
/// found again from the bytes alone — whatever the number of records against the parts and groups.
@Suite struct SnapshotWriteTests {
    /// Records whose lines differ in length (a note's text grows with its number).
    static func snapshot(records count: Int) -> Snapshot<JSONValue> {
        let records = (0..<count).map { number in
            StoredRecord<JSONValue>(
                id: String(format: "case/HS-%06d", number), revision: 1 + number % 3,
                value: .object(["text": .string(String(repeating: "ghi chú \(number) ", count: 1 + number % 7))]),
                changedBy: "Thư ký", changedAt: "2026-12-07T03:00:00Z")
        }
        return Snapshot(schemaVersion: 3, seq: count, lastHash: String(repeating: "a", count: 64), segment: 2, records: records)
    }

    @Test("Written part by part, a snapshot is the layout its readers find again from its bytes",
          arguments: [0, 1, 63, 64, 65, SnapshotCoding.recordsPerPart, SnapshotCoding.recordsPerPart + 1, 3 * SnapshotCoding.recordsPerPart + 100])
    func writtenLayoutIsFoundAgainFromTheBytes(count: Int) throws {
        let snapshot = Self.snapshot(records: count)
        var bytes: [UInt8] = []
        var appends = 0
        let written = try SnapshotCoding.write(snapshot, append: { bytes += $0; appends += 1 }, overwrite: { offset, patch in
            bytes.replaceSubrange(offset..<(offset + patch.count), with: patch)
        })
        // Found from the bytes alone, as a reader finds them.
        let lines = try #require(SnapshotCoding.recordLines(bytes))
        #expect(written.size == bytes.count)
        #expect(written.lines == lines)
        #expect(written.digests == SnapshotCoding.groupDigests(bytes, lines))
        #expect(SnapshotCoding.recordsHash(bytes) == written.header.recordsHash)
        #expect(SnapshotCoding.header(bytes, as: SnapshotHeader.self)?.recordsHash == written.header.recordsHash)
        let decoded: Snapshot<JSONValue> = try SnapshotCoding.decode(bytes)
        #expect(decoded.records == snapshot.records)
        #expect(decoded.seq == count && decoded.segment == 2)
        // One JSON document still, and written a part at a time (header, parts, ending).
        #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil)
        #expect(appends == 2 + (count + SnapshotCoding.recordsPerPart - 1) / SnapshotCoding.recordsPerPart)
        #expect(try SnapshotCoding.encode(snapshot) == bytes)
    }

    /// A compaction of a store larger than one part writes a snapshot that opens, verifies and indexes.
    @Test func aCompactionOfManyPartsOpensAndChecksClean() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        let count = 2 * SnapshotCoding.recordsPerPart + 7
        for start in stride(from: 0, to: count, by: 100) {
            try store.commit((start..<min(count, start + 100)).map { change(String(format: "r%05d", $0), nil, "giá trị \($0)", $0) }, actor: "An")
        }
        try store.compact()
        let path = temporary.store + "/snapshot.json"
        let bytes = readFile(path)
        #expect(SnapshotCoding.recordsHash(bytes) == SnapshotCoding.header(bytes, as: SnapshotHeader.self)?.recordsHash)
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.records.count == count)
        #expect(reopened.record(id: "r00777")?.value == TestValue(text: "giá trị 777", counter: 777))
        #expect(reopened.check().filter { $0.severity == .error }.isEmpty, "\(reopened.check())")
        // The index written beside it is the one made from the bytes.
        let index = try #require(SnapshotIndex.parse(readFile(temporary.store + "/snapshot.index")))
        let decoded: Snapshot<TestValue> = try SnapshotCoding.decode(bytes)
        let fromBytes = try #require(SnapshotIndex.build(snapshot: bytes, records: decoded.records))
        #expect(index.encoded() == fromBytes.encoded())
    }
}
