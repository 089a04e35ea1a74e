import HoSoDomain
import HoSoTestSupport
import Testing

/// Free text has a length: a note, a task, a reason up to `longestFreeText` characters, a one-line field of
/// a person up to `longestLine`. Longer is refused with both lengths named, and nothing is changed.
@Suite("Text length")
struct TextLengthTests {
    static let day = "2024-06-03"

    static func refusal(_ longest: String, _ found: String) -> String {
        "Nội dung dài quá \(longest) ký tự (đang có \(found) ký tự). Chưa ghi gì. Hãy ghi ngắn hơn, hoặc chia thành nhiều lần ghi."
    }

    static func problems(_ body: () throws(WorkflowError) -> CaseFile) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            guard case .invalidInput(let problems) = error else { return ["\(error)"] }
            return problems
        }
    }

    @Test("A note of 4.000 characters is kept; one more is refused, naming both lengths")
    func noteAtTheLimit() throws {
        let file = Fixtures.newCase()
        let context = Fixtures.context(on: Self.day)
        let longest = String(repeating: "ă", count: VietnameseText.longestFreeText)
        let kept = try Workflow.edit(.addNote(text: longest), of: file, context: context)
        #expect(kept.notes.last?.text == longest)
        #expect(Self.problems { () throws(WorkflowError) in try Workflow.edit(.addNote(text: longest + "a"), of: file, context: context) }
            == [Self.refusal("4.000", "4.001")])
        let pasted = String(repeating: "Nhận xét. ", count: 2_000)
        #expect(Self.problems { () throws(WorkflowError) in try Workflow.edit(.addNote(text: pasted), of: file, context: context) }
            == [Self.refusal("4.000", "20.000")])
    }

    @Test("A task is held to the same length as a note")
    func otherEditTexts() {
        let file = Fixtures.newCase()
        let context = Fixtures.context(on: Self.day)
        let long = String(repeating: "x", count: 4_001)
        #expect(Self.problems { () throws(WorkflowError) in try Workflow.edit(.addTask(text: long, due: nil), of: file, context: context) }
            == [Self.refusal("4.000", "4.001")])
    }

    @Test("A step's reason longer than 4.000 characters is refused, and the file stays where it was")
    func eventReason() throws {
        let (file, date) = try Fixtures.file(in: .introduced)
        let context = Fixtures.journey().context(on: date.adding(days: 1))
        let long = String(repeating: "Lý do. ", count: 700)
        #expect(Self.problems { () throws(WorkflowError) in try Workflow.apply(.withdraw(reason: long), to: file, context: context) }
            == [Self.refusal("4.000", "4.900")])
        let withdrawn = try Workflow.apply(.withdraw(reason: String(long.prefix(4_000))), to: file, context: context)
        #expect(withdrawn.state.isTerminal)
    }

    @Test("An identity field longer than one line of 200 characters is refused")
    func identityLine() {
        let file = Fixtures.newCase()
        var person = file.person
        person.homeAddress = String(repeating: "Phường Xuân Hòa, ", count: 12)  // 204 characters
        #expect(Self.problems { () throws(WorkflowError) in
            try Workflow.edit(.correctIdentity(seen: file.person, typed: person), of: file, context: Fixtures.context(on: Self.day))
        } == [Self.refusal("200", "204")])
    }
}
