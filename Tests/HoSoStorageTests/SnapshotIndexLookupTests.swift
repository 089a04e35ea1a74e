import Foundation
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// A command on one file names it (`RecordSelection(readingAllBut:except:)`): `snapshot.index` is searched
/// for it instead of every entry being parsed and probed (issue 19: the same cost at 100,000 files as at
/// 10,000). What it reads must be what a full read has; an index that cannot be trusted is not searched.
@Suite struct SnapshotIndexLookupTests {
    static func named(_ numbers: Int...) -> RecordSelection {
        RecordSelection(readingAllBut: "case/", except: Set(numbers.map { StoredItem.id(SnapshotIndexTests.file($0).id) }))
    }

    static func id(_ number: Int) -> String { StoredItem.id(SnapshotIndexTests.file(number).id) }

    static let unitID = StoredItem.id(Fixtures.cell().id)

    @Test func aSelectionByIdReadsExactlyTheNamedFilesAndEverythingOutsideTheirPrefix() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try SnapshotIndexTests.create(temporary.store)
        let recorder = FaultInjectingFileSystem()
        // File 9,999 is not in the store: asked for, and not found.
        let partial = try SnapshotIndexTests.open(temporary.store, Self.named(300, 5, 9_999), fileSystem: recorder)
        let snapshot = temporary.store + "/snapshot.json"
        #expect(recorder.bytesRead(from: snapshot) < readFile(snapshot).count / 3)
        #expect(Set(partial.records.keys) == [Self.id(5), Self.id(300), Self.unitID])
        for id in partial.records.keys { #expect(partial.record(id: id) == full.record(id: id)) }
        #expect(partial.isPartial)
        // The others are left unread with the revisions the store has: what saves and journal entries meet.
        var unread = full.records.mapValues(\.revision)
        for id in partial.records.keys { unread[id] = nil }
        #expect(partial.unreadRevisions == unread)
        #expect(unread.count == SnapshotIndexTests.fileCount - 2)
    }

    @Test func theLookupFindsEveryIdAndTheRunOfAPrefix() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try SnapshotIndexTests.create(temporary.store)
        let lookup = try #require(SnapshotIndexLookup(readFile(temporary.store + "/snapshot.index")))
        #expect(lookup.entryCount == full.records.count)
        for (id, record) in full.records {
            let position = try #require(lookup.position(of: id), "\(id)")
            #expect(lookup.entry(at: position)?.id == id)
            #expect(lookup.entry(at: position)?.revision == record.revision)
        }
        for absent in ["", "a", "case/", "case/HS-0000", "case/HS-9999", "case/HS-03000", "unit/", "zzz"] {
            #expect(lookup.position(of: absent) == nil, "\(absent)")
        }
        #expect(lookup.positions(withPrefix: "case/") == 0..<SnapshotIndexTests.fileCount)
        #expect(lookup.positions(withPrefix: "unit/").count == 1)
        #expect(lookup.positions(withPrefix: "member/").isEmpty)
        #expect(lookup.positions(withPrefix: "").count == full.records.count)
    }

    /// Ids are compared as the store orders them (their bytes), not as the index escapes them (`%25`).
    @Test func idsWithEscapedBytesAreFoundInTheirOrder() throws {
        let ids = ["a", "a\tb", "a%", "a%b", "a%c\n", "b"]
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let entries = ids.enumerated().map { position, id in
            SnapshotIndex.Entry(id: id, revision: position + 1, range: (position * 10)..<(position * 10 + 5), strings: [nil])
        }
        let index = SnapshotIndex(
            snapshotSize: 99, seq: 1, lastHash: String(repeating: "a", count: 64), recordsHash: String(repeating: "b", count: 64),
            paths: [["x"]], groupDigests: [Array(repeating: 7, count: 32)], entries: entries, recordCount: entries.count)
        let lookup = try #require(SnapshotIndexLookup(index.encoded()))
        for (position, id) in ids.enumerated() {
            #expect(lookup.position(of: id) == position, "\(id)")
            #expect(lookup.entry(at: position) == entries[position])
        }
        #expect(lookup.position(of: "a%25") == nil)
        #expect(lookup.positions(withPrefix: "a%") == 2..<5)
    }

    @Test func anIndexOfRecordsOutOfIdOrderIsNotWritten() throws {
        let records = ["b", "a"].map { StoredRecord(id: $0, revision: 1, value: JSONValue.string($0), changedBy: "t", changedAt: "2026-01-01T00:00:00Z") }
        func index(_ records: [StoredRecord<JSONValue>]) throws -> SnapshotIndex? {
            let bytes = try SnapshotCoding.encode(Snapshot(
                schemaVersion: 1, seq: 0, lastHash: String(repeating: "0", count: 64), segment: 1, records: records))
            return SnapshotIndex.build(snapshot: bytes, records: records)
        }
        #expect(try index(records) == nil)
        #expect(try index(records.reversed()) != nil)
    }

    @Test func aDamagedOrStaleIndexIsNotSearchedAndTheSnapshotIsReadWhole() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try SnapshotIndexTests.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        let good = readFile(indexPath)
        let snapshotSize = readFile(temporary.store + "/snapshot.json").count
        // An entry's revision changed (its check line no longer matches), cut short, another snapshot's.
        let text = String(decoding: good, as: UTF8.self)
        let damages: [[UInt8]] = [
            Array(text.replacingOccurrences(of: " 1 case/HS-0300\t", with: " 2 case/HS-0300\t").utf8),
            Array(good.prefix(good.count - 10)),
            try SnapshotIndexTests.staleIndex(),
        ]
        #expect(damages[0] != good)
        for bytes in damages {
            writeFile(indexPath, bytes)
            let recorder = FaultInjectingFileSystem()
            let partial = try SnapshotIndexTests.open(temporary.store, Self.named(300), fileSystem: recorder)
            #expect(recorder.bytesRead(from: temporary.store + "/snapshot.json") >= snapshotSize)
            #expect(partial.record(id: Self.id(300)) == full.record(id: Self.id(300)))
            // Read whole, and the index written again for the next command.
            #expect(partial.record(id: Self.id(301)) == full.record(id: Self.id(301)))
            #expect(readFile(indexPath) == good)
        }
    }

    @Test func filesSavedSinceTheSnapshotAreFoundAsTheJournalLeftThem() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let writer = try SnapshotIndexTests.create(temporary.store)
        var three = SnapshotIndexTests.file(300)
        three.notes.append(ProgressNote(date: Fixtures.date("2026-11-02"), author: "Hùng", text: "Tích cực."))
        var new = SnapshotIndexTests.file(700)
        new.person.fullName = "Trần Thị Mới"
        var renamed = SnapshotIndexTests.file(400)
        renamed.person.fullName = "Nguyễn Văn Bốn"
        try writer.commit([RecordChange(id: Self.id(300), expectedRevision: 1, newValue: .caseFile(three), summary: "Thêm nhận xét")], actor: "Hùng")
        try writer.commit([RecordChange(id: Self.id(700), expectedRevision: nil, newValue: .caseFile(new), summary: "Hồ sơ mới")], actor: "Lan")
        try writer.commit([RecordChange(id: Self.id(400), expectedRevision: 1, newValue: .caseFile(renamed), summary: "Sửa họ tên")], actor: "Lan")
        let partial = try SnapshotIndexTests.open(temporary.store, Self.named(300, 700))
        #expect(partial.record(id: Self.id(300)) == writer.record(id: Self.id(300)))
        #expect(partial.record(id: Self.id(300))?.revision == 2)
        #expect(partial.record(id: Self.id(700)) == writer.record(id: Self.id(700)))
        // A file not named whose indexed strings a journal entry changed is read from its group to apply it.
        #expect(partial.record(id: Self.id(400))?.value == .caseFile(renamed))
        #expect(partial.unreadRevisions[Self.id(400)] == nil)
        #expect(partial.sequence == writer.sequence)
    }

    @Test func aStoreReadByIdSavesWhatItReadAndNothingItDidNot() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try SnapshotIndexTests.create(temporary.store)
        let partial = try SnapshotIndexTests.open(temporary.store, Self.named(300))
        var unreadFile = SnapshotIndexTests.file(400)
        unreadFile.notes.append(ProgressNote(date: Fixtures.date("2026-11-02"), author: "Hùng", text: "Tích cực."))
        for expected in [1, nil] as [Int?] {
            let error = expectStoreError { () throws(StoreError) in
                try partial.commit([RecordChange(id: Self.id(400), expectedRevision: expected, newValue: .caseFile(unreadFile), summary: "Sửa")], actor: "Lan")
            }
            #expect(error == .partialRead)
        }
        #expect(expectStoreError { () throws(StoreError) in try partial.compact() } == .partialRead)
        var three = SnapshotIndexTests.file(300)
        three.notes.append(ProgressNote(date: Fixtures.date("2026-11-03"), author: "Hùng", text: "Tốt."))
        try partial.commit([RecordChange(id: Self.id(300), expectedRevision: 1, newValue: .caseFile(three), summary: "Thêm nhận xét")], actor: "Hùng")
        let whole = try SnapshotIndexTests.open(temporary.store, nil)
        #expect(whole.record(id: Self.id(300))?.value == .caseFile(three))
        #expect(whole.record(id: Self.id(400))?.value == .caseFile(SnapshotIndexTests.file(400)))
    }

    /// A search that reads no member (`case list`): the files it admits judged from their index lines, the
    /// other records of its prefixes not looked at; it reads what a selection judging every record reads.
    @Test func aProbingSelectionReadsWhatItAdmitsAsAJudgingSelectionDoes() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try SnapshotIndexTests.create(temporary.store)
        // A file saved since the snapshot, renamed into the search: the journal reads it.
        var renamed = SnapshotIndexTests.file(400)
        renamed.person.fullName = "Nguyễn Văn 777"
        try full.commit([RecordChange(id: Self.id(400), expectedRevision: 1, newValue: .caseFile(renamed), summary: "Sửa họ tên")], actor: "Lan")
        let wanted: @Sendable (RecordProbe) -> Bool = { probe in
            guard let name = probe.string(at: ["case", "person", "fullName"]) else { return true }
            return name.hasSuffix("7") && probe.string(at: ["case", "state"]) == "nominated" && probe.string(at: ["case", "id"]) != nil
        }
        let judging = try SnapshotIndexTests.open(temporary.store, RecordSelection { !$0.id.hasPrefix("case/") || wanted($0) })
        let probing = try SnapshotIndexTests.open(temporary.store, RecordSelection(readingAllBut: ["case/", "member/"], probing: "case/", wanted))
        #expect(probing.records == judging.records)
        #expect(probing.records.count == 64 + 1 + 1)  // 7, 17, … 637; file 400; the unit
        #expect(probing.record(id: Self.id(400))?.value == .caseFile(renamed))
        #expect(probing.unreadRevisions == judging.unreadRevisions)
        #expect(probing.unreadRevisions(of: [Self.id(1), Self.id(7), Self.id(400), "case/HS-9999"]) == [Self.id(1): 1])
        // Each index line gives the strings its entry has.
        let lookup = try #require(SnapshotIndexLookup(readFile(temporary.store + "/snapshot.index")))
        for position in 0..<lookup.entryCount {
            let entry = try #require(lookup.entry(at: position))
            let probe = try #require(lookup.probe(at: position))
            #expect(probe.id == entry.id && probe.revision == entry.revision)
            for (path, string) in zip(lookup.index.paths, entry.strings) { #expect(probe.string(at: path) == string) }
        }
    }

    @Test func aRepositoryOpenedForOneFileHasItAndTheWholeOrganisation() throws {
        let (temporary, _, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let full = try Repository.open(at: temporary.store)
        let chosen = try #require(files.dropFirst(7).first).id
        let partial = try Repository.open(at: temporary.store, readingCases: [chosen, CaseID("HS-9999")])
        #expect(partial.cases == full.cases.filter { $0.id == chosen })
        #expect(partial.caseFile(CaseID("HS-9999")) == nil)
        #expect(partial.isPartial)
        #expect(partial.organisation == full.organisation)
        #expect(partial.accounts == full.accounts)
    }
}
