#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// The journal writes what a save changed in a file (issue 15 item 3), and every reader — another
/// process, a reopened store, a partial read, an untyped migration — gets the same file back.
@Suite struct JournalPatchTests {
    static let day = Fixtures.date("2026-11-02")

    static func longFile(_ entries: Int) -> CaseFile {
        var file = Fixtures.newCase()
        file.history = AppendList((0..<entries).map { HistoryEntry(date: day, actor: "Lan", action: "note", summary: "Nhận xét \($0)") })
        file.notes = AppendList((0..<entries / 2).map { ProgressNote(date: day, author: "Hùng", text: "Nhận xét số \($0) của người giúp đỡ.") })
        return file
    }

    static func withNote(_ file: CaseFile, _ text: String) -> CaseFile {
        var next = file
        next.notes.append(ProgressNote(date: day, author: "Hùng", text: text))
        next.history.append(HistoryEntry(date: day, actor: "Hùng", action: "note", summary: "Thêm nhận xét"))
        return next
    }

    /// The last line of the journal's current segment.
    static func lastLine(_ directory: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory + "/journal").filter { $0.hasSuffix(".jsonl") }.sorted()
        let text = String(decoding: readFile(directory + "/journal/" + (names.last ?? "")), as: UTF8.self)
        return try #require(text.split(separator: "\n").last.map(String.init))
    }

    static func create(_ directory: String, _ file: CaseFile) throws -> JournalStore<StoredItem> {
        let item = StoredItem.caseFile(file)
        return try JournalStore<StoredItem>.create(
            at: directory, schemaVersion: Repository.schemaVersion,
            initialRecords: [StoredRecord(id: item.storageID, revision: 1, value: item, changedBy: "Lan", changedAt: "2026-11-01T00:00:00Z")])
    }

    static func save(_ store: JournalStore<StoredItem>, _ file: CaseFile, text: String) throws -> CaseFile {
        let id = StoredItem.id(file.id)
        let next = withNote(file, text)
        try store.commit([RecordChange(id: id, expectedRevision: store.record(id: id)?.revision, newValue: .caseFile(next), summary: "Thêm nhận xét")], actor: "Hùng")
        return next
    }

    @Test func aSaveOfAFileWithALongHistoryWritesTheChangeNotTheFile() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let short = try Self.create(temporary.store, Self.longFile(2))
        _ = try Self.save(short, Self.longFile(2), text: "Hoàn thành tốt nhiệm vụ.")
        let shortLine = try Self.lastLine(temporary.store).utf8.count

        let other = TemporaryDirectory()
        defer { other.remove() }
        let file = Self.longFile(1_000)
        let long = try Self.create(other.store, file)
        let saved = try Self.save(long, file, text: "Hoàn thành tốt nhiệm vụ.")
        let line = try Self.lastLine(other.store)
        #expect(line.contains(#""patch":{"append":{"#) && line.contains(#""at":"case""#) && !line.contains(#""value""#))
        #expect(line.utf8.count == shortLine, "the same change costs the same line, whatever the file's length")
        #expect(long.record(id: StoredItem.id(file.id))?.value == .caseFile(saved))
    }

    @Test func everyReaderGetsThePatchedFileBack() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        var file = Self.longFile(40)
        let writer = try Self.create(temporary.store, file)
        let id = StoredItem.id(file.id)
        let follower = try JournalStore<StoredItem>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion)
        // A reader that left the file unread (a search) when the patches were written after it opened.
        let partial = try JournalStore<StoredItem>.open(
            at: temporary.store, supportedSchemaVersion: Repository.schemaVersion, selecting: RecordSelection { _ in false })
        #expect(partial.record(id: id) == nil && partial.isPartial)
        for step in 0..<5 { file = try Self.save(writer, file, text: "Nhận xét \(step).") }
        file.person.occupation = "Kế toán trưởng"
        file.certificate = nil
        try writer.commit([RecordChange(id: id, expectedRevision: 6, newValue: .caseFile(file), summary: "Sửa nghề nghiệp")], actor: "Lan")

        try follower.refresh()
        #expect(follower.record(id: id)?.value == .caseFile(file))
        try partial.refresh()
        #expect(partial.record(id: id)?.value == .caseFile(file))
        #expect(partial.record(id: id)?.revision == 7)
        // Opened after the patches: the journal tail is applied to the snapshot's file, read in part or whole.
        let reopenedPartial = try JournalStore<StoredItem>.open(
            at: temporary.store, supportedSchemaVersion: Repository.schemaVersion, selecting: RecordSelection { _ in false })
        #expect(reopenedPartial.record(id: id)?.value == .caseFile(file))
        let reopened = try JournalStore<StoredItem>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion)
        #expect(reopened.record(id: id)?.value == .caseFile(file))
        #expect(reopened.check().filter { $0.severity == .error }.isEmpty, "\(reopened.check())")
        // Folded into a snapshot: the same file, checked clean.
        try reopened.compact()
        let compacted = try JournalStore<StoredItem>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion)
        #expect(compacted.record(id: id)?.value == .caseFile(file))
        #expect(compacted.check().filter { $0.severity == .error }.isEmpty, "\(compacted.check())")
    }

    /// A migration reads records untyped: the wire format applied to JSON gives the JSON of the typed file.
    @Test func anUntypedReaderAppliesTheSamePatches() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        var file = Self.longFile(10)
        let writer = try Self.create(temporary.store, file)
        for step in 0..<3 { file = try Self.save(writer, file, text: "Nhận xét \(step).") }
        file.tasks = [CaseTask(given: Self.day, text: "Đọc Điều lệ")]
        file.person.homeAddress = "Khu phố 3"
        try writer.commit([RecordChange(id: StoredItem.id(file.id), expectedRevision: 4, newValue: .caseFile(file), summary: "Sửa")], actor: "Lan")

        let untyped = try JournalStore<JSONValue>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion)
        let expected = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(StoredItem.caseFile(file)))
        #expect(untyped.record(id: StoredItem.id(file.id))?.value == expected)
    }

    @Test func aPatchThatDoesNotFitItsFileIsACorruptJournal() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let file = Self.longFile(4)
        let writer = try Self.create(temporary.store, file)
        _ = try Self.save(writer, file, text: "Nhận xét.")
        // The same bytes but appending to a field that is not a list: the hash is recomputed, as an attacker would.
        let path = temporary.store + "/journal/000001.jsonl"
        let text = String(decoding: readFile(path), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").last.map(String.init))
        let entry = try #require(line.range(of: #"{"entry":"#).map { line[$0.upperBound...] }.map { String($0.dropLast(#","hash":""#.count + 64 + 2)) })
        let forged = entry.replacingOccurrences(of: #""append":{"history""#, with: #""append":{"state""#)
        #expect(forged != entry)
        let bytes = Array(forged.utf8)
        let (forgedLine, _) = JournalLine.make(entryBytes: bytes)
        writeFile(path, Array(text.utf8.dropLast(line.utf8.count + 1)) + forgedLine)
        try? FileManager.default.removeItem(atPath: temporary.store + "/journal/head")
        let error = expectStoreError { () throws(StoreError) in
            _ = try JournalStore<StoredItem>.open(at: temporary.store, supportedSchemaVersion: Repository.schemaVersion)
        }
        guard case .corruptFile(_, let lineNumber, _)? = error else {
            Issue.record("expected corruptFile, got \(String(describing: error))")
            return
        }
        #expect(lineNumber == 1)
    }
}
