import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issues 16 (item 4) and 17 (item 1) at the terminal: a unit's member counts, dated, and its letterhead,
/// changed from the units screen (`d`/F12 on the board) through the same change the CLI sends.
@Suite struct UnitsScreenTests {
    static let size = Size(width: 80, height: 24)

    func check(_ state: AppState, _ name: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertScreen(state, size: Self.size, name, expected, sourceLocation: sourceLocation)
    }

    /// The units screen of the small cell, after `keys`.
    func units(_ keys: [Key] = [], data: AppData? = nil) throws -> AppState {
        var state = AppState(data: try data ?? AppFixtures.smallCell())
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height), .char("D")] + keys, into: &state)
        return state
    }

    /// Clears the focused field (Ctrl-U) and types `text`.
    func retype(_ text: String, into state: inout AppState) {
        AppFixtures.press([.ctrl("u")], into: &state)
        AppFixtures.type(text, into: &state)
    }

    @Test func theScreenShowsTheCountsByDateAndTheLetterheadPrinted() throws {
        var cell = Fixtures.cell().settingCounts(MemberCounts(official: 10, probationary: 1, exempt: 1), committee: 9,
                                                 from: Fixtures.date("2026-11-01"))
        cell.letterhead = Letterhead(superior: "Đảng bộ phường Xuân Hòa", place: "Xuân Hòa", signer: "Trần Văn Hùng")
        check(try units(data: AppFixtures.cellData(try AppFixtures.smallCell().cases, unit: cell)), "units-80", """
             HoSo · Đơn vị                                       23/11/2026 · Thư ký chi bộ
             1 đơn vị · Enter sửa số đảng viên · E sửa tên ngắn, tiêu đề văn bản
            Mã     │ Tên ngắn │ Đơn vị                        │ Chính thức │ Dự bị │ Ủy viên
            CB-KP3 │ KP3      │ Chi bộ Khu phố 3              │         10 │     1 │       9

             Chi bộ Khu phố 3 (Chi bộ) · tên ngắn KP3 (tự đặt theo tên; sửa: E)
             Số đảng viên theo ngày (biểu quyết dùng số của ngày đó):
               từ 01/11/2026  10 chính thức, 1 dự bị, 0 nơi khác, 1 miễn, 9 ủy viên
               khi khởi tạo   8 chính thức, 1 dự bị, 0 nơi khác, 1 miễn, 9 ủy viên
             Tiêu đề văn bản (đã đặt):
               ĐẢNG BỘ PHƯỜNG XUÂN HÒA · CHI BỘ KHU PHỐ 3 · Số     -BC/CB
               Xuân Hòa, ngày 23 tháng 11 năm 2026 · T/M CHI ỦY · BÍ THƯ · Trần Văn Hùng
               Nơi nhận: Lưu










             ↑↓ Chọn · Enter Sửa số đảng viên · E/Ctrl-E Tên ngắn, tiêu đề văn bản · ? thêm
            """)
    }

    @Test func f12OnTheBoardOpensItAndTheHelpListsIt() throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 120, height: 40)], into: &state)
        #expect(AppView.render(state, width: 120, height: 40).text.contains("q/F10 Thoát · D/F12 Đơn vị · ? thêm"))
        AppFixtures.press([.function(12)], into: &state)
        guard case .units = state.screen else { Issue.record("not on the units screen: \(state.screen)"); return }
        AppFixtures.press([.escape, .char("?")], into: &state)
        #expect(AppView.render(state, width: 120, height: 40).text.contains("D/F12 "))
    }

    @Test func enterOpensTheCountsOfTodayAndSavingSendsTheChangeFromTheDayTyped() throws {
        var state = try units([.enter])
        guard case .form(let form)? = state.modal else { Issue.record("no form"); return }
        #expect(form.form.fields.map(\.value) == ["23/11/2026", "8", "1", "0", "1", "9"])
        retype("01/11/2026", into: &state)
        AppFixtures.press([.tab], into: &state)
        retype("10", into: &state)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        #expect(effects == [.changeUnit(
            .counts(UnitCountsChange(official: 10, probationary: 1, attachedElsewhere: 0, exempt: 1, committee: 9,
                                     since: Fixtures.date("2026-11-01"))),
            of: Fixtures.cellID)])
        #expect(state.modal == nil)
    }

    @Test("A count the domain refuses, or a day after today, comes back with the form and what was typed",
          arguments: [(4, "9", "vượt quá số đảng viên chính thức (8)"), (0, "24/11/2026", "sau ngày hôm nay (23/11/2026)")])
    func aRefusedCountKeepsTheForm(field: Int, typed: String, refusal: String) throws {
        var state = try units([.enter])
        AppFixtures.press(Array(repeating: .tab, count: field), into: &state)
        retype(typed, into: &state)
        #expect(AppFixtures.press([.ctrl("s")], into: &state).isEmpty)
        guard case .message(let message)? = state.modal else { Issue.record("no refusal: \(String(describing: state.modal))"); return }
        #expect(message.lines.joined(separator: " ").contains(refusal), "\(message.lines)")
        AppFixtures.press([.enter], into: &state)
        guard case .form(let form)? = state.modal else { Issue.record("the form is lost"); return }
        #expect(form.form.fields[field].value == typed)
    }

    @Test func capitalEOpensTheLetterheadAndSavingSendsEveryFieldEmptyForTheDefault() throws {
        var state = try units([.char("E")])
        guard case .form(let form)? = state.modal else { Issue.record("no form"); return }
        #expect(form.form.fields.count == 9)
        #expect(form.form.fields[0].label == "Tên ngắn (trống: KP3)" && form.form.fields[0].value == "")
        AppFixtures.press([.tab, .tab, .tab, .tab], into: &state)
        AppFixtures.type("Xuân Hòa", into: &state)
        AppFixtures.press(Array(repeating: .tab, count: 4), into: &state)
        AppFixtures.type("Đảng ủy phường (để báo cáo); Lưu", into: &state)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        #expect(effects == [.changeUnit(
            .letterhead(LetterheadChange(superior: "", issuer: "", sign: "", place: "Xuân Hòa", authority: "", signerTitle: "",
                                         signer: "", recipients: ["Đảng ủy phường (để báo cáo)", "Lưu"])),
            of: Fixtures.cellID)])
    }

    @Test func aMentorSeesTheUnitsButMayNotChangeThem() throws {
        let data = AppFixtures.signedIn(try AppFixtures.smallCell(), as: AppFixtures.account("hung", "Trần Văn Hùng", .mentor))
        var state = try units([], data: data)
        let text = AppView.render(state, width: 80, height: 24).text
        #expect(text.contains("Chi bộ Khu phố 3"))
        #expect(!text.contains("Enter Sửa số đảng viên"), "the footer leaves out what the roles never allow")
        let effects = AppFixtures.press([.enter], into: &state)
        guard case .message(let message)? = state.modal else { Issue.record("no refusal"); return }
        #expect(message.title == MessageState.refusedByRole)
        #expect(effects.count == 1, "the refusal is recorded: \(effects)")
    }
}
