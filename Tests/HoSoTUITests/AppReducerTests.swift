import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Keys through the reducer: navigation, search, sort, tabs, steps, conflicts and forms.
@Suite struct AppReducerTests {
    func small(_ keys: [Key] = []) throws -> AppState {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: 80, height: 24)] + keys, into: &state)
        return state
    }

    func list(_ state: AppState) -> ListState? {
        if case .list(let list) = state.screen { return list }
        return nil
    }

    func detail(_ state: AppState) -> DetailState? {
        if case .detail(let detail) = state.screen { return detail }
        return nil
    }

    func names(_ state: AppState) -> [String] {
        list(state)?.visible.map { state.index.rows[$0].file.person.fullName } ?? []
    }

    @Test func boardArrowsAndEnterOpenTheFilteredList() throws {
        var state = try small()
        AppFixtures.press([.right, .right, .down, .down, .enter], into: &state)
        #expect(list(state)?.filter.states == [.verifying])
        #expect(names(state) == ["Trần Văn Ánh"])
        AppFixtures.press([.escape, .escape, .escape], into: &state)
        #expect(state.screens.count == 1, "Esc goes back to the board and never quits")
    }

    @Test func boardClickOpensTheCount() throws {
        var state = try small()
        let column = ScreenLayout.boardColumns(state.size)[3]
        let row = ScreenLayout.boardItemRow(column, item: .state(.introduced), stage: .admission)
        AppFixtures.press([.mouse(MouseEvent(row: row, col: column.col + 2, kind: .leftClick))], into: &state)
        #expect(names(state) == ["Lê Hoàng Đức"])
    }

    @Test func searchIgnoresDiacriticsAndEscClearsIt() throws {
        var state = try small([.char("l"), .char("/")])
        AppFixtures.type("duc", into: &state)
        #expect(names(state) == ["Lê Hoàng Đức"])
        AppFixtures.press([.backspace, .backspace, .backspace], into: &state)
        AppFixtures.type("THU HA", into: &state)
        #expect(names(state) == ["Phạm Thu Hà"])
        AppFixtures.press([.enter], into: &state)
        #expect(list(state)?.query == "THU HA" && names(state) == ["Phạm Thu Hà"], "Enter keeps the filter")
        AppFixtures.press([.char("/"), .escape], into: &state)
        #expect(names(state).count == 5)
    }

    @Test func sortKeyOpensAPickerOfTheColumns() throws {
        var state = try small([.char("l")])
        #expect(names(state) == ["Trần Văn Ánh", "Lê Hoàng Đức", "Phạm Thu Hà", "Nguyễn Thị Minh Khai", "Đỗ Quang Vinh"])
        AppFixtures.press([.char("s")], into: &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("no picker"); return }
        #expect(picker.options.first == "Mã", "the columns in the order the list shows them")
        #expect(picker.options[picker.selected].hasPrefix("Họ và tên — đang dùng, tăng dần ▲"))
        AppFixtures.press([.up, .enter], into: &state)
        #expect(list(state)?.sort == .id)
        #expect(names(state).first == "Nguyễn Thị Minh Khai")
        AppFixtures.press([.function(9)], into: &state)
        AppFixtures.type("trang", into: &state)
        AppFixtures.press([.enter], into: &state)
        #expect(list(state)?.sort == .state)
        #expect(names(state) == ["Nguyễn Thị Minh Khai", "Phạm Thu Hà", "Trần Văn Ánh", "Lê Hoàng Đức", "Đỗ Quang Vinh"])
    }

    @Test func tabsSwitchByTabNumberAndMouse() throws {
        var state = try small([.char("l"), .enter])
        #expect(detail(state)?.tab == .info)
        AppFixtures.press([.tab, .tab], into: &state)
        #expect(detail(state)?.tab == .training)
        AppFixtures.press([.backTab], into: &state)
        #expect(detail(state)?.tab == .mentors)
        AppFixtures.press([.char("8")], into: &state)
        #expect(detail(state)?.tab == .history)
        let hit = DetailTabHits.rects(state.size, selected: .history)[5]
        AppFixtures.press([.mouse(MouseEvent(row: hit.row, col: hit.col + 1, kind: .leftClick))], into: &state)
        #expect(detail(state)?.tab == .probation)
    }

    @Test func refusedStepShowsTheEngineSentenceAndChangesNothing() throws {
        let young = try AppFixtures.file("HS-0009", "Vũ Minh Tâm", in: .introduced, born: "2009-03-01")
        var state = AppState(data: AppFixtures.cellData([young]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("n"), .enter, .right, .enter, .tab], into: &state)
        AppFixtures.type("7", into: &state)
        var effects = AppFixtures.press([.ctrl("s")], into: &state)
        guard case .confirm(let confirm)? = state.modal else { Issue.record("no confirmation"); return }
        #expect(confirm.dialog.message.contains { $0.contains("Đã có giới thiệu, ý kiến") })
        #expect(!confirm.dialog.confirmFocused, "the focus starts on Hủy")
        effects += AppFixtures.press([.right, .enter], into: &state)
        #expect(effects.isEmpty)
        guard case .message(let message)? = state.modal else { Issue.record("no refusal popup"); return }
        #expect(message.title == "Không thể thực hiện")
        #expect(message.lines.contains { $0.contains("tại ngày chi bộ xét") && $0.contains("cần đủ 18 tuổi") })
        #expect(state.data.cases == [young])
    }

    @Test func acceptedStepSavesWithTheExpectedRevision() throws {
        var state = try small([.char("l"), .down, .down, .enter, .char("n"), .enter])
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("CN-77", into: &state)
        let effects = AppFixtures.press([.ctrl("s"), .right, .enter], into: &state)
        guard case .run(let command)? = effects.first, let file = AppFixtures.applied(effects.first, in: state) else {
            Issue.record("no save: \(effects)"); return
        }
        #expect(command.seenState == .inClass, "the step names the state it was chosen on")
        #expect(file.state == .certified && file.certificate?.number == "CN-77")
        #expect(file.history.last?.actor == "Thư ký chi bộ")
    }

    @Test func conflictOffersReloadAndKeepsWhatWasTyped() throws {
        var state = try small([.char("l"), .enter, .char("m")])
        AppFixtures.type("Tích cực học tập", into: &state)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        #expect(effects.count == 1)
        _ = AppReducer.reduce(&state, .conflict("Hồ sơ HS-0002 vừa được Bí thư sửa lúc 09:15. Thay đổi của bạn chưa được lưu."))
        guard case .conflict(let conflict)? = state.modal else { Issue.record("no conflict popup"); return }
        #expect(conflict.dialog.message.first?.contains("Bí thư") == true)
        let reload = AppFixtures.press([.right, .enter], into: &state)
        #expect(reload == [.reload])
        var fresh = state.data
        fresh.revisions["HS-0002"] = 4
        _ = AppReducer.reduce(&state, .loaded(fresh, external: false))
        guard case .form(let form)? = state.modal else { Issue.record("the form did not reopen"); return }
        #expect(form.form.field("text")?.value == "Tích cực học tập")
        #expect(form.baseRevision == 4)
    }

    func click(_ rect: Rect?, into state: inout AppState) -> [Effect] {
        guard let rect else { Issue.record("no button"); return [] }
        return AppFixtures.press([.mouse(MouseEvent(row: rect.row, col: rect.col + 1, kind: .leftClick))], into: &state)
    }

    /// The step confirmation of the accepted-step scenario.
    func confirmingStep() throws -> AppState {
        var state = try small([.char("l"), .down, .down, .enter, .char("n"), .enter, .tab])
        AppFixtures.type("CN-77", into: &state)
        AppFixtures.press([.ctrl("s")], into: &state)
        return state
    }

    @Test func clickingConfirmAppliesTheStepLikeRightEnter() throws {
        var state = try confirmingStep()
        let effects = click(PopupHits.dialog(state)?.confirm, into: &state)
        guard let file = AppFixtures.applied(effects.first, in: state) else { Issue.record("no save: \(effects)"); return }
        #expect(file.state == .certified)
        #expect(state.modal == nil)
    }

    @Test func clickingCancelReturnsToTheFormLikeEnter() throws {
        var state = try confirmingStep()
        let effects = click(PopupHits.dialog(state)?.cancel, into: &state)
        #expect(effects.isEmpty)
        guard case .form(let form)? = state.modal else { Issue.record("the form did not come back"); return }
        #expect(form.form.fields.contains { $0.value == "CN-77" })
    }

    @Test func clicksOutsideTheButtonsDoNothing() throws {
        var state = try confirmingStep()
        guard let hits = PopupHits.dialog(state) else { Issue.record("no dialog"); return }
        let gap = Rect(row: hits.cancel.row, col: hits.cancel.right + 1, width: 1, height: 1)
        for rect in [Rect(row: 0, col: 0, width: 1, height: 1), gap, Rect(row: hits.cancel.row - 2, col: hits.cancel.col, width: 1, height: 1)] {
            let effects = click(rect, into: &state)
            #expect(effects.isEmpty)
            guard case .confirm(let confirm)? = state.modal else { Issue.record("the dialog closed"); return }
            #expect(!confirm.dialog.confirmFocused)
        }
        let wheel = AppFixtures.press([.mouse(MouseEvent(row: hits.confirm.row, col: hits.confirm.col, kind: .scrollDown))],
                                      into: &state)
        #expect(wheel.isEmpty)
        guard case .confirm? = state.modal else { Issue.record("a wheel turn answered"); return }
    }

    @Test func clickingReloadInTheConflictPopupReloads() throws {
        var state = try small([.char("l"), .enter, .char("m")])
        AppFixtures.type("Tích cực học tập", into: &state)
        AppFixtures.press([.ctrl("s")], into: &state)
        _ = AppReducer.reduce(&state, .conflict("Hồ sơ HS-0002 vừa được Bí thư sửa lúc 09:15. Thay đổi của bạn chưa được lưu."))
        var other = state
        let outside = click(Rect(row: 1, col: 1, width: 1, height: 1), into: &state)
        #expect(outside.isEmpty)
        guard case .conflict? = state.modal else { Issue.record("a click outside closed the popup"); return }
        let reload = click(PopupHits.dialog(state)?.confirm, into: &state)
        #expect(reload == [.reload])
        #expect(state.modal == nil)
        let cancelled = click(PopupHits.dialog(other)?.cancel, into: &other)
        #expect(cancelled.isEmpty)
        #expect(other.modal == nil)
    }

    @Test func theBoardCountsAdmissionsAndTheirTargetAsTheRateReportDoes() throws {
        var admitted = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .probation)
        admitted.decision = Decision(number: "12-QĐ/ĐU", date: Fixtures.date("2026-03-02"), body: "Đảng ủy phường")
        var revoked = try AppFixtures.file("HS-0002", "Lê Văn Tám", in: .probation)
        revoked.decision = Decision(number: "13-QĐ/ĐU", date: Fixtures.date("2026-04-06"), body: "Đảng ủy phường")
        revoked.state = .decisionRevoked
        let state = AppState(data: AppFixtures.cellData([admitted, revoked]))
        let summary = BoardView.admissions(state)
        #expect(summary.admitted.value == 1, "a revoked decision is not an admission")
        let cell = Fixtures.cell()
        #expect(summary.members == cell.memberCounts.official + cell.memberCounts.probationary)
        #expect(summary.target == RateReport.target(members: summary.members ?? 0))
    }

    @Test func typingInTheFilterPickerFindsAnOptionAndEnterAppliesIt() throws {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 100, height: 30), .char("l"), .char("f")], into: &state)
        AppFixtures.type("chi bo khu pho 3", into: &state)
        guard case .picker(let picker)? = state.modal else { Issue.record("no picker"); return }
        #expect(picker.options[picker.selected].hasPrefix("Chi bộ: Chi bộ Khu phố 3 ("), "\(picker.options[picker.selected])")
        let screen = AppView.render(state, width: 100, height: 30)
        #expect(screen.text.contains("tìm: chi bo khu pho 3"))
        AppFixtures.press([.enter], into: &state)
        #expect(list(state)?.filter.title == "Chi bộ Khu phố 3")
        #expect(names(state).isEmpty == false)
    }

    @Test func inThePickerArrowsMoveAndBackspaceTakesBackWhatWasTyped() throws {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 100, height: 30), .char("l"), .char("f"), .down, .down, .up], into: &state)
        guard case .picker(let moved)? = state.modal else { Issue.record("no picker"); return }
        #expect(moved.selected == 1 && moved.query.isEmpty)
        AppFixtures.type("qua han", into: &state)
        guard case .picker(let found)? = state.modal else { Issue.record("no picker"); return }
        #expect(found.options[found.selected].hasPrefix("Quá hạn ("))
        AppFixtures.press([.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace], into: &state)
        guard case .picker(let cleared)? = state.modal else { Issue.record("no picker"); return }
        #expect(cleared.query.isEmpty && cleared.selected == found.selected)
        let nothing = AppFixtures.type("zzz", into: &state)
        #expect(nothing.isEmpty)
        #expect(AppView.render(state, width: 100, height: 30).text.contains("tìm: zzz — không thấy"))
    }

    @Test func theDiscardQuestionAnswersClicksOnItsButtons() throws {
        var state = try small([.char("l"), .enter, .char("m")])
        AppFixtures.type("Tích cực học tập", into: &state)
        AppFixtures.press([.escape], into: &state)
        guard let hits = PopupHits.dialog(state) else { Issue.record("no Bỏ thay đổi? question"); return }
        var discarding = state
        let outside = click(Rect(row: hits.cancel.row - 2, col: hits.cancel.col, width: 1, height: 1), into: &state)
        #expect(outside.isEmpty)
        guard case .form(let asked)? = state.modal, asked.form.discardQuestion != nil else {
            Issue.record("a click beside the buttons answered"); return
        }
        #expect(click(hits.cancel, into: &state).isEmpty)
        guard case .form(let kept)? = state.modal else { Issue.record("Hủy closed the form"); return }
        #expect(kept.form.discardQuestion == nil)
        #expect(kept.form.field("text")?.value == "Tích cực học tập")
        #expect(click(hits.confirm, into: &discarding).isEmpty)
        #expect(discarding.modal == nil)
    }

    /// The form takes a text of any length (a cap would cut a paste without a word); the engine's limit is
    /// the one rule: a note of 604 characters (the form took 500) is saved whole, one of 4,104 refused naming its length, and
    /// the refusal leads back to the form with every character typed.
    @Test func aNoteIsHeldToTheEnginesLengthAndALongOneStaysInTheForm() throws {
        var state = try small([.char("l"), .enter, .char("m")])
        let note = String(repeating: "Tích cực. ", count: 60) + "Tốt."
        AppFixtures.type(note, into: &state)
        let saved = self.saved(AppFixtures.press([.ctrl("s")], into: &state), state)
        #expect(saved?.notes.last?.text == note)
        #expect(note.count == 604)

        var long = try small([.char("l"), .enter, .char("m")])
        let pasted = String(repeating: "Nhận xét. ", count: 410) + "Hết."
        AppFixtures.type(pasted, into: &long)
        let refused = AppFixtures.press([.ctrl("s")], into: &long)
        #expect(refused.isEmpty)
        guard case .message(let message)? = long.modal else { Issue.record("no refusal popup"); return }
        #expect(message.lines.contains { $0.contains("Nội dung dài quá 4.000 ký tự (đang có 4.104 ký tự). Chưa ghi gì.") }, "\(message.lines)")
        AppFixtures.press([.enter], into: &long)
        guard case .form(let form)? = long.modal else { Issue.record("the form was lost"); return }
        #expect(form.form.field("text")?.value == pasted)
    }

    @Test func clickingOKClosesTheRefusalAndReturnsToTheForm() throws {
        let young = try AppFixtures.file("HS-0009", "Vũ Minh Tâm", in: .introduced, born: "2009-03-01")
        var state = AppState(data: AppFixtures.cellData([young]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("n"), .enter, .right, .enter, .tab], into: &state)
        AppFixtures.type("7", into: &state)
        AppFixtures.press([.ctrl("s"), .right, .enter], into: &state)
        guard let ok = PopupHits.ok(state) else { Issue.record("no refusal popup"); return }
        let beside = click(Rect(row: ok.row, col: ok.right + 4, width: 1, height: 1), into: &state)
        #expect(beside.isEmpty)
        guard case .message? = state.modal else { Issue.record("a click beside OK closed the popup"); return }
        let closed = click(ok, into: &state)
        #expect(closed.isEmpty)
        // Issue 18, item 12: the refusal leads back to the form, with what was typed.
        guard case .form(let form)? = state.modal else { Issue.record("the form was lost"); return }
        #expect(form.form.field("for")?.value == "7")
        #expect(state.data.cases == [young])
    }

    /// The detail of `file`, alone in the cell, after `keys`.
    func detailOf(_ file: CaseFile, _ keys: [Key] = []) -> AppState {
        var state = AppState(data: AppFixtures.cellData([file]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter] + keys, into: &state)
        return state
    }

    func saved(_ effects: [Effect], _ state: AppState) -> CaseFile? {
        guard let file = AppFixtures.applied(effects.first, in: state) else {
            Issue.record("no save: \(effects)")
            return nil
        }
        return file
    }

    /// Checks that the popup is the engine's refusal with `sentence`, and that nothing was saved.
    func expectRefusal(_ state: AppState, _ effects: [Effect], _ sentence: String, original: CaseFile) {
        #expect(effects.isEmpty)
        guard case .message(let message)? = state.modal else { Issue.record("no refusal popup"); return }
        #expect(message.title == "Không thể thực hiện")
        #expect(message.lines.contains { $0.contains(sentence) }, "\(message.lines)")
        #expect(state.data.cases == [original])
    }

    @Test func addTaskGoesThroughTheEngine() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        var state = detailOf(file, [.char("w")])
        guard case .form(let form)? = state.modal, form.purpose == .addTask("HS-0001") else { Issue.record("no task form"); return }
        AppFixtures.type("Viết bản tự kiểm điểm", into: &state)
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("01/12/2026", into: &state)
        guard let next = saved(AppFixtures.press([.ctrl("s")], into: &state), state) else { return }
        #expect(next.tasks.count == file.tasks.count + 1)
        #expect(next.tasks.last?.text == "Viết bản tự kiểm điểm" && next.tasks.last?.due == Fixtures.date("2026-12-01"))
        #expect(next.tasks.last?.given == AppFixtures.today && next.history.count == file.history.count + 1)
        // The non-letter key opens the same form; a due date before the day given is the engine's refusal.
        var other = detailOf(file, [.ctrl("w")])
        AppFixtures.type("Đọc Điều lệ Đảng", into: &other)
        AppFixtures.press([.tab], into: &other)
        AppFixtures.type("01/01/2026", into: &other)
        let effects = AppFixtures.press([.ctrl("s")], into: &other)
        expectRefusal(other, effects, "trước ngày giao", original: file)
    }

    @Test func completeTaskMarksTheChosenOpenTask() throws {
        var file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        #expect(detailOf(file, [.char("W")]).modal == nil, "no open task: no form")
        file.tasks = [CaseTask(given: Fixtures.date("2026-10-01"), text: "Đã xong", done: Fixtures.date("2026-10-10")),
                      CaseTask(given: Fixtures.date("2026-10-01"), text: "Học Điều lệ")]
        var state = detailOf(file, [.ctrl("v")])
        guard let next = saved(AppFixtures.press([.ctrl("s")], into: &state), state) else { return }
        #expect(next.tasks[0] == file.tasks[0])
        #expect(next.tasks[1].done == AppFixtures.today)
    }

    @Test func addDocumentRecordsKindDateAndNote() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        for opener in [Key.char("d"), .ctrl("d")] {
            var state = detailOf(file, [opener, .right, .tab, .tab])
            AppFixtures.type("Bản chính", into: &state)
            guard let next = saved(AppFixtures.press([.ctrl("s")], into: &state), state) else { return }
            #expect(next.documents.last == DocumentRecord(kind: DocumentKind.allCases[1], date: AppFixtures.today, note: "Bản chính"))
            #expect(next.documents.count == file.documents.count + 1)
        }
    }

    @Test func assignMentorGoesThroughTheEngineAndItsRefusalChangesNothing() throws {
        var file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        file.mentors = []
        var state = detailOf(file, [.char("p")])
        guard let next = saved(AppFixtures.press([.ctrl("s")], into: &state), state) else { return }
        #expect(next.activeMentors.map(\.memberID) == ["M003"], "the first official member by given name: Phạm Quốc Bảo")
        // Phạm Quốc Bảo was not yet an official member in 2014: the engine refuses, with its sentence.
        var early = detailOf(file, [.ctrl("p"), .tab, .ctrl("u")])
        AppFixtures.type("01/01/2014", into: &early)
        let effects = AppFixtures.press([.ctrl("s")], into: &early)
        expectRefusal(early, effects, "Phạm Quốc Bảo chưa phải đảng viên chính thức nên không thể giúp đỡ", original: file)
    }

    @Test func releaseMentorEndsTheChosenAssignment() throws {
        var file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        file.mentors = []
        #expect(detailOf(file, [.char("b")]).modal == nil, "no mentor: no form")
        file.mentors = [MentorAssignment(memberID: "M001", since: Fixtures.date("2026-01-05"))]
        for opener in [Key.char("b"), .ctrl("b")] {
            var state = detailOf(file, [opener])
            guard let next = saved(AppFixtures.press([.ctrl("s")], into: &state), state) else { return }
            #expect(next.mentors.first?.until == AppFixtures.today && next.activeMentors.isEmpty)
        }
    }

    @Test func identityCorrectionStartsFromWhatIsStoredAndSavesThroughTheEngine() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        for opener in [Key.char("E"), .ctrl("e")] {
            var state = detailOf(file, [opener])
            guard case .form(let form)? = state.modal, form.purpose == .identity("HS-0001") else {
                Issue.record("no identity form"); return
            }
            #expect(form.form.field("name")?.value == file.person.fullName)
            #expect(form.form.field("born")?.value == file.person.birthDate.vietnamese)
            #expect(form.form.field("citizenID")?.value == file.person.citizenID)
            AppFixtures.press([.tab, .ctrl("u")], into: &state)
            AppFixtures.type("01/03/1997", into: &state)
            guard let next = saved(AppFixtures.press([.ctrl("s")], into: &state), state) else { return }
            #expect(next.person.birthDate == Fixtures.date("1997-03-01"))
            #expect(next.person.fullName == file.person.fullName && next.person.citizenID == file.person.citizenID)
            #expect(next.history.last?.changes.map(\.field) == ["Ngày sinh"])
        }
    }

    @Test func anIdentityCorrectionThatShowsAPastVoteBrokeARuleIsSavedAndSaid() throws {
        var file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .cellApproved)
        let vote = try #require(file.cellVote)
        file.person.birthDate = Fixtures.date("1990-01-01")
        var state = detailOf(file, [.char("E"), .tab, .ctrl("u")])
        AppFixtures.type(vote.date.adding(months: -(17 * 12 + 6)).vietnamese, into: &state)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        guard let next = saved(effects, state) else { return }
        let cautions = (next.history.last?.changes ?? []).filter { $0.field == IdentityRecheck.field }.map(\.after)
        #expect(!cautions.isEmpty)
        // The store saves it and the runner says so, with the cautions of the saved entry.
        _ = AppReducer.reduce(&state, .saved(next.id, message: "Đã lưu: Sửa thông tin cá nhân", cautions: cautions))
        guard case .message(let message)? = state.modal else { Issue.record("no note shown"); return }
        #expect(message.title == "Đã lưu — cần lưu ý")
        #expect(message.lines.first?.contains("17 năm 6 tháng") == true, "\(message.lines)")
    }

    @Test func identityFormLeavesQuietlyWhenNothingChangedAndRefusesToSaveNothing() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer)
        var left = detailOf(file, [.char("E"), .escape])
        #expect(left.modal == nil, "nothing typed: no Bỏ thay đổi? question")
        AppFixtures.press([.char("E")], into: &left)
        let effects = AppFixtures.press([.ctrl("s")], into: &left)
        expectRefusal(left, effects, "Thông tin mới giống hệt thông tin đang lưu", original: file)
    }

    @Test func escapeOnADirtyFormAsksBeforeDiscarding() throws {
        var state = try small([.char("a")])
        AppFixtures.type("Ngô", into: &state)
        AppFixtures.press([.escape], into: &state)
        guard case .form(let form)? = state.modal else { Issue.record("the form closed"); return }
        #expect(form.form.discardQuestion?.title == "Bỏ thay đổi?")
        AppFixtures.press([.right, .enter], into: &state)
        #expect(state.modal == nil)
    }

    @Test func addCaseEmitsTheNewPersonInNFC() throws {
        var state = try small([.function(3)])
        AppFixtures.type("Nguye\u{302}\u{303}n Thị Ánh", into: &state)
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("02/09/2000", into: &state)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        guard case .addCase(let person, let unit, _, let date)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(person.fullName == "Nguyễn Thị Ánh")
        #expect(unit == Fixtures.cellID && date == AppFixtures.today)
    }

    @Test func quitOnlyAtTheTopLevel() throws {
        var state = try small([.char("l")])
        #expect(AppFixtures.press([.char("q")], into: &state).isEmpty)
        #expect(AppFixtures.press([.function(10)], into: &state) == [.quit])
    }

    @Test func everyLetterHasANonLetterAlternative() {
        for map in [KeyMaps.board, KeyMaps.list, KeyMaps.detail, KeyMaps.classes, KeyMaps.mentor, KeyMaps.reports, KeyMaps.people] {
            #expect(map.bindingsWithoutNonLetterKey.map(\.description) == [] || map.bindingsWithoutNonLetterKey.allSatisfy { $0.description.hasPrefix("Thẻ ") })
        }
    }

    @Test func classCertificatesGoThroughTheEngine() throws {
        var state = try small([.char("c"), .function(4)])
        #expect(AppFixtures.press([.ctrl("s")], into: &state).isEmpty, "nothing is sent before the question is answered")
        let effects = AppFixtures.press([.right, .enter], into: &state)
        #expect(effects.count == 1)
        let file = AppFixtures.applied(effects.first, in: state)
        #expect(file?.state == .certified && file?.certificate?.number == "CN-2026-HS-0004")
    }

    @Test func statusStaysUntilTheNextKey() throws {
        var state = try small()
        _ = AppReducer.reduce(&state, .saved("HS-0001", message: "Đã lưu"))
        #expect(state.status != nil)
        _ = AppReducer.reduce(&state, .key(.resize(width: 100, height: 30)))
        #expect(state.status != nil)
        AppFixtures.press([.down], into: &state)
        #expect(state.status == nil)
    }
}
