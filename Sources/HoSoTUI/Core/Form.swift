import Foundation
import HoSoDomain

/// One labelled input of a form.
public struct FormField: Sendable {
    /// What the field holds.
    public enum Kind: Hashable, Sendable {
        /// Free text.
        case text
        /// A day typed as dd/mm/yyyy (ISO also accepted), checked when the focus leaves the field.
        case date
        /// One of a fixed list, changed with ←/→ or Space, or found by typing some of its words.
        case choice([String])
    }

    public let id: String
    public var label: String
    public let kind: Kind
    public var isRequired: Bool
    /// The editor for text and date fields.
    public var editor: TextField
    /// The chosen option of a choice field.
    public var choiceIndex: Int
    /// What was typed into a choice field to find an option (see `ChoiceSearch`); cleared when the focus
    /// leaves the field.
    public internal(set) var choiceQuery = ""
    /// The message shown under the field, set by validation.
    public var error: String?
    /// Extra check on the (normalised) value: a Vietnamese message when it is wrong.
    public var validate: (@Sendable (String) -> String?)?

    /// A field `id` labelled `label`.
    public init(id: String, label: String, kind: Kind = .text, value: String = "", isRequired: Bool = false,
                maxLength: Int? = nil, validate: (@Sendable (String) -> String?)? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.editor = TextField(value, maxLength: maxLength ?? (kind == .date ? 10 : nil))
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
        return editor.value
    }

    /// The field's problem, or `nil` when it may be submitted. Dates are rewritten as dd/mm/yyyy.
    mutating func check() -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
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
}

/// A form: fields, focus, inline errors, dirty tracking and the "Bỏ thay đổi?" question.
public struct Form: Sendable {
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

    /// A form titled `title` with `fields`, focus on the first.
    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        self.initialValues = fields.map(\.value)
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

    /// Draws the form in `rect`: one row per field and one for its error; the question on top.
    public func draw(in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect)
        let labelWidth = Self.labelWidth(fields.map(\.label), formWidth: rect.width)
        for (index, field) in fields.enumerated() {
            let row = rect.row + index * 2
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
            } else {
                field.editor.draw(in: input, into: &buffer, focused: focused)
            }
            if let error = field.error, row + 1 < rect.bottom {
                buffer.put(error, at: row + 1, col: input.col, style: .error, maxColumns: input.width)
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
