import Foundation
import HoSoDomain

/// The awareness classes: files in class or certified, grouped by class name.
public enum ClassesLogic {
    /// One class and the index rows of its candidates (in name order).
    public struct Group: Sendable {
        public var name: String
        public var rows: [Int]
    }

    /// The classes, in Vietnamese order of their names (the index keeps their rows).
    public static func groups(_ index: CaseIndex) -> [Group] {
        index.classRows.map { Group(name: $0.key, rows: $0.value) }
            .sorted { VietnameseCollation.compareWords($0.name, $1.name) == .orderedAscending }
    }

    /// The screen's reducer, scoped like the units screen's (`AppReducer.runScreen`): its state and the app
    /// as it is in, what it asks of the app out (the file, the certificates' form, a warning).
    static func reduce(_ classes: inout ClassesState, _ command: Command, app: AppState) -> ScreenOutput? {
        let index = app.index
        let groups = groups(index)
        classes.classIndex = max(0, min(classes.classIndex, groups.count - 1))
        let group = groups.indices.contains(classes.classIndex) ? groups[classes.classIndex] : nil
        let selected = group.flatMap { $0.rows.indices.contains(classes.candidate) ? index.rows[$0.rows[classes.candidate]].file.id : nil }
        switch command {
        case .left, .right:
            guard !groups.isEmpty else { break }
            classes.classIndex = (classes.classIndex + (command == .left ? groups.count - 1 : 1)) % groups.count
            classes.candidate = 0
            classes.ticked = []
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            AppReducer.moveSelection(&classes.candidate, count: group?.rows.count ?? 0, command: command, page: 10)
        case .toggle:
            if let group, let id = selected {
                if classes.ticked.contains(id) { classes.ticked.remove(id) } else { classes.ticked.insert(id) }
                classes.candidate = min(classes.candidate + 1, group.rows.count - 1)
            }
        case .open:
            return selected.map { .push(.detail(DetailState(caseID: $0))) }
        case .nextStep:
            guard let group else { break }
            let inClass = group.rows.map { index.rows[$0].file }.filter { $0.state == .inClass }.map(\.id)
            let chosen = classes.ticked.isEmpty ? inClass : inClass.filter { classes.ticked.contains($0) }
            if chosen.isEmpty { return .warn(StatusMessage("Lớp không còn học viên nào chờ giấy chứng nhận.", kind: .warning)) }
            return .openForm(FormState(form: EditForms.form(for: .certifyClass(chosen), file: nil, data: app.data),
                                       purpose: .certifyClass(chosen), baseRevision: nil))
        default: break
        }
        return nil
    }

    /// Asks before sending `.certify` for each candidate who meets its requirements: the question names
    /// each one with the certificate's number, and those who do not, with why. Nothing is sent before "Ghi".
    static func certify(_ state: inout AppState, ids: [CaseID], values: [String: String], formState: FormState) -> [Effect] {
        guard let date = CivilDate(parsing: values["date"] ?? "") else {
            state.modal = .message(MessageState(title: "Không thể thực hiện", lines: ["Ngày không hợp lệ."], returnTo: formState))
            return []
        }
        let prefix = (values["prefix"] ?? "").trimmingCharacters(in: .whitespaces)
        let issuer = (values["issuer"] ?? "").trimmingCharacters(in: .whitespaces)
        var commands: [CaseCommand] = []
        var certified: [String] = []
        var refusals: [String] = []
        for id in ids {
            guard let file = AppReducer.file(id, in: state) else { continue }
            let number = prefix + id.rawValue
            let command = CaseCommand.step(.certify(number: number, issuer: issuer), on: id, date: date, seenState: file.state)
            if let refusal = AppReducer.preflight(command, state) {
                refusals.append("\(id.rawValue) \(file.person.fullName):")
                refusals += refusal.problemLines.map { "  " + $0 }
            } else {
                commands.append(command)
                certified.append("  \(id.rawValue) \(file.person.fullName) — số \(number)")
            }
        }
        guard !commands.isEmpty else {
            state.modal = .message(MessageState(
                title: "Không thể thực hiện", lines: ["Không học viên nào đủ điều kiện nhận giấy chứng nhận:"] + refusals,
                returnTo: formState))
            return []
        }
        let dialog = ConfirmDialog(
            title: "Xác nhận ghi giấy chứng nhận",
            message: ["Ghi giấy chứng nhận ngày \(date.vietnamese), nơi cấp \(issuer), cho \(commands.count)/\(ids.count) học viên:"]
                + certified
                + (refusals.isEmpty ? [] : ["", "Chưa đủ điều kiện, không ghi:"] + refusals),
            confirmLabel: "Ghi giấy chứng nhận")
        state.modal = .confirm(ConfirmState(dialog: dialog, action: .together(commands), back: .form(formState)))
        return []
    }

    /// Sends the confirmed certificates together (the store saves the accepted ones in one commit and lists
    /// each refusal) and clears the class's marks.
    static func send(_ state: inout AppState, _ commands: [CaseCommand]) -> [Effect] {
        AppReducer.reduceTop(&state, .classes) { $0.ticked = [] }
        state.modal = nil
        state.lastSubmittedForm = nil
        state.status = StatusMessage("Đang lưu giấy chứng nhận của \(commands.count) học viên…")
        return [.runTogether(commands)]
    }
}
