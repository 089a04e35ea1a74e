import Foundation
import HoSoDomain

/// `/` on the classes, mentor, people and reports screens: the selection jumps to the first row matching what
/// is typed (a file's name or number, a person's name or id, a unit's row of a report, without diacritics);
/// ↑/↓ go to the previous or next match, Enter keeps the place, Esc goes back to where the selection was.
enum FindLogic {
    /// What the screen on top lists: how many rows, each row's search key, and the selection; nil on other screens.
    struct Rows {
        var count: Int
        var key: (Int) -> SearchKey
        var selected: Int
    }

    static func rows(_ state: AppState) -> Rows? {
        let index = state.index
        switch state.screen {
        case .classes(let classes):
            let groups = ClassesLogic.groups(index)
            let rows = groups.indices.contains(classes.classIndex) ? groups[classes.classIndex].rows : []
            return Rows(count: rows.count, key: { index.searchKeys[rows[$0]] }, selected: classes.candidate)
        case .mentor(let mentor):
            let rows = MentorLogic.candidates(of: mentor.memberID, index: index)
            return Rows(count: rows.count, key: { index.searchKeys[rows[$0]] }, selected: mentor.selected)
        case .people(let people):
            let persons = state.data.people
            return Rows(count: persons.count, key: { SearchKey(joining: [persons[$0].id.rawValue, persons[$0].fullName]) },
                        selected: people.selected)
        case .reports(let reports):
            // The report's lines; the line found goes to the top of the screen (the first line shown).
            let lines = reports.lines
            return Rows(count: lines.count, key: { SearchKey(joining: [lines[$0]]) }, selected: reports.scroll)
        default:
            return nil
        }
    }

    static func select(_ position: Int, in state: inout AppState) {
        switch state.screen {
        case .classes: AppReducer.reduceTop(&state, .classes) { $0.candidate = position }
        case .mentor: AppReducer.reduceTop(&state, .mentor) { $0.selected = position }
        case .people: AppReducer.reduceTop(&state, .people) { $0.selected = position }
        // Not held to the last screenful here: the next match is looked for after this line, not after
        // where the screen stops (the view keeps the screen full).
        case .reports: AppReducer.reduceTop(&state, .reports) { $0.scroll = position }
        default: break
        }
    }

    static func open(_ state: inout AppState) {
        guard let rows = rows(state) else { return }
        state.find = FindState(field: TextField("", maxLength: 60, visibleWidth: max(10, state.size.width - 12)), before: rows.selected)
    }

    static func handle(_ state: inout AppState, _ key: Key) {
        guard var find = state.find, let rows = rows(state) else {
            state.find = nil
            return
        }
        switch key {
        case .enter:
            state.find = nil
        case .escape:
            state.find = nil
            select(find.before, in: &state)
        case .up, .down:
            let query = FoldedQuery(find.field.value)
            let step = key == .up ? -1 : 1
            var position = rows.selected + step
            while position >= 0, position < rows.count, !rows.key(position).matches(query) { position += step }
            if position >= 0, position < rows.count { select(position, in: &state) }
        default:
            find.field.handle(key)
            state.find = find
            let query = FoldedQuery(find.field.value)
            if let first = (0..<rows.count).first(where: { rows.key($0).matches(query) }) {
                select(first, in: &state)
                state.status = nil
            } else {
                state.status = StatusMessage("Không có mục nào khớp \"\(find.field.value)\".", kind: .warning)
            }
        }
    }
}
