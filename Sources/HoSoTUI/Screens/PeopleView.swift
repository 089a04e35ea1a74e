import Foundation
import HoSoDomain

/// The people screen: a table of the people, the roles of the one selected, and where passphrases are set.
enum PeopleView {
    /// Where the people's rows are drawn at `size`, for clicks.
    static func rowHits(_ state: AppState, _ people: PeopleState, size: Size) -> Table.Layout {
        let (table, rect) = table(state, people, in: ScreenLayout.content(size))
        return table.layout(in: rect)
    }

    /// The people's table and where it goes in `content`: the roles of the selected person, their heading and
    /// the passphrase note take the bottom lines.
    static func table(_ state: AppState, _ people: PeopleState, in content: Rect) -> (Table, Rect) {
        let persons = state.data.people
        let selected = persons.indices.contains(people.selected) ? people.selected : nil
        let below = (selected.map { persons[$0].grants.count } ?? 0) + 3
        let tableHeight = max(2, min(persons.count + 1, content.height - 1 - below))
        let rows = persons.map { person -> [String] in
            [person.id.rawValue, person.fullName, person.systemUser ?? "", person.memberID?.rawValue ?? "",
             person.roles.sorted().map(\.vietnamese).joined(separator: ", ")]
        }
        let table = Table(columns: [
            TableColumn("Mã", width: .fixed(10)), TableColumn("Họ và tên", width: .flex(3)),
            TableColumn("Tài khoản máy", width: .fixed(13)), TableColumn("Đảng viên", width: .fixed(9)),
            TableColumn("Vai trò", width: .flex(3)),
        ], rows: rows, selected: selected)
        return (table, Rect(row: content.row + 1, col: 0, width: content.width, height: tableHeight))
    }

    @discardableResult
    static func draw(_ state: AppState, _ people: PeopleState, in content: Rect, into buffer: inout CellBuffer) -> Table.Layout {
        let persons = state.data.people
        buffer.putPadded(" \(persons.count) người dùng · Enter cấp vai trò · Del/- thu hồi vai trò · + thêm người dùng",
                         in: Rect(row: content.row, col: 0, width: content.width, height: 1), style: .header)
        let selected = persons.indices.contains(people.selected) ? people.selected : nil
        let grants = selected.map { persons[$0].grants } ?? []
        let (table, tableRect) = table(state, people, in: content)
        let layout = table.draw(in: tableRect, into: &buffer)
        var row = tableRect.bottom + 1
        if persons.isEmpty {
            buffer.put(" Chưa có người dùng nào. Thêm: +.", at: row - 1, col: 0, style: .muted)
        }
        if let selected {
            let person = persons[selected]
            let passphrase = person.passphrase == nil ? "chưa đặt mật khẩu" : "đã đặt mật khẩu"
            buffer.put(" Vai trò của \(person.signature) — \(passphrase):", at: row, col: 0, style: .title,
                       maxColumns: content.width - 1)
            row += 1
            if grants.isEmpty { buffer.put("   chưa có vai trò nào", at: row, col: 0, style: .muted) }
            for grant in grants where row < content.bottom - 1 {
                buffer.put("   • " + PeopleLogic.grantOption(grant, data: state.data), at: row, col: 0,
                           maxColumns: content.width - 1)
                row += 1
            }
        }
        buffer.put(" " + PeopleLogic.passphraseNote, at: content.bottom - 1, col: 0, style: .muted,
                   maxColumns: content.width - 1)
        return layout
    }
}
