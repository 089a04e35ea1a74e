import Foundation
import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// Issue 18, item 11: at 80×24 every cell read "Chi bộ K…". The list shows the cells by a form that tells
/// them apart (without "Chi bộ" when every one fits so, else their short names), the units screen shows and
/// edits the short names, and the tab bar reaches every tab of a file (item 2).
@Suite struct ShortUnitNamesTests {
    static let size = Size(width: 80, height: 24)

    func check(_ state: AppState, _ name: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertScreen(state, size: Self.size, name, expected, sourceLocation: sourceLocation)
    }

    /// The demo's ward (eight cells) after `keys` at 80×24; `derived`: with no short name set.
    func demo(_ keys: [Key], derived: Bool = false) -> AppState {
        var data = AppFixtures.demoData()
        if derived {
            for id in data.organisation.units.keys { data.organisation.units[id]?.shortName = nil }
        }
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height)] + keys, into: &state)
        return state
    }

    /// What the list's unit column shows on each row drawn, by the file's unit.
    func unitCells(_ state: AppState) throws -> [UnitID: Set<String>] {
        guard case .list(let list) = state.screen else { throw Failure("not on the list") }
        let rows = AppView.render(state, width: Self.size.width, height: Self.size.height).rows
        let table = ScreenLayout.listTable(Self.size)
        var result: [UnitID: Set<String>] = [:]
        for (line, position) in list.visible.dropFirst(list.offset).prefix(ScreenLayout.listVisibleRows(Self.size)).enumerated() {
            let cells = rows[table.row + 1 + line].components(separatedBy: "│")
            result[state.index.rows[position].file.unitID, default: []].insert(cells[3].trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func theListAt80ColumnsTellsTheCellsApartByTheShortNamesTheyWereGiven() throws {
        let state = demo([.char("l")])
        check(state, "short-list-80", """
             HoSo · Danh sách: Tất cả hồ sơ                      23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 40 hồ sơ · sắp xếp: Họ và tên ▲             ▼ còn nữa · 1–19/40
               │ Mã      │ Họ và tên ▲   │ Chi bộ   │ Trạng thái  │ Hạn tiếp … │ Người giúp…
            !  │ HS-0004 │ Nguyễn Đức An │ Y tế     │ Cảm tình    │ 09/10/2026 │ Võ Ngọc Đạt
             ✗ │ HS-0006 │ Phan Thanh An │ KP3      │ Thẩm tra    │ 10/12/2026 │ Trương Hoà…
             ✗ │ HS-0014 │ Huỳnh Xuân Ẩn │ KP4      │ Kết luận LL │ 09/12/2026 │ Nguyễn Diệ…
               │ HS-0033 │ Trần Văn Bình │ Quân sự  │ Chính thức  │            │ Phan Ngọc …
               │ HS-0037 │ Phạm Ngọc Du… │ Công an  │ Giới thiệu  │            │
            !  │ HS-0032 │ Lê Đức Đạt    │ THCS LL  │ Chi bộ xét  │ 05/03/2026 │ Đặng Hồng …
             ✗ │ HS-0023 │ Lê Hữu Đạt    │ KP4      │ Đủ ý kiến   │ 06/12/2026 │ Nguyễn Diệ…
            !✗ │ HS-0031 │ Đào Hoàng Hải │ KP2      │ Thẩm tra    │ 01/08/2026 │ Trương Hoà…
             ✗ │ HS-0003 │ Tạ Bảo Hằng   │ THCS LL  │ Đủ ý kiến   │ 18/12/2026 │ Đặng Hồng …
            !  │ HS-0039 │ Vũ Văn Hùng   │ KP2      │ Học lớp     │ 28/06/2026 │ Trương Hoà…
               │ HS-0011 │ Bùi Công Khoa │ KP2      │ Cảm tình    │ 07/12/2026 │ Trương Hoà…
               │ HS-0017 │ Phạm Thị Lan  │ KP3      │ Cảm tình    │ 19/12/2026 │ Trương Hoà…
               │ HS-0019 │ Hoàng Văn Lâm │ THCS LL  │ Chính thức  │            │ Đặng Hồng …
             ✗ │ HS-0029 │ Trương Đức L… │ KP2      │ Dự bị       │ 21/12/2026 │ Trương Hoà…
               │ HS-0001 │ Đặng Minh Li… │ KP1      │ Cảm tình    │ 20/12/2026 │ Vũ Hoàng T…
               │ HS-0012 │ Hoàng Ngọc M… │ KP1      │ Hết hạn     │            │ Vũ Hoàng T…
               │ HS-0016 │ Dương Kim My  │ THCS LL  │ Giới thiệu  │            │
             ✗ │ HS-0036 │ Hoàng Thanh … │ Công an  │ Kết luận LL │ 22/12/2026 │ Đào Kim My
               │ HS-0013 │ Phạm Ngọc Ng… │ KP2      │ Giới thiệu  │            │

             ↑↓ Chọn · Enter Mở hồ sơ · / Tìm · s/F9 Sắp xếp · f/F11 Lọc · ? thêm
            """)
        let cells = try unitCells(state)
        #expect(cells.values.allSatisfy { $0.count == 1 }, "one name per unit: \(cells)")
        let names = cells.values.compactMap(\.first)
        #expect(Set(names).count == cells.count, "no two units read alike: \(cells)")
        #expect(cells.allSatisfy { state.data.organisation.units[$0.key]?.shortName == $0.value.first })
    }

    @Test func withoutShortNamesSetTheDerivedOnesStillTellTheCellsApart() throws {
        let state = demo([.char("l")], derived: true)
        check(state, "derived-list-80", """
             HoSo · Danh sách: Tất cả hồ sơ                      23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 40 hồ sơ · sắp xếp: Họ và tên ▲             ▼ còn nữa · 1–19/40
               │ Mã      │ Họ và tên ▲   │ Chi bộ    │ Trạng thái  │ Hạn tiếp … │ Người giú…
            !  │ HS-0004 │ Nguyễn Đức An │ TYT       │ Cảm tình    │ 09/10/2026 │ Võ Ngọc Đ…
             ✗ │ HS-0006 │ Phan Thanh An │ KP3       │ Thẩm tra    │ 10/12/2026 │ Trương Ho…
             ✗ │ HS-0014 │ Huỳnh Xuân Ẩn │ KP4       │ Kết luận LL │ 09/12/2026 │ Nguyễn Di…
               │ HS-0033 │ Trần Văn Bình │ QSP       │ Chính thức  │            │ Phan Ngọc…
               │ HS-0037 │ Phạm Ngọc Du… │ CAP       │ Giới thiệu  │            │
            !  │ HS-0032 │ Lê Đức Đạt    │ T THCS LL │ Chi bộ xét  │ 05/03/2026 │ Đặng Hồng…
             ✗ │ HS-0023 │ Lê Hữu Đạt    │ KP4       │ Đủ ý kiến   │ 06/12/2026 │ Nguyễn Di…
            !✗ │ HS-0031 │ Đào Hoàng Hải │ KP2       │ Thẩm tra    │ 01/08/2026 │ Trương Ho…
             ✗ │ HS-0003 │ Tạ Bảo Hằng   │ T THCS LL │ Đủ ý kiến   │ 18/12/2026 │ Đặng Hồng…
            !  │ HS-0039 │ Vũ Văn Hùng   │ KP2       │ Học lớp     │ 28/06/2026 │ Trương Ho…
               │ HS-0011 │ Bùi Công Khoa │ KP2       │ Cảm tình    │ 07/12/2026 │ Trương Ho…
               │ HS-0017 │ Phạm Thị Lan  │ KP3       │ Cảm tình    │ 19/12/2026 │ Trương Ho…
               │ HS-0019 │ Hoàng Văn Lâm │ T THCS LL │ Chính thức  │            │ Đặng Hồng…
             ✗ │ HS-0029 │ Trương Đức L… │ KP2       │ Dự bị       │ 21/12/2026 │ Trương Ho…
               │ HS-0001 │ Đặng Minh Li… │ KP1       │ Cảm tình    │ 20/12/2026 │ Vũ Hoàng …
               │ HS-0012 │ Hoàng Ngọc M… │ KP1       │ Hết hạn     │            │ Vũ Hoàng …
               │ HS-0016 │ Dương Kim My  │ T THCS LL │ Giới thiệu  │            │
             ✗ │ HS-0036 │ Hoàng Thanh … │ CAP       │ Kết luận LL │ 22/12/2026 │ Đào Kim My
               │ HS-0013 │ Phạm Ngọc Ng… │ KP2       │ Giới thiệu  │            │

             ↑↓ Chọn · Enter Mở hồ sơ · / Tìm · s/F9 Sắp xếp · f/F11 Lọc · ? thêm
            """)
        let cells = try unitCells(state)
        #expect(Set(cells.values.compactMap(\.first)).count == cells.count, "\(cells)")
        #expect(!cells.values.contains { $0.contains { $0.contains("…") } }, "nothing cut: \(cells)")
    }

    @Test func theListIsSearchedByTheShortNameItShows() throws {
        let state = demo([.char("l"), .char("/")] + "kp3".map { Key.char($0) } + [.enter])
        guard case .list(let list) = state.screen else { Issue.record("not on the list"); return }
        let files = Set(state.data.cases.filter { $0.unitID == "CB-3" }.map(\.id))
        #expect(!files.isEmpty && Set(list.visible.map { state.index.rows[$0].file.id }) == files)
    }

    @Test func aCellWhoseNameWithoutItsKindFitsIsShownSo() throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height), .char("l")], into: &state)
        #expect(try unitCells(state) == [Fixtures.cellID: ["Khu phố 3"]], "one form for the column: the name, not KP3")
    }

    @Test func theUnitsScreenAt80ColumnsShowsTheShortNamesAndLeavesOutTheKind() {
        check(demo([.char("D"), .down, .down, .down]), "short-units-80", """
             HoSo · Đơn vị                                       23/11/2026 · Thư ký chi bộ
             10 đơn vị · Enter sửa số đảng viên · E sửa tên ngắn, tiêu đề văn bản
            Mã    │ Tên ngắn │ Đơn vị                         │ Chính thức │ Dự bị │ Ủy viên
            DU-XH │ ĐU XH    │ Đảng ủy phường Xuân Hòa        │          9 │     0 │       9
            DB-XH │ ĐB XH    │ Đảng bộ cơ sở phường Xuân Hòa  │         11 │     0 │      11
            CB-7  │ Công an  │ Chi bộ Công an phường          │         19 │     1 │      11
            CB-1  │ KP1      │ Chi bộ Khu phố 1               │         13 │     0 │      11
            CB-2  │ KP2      │ Chi bộ Khu phố 2               │         13 │     0 │      11
            CB-3  │ KP3      │ Chi bộ Khu phố 3               │         19 │     2 │      11
            CB-4  │ KP4      │ Chi bộ Khu phố 4               │         14 │     1 │      11
            CB-6  │ Quân sự  │ Chi bộ Quân sự phường          │          9 │     1 │      11
            CB-8  │ Y tế     │ Chi bộ Trạm Y tế               │          8 │     0 │      11
            CB-5  │ THCS LL  │ Chi bộ Trường THCS Lê Lợi      │         10 │     1 │      11

             Chi bộ Khu phố 1 (Chi bộ) · tên ngắn KP1 (đã ghi)
             Số đảng viên theo ngày (biểu quyết dùng số của ngày đó):
               khi khởi tạo   13 chính thức, 0 dự bị, 0 nơi khác, 0 miễn, 11 ủy viên
             Tiêu đề văn bản (chưa đặt, in theo mặc định):
               ĐẢNG BỘ PHƯỜNG XUÂN HÒA · CHI BỘ KHU PHỐ 1 · Số     -BC/CB
               Ngày 23 tháng 11 năm 2026 · T/M CHI ỦY · BÍ THƯ
               Nơi nhận: Đảng ủy phường Xuân Hòa (để báo cáo); Lưu


             ↑↓ Chọn · Enter Sửa số đảng viên · E/Ctrl-E Tên ngắn, tiêu đề văn bản · ? thêm
            """)
    }

    @Test func theClassesScreenAndTheFilesHeaderShowACellByAFormThatFits() {
        check(demo([.char("c")]), "short-classes-80", """
             HoSo · Lớp bồi dưỡng nhận thức về Đảng              23/11/2026 · Thư ký chi bộ
             Lớp 1/4 (←/→ đổi lớp): Lớp bồi dưỡng nhận thức về Đảng khóa 7/2026
                │ Mã      │ Họ và tên        │ Chi bộ      │ Trạng thái  │ Giấy chứng nhận
            [ ] │ HS-0039 │ Vũ Văn Hùng      │ Khu phố 2   │ Học lớp     │ —
            [ ] │ HS-0040 │ Dương Bảo Tú     │ Khu phố 2   │ Học lớp     │ —
















             2 học viên chờ giấy chứng nhận · Space đánh dấu (không đánh dấu: cả lớp) · n/F…

             ↑↓ Chọn · ←→ Đổi lớp · Space Đánh dấu · ? thêm
            """)
    }

    @Test("The file's header names its cell whole when it fits, else without \"Chi bộ\", else by its short name",
          arguments: [("Lê Đức Đạt", "Chi bộ Trường THCS Lê Lợi"), ("Lê Thị Phương Thảo Nguyên", "Trường THCS Lê Lợi"),
                      ("Tôn Nữ Thị Phương Thảo Nguyên Hạnh", "THCS LL")])
    func theFilesHeaderNamesItsCell(name: String, cell: String) throws {
        var data = AppFixtures.demoData()
        let index = try #require(data.cases.firstIndex { $0.unitID == "CB-5" })
        data.cases[index].person.fullName = name
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height)], into: &state)
        state.screens.append(.detail(DetailState(caseID: data.cases[index].id)))
        let header = AppView.render(state, width: Self.size.width, height: Self.size.height).rows[1]
        let person = data.cases[index].person
        #expect(header.trimmingCharacters(in: .whitespaces)
                    == "\(data.cases[index].id.rawValue) · \(name) · \(person.sex.vietnamese), sinh \(person.birthDate.vietnamese) · \(cell)",
                "\(header)")
    }

    // MARK: Editing the short name on the units screen

    /// The units screen of the small cell with `E` pressed: the form of its names.
    func namesForm() throws -> AppState {
        var data = AppFixtures.cellData(try AppFixtures.smallCell().cases)
        data.organisation.units["CB-KP4"] = HoSoDomain.Unit(id: "CB-KP4", name: "Chi bộ Khu phố 4", kind: .cell, shortName: "Bốn")
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height), .char("D")], into: &state)
        let row = UnitsLogic.units(state.data).firstIndex { $0.id == Fixtures.cellID } ?? 0
        AppFixtures.press(Array(repeating: .down, count: row) + [.char("E")], into: &state)
        return state
    }

    @Test func eOpensTheShortNameFirstAndSavingSendsWhatChanged() throws {
        var state = try namesForm()
        guard case .form(let form)? = state.modal else { Issue.record("no form"); return }
        #expect(form.form.title == "Tên ngắn, tiêu đề văn bản — Chi bộ Khu phố 3 (ô trống: theo mặc định)")
        #expect(form.form.fields[0].label == "Tên ngắn (trống: KP3)" && form.form.fields[0].value == "")
        AppFixtures.type("Ba", into: &state)
        var both = state
        #expect(AppFixtures.press([.ctrl("s")], into: &state) == [.changeUnit(.shortName("Ba"), of: Fixtures.cellID)],
                "the letterhead left as it was is not sent")
        AppFixtures.press(Array(repeating: .tab, count: 4), into: &both)
        AppFixtures.type("Xuân Hòa", into: &both)
        #expect(AppFixtures.press([.ctrl("s")], into: &both) == [.changeUnit(
            .together([.shortName("Ba"), .letterhead(LetterheadChange(
                superior: "", issuer: "", sign: "", place: "Xuân Hòa", authority: "", signerTitle: "", signer: "", recipients: []))]),
            of: Fixtures.cellID)])
    }

    @Test func aShortNameAnotherUnitHasIsRefusedAndTheFormComesBackWithWhatWasTyped() throws {
        var state = try namesForm()
        AppFixtures.type("bon", into: &state)
        #expect(AppFixtures.press([.ctrl("s")], into: &state).isEmpty, "nothing is sent")
        guard case .message(let message)? = state.modal else { Issue.record("no refusal: \(String(describing: state.modal))"); return }
        #expect(message.lines.contains(
            "• Tên ngắn \"bon\" trùng với tên ngắn của Chi bộ Khu phố 4 (CB-KP4, đã ghi). Chưa ghi gì. "
                + "Hãy chọn tên ngắn khác (không phân biệt chữ hoa, chữ thường và dấu)."), "\(message.lines)")
        AppFixtures.press([.enter], into: &state)
        guard case .form(let form)? = state.modal else { Issue.record("the form is lost"); return }
        #expect(form.form.fields[0].value == "bon")
    }

    // MARK: Item 2: every tab of a file at 80 columns

    @Test(arguments: Array(1...8))
    func everyTabIsReachedByItsNumberAndDrawnHighlightedAt80Columns(number: Int) throws {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height), .char("l"), .enter,
                           .char(Character(String(number)))], into: &state)
        guard case .detail(let detail) = state.screen else { Issue.record("no detail"); return }
        #expect(detail.tab.rawValue == number - 1)
        let buffer = AppView.render(state, width: Self.size.width, height: Self.size.height)
        let row = ScreenLayout.detailTabs(Self.size).row
        #expect(buffer.rows[row] == Self.tabRows[number - 1], "\(buffer.rows[row])")
        let title = " \(number) \(DetailTab.allCases[number - 1].title) "
        let start = try #require(buffer.rows[row].range(of: title))
        let column = CellWidth.of(String(buffer.rows[row][..<start.lowerBound]))
        #expect((column..<column + CellWidth.of(title)).allSatisfy { buffer[row, $0].style == .selected }, "highlighted")
    }

    /// The tab row of each tab at 80 columns, as drawn.
    static let tabRows = [
        " 1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶",
        " 1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶",
        " 1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶",
        " 1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶",
        "◀ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │ 5 Kết nạp │       ▶",
        "◀ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │ 5 Kết nạp │ 6 Dự bị │               ▶",
        "◀ 4 Lý lịch & thẩm tra │ 5 Kết nạp │ 6 Dự bị │ 7 Hồ sơ giấy tờ │ 8 Lịch sử      ",
        "◀ 4 Lý lịch & thẩm tra │ 5 Kết nạp │ 6 Dự bị │ 7 Hồ sơ giấy tờ │ 8 Lịch sử      ",
    ]
}
