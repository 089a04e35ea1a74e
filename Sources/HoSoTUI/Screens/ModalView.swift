import Foundation
import HoSoDomain

/// Draws the popup on top: help, next step with checklists, forms, questions, messages, pickers.
enum ModalView {
    static func draw(_ modal: ModalState, state: AppState, size: Size, into buffer: inout CellBuffer) {
        let content = ScreenLayout.content(size)
        switch modal {
        case .help(let help):
            help.draw(helpKeyMap(state), in: content, into: &buffer)
        case .message(let message):
            drawMessage(message, in: content, into: &buffer)
        case .confirm(let confirm):
            drawnDialog(confirm.dialog, in: content).draw(in: content, into: &buffer)
        case .conflict(let conflict):
            conflictDialog(conflict, in: content).draw(in: content, into: &buffer)
        case .picker(let picker):
            drawPicker(picker, in: content, into: &buffer)
        case .nextStep(let next):
            drawNextStep(next, state: state, size: size, into: &buffer)
        case .form(let formState):
            drawForm(formState, state: state, size: size, into: &buffer)
        }
    }

    static let okButton = "[ OK ]"

    /// A message popup laid out before it is drawn: its lines and where its OK button goes.
    struct MessageLayout {
        var lines: [String]
        var lineStyles: [Int: Style]
        var ok: Rect
    }

    static func messageLayout(_ message: MessageState, in content: Rect) -> MessageLayout {
        let width = min(content.width - 6, 90)
        // An unmet requirement ("✗ …") in the error colour, all of its wrapped lines, as in the checklist.
        var text: [String] = []
        var lineStyles: [Int: Style] = [:]
        for line in message.lines {
            for wrapped in TextWrap.wrap(line, width: width) {
                if line.hasPrefix("✗") { lineStyles[text.count] = .error }
                text.append(wrapped)
            }
        }
        let lines = Array(text.prefix(max(0, content.height - 6))) + ["", "\(okButton)   Enter hoặc Esc: đóng"]
        let inner = Modal.messageInner(title: message.title, lines: lines, in: content)
        // As the buffer puts it: whole, or cut to the inside of the frame.
        let used = max(0, min(CellWidth.of(okButton), inner.width - 2))
        return MessageLayout(lines: lines, lineStyles: lineStyles,
                             ok: Rect(row: inner.row + lines.count, col: inner.col + 1, width: used, height: used > 0 ? 1 : 0))
    }

    /// Draws a message popup with its OK button on the last line; returns the button's rectangle.
    @discardableResult
    static func drawMessage(_ message: MessageState, in content: Rect, into buffer: inout CellBuffer) -> Rect {
        let layout = messageLayout(message, in: content)
        Modal.message(title: message.title, lines: layout.lines, in: content, into: &buffer,
                      style: ["Lỗi", "Không thể thực hiện", CommandAccess.refusedTitle].contains(message.title) ? .error : .border,
                      lineStyles: layout.lineStyles)
        buffer.put(okButton, at: layout.ok.row, col: layout.ok.col, style: .selected, maxColumns: layout.ok.width)
        return layout.ok
    }

    /// The OK button of `message` on a screen of `size`, for clicks: the layout the view draws, not a drawing.
    static func messageOKHit(_ message: MessageState, size: Size) -> Rect {
        messageLayout(message, in: ScreenLayout.content(size)).ok
    }

    /// The conflict question as drawn: its message wrapped to the screen.
    static func conflictDialog(_ conflict: ConflictState, in content: Rect) -> ConfirmDialog {
        drawnDialog(conflict.dialog, in: content)
    }

    /// A question as drawn: its message wrapped to the screen, and cut (with "…") where the screen ends, so
    /// the buttons always show. Its buttons are where this version draws them.
    static func drawnDialog(_ dialog: ConfirmDialog, in content: Rect) -> ConfirmDialog {
        var drawn = dialog
        let wrapped = dialog.message.flatMap { TextWrap.wrap($0, width: min(content.width - 8, 80)) }
        let room = max(1, content.height - 6)
        drawn.message = wrapped.count <= room ? wrapped : Array(wrapped.prefix(room - 1)) + ["…"]
        return drawn
    }

    /// Every key of the current screen for the help overlay (the form's keys while a form is open).
    static func helpKeyMap(_ state: AppState) -> KeyMap<Command> {
        KeyMaps.map(for: state.screen, access: state.data.access)
    }

    static func drawPicker(_ picker: PickerState, in content: Rect, into buffer: inout CellBuffer) {
        let searching = !picker.query.isEmpty
        let height = min(content.height, picker.options.count + 2 + (searching ? 1 : 0))
        let frame = Modal.draw(title: picker.title, width: min(content.width - 4, 70), height: height, in: content, into: &buffer)
        var inner = frame
        if searching {
            // What was typed, above the options; the matching ones stand out.
            let search = ChoiceSearch(options: picker.options, query: picker.query)
            let found = !picker.options.isEmpty && search.matches(picker.selected)
            buffer.putPadded(" tìm: \(picker.query)" + (found ? "" : " — không thấy"), in: Rect(row: frame.row, col: frame.col, width: frame.width, height: 1),
                             style: found ? .muted : .warning)
            inner = Rect(row: frame.row + 1, col: frame.col, width: frame.width, height: frame.height - 1)
        }
        let search = ChoiceSearch(options: picker.options, query: picker.query)
        let first = Table.scrollOffset(selected: picker.selected, current: 0, visibleRows: inner.height, rowCount: picker.options.count)
        for (line, option) in picker.options.dropFirst(first).prefix(max(0, inner.height)).enumerated() {
            let index = first + line
            let style: Style = index == picker.selected ? .selected : searching && !search.matches(index) ? .muted : .normal
            buffer.putPadded(" " + option, in: Rect(row: inner.row + line, col: inner.col, width: inner.width, height: 1), style: style)
        }
        // Options above or below the box are announced on its bottom edge, as in forms and the help.
        let below = picker.options.count - first - max(0, inner.height)
        if first > 0 || below > 0 {
            let marks = " " + (first > 0 ? "▲ \(first) mục ở trên" : "") + (first > 0 && below > 0 ? " · " : "")
                + (below > 0 ? "▼ còn \(below) mục nữa" : "") + " "
            buffer.put(marks, at: frame.bottom, col: frame.right - CellWidth.of(marks) - 1, style: .muted)
        }
    }

    static func drawNextStep(_ next: NextStepState, state: AppState, size: Size, into buffer: inout CellBuffer) {
        guard let file = AppReducer.file(next.caseID, in: state) else { return }
        let frame = ScreenLayout.popup(size)
        let inner = Modal.draw(title: "Bước tiếp theo — \(file.id.rawValue) \(file.person.fullName)", width: frame.width,
                               height: frame.height, in: frame, into: &buffer)
        buffer.put("Hiện tại: \(file.state.vietnamese). Chọn bước rồi Enter:", at: inner.row, col: inner.col + 1,
                   style: .muted, maxColumns: inner.width - 2)
        let context = state.data.context(for: file, on: state.data.today)
        var row = inner.row + 1
        for (index, kind) in next.steps.enumerated() {
            let requirements = context.map { Workflow.preview(kind, of: file, context: $0) } ?? []
            let ready = requirements.allSatisfy { $0.isMet || CaseQuestions.isSuppliedByStep($0) }
            let target = Workflow.destination(of: kind, for: file)?.shortVietnamese ?? ""
            buffer.putPadded(" \(ready ? "✓" : "✗") \(kind.vietnamese) → \(target)",
                             in: Rect(row: row, col: inner.col, width: inner.width, height: 1),
                             style: index == next.selected ? .selected : (ready ? .normal : .muted))
            row += 1
        }
        row += 1
        guard next.steps.indices.contains(next.selected), let context else { return }
        let kind = next.steps[next.selected]
        buffer.put("Yêu cầu của bước \"\(kind.vietnamese)\" (theo dữ liệu hiện có):", at: row, col: inner.col + 1,
                   style: .title, maxColumns: inner.width - 2)
        row += 1
        let requirements = Workflow.preview(kind, of: file, context: context)
        if requirements.isEmpty {
            buffer.put("  Không có yêu cầu riêng; các số liệu của bước được kiểm tra khi thực hiện.", at: row, col: inner.col,
                       style: .muted, maxColumns: inner.width)
        }
        for requirement in requirements {
            let supplied = !requirement.isMet && CaseQuestions.isSuppliedByStep(requirement)
            let text = requirement.isMet ? "  ✓ \(requirement.title)"
                : supplied ? "  ○ \(requirement.title) (nhập khi làm bước này)" : "  ✗ \(requirement.sentence)"
            for line in TextWrap.wrap(text, width: inner.width - 1) where row < inner.bottom {
                buffer.put(line, at: row, col: inner.col, style: requirement.isMet ? .success : (supplied ? .muted : .error), maxColumns: inner.width)
                row += 1
            }
        }
    }

    /// The inside of a form's popup at `size`: where its fields and its "Bỏ thay đổi?" question are drawn.
    static func formInner(_ size: Size) -> Rect { ScreenLayout.popup(size).inset(by: 1) }

    /// Draws a form that may be taller than the popup: it scrolls to keep the focused field in view.
    static func drawForm(_ formState: FormState, state: AppState, size: Size, into buffer: inout CellBuffer) {
        let form = formState.form
        let frame = ScreenLayout.popup(size)
        let inner = Modal.draw(title: form.title, width: frame.width, height: frame.height, in: frame, into: &buffer)
        assert(inner == formInner(size), "a click must meet the buttons where they are drawn")
        let multiline = form.fields.indices.contains(form.focus) && form.fields[form.focus].kind == .multiline
        let hint = "* bắt buộc · " + (multiline ? "Enter xuống dòng · " : "") + "Ctrl-S lưu · Esc hủy"
        buffer.put(hint, at: inner.row, col: inner.col + 1, style: .muted, maxColumns: inner.width - 2)
        let area = Rect(row: inner.row + 2, col: inner.col + 1, width: inner.width - 2, height: inner.height - 2)
        var tall = CellBuffer(width: area.width, height: max(area.height, form.height))
        var plain = form
        plain.clearQuestionForDrawing()
        plain.draw(in: tall.bounds, into: &tall)
        let scroll = form.scroll(inRows: area.height)
        // Fields above or below the popup are announced where the eye meets the edge.
        if scroll > 0 { buffer.put("▲ còn ở trên", at: inner.row + 1, col: inner.right - 13, style: .muted) }
        if scroll + area.height < form.height { buffer.put(" ▼ còn nữa ", at: inner.bottom, col: inner.right - 12, style: .muted) }
        var window = CellBuffer(width: area.width, height: area.height)
        window.draw(tall, at: Position(row: -scroll, col: 0))
        if let cursor = tall.cursor { window.cursor = Position(row: cursor.row - scroll, col: cursor.col) }
        buffer.draw(window, at: Position(row: area.row, col: area.col))
        if let question = form.discardQuestion {
            buffer.cursor = nil
            question.draw(in: inner, into: &buffer)
        }
    }
}

/// The classes screen: class names, candidates, and who is ticked for certificates.
enum ClassesView {
    static func draw(_ state: AppState, _ classes: ClassesState, in content: Rect, into buffer: inout CellBuffer) {
        let groups = ClassesLogic.groups(state.index)
        guard !groups.isEmpty else {
            buffer.put(" Chưa có học viên nào đang học lớp bồi dưỡng.", at: content.row + 1, col: 0, style: .muted)
            return
        }
        let current = max(0, min(classes.classIndex, groups.count - 1))
        buffer.putPadded(" Lớp \(current + 1)/\(groups.count) (←/→ đổi lớp): \(groups[current].name)",
                         in: Rect(row: content.row, col: 0, width: content.width, height: 1), style: .header)
        let group = groups[current]
        var table = Table(columns: [
            TableColumn("", width: .fixed(3)), TableColumn("Mã", width: .fixed(7)),
            TableColumn("Họ và tên", width: .flex(3)), TableColumn("Chi bộ", width: .flex(2)),
            TableColumn("Trạng thái", width: .flex(2)), TableColumn("Giấy chứng nhận", width: .flex(3)),
        ], rows: [])
        let area = Rect(row: content.row + 1, col: 0, width: content.width, height: content.height - 2)
        let widths = table.columnWidths(in: area)
        table.rows = group.rows.map { position -> [String] in
            let file = state.index.rows[position].file
            return [classes.ticked.contains(file.id) ? "[x]" : "[ ]", file.id.rawValue, file.person.fullName,
                    NarrowText.unit(at: position, of: state.index, columns: widths[3]),
                    NarrowText.state(file.state, columns: widths[4]),
                    file.certificate.map { "\($0.number) (\($0.issued.vietnamese))" } ?? "—"]
        }
        table.selected = table.rows.isEmpty ? nil : min(classes.candidate, table.rows.count - 1)
        table.draw(in: area, into: &buffer)
        let waiting = group.rows.filter { state.index.rows[$0].file.state == .inClass }.count
        let mayCertify = state.data.access.map { CommandAccess.isEverAllowed(.nextStep, on: .classes(classes), access: $0) } ?? true
        buffer.put(" \(waiting) học viên chờ giấy chứng nhận" + (mayCertify ? " · Space đánh dấu (không đánh dấu: cả lớp) · n/F4 ghi giấy chứng nhận" : ""),
                   at: content.bottom - 1, col: 0, style: .muted)
    }
}

/// The mentor view: the chosen member's candidates, last note, and who still needs this month's note.
enum MentorView {
    static func draw(_ state: AppState, _ mentor: MentorState, in content: Rect, into buffer: inout CellBuffer) {
        guard let memberID = mentor.memberID else {
            buffer.put(" Chọn người giúp đỡ: f hoặc F11", at: content.row + 1, col: 0, style: .muted)
            return
        }
        let positions = MentorLogic.candidates(of: memberID, index: state.index)
        let today = state.data.today
        let members = state.data.organisation.members
        let missing = positions.filter { state.index.rows[$0].file.lacksMonthlyNote(inMonthOf: today, members: members) }.count
        buffer.putPadded(" \(state.data.memberName(memberID)) (\(memberID.rawValue)) — \(positions.count) người được giúp đỡ · \(missing) người chưa có nhận xét tháng \(today.month)/\(today.year)",
                         in: Rect(row: content.row, col: 0, width: content.width, height: 1), style: .header)
        let rows = positions.map { position -> [String] in
            let file = state.index.rows[position].file
            let month = !file.expectsMonthlyNote ? "Không cần (hồ sơ đã xong)"
                : file.hasMentorNote(inMonthOf: today, members: members) ? "Đã có" : "Chưa có nhận xét tháng này"
            return [file.lacksMonthlyNote(inMonthOf: today, members: members) ? "!" : " ", file.id.rawValue, file.person.fullName,
                    file.state.shortVietnamese, file.lastNoteDate?.vietnamese ?? "chưa có", month]
        }
        Table(columns: [
            TableColumn("", width: .fixed(1)), TableColumn("Mã", width: .fixed(7)), TableColumn("Họ và tên", width: .flex(3)),
            TableColumn("Trạng thái", width: .flex(2)), TableColumn("Nhận xét gần nhất", width: .fixed(17)),
            TableColumn("Tháng này", width: .flex(2)),
        ], rows: rows, selected: rows.isEmpty ? nil : min(mentor.selected, rows.count - 1))
            .draw(in: Rect(row: content.row + 1, col: 0, width: content.width, height: content.height - 1), into: &buffer)
    }
}

/// The reports screen: the quota, rate, period and pipeline reports (tabs 1–4), for a period and a unit
/// chosen there, exactly as `hoso report …` makes them.
enum ReportsView {
    /// Lines above the report: the tabs, then the period and the unit.
    static let headerRows = 2

    /// The tab titles, numbered as the keys that choose them.
    static let tabTitles = ReportKind.allCases.map { "\($0.rawValue + 1) \($0.title)" }

    /// Where the tabs are drawn at `size` with `selected` current, for clicks.
    static func tabHits(_ size: Size, selected: ReportKind) -> [Rect] {
        TabBar.layout(tabTitles, selected: selected.rawValue, in: tabRow(size)).hits
    }

    /// The row of the report tabs.
    static func tabRow(_ size: Size) -> Rect {
        let content = ScreenLayout.content(size)
        return Rect(row: content.row, col: 0, width: content.width, height: 1)
    }

    /// The scope the report covers: the chosen unit and everything under it, or every unit.
    static func scope(_ state: AppState, _ reports: ReportsState) -> ReportScope {
        let data = state.data
        if let facts = data.reportFacts { return ReportScope(organisation: data.organisation, facts: facts, root: reports.unit, today: data.today) }
        return ReportScope(organisation: data.organisation, cases: data.cases, root: reports.unit, today: data.today)
    }

    /// The report of the tab, as `hoso report quota|rate|period|pipeline` prints it: one computation
    /// for the screen and the command line. Someone who may not see names (a viewer) gets the pipeline's
    /// counts, as `--counts-only` gives them.
    static func document(_ state: AppState, _ reports: ReportsState) -> ReportDocument {
        let scope = scope(state, reports)
        switch reports.kind {
        case .quota:
            return QuotaReport.make(scope: scope, year: reports.period.year).document
        case .rate:
            return RateReport.make(scope: scope, period: reports.period).document
        case .period:
            return PeriodReport.make(scope: scope, period: reports.period).document
        case .pipeline:
            let report = PipelineReport.make(scope: scope, rulebook: state.data.rulebook, calendar: state.data.calendar)
            let mayName = state.data.access?.refusalAnywhere(.exportPersonalData) == nil
            return mayName ? report.document : report.countsOnly
        }
    }

    /// `reports` with the report made anew from the data.
    static func remake(_ reports: inout ReportsState, _ state: AppState) {
        reports.document = document(state, reports)
        relayout(&reports, size: state.size)
    }

    /// `reports` drawn anew for a screen of `size`: its tables fit the width (after the left margin).
    static func relayout(_ reports: inout ReportsState, size: Size) {
        guard let document = reports.document else { return }
        reports.lines = ReportTextRenderer.render(document, width: size.width - 1, recordsWhenTooWide: true).components(separatedBy: "\n")
        reports.scroll = min(reports.scroll, lastScroll(reports, size: size))
    }

    /// The scroll that shows the report's last line at the bottom of the screen.
    static func lastScroll(_ reports: ReportsState, size: Size) -> Int {
        max(0, reports.lines.count - max(1, ScreenLayout.content(size).height - headerRows))
    }

    /// The period as the header names it: the quota report is yearly, the pipeline is today's.
    static func periodLabel(_ state: AppState, _ reports: ReportsState) -> String {
        switch reports.kind {
        case .quota: "Năm \(reports.period.year)"
        case .rate, .period: reports.period.vietnamese
        case .pipeline: "Hiện nay (\(state.data.today.vietnamese))"
        }
    }

    /// The unit as the header names it.
    static func unitLabel(_ state: AppState, _ reports: ReportsState) -> String {
        guard let id = reports.unit, let unit = state.data.organisation.units[id] else { return "Tất cả đơn vị" }
        return unit.name
    }

    static func draw(_ state: AppState, _ reports: ReportsState, in content: Rect, into buffer: inout CellBuffer) {
        guard content.height > headerRows else { return }
        TabBar.draw(tabTitles, selected: reports.kind.rawValue, in: Rect(row: content.row, col: 0, width: content.width, height: 1),
                    into: &buffer)
        let header = " Kỳ: \(periodLabel(state, reports)) (K) · Đơn vị: \(unitLabel(state, reports)) (f) · Xuất tệp: x"
        buffer.put(header, at: content.row + 1, col: 0, style: .muted, maxColumns: content.width)
        let height = content.height - headerRows
        let all = reports.lines
        let scroll = min(reports.scroll, max(0, all.count - height))
        for (offset, line) in all.dropFirst(scroll).prefix(height).enumerated() {
            buffer.put(" " + line, at: content.row + headerRows + offset, col: 0, style: offset + scroll == 0 ? .title : .normal)
        }
    }
}
