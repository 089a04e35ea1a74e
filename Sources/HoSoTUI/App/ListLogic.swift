import HoSoDomain

/// The case list's own reducer: its selection, search field, sort and order in, what it asks of the app out
/// (a file opened above it, the pickers of its sort, filter and export, the next step, the status line).
/// The app runs it scoped to the screen on top; the typing of a search goes through `AppReducer.handleSearch`.
enum ListLogic {
    static func reduce(_ list: inout ListState, _ command: Command, app state: AppState) -> ScreenOutput? {
        let page = ScreenLayout.listVisibleRows(state.size)
        switch command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            AppReducer.moveSelection(&list.selected, count: list.visible.count, command: command, page: page)
            list.offset = Table.scrollOffset(selected: list.selected, current: list.offset, visibleRows: page,
                                             rowCount: list.visible.count)
        case .open:
            return AppReducer.selectedCase(list, state: state).map { .push(.detail(DetailState(caseID: $0))) }
        case .search:
            list.search = TextField(list.query, maxLength: 60, visibleWidth: max(10, state.size.width - 12))
        case .sort: return .openSortPicker
        case .sortColumnLeft, .sortColumnRight:
            return .status(ListSortLogic.moveSortColumn(&list, by: command == .sortColumnLeft ? -1 : 1, index: state.index,
                                                        size: state.size))
        case .export: return .openListExport
        case .reverseSort:
            list.descending.toggle()
            return .status(ListSortLogic.resort(&list, index: state.index, size: state.size))
        case .filter: return .openFilterPicker
        case .nextStep: return AppReducer.selectedCase(list, state: state).map { .openNextStep($0) }
        default: break
        }
        return nil
    }
}
