import Foundation
import HoSoDomain

/// The pipeline board: one column per stage with the count per state, overdue, due soon and no
/// mentor, and this year's admissions against the target.
public enum BoardView {
    static func shortLabel(_ state: CaseState) -> String {
        switch state {
        case .nominated: "Giới thiệu"
        case .sympathizer: "Cảm tình"
        case .inClass: "Đang học"
        case .certified: "Có GCN"
        case .dossier: "Làm hồ sơ"
        case .verifying: "Thẩm tra"
        case .verified: "Kết luận LL"
        case .introduced: "Đủ ý kiến"
        case .cellApproved: "Chi bộ xét"
        case .committeeApproved: "Đảng ủy xét"
        case .decided: "Có QĐ"
        case .probation: "Dự bị"
        case .probationReview: "Hết dự bị"
        default: state.shortVietnamese
        }
    }

    static func label(_ item: BoardItem, stage: Stage, wide: Bool) -> String {
        switch item {
        case .stage: wide || stage != .verification ? stage.vietnamese : "Thẩm tra"
        case .state(let state): wide ? state.shortVietnamese : shortLabel(state)
        case .overdue: "Quá hạn"
        case .dueSoon: wide ? "Sắp đến hạn" : "Sắp hạn"
        case .noMentor: wide ? "Chưa có người GĐ" : "Chưa có GĐ"
        }
    }

    static func count(_ item: BoardItem, stage: Stage, rows: [CaseRow]) -> Int {
        let inStage = rows.lazy.filter { $0.file.state.stage == stage }
        switch item {
        case .stage: return inStage.count
        case .state(let state): return inStage.filter { $0.file.state == state }.count
        case .overdue: return inStage.filter(\.isOverdue).count
        case .dueSoon: return inStage.filter(\.isDueSoon).count
        case .noMentor: return inStage.filter(\.hasNoMentor).count
        }
    }

    /// Admissions this year (decision dated this year), the base (members of the cells) and the 3 % target.
    public static func admissions(_ state: AppState) -> (admitted: Int, target: Int, base: Int) {
        let year = state.data.today.year
        let admitted = state.index.rows.filter { $0.file.decision?.date.year == year }.count
        let base = state.data.organisation.units.values.filter { $0.kind == .cell }
            .reduce(0) { $0 + $1.memberCounts.official + $1.memberCounts.probationary }
        return (admitted, (base * 3 + 99) / 100, base)
    }

    static func draw(_ state: AppState, in content: Rect, into buffer: inout CellBuffer) {
        let rows = state.index.rows
        let active = rows.filter { $0.file.state.stage != nil }.count
        buffer.put(" Hồ sơ đang theo dõi: \(active)   (Enter mở danh sách đã chọn)", at: content.row, col: 0, style: .muted)
        let columns = ScreenLayout.boardColumns(state.size)
        for (index, stage) in Stage.allCases.enumerated() {
            let rect = columns[index]
            let wide = rect.width >= 22
            for (itemIndex, item) in BoardItem.items(of: stage).enumerated() {
                let row = ScreenLayout.boardItemRow(rect, item: item, stage: stage)
                let selected = state.board.column == index && state.board.item == itemIndex
                let value = count(item, stage: stage, rows: rows)
                var style: Style = item == .stage ? .header : .normal
                if (item == .overdue || item == .noMentor) && value > 0 { style = .error }
                if item == .dueSoon && value > 0 { style = .warning }
                if selected { style = .selected }
                let number = String(value)
                buffer.putPadded(" " + label(item, stage: stage, wide: wide), in: Rect(row: row, col: rect.col, width: rect.width - number.count - 1, height: 1), style: style)
                buffer.put(number + " ", at: row, col: rect.right - number.count - 1, style: style)
            }
            buffer.horizontalLine(row: rect.row + 1, col: rect.col, length: rect.width)
            if index + 1 < columns.count {
                buffer.verticalLine(row: rect.row, col: rect.right, length: rect.height)
            }
        }
        let below = (columns.first?.bottom ?? content.row) + 1
        let (admitted, target, base) = admissions(state)
        let rate = base > 0 ? Double(admitted) * 100 / Double(base) : 0
        buffer.put(" Kết nạp năm \(state.data.today.year): \(admitted)/\(target) (\(NumberText.percent(rate)))",
                   at: below, col: 0, style: .title)
        buffer.put(" Chỉ tiêu 3–4 % của \(base) đảng viên đầu năm: \(target)–\((base * 4 + 99) / 100) người",
                   at: below + 1, col: 0, style: .muted)
        let others = rows.count - active
        buffer.put(" Tổng \(rows.count) hồ sơ · quá hạn \(rows.filter(\.isOverdue).count) · sắp đến hạn \(rows.filter(\.isDueSoon).count) · chưa có người giúp đỡ \(rows.filter(\.hasNoMentor).count) · đã kết thúc hoặc dừng \(others)",
                   at: below + 3, col: 0)
        let mayAdd = state.data.access.map { $0.refusalAnywhere(.addCase) == nil } ?? true
        buffer.put((mayAdd ? " Thêm hồ sơ mới: a hoặc F3 ·" : "") + " Xem mọi phím: ? hoặc F1", at: below + 5, col: 0, style: .muted)
    }
}
