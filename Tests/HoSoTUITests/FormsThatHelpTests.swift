import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 18 item 14: forms that start from the obvious value, notes of several lines, "more" markers where a
/// form scrolls, and the same keys in every form, said in the footer.
@Suite struct FormsThatHelpTests {
    static let size = Size(width: 80, height: 24)

    func small(_ keys: [Key] = [], data: AppData? = nil) throws -> AppState {
        var state = AppState(data: try data ?? AppFixtures.smallCell())
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height)] + keys, into: &state)
        return state
    }

    func check(_ state: AppState, _ name: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let buffer = AppView.render(state, width: Self.size.width, height: Self.size.height)
        if let directory = ProcessInfo.processInfo.environment["HOSO_RECORD_DIR"] {
            try? buffer.text.write(toFile: "\(directory)/\(name).txt", atomically: true, encoding: .utf8)
        }
        assertSnapshot(buffer, expected, sourceLocation: sourceLocation)
    }

    func form(_ state: AppState) -> Form? {
        if case .form(let formState)? = state.modal { return formState.form }
        return nil
    }

    // MARK: The text area

    @Test func enterStartsALineAndBackspaceAtItsStartJoinsItBack() {
        var area = TextArea()
        area.insert("Tích cực")
        area.handle(.enter)
        area.insert("tham gia")
        #expect(area.value == "Tích cực\ntham gia")
        #expect(area.cursor == (row: 1, column: 8))
        area.handle(.home)
        area.handle(.backspace)
        #expect(area.value == "Tích cựctham gia", "Backspace at a line's start joins it to the line before")
        #expect(area.cursor == (row: 0, column: 8))
        area.handle(.enter)
        let upInside = area.handle(.up), upOnFirst = area.handle(.up)
        #expect(upInside, "↑ goes to the line above")
        #expect(!upOnFirst, "↑ on the first line is the form's (the field before)")
        let downInside = area.handle(.down), downOnLast = area.handle(.down)
        #expect(downInside)
        #expect(!downOnLast, "↓ on the last line is the form's (the field after)")
    }

    @Test func aPastedTextKeepsItsLinesAndTheLimitCountsLineBreaks() {
        var area = TextArea(maxLength: 10)
        area.insert("Dòng một\r\nhai và ba")
        #expect(area.value == "Dòng một\nh", "8 letters, a line break and one letter: 10")
        #expect(area.lines.count == 2)
        area.handle(.char("x"))
        #expect(area.value == "Dòng một\nh", "nothing past the limit")
        area.handle(.enter)
        #expect(area.value == "Dòng một\nh", "a line break counts as one character too")
    }

    @Test func aNoteLongerThanItsRowsSaysThereAreLinesAboveOrBelow() {
        var area = TextArea("một\nhai\nba\nbốn\nnăm\nsáu")
        var buffer = CellBuffer(width: 20, height: 4)
        area.draw(in: buffer.bounds, into: &buffer, focused: true)
        #expect(buffer.rows == ["ba                 ▲", "bốn                 ", "năm                 ", "sáu                 "],
                "the last lines, with the cursor: \(buffer.rows)")
        for _ in 0..<5 { area.handle(.up) }
        buffer = CellBuffer(width: 20, height: 4)
        area.draw(in: buffer.bounds, into: &buffer, focused: true)
        #expect(buffer.rows.first?.hasPrefix("một") == true && buffer.rows.last?.hasSuffix("▼") == true, "\(buffer.rows)")
    }

    // MARK: The note form

    func noteForm() throws -> AppState {
        try small([.char("l"), .down, .enter, .char("m")])
    }

    @Test func aNoteIsTypedOnSeveralLinesAndSavedWithThem() throws {
        var state = try noteForm()
        #expect(form(state)?.title == "Nhận xét — HS-0003 Lê Hoàng Đức", "the candidate's name in the title")
        AppFixtures.type("Tháng 11: tích cực.", into: &state)
        AppFixtures.press([.enter], into: &state)
        AppFixtures.type("Cần đọc thêm Điều lệ.", into: &state)
        #expect(form(state)?.focus == 0, "Enter in a note adds a line; it does not leave the field")
        check(state, "note-80", """
             HoSo · Hồ sơ HS-0003                                23/11/2026 · Thư ký chi bộ
             ┌─ Nhận xét — HS-0003 Lê Hoàng Đức ──────────────────────────────────────────┐
             │ * bắt buộc · Enter xuống dòng · Ctrl-S lưu · Esc hủy                       │
             │                                                                            │
             │ Nội dung nhận xét* Tháng 11: tích cực.                                     │
             │                    Cần đọc thêm Điều lệ.                                   │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │ Ngày*              23/11/2026                                              │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             │                                                                            │
             └────────────────────────────────────────────────────────────────────────────┘
            
             Enter Xuống dòng · Tab Ô sau · Shift-Tab Ô trước · Ctrl-S Lưu · Esc Hủy
            """)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        let saved = AppFixtures.applied(effects.first, in: state)
        #expect(saved?.notes.last?.text == "Tháng 11: tích cực.\nCần đọc thêm Điều lệ.", "the stored note keeps its lines")
    }

    @Test func aNoteOfOnlyBlankLinesIsRefusedAsTheCommandLineRefusesIt() throws {
        var state = try noteForm()
        AppFixtures.press([.char(" "), .enter, .enter, .ctrl("s")], into: &state)
        #expect(form(state)?.field("text")?.error == "Bắt buộc nhập", "blank lines are no note")
    }

    @Test func tabLeavesTheNoteAndUpFromTheDateComesBackToItsLastLine() throws {
        var state = try noteForm()
        AppFixtures.type("a", into: &state)
        AppFixtures.press([.enter], into: &state)
        AppFixtures.type("b", into: &state)
        AppFixtures.press([.tab], into: &state)
        #expect(form(state)?.focus == 1)
        AppFixtures.press([.up], into: &state)
        #expect(form(state)?.focus == 0)
        AppFixtures.press([.up], into: &state)
        #expect(form(state)?.focus == 0, "↑ inside the note goes up a line first")
        AppFixtures.press([.up], into: &state)
        #expect(form(state)?.focus == 1, "↑ on the note's first line goes to the field before (wrapping, as Shift-Tab)")
    }

    // MARK: Prefilled values

    @Test func aVerificationItemAboutTheCandidateIsFilledWithTheCandidate() throws {
        var state = try small([.char("l"), .char("j"), .char("j"), .char("j"), .enter])
        guard case .detail(let detail) = state.screen, let file = state.data.cases.first(where: { $0.id == detail.caseID }) else {
            Issue.record("no file open")
            return
        }
        #expect(detail.caseID == "HS-0001")
        #expect(file.verificationItems.isEmpty)
        AppFixtures.press([.char("v")], into: &state)
        #expect(form(state)?.field("relation")?.value == "Bản thân")
        #expect(form(state)?.field("name")?.value == "Nguyễn Thị Minh Khai")
        #expect(form(state)?.field("place")?.value == file.person.homeAddress)
        #expect(form(state)?.field("year")?.value == "1998")
        #expect(form(state)?.isDirty == false, "what the form starts with is not a change to discard")
        AppFixtures.press([.right], into: &state)
        #expect(form(state)?.field("relation")?.value == "Cha đẻ")
        #expect(form(state)?.field("name")?.value == "", "another relation is another person: the candidate's name goes")
        AppFixtures.press([.left], into: &state)
        #expect(form(state)?.field("name")?.value == "Nguyễn Thị Minh Khai")
        AppFixtures.press([.tab], into: &state)
        AppFixtures.press([.ctrl("u")], into: &state)
        AppFixtures.type("Trần Văn Bình", into: &state)
        AppFixtures.press([.backTab, .right], into: &state)
        #expect(form(state)?.field("name")?.value == "Trần Văn Bình", "a name typed by the person stays")
    }

    @Test func onceTheCandidateIsVerifiedTheNextItemStartsOnARelativeNotYetAskedAbout() throws {
        var state = try small([.char("l"), .enter])
        guard case .detail(let detail) = state.screen, let file = state.data.cases.first(where: { $0.id == detail.caseID }) else {
            Issue.record("no file open")
            return
        }
        let recorded = Set(file.verificationItems.map(\.relation))
        #expect(recorded.contains(.candidate))
        AppFixtures.press([.char("v")], into: &state)
        let first = VerificationItem.Relation.allCases.first { !recorded.contains($0) }
        #expect(form(state)?.field("relation")?.value == first?.vietnamese)
        #expect(form(state)?.field("name")?.value == "", "a relative's name is the clerk's to type")
    }

    @Test func aNewFileStartsInTheCellOfTheListItCameFrom() {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .char("f")], into: &state)
        guard case .picker(let picker)? = state.modal,
              let option = picker.options.firstIndex(where: { $0.hasPrefix("Chi bộ: ") && !$0.contains(state.data.cells[0].name) })
        else { Issue.record("no cell in the filter"); return }
        let cell = String(picker.options[option].dropFirst("Chi bộ: ".count).prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
        AppFixtures.press(Array(repeating: .down, count: option) + [.enter, .char("a")], into: &state)
        #expect(form(state)?.field("unit")?.value == cell)
    }

    @Test func aNewFileStartsInTheCellOfTheClerkSignedIn() {
        let data = AppFixtures.demoData()
        let cell = data.cells[2]
        let member = data.organisation.members.values.first { $0.unitID == cell.id }
        let clerk = Account(id: "lan", fullName: "Nguyễn Thị Lan", memberID: member?.id, grants: [RoleGrant(.clerk, in: data.organisation.sortedUnits[0].id)])
        var state = AppState(data: AppFixtures.signedIn(data, as: clerk))
        AppFixtures.press([.resize(width: 80, height: 24), .char("a")], into: &state)
        #expect(form(state)?.field("unit")?.value == cell.name, "the board has no cell: the clerk's own")
    }

    // MARK: Scrolling forms say so

    @Test func aFormTallerThanThePopupSaysThereIsMoreBelowAndAbove() throws {
        var state = try small([.char("a")])
        var text = AppView.render(state, width: 80, height: 24).text
        #expect(text.contains("─── ▼ còn nữa ─┘"), "on the popup's bottom edge: \(text)")
        #expect(!text.contains("▲ còn ở trên"))
        AppFixtures.press([.backTab], into: &state)
        text = AppView.render(state, width: 80, height: 24).text
        #expect(text.contains("▲ còn ở trên"), "the last field shown: the first ones are above")
        #expect(!text.contains("▼ còn nữa"))
    }
}
