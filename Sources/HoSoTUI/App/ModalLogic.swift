import Foundation
import HoSoDomain

/// Keys while a popup is open: help, next step, forms, confirmations, messages, pickers.
extension AppReducer {
    static func handleModal(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let modal = state.modal else { return [] }
        switch modal {
        case .help(var help):
            guard help.handle(key) else {
                state.modal = nil
                return []
            }
            help.settle(ModalView.helpKeyMap(state), in: ScreenLayout.content(state.size))
            state.modal = .help(help)
        case .message(let message):
            if [.enter, .escape, .char(" ")].contains(key) || clicked(key, on: ModalView.messageOKHit(message, size: state.size)) {
                state.modal = message.returnTo.map { .form($0) }
            }
        case .picker(var picker):
            return handlePicker(&state, &picker, key)
        case .nextStep(var next):
            return handleNextStep(&state, &next, key)
        case .form(var formState):
            if key == .ctrl("c") || key == .function(10) { return handleFormKey(&state, &formState, .escape) }
            if key == .function(1) {
                state.status = StatusMessage("Tab/↓ ô sau · Shift-Tab/↑ ô trước · ←/→ đổi lựa chọn · Ctrl-S lưu · Esc hủy")
                return []
            }
            return handleFormKey(&state, &formState, key)
        case .confirm(var confirm):
            switch answer(&confirm.dialog, key, size: state.size) {
            case nil: state.modal = .confirm(confirm)
            case .cancel:
                switch confirm.back {
                case .form(let form): state.modal = .form(form)
                case .nextStep(let next): state.modal = .nextStep(next)
                case .close: state.modal = nil
                }
            case .confirm: return confirmed(&state, confirm)
            }
        case .conflict(var conflict):
            // The dialog as drawn (message wrapped to the screen) decides where its buttons are.
            let content = ScreenLayout.content(state.size)
            var drawn = ModalView.conflictDialog(conflict, in: content)
            let answer: ConfirmDialog.Answer?
            if case .mouse(let event) = key { answer = drawn.handleClick(event, in: content) } else { answer = conflict.dialog.handle(key) }
            switch answer {
            case nil: state.modal = .conflict(conflict)
            case .cancel: state.modal = nil
            case .confirm:
                state.modal = nil
                state.reopenAfterReload = conflict.form
                state.status = StatusMessage("Đang tải lại…")
                return [.reload]
            }
        }
        return []
    }

    /// Whether `key` is a left click inside `rect`.
    static func clicked(_ key: Key, on rect: Rect) -> Bool {
        if case .mouse(let event) = key { return event.kind == .leftClick && rect.contains(event.position) }
        return false
    }

    /// The answer of a confirm dialog drawn over the content area to `key`: a key as typed, a click
    /// on a button as that button.
    static func answer(_ dialog: inout ConfirmDialog, _ key: Key, size: Size) -> ConfirmDialog.Answer? {
        if case .mouse(let event) = key {
            // The dialog as drawn (its message wrapped to the screen) decides where its buttons are.
            let content = ScreenLayout.content(size)
            var drawn = ModalView.drawnDialog(dialog, in: content)
            return drawn.handleClick(event, in: content)
        }
        return dialog.handle(key)
    }

    static func handlePicker(_ state: inout AppState, _ picker: inout PickerState, _ key: Key) -> [Effect] {
        var search = ChoiceSearch(options: picker.options, query: picker.query)
        switch key {
        // A printable key is text: it finds an option, even a leading j or k ("khu phố 3"); arrows move.
        case .char(let character) where !picker.options.isEmpty && !(search.query.isEmpty && character == " "):
            picker.selected = search.type(character, from: picker.selected)
            picker.query = search.query
        case .backspace where !search.query.isEmpty:
            picker.selected = search.erase(from: picker.selected)
            picker.query = search.query
        case .up where !picker.options.isEmpty:
            picker.selected = search.query.isEmpty ? max(0, picker.selected - 1) : search.step(from: picker.selected, by: -1)
        case .down where !picker.options.isEmpty:
            picker.selected = search.query.isEmpty ? min(picker.options.count - 1, picker.selected + 1)
                : search.step(from: picker.selected, by: 1)
        case .pageUp: picker.selected = max(0, picker.selected - 10)
        case .pageDown: picker.selected = min(picker.options.count - 1, picker.selected + 10)
        case .home: picker.selected = 0
        case .end: picker.selected = max(0, picker.options.count - 1)
        case .escape:
            state.modal = nil
            return []
        case .enter:
            state.modal = nil
            return choose(&state, picker)
        default: break
        }
        state.modal = .picker(picker)
        return []
    }

    static func choose(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        switch picker.purpose {
        case .reportPeriod, .reportUnit:
            return ReportsLogic.choose(&state, picker)
        case .stepPaper:
            return PaperLogic.choose(&state, picker)
        case .listSort:
            ListSortLogic.choose(&state, picker)
        case .listExport:
            return ListExport.choose(&state, picker)
        case .listFilter:
            guard picker.filters.indices.contains(picker.selected) else { return [] }
            // The first choice ("Tất cả hồ sơ") clears every condition; any other adds its condition.
            let picked = picker.filters[picker.selected]
            let app = state
            reduceTop(&state, .list) { list in
                list.filter = picker.selected == 0 ? picked : list.filter.combined(with: picked, title: "")
                list.filter.title = filterTitle(list.filter, data: app.data)
                list.selected = 0
                list.offset = 0
                refreshList(&list, index: app.index, size: app.size)
            }
        case .mentorMember:
            guard picker.members.indices.contains(picker.selected) else { return [] }
            reduceTop(&state, .mentor) { mentor in
                mentor.memberID = picker.members[picker.selected]
                mentor.selected = 0
            }
        }
        return []
    }

    /// How a filter is named in the header, from its conditions: "Thẩm tra lý lịch · Quá hạn · Chi bộ Khu phố 3".
    static func filterTitle(_ filter: ListFilter, data: AppData) -> String {
        var parts: [String] = []
        if let states = filter.states {
            if let stage = Stage.allCases.first(where: { Set($0.states) == states }) {
                parts.append(stage.vietnamese)
            } else {
                parts.append(CaseState.allCases.filter(states.contains).map(\.vietnamese).joined(separator: ", "))
            }
        }
        if filter.overdueOnly { parts.append("Quá hạn") }
        if filter.dueSoonOnly { parts.append("Sắp đến hạn") }
        if filter.noMentorOnly { parts.append("Chưa có người giúp đỡ") }
        if let unit = filter.unit { parts.append(data.organisation.units[unit]?.name ?? unit.rawValue) }
        if let mentor = filter.mentor { parts.append("Người giúp đỡ: \(data.memberName(mentor))") }
        return parts.isEmpty ? ListFilter.all.title : parts.joined(separator: " · ")
    }

    static func handleNextStep(_ state: inout AppState, _ next: inout NextStepState, _ key: Key) -> [Effect] {
        switch key {
        case .up, .char("k"), .backTab: next.selected = max(0, next.selected - 1)
        case .down, .char("j"), .tab: next.selected = min(next.steps.count - 1, next.selected + 1)
        case .escape:
            state.modal = nil
            return []
        case .enter, .function(4):
            guard let file = file(next.caseID, in: state), next.steps.indices.contains(next.selected) else { return [] }
            let kind = next.steps[next.selected]
            // A step marked ✗ says why before its form is filled in, not after.
            let unmet = state.data.context(for: file, on: state.data.today).map {
                Workflow.preview(kind, of: file, context: $0).filter { !$0.isMet && !CaseQuestions.isSuppliedByStep($0) }
            } ?? []
            if !unmet.isEmpty {
                let dialog = ConfirmDialog(
                    title: "Bước này chưa đủ điều kiện",
                    message: ["\"\(kind.vietnamese)\" — \(file.id.rawValue) \(file.person.fullName): còn \(unmet.count) yêu cầu chưa đạt:"]
                        + unmet.map { "✗ " + $0.sentence }
                        + ["", "Bổ sung những gì còn thiếu rồi làm lại. Nếu bước đã diễn ra vào một ngày khác (khi đã đủ điều kiện), "
                            + "có thể mở biểu mẫu và ghi đúng ngày đó."],
                    confirmLabel: "Vẫn mở biểu mẫu", cancelLabel: "Quay lại")
                state.modal = .confirm(ConfirmState(dialog: dialog, action: .openStepForm(next), back: .nextStep(next)))
                return []
            }
            openStepForm(&state, next)
            return []
        case .mouse(let event):
            if let row = NextStepLayout.stepRow(at: event.position, next: next, size: state.size) {
                next.selected = row
                if event.kind == .leftClick {
                    state.modal = .nextStep(next)
                    return handleNextStep(&state, &next, .enter)
                }
            }
        default: break
        }
        state.modal = .nextStep(next)
        return []
    }

    /// The form of the step chosen in `next`.
    static func openStepForm(_ state: inout AppState, _ next: NextStepState) {
        guard let file = file(next.caseID, in: state), next.steps.indices.contains(next.selected) else {
            state.modal = nil
            return
        }
        let kind = next.steps[next.selected]
        state.modal = .form(FormState(form: StepForms.form(for: kind, file: file, data: state.data),
                                      purpose: .step(kind, next.caseID), baseRevision: state.data.revisions[next.caseID]))
    }

    static func handleFormKey(_ state: inout AppState, _ formState: inout FormState, _ key: Key) -> [Effect] {
        let outcome: Form.Outcome?
        if case .mouse(let event) = key {
            outcome = formState.form.handleClick(event, questionIn: ModalView.formInner(state.size))
        } else {
            outcome = formState.form.handle(key)
        }
        guard let outcome else {
            state.modal = .form(formState)
            return []
        }
        switch outcome {
        case .cancelled:
            state.modal = nil
            return []
        case .submitted(let values):
            return submit(&state, formState, values)
        }
    }

    static func submit(_ state: inout AppState, _ formState: FormState, _ values: [String: String]) -> [Effect] {
        func refuse(_ lines: [String], title: String = "Không thể thực hiện") -> [Effect] {
            state.modal = .message(MessageState(title: title, lines: lines, returnTo: formState))
            return []
        }
        switch formState.purpose {
        case .addCase:
            switch EditForms.addCaseEffect(values, data: state.data) {
            case .failure(let error): return refuse(error.problems, title: "Chưa thể thêm hồ sơ")
            case .success(let effect):
                state.modal = nil
                state.lastSubmittedForm = formState
                state.status = StatusMessage("Đang lưu…")
                return [effect]
            }
        case .step(let kind, let id):
            guard let file = file(id, in: state) else { return refuse(["Hồ sơ \(id.rawValue) không còn trong dữ liệu."]) }
            switch StepForms.event(for: kind, values: values) {
            case .failure(let error): return refuse(error.problems)
            case .success(let (event, date)):
                let target = Workflow.destination(of: kind, for: file)
                // What was typed, as typed, so the person checks it before it is saved (18 for, 22 against).
                let entered = formState.form.fields
                    .filter { $0.id != "date" && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { "\($0.label): \($0.value.trimmingCharacters(in: .whitespaces))" }
                let dialog = ConfirmDialog(
                    title: "Xác nhận bước",
                    message: [
                        "Hồ sơ \(file.id.rawValue) — \(file.person.fullName)",
                        "Bước: \(kind.vietnamese), ngày \(date.vietnamese)",
                        "Từ \"\(file.state.vietnamese)\"",
                        "sang \"\(target?.vietnamese ?? "?")\"",
                    ] + (entered.isEmpty ? [] : ["", "Đã nhập:"] + entered.map { "  " + $0 }),
                    confirmLabel: "Thực hiện")
                state.modal = .confirm(ConfirmState(dialog: dialog, event: event, date: date, form: formState))
                return []
            }
        case .certifyClass(let ids):
            return ClassesLogic.certify(&state, ids: ids, values: values, formState: formState)
        case .reportExport:
            return ReportsLogic.export(&state, values: values, formState: formState)
        case .paperExport(let id, let paper):
            return PaperLogic.export(&state, id, paper, values: values, formState: formState)
        case .listExport(let format):
            return ListExport.export(&state, format, values: values, formState: formState)
        case .addPerson, .grantRole, .revokeRole, .unitCounts, .letterhead:
            let effect = switch formState.purpose {
            case .unitCounts, .letterhead: UnitsLogic.effect(for: formState.purpose, values: values, data: state.data)
            default: PeopleLogic.effect(for: formState.purpose, values: values, data: state.data)
            }
            switch effect {
            case .failure(let error): return refuse(error.problems)
            case .success(let effect):
                state.modal = nil
                state.lastSubmittedForm = formState
                state.status = StatusMessage("Đang lưu…")
                return [effect]
            }
        case .note(let id), .verificationItem(let id), .verificationResult(let id, _), .introducer(let id),
             .opinion(let id), .unionResolution(let id), .addTask(let id), .completeTask(let id), .addDocument(let id),
             .assignMentor(let id), .releaseMentor(let id), .identity(let id):
            guard file(id, in: state) != nil else { return refuse(["Hồ sơ \(id.rawValue) không còn trong dữ liệu."]) }
            switch EditForms.edit(for: formState.purpose, values: values, seen: formState.form.initialValuesByID) {
            case .failure(let error): return refuse(error.problems)
            case .success(let (edit, date)):
                let command = CaseCommand.edit(edit, on: id, date: date)
                if let refusal = preflight(command, state) { return refuse(refusal.problemLines, title: refusal.popupTitle) }
                // The store applies it to the file as stored then, and says what became of it.
                state.modal = nil
                state.lastSubmittedForm = formState
                state.status = StatusMessage("Đang lưu…")
                return [.run(command)]
            }
        }
    }

    /// What a confirmed question does: a step, a class's certificates, or the form of a step marked ✗.
    static func confirmed(_ state: inout AppState, _ confirm: ConfirmState) -> [Effect] {
        switch confirm.action {
        case .step(let event, let date):
            guard let form = confirm.form else { return [] }
            return applyStep(&state, event: event, date: date, form: form)
        case .together(let commands):
            return ClassesLogic.send(&state, commands)
        case .openStepForm(let next):
            openStepForm(&state, next)
            return []
        case .changeUnit(let change, let id):
            state.modal = nil
            state.status = StatusMessage("Đang lưu…")
            return [.changeUnit(change, of: id)]
        }
    }

    /// Sends the confirmed step, with the state it was chosen on: a refusal comes back as a popup that
    /// leads to the form again, with what was typed, and nothing changes.
    static func applyStep(_ state: inout AppState, event: Event, date: CivilDate, form: FormState) -> [Effect] {
        guard case .step(_, let id) = form.purpose, let file = file(id, in: state) else {
            state.modal = .message(MessageState(title: "Lỗi", lines: ["Không tìm thấy hồ sơ hoặc chi bộ của hồ sơ."]))
            return []
        }
        let command = CaseCommand.step(event, on: id, date: date, seenState: file.state)
        if let refusal = preflight(command, state) {
            state.modal = .message(MessageState(title: refusal.popupTitle, lines: refusal.problemLines, returnTo: form))
            return []
        }
        state.modal = nil
        state.lastSubmittedForm = form
        state.status = StatusMessage("Đang lưu…")
        return [.run(command)]
    }

    /// The engine's answer on the data this terminal has loaded, before the command goes to the store
    /// (which asks the engine again, on the data stored then): a refusal shows at once, the form kept. A
    /// conflict with a newer version is the store's to tell, with who changed what.
    static func preflight(_ command: CaseCommand, _ state: AppState) -> WorkflowError? {
        guard let file = file(command.caseID, in: state), let context = state.data.context(for: file, on: command.date) else {
            return nil
        }
        do throws(WorkflowError) {
            _ = try Workflow.run(command, on: file, context: context)
            return nil
        } catch {
            switch error {
            case .conflict, .stateMoved: return nil
            default: return error
            }
        }
    }

    // MARK: Mouse

    static func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        switch event.kind {
        case .scrollUp: return perform(&state, .up)
        case .scrollDown: return perform(&state, .down)
        case .leftClick: break
        default: return []
        }
        let position = event.position
        switch state.screen {
        case .board:
            for (column, rect) in ScreenLayout.boardColumns(state.size).enumerated() {
                let stage = Stage.allCases[column]
                for (index, item) in BoardItem.items(of: stage).enumerated()
                where ScreenLayout.boardItemRow(rect, item: item, stage: stage) == position.row
                    && position.col >= rect.col && position.col < rect.right {
                    state.board = BoardState(column: column, item: index)
                    apply(.push(.list(BoardLogic.list(opening: state.board, app: state))), to: &state)
                    return []
                }
            }
        case .list(let list):
            let table = ScreenLayout.listTable(state.size)
            let app = state
            // A click on a column's heading sorts by it; on the sorted column's heading, turns the sort round.
            if let sort = ListView.sortHeading(at: position, list, table: table, index: state.index) {
                state.status = reduceTop(&state, .list) { list in
                    list.descending = list.sort == sort ? !list.descending : false
                    list.sort = sort
                    return ListSortLogic.resort(&list, index: app.index, size: app.size)
                }
                return []
            }
            let row = position.row - table.row - 1
            if row >= 0, row < table.height - 1, list.offset + row < list.visible.count {
                let index = list.offset + row
                if index == list.selected { return perform(&state, .open) }
                reduceTop(&state, .list) { $0.selected = index }
            }
        case .people:
            let before = state
            reduceTop(&state, .people) { PeopleLogic.click(&$0, at: position, state: before) }
        case .units:
            let before = state
            reduceTop(&state, .units) { UnitsLogic.click(&$0, at: position, state: before) }
        case .reports(let reports):
            if let tab = TabBar.tab(at: position, hits: ReportsView.tabHits(state.size, selected: reports.kind)) {
                runScreen(&state, .reports) { ReportsLogic.reduce(&$0, .tab(tab), app: $1) }
            }
        case .detail(let detail):
            if let tab = TabBar.tab(at: position, hits: DetailLayout.tabHits(state.size, selected: detail.tab)) {
                runScreen(&state, .detail) { DetailLogic.reduce(&$0, .tab(tab), app: $1) }
            }
        default:
            break
        }
        return []
    }
}

/// Where the tabs of the detail are, for clicks.
enum DetailLayout {
    /// The tabs as the view draws them with `selected` current (the bar scrolls to keep it in view).
    static func tabHits(_ size: Size, selected: DetailTab = .info) -> [Rect] {
        TabBar.layout(titles, selected: selected.rawValue, in: ScreenLayout.detailTabs(size)).hits
    }

    /// The tab titles, numbered as the keys that choose them.
    static let titles = DetailTab.allCases.enumerated().map { "\($0.offset + 1) \($0.element.title)" }
}

/// Where the steps of the next-step popup are, for clicks.
enum NextStepLayout {
    static func stepRow(at position: Position, next: NextStepState, size: Size) -> Int? {
        let inner = ScreenLayout.popup(size).inset(by: 1)
        let row = position.row - (inner.row + 1)
        guard row >= 0, row < next.steps.count, inner.contains(position) else { return nil }
        return row
    }
}

/// The detail's tab rectangles, for tests and mouse handling alike.
public enum DetailTabHits {
    /// One rectangle per tab at `size` with `selected` current (empty for a tab scrolled out of view).
    public static func rects(_ size: Size, selected: DetailTab = .info) -> [Rect] {
        DetailLayout.tabHits(size, selected: selected)
    }
}

/// The buttons of the popup on top, where they are drawn: for tests and mouse handling alike.
public enum PopupHits {
    /// The buttons of the confirmation, conflict or "Bỏ thay đổi?" question, if one is open.
    public static func dialog(_ state: AppState) -> ConfirmDialog.Hits? {
        let content = ScreenLayout.content(state.size)
        switch state.modal {
        case .confirm(let confirm)?: return ModalView.drawnDialog(confirm.dialog, in: content).hits(in: content)
        case .conflict(let conflict)?: return ModalView.conflictDialog(conflict, in: content).hits(in: content)
        case .form(let formState)?: return formState.form.discardQuestion?.hits(in: ModalView.formInner(state.size))
        default: return nil
        }
    }

    /// The OK button of a message popup, if one is open.
    public static func ok(_ state: AppState) -> Rect? {
        guard case .message(let message)? = state.modal else { return nil }
        return ModalView.messageOKHit(message, size: state.size)
    }
}
