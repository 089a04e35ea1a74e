import Foundation
import HoSoDomain

/// One labelled input of a form.
public struct FormField: Equatable, Sendable {
    /// What the field holds.
    public enum Kind: Hashable, Sendable {
        /// Free text.
        case text
        /// A day typed as dd/mm/yyyy (ISO also accepted), checked when the focus leaves the field.
        case date
        /// One of a fixed list, changed with ←/→ or Space, or found by typing some of its words.
        case choice([String])
        /// Text of several lines (a note): Enter starts a new line; drawn `TextArea.visibleRows` rows high.
        case multiline
    }

    public let id: String
    public var label: String
    public let kind: Kind
    public var isRequired: Bool
    /// The editor for text and date fields.
    public var editor: TextField
    /// The editor of a multi-line field.
    public var area: TextArea
    /// The chosen option of a choice field.
    public var choiceIndex: Int
    /// What was typed into a choice field to find an option (see `ChoiceSearch`); cleared when the focus
    /// leaves the field.
    public internal(set) var choiceQuery = ""
    /// The message shown under the field, set by validation.
    public var error: String?
    /// Extra check on the (normalised) value: a Vietnamese message when it is wrong.
    public var validate: (@Sendable (String) -> String?)?

    /// Fields are equal when what they show and hold is: the check is code, not state, and a closure has
    /// no equality (the same form built twice checks the same way).
    public static func == (a: FormField, b: FormField) -> Bool {
        a.id == b.id && a.label == b.label && a.kind == b.kind && a.isRequired == b.isRequired && a.editor == b.editor
            && a.area == b.area && a.choiceIndex == b.choiceIndex && a.choiceQuery == b.choiceQuery && a.error == b.error
            && (a.validate == nil) == (b.validate == nil)
    }

    /// A field `id` labelled `label`.
    public init(id: String, label: String, kind: Kind = .text, value: String = "", isRequired: Bool = false,
                maxLength: Int? = nil, validate: (@Sendable (String) -> String?)? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.editor = TextField(kind == .multiline ? "" : value, maxLength: maxLength ?? (kind == .date ? 10 : nil))
        self.area = TextArea(kind == .multiline ? value : "", maxLength: maxLength)
        if case .choice(let options) = kind {
            self.choiceIndex = options.firstIndex(of: value) ?? 0
        } else {
            self.choiceIndex = 0
        }
        self.validate = validate
    }

    /// The current value: NFC text, the chosen option, or a date as typed.
    public var value: String {
        if case .choice(let options) = kind { return options.isEmpty ? "" : options[choiceIndex] }
        if kind == .multiline { return area.value }
        return editor.value
    }

    /// The field's problem, or `nil` when it may be submitted. Dates are rewritten as dd/mm/yyyy.
    mutating func check() -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return isRequired ? "Bắt buộc nhập" : nil
        }
        if kind == .date {
            let date: CivilDate
            do throws(DateInputProblem) {
                date = try CivilDate.typed(trimmed)
            } catch {
                guard case .notRecordable = error else { return "Ngày không hợp lệ (dd/mm/yyyy)" }
                return "Ngày ngoài khoảng \(CivilDate.recordable.lowerBound.year)–\(CivilDate.recordable.upperBound.year)"
            }
            if editor.value != date.vietnamese { editor.setValue(date.vietnamese) }
        }
        return validate?(value)
    }

    /// Puts `text` in a text field or picks it in a choice field (an option the field does not have changes nothing).
    mutating func setValue(_ text: String) {
        switch kind {
        case .choice(let options): if let index = options.firstIndex(of: text) { choiceIndex = index }
        case .multiline: area = TextArea(text, maxLength: area.maxLength)
        case .text, .date: editor.setValue(text)
        }
    }

    /// Rows the field takes in a form: its input, then a row for its message.
    var rows: Int { (kind == .multiline ? TextArea.visibleRows : 1) + 1 }
}

/// Values a form fills in for the person when a choice lands on one option: a verification item about
/// "Bản thân" is about the candidate, whose name and birth year the file already holds.
public struct FormPrefill: Equatable, Sendable {
    /// The choice field, and the option that brings the values.
    public var choiceField: String
    public var option: String
    /// The values, by field id.
    public var values: [String: String]

    public init(when choiceField: String, is option: String, fill values: [String: String]) {
        self.choiceField = choiceField
        self.option = option
        self.values = values
    }
}

/// A form: fields, focus, inline errors, dirty tracking and the "Bỏ thay đổi?" question.
public struct Form: Equatable, Sendable {
    /// How editing ended.
    public enum Outcome: Hashable, Sendable {
        /// Every field passed; values by field id (dates as dd/mm/yyyy).
        case submitted([String: String])
        /// The person left without saving.
        case cancelled
    }

    public var title: String
    public private(set) var fields: [FormField]
    /// The index of the focused field.
    public private(set) var focus = 0
    /// The open "discard changes?" question, if any.
    public private(set) var discardQuestion: ConfirmDialog?
    /// What the form started with, by field position: what the person saw before typing.
    private var initialValues: [String]
    /// Values filled in when a choice lands on an option, taken back when it leaves it (if not retyped).
    public private(set) var prefills: [FormPrefill]

    /// A form titled `title` with `fields`, focus on the first. `prefills`: values filled in while a choice
    /// is on an option (and at once, for the options the form starts on), each only into a blank field.
    public init(title: String, fields: [FormField], prefills: [FormPrefill] = []) {
        self.title = title
        self.fields = fields
        self.prefills = prefills
        self.initialValues = []
        for prefill in prefills where field(prefill.choiceField)?.value == prefill.option { apply(prefill, entering: true) }
        self.initialValues = self.fields.map(\.value)
    }

    /// Fills `prefill`'s values into blank fields (`entering`), or clears the fields still holding them.
    private mutating func apply(_ prefill: FormPrefill, entering: Bool) {
        for (id, value) in prefill.values {
            guard let index = fields.firstIndex(where: { $0.id == id }) else { continue }
            let current = fields[index].value.trimmingCharacters(in: .whitespacesAndNewlines)
            if entering, current.isEmpty { fields[index].setValue(value) }
            if !entering, current == value { fields[index].setValue("") }
        }
    }

    /// Whether any value differs from what the form started with.
    public var isDirty: Bool { fields.map(\.value) != initialValues }

    /// The field with `id`.
    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    /// The values the form started with, by field id: what the person saw before typing.
    public var initialValuesByID: [String: String] {
        Dictionary(zip(fields.map(\.id), initialValues), uniquingKeysWith: { first, _ in first })
    }

    /// Takes `values` (by field id) as what the form started with, keeping what was typed: after someone
    /// else changed the same record, the person has now seen the stored values, and what they typed over
    /// them is their choice.
    public mutating func rebase(onto values: [String: String]) {
        for (index, field) in fields.enumerated() {
            if let value = values[field.id] { initialValues[index] = value }
        }
    }

    /// The keys the form understands, for the footer and the help overlay.
    public static let keyMap = KeyMap<String>([
        KeyBinding([.tab, .down], "Ô sau", action: "next", label: "Tab/↓"),
        KeyBinding([.backTab, .up], "Ô trước", action: "previous", label: "Shift-Tab/↑"),
        KeyBinding([.ctrl("s")], "Lưu", action: "submit"),
        KeyBinding([.escape], "Hủy", action: "cancel"),
        KeyBinding([.left, .right], "Đổi lựa chọn", action: "choice", label: "←/→"),
        KeyBinding([.enter], "Ở ô nhiều dòng (nhận xét): xuống dòng; ↑/↓ qua các dòng", action: "newline", inFooter: false),
        KeyBinding([], "Ở ô lựa chọn: gõ vài chữ (không cần dấu) để tìm; ←/→ qua các lựa chọn khớp", action: "find",
                   label: "chữ", inFooter: false),
        KeyBinding([.ctrl("a"), .home], "Đầu dòng", action: "home", inFooter: false),
        KeyBinding([.ctrl("e"), .end], "Cuối dòng", action: "end", inFooter: false),
        KeyBinding([.ctrl("k")], "Xóa đến cuối dòng", action: "kill", inFooter: false),
        KeyBinding([.ctrl("u")], "Xóa đến đầu dòng", action: "killStart", inFooter: false),
        KeyBinding([.ctrl("w")], "Xóa từ trước", action: "killWord", inFooter: false),
    ])

    /// Handles one key; returns the outcome once the person submits or leaves.
    public mutating func handle(_ key: Key) -> Outcome? {
        if var question = discardQuestion { return settleQuestion(question.handle(key), question) }
        guard !fields.isEmpty else { return key == .escape ? .cancelled : nil }
        // A text area takes Enter (a new line) and ↑/↓ between its lines; ↑ on its first line and ↓ on its
        // last leave it, as in any other field.
        if fields[focus].kind == .multiline, !isFormKey(key) {
            if fields[focus].area.handle(key) {
                fields[focus].error = nil
                return nil
            }
        }
        switch key {
        case .tab, .down, .enter:
            moveFocus(by: 1)
        case .backTab, .up:
            moveFocus(by: -1)
        case .ctrl("s"):
            return submit()
        case .escape:
            if isDirty {
                discardQuestion = ConfirmDialog(title: "Bỏ thay đổi?",
                                                message: ["Các thay đổi chưa lưu sẽ mất."],
                                                confirmLabel: "Bỏ thay đổi")
                return nil
            }
            return .cancelled
        default:
            editFocused(with: key)
        }
        return nil
    }

    /// Answers the open "Bỏ thay đổi?" question with a left click on one of its buttons, drawn in `area`
    /// (where `draw`'s caller put it); any other click changes nothing.
    public mutating func handleClick(_ event: MouseEvent, questionIn area: Rect) -> Outcome? {
        guard var question = discardQuestion else { return nil }
        return settleQuestion(question.handleClick(event, in: area), question)
    }

    /// The keys a form keeps for itself in every field: moving between fields, saving, leaving.
    private func isFormKey(_ key: Key) -> Bool {
        [.tab, .backTab, .ctrl("s"), .escape, .ctrl("c"), .function(10)].contains(key)
    }

    private mutating func settleQuestion(_ answer: ConfirmDialog.Answer?, _ question: ConfirmDialog) -> Outcome? {
        discardQuestion = answer == nil ? question : nil
        return answer == .confirm ? .cancelled : nil
    }

    /// Validates every field; submits when all pass, else focuses the first error.
    public mutating func submit() -> Outcome? {
        for index in fields.indices { fields[index].error = fields[index].check() }
        if let firstError = fields.firstIndex(where: { $0.error != nil }) {
            focus = firstError
            return nil
        }
        return .submitted(Dictionary(uniqueKeysWithValues: fields.map { ($0.id, $0.value) }))
    }

    private mutating func moveFocus(by step: Int) {
        fields[focus].error = fields[focus].check()
        fields[focus].choiceQuery = ""
        focus = (focus + step + fields.count) % fields.count
    }

    private mutating func editFocused(with key: Key) {
        if case .choice(let options) = fields[focus].kind {
            guard !options.isEmpty else { return }
            var search = ChoiceSearch(options: options, query: fields[focus].choiceQuery)
            let previous = fields[focus].value
            defer { choiceMoved(from: previous) }
            var index = fields[focus].choiceIndex
            switch key {
            case .right: index = search.step(from: index, by: 1)
            case .left: index = search.step(from: index, by: -1)
            case .char(" ") where search.query.isEmpty: index = search.step(from: index, by: 1)
            case .char(let character): index = search.type(character, from: index)
            case .backspace where !search.query.isEmpty: index = search.erase(from: index)
            default: return
            }
            fields[focus].choiceIndex = index
            fields[focus].choiceQuery = search.query
        } else if fields[focus].editor.handle(key) {
            // A corrected value clears its stale message; the next check decides again.
            fields[focus].error = nil
        }
    }

    /// Follows the focused choice's move from `previous`: the prefills of the option left are taken back,
    /// those of the option reached are filled in.
    private mutating func choiceMoved(from previous: String) {
        let id = fields[focus].id, current = fields[focus].value
        guard current != previous else { return }
        for prefill in prefills where prefill.choiceField == id && prefill.option == previous { apply(prefill, entering: false) }
        for prefill in prefills where prefill.choiceField == id && prefill.option == current { apply(prefill, entering: true) }
    }

    /// The first row of each field, counted from the form's top.
    public var fieldRows: [Int] {
        var rows: [Int] = []
        var next = 0
        for field in fields {
            rows.append(next)
            next += field.rows
        }
        return rows
    }

    /// Rows the whole form takes.
    public var height: Int { fields.reduce(0) { $0 + $1.rows } }

    /// The first row shown in a window `rows` high: the focused field (all its rows) in view, never past the end.
    public func scroll(inRows rows: Int) -> Int {
        guard fields.indices.contains(focus) else { return 0 }
        let bottom = fieldRows[focus] + fields[focus].rows
        return max(0, min(bottom - rows, height - rows))
    }

    /// The keys of the footer for the focused field: a text area adds Enter (a new line) and moves with Tab only.
    public var footerHints: [KeyHint] {
        guard fields.indices.contains(focus), fields[focus].kind == .multiline else { return Self.keyMap.footerHints(limit: 5) }
        return [KeyHint(key: "Enter", description: "Xuống dòng"), KeyHint(key: "Tab", description: "Ô sau"),
                KeyHint(key: "Shift-Tab", description: "Ô trước"), KeyHint(key: "Ctrl-S", description: "Lưu"),
                KeyHint(key: "Esc", description: "Hủy")]
    }

    /// Draws the form in `rect`: each field's rows and one for its error; the question on top.
    public func draw(in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect)
        let labelWidth = Self.labelWidth(fields.map(\.label), formWidth: rect.width)
        let starts = fieldRows
        for (index, field) in fields.enumerated() {
            let row = rect.row + starts[index]
            guard row < rect.bottom else { break }
            let focused = index == focus && discardQuestion == nil
            buffer.put(field.label, at: row, col: rect.col, style: focused ? .title : .normal, maxColumns: labelWidth - 2)
            if field.isRequired {
                buffer.put("*", at: row, col: rect.col + min(CellWidth.of(field.label), labelWidth - 2), style: .warning)
            }
            let input = Rect(row: row, col: rect.col + labelWidth, width: rect.width - labelWidth, height: 1)
            if case .choice(let options) = field.kind {
                let text = options.isEmpty ? "" : "◀ \(options[field.choiceIndex]) ▶"
                buffer.putPadded(text, in: input, style: focused ? .focusedInput : .input)
                if focused, !field.choiceQuery.isEmpty, !options.isEmpty {
                    let found = ChoiceSearch(options: options, query: field.choiceQuery).matches(field.choiceIndex)
                    let used = CellWidth.of(text)
                    buffer.put("  tìm: \(field.choiceQuery)" + (found ? "" : " — không thấy"), at: row, col: input.col + used,
                               style: found ? .muted : .warning, maxColumns: max(0, input.width - used))
                }
            } else if field.kind == .multiline {
                let area = Rect(row: row, col: input.col, width: input.width, height: min(TextArea.visibleRows, rect.bottom - row))
                field.area.draw(in: area, into: &buffer, focused: focused)
            } else {
                field.editor.draw(in: input, into: &buffer, focused: focused)
            }
            let errorRow = row + field.rows - 1
            if let error = field.error, errorRow < rect.bottom {
                buffer.put(error, at: errorRow, col: input.col, style: .error, maxColumns: input.width)
            }
        }
        if let discardQuestion {
            buffer.cursor = nil
            discardQuestion.draw(in: rect, into: &buffer)
        }
    }
}

extension Form {
    /// The inputs keep this many columns (a member's name and code, a date, a unit) before a label is cut.
    static let roomForInputs = 36

    /// Columns for the labels and the gap after them: the longest label whole when the inputs still get
    /// `roomForInputs` (or two thirds of a narrower form).
    static func labelWidth(_ labels: [String], formWidth: Int) -> Int {
        min(max(formWidth / 3, formWidth - roomForInputs), (labels.map { CellWidth.of($0) }.max() ?? 0) + 2)
    }

    /// Drops the open question from a copy that is only drawn (the caller draws the question where it fits).
    mutating func clearQuestionForDrawing() { discardQuestion = nil }
}
