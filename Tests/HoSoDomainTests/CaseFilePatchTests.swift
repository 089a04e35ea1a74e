import Foundation
@testable import HoSoDomain
import HoSoTestSupport
import Testing

/// `CaseFile.Patch`: what the journal writes for a save instead of the whole file.
@Suite struct CaseFilePatchTests {
    static let day = Fixtures.date("2026-11-02")

    static func file(historyLength: Int = 3) -> CaseFile {
        var file = Fixtures.newCase()
        file.history = AppendList((0..<historyLength).map { HistoryEntry(date: day, actor: "Lan", action: "note", summary: "Mục \($0)") })
        file.notes = [ProgressNote(date: day, author: "Hùng", text: "Tích cực.")]
        file.tasks = [CaseTask(given: day, text: "Đọc Điều lệ Đảng")]
        file.certificate = Certificate(number: "12/CN", issuer: "Trung tâm chính trị", issued: day)
        return file
    }

    /// The patch through JSON and back, applied to `old`.
    static func roundTrip(_ old: CaseFile, _ new: CaseFile) throws -> CaseFile? {
        let patch = try #require(new.patch(from: old))
        let decoded = try JSONDecoder().decode(CaseFile.Patch.self, from: JSONEncoder().encode(patch))
        return old.applying(decoded)
    }

    static func json(_ patch: CaseFile.Patch) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(patch)) as? [String: Any])
    }

    @Test("A list begins with another only when every element of the other is in place, in order")
    func listBeginsWith() {
        let notes = ["Một", "Hai", "Ba"].map { ProgressNote(date: Self.day, author: "Lan", text: $0) }
        #expect(notes.begins(with: []))
        #expect(notes.begins(with: Array(notes.prefix(2))))
        #expect(notes.begins(with: notes))
        #expect(!notes.begins(with: notes + [notes[0]]), "longer than the list")
        var edited = Array(notes.prefix(2))
        edited[0].text = "Một (sửa)"
        #expect(!notes.begins(with: edited), "an element changed in place")
        #expect(!notes.begins(with: [notes[1], notes[0]]), "the same elements in another order")
    }

    @Test func everyStoredFieldHasAPart() {
        let stored = Mirror(reflecting: Self.file().storedFields).children.compactMap(\.label)
        #expect(CaseFilePatchParts.all.map(\.key) == stored, "a field without a part would be lost by a patch")
    }

    @Test func aNoteAppendsTheNoteAndTheHistoryEntryOnly() throws {
        let old = Self.file(historyLength: 1_000)
        var new = old
        new.notes.append(ProgressNote(date: Self.day, author: "Hùng", text: "Hoàn thành tốt nhiệm vụ."))
        new.history.append(HistoryEntry(date: Self.day, actor: "Hùng", action: "note", summary: "Thêm nhận xét"))
        let patch = try #require(new.patch(from: old))
        #expect(patch.changedFields == ["notes", "history"])
        let json = try Self.json(patch)
        #expect(json["set"] == nil && json["clear"] == nil)
        let appended = try #require(json["append"] as? [String: [Any]])
        #expect(appended["notes"]?.count == 1 && appended["history"]?.count == 1)
        #expect(try JSONEncoder().encode(patch).count < 600, "the line holds the change, not 1,000 entries")
        #expect(try Self.roundTrip(old, new) == new)
    }

    @Test func aChangedElementSetsTheWholeListAndAnEmptiedFieldIsCleared() throws {
        let old = Self.file()
        var new = old
        new.tasks[0].done = Self.day
        new.certificate = nil
        new.person.occupation = "Kế toán trưởng"
        let patch = try #require(new.patch(from: old))
        #expect(patch.changedFields == ["person", "tasks", "certificate"])
        let json = try Self.json(patch)
        #expect((json["clear"] as? [String]) == ["certificate"])
        #expect(((json["set"] as? [String: Any])?.keys.sorted()) == ["person", "tasks"])
        #expect(try Self.roundTrip(old, new) == new)
    }

    @Test func aShorterHistoryIsSetWholeNotAppended() throws {
        let old = Self.file(historyLength: 4)
        var new = old
        new.history.removeLast()
        let json = try Self.json(try #require(new.patch(from: old)))
        #expect(((json["set"] as? [String: Any])?["history"] as? [Any])?.count == 3)
        #expect(try Self.roundTrip(old, new) == new)
    }

    /// A sealed history is a chain: the last sealed entry of the old history, found in place in the new
    /// one, stands for all before it; otherwise the history is compared, and written, whole.
    @Test func aSealedHistoryIsJudgedByItsLastSeal() throws {
        var old = Self.file(historyLength: 5)
        for index in old.history.indices { old.history[index].seal = "niêm phong \(index)" }
        var appended = old
        appended.history.append(HistoryEntry(date: Self.day, actor: "Lan", action: "note", summary: "Mới"))
        let json = try Self.json(try #require(appended.patch(from: old)))
        #expect((json["append"] as? [String: [Any]])?["history"]?.count == 1)
        #expect(try Self.roundTrip(old, appended) == appended)
        var rewritten = appended
        rewritten.history[4].summary = "Sửa mục cũ"
        let whole = try Self.json(try #require(rewritten.patch(from: old)))
        #expect(((whole["set"] as? [String: Any])?["history"] as? [Any])?.count == 6)
        #expect(try Self.roundTrip(old, rewritten) == rewritten)
    }

    @Test func anUnchangedFileGivesAnEmptyPatch() throws {
        let file = Self.file()
        let patch = try #require(file.patch(from: file))
        #expect(patch.changedFields.isEmpty)
        #expect(try JSONEncoder().encode(patch) == Data("{}".utf8))
        #expect(file.applying(patch) == file)
    }

    @Test func aFieldThePatchDoesNotKnowIsRefused() throws {
        let json = Data(#"{"set":{"favouriteColour":"đỏ"}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CaseFile.Patch.self, from: json) }
        let clear = Data(#"{"clear":["nosuchfield"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CaseFile.Patch.self, from: clear) }
    }

    /// Random edits of every kind the engine makes: whatever they are, the patch gives back the new file.
    @Test func randomEditsRoundTrip() throws {
        var generator = SplitMix64(state: 17)
        var file = Self.file()
        for step in 0..<300 {
            var next = file
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: next.notes.append(ProgressNote(date: Self.day, author: "A", text: "n\(step)"))
            case 1: next.history.append(HistoryEntry(date: Self.day, actor: "A", action: "x", summary: "h\(step)"))
            case 2: if !next.tasks.isEmpty { next.tasks[0].text = "t\(step)" } else { next.tasks = [CaseTask(given: Self.day, text: "t")] }
            case 3: next.certificate = Bool.random(using: &generator) ? nil : Certificate(number: "\(step)", issuer: "I", issued: Self.day)
            case 4: next.person.fullName = "Tên \(step)"
            case 5: next.decisionExtensionGranted.toggle()
            case 6: next.history = AppendList(next.history.dropFirst())
            default: next.officialSince = Bool.random(using: &generator) ? Self.day : nil
            }
            #expect(try Self.roundTrip(file, next) == next, "step \(step)")
            file = next
        }
    }

    /// `apply` (in place, what a reader of the journal uses) gives what `applying` gives, and a copy of
    /// the file held elsewhere keeps its value.
    @Test func aPatchAppliedInPlaceGivesWhatApplyingGivesAndLeavesCopiesAlone() throws {
        var generator = SplitMix64(state: 5)
        var file = Self.file()
        var inPlace = file
        for step in 0..<200 {
            var next = file
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: next.notes.append(ProgressNote(date: Self.day, author: "A", text: "n\(step)"))
            case 1: next.history.append(HistoryEntry(date: Self.day, actor: "A", action: "x", summary: "h\(step)"))
            case 2: next.person.fullName = "Tên \(step)"
            default: next.notes = [ProgressNote(date: Self.day, author: "B", text: "thay \(step)")]
            }
            let patch = try #require(next.patch(from: file))
            if step.isMultiple(of: 3) {
                let copy = inPlace
                let applied = inPlace.apply(patch)
                #expect(applied)
                #expect(copy == file, "step \(step)")
            } else {
                let applied = inPlace.apply(patch)
                #expect(applied)
            }
            #expect(inPlace == next, "step \(step)")
            file = next
        }
    }
}
