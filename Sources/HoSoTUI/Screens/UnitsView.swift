import Foundation
import HoSoDomain

/// The units screen: a table of the units with today's counts, then for the unit selected its counts as
/// they changed (dated) and the letterhead its documents print.
enum UnitsView {
    /// Where the units' rows are drawn at `size`, for clicks.
    static func rowHits(_ state: AppState, _ screen: UnitsState, size: Size) -> Table.Layout {
        let (table, rect) = table(state, screen, in: ScreenLayout.content(size))
        return table.layout(in: rect)
    }

    /// The units' table and where it goes in `content`: the selected unit's details take the lines below.
    /// Below 100 columns the kind is left out (the name says it, and the details below the table) and the
    /// code and short name take what they need, so the name keeps the room.
    static func table(_ state: AppState, _ screen: UnitsState, in content: Rect) -> (Table, Rect) {
        let units = UnitsLogic.units(state.data)
        let selected = units.indices.contains(screen.selected) ? screen.selected : nil
        let details = selected.map { detailLines(units[$0], state: state) } ?? []
        let tableHeight = max(2, min(units.count + 1, content.height - 2 - min(details.count, 12)))
        let wide = content.width >= 100
        let labels = state.index.unitLabels
        func widest(_ texts: [String], title: String, most: Int) -> Int {
            min(most, texts.reduce(CellWidth.of(title)) { max($0, CellWidth.of($1)) })
        }
        let rows = units.map { unit -> [String] in
            let (counts, committee) = unit.counts(on: state.data.today)
            return [unit.id.rawValue, labels[unit.id]?.short ?? unit.id.rawValue, unit.name]
                + (wide ? [unit.kind.vietnamese] : [])
                + ["\(counts.official)", "\(counts.probationary)", "\(committee)"]
        }
        let table = Table(columns: [
            TableColumn("Mã", width: .fixed(widest(rows.map { $0[0] }, title: "Mã", most: 10))),
            TableColumn("Tên ngắn", width: .fixed(widest(rows.map { $0[1] }, title: "Tên ngắn", most: UnitShortName.longest))),
            TableColumn("Đơn vị", width: .flex(3)),
        ] + (wide ? [TableColumn("Loại", width: .flex(2))] : []) + [
            TableColumn("Chính thức", width: .fixed(10), alignment: .trailing),
            TableColumn("Dự bị", width: .fixed(5), alignment: .trailing),
            TableColumn("Ủy viên", width: .fixed(7), alignment: .trailing),
        ], rows: rows, selected: selected)
        return (table, Rect(row: content.row + 1, col: 0, width: content.width, height: tableHeight))
    }

    @discardableResult
    static func draw(_ state: AppState, _ screen: UnitsState, in content: Rect, into buffer: inout CellBuffer) -> Table.Layout {
        let units = UnitsLogic.units(state.data)
        let mayChange = state.data.access.map { $0.refusalAnywhere(.manageUnits) == nil } ?? true
        let keys = mayChange ? "Enter sửa số đảng viên · E sửa tên ngắn, tiêu đề văn bản" : "chỉ xem (thư ký hồ sơ mới sửa được)"
        buffer.putPadded(" \(units.count) đơn vị · \(keys)",
                         in: Rect(row: content.row, col: 0, width: content.width, height: 1), style: .header)
        let selected = units.indices.contains(screen.selected) ? screen.selected : nil
        let details = selected.map { detailLines(units[$0], state: state) } ?? []
        let (table, tableRect) = table(state, screen, in: content)
        let layout = table.draw(in: tableRect, into: &buffer)
        var row = tableRect.bottom + 1
        if units.isEmpty {
            buffer.put(" Dữ liệu chưa có đơn vị nào; tạo bằng hoso init.", at: row - 1, col: 0, style: .muted)
        }
        for (text, style) in details where row < content.bottom {
            buffer.put(text, at: row, col: 0, style: style, maxColumns: content.width - 1)
            row += 1
        }
        return layout
    }

    /// The counts of `unit` by date (newest first) and the frame its documents print, as lines with their style.
    static func detailLines(_ unit: HoSoDomain.Unit, state: AppState) -> [(String, Style)] {
        let short = state.index.unitLabels[unit.id]?.short ?? unit.id.rawValue
        let how = unit.shortName == nil ? "tự đặt theo tên; sửa: E" : "đã ghi"
        var lines: [(String, Style)] = [
            (" \(unit.name) (\(unit.kind.vietnamese)) · tên ngắn \(short) (\(how))", .title),
            (" Số đảng viên theo ngày (biểu quyết dùng số của ngày đó):", .title),
        ]
        let history = unit.countHistory.isEmpty
            ? [DatedMemberCounts(since: nil, counts: unit.memberCounts, committeeMembers: unit.committeeMembers)]
            : unit.countHistory
        for entry in history.reversed().prefix(3) {
            let since = entry.since.map { "từ \($0.vietnamese)" } ?? "khi khởi tạo"
            lines.append(("   \(DisplayWidth.padded(since, toColumns: 14)) \(entry.counts.official) chính thức, "
                + "\(entry.counts.probationary) dự bị, \(entry.counts.attachedElsewhere) nơi khác, "
                + "\(entry.counts.exempt) miễn, \(entry.committeeMembers) ủy viên", .normal))
        }
        if history.count > 3 { lines.append(("   … và \(history.count - 3) lần ghi trước (hoso units list --json)", .muted)) }
        let frame = DocumentFrame.make(issuedBy: unit, in: state.data.organisation, fallbackName: unit.name, date: state.data.today)
        let set = unit.letterhead == nil ? "chưa đặt, in theo mặc định" : "đã đặt"
        lines.append((" Tiêu đề văn bản (\(set)):", .title))
        lines.append(("   " + ([frame.superior, frame.issuer, frame.numberLine].compactMap { $0 }).joined(separator: " · "), .normal))
        lines.append(("   \(frame.placeAndDate) · \(frame.authority) · \(frame.signerTitle)"
            + (frame.signer.map { " · \($0)" } ?? ""), .normal))
        lines.append(("   Nơi nhận: " + frame.recipients.joined(separator: "; "), .normal))
        return lines
    }
}
