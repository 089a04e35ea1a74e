import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

/// Opening a store leaves each file's history as bytes of the snapshot until it is read: the lists and
/// reports never read it, and it is two thirds of the data. What it must not change: the values read,
/// the bytes written back, and that nothing is lost when a history cannot be read.
@Suite struct DeferredPartsTests {
    static let today = Fixtures.date("2026-11-23")

    /// A demo store in a temporary directory, with the demo as created (histories sealed by the store).
    static func demoStore(cases: Int = 60) throws -> (TemporaryDirectory, Repository, [CaseFile]) {
        let temporary = TemporaryDirectory()
        let demo = DemoOrganisation.generate(caseCount: cases, seed: 9, today: today)
        let created = try Repository.create(
            at: temporary.store, units: demo.units, members: demo.members, cases: demo.cases, actor: "Thư ký")
        return (temporary, created, created.cases)
    }

    /// A file saved many times since the last compaction: each journal patch appends to a history not read
    /// yet. Read at last, it is the history in order, as the file was saved (`AppendChain`).
    @Test func aHistoryAppendedToManyTimesBeforeItIsReadIsReadInOrder() throws {
        let (temporary, created, files) = try Self.demoStore()
        defer { temporary.remove() }
        let file = try #require(files.first { !$0.state.isTerminal })
        let service = CaseService(repository: created)
        for number in 1...20 { try service.edit(.addNote(text: "Trước \(number)."), on: file.id, date: Self.today, actor: "Thư ký") }
        try created.compact()
        for number in 1...60 { try service.edit(.addNote(text: "Sau \(number)."), on: file.id, date: Self.today, actor: "Thư ký") }
        let expected = try #require(created.caseFile(file.id)).history

        for reopened in [try Repository.open(at: temporary.store), try Repository.open(at: temporary.store, readingCasesWhere: { $0.id == file.id })] {
            let read = try #require(reopened.caseFile(file.id))
            #expect(!read.isHistoryDecoded, "the snapshot's history is kept aside and the patches appended to it")
            #expect(read.history == expected)
            #expect(read.history.suffix(60).compactMap { $0.changes.first?.after } == (1...60).map { "Sau \($0)." })
        }
    }

    @Test func historiesAreDecodedOnlyWhenRead() throws {
        let (temporary, _, created) = try Self.demoStore()
        defer { temporary.remove() }
        let reopened = try Repository.open(at: temporary.store)
        let files = reopened.cases
        // Short histories are cheaper to decode than to keep aside; the long ones must wait.
        let deferred = files.filter { !$0.isHistoryDecoded }
        #expect(deferred.count > files.count / 2, "\(deferred.count) of \(files.count) deferred")

        let file = try #require(deferred.first)
        let expected = try #require(created.first { $0.id == file.id })
        #expect(file.history == expected.history)
        #expect(file.isHistoryDecoded)
        #expect(file.historyProblem == nil)
        // Copies share the decoding: the repository's own copy is decoded too.
        #expect(reopened.caseFile(file.id)?.isHistoryDecoded == true)
    }

    @Test func theReopenedStoreEqualsFoundationsReadingOfTheSnapshot() throws {
        let (temporary, _, _) = try Self.demoStore()
        defer { temporary.remove() }
        let reopened = try Repository.open(at: temporary.store)
        struct Document: Decodable { let records: [StoredRecord<StoredItem>] }
        let document = try JSONDecoder().decode(Document.self, from: Data(readFile(temporary.store + "/snapshot.json")))
        let byFoundation = document.records.compactMap { record -> CaseFile? in
            if case .caseFile(let file) = record.value { return file }
            return nil
        }
        #expect(byFoundation.count == reopened.cases.count)
        #expect(byFoundation == reopened.cases)
    }

    /// A compaction copies the line of every record no save touched (no history decoded, nothing encoded
    /// again) and encodes the rest; what it writes reads back the same.
    @Test func aCompactionCopiesUntouchedLinesAndEncodesChangedOnes() throws {
        let (temporary, _, created) = try Self.demoStore()
        defer { temporary.remove() }
        let path = temporary.store + "/snapshot.json"
        let before = String(decoding: readFile(path), as: UTF8.self).components(separatedBy: "\n")
        let reopened = try Repository.open(at: temporary.store)
        let changed = try #require(created.first { !$0.state.isTerminal && $0.history.count >= 4 })
        try CaseService(repository: reopened).edit(.addNote(text: "Nhận xét tháng."), on: changed.id, date: Self.today, actor: "Thư ký")
        let untouched = reopened.cases.filter { $0.id != changed.id }
        #expect(untouched.contains { !$0.isHistoryDecoded })

        try reopened.compact()
        let stillDeferred = untouched.filter { !$0.isHistoryDecoded }.count
        #expect(stillDeferred > untouched.count / 2, "compacting decoded histories: \(stillDeferred) of \(untouched.count) left")
        let after = String(decoding: readFile(path), as: UTF8.self).components(separatedBy: "\n")
        #expect(after.count == before.count)
        let marker = #""id":"case/\#(changed.id.rawValue)""#
        for (old, new) in zip(before.dropFirst(), after.dropFirst()) where !old.contains(marker) {
            #expect(old == new)
        }
        #expect(after.contains { $0.contains(marker) && $0.contains("Nhận xét tháng.") })
        let third = try Repository.open(at: temporary.store)
        #expect(third.cases == reopened.cases)
        #expect(third.caseFile(changed.id)?.history.count == changed.history.count + 1)
    }

    /// Valid JSON of the wrong shape (a date that is a number) inside a history: only a hand edit does
    /// that. The store opens and lists the file, but nothing may save over the history it cannot read.
    @Test func anUnreadableHistoryIsReportedAndNeverSavedOver() throws {
        let (temporary, _, created) = try Self.demoStore()
        defer { temporary.remove() }
        let path = temporary.store + "/snapshot.json"
        let victim = try #require(created.first { $0.history.count >= 4 && !$0.state.isTerminal })
        var lines = String(decoding: readFile(path), as: UTF8.self).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""id":"case/\#(victim.id.rawValue)""#) })
        // The first entry's date becomes a number; its text moves to a key nobody reads (still valid JSON).
        let history = try #require(lines[index].range(of: #""history":[{"#))
        let date = try #require(lines[index].range(of: #""date":""#, range: history.upperBound..<lines[index].endIndex))
        lines[index].replaceSubrange(date, with: #""date":20261123,"x":""#)
        writeFile(path, Array(lines.joined(separator: "\n").utf8))
        rehashSnapshotRecords(path)

        let repository = try Repository.open(at: temporary.store)
        let file = try #require(repository.caseFile(victim.id))
        #expect(repository.cases.count == created.count, "the file is still listed")
        #expect(file.history.isEmpty)
        let problem = try #require(file.historyProblem)
        #expect(problem.contains("date"), "\(problem)")

        let service = CaseService(repository: repository)
        do throws(ServiceError) {
            try service.edit(.addNote(text: "Nhận xét tháng."), on: victim.id, date: Self.today, actor: "Thư ký")
            Issue.record("a file whose history cannot be read was saved")
        } catch {
            #expect(error.message.contains("lịch sử") && error.message.contains("không đọc được"), "\(error.message)")
            #expect(error.message.contains("hoso check") || error.message.contains("sao lưu"), "\(error.message)")
        }
        #expect(repository.revision(of: victim.id) == 1, "nothing was written")

        // The other files are untouched and still saved normally.
        let other = try #require(created.first { $0.id != victim.id && !$0.state.isTerminal })
        try service.edit(.addNote(text: "Nhận xét tháng."), on: other.id, date: Self.today, actor: "Thư ký")

        // A compaction copies the lines of untouched records as they are: the unreadable history is
        // kept byte for byte (never turned into an empty one), and still refused after reopening.
        try repository.compact()
        let compacted = String(decoding: readFile(path), as: UTF8.self)
        #expect(compacted.components(separatedBy: "\n").contains { $0.hasPrefix(lines[index].dropLast()) })
        #expect(try Repository.open(at: temporary.store).caseFile(victim.id)?.historyProblem != nil)

        let report = repository.check()
        #expect(report.errors.contains { $0.contains(victim.id.rawValue) && $0.contains("không đọc được") }, "\(report)")
        // What was saved is there for the next process.
        #expect(try Repository.open(at: temporary.store).caseFile(other.id)?.notes.count == (other.notes.count + 1))
    }

    /// The background checks are kept aside the same way, and guarded the same way.
    @Test func unreadableChecksAreReportedAndNeverSavedOver() throws {
        let (temporary, _, created) = try Self.demoStore()
        defer { temporary.remove() }
        let path = temporary.store + "/snapshot.json"
        let victim = try #require(created.first { $0.verificationItems.count >= 3 && !$0.state.isTerminal })
        var lines = String(decoding: readFile(path), as: UTF8.self).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""id":"case/\#(victim.id.rawValue)""#) })
        let items = try #require(lines[index].range(of: #""verificationItems":[{"#))
        let year = try #require(lines[index].range(of: #""birthYear":"#, range: items.upperBound..<lines[index].endIndex))
        lines[index].replaceSubrange(year, with: #""birthYear":"năm","y":"#)
        writeFile(path, Array(lines.joined(separator: "\n").utf8))
        rehashSnapshotRecords(path)

        let repository = try Repository.open(at: temporary.store)
        let file = try #require(repository.caseFile(victim.id))
        #expect(file.historyProblem == nil && file.history == victim.history)
        #expect(file.verificationItems.isEmpty)
        let part = try #require(file.unreadablePart)
        #expect(part.hasPrefix("phiếu thẩm tra") && part.contains("birthYear"), "\(part)")
        do throws(ServiceError) {
            try CaseService(repository: repository).edit(.addNote(text: "Nhận xét tháng."), on: victim.id, date: Self.today, actor: "Thư ký")
            Issue.record("a file whose checks cannot be read was saved")
        } catch {
            #expect(error.message.contains("phiếu thẩm tra") && error.message.contains("Không lưu"), "\(error.message)")
        }
        #expect(repository.revision(of: victim.id) == 1)
        #expect(repository.check().errors.contains { $0.contains(victim.id.rawValue) && $0.contains("phiếu thẩm tra") })
    }

    /// Bytes that are not JSON inside a history are found when the store opens, as before: the deferred
    /// part is checked against the grammar, only its decoding waits.
    @Test func brokenJSONInsideAHistoryStillRefusesToOpen() throws {
        let (temporary, _, created) = try Self.demoStore()
        defer { temporary.remove() }
        let path = temporary.store + "/snapshot.json"
        let victim = try #require(created.first { $0.history.count >= 4 })
        var text = String(decoding: readFile(path), as: UTF8.self)
        let summary = try #require(victim.history.last?.summary)
        let range = try #require(text.range(of: #""summary":"\#(summary)""#, options: .backwards))
        text.replaceSubrange(range, with: #""summary":"\#(summary)"#)
        writeFile(path, Array(text.utf8))
        do throws(RepositoryError) {
            _ = try Repository.open(at: temporary.store)
            Issue.record("a snapshot that is not JSON was opened")
        } catch {
            #expect(error.message.contains("snapshot.json"), "\(error.message)")
        }
    }

    /// A history not read yet is read again from the snapshot file when the file is opened (the store does
    /// not keep 600 MB of snapshot in memory for it), and the bytes are checked against the digest the
    /// open verified: a snapshot edited in place meanwhile is refused, never shown, saved over or copied.
    @Test func aHistoryEditedOnDiskAfterTheOpenIsRefusedNotRead() throws {
        let (temporary, _, created) = try Self.demoStore(cases: 300)
        defer { temporary.remove() }
        let path = temporary.store + "/snapshot.json"
        let repository = try Repository.open(at: temporary.store)
        let byId = repository.cases.sorted { $0.id.rawValue < $1.id.rawValue }
        let victim = try #require(byId.first { !$0.isHistoryDecoded && !$0.state.isTerminal })
        let original = try #require(created.first { $0.id == victim.id })
        // A file far from it in the snapshot (another group of lines), read before the edit, can still be
        // saved: what was read and checked then is what it holds.
        let other = try #require(byId.last { !$0.state.isTerminal })
        #expect(!other.history.isEmpty)

        // One letter of the file's history changed where it lies, the file neither replaced nor resized.
        let bytes = readFile(path)
        let line = try #require(String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n").first {
            $0.contains(#""id":"case/\#(victim.id.rawValue)""#)
        })
        let lineStart = try #require(bytes.firstRange(of: Array(line.utf8))?.lowerBound)
        let historyStart = try #require(line.utf8.firstRange(of: Array(#""history":[{"#.utf8))?.upperBound)
        let summary = try #require(line.utf8[historyStart...].firstRange(of: Array(#""summary":""#.utf8))?.upperBound)
        let offset = lineStart + line.utf8.distance(from: line.utf8.startIndex, to: summary)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [bytes[offset] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")])
        try handle.close()
        #expect(readFile(path).count == bytes.count)

        let file = try #require(repository.caseFile(victim.id))
        #expect(file.history.isEmpty, "the edited history is not shown")
        let problem = try #require(file.historyProblem)
        #expect(problem.contains("snapshot.json đã bị thay đổi ngoài HoSo sau khi được đọc"), "\(problem)")
        #expect(problem.contains("hoso check"), "\(problem)")
        do throws(ServiceError) {
            try CaseService(repository: repository).edit(.addNote(text: "Nhận xét tháng."), on: victim.id, date: Self.today, actor: "Thư ký")
            Issue.record("a file whose history was edited on disk was saved")
        } catch {
            #expect(error.message.contains("lịch sử") && error.message.contains("không đọc được"), "\(error.message)")
        }
        // Another file is saved; a compaction then copies no line of the edited file and cannot encode its
        // history: it writes nothing, and what was saved stays in the journal.
        try CaseService(repository: repository).edit(.addNote(text: "Nhận xét tháng."), on: other.id, date: Self.today, actor: "Thư ký")
        let edited = readFile(path)
        #expect(throws: RepositoryError.self) { try repository.compact() }
        #expect(readFile(path) == edited && edited != bytes, "the edited snapshot is left for hoso check")
        #expect(repository.caseFile(other.id)?.notes.count == other.notes.count + 1)
        #expect(repository.check().errors.contains { $0.contains("recordsHash") }, "\(repository.check())")
        #expect(!original.history.isEmpty, "the file had a history to hide")
    }

    /// A compaction by another process replaces `snapshot.json`; a store opened before still reads the
    /// histories of the snapshot it opened (kept open), the same as it would have read them at once.
    @Test func historiesAreReadFromTheSnapshotOpenedAfterAnotherProcessReplacesIt() throws {
        let (temporary, _, created) = try Self.demoStore()
        defer { temporary.remove() }
        let first = try Repository.open(at: temporary.store)
        let unread = first.cases.filter { !$0.isHistoryDecoded }
        #expect(unread.count > 10)

        let second = try Repository.open(at: temporary.store)
        let changed = try #require(created.first { !$0.state.isTerminal })
        try CaseService(repository: second).edit(.addNote(text: "Nhận xét tháng."), on: changed.id, date: Self.today, actor: "Thư ký")
        let inodeBefore = try FileManager.default.attributesOfItem(atPath: temporary.store + "/snapshot.json")[.systemFileNumber] as? UInt64
        try second.compact()
        let inodeAfter = try FileManager.default.attributesOfItem(atPath: temporary.store + "/snapshot.json")[.systemFileNumber] as? UInt64
        #expect(inodeBefore != inodeAfter, "the snapshot was replaced")

        for file in unread {
            #expect(file.history == created.first { $0.id == file.id }?.history, "\(file.id)")
            #expect(file.historyProblem == nil)
        }
    }
}
