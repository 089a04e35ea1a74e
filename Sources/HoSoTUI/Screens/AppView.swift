import Foundation
import HoSoDomain

/// Draws the whole application: title bar, the screen on top, the popup, status line and key hints.
public enum AppView {
    /// The frame for `state` at `width` × `height`.
    public static func render(_ state: AppState, width: Int, height: Int) -> CellBuffer {
        let size = Size(width: width, height: height)
        var buffer = CellBuffer(width: width, height: height)
        guard width > 0, height > 3 else { return buffer }
        drawTitle(state, size: size, into: &buffer)
        let content = ScreenLayout.content(size)
        switch state.screen {
        case .board: BoardView.draw(state, in: content, into: &buffer)
        case .list(let list): ListView.draw(state, list, in: content, into: &buffer)
        case .detail(let detail): DetailView.draw(state, detail, size: size, into: &buffer)
        case .classes(let classes): ClassesView.draw(state, classes, in: content, into: &buffer)
        case .mentor(let mentor): MentorView.draw(state, mentor, in: content, into: &buffer)
        case .reports(let reports): ReportsView.draw(state, reports, in: content, into: &buffer)
        case .people(let people): PeopleView.draw(state, people, in: content, into: &buffer)
        case .units(let units): UnitsView.draw(state, units, in: content, into: &buffer)
        }
        if case .list(let list) = state.screen, let search = list.search {
            let row = ScreenLayout.statusRow(size)
            buffer.putPadded(" Tìm: ", in: row, style: .title)
            search.draw(in: Rect(row: row.row, col: 7, width: width - 8, height: 1), into: &buffer, focused: true)
        } else if let find = state.find {
            let row = ScreenLayout.statusRow(size)
            buffer.putPadded(" Tìm: ", in: row, style: .title)
            find.field.draw(in: Rect(row: row.row, col: 7, width: width - 8, height: 1), into: &buffer, focused: true)
        } else {
            StatusLine.draw(state.status ?? state.loading.map(LoadingLogic.status), in: ScreenLayout.statusRow(size), into: &buffer)
        }
        if let modal = state.modal { ModalView.draw(modal, state: state, size: size, into: &buffer) }
        FooterBar.draw(footerHints(state), in: ScreenLayout.footerRow(size), into: &buffer)
        return buffer
    }

    static func title(of screen: Screen, state: AppState) -> String {
        switch screen {
        case .board: "Bảng tiến độ"
        case .list(let list): "Danh sách: \(list.filter.title)"
        case .detail(let detail): "Hồ sơ \(detail.caseID.rawValue)"
        case .classes: "Lớp bồi dưỡng nhận thức về Đảng"
        case .mentor: "Người giúp đỡ"
        case .reports: "Báo cáo"
        case .people: "Người dùng và vai trò"
        case .units: "Đơn vị"
        }
    }

    static func drawTitle(_ state: AppState, size: Size, into buffer: inout CellBuffer) {
        let row = ScreenLayout.titleRow(size)
        buffer.putPadded(" HoSo · \(title(of: state.screen, state: state))", in: row, style: .title)
        // Who is signed in matters more than the day on a narrow screen: the day goes first.
        let date = state.data.today.vietnamese, who = state.data.actor
        let candidates = signedInRoles(state).map { roles in
            ["\(date) · \(who) · \(roles) ", "\(who) · \(roles) ", "\(who) "]
        } ?? ["\(date) · \(who) "]
        if let right = candidates.first(where: { CellBuffer.columns(of: $0) + 30 < size.width }) {
            buffer.put(right, at: 0, col: size.width - CellBuffer.columns(of: right), style: .title)
        }
    }

    /// The roles of the person signed in ("Người giúp đỡ"), as the title bar shows them.
    static func signedInRoles(_ state: AppState) -> String? {
        guard let account = state.data.access?.account else { return nil }
        let roles = account.roles.sorted().map(\.vietnamese)
        return roles.isEmpty ? "chưa có vai trò" : roles.joined(separator: ", ")
    }

    /// The hints of what has the keyboard: the popup, the search line, or the screen.
    static func footerHints(_ state: AppState) -> [KeyHint] {
        switch state.modal {
        case .form(let formState)?:
            return formState.form.footerHints
        case .help?:
            return [KeyHint(key: "gõ", description: "lọc"), KeyHint(key: "↑↓", description: "cuộn"),
                    KeyHint(key: "Esc", description: "đóng")]
        case .nextStep?:
            return [KeyHint(key: "↑↓", description: "chọn bước"), KeyHint(key: "Enter", description: "điền và thực hiện"),
                    KeyHint(key: "Esc", description: "đóng")]
        case .confirm?, .conflict?:
            return [KeyHint(key: "←→", description: "chọn nút"), KeyHint(key: "Enter", description: "trả lời"),
                    KeyHint(key: "Esc", description: "hủy")]
        case .message?:
            return [KeyHint(key: "Enter/Esc", description: "đóng")]
        case .picker?:
            return [KeyHint(key: "↑↓", description: "chọn"), KeyHint(key: "gõ", description: "tìm (không cần dấu)"),
                    KeyHint(key: "Enter", description: "áp dụng"), KeyHint(key: "Esc", description: "đóng")]
        case nil:
            break
        }
        if state.find != nil {
            return [KeyHint(key: "gõ", description: "tìm (không cần dấu)"), KeyHint(key: "↑↓", description: "kết quả trước/sau"),
                    KeyHint(key: "Enter", description: "giữ chỗ"), KeyHint(key: "Esc", description: "bỏ tìm")]
        }
        if case .list(let list) = state.screen, list.search != nil {
            return [KeyHint(key: "gõ", description: "tìm (không cần dấu)"), KeyHint(key: "Enter", description: "giữ kết quả"),
                    KeyHint(key: "Esc", description: "bỏ tìm")]
        }
        return KeyMaps.map(for: state.screen, access: state.data.access).footerHints()
    }
}

/// Wraps text at word boundaries by display width.
enum TextWrap {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 4 else { return [text] }
        var lines: [String] = []
        for paragraph in text.components(separatedBy: "\n") {
            let indent = String(paragraph.prefix { $0 == " " })
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? indent + word : line + " " + word
                if DisplayWidth.columns(of: candidate) > width, !line.isEmpty {
                    lines.append(line)
                    line = indent + "  " + word
                } else {
                    line = candidate
                }
            }
            lines.append(line)
        }
        return lines
    }
}

/// Vietnamese number formats: a decimal comma.
enum NumberText {
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10) %"
    }
}
