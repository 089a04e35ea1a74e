import HoSoTUI
import HoSoTestSupport
import Testing

struct CoreFormTests {
    private func makeForm() -> Form {
        Form(title: "Hồ sơ mới", fields: [
            FormField(id: "name", label: "Họ và tên", isRequired: true),
            FormField(id: "born", label: "Ngày sinh", kind: .date, isRequired: true),
            FormField(id: "sex", label: "Giới tính", kind: .choice(["Nam", "Nữ"])),
            FormField(id: "phone", label: "Điện thoại", validate: { value in
                value.allSatisfy(\.isNumber) ? nil : "Chỉ gồm chữ số"
            }),
        ])
    }

    private func type(_ text: String, into form: inout Form) {
        for character in text { _ = form.handle(.char(character)) }
    }

    private func cellForm() -> Form {
        Form(title: "Thêm hồ sơ", fields: [
            FormField(id: "unit", label: "Chi bộ", kind: .choice([
                "Chi bộ Khu phố 1", "Chi bộ Khu phố 3, phường 7", "Chi bộ Trạm Y tế", "Chi bộ Khu phố 7, phường 3",
                "Chi bộ Trường THCS Lê Lợi",
            ])),
            FormField(id: "note", label: "Ghi chú"),
        ])
    }

    @Test func typingInAChoiceFindsTheOptionWithThoseWordsWithoutDiacritics() {
        var form = cellForm()
        type("tram", into: &form)
        #expect(form.field("unit")?.value == "Chi bộ Trạm Y tế")
        #expect(form.field("unit")?.choiceQuery == "tram")
        for _ in 0..<4 { _ = form.handle(.backspace) }
        #expect(form.field("unit")?.choiceQuery == "", "Backspace takes back what was typed")
        #expect(form.field("unit")?.value == "Chi bộ Trạm Y tế", "the selection stays")
        // Two words: both must occur, in any order; the first match from the current option on.
        type("7 phuong", into: &form)
        #expect(form.field("unit")?.value == "Chi bộ Khu phố 7, phường 3")
        // ←/→ go through the matching options only, and wrap.
        _ = form.handle(.right)
        #expect(form.field("unit")?.value == "Chi bộ Khu phố 3, phường 7")
        _ = form.handle(.right)
        #expect(form.field("unit")?.value == "Chi bộ Khu phố 7, phường 3")
        _ = form.handle(.left)
        #expect(form.field("unit")?.value == "Chi bộ Khu phố 3, phường 7")
    }

    @Test func aChoiceQueryThatFindsNothingKeepsTheSelectionAndSaysSo() {
        var form = cellForm()
        _ = form.handle(.right)
        type("xyz", into: &form)
        #expect(form.field("unit")?.value == "Chi bộ Khu phố 3, phường 7")
        var buffer = CellBuffer(width: 80, height: 6)
        form.draw(in: buffer.bounds, into: &buffer)
        #expect(buffer.text.contains("◀ Chi bộ Khu phố 3, phường 7 ▶  tìm: xyz — không thấy"), "\(buffer.text)")
        #expect(buffer.styleMask.contains("WWWW"), "said in the warning colour")
    }

    @Test func spaceStillMovesAnUnsearchedChoiceAndLeavingTheFieldForgetsTheQuery() {
        var form = cellForm()
        _ = form.handle(.char(" "))
        #expect(form.field("unit")?.value == "Chi bộ Khu phố 3, phường 7")
        type("le loi", into: &form)
        #expect(form.field("unit")?.value == "Chi bộ Trường THCS Lê Lợi", "a space inside a query is part of it")
        _ = form.handle(.tab)
        #expect(form.field("unit")?.choiceQuery == "")
        _ = form.handle(.backTab)
        var buffer = CellBuffer(width: 80, height: 6)
        form.draw(in: buffer.bounds, into: &buffer)
        #expect(!buffer.text.contains("tìm:"))
    }

    @Test func tabAndShiftTabMoveBetweenFieldsAndWrap() {
        var form = makeForm()
        #expect(form.focus == 0)
        _ = form.handle(.tab)
        _ = form.handle(.down)
        #expect(form.focus == 2)
        _ = form.handle(.backTab)
        _ = form.handle(.backTab)
        _ = form.handle(.backTab)
        #expect(form.focus == 3)
    }

    @Test func dateIsValidatedWhenLeavingTheFieldAndNormalised() {
        var form = makeForm()
        _ = form.handle(.tab)
        type("31/02/2000", into: &form)
        _ = form.handle(.tab)
        #expect(form.field("born")?.error == "Ngày không hợp lệ (dd/mm/yyyy)")
        _ = form.handle(.backTab)
        _ = form.handle(.ctrl("u"))
        type("2000-02-29", into: &form)
        #expect(form.field("born")?.error == nil, "editing clears the stale message")
        _ = form.handle(.tab)
        #expect(form.field("born")?.error == nil)
        #expect(form.field("born")?.value == "29/02/2000")
    }

    @Test func submitValidatesEverythingAndFocusesTheFirstError() {
        var form = makeForm()
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        _ = form.handle(.right)
        _ = form.handle(.tab)
        type("09x", into: &form)
        do { let result = form.handle(.ctrl("s")); #expect(result == nil) }
        #expect(form.focus == 0)
        #expect(form.field("name")?.error == "Bắt buộc nhập")
        #expect(form.field("phone")?.error == "Chỉ gồm chữ số")
        type("Nguye\u{302}\u{303}n Văn A", into: &form)
        _ = form.handle(.tab)
        type("1/7/1990", into: &form)
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        _ = form.handle(.backspace)
        let outcome = form.handle(.ctrl("s"))
        #expect(outcome == .submitted(["name": "Nguyễn Văn A", "born": "01/07/1990", "sex": "Nữ", "phone": "09"]))
        if case .submitted(let values) = outcome {
            #expect(values["name"]?.unicodeScalars.count == 12, "submitted text is NFC")
        }
    }

    @Test func escapeWithUnsavedEditsAsksFirstWithFocusOnCancel() {
        var clean = makeForm()
        do { let result = clean.handle(.escape); #expect(result == .cancelled) }

        var form = makeForm()
        type("A", into: &form)
        #expect(form.isDirty)
        do { let result = form.handle(.escape); #expect(result == nil) }
        #expect(form.discardQuestion?.title == "Bỏ thay đổi?")
        do { let result = form.handle(.enter); #expect(result == nil, "Enter on the focused Hủy keeps editing") }
        #expect(form.discardQuestion == nil)
        #expect(form.field("name")?.value == "A")
        _ = form.handle(.escape)
        _ = form.handle(.right)
        do { let result = form.handle(.enter); #expect(result == .cancelled) }
    }

    @Test func rendersLabelsRequiredMarksAndErrors() {
        var form = makeForm()
        _ = form.handle(.ctrl("s"))
        var buffer = CellBuffer(width: 40, height: 7)
        form.draw(in: buffer.bounds, into: &buffer)
        assertSnapshot(buffer, """
            Họ và tên*
                        Bắt buộc nhập
            Ngày sinh*
                        Bắt buộc nhập
            Giới tính   ◀ Nam ▶
            
            Điện thoại
            """)
        #expect(buffer.cursor == Position(row: 0, col: 12))
    }
}
