import Foundation
import HoSoDomain

/// The only place the state changes: an action in, the new state and the effects out.
public enum AppReducer {
    /// Applies `action` to `state` and returns the work the runner must do.
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(&state, key)
        case .loaded(let data, let external):
            load(&state, .loaded(data))
            if external { state.status = StatusMessage("Dữ liệu vừa được cập nhật từ nơi khác.", kind: .info) }
            return LoadingLogic.finish(&state)
        case .indexed(let model):
            load(&state, .indexed(model))
            return LoadingLogic.finish(&state)
        case .stored(let files):
            for file in files { apply(file, to: &state) }
            return []
        case .storedElsewhere(let files):
            for file in files { apply(file, to: &state) }
            state.status = StatusMessage("Dữ liệu vừa được cập nhật từ nơi khác.", kind: .info)
            return []
        case .saved(let id, let message, let cautions):
            let named = id.rawValue.isEmpty || message.contains(id.rawValue)
            state.status = StatusMessage(named ? message : "\(message) (\(id.rawValue))", kind: .success)
            if !cautions.isEmpty {
                state.modal = .message(MessageState(title: "Đã lưu — cần lưu ý", lines: cautions))
            } else if let offer = countsOffer(afterSaving: id, state) {
                state.modal = .confirm(offer)
                state.lastSubmittedForm = nil  // asked once, not again at the next save of the file
            }
            return []
        case .savedTogether(let files, let count):
            // Everyone by name on the status line when it has room; a large class's names go to a popup.
            let head = "Đã ghi cho \(files.count)/\(count) hồ sơ"
            let whole = "\(head): \(files.joined(separator: ", "))"
            if CellWidth.of(whole) + 3 <= state.size.width {
                state.status = StatusMessage(whole, kind: .success)
            } else {
                state.status = StatusMessage(head + " — từng người trong cửa sổ", kind: .success)
                state.modal = .message(MessageState(title: "Đã lưu", lines: [head + ":"] + files.map { "• " + $0 }))
            }
            return []
        case .caseAdded(let id):
            state.status = StatusMessage("Đã thêm hồ sơ \(id.rawValue). Bấm n hoặc F4 để làm bước tiếp theo.", kind: .success)
            state.screens.append(.detail(DetailState(caseID: id)))
            return []
        case .connection(let problem):
            state.status = problem == nil
                ? StatusMessage("Đã kết nối lại máy chủ; dữ liệu đã được tải lại.", kind: .success)
                : StatusMessage(
                    "Mất kết nối tới máy chủ, đang thử kết nối lại. Dữ liệu đã lưu không mất; lưu lúc này sẽ báo lỗi.", kind: .warning)
            return []
        case .failed(let message):
            // A reload that fails after a refused save must not drop the form that popup leads back to.
            var keptForm: FormState?
            if case .message(let shown)? = state.modal { keptForm = shown.returnTo }
            state.modal = .message(MessageState(title: "Lỗi", lines: message.components(separatedBy: "\n"), returnTo: keptForm))
            return []
        case .peopleChanged(let message), .exported(let message), .unitChanged(let message):
            state.status = StatusMessage(message, kind: .success)
            return []
        case .rejected(let title, let lines):
            state.modal = .message(MessageState(title: title, lines: lines, returnTo: state.lastSubmittedForm))
            return []
        case .fieldConflict(let id, let lines):
            // The form now starts from the stored values: saving again applies what the person typed over
            // them, knowingly; a field left as typed before reads as their choice.
            var form = state.lastSubmittedForm
            if let stored = file(id, in: state) {
                form?.form.rebase(onto: PersonForm.values(of: stored.person))
                form?.baseRevision = state.data.revisions[id]
            }
            state.modal = .message(MessageState(title: "Người khác vừa sửa cùng thông tin", lines: lines, returnTo: form))
            return []
        case .conflict(let message):
            let dialog = ConfirmDialog(
                title: "Hồ sơ đã bị người khác sửa",
                message: message.components(separatedBy: "\n")
                    + ["", "Tải lại: xem dữ liệu mới; những gì bạn đã nhập được giữ lại để lưu lần nữa."],
                confirmLabel: "Tải lại")
            state.modal = .conflict(ConflictState(dialog: dialog, form: state.lastSubmittedForm))
            return []
        }
    }

    /// After an admission or a recognition saved from its form, the question whether to record the unit's
    /// new member counts (the engine says which); none for a person who may not change the unit.
    static func countsOffer(afterSaving id: CaseID, _ state: AppState) -> ConfirmState? {
        guard case .step(let kind, id)? = state.lastSubmittedForm?.purpose, let file = file(id, in: state),
            let unit = state.data.organisation.units[file.unitID],
            state.data.access?.refusal(.manageUnits, inUnit: unit.id) == nil,
            let offer = CountsAfterStep.after(kind, file: file, unit: unit)
        else { return nil }
        let dialog = ConfirmDialog(
            title: "Cập nhật số đảng viên?",
            message: [
                "\(offer.reason).", "Ghi số đảng viên mới của \(unit.name): \(offer.summary)?",
                "Enter: ghi (giữ lịch sử theo ngày) · Esc: để nguyên (sửa sau ở màn hình đơn vị, phím D/F12 ở mọi nơi)",
            ],
            confirmLabel: "Ghi số mới", cancelLabel: "Để nguyên", confirmFocused: true)
        return ConfirmState(dialog: dialog, action: .changeUnit(.counts(offer.change), of: unit.id), back: .close)
    }

    // MARK: Data

    static func load(_ state: inout AppState, _ change: ReadModel.Change) {
        guard case .all(let before) = state.readModel.apply(change) else { return }
        state.screens = state.screens.compactMap { screen -> Screen? in
            switch screen {
            case .list(var list):
                let selected = selectedRow(list).flatMap { state.index.position(of: before.rows[$0].file.id) }
                relist(&list, selectedRow: selected, index: state.index, size: state.size)
                return .list(list)
            case .detail(let detail):
                return state.index.position(of: detail.caseID) == nil ? nil : screen
            case .reports(var reports):
                ReportsView.remake(&reports, state)
                return .reports(reports)
            default:
                return screen
            }
        }
        if var form = state.reopenAfterReload {
            state.reopenAfterReload = nil
            if let id = form.purpose.caseID { form.baseRevision = state.data.revisions[id] }
            state.modal = .form(form)
        }
    }

    /// The file `id` as currently loaded.
    static func file(_ id: CaseID, in state: AppState) -> CaseFile? {
        state.index.position(of: id).map { state.index.rows[$0].file }
    }

    // MARK: Keys

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if case .resize(let width, let height) = key {
            state.size = Size(width: width, height: height)
            for index in state.screens.indices {
                guard case .reports(var reports) = state.screens[index] else { continue }
                ReportsView.relayout(&reports, size: state.size)
                state.screens[index] = .reports(reports)
            }
            return []
        }
        // A message stays until the next key, so it can be read.
        state.status = nil
        if LoadingLogic.mustWait(key, state) {
            LoadingLogic.hold(key, &state)
            return []
        }
        if state.modal != nil { return handleModal(&state, key) }
        if case .list(let list) = state.screen, list.search != nil {
            let app = state
            reduceTop(&state, .list) { handleSearch(&$0, key, state: app) }
            return []
        }
        if state.find != nil, !isMouse(key) {
            FindLogic.handle(&state, key)
            return []
        }
        if case .mouse(let event) = key { return handleMouse(&state, event) }
        guard let command = KeyMaps.map(for: state.screen).action(for: key) else { return [] }
        return perform(&state, command)
    }

    /// A screen of the screen keys (list, classes, mentors, reports, people) opens right above the board,
    /// not above whatever was open: Esc goes back to the board at once, and screens never pile up.
    static func leaveForTopScreen(_ state: inout AppState) {
        state.screens = Array(state.screens.prefix(1))
    }

    static func isMouse(_ key: Key) -> Bool {
        if case .mouse = key { return true }
        return false
    }

    static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        if let refusal = CommandAccess.refusal(command, state: state) {
            state.modal = CommandAccess.refusalPopup(refusal)
            // Recorded like the CLI's refusals: a viewer trying a write is worth knowing about.
            return [.recordRefusal(refusal)]
        }
        switch command {
        case .help:
            state.modal = .help(HelpOverlay())
            return []
        case .quit:
            if state.screens.count <= 1 { return [.quit] }
            state.screens.removeLast()
            return []
        case .back:
            if state.screens.count > 1 { state.screens.removeLast() }
            return []
        case .home:
            state.screens = Array(state.screens.prefix(1))
            return []
        case .reload:
            state.status = StatusMessage("Đang tải lại…")
            return [.reload]
        case .list:
            leaveForTopScreen(&state)
            openList(&state, filter: .all)
            return []
        case .addCase:
            state.modal = .form(FormState(form: EditForms.addCase(data: state.data, cell: EditForms.startingCell(state)), purpose: .addCase, baseRevision: nil))
            return []
        case .classes:
            leaveForTopScreen(&state)
            state.screens.append(.classes(ClassesState()))
            return []
        case .mentors:
            leaveForTopScreen(&state)
            // A person who is a member opens on their own candidates; the picker is a key away (f).
            if let own = state.data.access?.account.memberID, state.data.organisation.members[own] != nil {
                var mentor = MentorState()
                mentor.memberID = own
                state.screens.append(.mentor(mentor))
            } else {
                state.screens.append(.mentor(MentorState()))
                openMemberPicker(&state)
            }
            return []
        case .reports:
            leaveForTopScreen(&state)
            var reports = ReportsState(year: state.data.today.year)
            ReportsView.remake(&reports, state)
            state.screens.append(.reports(reports))
            return []
        case .people:
            leaveForTopScreen(&state)
            state.screens.append(.people(PeopleState()))
            return []
        case .units:
            leaveForTopScreen(&state)
            state.screens.append(.units(UnitsState()))
            return []
        case .search where FindLogic.rows(state) != nil:
            FindLogic.open(&state)
            return []
        default:
            break
        }
        switch state.screen {
        case .board:
            var board = state.board
            let output = BoardLogic.reduce(&board, command, app: state)
            state.board = board
            apply(output, to: &state)
        case .list:
            runScreen(&state, .list) { ListLogic.reduce(&$0, command, app: $1) }
        case .detail:
            runScreen(&state, .detail) { DetailLogic.reduce(&$0, command, app: $1) }
        case .classes:
            runScreen(&state, .classes) { ClassesLogic.reduce(&$0, command, app: $1) }
        case .mentor:
            runScreen(&state, .mentor) { MentorLogic.reduce(&$0, command, app: $1) }
        case .reports:
            runScreen(&state, .reports) { ReportsLogic.reduce(&$0, command, app: $1) }
        case .people:
            runScreen(&state, .people) { PeopleLogic.reduce(&$0, command, data: $1.data) }
        case .units:
            runScreen(&state, .units) { UnitsLogic.reduce(&$0, command, data: $1.data) }
        }
        return []
    }

    static func openList(_ state: inout AppState, filter: ListFilter) {
        var list = ListState(filter: filter)
        refreshList(&list, index: state.index, size: state.size)
        state.screens.append(.list(list))
    }

    // MARK: List

    /// Filters and sorts anew (on sort or filter change; never per keystroke of a search).
    static func refreshList(_ list: inout ListState, index: CaseIndex, size: Size) {
        list.sorted = sortedRows(list, index: index)
        applySearch(&list, index: index, size: size)
    }

    /// The rows of the index `list.filter` admits, in the order of `list.sort`.
    static func sortedRows(_ list: ListState, index: CaseIndex) -> [Int] {
        let rows = index.rows
        var order = rows.indices.filter { list.filter.admits(rows[$0]) }
        if list.sort != .name {
            let sort = list.sort
            order.sort { precedes($0, $1, sort: sort, index: index) }
        }
        return list.descending ? order.reversed() : order
    }

    /// Whether the row at `a` is listed before the row at `b` when sorted by `sort`: a total order (ties
    /// go by name order), so that a sorted list can take a changed row at its place by binary search.
    /// `descending`: the order turned round (▼), still total.
    static func precedes(_ a: Int, _ b: Int, sort: ListSort, descending: Bool = false, index: CaseIndex) -> Bool {
        if descending { return precedes(b, a, sort: sort, index: index) }
        switch sort {
        case .name:
            return a < b
        case .id:
            let (x, y) = (index.rows[a].file.id, index.rows[b].file.id)
            return x < y || (x == y && a < b)
        case .unit:
            return VietnameseCollation.SortKey.order(index.unitKeys[a], index.unitKeys[b]) ?? (a < b)
        case .state:
            let x = stateRank[index.rows[a].file.state] ?? 0, y = stateRank[index.rows[b].file.state] ?? 0
            return (x, a) < (y, b)
        case .deadline:
            let x = index.rows[a].deadline?.due.julianDay ?? .max, y = index.rows[b].deadline?.due.julianDay ?? .max
            return (x, a) < (y, b)
        case .mentor:
            let (noneA, noneB) = (index.mentorNames[a].isEmpty, index.mentorNames[b].isEmpty)
            if noneA != noneB { return !noneA }
            return VietnameseCollation.SortKey.order(index.mentorKeys[a], index.mentorKeys[b]) ?? (a < b)
        }
    }

    /// The place of each state in the procedure's order, which the state sort follows.
    private static let stateRank = Dictionary(uniqueKeysWithValues: CaseState.allCases.enumerated().map { ($1, $0) })

    static func applySearch(_ list: inout ListState, index: CaseIndex, size: Size) {
        let query = FoldedQuery(list.search?.value ?? list.query)
        list.visible = query.isEmpty ? list.sorted : list.sorted.filter { index.searchKeys[$0].matches(query) }
        settleSelection(&list, size: size)
    }

    /// Keeps the selection inside the list and on screen.
    static func settleSelection(_ list: inout ListState, size: Size) {
        list.selected = max(0, min(list.selected, list.visible.count - 1))
        list.offset = Table.scrollOffset(selected: list.selected, current: list.offset,
                                         visibleRows: ScreenLayout.listVisibleRows(size), rowCount: list.visible.count)
    }

    /// The list anew after the data changed, its selection staying on the file it was on when the list
    /// still shows it (by its row `selectedRow` in the new index), else at the same place.
    static func relist(_ list: inout ListState, selectedRow: Int?, index: CaseIndex, size: Size) {
        list.sorted = sortedRows(list, index: index)
        let query = FoldedQuery(list.search?.value ?? list.query)
        list.visible = query.isEmpty ? list.sorted : list.sorted.filter { index.searchKeys[$0].matches(query) }
        select(selectedRow, in: &list, index: index, size: size)
    }

    /// Selects the row `row` when the list shows it (found by binary search, the list being in its sort
    /// order), then settles the selection.
    static func select(_ row: Int?, in list: inout ListState, index: CaseIndex, size: Size) {
        if let row {
            let place = insertionPoint(of: row, in: list.visible, sort: list.sort, descending: list.descending, index: index)
            if place < list.visible.count, list.visible[place] == row { list.selected = place }
        }
        settleSelection(&list, size: size)
    }

    /// The first place in `rows` (in the order of `sort`) whose row does not come before `row`.
    static func insertionPoint(of row: Int, in rows: [Int], sort: ListSort, descending: Bool = false, index: CaseIndex) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(rows[middle], row, sort: sort, descending: descending, index: index) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The row the list's selection is on, if any.
    static func selectedRow(_ list: ListState) -> Int? {
        list.visible.indices.contains(list.selected) ? list.visible[list.selected] : nil
    }

    static func handleSearch(_ list: inout ListState, _ key: Key, state: AppState) {
        guard var field = list.search else { return }
        switch key {
        case .enter:
            list.query = field.value
            list.search = nil
        case .escape:
            list.query = ""
            list.search = nil
            list.selected = 0
        case .up, .down:
            list.selected = max(0, min(list.visible.count - 1, list.selected + (key == .up ? -1 : 1)))
        default:
            field.handle(key)
            list.search = field
            list.selected = 0
        }
        applySearch(&list, index: state.index, size: state.size)
    }

    static func moveSelection(_ selected: inout Int, count: Int, command: Command, page: Int) {
        switch command {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .top: selected = 0
        case .bottom: selected = count - 1
        default: break
        }
        selected = max(0, min(selected, count - 1))
    }

    static func selectedCase(_ list: ListState, state: AppState) -> CaseID? {
        guard list.visible.indices.contains(list.selected) else { return nil }
        return state.index.rows[list.visible[list.selected]].file.id
    }

    /// The filter picker; its counts come from the index, so opening it costs nothing per file.
    static func openFilterPicker(_ state: inout AppState) {
        let counts = state.index.counts
        var options: [String] = ["Tất cả hồ sơ — bỏ mọi điều kiện lọc (\(counts.all.files))"]
        var filters: [ListFilter] = [.all]
        for caseState in CaseState.allCases {
            let count = counts.byState[caseState] ?? 0
            guard count > 0 else { continue }
            options.append("Trạng thái: \(caseState.vietnamese) (\(count))")
            filters.append(ListFilter(states: [caseState], title: caseState.vietnamese))
        }
        for (title, filter, count) in [("Quá hạn", ListFilter(overdueOnly: true, title: "Quá hạn"), counts.all.overdue),
                                       ("Sắp đến hạn", ListFilter(dueSoonOnly: true, title: "Sắp đến hạn"), counts.all.dueSoon),
                                       ("Chưa có người giúp đỡ", ListFilter(noMentorOnly: true, title: "Chưa có người giúp đỡ"),
                                        counts.all.noMentor)] {
            options.append("\(title) (\(count))")
            filters.append(filter)
        }
        for unit in state.data.organisation.sortedUnits {
            let count = counts.byUnit[unit.id] ?? 0
            guard count > 0 else { continue }
            options.append("Chi bộ: \(unit.name) (\(count))")
            filters.append(ListFilter(unit: unit.id, title: unit.name))
        }
        for member in state.data.allMembers {
            let count = counts.byMentor[member.id] ?? 0
            guard count > 0 else { continue }
            options.append("Người giúp đỡ: \(member.fullName) (\(count))")
            filters.append(ListFilter(mentor: member.id, title: "Người giúp đỡ: \(member.fullName)"))
        }
        var picker = PickerState(title: "Lọc danh sách (thêm một điều kiện)", options: options, purpose: .listFilter)
        picker.filters = filters
        state.modal = .picker(picker)
    }

    static func openMemberPicker(_ state: inout AppState) {
        let members = state.data.officialMembers
        let options = members.map { member -> String in
            "\(member.fullName) (\(member.id.rawValue)) — \(state.index.counts.byMentor[member.id] ?? 0) người"
        }
        var picker = PickerState(title: "Chọn người giúp đỡ", options: options, purpose: .mentorMember)
        picker.members = members.map(\.id)
        // A member signed in starts on their own candidates.
        if let own = state.data.access?.account.memberID, let position = picker.members.firstIndex(of: own) {
            picker.selected = position
        }
        state.modal = .picker(picker)
    }

    // MARK: Detail

    static func openEditForm(_ state: inout AppState, _ purpose: FormPurpose) {
        guard let id = purpose.caseID, let file = file(id, in: state) else { return }
        state.modal = .form(FormState(form: EditForms.form(for: purpose, file: file, data: state.data), purpose: purpose,
                                      baseRevision: state.data.revisions[id]))
    }

    static func openNextStep(_ state: inout AppState, _ id: CaseID) {
        guard let file = file(id, in: state) else { return }
        let steps = CommandAccess.allowedSteps(Workflow.events(from: file.state), of: file, access: state.data.access)
        guard !steps.isEmpty else {
            state.status = StatusMessage("Hồ sơ ở trạng thái \"\(file.state.vietnamese)\" không còn bước nào.", kind: .warning)
            return
        }
        state.modal = .nextStep(NextStepState(caseID: id, steps: steps))
    }
}

extension FormPurpose {
    /// The file the form changes, if it changes one.
    var caseID: CaseID? {
        switch self {
        case .step(_, let id), .note(let id), .verificationItem(let id), .verificationResult(let id, _),
             .introducer(let id), .opinion(let id), .unionResolution(let id), .addTask(let id), .completeTask(let id),
             .addDocument(let id), .assignMentor(let id), .releaseMentor(let id), .identity(let id):
            id
        case .addCase, .certifyClass, .addPerson, .grantRole, .revokeRole, .unitCounts, .letterhead, .reportExport, .paperExport,
             .listExport:
            nil
        }
    }
}
