import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// A clerk's whole day at 80×24 (issue 18): keys that say what they do, nothing cut that is needed.
@Suite struct ClerkDayTests {
    static let size = Size(width: 80, height: 24)

    func demo(_ keys: [Key] = []) -> AppState {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height)] + keys, into: &state)
        return state
    }

    func rendered(_ state: AppState) -> CellBuffer { AppView.render(state, width: Self.size.width, height: Self.size.height) }

    /// The style letters of the cells of `text` on the first row showing it.
    func roles(of text: String, in buffer: CellBuffer) -> String? {
        let rows = buffer.rows
        guard let row = rows.firstIndex(where: { $0.contains(text) }), let range = rows[row].range(of: text) else { return nil }
        let start = CellBuffer.columns(of: String(rows[row][..<range.lowerBound]))
        let mask = Array(buffer.styleMask.split(separator: "\n", omittingEmptySubsequences: false)[row])
        return String(mask[start..<(start + CellBuffer.columns(of: text))])
    }

    // MARK: 1. Classes: ←/→ and h/l change the class

    func classIndex(_ state: AppState) -> Int? {
        if case .classes(let classes) = state.screen { return classes.classIndex }
        return nil
    }

    @Test func arrowsAndHLChangeTheClassAndLStaysOnTheClasses() {
        var state = demo([.char("c")])
        let count = ClassesLogic.groups(state.index).count
        try? #require(count >= 3, "the demo has several classes")
        AppFixtures.press([.right], into: &state)
        #expect(classIndex(state) == 1, "→ is the next class, as the footer says")
        AppFixtures.press([.char("l")], into: &state)
        #expect(classIndex(state) == 2, "l is the next class, as h is the previous one")
        AppFixtures.press([.left], into: &state)
        #expect(classIndex(state) == 1)
        AppFixtures.press([.char("h")], into: &state)
        #expect(classIndex(state) == 0)
        AppFixtures.press([.function(2)], into: &state)
        if case .list = state.screen {} else { Issue.record("F2 still opens the list") }
    }

    @Test func theClassesHelpSaysWhatLAndF2Do() {
        let help = KeyMaps.classes.helpEntries()
        #expect(help.contains(KeyHint(key: "→/l", description: "Lớp sau")))
        #expect(help.contains(KeyHint(key: "F2", description: "Danh sách hồ sơ")))
        #expect(!help.contains { $0.key.contains("l/F2") }, "l is no longer the list here")
    }

    // MARK: 2. The file's tab bar scrolls to the active tab

    func detailAt80(_ keys: [Key]) throws -> AppState {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter] + keys, into: &state)
        return state
    }

    @Test(arguments: [("1", "1 Thông tin"), ("5", "5 Kết nạp"), ("6", "6 Dự bị"), ("7", "7 Hồ sơ giấy tờ"), ("8", "8 Lịch sử")])
    func everyTabShowsWholeAndHighlightedAt80Columns(key: Character, title: String) throws {
        let screen = rendered(try detailAt80([.char(key)]))
        let tabRow = screen.rows[ScreenLayout.detailTabs(Self.size).row]
        #expect(tabRow.contains(" \(title) "), "\(tabRow)")
        #expect(roles(of: " \(title) ", in: screen) == String(repeating: "S", count: CellBuffer.columns(of: " \(title) ")))
        #expect(!tabRow.contains("…"), "no tab is cut: \(tabRow)")
    }

    @Test func theTabBarSaysTabsAreHiddenAndAClickMeetsTheTabsAsDrawn() throws {
        var state = try detailAt80([.char("8")])
        let tabRow = rendered(state).rows[ScreenLayout.detailTabs(Self.size).row]
        #expect(tabRow.hasPrefix("◀ "), "tabs hidden on the left: \(tabRow)")
        let first = rendered(try detailAt80([])).rows[ScreenLayout.detailTabs(Self.size).row]
        #expect(first.trimmingCharacters(in: .whitespaces).hasSuffix("▶"), "tabs hidden on the right: \(first)")
        let hits = DetailTabHits.rects(Self.size, selected: .history)
        let shown = try #require(hits.firstIndex { $0.width > 0 })
        #expect(shown > 0)
        AppFixtures.press([.mouse(MouseEvent(row: hits[shown].row, col: hits[shown].col + 1, kind: .leftClick))], into: &state)
        guard case .detail(let detail) = state.screen else { Issue.record("no detail"); return }
        #expect(detail.tab.rawValue == shown)
    }

    // MARK: 3. Reports: G/End, and the deadline column at 80 columns

    func reportsScroll(_ state: AppState) -> Int? {
        if case .reports(let reports) = state.screen { return reports.scroll }
        return nil
    }

    @Test func gAndEndShowTheEndOfTheReportAndUpMovesAtOnce() {
        var state = demo([.char("r"), .char("G")])
        let screen = rendered(state).text
        #expect(screen.contains("Giấy chứng nhận hết hạn trong 90 ngày"), "the last table is on screen:\n\(screen)")
        let end = reportsScroll(state)
        #expect((end ?? 0) > 0)
        AppFixtures.press([.down, .down, .up], into: &state)
        #expect(reportsScroll(state) == (end ?? 0) - 1, "↓ past the end does not pile up")
        AppFixtures.press([.char("g"), .end], into: &state)
        #expect(reportsScroll(state) == end)
    }

    @Test func theOverdueTableKeepsItsDeadlineColumnAt80Columns() {
        let state = demo([.char("r")])
        guard case .reports(let reports) = state.screen else { Issue.record("no reports"); return }
        let header = reports.lines.firstIndex { $0.hasPrefix("Quá hạn:") }.map { reports.lines[$0 + 1] }
        #expect(header?.hasSuffix("Hạn") == true, "\(header ?? "no overdue table")")
        let wide = reports.lines.filter { CellBuffer.columns(of: $0) > 79 }
        #expect(wide.allSatisfy { !$0.contains("  ") }, "every table fits after the margin: \(wide)")
        let rows = reports.lines.drop { !$0.hasPrefix("Quá hạn:") }.dropFirst(3).prefix { !$0.isEmpty }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.range(of: #"\d\d/\d\d/\d{4}$"#, options: .regularExpression) != nil },
                "\(Array(rows))")
    }

    // MARK: 4. Printable keys in a picker are text

    func picker(_ state: AppState) -> PickerState? {
        if case .picker(let picker)? = state.modal { return picker }
        return nil
    }

    @Test func aLeadingKInTheFilterPickerIsTyped() {
        var state = demo([.char("l"), .char("f")])
        AppFixtures.type("khu pho 3", into: &state)
        let found = picker(state)
        #expect(found?.query == "khu pho 3")
        #expect(found.map { $0.options[$0.selected] }?.hasPrefix("Chi bộ: Chi bộ Khu phố 3 (") == true)
    }

    @Test func aLeadingJOrKInTheMentorPickerIsTyped() {
        var state = demo([.char("t")])
        let before = picker(state)?.selected
        AppFixtures.type("k", into: &state)
        #expect(picker(state)?.query == "k")
        AppFixtures.press([.backspace, .char("j")], into: &state)
        #expect(picker(state)?.query == "j")
        #expect(before != nil)
    }

    // MARK: 5. The file's help names each tab key

    @Test func theHelpGivesTheHistoryTabItsOwnKey() {
        let help = KeyMaps.detail.helpEntries()
        #expect(help.contains(KeyHint(key: "8", description: "Thẻ Lịch sử")))
        #expect(!help.contains { $0.key == "1…8" })
    }

    // MARK: 7. Nothing needed is cut in a roomy dialog, a step hint or a sorted header

    @Test func theVoteFormShowsItsLabelsWholeAt80Columns() throws {
        let file = try AppFixtures.file("HS-0003", "Lê Hoàng Đức", in: .introduced)
        var state = AppState(data: AppFixtures.cellData([file]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("n"), .enter, .right, .enter], into: &state)
        guard case .form? = state.modal else { Issue.record("no step form"); return }
        let screen = rendered(state).text
        for label in ["Số phiếu không tán thành", "Miễn sinh hoạt vắng mặt"] {
            #expect(screen.contains(label), "\(label) is whole:\n\(screen)")
        }
    }

    @Test func theNextStepHintIsWholeAt80Columns() throws {
        let file = try AppFixtures.file("HS-0003", "Lê Hoàng Đức", in: .committeeApproved)
        var state = AppState(data: AppFixtures.cellData([file]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter], into: &state)
        let screen = rendered(state).text
        #expect(screen.contains("Bước tiếp theo: Ghi nhận quyết định kết nạp"), "\(screen)")
        #expect(screen.contains("(n hoặc F4)"), "\(screen)")
    }

    @Test(arguments: 1...5)
    func theSortMarkShowsOnANarrowHeader(presses: Int) throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("l")] + Array(repeating: .char("s"), count: presses), into: &state)
        let header = rendered(state).rows[ScreenLayout.listTable(Self.size).row]
        #expect(header.contains("▲"), "\(header)")
    }

    // MARK: 8. Only the mentor's own note is the monthly report

    @Test func aClerksNoteIsNotTheMentorsMonthlyReport() throws {
        var byClerk = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        byClerk.notes.append(ProgressNote(date: AppFixtures.today, author: "Thư ký chi bộ", text: "Đã nhắc."))
        var byMentor = try AppFixtures.file("HS-0002", "Trần Văn Ánh", in: .sympathizer)
        byMentor.notes.append(ProgressNote(date: AppFixtures.today, author: "Trần Văn Hùng", text: "Tích cực."))
        var state = AppState(data: AppFixtures.cellData([byClerk, byMentor]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("t")], into: &state)
        AppFixtures.type("hung", into: &state)
        AppFixtures.press([.enter], into: &state)
        let rows = rendered(state).rows
        let clerkRow = try #require(rows.first { $0.contains("HS-0001") })
        let mentorRow = try #require(rows.first { $0.contains("HS-0002") })
        #expect(clerkRow.hasPrefix("!") && clerkRow.contains("Chưa có"), "\(clerkRow)")
        #expect(!mentorRow.hasPrefix("!") && mentorRow.contains("Đã có"), "\(mentorRow)")
        #expect(rows.contains { $0.contains("1 người chưa có nhận xét") })
    }

    // MARK: 6. A mentor's board shows their own figures, not the ward's

    @Test func aMentorsBoardCountsTheirCandidatesNotTheWardsAdmissions() throws {
        var data = AppFixtures.signedIn(try AppFixtures.twoMentorCell(), as: AppFixtures.people[1])
        let index = try #require(data.cases.firstIndex { $0.id == "HS-0001" })
        data.cases[index].notes.append(ProgressNote(date: AppFixtures.today, author: "Trần Văn Hùng (hung)", text: "Tốt."))
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24)], into: &state)
        let screen = rendered(state).text
        #expect(!screen.contains("Kết nạp năm") && !screen.contains("Mục tiêu"), "\(screen)")
        #expect(screen.contains("Anh/chị đang giúp đỡ 3 người · 2 người chưa có nhận xét tháng 11/2026"), "\(screen)")
        var clerk = AppState(data: AppFixtures.signedIn(try AppFixtures.twoMentorCell(), as: AppFixtures.people[0]))
        AppFixtures.press([.resize(width: 80, height: 24)], into: &clerk)
        #expect(rendered(clerk).text.contains("Kết nạp năm 2026"), "the clerk keeps the unit's figures")
    }

    // MARK: 11. Units told apart and states readable in the list at 80 columns

    @Test func theListTellsUnitsApartAndKeepsStatesReadableAt80Columns() {
        let state = demo([.char("l")])
        let rows = rendered(state).rows
        let table = ScreenLayout.listTable(Self.size)
        let cells = rows[(table.row + 1)..<table.bottom].map { $0.components(separatedBy: "│").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count == 7 }
        let units = Set(cells.map { $0[3] })
        #expect(units.count > 1, "different units read differently: \(units)")
        #expect(units.allSatisfy { !$0.hasPrefix("Chi bộ") }, "\(units)")
        #expect(cells.allSatisfy { !$0[4].hasSuffix("…") }, "every state whole: \(cells.map { $0[4] })")
    }

    @Test func theFilesNextDeadlineIsWholeAt80Columns() throws {
        let screen = rendered(try detailAt80([])).rows[2]
        #expect(screen.contains("Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn"), "\(screen)")
    }
}

/// Issue 18, item 13: finding things — filters that combine and say so in the header, a reverse sort, a
/// key home from anywhere, and Esc that never has to be pressed four times.
extension ClerkDayTests {
    // MARK: 13. Finding things

    func list(_ state: AppState) -> ListState? {
        if case .list(let list) = state.screen { return list }
        return nil
    }

    /// Chooses the filter picker's option that contains every word of `words`.
    func filter(_ words: String, into state: inout AppState) {
        AppFixtures.press([.char("f")], into: &state)
        AppFixtures.type(words, into: &state)
        AppFixtures.press([.enter], into: &state)
    }

    @Test func filtersCombineAndTheHeaderSaysSo() throws {
        var state = demo([.char("l")])
        let unit = try #require(state.data.organisation.sortedUnits.first { (state.index.counts.byUnit[$0.id] ?? 0) > 0 && $0.kind == .cell })
        filter("qua han", into: &state)
        filter(unit.name, into: &state)
        let combined = try #require(list(state))
        #expect(combined.filter.overdueOnly && combined.filter.unit == unit.id, "both conditions hold")
        let rows = combined.visible.map { state.index.rows[$0] }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.isOverdue && $0.file.unitID == unit.id })
        let header = rendered(state).rows[1]
        #expect(header.contains("Quá hạn · \(unit.name)"), "\(header)")
        // "Tất cả hồ sơ" clears every condition.
        filter("tat ca", into: &state)
        #expect(list(state)?.filter == .all)
        #expect(list(state)?.visible.count == state.index.rows.count)
    }

    @Test func theSortTurnsRoundAndTheMarkSaysWhichWay() throws {
        var state = demo([.char("l")])
        let ascending = try #require(list(state)).visible
        AppFixtures.press([.char("S")], into: &state)
        let turned = try #require(list(state))
        #expect(turned.descending && turned.visible == ascending.reversed())
        let screen = rendered(state).rows
        #expect(screen[2].contains("Họ và tên ▼") && screen[1].contains("sắp xếp: Họ và tên ▼"), "\(screen[1])\n\(screen[2])")
        // Shift-F9 turns it back; < sorts by the column to the left, ascending.
        AppFixtures.press([.function(21)], into: &state)
        #expect(list(state)?.visible == ascending)
        AppFixtures.press([.char("S"), .char("<")], into: &state)
        #expect(list(state)?.sort == .id && list(state)?.descending == false)
    }

    @Test func ctrlAGoesHomeAndEscIsNeverNeededFourTimes() throws {
        // Board → list → file → classes (c) → a file of the class → the reports (r) → the list (F2).
        var state = demo([.char("l"), .enter, .char("c"), .enter, .char("r"), .function(2), .enter])
        #expect(state.screens.count <= 3, "a screen key opens its screen above the board: \(state.screens.count) deep")
        AppFixtures.press([.escape, .escape], into: &state)
        guard case .board = state.screen else { Issue.record("two Esc did not reach the board"); return }
        state = demo([.char("l"), .enter, .char("n")])
        #expect(state.modal != nil)
        AppFixtures.press([.escape, .ctrl("a")], into: &state)
        guard case .board = state.screen else { Issue.record("Ctrl-A did not go home"); return }
        #expect(state.screens.count == 1)
    }
}

extension ClerkDayTests {
    /// Issue 18, item 13: `/` finds a file on the classes and mentor screens too, without diacritics.
    @Test func slashFindsAFileInAClassAndAmongAMentorsCandidates() throws {
        var state = demo([.char("c")])
        let group = try #require(ClassesLogic.groups(state.index).first { $0.rows.count >= 3 })
        let index = try #require(ClassesLogic.groups(state.index).firstIndex { $0.name == group.name })
        AppFixtures.press(Array(repeating: .right, count: index), into: &state)
        let target = state.index.rows[group.rows[2]].file
        let words = VietnameseText.folded(target.person.fullName)
        AppFixtures.press([.char("/")], into: &state)
        AppFixtures.type(words, into: &state)
        guard case .classes(let classes) = state.screen else { Issue.record("not on the classes"); return }
        #expect(state.index.rows[group.rows[classes.candidate]].file.id == target.id, "typed without diacritics: \(words)")
        #expect(rendered(state).rows.contains { $0.hasPrefix(" Tìm: ") })
        // Esc goes back to where the selection was; Enter keeps the place found.
        AppFixtures.press([.escape], into: &state)
        guard case .classes(let back) = state.screen else { return }
        #expect(back.candidate == 0 && state.find == nil)
        AppFixtures.press([.char("/")], into: &state)
        AppFixtures.type(target.id.rawValue, into: &state)
        AppFixtures.press([.enter], into: &state)
        guard case .classes(let kept) = state.screen else { return }
        #expect(kept.candidate == 2 && state.find == nil)

        // The mentor screen: the mentor of that file, then its number.
        var mentorState = demo([.char("t")])
        let mentor = try #require(target.activeMentors.first?.memberID)
        AppFixtures.type(VietnameseText.folded(state.data.memberName(mentor)), into: &mentorState)
        AppFixtures.press([.enter, .char("/")], into: &mentorState)
        AppFixtures.type(target.id.rawValue, into: &mentorState)
        AppFixtures.press([.enter], into: &mentorState)
        guard case .mentor(let shown) = mentorState.screen else { Issue.record("not on the mentor screen"); return }
        let rows = MentorLogic.candidates(of: mentor, index: mentorState.index)
        #expect(mentorState.index.rows[rows[shown.selected]].file.id == target.id)
    }
}

extension ClerkDayTests {
    /// Issue 16 item 7: a deadline counted over days off the government has not announced yet says "dự kiến"
    /// in the file's header, as `hoso case show` does.
    @Test func aDeadlineOverGuessedDaysOffSaysSoInTheHeader() throws {
        // The demo as `hoso demo` makes it on 20/02/2027: a file whose deadline was counted over Tết Đinh Mùi 2027,
        // whose days HoSo guesses until holidays.json confirms them (2026's schedule is built in).
        let day = Fixtures.date("2027-02-20")
        let demo = DemoOrganisation.generate(caseCount: 120, seed: 2025, today: day)
        let demoRows = CaseRow.rows(demo.cases, rulebook: .standard, calendar: WorkingCalendar(), today: day)
        let row = try #require(demoRows.first { $0.deadline?.estimatedDaysOff.isEmpty == false })
        let file = try #require(demo.cases.first { $0.id == row.file.id })
        let data = AppData(
            cases: [file], revisions: [file.id: 1], organisation: Organisation(units: demo.units, members: demo.members),
            today: day, actor: "Thư ký chi bộ")
        let deadline = try #require(row.deadline)
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 120, height: 30), .char("l"), .enter], into: &state)
        let rows = AppView.render(state, width: 120, height: 30).rows
        #expect(rows.contains { $0.contains("\(deadline.label): \(deadline.due.vietnamese) (dự kiến) (") }, "\(rows.prefix(4))")
        #expect(deadline.dueText.hasPrefix(deadline.due.vietnamese + " (dự kiến: tính qua ngày nghỉ chưa công bố "))
    }

    /// Issue 17 item 4: F9 on a file offers the papers its recorded steps allow and writes the chosen one.
    @Test func f9PrintsThePapersOfTheRecordedSteps() throws {
        let voted = try AppFixtures.file("HS-0003", "Lê Hoàng Đức", in: .cellApproved)
        var state = AppState(data: AppFixtures.cellData([voted]))
        AppFixtures.press([.resize(width: 100, height: 30), .char("l"), .enter, .char("x")], into: &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("no picker: \(String(describing: state.modal))"); return }
        #expect(picker.options == ["Tờ hồ sơ: mọi thẻ của màn hình hồ sơ", StepDocument.cellResolution.vietnamese,
                                   StepDocument.classList.vietnamese])
        #expect(AppFixtures.press([.down, .enter], into: &state).isEmpty, "the folder is asked first")
        guard case .form(let dialog)? = state.modal else { Issue.record("no folder dialog"); return }
        #expect(dialog.form.title == "Ghi \(StepDocument.cellResolution.vietnamese) HS-0003 ra tệp HTML")
        #expect(dialog.form.fields.map(\.value) == ["~"], "the home folder before any export")
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        guard case .exportReport(let document, let format, let stem, let folder)? = effects.first else { Issue.record("no export: \(effects)"); return }
        #expect(document.title == "Nghị quyết đề nghị kết nạp đảng viên" && document.portrait && document.confidential)
        #expect(format == .html && stem == "giay-to-cell-resolution-HS-0003" && folder == "~")

        // A file with no recorded step to print has its sheet only, and says which step comes first; a mentor
        // may not print at all.
        let nominated = try AppFixtures.file("HS-0004", "Phạm Thị Hoa", in: .nominated)
        var early = AppState(data: AppFixtures.cellData([nominated]))
        AppFixtures.press([.resize(width: 100, height: 30), .char("l"), .enter, .char("x")], into: &early)
        guard case .picker(let sheetOnly)? = early.modal else { Issue.record("no picker"); return }
        #expect(sheetOnly.options == ["Tờ hồ sơ: mọi thẻ của màn hình hồ sơ"])
        #expect(early.status?.text.hasPrefix("Chưa có giấy tờ của bước nào") == true, "\(String(describing: early.status))")
        let mentorData = AppFixtures.signedIn(AppFixtures.cellData([voted]), as: AppFixtures.account("hung", "Trần Văn Hùng", .mentor))
        var mentor = AppState(data: mentorData)
        let refused = AppFixtures.press([.resize(width: 100, height: 30), .char("l"), .enter, .char("x")], into: &mentor)
        #expect(!refused.contains { if case .exportReport = $0 { true } else { false } })
        if case .picker? = mentor.modal { Issue.record("a mentor was offered papers") }
    }

    /// Issue 16 item 9: a note of several lines (the CLI takes them) shows its later lines indented under it.
    @Test func aNoteOfSeveralLinesHangsUnderItsDate() throws {
        var file = try AppFixtures.file("HS-0001", "Nguyễn Thị Khải", in: .sympathizer)
        file.notes = [ProgressNote(date: Fixtures.date("2024-03-04"), author: "Thư ký Lan (lan)", text: "dòng một\ndòng hai")]
        var state = AppState(data: AppFixtures.cellData([file]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("2")], into: &state)
        let rows = AppView.render(state, width: 80, height: 24).rows
        let first = try #require(rows.firstIndex { $0.contains("04/03/2024 Thư ký Lan (lan): dòng một") })
        #expect(rows[first + 1].trimmingCharacters(in: .whitespaces) == "dòng hai")
        let dateColumn = rows[first].prefix { $0 == " " }.count
        let continuation = rows[first + 1].prefix { $0 == " " }.count
        #expect(continuation == dateColumn + 2, "indented under the note, not at the margin: \(rows[first + 1])")
    }

    /// The keys of the four common tasks, as the user guide counts them (typing aside): each sequence does
    /// its task, so the counts in the guide are pinned.
    @Test func theFourCommonTasksTakeTheKeysTheGuideCounts() throws {
        // 1. Find a person and add a note: l / (name) Enter Enter m (text) Ctrl-S — 6 keys.
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .char("/")], into: &state)
        AppFixtures.type("khai", into: &state)
        AppFixtures.press([.enter, .enter, .char("m")], into: &state)
        AppFixtures.type("Tích cực.", into: &state)
        let note = AppFixtures.press([.ctrl("s")], into: &state)
        guard case .run(let noted)? = note.first, case .edit(.addNote) = noted.change else { Issue.record("no note: \(note)"); return }
        #expect(noted.caseID == "HS-0001")

        // 2. Record a vote on a file ready for it: n Enter Tab (for) Ctrl-S → Enter — 6 keys.
        let ready = try AppFixtures.file("HS-0003", "Lê Hoàng Đức", in: .introduced)
        let data = AppData(cases: [ready], revisions: ["HS-0003": 3],
                           organisation: Organisation(units: [Fixtures.cell()], members: Fixtures.members),
                           today: Fixtures.date("2024-10-01"), actor: "Thư ký chi bộ")
        state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter], into: &state)
        AppFixtures.press([.char("n"), .enter, .tab], into: &state)
        AppFixtures.type("7", into: &state)
        let vote = AppFixtures.press([.ctrl("s"), .right, .enter], into: &state)
        #expect(AppFixtures.applied(vote.first, in: state)?.state == .cellApproved, "\(vote) \(String(describing: state.modal))")

        // 3. Add a candidate: a (name) Tab (born) Ctrl-S — 3 keys.
        state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("a")], into: &state)
        AppFixtures.type("Nguyễn Thị Ánh", into: &state)
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("02/09/2000", into: &state)
        let added = AppFixtures.press([.ctrl("s")], into: &state)
        guard case .addCase? = added.first else { Issue.record("no new file: \(added)"); return }

        // 4. Certify a class: c n Ctrl-S → Enter — 5 keys (the question before saving is new: 2 more).
        state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24), .char("c"), .char("n"), .ctrl("s"), .right], into: &state)
        let certified = AppFixtures.press([.enter], into: &state)
        guard case .runTogether(let commands)? = certified.first else { Issue.record("no certificates: \(certified)"); return }
        #expect(commands.map(\.caseID) == ["HS-0004"])
    }
}

extension ClerkDayTests {
    /// Issue 18, item 13: a column is chosen for the sort directly, by a click on its heading; a second click
    /// turns it round.
    @Test func aClickOnAHeadingSortsByItAndASecondTurnsItRound() throws {
        var state = demo([.char("l")])
        let table = ScreenLayout.listTable(state.size)
        let header = rendered(state).rows[table.row]
        let column = try #require(header.range(of: "Trạng thái")).lowerBound
        let click = Key.mouse(MouseEvent(row: table.row, col: CellBuffer.columns(of: String(header[..<column])) + 1, kind: .leftClick))
        AppFixtures.press([click], into: &state)
        #expect(list(state)?.sort == .state && list(state)?.descending == false)
        #expect(rendered(state).rows[table.row].contains("Trạng th… ▲"))
        AppFixtures.press([click], into: &state)
        #expect(list(state)?.sort == .state && list(state)?.descending == true)
        #expect(rendered(state).rows[table.row].contains("Trạng th… ▼"))
        // A click on the marks' column sorts nothing.
        AppFixtures.press([.mouse(MouseEvent(row: table.row, col: 0, kind: .leftClick))], into: &state)
        #expect(list(state)?.sort == .state)
    }
}

extension ClerkDayTests {
    /// `/` on the people screen finds a person by name or id, without diacritics.
    @Test func slashFindsAPersonOnThePeopleScreen() throws {
        let data = AppFixtures.signedIn(try AppFixtures.smallCell(), as: AppFixtures.people[0], people: AppFixtures.people)
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24), .char("y"), .char("/")], into: &state)
        AppFixtures.type("cap", into: &state)
        guard case .people(let people) = state.screen else { Issue.record("not on the people screen"); return }
        #expect(state.data.people[people.selected].id == "captren", "Võ Minh Cấp, typed without diacritics")
        AppFixtures.press([.escape], into: &state)
        guard case .people(let back) = state.screen else { return }
        #expect(back.selected == 0 && state.find == nil)
    }
}
