import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// What colour says on the screens, checked on the rendered cells (one letter per role, see
/// `StyleRole.maskLetter`): the text snapshots cannot tell a selected row or a warning from plain text.
@Suite struct AppStyleTests {
    func render(_ keys: [Key], data: AppData? = nil) throws -> CellBuffer {
        var state = AppState(data: try data ?? AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24)] + keys, into: &state)
        return AppView.render(state, width: 80, height: 24)
    }

    /// The role letters of the first place `text` is drawn, or nil when it is not on screen.
    func roles(of text: String, in buffer: CellBuffer, skipping: Int = 0) -> String? {
        let wanted = text.map(String.init)
        var found = 0
        for row in 0..<buffer.height {
            let cells = (0..<buffer.width).map { buffer[row, $0] }.filter { !$0.isContinuation }
            guard cells.count >= wanted.count else { continue }
            for start in 0...(cells.count - wanted.count) where cells[start..<start + wanted.count].map(\.grapheme) == wanted {
                if found == skipping { return String(cells[start..<start + wanted.count].map { $0.style.role.maskLetter }) }
                found += 1
            }
        }
        return nil
    }

    /// The role letters of the whole screen row where `text` is drawn.
    func rowRoles(of text: String, in buffer: CellBuffer) -> String? {
        let lines = buffer.rows
        guard let row = lines.firstIndex(where: { $0.contains(text) }) else { return nil }
        return buffer.styleMask.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[row]
    }

    @Test func theSelectedRowIsHighlightedWholeAndTheMarksOfTheOthersAreColoured() throws {
        let list = try render([.char("l")])
        // The first row is selected: every cell of it, its marks included.
        #expect(rowRoles(of: "HS-0002", in: list) == String(repeating: "S", count: 80))
        // Overdue ("!") in the error colour on the other rows, as the board shows its overdue counts; the
        // column separators in the border's.
        #expect(roles(of: "!✗ │ HS-0003", in: list) == "EEbbb.......")
        #expect(roles(of: "!  │ HS-0004", in: list) == "EEbbb.......")
        #expect(roles(of: "Mã", in: list) == "HH", "the header row")
        let moved = try render([.char("l"), .down])
        #expect(roles(of: "!✗ │ HS-0002", in: moved) == "EEbbb.......")
        #expect(rowRoles(of: "HS-0003", in: moved) == String(repeating: "S", count: 80))
    }

    @Test func aBlockedFileThatIsNotOverdueIsMarkedInTheWarningColour() throws {
        var young = try AppFixtures.file("HS-0009", "Vũ Minh Tâm", in: .introduced, born: "2009-03-01")
        let other = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        // Just introduced, its monthly note made: nothing overdue, and the age still blocks the vote.
        young.stateSince = AppFixtures.today
        young.notes.append(ProgressNote(date: AppFixtures.today, author: "Trần Văn Hùng", text: "Tích cực."))
        let list = try render([.char("l")], data: AppFixtures.cellData([other, young]))
        #expect(roles(of: " ✗ │ HS-0009", in: list) == "WWbbb.......")
    }

    @Test func theBoardColoursWhatNeedsAttention() throws {
        let board = try render([], data: AppFixtures.demoData())
        // The selected item (the first column's stage), the other stages as headers, the overdue counts
        // (not zero here) in the error colour, a count of zero plain.
        #expect(roles(of: "Nguồn", in: board) == "SSSSS")
        #expect(roles(of: "Bồi dưỡng", in: board) == "HHHHHHHHH")
        #expect(roles(of: "Quá hạn     3", in: board) == String(repeating: "E", count: 13))
        #expect(roles(of: "Sắp hạn     0", in: board) == String(repeating: ".", count: 13))
        #expect(roles(of: "Kết nạp năm 2026", in: board) == String(repeating: "T", count: 16))
    }

    @Test func aFormShowsItsFocusItsErrorsAndTheSafeChoiceOfItsQuestion() throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("a")], into: &state)
        AppFixtures.type("Ngô Thị Lan", into: &state)
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("31/02/1999", into: &state)
        AppFixtures.press([.tab], into: &state)
        let form = AppView.render(state, width: 80, height: 24)
        #expect(roles(of: "Ngày không hợp lệ", in: form) == String(repeating: "E", count: 17))
        #expect(roles(of: "◀ Nam ▶", in: form) == String(repeating: "I", count: 7), "the focused choice")
        #expect(roles(of: "Ngô Thị Lan", in: form) == String(repeating: "i", count: 11), "a field without focus")
        AppFixtures.press([.escape], into: &state)
        let question = AppView.render(state, width: 80, height: 24)
        #expect(roles(of: "[ Hủy ]", in: question) == String(repeating: "S", count: 7), "Hủy has the focus")
        #expect(roles(of: "[ Bỏ thay đổi ]", in: question) == String(repeating: ".", count: 15), "not focused")
    }

    @Test func aRefusalPopupIsFramedAndListsItsUnmetRequirementsInTheErrorColour() throws {
        let young = try AppFixtures.file("HS-0009", "Vũ Minh Tâm", in: .introduced, born: "2009-03-01")
        var state = AppState(data: AppFixtures.cellData([young]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("n"), .enter, .right, .enter, .tab], into: &state)
        AppFixtures.type("7", into: &state)
        AppFixtures.press([.ctrl("s"), .right, .enter], into: &state)
        let popup = AppView.render(state, width: 80, height: 24)
        // The frame in the error colour, its title as titles are.
        #expect(roles(of: "┌─ Không thể thực hiện ─", in: popup) == "EE" + String(repeating: "T", count: 21) + "E")
        // Each unmet requirement in the error colour, its wrapped lines too; the line before them plain.
        #expect(roles(of: "✗ 17 năm 8 tháng", in: popup) == String(repeating: "E", count: 16))
        #expect(roles(of: "định 294-QĐ/TW", in: popup) == String(repeating: "E", count: 14))
        #expect(roles(of: "Chưa thể", in: popup) == String(repeating: ".", count: 8))
        #expect(roles(of: "[ OK ]", in: popup) == String(repeating: "S", count: 6))
    }
}
