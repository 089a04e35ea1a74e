import HoSoDomain

/// Choosing the list's sort from the keyboard: `s`/F9 opens a picker of the columns (Enter on the column
/// already sorted turns the order round), `<`/`>` sort by the column to the left or right of the sorted one.
enum ListSortLogic {
    /// The sortable columns in the order the list shows them.
    static var columns: [ListSort] { ListView.columnSorts.compactMap { $0 } }

    static func openPicker(_ state: inout AppState, _ list: ListState) {
        let options = columns.map { sort -> String in
            guard sort == list.sort else { return sort.title }
            return "\(sort.title) — đang dùng, \(list.descending ? "giảm dần ▼" : "tăng dần ▲"); Enter: đảo chiều"
        }
        var picker = PickerState(title: "Sắp xếp danh sách theo cột", options: options, purpose: .listSort)
        picker.sorts = columns
        picker.selected = columns.firstIndex(of: list.sort) ?? 0
        state.modal = .picker(picker)
    }

    static func choose(_ state: inout AppState, _ picker: PickerState) {
        guard picker.sorts.indices.contains(picker.selected) else { return }
        let sort = picker.sorts[picker.selected]
        let (index, size) = (state.index, state.size)
        if let message = AppReducer.reduceTop(&state, .list, { list -> StatusMessage in
            list.descending = sort == list.sort ? !list.descending : false
            list.sort = sort
            return resort(&list, index: index, size: size)
        }) {
            state.status = message
        }
    }

    /// Sorts by the column `step` places from the sorted one (ascending), stopping at either end; what the
    /// status line then says.
    static func moveSortColumn(_ list: inout ListState, by step: Int, index: CaseIndex, size: Size) -> StatusMessage {
        let all = columns
        let current = all.firstIndex(of: list.sort) ?? 0
        let next = max(0, min(all.count - 1, current + step))
        guard next != current else { return StatusMessage("Đã ở cột \(step < 0 ? "đầu" : "cuối") (\(list.sort.title)).") }
        list.sort = all[next]
        list.descending = false
        return resort(&list, index: index, size: size)
    }

    /// The list in its new order, and the status line saying which.
    static func resort(_ list: inout ListState, index: CaseIndex, size: Size) -> StatusMessage {
        AppReducer.refreshList(&list, index: index, size: size)
        return StatusMessage("Sắp xếp theo \(list.sort.title), \(list.descending ? "giảm dần ▼" : "tăng dần ▲")")
    }
}
