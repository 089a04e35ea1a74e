import Foundation
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

/// `snapshot.index` in parts (issue 19): a command that searches it by id checks its head and the parts it
/// meets, not every byte (8.6 MB at 100,000 files); a part that does not match its digest is never trusted,
/// and `hoso check` still finds damage in a part no command read.
@Suite struct SnapshotIndexPartsTests {
    static let linesPerPart = 32

    /// A store of `SnapshotIndexTests.fileCount` files whose index is written in parts of `linesPerPart`
    /// lines (21 parts: file `n` is on line `n - 1`, the unit on the last); the index as HoSo writes it.
    static func create(_ directory: String) throws -> (store: JournalStore<StoredItem>, written: [UInt8]) {
        let store = try SnapshotIndexTests.create(directory)
        let written = readFile(directory + "/snapshot.index")
        let index = try #require(SnapshotIndex.parse(written))
        writeFile(directory + "/snapshot.index", index.encoded(linesPerPart: linesPerPart))
        return (store, written)
    }

    /// `bytes` with the line of file `number` changed in one byte (its name's last digit).
    static func damaged(_ bytes: [UInt8], file number: Int) -> [UInt8] {
        let name = Array("Nguyễn Văn \(number)\t".utf8)
        var bytes = bytes
        let found = bytes.indices.first { bytes[$0...].starts(with: name) }!
        bytes[found + name.count - 2] ^= 0x01
        return bytes
    }

    @Test func aCommandOnOneFileChecksTheHeadAndThePartsItMeetsOnly() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (full, _) = try Self.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        let recorder = FaultInjectingFileSystem()
        let partial = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300), fileSystem: recorder)
        #expect(partial.record(id: SnapshotIndexLookupTests.id(300)) == full.record(id: SnapshotIndexLookupTests.id(300)))
        // The head, the parts of file 300's group, where the run of `case/` ends, the unit's.
        #expect(recorder.bytesRead(from: indexPath) < readFile(indexPath).count / 4)
        // Asked for every file left unread, it reads (and checks) every part.
        #expect(partial.unreadRevisions.count == SnapshotIndexTests.fileCount - 1)
        #expect(recorder.bytesRead(from: indexPath) > readFile(indexPath).count)
    }

    @Test func aDamagedPartTheCommandReadsMakesItReadTheSnapshotWhole() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (full, written) = try Self.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        writeFile(indexPath, Self.damaged(readFile(indexPath), file: 300))
        let recorder = FaultInjectingFileSystem()
        let partial = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300), fileSystem: recorder)
        #expect(recorder.bytesRead(from: temporary.store + "/snapshot.json") >= readFile(temporary.store + "/snapshot.json").count)
        #expect(partial.record(id: SnapshotIndexLookupTests.id(300)) == full.record(id: SnapshotIndexLookupTests.id(300)))
        // Read whole, the store is whole and writes the index again: the next command reads through it.
        #expect(partial.record(id: SnapshotIndexLookupTests.id(301)) == full.record(id: SnapshotIndexLookupTests.id(301)))
        #expect(!partial.isPartial)
        #expect(readFile(indexPath) == written)
        #expect(partial.check().map(\.message).contains { $0.hasPrefix("chỉ mục bị hỏng") })
        let next = FaultInjectingFileSystem()
        let healed = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300), fileSystem: next)
        #expect(next.bytesRead(from: temporary.store + "/snapshot.json") < readFile(temporary.store + "/snapshot.json").count / 3)
        #expect(healed.unreadRevisions[SnapshotIndexLookupTests.id(301)] == 1)
    }

    @Test func aDamagedPartNoCommandReadsIsFoundByCheckAndRebuilt() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (full, written) = try Self.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        writeFile(indexPath, Self.damaged(readFile(indexPath), file: 100))
        // The command on file 300 never meets the part of file 100: it reads through the index as usual.
        let recorder = FaultInjectingFileSystem()
        let partial = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300), fileSystem: recorder)
        #expect(recorder.bytesRead(from: temporary.store + "/snapshot.json") < readFile(temporary.store + "/snapshot.json").count / 3)
        #expect(partial.record(id: SnapshotIndexLookupTests.id(300)) == full.record(id: SnapshotIndexLookupTests.id(300)))
        let problems = JournalStore<StoredItem>.check(inDirectory: temporary.store, schemaVersion: Repository.schemaVersion)
        #expect(problems.map(\.severity) == [.repairable], "\(problems)")
        #expect(problems.first?.path == indexPath)
        #expect(problems.first?.message.contains("bị hỏng") == true, "\(problems)")
        // A judging selection reads every part: it does not trust the index either, reads the snapshot whole
        // and writes the index again, as a whole open (`hoso check` makes one before checking) does; its
        // check says so.
        let judged = RecordSelection { _ in true }
        let recorderOfAll = FaultInjectingFileSystem()
        let whole = try SnapshotIndexTests.open(temporary.store, judged, fileSystem: recorderOfAll)
        #expect(recorderOfAll.bytesRead(from: temporary.store + "/snapshot.json") >= readFile(temporary.store + "/snapshot.json").count)
        #expect(readFile(indexPath) == written)
        let noted = whole.check()
        #expect(noted.map(\.severity) == [.note], "\(noted)")
        #expect(noted.first?.path == indexPath)
        #expect(noted.first?.message.hasPrefix("chỉ mục bị hỏng") == true, "\(noted)")
        #expect(noted.first?.message.hasSuffix("HoSo đã dựng lại khi mở toàn bộ dữ liệu để kiểm tra") == true, "\(noted)")
        #expect(try SnapshotIndexTests.open(temporary.store, nil).check().isEmpty)
    }

    @Test func aSaveThatMeetsADamagedPartAfterTheOpenIsRefused() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (full, _) = try Self.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        let partial = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300))
        // Damaged in place after the open (the same file the open holds), in the part of file 100 it has not met.
        let handle = try #require(FileHandle(forUpdatingAtPath: indexPath))
        try handle.write(contentsOf: Self.damaged(readFile(indexPath), file: 100))
        try handle.close()
        // As if file 100 did not exist: without the check, the save would make a second record of that id.
        let error = expectStoreError { () throws(StoreError) in
            _ = try partial.commit(
                [RecordChange(id: SnapshotIndexLookupTests.id(100), expectedRevision: nil, newValue: .caseFile(SnapshotIndexTests.file(100)), summary: "Mới")],
                actor: "Lan")
        }
        guard case .corruptFile(let path, _, let reason)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(path == indexPath)
        #expect(reason.contains("hoso check"))
        let reopened = try SnapshotIndexTests.open(temporary.store, nil)
        #expect(reopened.record(id: SnapshotIndexLookupTests.id(100))?.revision == 1)
        #expect(reopened.sequence == full.sequence)
    }

    /// Another process saves a file this one left unread, in a part of the index damaged since the open: the
    /// refresh must not take the damage for a corrupt journal (the journal is sound), but read past it.
    @Test func aRefreshThatMeetsADamagedPartReadsTheStoreWholeAndReportsNoCorruptJournal() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let (full, _) = try Self.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        let partial = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300))
        let id = SnapshotIndexLookupTests.id(100)
        let current = try #require(full.record(id: id))
        var changed = SnapshotIndexTests.file(100)
        changed.person.occupation = "Kế toán trưởng"
        try full.commit([RecordChange(id: id, expectedRevision: current.revision, newValue: .caseFile(changed), summary: "Sửa")], actor: "Hùng")
        let handle = try #require(FileHandle(forUpdatingAtPath: indexPath))
        try handle.write(contentsOf: Self.damaged(readFile(indexPath), file: 100))
        try handle.close()
        do {
            _ = try partial.refresh()
        } catch {
            Issue.record("the refresh failed: \(error.message)")
        }
        #expect(partial.sequence == full.sequence)
        #expect(partial.record(id: id)?.revision == current.revision + 1)
        // Read whole: a file the open had left unread is there now.
        #expect(partial.record(id: SnapshotIndexLookupTests.id(200)) != nil)
    }

    /// The layout of the first version: one `check` line over every byte, no parts.
    static func firstLayout(_ index: SnapshotIndex) -> [UInt8] {
        var text = "hoso-snapshot-index 1\nsnapshot \(index.snapshotSize) \(index.seq) \(index.lastHash) \(index.recordsHash)\n"
        text += "paths " + index.paths.map { $0.joined(separator: ".") }.joined(separator: ",") + "\n"
        text += "groups \(index.groupDigests.count)\n" + index.groupDigests.map { JournalLine.hex($0) + "\n" }.joined()
        text += "records \(index.entries.count)\n"
        for entry in index.entries {
            text += "\(entry.range.lowerBound) \(entry.range.count) \(entry.revision) \(entry.id)"
            text += entry.strings.map { "\t" + ($0.map { "=" + $0 } ?? "!") }.joined() + "\n"
        }
        return Array((text + "check \(JournalLine.sha256Hex(Array(text.utf8)))\n").utf8)
    }

    @Test func anIndexOfTheFirstLayoutIsReadAsNoneAndRebuilt() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try SnapshotIndexTests.create(temporary.store)
        let indexPath = temporary.store + "/snapshot.index"
        let written = readFile(indexPath)
        writeFile(indexPath, Self.firstLayout(try #require(SnapshotIndex.parse(written))))
        #expect(SnapshotIndexLookup(readFile(indexPath)) == nil)
        #expect(SnapshotIndex.parse(readFile(indexPath)) == nil)
        let problems = JournalStore<StoredItem>.check(inDirectory: temporary.store, schemaVersion: Repository.schemaVersion)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.severity == .repairable)
        #expect(problems.first?.message.contains("phiên bản chỉ mục 1, bản này đọc 2") == true, "\(problems)")
        let recorder = FaultInjectingFileSystem()
        let partial = try SnapshotIndexTests.open(temporary.store, SnapshotIndexLookupTests.named(300), fileSystem: recorder)
        #expect(recorder.bytesRead(from: temporary.store + "/snapshot.json") >= readFile(temporary.store + "/snapshot.json").count)
        #expect(partial.record(id: SnapshotIndexLookupTests.id(300)) == full.record(id: SnapshotIndexLookupTests.id(300)))
        _ = try SnapshotIndexTests.open(temporary.store, nil)
        #expect(readFile(indexPath) == written)
    }

    @Test(arguments: [1, 5, 32, 640, 641, 5_000])
    func theLookupFindsEveryIdWhateverTheSizeOfItsParts(linesPerPart: Int) throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let full = try SnapshotIndexTests.create(temporary.store)
        let index = try #require(SnapshotIndex.parse(readFile(temporary.store + "/snapshot.index")))
        let bytes = index.encoded(linesPerPart: linesPerPart)
        #expect(SnapshotIndex.parse(bytes) == index)
        let lookup = try #require(SnapshotIndexLookup(bytes))
        for (id, record) in full.records {
            let position = try #require(lookup.position(of: id), "\(id)")
            #expect(lookup.entry(at: position) == index.entries[position])
            #expect(lookup.entry(at: position)?.revision == record.revision)
        }
        for absent in ["", "a", "case/", "case/HS-0000", "case/HS-9999", "case/HS-03000", "unit/", "zzz"] {
            #expect(lookup.position(of: absent) == nil, "\(absent)")
        }
        #expect(lookup.positions(withPrefix: "case/") == 0..<SnapshotIndexTests.fileCount)
        #expect(lookup.positions(withPrefix: "case/HS-01") == 99..<199)
        #expect(lookup.positions(withPrefix: "unit/") == SnapshotIndexTests.fileCount..<(SnapshotIndexTests.fileCount + 1))
        #expect(lookup.positions(withPrefix: "member/").isEmpty)
        #expect(lookup.positions(withPrefix: "").count == full.records.count)
        #expect(!lookup.isDamaged)
    }
}
