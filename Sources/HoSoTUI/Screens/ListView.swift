import Foundation
import HoSoDomain

/// The case list: a sortable, searchable table; "!" marks overdue files, "✗" files whose next
/// main step has unmet requirements (computed for the visible rows only), "*" a deadline counted over
/// guessed days off.
public enum ListView {
    /// After a deadline counted over days off not yet published (the column has no room for "(dự kiến)").
    static let estimatedMark = "*"
    /// What the mark means, in the heading when a row shown has it, and in the help.
    static let estimatedLegend = "* hạn dự kiến"

    static func draw(_ state: AppState, _ list: ListState, in content: Rect, into buffer: inout CellBuffer) {
        let table = ScreenLayout.listTable(state.size)
        let visibleRows = ScreenLayout.listVisibleRows(state.size)
        let first = list.offset
        let slice = list.visible.dropFirst(first).prefix(visibleRows)
        let index = state.index
        let estimated = slice.contains { !(index.rows[$0].deadline?.estimatedDaysOff.isEmpty ?? true) }
        var heading = " \(list.filter.title) — \(list.visible.count) hồ sơ · sắp xếp: \(list.sort.title) \(list.descending ? "▼" : "▲")"
        if list.search == nil && !list.query.isEmpty { heading += " · tìm: \"\(list.query)\"" }
        if estimated { heading += " · \(estimatedLegend)" }
        // Rows above or below the window are announced at the heading's end, with where the window is.
        let above = first > 0, below = first + visibleRows < list.visible.count
        let position = above || below
            ? (above ? "▲" : "") + (below ? "▼ còn nữa" : " còn ở trên") + " · \(first + 1)–\(first + slice.count)/\(list.visible.count) "
            : ""
        let headingRow = Rect(row: content.row, col: 0, width: content.width, height: 1)
        buffer.putPadded(heading, in: Rect(row: content.row, col: 0, width: max(0, content.width - CellWidth.of(position)), height: 1),
                         style: .muted)
        if !position.isEmpty { buffer.put(position, at: headingRow.row, col: headingRow.right - CellWidth.of(position), style: .muted) }
        let columns = columns(list, tableWidth: table.width, index: index)
        let wide = table.width >= wideTable
        let unitColumn = NarrowText.unitColumn(index, title: ListSort.unit.title)
        let widths = Table(columns: columns, rows: []).columnWidths(in: table)
        var marks: [[Style?]] = []
        let rows: [[String]] = slice.map { position in
            let row = index.rows[position]
            let file = row.file
            let blocked = CaseQuestions.isBlocked(file, data: state.data)
            // In colour too, as on the board: overdue in the error colour, blocked in the warning colour.
            marks.append([row.isOverdue ? .error : blocked ? .warning : nil])
            return [(row.isOverdue ? "!" : " ") + (blocked ? "✗" : " "), file.id.rawValue, file.person.fullName,
                    wide ? NarrowText.unit(at: position, of: index, columns: widths[3])
                        : NarrowText.unit(at: position, of: index, short: unitColumn.short),
                    NarrowText.state(file.state, columns: widths[4]),
                    row.deadline.map { $0.due.vietnamese + ($0.estimatedDaysOff.isEmpty ? "" : estimatedMark) } ?? "",
                    index.mentorNames[position]]
        }
        let selected = list.visible.isEmpty ? nil : list.selected - first
        Table(columns: columns, rows: rows, selected: selected, offset: 0, emphasis: marks).draw(in: table, into: &buffer)
        if list.visible.isEmpty {
            let mayAdd = state.data.access.map { $0.refusalAnywhere(.addCase) == nil } ?? true
            let message = !(list.query.isEmpty && list.search == nil) ? "Không có hồ sơ nào khớp với tìm kiếm."
                : mayAdd ? "Không có hồ sơ nào. Thêm hồ sơ: a hoặc F3."
                : "Không có hồ sơ nào trong danh sách của anh/chị."
            buffer.put(message, at: table.row + 2, col: 2, style: .muted)
        }
    }
}

extension ListView {
    /// From this width on, the list's columns take whole names and states.
    static let wideTable = 100

    /// The sort of each column, in order (the first, the marks, sorts nothing).
    static let columnSorts: [ListSort?] = [nil, .id, .name, .unit, .state, .deadline, .mentor]

    /// The list's columns, the sorted one marked ▲ (ascending) or ▼ (descending).
    static func columns(_ list: ListState, tableWidth: Int, index: CaseIndex) -> [TableColumn] {
        func column(_ sort: ListSort, _ width: Length) -> TableColumn {
            TableColumn(sort.title, width: width, mark: list.sort == sort ? (list.descending ? "▼" : "▲") : nil)
        }
        return [
            TableColumn("", width: .fixed(2)),
            column(.id, .fixed(7)),
            column(.name, .flex(4)),
            // Below 100 columns a cell's whole name does not fit: a shorter form does, in the width it needs.
            column(.unit, tableWidth >= wideTable ? .flex(3) : .fixed(NarrowText.unitColumn(index, title: ListSort.unit.title).width)),
            // Wide enough at 80 columns for every state's short name ("Đảng ủy xét", "Chính thức").
            column(.state, tableWidth >= wideTable ? .flex(3) : .fixed(11)),
            // A date, and a column more for the "*" of a guessed deadline when the list has one (the
            // whole list, so the columns keep still while it scrolls).
            column(.deadline, .fixed(tableWidth >= wideTable ? 15 : hasEstimatedDeadline(list, index: index) ? 11 : 10)),
            column(.mentor, .flex(3)),
        ]
    }

    /// Whether a file of the list has a deadline counted over guessed days off.
    static func hasEstimatedDeadline(_ list: ListState, index: CaseIndex) -> Bool {
        list.visible.contains { !(index.rows[$0].deadline?.estimatedDaysOff.isEmpty ?? true) }
    }

    /// The sort of the column heading under `position`, if the click is on the list's header.
    static func sortHeading(at position: Position, _ list: ListState, table: Rect, index: CaseIndex) -> ListSort? {
        guard position.row == table.row else { return nil }
        let cells = table.splitColumns(columns(list, tableWidth: table.width, index: index).map(\.width), gap: CellWidth.of(Table.separator))
        guard let column = cells.firstIndex(where: { position.col >= $0.col && position.col < $0.right }) else { return nil }
        return columnSorts[column]
    }
}

/// Names in a narrow column, shortened to what tells them apart rather than cut at the same place.
enum NarrowText {
    /// A unit as a narrow column may show it.
    struct UnitLabel: Equatable, Sendable {
        /// The name without its leading kind: "Khu phố 3".
        var plain: String
        /// The short name, unique among the units: "KP3".
        var short: String
    }

    /// The kinds a unit's name starts with; the column's title ("Chi bộ") already says it.
    static let unitKinds = ["Chi bộ ", "Đảng bộ bộ phận ", "Đảng bộ cơ sở ", "Đảng bộ "]

    /// `name` without its leading kind: "Chi bộ Khu phố 3" → "Khu phố 3".
    static func withoutKind(_ name: String) -> String {
        guard let kind = unitKinds.first(where: { name.hasPrefix($0) }), name.count > kind.count else { return name }
        return String(name.dropFirst(kind.count))
    }

    /// `name` whole when it fits `columns`; else without its leading kind when that fits; else the unit's
    /// short name, which no other unit shares.
    static func unit(_ name: String, label: UnitLabel?, columns: Int) -> String {
        guard CellWidth.of(name) > columns else { return name }
        guard let label else { return withoutKind(name) }
        return CellWidth.of(label.plain) <= columns ? label.plain : label.short
    }

    /// The unit of the file at `position` of `index`, in `columns`.
    static func unit(at position: Int, of index: CaseIndex, columns: Int) -> String {
        unit(index.unitNames[position], label: index.unitLabels[index.rows[position].file.unitID], columns: columns)
    }

    /// How the list's unit column reads below 100 columns, where a unit's whole name does not fit: the names
    /// without their kind when every unit with files fits in `UnitShortName.longest` so ("Khu phố 3"), else
    /// the short names ("KP3"). One form for the whole column, as wide as its widest, at least `title` with
    /// a sort mark (the column keeps still whichever column sorts).
    static func unitColumn(_ index: CaseIndex, title: String) -> (width: Int, short: Bool) {
        let labels = index.counts.byUnit.keys.compactMap { index.unitLabels[$0] }
        let least = CellWidth.of(title + " ▲")
        let plain = labels.map { CellWidth.of($0.plain) }.max() ?? 0
        if plain <= UnitShortName.longest { return (max(least, plain), false) }
        let short = labels.map { CellWidth.of($0.short) }.max() ?? 0
        return (max(least, min(UnitShortName.longest, short)), true)
    }

    /// The unit of the file at `position` of `index` in a column `unitColumn` laid out.
    static func unit(at position: Int, of index: CaseIndex, short: Bool) -> String {
        guard let label = index.unitLabels[index.rows[position].file.unitID] else { return index.unitNames[position] }
        return short ? label.short : label.plain
    }

    /// The state's short name when it fits `columns`, else the board's shorter label ("Cảm tình", "Có QĐ").
    static func state(_ state: CaseState, columns: Int) -> String {
        CellWidth.of(state.shortVietnamese) <= columns ? state.shortVietnamese : BoardView.shortLabel(state)
    }
}
