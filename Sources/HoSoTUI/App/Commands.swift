import Foundation
import HoSoDomain
/// What a key does on a screen; the key maps below bind keys to these. A command means one thing
/// wherever it is bound, acting on what the screen shows: `nextStep` is the selected file's next step, or
/// the class's (its certificate); `export` writes what is in view to a file (the list, the report, a
/// file's papers); `edit` corrects the details of what is open (a person's identity, a unit's letterhead);
/// `filter` narrows what the screen lists (a state or cell, a report's unit, a mentor's candidates).
public enum Command: Hashable, Sendable {
    case none
    case up, down, left, right, top, bottom, pageUp, pageDown
    case open, back, quit, help
    case list, addCase, nextStep, reload, classes, mentors, reports
    case sort, reverseSort, search, filter, home
    case nextTab, previousTab, tab(Int)
    case addNote, addVerification, recordResult, addIntroducer, addOpinion, unionResolution
    case addTask, completeTask, addDocument, assignMentor, releaseMentor, edit
    case toggle
    case people, addPerson, grantRole, revokeRole
    case choosePeriod, export
    case sortColumnLeft, sortColumnRight
    case units, unitCounts
}

/// The key table of each screen: dispatch, footer and help come from the same bindings, and
/// every letter has a non-letter alternative (Telex and VNI input methods use letters). A key means the
/// same command on every screen that binds it (`s`/F9 sorts, `x`/Ctrl-X writes to a file, `a`/F3 adds a
/// file); the few keys that act on what a screen shows are listed in `screenLocalKeys`, each with why.
public enum KeyMaps {
    typealias Binding = KeyBinding<Command>

    static let movement: [Binding] = [
        Binding([.up, .char("k")], "Lên", action: .up, label: "↑/k", inFooter: false),
        Binding([.down, .char("j")], "Xuống", action: .down, label: "↓/j", inFooter: false),
        Binding([.home, .char("g")], "Về đầu", action: .top, label: "g/Home", inFooter: false),
        Binding([.end, .char("G")], "Về cuối", action: .bottom, label: "G/End", inFooter: false),
        Binding([.pageUp], "Trang trước", action: .pageUp, inFooter: false),
        Binding([.pageDown], "Trang sau", action: .pageDown, inFooter: false),
    ]

    static let screens: [Binding] = [
        Binding([.char("l"), .function(2)], "Danh sách hồ sơ", action: .list, label: "l/F2", inFooter: false),
        Binding([.char("a"), .function(3)], "Thêm hồ sơ", action: .addCase, label: "a/F3", inFooter: false),
        Binding([.char("c"), .function(6)], "Lớp bồi dưỡng", action: .classes, label: "c/F6", inFooter: false),
        Binding([.char("t"), .function(7)], "Người giúp đỡ và ứng viên", action: .mentors, label: "t/F7", inFooter: false),
        Binding([.char("r"), .function(8)], "Báo cáo", action: .reports, label: "r/F8", inFooter: false),
        Binding([.char("y"), .ctrl("y")], "Người dùng và vai trò", action: .people, label: "y/Ctrl-Y", inFooter: false),
        Binding([.function(5), .ctrl("l")], "Tải lại dữ liệu", action: .reload, label: "F5/Ctrl-L", inFooter: false),
        Binding([.ctrl("a")], "Về bảng tiến độ (từ bất cứ đâu)", action: .home, label: "Ctrl-A", inFooter: false),
        Binding([.char("D"), .function(12)], "Đơn vị: số đảng viên, tên ngắn, tiêu đề văn bản", action: .units, label: "D/F12",
                inFooter: false),
    ]

    /// Keys that act on what their screen shows, so their command differs between screens on purpose.
    /// Every other key means one command on every screen (a test walks the maps and holds them to it).
    public static let screenLocalKeys: [Key: String] = [
        .enter: "Enter làm việc chính của dòng đang chọn: mở nó (bảng tiến độ, danh sách, lớp, người giúp đỡ), "
            + "cấp vai trò (người dùng), sửa số đảng viên (đơn vị)",
        .left: "← đi sang trái trong màn hình: cột, lớp, thẻ hồ sơ, năm báo cáo",
        .right: "→ đi sang phải trong màn hình: cột, lớp, thẻ hồ sơ, năm báo cáo",
        .char("l"): "Ở màn hình lớp, h/l sang lớp trước/sau như ←/→; danh sách hồ sơ ở đó là F2",
    ]

    /// The screen keys with the list on F2 only, for a screen where `l` goes right (as `h` goes left).
    static let screensLeavingL: [Binding] = screens.map { binding in
        binding.action == .list ? Binding([.function(2)], binding.description, action: .list, inFooter: false) : binding
    }

    static let common: [Binding] = [
        Binding([.escape], "Quay lại", action: .back, label: "Esc", inFooter: false),
        Binding([.char("?"), .function(1)], "Trợ giúp: mọi phím", action: .help, label: "?/F1", inFooter: false),
        Binding([.char("q"), .function(10), .ctrl("c")], "Thoát (ở màn hình chính), quay lại (ở màn hình khác)",
                action: .quit, label: "q/F10", inFooter: false),
    ]

    /// The pipeline board.
    public static let board = KeyMap<Command>([
        Binding([], "Chọn", action: .none, label: "←↑↓→"),
        Binding([.enter], "Mở danh sách", action: .open),
        Binding([.char("a"), .function(3)], "Thêm hồ sơ", action: .addCase, label: "a/F3"),
        Binding([.char("l"), .function(2)], "Tất cả hồ sơ", action: .list, label: "l/F2"),
        Binding([.char("q"), .function(10), .ctrl("c")], "Thoát", action: .quit, label: "q/F10"),
        Binding([.char("D"), .function(12)], "Đơn vị", action: .units, label: "D/F12"),
        Binding([.char("?"), .function(1)], "Trợ giúp: mọi phím", action: .help, label: "?/F1", inFooter: false),
    ] + screens.filter { ![.list, .addCase, .units].contains($0.action) } + [
        // Last in the help: "←↑↓→ Chọn" above says as much, and at 80×24 the screen keys (F5 reload, Ctrl-A)
        // must fit in the box before them.
        Binding([.left, .char("h")], "Cột trái", action: .left, label: "←/h", inFooter: false),
        Binding([.right], "Cột phải", action: .right, label: "→", inFooter: false),
        Binding([.up, .char("k")], "Lên", action: .up, label: "↑/k", inFooter: false),
        Binding([.down, .char("j")], "Xuống", action: .down, label: "↓/j", inFooter: false),
    ])

    /// The case list.
    public static let list = KeyMap<Command>([
        Binding([], "Chọn", action: .none, label: "↑↓"),
        Binding([.enter], "Mở hồ sơ", action: .open),
        Binding([.char("/"), .ctrl("f")], "Tìm", action: .search, label: "/"),
        Binding([.char("s"), .function(9)], "Sắp xếp", action: .sort, label: "s/F9"),
        Binding([.char("f"), .function(11)], "Lọc", action: .filter, label: "f/F11"),
        Binding([.char("x"), .ctrl("x")], "Xuất danh sách đang xem ra tệp (CSV, XLSX, HTML để in)", action: .export,
                label: "x/Ctrl-X", inFooter: false),
        Binding([.char("<"), .char(",")], "Sắp xếp theo cột bên trái", action: .sortColumnLeft, label: "<", inFooter: false),
        Binding([.char(">"), .char(".")], "Sắp xếp theo cột bên phải", action: .sortColumnRight, label: ">", inFooter: false),
        Binding([], "Hạn có dấu * là hạn dự kiến: tính qua ngày nghỉ lễ chưa công bố (xem thẻ hồ sơ)", action: .none, label: "*",
                inFooter: false),
        Binding([.char("S"), .function(21)], "Đảo chiều sắp xếp (▲ tăng / ▼ giảm)", action: .reverseSort, label: "S/Shift-F9",
                inFooter: false),
        Binding([.char("n"), .function(4)], "Bước tiếp theo", action: .nextStep, label: "n/F4"),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
    ] + movement + screens + common)

    /// The case detail.
    public static let detail = KeyMap<Command>([
        Binding([.char("n"), .function(4)], "Bước tiếp theo", action: .nextStep, label: "n/F4"),
        Binding([.tab, .right], "Thẻ sau", action: .nextTab, label: "Tab"),
        Binding([.char("m"), .ctrl("n")], "Thêm nhận xét", action: .addNote, label: "m/Ctrl-N"),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
        Binding([.backTab, .left], "Thẻ trước", action: .previousTab, label: "Shift-Tab", inFooter: false),
        Binding([.char("1")], "Thẻ Thông tin", action: .tab(0), inFooter: false),
        Binding([.char("2")], "Thẻ Người giúp đỡ", action: .tab(1), inFooter: false),
        Binding([.char("3")], "Thẻ Lớp bồi dưỡng", action: .tab(2), inFooter: false),
        Binding([.char("4")], "Thẻ Lý lịch & thẩm tra", action: .tab(3), inFooter: false),
        Binding([.char("5")], "Thẻ Kết nạp", action: .tab(4), inFooter: false),
        Binding([.char("6")], "Thẻ Dự bị", action: .tab(5), inFooter: false),
        Binding([.char("7")], "Thẻ Hồ sơ giấy tờ", action: .tab(6), inFooter: false),
        Binding([.char("8")], "Thẻ Lịch sử", action: .tab(7), inFooter: false),
        Binding([.char("v"), .ctrl("t")], "Thêm phiếu thẩm tra", action: .addVerification, label: "v/Ctrl-T", inFooter: false),
        Binding([.char("e"), .ctrl("r")], "Ghi kết quả thẩm tra (phiếu đang chọn)", action: .recordResult,
                label: "e/Ctrl-R", inFooter: false),
        Binding([.char("i"), .ctrl("g")], "Thêm người giới thiệu", action: .addIntroducer, label: "i/Ctrl-G", inFooter: false),
        Binding([.char("o"), .ctrl("o")], "Thêm ý kiến nhận xét", action: .addOpinion, label: "o/Ctrl-O", inFooter: false),
        Binding([.char("u"), .ctrl("u")], "Nghị quyết giới thiệu của Đoàn/Công đoàn", action: .unionResolution,
                label: "u/Ctrl-U", inFooter: false),
        Binding([.char("w"), .ctrl("w")], "Giao nhiệm vụ", action: .addTask, label: "w/Ctrl-W", inFooter: false),
        Binding([.char("W"), .ctrl("v")], "Đánh dấu nhiệm vụ đã hoàn thành", action: .completeTask, label: "W/Ctrl-V",
                inFooter: false),
        Binding([.char("d"), .ctrl("d")], "Ghi nhận giấy tờ đã nhận", action: .addDocument, label: "d/Ctrl-D", inFooter: false),
        Binding([.char("p"), .ctrl("p")], "Phân công người giúp đỡ", action: .assignMentor, label: "p/Ctrl-P", inFooter: false),
        Binding([.char("b"), .ctrl("b")], "Thôi phân công người giúp đỡ", action: .releaseMentor, label: "b/Ctrl-B",
                inFooter: false),
        Binding([.char("E"), .ctrl("e")], "Sửa thông tin cá nhân (họ tên, ngày sinh…)", action: .edit,
                label: "E/Ctrl-E", inFooter: false),
        Binding([.char("x"), .ctrl("x")], "In tờ hồ sơ, giấy tờ của bước (nghị quyết, danh sách lớp) ra tệp HTML", action: .export,
                label: "x/Ctrl-X", inFooter: false),
    ] + movement + screens + common)

    /// The awareness classes.
    public static let classes = KeyMap<Command>([
        Binding([], "Chọn", action: .none, label: "↑↓"),
        Binding([], "Đổi lớp", action: .none, label: "←→"),
        Binding([.char(" ")], "Đánh dấu", action: .toggle, label: "Space"),
        Binding([.char("n"), .function(4)], "Cấp giấy chứng nhận cho cả lớp", action: .nextStep, label: "n/F4"),
        Binding([.enter], "Mở hồ sơ", action: .open),
        Binding([.char("/"), .ctrl("f")], "Tìm trong lớp", action: .search, label: "/", inFooter: false),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
        Binding([.left, .char("h")], "Lớp trước", action: .left, label: "←/h", inFooter: false),
        Binding([.right, .char("l")], "Lớp sau", action: .right, label: "→/l", inFooter: false),
    ] + movement + screensLeavingL + common)

    /// The mentor view.
    public static let mentor = KeyMap<Command>([
        Binding([], "Chọn", action: .none, label: "↑↓"),
        Binding([.char("f"), .function(11)], "Chọn người giúp đỡ", action: .filter, label: "f/F11"),
        Binding([.char("m"), .ctrl("n")], "Thêm nhận xét tháng", action: .addNote, label: "m/Ctrl-N"),
        Binding([.enter], "Mở hồ sơ", action: .open),
        Binding([.char("/"), .ctrl("f")], "Tìm người được giúp đỡ", action: .search, label: "/", inFooter: false),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
    ] + movement + screens + common)

    /// The reports screen.
    public static let reports = KeyMap<Command>([
        Binding([.tab], "Báo cáo sau", action: .nextTab, label: "Tab"),
        Binding([.char("x"), .ctrl("x")], "Xuất tệp", action: .export, label: "x/Ctrl-X"),
        // "Kỳ": at 80 columns the footer keeps the unit's key too.
        Binding([.char("K"), .ctrl("k")], "Kỳ", action: .choosePeriod, label: "K/Ctrl-K"),
        Binding([.char("f"), .function(11)], "Chọn đơn vị", action: .filter, label: "f/F11"),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
        Binding([.char("/"), .ctrl("f")], "Tìm một dòng (đơn vị) trong báo cáo, không cần dấu", action: .search, label: "/",
                inFooter: false),
        Binding([], "Cuộn", action: .none, label: "↑↓", inFooter: false),
        Binding([.backTab], "Báo cáo trước", action: .previousTab, label: "Shift-Tab", inFooter: false),
        Binding([.left, .char("[")], "Năm trước (cùng kỳ)", action: .left, label: "←/[", inFooter: false),
        Binding([.right, .char("]")], "Năm sau (cùng kỳ)", action: .right, label: "→/]", inFooter: false),
        Binding([.char("1")], "Thẻ Chỉ tiêu", action: .tab(0), inFooter: false),
        Binding([.char("2")], "Thẻ Tỷ lệ kết nạp", action: .tab(1), inFooter: false),
        Binding([.char("3")], "Thẻ Báo cáo định kỳ (quý, 6 tháng, năm)", action: .tab(2), inFooter: false),
        Binding([.char("4")], "Thẻ Tình hình hồ sơ hiện nay", action: .tab(3), inFooter: false),
    ] + movement + screens + common)

    /// The people and their roles (clerks). Their own keys are not letters: a person's id or name is never
    /// typed here. F3 stays "add a file", as everywhere.
    public static let people = KeyMap<Command>([
        Binding([], "Chọn", action: .none, label: "↑↓"),
        Binding([.enter], "Cấp vai trò", action: .grantRole),
        Binding([.delete, .char("-")], "Thu hồi vai trò", action: .revokeRole, label: "Del/-"),
        Binding([.char("+")], "Thêm người dùng", action: .addPerson, label: "+"),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
        Binding([.char("/"), .ctrl("f")], "Tìm người dùng", action: .search, label: "/", inFooter: false),
    ] + movement + screens.filter { $0.action != .people } + common)

    /// The units: their member counts, short names and letterheads (clerks change them).
    public static let units = KeyMap<Command>([
        Binding([], "Chọn", action: .none, label: "↑↓"),
        Binding([.enter], "Sửa số đảng viên", action: .unitCounts),
        Binding([.char("E"), .ctrl("e")], "Tên ngắn, tiêu đề văn bản", action: .edit, label: "E/Ctrl-E"),
        Binding([.escape], "Quay lại", action: .back, label: "Esc"),
    ] + movement + screens.filter { $0.action != .units } + common)

    /// The key map of `screen`, every binding (dispatch: a key refused to the person still says why).
    public static func map(for screen: Screen) -> KeyMap<Command> {
        switch screen {
        case .board: board
        case .list: list
        case .detail: detail
        case .classes: classes
        case .mentor: mentor
        case .reports: reports
        case .people: people
        case .units: units
        }
    }

    /// The key map of `screen` as the footer and the help show it: without the commands the person's
    /// roles allow nowhere.
    public static func map(for screen: Screen, access: Access?) -> KeyMap<Command> {
        let full = map(for: screen)
        guard let access else { return full }
        return KeyMap(full.bindings.filter { CommandAccess.isEverAllowed($0.action, on: screen, access: access) })
    }
}
