import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("Dates a person may record: a range the domain computes with, arithmetic that never traps")
struct RecordableDateTests {
    @Test("The first and last recordable days are accepted, the days beside them refused", arguments: [
        ("1900-01-01", true), ("1899-12-31", false), ("2100-12-31", true), ("2101-01-01", false),
        ("9999-12-15", false), ("0001-01-01", false),
    ])
    func typedDateBoundaries(_ text: String, _ accepted: Bool) throws {
        if accepted {
            #expect(try CivilDate.typed(text) == Fixtures.date(text))
        } else {
            #expect(throws: DateInputProblem.notRecordable(Fixtures.date(text))) { try CivilDate.typed(text) }
        }
    }

    @Test func anUnreadableDateSaysSo() {
        #expect(throws: DateInputProblem.unreadable("2025-02-30")) { try CivilDate.typed("2025-02-30") }
        #expect(DateInputProblem.notRecordable(Fixtures.date("9999-12-15")).reason.contains("01/01/1900 – 31/12/2100"))
    }

    /// The store-bricking date of the hostile-input issue: every deadline adds months or days to it.
    @Test("Arithmetic at the ends of the type stops there instead of trapping")
    func arithmeticNeverTraps() {
        let late = Fixtures.date("9999-12-15")
        #expect(late.adding(months: 1) == CivilDate.last)
        #expect(late.adding(years: 5) == CivilDate.last)
        #expect(late.adding(days: 60) == CivilDate.last)
        #expect(late.adding(days: Int.max) == CivilDate.last)
        #expect(Fixtures.date("0001-02-10").adding(months: -3) == CivilDate.first)
        #expect(Fixtures.date("0001-01-05").adding(days: Int.min) == CivilDate.first)
        #expect(CivilDate(julianDay: Int.max) == CivilDate.last)
        #expect(Fixtures.date("2026-01-31").adding(months: 1) == Fixtures.date("2026-02-28"))
        #expect(Fixtures.date("9999-11-30").wholeMonths(until: late) == 0)
        #expect(late.wholeMonths(until: Fixtures.date("2026-12-06")) < 0)
    }

    @Test("The engine refuses a note, a step or a new file dated outside the range, naming the date")
    func engineRefusesUnrecordableDates() throws {
        let (file, _) = try Fixtures.file(in: .sympathizer)
        #expect {
            try Workflow.edit(.addNote(text: "x"), of: file, context: Fixtures.context(on: "9999-12-15"))
        } throws: { error in
            ((error as? WorkflowError)?.message ?? "").contains("15/12/9999 nằm ngoài khoảng ngày HoSo ghi nhận")
        }
        let accepted = try Workflow.edit(.addNote(text: "x"), of: file, context: Fixtures.context(on: "2100-12-31"))
        #expect(accepted.notes.last?.date == Fixtures.date("2100-12-31"))
        #expect {
            try Workflow.newCase(
                id: "HS-0002", person: Fixtures.person(), source: .youthUnion, context: Fixtures.context(on: "2101-01-01"))
        } throws: { error in
            ((error as? WorkflowError)?.message ?? "").contains("01/01/2101 nằm ngoài khoảng")
        }
    }

    @Test("A change dated before the file's last entry is refused with both dates; on the same day it is accepted")
    func chronologyIsAGuard() throws {
        let (file, last) = try Fixtures.file(in: .sympathizer)
        let before = last.adding(days: -1)
        #expect {
            try Workflow.edit(.addNote(text: "Ghi muộn"), of: file, context: Fixtures.context(on: before.iso))
        } throws: { error in
            let text = ((error as? WorkflowError)?.message ?? "")
            return text.contains("Ngày \(before) trước ngày của mục cuối") && text.contains("ngày \(last)")
        }
        let sameDay = try Workflow.edit(.addNote(text: "Cùng ngày"), of: file, context: Fixtures.context(on: last.iso))
        #expect(sameDay.history.count == file.history.count + 1)
        #expect(CaseInvariants.problems(in: sameDay).isEmpty)
    }

    @Test("check's invariants name a stored file whose note is dated out of range")
    func invariantsFindAnUnrecordableDate() throws {
        var (file, _) = try Fixtures.file(in: .sympathizer)
        file.notes.append(ProgressNote(date: Fixtures.date("9999-12-15"), author: "x", text: "x"))
        let problems = CaseInvariants.problems(in: file)
        #expect(problems == ["Hồ sơ HS-0001: ngày nhận xét 15/12/9999 nằm ngoài khoảng ngày HoSo ghi nhận (01/01/1900 – 31/12/2100)."])
    }
}
