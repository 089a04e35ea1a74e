import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing

/// The line a server keeps a file's report facts in: every demo file's facts come back equal, and
/// texts with the separators in them survive.
@Suite struct ReportFactsLineTests {
    @Test("Every demo file's facts read back from their line as they were")
    func demoRoundTrip() {
        let demo = DemoOrganisation.generate(caseCount: 400, seed: 11, today: Fixtures.date("2026-11-23"))
        for file in demo.cases {
            let facts = ReportFacts(file)
            #expect(ReportFacts(line: facts.line) == facts, "\(file.id)")
            #expect(!facts.line.contains(file.person.fullName), "no name in the line")
        }
        let all = demo.cases.map(ReportFacts.init)
        #expect(all.contains { $0.admission != nil } && all.contains { !$0.activeMentors.isEmpty } && all.contains { !$0.removals.isEmpty }
                && all.contains { !$0.mentorNoteMonths.isEmpty }, "the demo exercises every kind of field")
    }

    @Test("Tabs, newlines, commas and backslashes in a text, and odd member ids, round-trip")
    func separatorsInTexts() throws {
        var file = Fixtures.newCase()
        file.person.occupation = "Kỹ sư, \"phần mềm\"\tca đêm\nC:\\dữ liệu\\,"
        file.person.ethnicity = "\\\u{301}a\\"
        file.person.religion = ""
        file.mentors = [MentorAssignment(memberID: "M,1\\", since: Fixtures.date("2024-03-04")),
                        MentorAssignment(memberID: "M2", since: Fixtures.date("2024-03-04"))]
        let facts = ReportFacts(file)
        #expect(facts.line.split(separator: "\t", omittingEmptySubsequences: false).count == 23)
        #expect(!facts.line.contains("\n"))
        let back = try #require(ReportFacts(line: facts.line))
        #expect(back == facts)
        #expect(back.occupation == file.person.occupation && back.activeMentors == ["M,1\\", "M2"])
    }

    @Test("A damaged line is no facts", arguments: [
        "", "F1", "F2\t" + String(repeating: "\t", count: 21), "F1\tHS-1\tCB-1\tnotAState" + String(repeating: "\t", count: 19),
    ])
    func damagedLine(line: String) {
        #expect(ReportFacts(line: line) == nil)
    }

    @Test("A bad date, flag or escape in an otherwise good line is refused")
    func badFields() {
        let good = ReportFacts(Fixtures.newCase()).line
        var fields = good.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(ReportFacts(line: good) != nil)
        for (index, bad) in [(4, "2026-13-01"), (14, "yes"), (11, "dangling\\"), (11, "bad\\q"), (21, "x"), (8, "old")] {
            let saved = fields[index]
            fields[index] = bad
            #expect(ReportFacts(line: fields.joined(separator: "\t")) == nil, "field \(index) = \(bad)")
            fields[index] = saved
        }
    }
}
