import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 18 items 13 and 15 and issue 16 item 7 on the list: the sort column chosen by key, "more" markers,
/// the mark of a guessed deadline, and the list as shown (and a file's sheet) written to a file.
@Suite struct ListFromTheKeyboardTests {
    func list(_ state: AppState) -> ListState? {
        if case .list(let list) = state.screen { return list }
        return nil
    }

    func demo(_ keys: [Key]) -> AppState {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 80, height: 24)] + keys, into: &state)
        return state
    }

    // MARK: Sorting by key

    @Test func lessAndGreaterMoveTheSortToTheNeighbouringColumn() {
        var state = demo([.char("l"), .char(">")])
        #expect(list(state)?.sort == .unit, "the column right of the names")
        AppFixtures.press([.char(">"), .char(">"), .char(">"), .char(">")], into: &state)
        #expect(list(state)?.sort == .mentor)
        #expect(state.status?.text == "Đã ở cột cuối (Người giúp đỡ).")
        AppFixtures.press([.char("S"), .char("<")], into: &state)
        #expect(list(state)?.sort == .deadline && list(state)?.descending == false, "a new column starts ascending")
        let rows = AppView.render(state, width: 80, height: 24).rows
        #expect(rows[1].contains("sắp xếp: Hạn tiếp theo ▲"))
        #expect(rows[2].contains("Hạn tiế… ▲"), "the mark stays whole when the heading is cut: \(rows[2])")
    }

    @Test func enterOnTheSortedColumnTurnsTheOrderRound() {
        var state = demo([.char("l"), .char("s"), .enter])
        #expect(list(state)?.sort == .name && list(state)?.descending == true)
        AppFixtures.press([.char("s")], into: &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("no picker"); return }
        #expect(picker.options[picker.selected] == "Họ và tên — đang dùng, giảm dần ▼; Enter: đảo chiều")
    }

    // MARK: More rows than fit

    @Test func aLongListSaysWhereItsWindowIsAndThatThereIsMore() {
        var state = demo([.char("l")])
        var heading = AppView.render(state, width: 80, height: 24).rows[1]
        #expect(heading.hasSuffix("▼ còn nữa · 1–19/40 "), "\(heading)")
        AppFixtures.press([.pageDown], into: &state)
        heading = AppView.render(state, width: 80, height: 24).rows[1]
        #expect(heading.contains("▲▼ còn nữa · "), "\(heading)")
        AppFixtures.press([.end], into: &state)
        heading = AppView.render(state, width: 80, height: 24).rows[1]
        #expect(heading.hasSuffix("▲ còn ở trên · 22–40/40 "), "\(heading)")
    }

    // MARK: A guessed deadline

    /// A demo file whose deadline is counted over Tết Đinh Mùi 2027, days off HoSo guesses (2026's are
    /// published; see ClerkDayTests).
    func guessedDeadline() throws -> (AppData, Deadline) {
        let day = Fixtures.date("2027-02-20")
        let demo = DemoOrganisation.generate(caseCount: 120, seed: 2025, today: day)
        let demoRows = CaseRow.rows(demo.cases, rulebook: .standard, calendar: WorkingCalendar(), today: day)
        let row = try #require(demoRows.first { $0.deadline?.estimatedDaysOff.isEmpty == false })
        let other = try #require(demoRows.first { $0.deadline != nil && $0.deadline?.estimatedDaysOff.isEmpty == true })
        let files = demo.cases.filter { $0.id == row.file.id || $0.id == other.file.id }
        let data = AppData(cases: files, revisions: Dictionary(uniqueKeysWithValues: files.map { ($0.id, 1) }),
                           organisation: Organisation(units: demo.units, members: demo.members), today: day, actor: "Thư ký chi bộ")
        return (data, try #require(row.deadline))
    }

    @Test func aGuessedDeadlineIsMarkedInTheListWithItsLegend() throws {
        let (data, deadline) = try guessedDeadline()
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24), .char("l")], into: &state)
        let rows = AppView.render(state, width: 80, height: 24).rows
        #expect(rows[1].contains("· * hạn dự kiến"), "the legend in the heading: \(rows[1])")
        #expect(rows.contains { $0.contains("\(deadline.due.vietnamese)*") }, "\(rows.prefix(5))")
        #expect(rows.filter { $0.contains("/20") && !$0.contains("*") && $0.contains("│ HS-") }.count == 1,
                "a counted deadline has no mark: \(rows.prefix(5))")
        #expect(KeyMaps.list.helpEntries().contains { $0.key == "*" && $0.description.contains("dự kiến") }, "and in the help")
    }

    // MARK: The list to paper

    @Test func xWritesTheListAsShownFilteredSearchedAndSorted() throws {
        var state = try {
            var state = AppState(data: try AppFixtures.smallCell())
            AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .char("S"), .char("/")], into: &state)
            AppFixtures.type("v", into: &state)
            AppFixtures.press([.enter], into: &state)
            return state
        }()
        let shown = try #require(list(state)).visible.map { state.index.rows[$0].file.id.rawValue }
        #expect(shown == ["HS-0005", "HS-0002"], "Đỗ Quang Vinh, Trần Văn Ánh: a word starting with v, turned round")
        AppFixtures.press([.char("x")], into: &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("no picker"); return }
        #expect(picker.title == "Xuất danh sách đang xem (2 hồ sơ) ra tệp")
        #expect(picker.options == ReportExportFormat.allCases.map(\.vietnamese), "the reports screen's formats")
        let effects = AppFixtures.press([.down, .enter, .ctrl("s")], into: &state)
        guard case .exportReport(let document, let format, let stem, let folder)? = effects.first else { Issue.record("no export: \(effects)"); return }
        #expect(format == .xlsx && stem == "danh-sach-ho-so-2026-11-23" && folder == "~")
        #expect(document.confidential && document.frame != nil, "MẬT, in the party document's frame like a report")
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0[1] } == shown, "row for row as on the screen")
        let first = try #require(state.data.cases.first { $0.id == "HS-0005" })
        #expect(table.rows.first == ["1", "HS-0005", "Đỗ Quang Vinh", "12/04/1998", "Chi bộ Khu phố 3", first.state.vietnamese,
                                     table.rows[0][6], table.rows[0][7], "Trần Văn Hùng"])
        #expect(document.notes.contains("Tìm: \"v\".") && document.notes.contains("Sắp xếp: Họ và tên, giảm dần."))
    }

    @Test func aPersonWhoMayNotTakeNamesOutIsToldWhyAndNothingIsWritten() throws {
        let mentor = AppFixtures.signedIn(try AppFixtures.smallCell(), as: AppFixtures.account("hung", "Trần Văn Hùng", .mentor))
        var state = AppState(data: mentor)
        let effects = AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .char("x")], into: &state)
        #expect(!effects.contains { if case .exportReport = $0 { true } else { false } })
        guard case .message(let message)? = state.modal else { Issue.record("no refusal: \(String(describing: state.modal))"); return }
        #expect(message.title == MessageState.refusedByRole)
    }

    @Test func f9WritesTheFilesSheetEveryTabOnOnePage() throws {
        var state = AppState(data: try AppFixtures.smallCell())
        let effects = AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("x"), .enter, .ctrl("s")], into: &state)
        guard case .exportReport(let document, let format, let stem, _)? = effects.first else { Issue.record("no export: \(effects)"); return }
        #expect(format == .html && stem == "to-ho-so-HS-0002")
        #expect(document.title == "Tờ hồ sơ HS-0002 — Trần Văn Ánh" && document.confidential && document.portrait)
        #expect(document.tables.map(\.title) == ["Hồ sơ"] + DetailTab.allCases.map(\.title))
        let html = ReportHTMLRenderer.render(document)
        #expect(html.contains("Trần Văn Ánh") && html.contains("Lý lịch &amp; thẩm tra"))
    }
}
