import HoSoDomain

/// The pipeline board's own reducer: the box selected in, the list of that box (pushed above the board)
/// out. The board's state is the app's `board`, kept under every screen, so the app runs it on that.
enum BoardLogic {
    static func reduce(_ board: inout BoardState, _ command: Command, app state: AppState) -> ScreenOutput? {
        let stages = Stage.allCases
        switch command {
        case .left: board.column = (board.column + stages.count - 1) % stages.count
        case .right: board.column = (board.column + 1) % stages.count
        case .up: board.item = max(0, board.item - 1)
        case .down: board.item += 1
        case .top: board.item = 0
        case .bottom: board.item = .max
        case .open: return .push(.list(list(opening: board, app: state)))
        default: break
        }
        board.item = min(board.item, BoardItem.items(of: stages[board.column]).count - 1)
        return nil
    }

    /// The list of the files the box `board` selects counts.
    static func list(opening board: BoardState, app state: AppState) -> ListState {
        let stage = Stage.allCases[board.column]
        let items = BoardItem.items(of: stage)
        let item = items[min(board.item, items.count - 1)]
        var filter = ListFilter(states: Set(stage.states), title: stage.vietnamese)
        switch item {
        case .stage: break
        case .state(let caseState):
            filter.states = [caseState]
            filter.title = caseState.vietnamese
        case .overdue:
            filter.overdueOnly = true
            filter.title += " · Quá hạn"
        case .dueSoon:
            filter.dueSoonOnly = true
            filter.title += " · Sắp đến hạn"
        case .noMentor:
            filter.noMentorOnly = true
            filter.title += " · Chưa có người giúp đỡ"
        }
        var list = ListState(filter: filter)
        AppReducer.refreshList(&list, index: state.index, size: state.size)
        return list
    }
}
