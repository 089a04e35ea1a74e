import Foundation
import HoSoDomain

/// `/` on the classes and mentor screens: the selection jumps to the first file matching what is typed
/// (name or number, without diacritics); ↑/↓ go to the previous or next match, Enter keeps the place,
/// Esc goes back to where the selection was.
enum FindLogic {
    /// The index rows the screen on top lists, in its order, and its selection; nil on other screens.
    static func rows(_ state: AppState) -> (rows: [Int], selected: Int)? {
        switch state.screen {
        case .classes(let classes):
            let groups = ClassesLogic.groups(state.index)
            guard groups.indices.contains(classes.classIndex) else { return ([], 0) }
            return (groups[classes.classIndex].rows, classes.candidate)
        case .mentor(let mentor):
            return (MentorLogic.candidates(of: mentor.memberID, index: state.index), mentor.selected)
        default:
            return nil
        }
    }

    static func select(_ position: Int, in state: inout AppState) {
        switch state.screen {
        case .classes(var classes):
            classes.candidate = position
            AppReducer.replaceTop(&state, .classes(classes))
        case .mentor(var mentor):
            mentor.selected = position
            AppReducer.replaceTop(&state, .mentor(mentor))
        default: break
        }
    }

    static func open(_ state: inout AppState) {
        guard let (_, selected) = rows(state) else { return }
        state.find = FindState(field: TextField("", maxLength: 60, visibleWidth: max(10, state.size.width - 12)), before: selected)
    }

    static func handle(_ state: inout AppState, _ key: Key) {
        guard var find = state.find, let (rows, selected) = rows(state) else {
            state.find = nil
            return
        }
        let query = FoldedQuery(find.field.value)
        func matches(_ position: Int) -> Bool { query.isEmpty || state.index.searchKeys[rows[position]].matches(query) }
        switch key {
        case .enter:
            state.find = nil
            return
        case .escape:
            state.find = nil
            select(find.before, in: &state)
            return
        case .up, .down:
            let step = key == .up ? -1 : 1
            var position = selected + step
            while rows.indices.contains(position), !matches(position) { position += step }
            if rows.indices.contains(position) { select(position, in: &state) }
        default:
            find.field.handle(key)
            state.find = find
            let typed = FoldedQuery(find.field.value)
            if let first = rows.indices.first(where: { typed.isEmpty || state.index.searchKeys[rows[$0]].matches(typed) }) {
                select(first, in: &state)
                state.status = nil
            } else {
                state.status = StatusMessage("Không có hồ sơ nào khớp \"\(find.field.value)\".", kind: .warning)
            }
            return
        }
        state.find = find
    }
}
