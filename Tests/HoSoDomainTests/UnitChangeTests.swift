import HoSoDomain
import HoSoTestSupport
import Testing

/// The one place that decides what a unit's settings may become, for the CLI and the TUI alike.
@Suite struct UnitChangeTests {
    static let today = Fixtures.date("2026-12-06")

    @Test("Counts dated the day before today and today are written; the day after is refused with both days named",
          arguments: [("2026-12-05", true), ("2026-12-06", true), ("2026-12-07", false)])
    func countsAreNotDatedAfterToday(day: String, accepted: Bool) throws {
        let change = UnitChange.counts(UnitCountsChange(official: 10, since: Fixtures.date(day)))
        do throws(WorkflowError) {
            let unit = try change.applied(to: Fixtures.cell(), in: Organisation(), today: Self.today)
            #expect(accepted)
            #expect(unit.counts(on: Fixtures.date(day)).members.official == 10)
            #expect(unit.counts(on: Fixtures.date(day).adding(days: -1)).members.official == 8, "the earlier count is kept")
        } catch {
            #expect(!accepted)
            #expect(error.message.contains("Ngày 07/12/2026 sau ngày hôm nay (06/12/2026)"), "\(error)")
        }
    }

    @Test func aCountLeftOutKeepsTheOneValidThatDayAndNothingAtAllIsRefused() throws {
        let unit = try UnitChange.counts(UnitCountsChange(committee: 11, since: Self.today)).applied(to: Fixtures.cell(), in: Organisation(), today: Self.today)
        #expect(unit.counts(on: Self.today).members == Fixtures.cell().memberCounts)
        #expect(unit.counts(on: Self.today).committee == 11)
        #expect(throws: WorkflowError.invalidInput(["Chưa có số nào để ghi."])) {
            try UnitChange.counts(UnitCountsChange(since: Self.today)).applied(to: Fixtures.cell(), in: Organisation(), today: Self.today)
        }
        #expect(throws: WorkflowError.invalidInput(["Số ủy viên đảng ủy không được âm."])) {
            try UnitChange.counts(UnitCountsChange(committee: -1, since: Self.today)).applied(to: Fixtures.cell(), in: Organisation(), today: Self.today)
        }
    }

    @Test("A letterhead line of 200 characters is written, 201 refused", arguments: [(200, true), (201, false)])
    func aLineIsAtMost200Characters(length: Int, accepted: Bool) throws {
        let change = LetterheadChange(signer: String(repeating: "a", count: length))
        let result = Result { () throws(WorkflowError) in try change.applied(to: nil) }
        switch result {
        case .success(let letterhead): #expect(accepted && letterhead?.signer?.count == length)
        case .failure(let error): #expect(!accepted && error == .invalidInput(["Nội dung dài quá 200 ký tự (đang có 201 ký tự). Chưa ghi gì. Hãy ghi ngắn hơn, hoặc chia thành nhiều lần ghi."]))
        }
    }

    @Test func controlCharactersAreRefusedAndAnEmptyTextReturnsAFieldToItsDefault() throws {
        #expect(throws: WorkflowError.invalidInput([VietnameseText.controlCharacterRefusal])) {
            try LetterheadChange(place: "Xuân\u{1B}[31mHòa").applied(to: nil)
        }
        let set = try LetterheadChange(place: " Xuân Hòa ", signer: "Trần Văn Hùng", recipients: ["Đảng ủy phường", " ", "Lưu"])
            .applied(to: nil)
        #expect(set == Letterhead(place: "Xuân Hòa", signer: "Trần Văn Hùng", recipients: ["Đảng ủy phường", "Lưu"]))
        let back = try LetterheadChange(place: "", recipients: []).applied(to: set)
        #expect(back == Letterhead(signer: "Trần Văn Hùng"), "the place and the recipients back to their defaults, the signer kept")
        #expect(try LetterheadChange(signer: "").applied(to: back) == nil, "every field default: no letterhead")
    }
}
