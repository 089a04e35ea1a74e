import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoJournal
import HoSoStorage
import HoSoTestSupport
import Testing

/// A read of a few files applies the journal lines about other files from their outline, without decoding
/// their patches (`JournalEntryOutline`). What it must not change: which lines it may defer (judged as the
/// decoded patch is), the checks every line meets, and the files a later read gives.
@Suite struct JournalEntryOutlineTests {
    static let today = Fixtures.date("2026-11-23")

    /// The last line of the store's current journal segment: its entry bytes and hash.
    static func lastLine(_ store: String) throws -> (entry: ArraySlice<UInt8>, hash: String) {
        let journal = store + "/journal"
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: journal).filter { $0.hasSuffix(".jsonl") }.max())
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journal + "/" + segment)))
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        guard case .valid(let entry, let hash) = JournalLine.parse(try #require(lines.last)) else {
            Issue.record("the last line is not a valid journal line")
            throw CancellationError()
        }
        return (entry, hash)
    }

    static func outline(_ entry: ArraySlice<UInt8>) -> JournalEntryOutline? {
        JournalEntryOutline(entryBytes: entry, indexedPaths: StoredItem.indexedPaths, strings: StringTable())
    }

    /// What `StoreState.apply` would say of the decoded line's patch.
    static func decodedJudgement(_ entry: ArraySlice<UInt8>) throws -> Bool {
        let decoded = try JSONDecoder().decode(JournalEntry<StoredItem>.self, from: Data(entry))
        return StoredItem.mayChangeIndexedStrings(try #require(decoded.changes.first?.patch))
    }

    @Test func aNoteTouchesNoIndexedStringAndIsJudgedAsTheDecodedPatchIs() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let file = try #require(files.first { !$0.state.isTerminal })
        try CaseService(repository: created).edit(.addNote(text: "Nhận xét."), on: file.id, date: Self.today, actor: "Thư ký")

        let line = try Self.lastLine(temporary.store)
        let outline = try #require(Self.outline(line.entry))
        #expect(outline.changes.map(\.id) == ["case/\(file.id.rawValue)"])
        #expect(outline.changes.first?.revision == (outline.changes.first?.revisionBefore ?? 0) + 1)
        #expect(outline.changes.first?.touchesIndexedStrings == false)
        #expect(try Self.decodedJudgement(line.entry) == false)
    }

    @Test func aNewNameTouchesAnIndexedStringAsTheDecodedPatchSays() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        var renamed = try #require(files.first { !$0.state.isTerminal })
        renamed.person.fullName = "Tên Mới Khác"
        try created.save(renamed, expectedRevision: created.revision(of: renamed.id), actor: "Thư ký", summary: "Sửa họ tên")

        let line = try Self.lastLine(temporary.store)
        #expect(Self.outline(line.entry)?.changes.first?.touchesIndexedStrings == true)
        #expect(try Self.decodedJudgement(line.entry) == true)
    }

    @Test func aLineWritingARecordWholeHasNoOutline() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let unit = try #require(files.first?.unitID)
        var person = try #require(files.first?.person)
        person.fullName = "Người Mới"
        _ = try CaseService(repository: created).addCase(person: person, unit: unit, source: .youthUnion, date: Self.today, actor: "Thư ký")
        #expect(Self.outline(try Self.lastLine(temporary.store).entry) == nil)
    }

    @Test func theWireFormatJudgesEveryPartOfAPatch() {
        func judge(_ json: String) -> String {
            Array(json.utf8).withUnsafeBufferPointer { buffer in
                guard let tape = try? Tape(buffer, strings: StringTable()) else { return "not JSON" }
                guard let outline = PatchOutline(tape, at: 0) else { return "unjudged" }
                return outline.touchesAny(of: StoredItem.indexedPaths) ? "touches" : "untouched"
            }
        }
        #expect(judge(#"{"at":"case","append":{"notes":[],"history":[]}}"#) == "untouched")
        #expect(judge(#"{"at":"case","set":{"state":"verification"}}"#) == "touches")
        #expect(judge(#"{"at":"case","clear":["person"]}"#) == "touches")
        #expect(judge(#"{"at":"case","clear":["mentorIDs"]}"#) == "untouched")
        // Another member of the record than the indexed paths' is not theirs.
        #expect(judge(#"{"at":"unit","set":{"id":"x"}}"#) == "untouched")
        // Without "at", the record's own members.
        #expect(judge(#"{"set":{"case":{}}}"#) == "touches")
        // A part of another shape is not guessed at: the line is decoded.
        #expect(judge(#"{"at":"case","clear":"person"}"#) == "unjudged")
    }

    /// A line applied from its outline meets the checks a decoded one meets: a revision that does not
    /// follow is refused by a read of one file as by a full read, with the same words.
    @Test func anOutlinedLineWhoseRevisionDoesNotFollowIsRefusedAsADecodedOne() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let noted = try #require(files.first { !$0.state.isTerminal })
        let shown = try #require(files.last { !$0.state.isTerminal && $0.id != noted.id })
        try CaseService(repository: created).edit(.addNote(text: "Nhận xét."), on: noted.id, date: Self.today, actor: "Thư ký")

        // The last line rewritten with a revision one ahead, hashed again so that only its content is wrong.
        let line = try Self.lastLine(temporary.store)
        let text = String(decoding: line.entry, as: UTF8.self)
        let before = try #require(Self.outline(line.entry)?.changes.first?.revisionBefore)
        let forged = text.replacingOccurrences(of: #""revisionBefore":\#(before)"#, with: #""revisionBefore":\#(before + 1)"#)
            .replacingOccurrences(of: #""revision":\#(before + 1),"#, with: #""revision":\#(before + 2),"#)
        #expect(forged != text)
        let segmentPath = try #require(
            try FileManager.default.contentsOfDirectory(atPath: temporary.store + "/journal").filter { $0.hasSuffix(".jsonl") }.max())
        let path = temporary.store + "/journal/" + segmentPath
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let original = JournalLine.make(entryBytes: Array(line.entry)).line
        let start = try #require(bytes.indices.last { bytes[$0...].starts(with: original) })
        bytes.replaceSubrange(start..., with: JournalLine.make(entryBytes: Array(forged.utf8)).line)
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        func refusal(_ opened: Result<Repository, RepositoryError>) -> String? {
            if case .failure(let error) = opened { return error.message }
            return nil
        }
        let partial = refusal(Result { () throws(RepositoryError) in try Repository.open(at: temporary.store, readingCasesWhere: { $0.id == shown.id }) })
        let full = refusal(Result { () throws(RepositoryError) in try Repository.open(at: temporary.store) })
        #expect(partial?.contains("phiên bản của hồ sơ case/\(noted.id.rawValue) không khớp với trạng thái trước") == true)
        #expect(partial == full)
    }
}
