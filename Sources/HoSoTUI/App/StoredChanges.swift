import Foundation
import HoSoDomain

/// A file as this terminal has just stored it, with the revision the store gave it.
public struct StoredCase: Equatable, Sendable {
    public var file: CaseFile
    public var revision: Int

    public init(file: CaseFile, revision: Int) {
        self.file = file
        self.revision = revision
    }
}

/// Saves of this terminal applied where they land, instead of a reload: the file's data, its row of the
/// index (deadline, keys, place in name order), the board's counts, and its place in every open list.
/// The result is what reloading everything would show, at the cost of one file rather than of all of them.
extension AppReducer {
    static func apply(_ stored: StoredCase, to state: inout AppState) {
        guard case .one(let move) = state.readModel.apply(.stored(stored)) else { return }
        state.screens = state.screens.compactMap { screen -> Screen? in
            switch screen {
            case .list(var list):
                follow(move, in: &list, index: state.index, size: state.size)
                return .list(list)
            case .detail(let detail):
                return state.index.position(of: detail.caseID) == nil ? nil : screen
            case .reports(var reports):
                ReportsView.remake(&reports, state)
                return .reports(reports)
            default:
                return screen
            }
        }
    }

    /// The list as `relist` would make it from the changed index: rows renumbered, the changed row taken
    /// out and put back at its place if the filter and the search still let it through.
    static func follow(_ move: CaseIndex.Move, in list: inout ListState, index: CaseIndex, size: Size) {
        let selected = selectedRow(list).flatMap { $0 == move.removed ? move.inserted : move.moved($0) }
        list.sorted = list.sorted.compactMap(move.moved)
        list.visible = list.visible.compactMap(move.moved)
        if let row = move.inserted, list.filter.admits(index.rows[row]) {
            list.sorted.insert(row, at: insertionPoint(of: row, in: list.sorted, sort: list.sort, descending: list.descending,
                                                         index: index))
            let query = FoldedQuery(list.search?.value ?? list.query)
            if query.isEmpty || index.searchKeys[row].matches(query) {
                list.visible.insert(row, at: insertionPoint(of: row, in: list.visible, sort: list.sort,
                                                               descending: list.descending, index: index))
            }
        }
        select(selected, in: &list, index: index, size: size)
    }
}

extension AppData {
    /// Puts `file`, stored at `revision`, in place of its earlier version, or adds it (in id order, as the
    /// store lists files); takes it out when the person's lists may not show it (`listed` false).
    mutating func replace(_ file: CaseFile, revision: Int, listed: Bool) {
        let id = file.id
        // Loaded data is in id order; anything else (tests build data by hand) is searched through.
        var low = 0
        var high = cases.count
        while low < high {
            let middle = (low + high) / 2
            if cases[middle].id < id { low = middle + 1 } else { high = middle }
        }
        let found = low < cases.count && cases[low].id == id ? low : cases.firstIndex { $0.id == id }
        switch (found, listed) {
        case (let index?, true): cases[index] = file
        case (let index?, false): cases.remove(at: index)
        case (nil, true): cases.insert(file, at: low)
        case (nil, false): break
        }
        revisions[id] = listed ? revision : nil
    }
}
