import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Every screen drawn at 80×24 and 120×40 from fixed data, compared with the text a person sees.
/// Re-record: HOSO_RECORD_DIR=/tmp/snaps swift test --filter AppSnapshotTests, then paste.
@Suite struct AppSnapshotTests {
    func check(_ state: AppState, _ width: Int, _ height: Int, _ name: String, _ expected: String,
               sourceLocation: SourceLocation = #_sourceLocation) {
        let buffer = AppView.render(state, width: width, height: height)
        if let directory = ProcessInfo.processInfo.environment["HOSO_RECORD_DIR"] {
            try? buffer.text.write(toFile: "\(directory)/\(name).txt", atomically: true, encoding: .utf8)
        }
        assertSnapshot(buffer, expected, sourceLocation: sourceLocation)
    }

    func small(_ keys: [Key] = [], size: Size = Size(width: 80, height: 24)) throws -> AppState {
        var state = AppState(data: try AppFixtures.smallCell())
        AppFixtures.press([.resize(width: size.width, height: size.height)] + keys, into: &state)
        return state
    }

    static let big = Size(width: 120, height: 40)

    @Test func board() throws {
        var state = AppState(data: AppFixtures.demoData())
        AppFixtures.press([.resize(width: 80, height: 24), .right, .down], into: &state)
        check(state, 80, 24, "board-80", """
             HoSo · Bảng tiến độ                                 23/11/2026 · Thư ký chi bộ
             Hồ sơ đang theo dõi: 36   (Enter mở danh sách đã chọn)
             Nguồn      12 │ Bồi dưỡng   7 │ Thẩm tra    8 │ Kết nạp     6 │ Dự bị        3
            ───────────────│───────────────│───────────────│───────────────│────────────────
             Giới thiệu  5 │ Đang học    6 │ Làm hồ sơ   1 │ Đủ ý kiến   3 │ Dự bị        3
             Cảm tình    7 │ Có GCN      1 │ Thẩm tra    5 │ Chi bộ xét  1 │ Hết dự bị    0
                           │               │ Kết luận LL 2 │ Đảng ủy xét 0 │
                           │               │               │ Có QĐ       2 │
             Quá hạn     3 │ Quá hạn     2 │ Quá hạn     2 │ Quá hạn     4 │ Quá hạn      1
             Sắp hạn     0 │ Sắp hạn     0 │ Sắp hạn     0 │ Sắp hạn     0 │ Sắp hạn      0
             Chưa có GĐ  0 │ Chưa có GĐ  0 │ Chưa có GĐ  0 │ Chưa có GĐ  0 │ Chưa có GĐ   0

             Kết nạp năm 2026: 5 người (4,5 %) · chưa có chỉ tiêu
             Mục tiêu 3–4 % của 111 đảng viên đầu năm (số hiện nay): 4–5 người

             Tổng 40 hồ sơ · quá hạn 12 · sắp đến hạn 0 · chưa có người giúp đỡ 0 · đã kết …

             Thêm hồ sơ mới: a hoặc F3 · Xem mọi phím: ? hoặc F1
             Đơn vị (số đảng viên theo ngày, tên ngắn, tiêu đề văn bản): D hoặc F12




             ←↑↓→ Chọn · Enter Mở danh sách · a/F3 Thêm hồ sơ · l/F2 Tất cả hồ sơ · ? thêm
            """)
        AppFixtures.press([.resize(width: 120, height: 40)], into: &state)
        check(state, 120, 40, "board-120", """
             HoSo · Bảng tiến độ                                                                         23/11/2026 · Thư ký chi bộ
             Hồ sơ đang theo dõi: 36   (Enter mở danh sách đã chọn)
             Nguồn              12 │ Bồi dưỡng           7 │ Thẩm tra lý lịch    8 │ Kết nạp             6 │ Dự bị                3
            ───────────────────────│───────────────────────│───────────────────────│───────────────────────│────────────────────────
             Được giới thiệu     5 │ Học lớp             6 │ Đơn, lý lịch        1 │ Đủ giới thiệu       3 │ Dự bị                3
             Cảm tình đảng       7 │ Có chứng nhận       1 │ Thẩm tra            5 │ Chi bộ đã xét       1 │ Chờ công nhận        0
                                   │                       │ Đã kết luận LL      2 │ Đảng ủy đã xét      0 │
                                   │                       │                       │ Có QĐ kết nạp       2 │
             Quá hạn             3 │ Quá hạn             2 │ Quá hạn             2 │ Quá hạn             4 │ Quá hạn              1
             Sắp đến hạn         0 │ Sắp đến hạn         0 │ Sắp đến hạn         0 │ Sắp đến hạn         0 │ Sắp đến hạn          0
             Chưa có người GĐ    0 │ Chưa có người GĐ    0 │ Chưa có người GĐ    0 │ Chưa có người GĐ    0 │ Chưa có người GĐ     0

             Kết nạp năm 2026: 5 người (4,5 %) · chưa có chỉ tiêu
             Mục tiêu 3–4 % của 111 đảng viên đầu năm (số hiện nay): 4–5 người

             Tổng 40 hồ sơ · quá hạn 12 · sắp đến hạn 0 · chưa có người giúp đỡ 0 · đã kết thúc hoặc dừng 4

             Thêm hồ sơ mới: a hoặc F3 · Xem mọi phím: ? hoặc F1
             Đơn vị (số đảng viên theo ngày, tên ngắn, tiêu đề văn bản): D hoặc F12




















             ←↑↓→ Chọn · Enter Mở danh sách · a/F3 Thêm hồ sơ · l/F2 Tất cả hồ sơ · q/F10 Thoát · D/F12 Đơn vị · ? thêm
            """)
    }

    @Test func listOfAllFiles() throws {
        check(try small([.char("l")]), 80, 24, "list-80", """
             HoSo · Danh sách: Tất cả hồ sơ                      23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 5 hồ sơ · sắp xếp: Họ và tên ▲
               │ Mã      │ Họ và tên ▲   │ Chi bộ    │ Trạng thái  │ Hạn tiếp … │ Người giú…
            !✗ │ HS-0002 │ Trần Văn Ánh  │ Khu phố 3 │ Thẩm tra    │ 14/03/2024 │ Trần Văn …
            !✗ │ HS-0003 │ Lê Hoàng Đức  │ Khu phố 3 │ Đủ ý kiến   │ 14/03/2024 │ Trần Văn …
            !  │ HS-0004 │ Phạm Thu Hà   │ Khu phố 3 │ Học lớp     │ 14/03/2024 │ Trần Văn …
            !  │ HS-0001 │ Nguyễn Thị M… │ Khu phố 3 │ Cảm tình    │ 14/03/2024 │ Trần Văn …
            !  │ HS-0005 │ Đỗ Quang Vinh │ Khu phố 3 │ Dự bị       │ 14/03/2024 │ Trần Văn …















             ↑↓ Chọn · Enter Mở hồ sơ · / Tìm · s/F9 Sắp xếp · f/F11 Lọc · ? thêm
            """)
        check(try small([.char("l"), .char(">"), .char(">")], size: Self.big), 120, 40, "list-120", """
             HoSo · Danh sách: Tất cả hồ sơ                                                              23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 5 hồ sơ · sắp xếp: Trạng thái ▲
               │ Mã      │ Họ và tên                │ Chi bộ             │ Trạng thái ▲       │ Hạn tiếp theo   │ Người giúp đỡ
            !  │ HS-0001 │ Nguyễn Thị Minh Khai     │ Chi bộ Khu phố 3   │ Cảm tình đảng      │ 14/03/2024      │ Trần Văn Hùng
            !  │ HS-0004 │ Phạm Thu Hà              │ Chi bộ Khu phố 3   │ Học lớp            │ 14/03/2024      │ Trần Văn Hùng
            !✗ │ HS-0002 │ Trần Văn Ánh             │ Chi bộ Khu phố 3   │ Thẩm tra           │ 14/03/2024      │ Trần Văn Hùng
            !✗ │ HS-0003 │ Lê Hoàng Đức             │ Chi bộ Khu phố 3   │ Đủ giới thiệu      │ 14/03/2024      │ Trần Văn Hùng
            !  │ HS-0005 │ Đỗ Quang Vinh            │ Chi bộ Khu phố 3   │ Dự bị              │ 14/03/2024      │ Trần Văn Hùng






























             Sắp xếp theo Trạng thái, tăng dần ▲
             ↑↓ Chọn · Enter Mở hồ sơ · / Tìm · s/F9 Sắp xếp · f/F11 Lọc · n/F4 Bước tiếp theo · Esc Quay lại · ? thêm
            """)
    }

    @Test func listSearchWithoutDiacritics() throws {
        let keys: [Key] = [.char("l"), .char("/")] + "anh".map { Key.char($0) }
        check(try small(keys), 80, 24, "search-80", """
             HoSo · Danh sách: Tất cả hồ sơ                      23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 1 hồ sơ · sắp xếp: Họ và tên ▲
               │ Mã      │ Họ và tên ▲   │ Chi bộ    │ Trạng thái  │ Hạn tiếp … │ Người giú…
            !✗ │ HS-0002 │ Trần Văn Ánh  │ Khu phố 3 │ Thẩm tra    │ 14/03/2024 │ Trần Văn …


















             Tìm:  anh
             gõ tìm (không cần dấu) · Enter giữ kết quả · Esc bỏ tìm
            """)
        check(try small(keys, size: Self.big), 120, 40, "search-120", """
             HoSo · Danh sách: Tất cả hồ sơ                                                              23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 1 hồ sơ · sắp xếp: Họ và tên ▲
               │ Mã      │ Họ và tên ▲              │ Chi bộ             │ Trạng thái         │ Hạn tiếp theo   │ Người giúp đỡ
            !✗ │ HS-0002 │ Trần Văn Ánh             │ Chi bộ Khu phố 3   │ Thẩm tra           │ 14/03/2024      │ Trần Văn Hùng


































             Tìm:  anh
             gõ tìm (không cần dấu) · Enter giữ kết quả · Esc bỏ tìm
            """)
    }

    @Test func detailTabs() throws {
        let open: [Key] = [.char("l"), .down, .enter]
        check(try small(open), 80, 24, "detail-info-80", """
             HoSo · Hồ sơ HS-0003                                23/11/2026 · Thư ký chi bộ
             HS-0003 · Lê Hoàng Đức · Nữ, sinh 12/04/1998 · Chi bộ Khu phố 3
             Đủ giới thiệu · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
             1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶
             Họ và tên             Lê Hoàng Đức
             Ngày sinh             12/04/1998 (28 tuổi)
             Giới tính             Nữ
             Dân tộc, tôn giáo     Kinh, Không
             Số CCCD               079198001234
             Nơi cư trú            12 Lý Chính Thắng, Phường Xuân Hòa, TP. Hồ Chí Minh
             Nghề nghiệp           Giáo viên
             Học vấn               Đại học
             Đoàn viên / công đoàn Không / Không
             Nơi giới thiệu        Đoàn Thanh niên, ngày 15/01/2024

             Bước tiếp theo: Chi bộ biểu quyết kết nạp → Chi bộ đã xét   (n hoặc F4)
              ✓ Đủ 18 tuổi tại ngày chi bộ xét
              ✓ Không quá 60 tuổi tại ngày chi bộ xét
              ✓ Trình độ học vấn từ Trung học cơ sở trở lên
              ✓ Giấy chứng nhận bồi dưỡng còn giá trị tại ngày 23/11/2026
              ✗ Quá 12 tháng tại ngày 23/11/2026: Đơn xin vào Đảng (ngày 10/05/2024), Lý
                lịch bản 1 (ngày 13/05/2024), Ý kiến đoàn thể nơi công tác (ngày

             n/F4 Bước tiếp theo · Tab Thẻ sau · m/Ctrl-N Thêm nhận xét · ? thêm
            """)
        check(try small(open + [.char("4")], size: Self.big), 120, 40, "detail-verification-120", """
             HoSo · Hồ sơ HS-0003                                                                        23/11/2026 · Thư ký chi bộ
             HS-0003 · Lê Hoàng Đức · Nữ, sinh 12/04/1998 · Chi bộ Khu phố 3
             Trạng thái: Đã có giới thiệu, ý kiến (từ 19/07/2024) · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
             1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │ 5 Kết nạp │ 6 Dự bị │ 7 Hồ sơ giấy tờ │      ▶
             Đơn xin vào Đảng      10/05/2024      Kết luận: 04/07/2024
             Lý lịch               bản 1 (13/05/2024)
             Quan hệ     Họ và tên                      Năm  Sưu tra Gửi        Nhận       Kết quả   Phụ trách
             Bản thân    Lê Hoàng Đức                   1998 —       20/05/2024 04/07/2024 Đạt       Trần Văn Hùng
             Cha đẻ      Lê Hoàng Nghĩa                 1970 —       20/05/2024 04/07/2024 Đạt       Trần Văn Hùng
             Mẹ đẻ       Bùi Thị Anh                    1973 —       20/05/2024 04/07/2024 Đạt       Trần Văn Hùng
             e hoặc Ctrl-R: ghi kết quả phiếu đang chọn




























             n/F4 Bước tiếp theo · Tab Thẻ sau · m/Ctrl-N Thêm nhận xét · Esc Quay lại · ? thêm
            """)
        check(try small(open + [.char("4")]), 80, 24, "detail-verification-80", """
             HoSo · Hồ sơ HS-0003                                23/11/2026 · Thư ký chi bộ
             HS-0003 · Lê Hoàng Đức · Nữ, sinh 12/04/1998 · Chi bộ Khu phố 3
             Đủ giới thiệu · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
             1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶
             Đơn xin vào Đảng      10/05/2024      Kết luận: 04/07/2024
             Lý lịch               bản 1 (13/05/2024)
             Quan hệ     Họ và tên  Năm  Sưu tra Gửi        Nhận       Kết quả   Phụ trách
             Bản thân    Lê Hoàng … 1998 —       20/05/2024 04/07/2024 Đạt       Trần Văn …
             Cha đẻ      Lê Hoàng … 1970 —       20/05/2024 04/07/2024 Đạt       Trần Văn …
             Mẹ đẻ       Bùi Thị A… 1973 —       20/05/2024 04/07/2024 Đạt       Trần Văn …
             e hoặc Ctrl-R: ghi kết quả phiếu đang chọn












             n/F4 Bước tiếp theo · Tab Thẻ sau · m/Ctrl-N Thêm nhận xét · ? thêm
            """)
        check(try small(open + [.char("8")], size: Self.big), 120, 40, "detail-history-120", """
             HoSo · Hồ sơ HS-0003                                                                        23/11/2026 · Thư ký chi bộ
             HS-0003 · Lê Hoàng Đức · Nữ, sinh 12/04/1998 · Chi bộ Khu phố 3
             Trạng thái: Đã có giới thiệu, ý kiến (từ 19/07/2024) · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
            ◀ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │ 5 Kết nạp │ 6 Dự bị │ 7 Hồ sơ giấy tờ │ 8 Lịch sử
             19/07/2024 · Thư ký chi bộ · Đủ giới thiệu và ý kiến nhận xét
               Trạng thái: Lý lịch đã kết luận → Đã có giới thiệu, ý kiến
             19/07/2024 · Thư ký chi bộ · Ghi ý kiến nhận xét
               Ý kiến: Chi ủy, đoàn thể nơi cư trú
             19/07/2024 · Thư ký chi bộ · Ghi ý kiến nhận xét
               Ý kiến: Đoàn thể nơi công tác
             19/07/2024 · Thư ký chi bộ · Thêm người giới thiệu
               Người giới thiệu: Lê Thị Mai
             19/07/2024 · Thư ký chi bộ · Thêm người giới thiệu
               Người giới thiệu: Trần Văn Hùng
             04/07/2024 · Thư ký chi bộ · Kết luận lý lịch
               Trạng thái: Đang thẩm tra lý lịch → Lý lịch đã kết luận
             04/07/2024 · Thư ký chi bộ · Ghi kết quả thẩm tra
               Kết quả thẩm tra Bùi Thị Anh: Chưa có → Đạt
             04/07/2024 · Thư ký chi bộ · Ghi kết quả thẩm tra
               Kết quả thẩm tra Lê Hoàng Nghĩa: Chưa có → Đạt
             04/07/2024 · Thư ký chi bộ · Ghi kết quả thẩm tra
               Kết quả thẩm tra Lê Hoàng Đức: Chưa có → Đạt
             20/05/2024 · Thư ký chi bộ · Gửi thẩm tra lý lịch
               Trạng thái: Làm đơn, lý lịch → Đang thẩm tra lý lịch
             20/05/2024 · Thư ký chi bộ · Thêm phiếu thẩm tra
               Thẩm tra: Mẹ đẻ: Bùi Thị Anh
             20/05/2024 · Thư ký chi bộ · Thêm phiếu thẩm tra
               Thẩm tra: Cha đẻ: Lê Hoàng Nghĩa
             20/05/2024 · Thư ký chi bộ · Thêm phiếu thẩm tra
               Thẩm tra: Bản thân: Lê Hoàng Đức
             13/05/2024 · Thư ký chi bộ · Nhận đơn và lý lịch
               Trạng thái: Có giấy chứng nhận → Làm đơn, lý lịch
               Đơn xin vào Đảng: 10/05/2024
               Lý lịch: Bản 1, ngày 13/05/2024
             22/04/2024 · Thư ký chi bộ · Ghi nhận giấy chứng nhận bồi dưỡng
               Trạng thái: Đang học lớp bồi dưỡng → Có giấy chứng nhận
               Giấy chứng nhận: Số CN-2024-HS-0001, Trung tâm Chính trị, ngày 22/04/2024
             15/04/2024 · Thư ký chi bộ · Cử đi học lớp bồi dưỡng nhận thức về Đảng

             n/F4 Bước tiếp theo · Tab Thẻ sau · m/Ctrl-N Thêm nhận xét · Esc Quay lại · ? thêm
            """)
    }

    @Test func nextStepChecklist() throws {
        // Lê Hoàng Đức is introduced: the cell vote is next.
        let keys: [Key] = [.char("l"), .down, .enter, .char("n")]
        check(try small(keys), 80, 24, "next-80", """
             HoSo · Hồ sơ HS-0003                                23/11/2026 · Thư ký chi bộ
             ┌─ Bước tiếp theo — HS-0003 Lê Hoàng Đức ────────────────────────────────────┐
             │ Hiện tại: Đã có giới thiệu, ý kiến. Chọn bước rồi Enter:                   │
             │ ✗ Chi bộ biểu quyết kết nạp → Chi bộ đã xét                                │
             │ ✓ Tạm dừng hồ sơ → Tạm dừng                                                │
             │ ✓ Ghi nhận giấy tờ hết hạn → Hết hạn                                       │
             │ ✓ Chuyển hồ sơ đi → Chuyển đi                                              │
             │ ✓ Không kết nạp → Không kết nạp                                            │
             │ ✓ Rút hồ sơ → Rút hồ sơ                                                    │
             │                                                                            │
             │ Yêu cầu của bước "Chi bộ biểu quyết kết nạp" (theo dữ liệu hiện có):       │
             │  ✓ Đủ 18 tuổi tại ngày chi bộ xét                                          │
             │  ✓ Không quá 60 tuổi tại ngày chi bộ xét                                   │
             │  ✓ Trình độ học vấn từ Trung học cơ sở trở lên                             │
             │  ✓ Giấy chứng nhận bồi dưỡng còn giá trị tại ngày 23/11/2026               │
             │  ✗ Quá 12 tháng tại ngày 23/11/2026: Đơn xin vào Đảng (ngày 10/05/2024),   │
             │    Lý lịch bản 1 (ngày 13/05/2024), Ý kiến đoàn thể nơi công tác (ngày     │
             │    19/07/2024), Ý kiến chi ủy, đoàn thể nơi cư trú (ngày 19/07/2024); cần  │
             │    làm lại (Thực tiễn địa phương — chưa thấy văn bản trung ương; cần xác   │
             │    nhận)                                                                   │
             │  ✓ Chi bộ có ít nhất 3 đảng viên chính thức                                │
             └────────────────────────────────────────────────────────────────────────────┘

             ↑↓ chọn bước · Enter điền và thực hiện · Esc đóng
            """)
        check(try small(keys, size: Self.big), 120, 40, "next-120", """
             HoSo · Hồ sơ HS-0003                                                                        23/11/2026 · Thư ký chi bộ
             HS-0003  ┌─ Bước tiếp theo — HS-0003 Lê Hoàng Đức ──────────────────────────────────────────────────────────┐
             Trạng th │ Hiện tại: Đã có giới thiệu, ý kiến. Chọn bước rồi Enter:                                         │ )
             1 Thông  │ ✗ Chi bộ biểu quyết kết nạp → Chi bộ đã xét                                                      │  │      ▶
             Họ và tê │ ✓ Tạm dừng hồ sơ → Tạm dừng                                                                      │
             Ngày sin │ ✓ Ghi nhận giấy tờ hết hạn → Hết hạn                                                             │
             Giới tín │ ✓ Chuyển hồ sơ đi → Chuyển đi                                                                    │
             Dân tộc, │ ✓ Không kết nạp → Không kết nạp                                                                  │
             Số CCCD  │ ✓ Rút hồ sơ → Rút hồ sơ                                                                          │
             Nơi cư t │                                                                                                  │
             Nghề ngh │ Yêu cầu của bước "Chi bộ biểu quyết kết nạp" (theo dữ liệu hiện có):                             │
             Học vấn  │  ✓ Đủ 18 tuổi tại ngày chi bộ xét                                                                │
             Đoàn viê │  ✓ Không quá 60 tuổi tại ngày chi bộ xét                                                         │
             Nơi giới │  ✓ Trình độ học vấn từ Trung học cơ sở trở lên                                                   │
                      │  ✓ Giấy chứng nhận bồi dưỡng còn giá trị tại ngày 23/11/2026                                     │
             Bước tiế │  ✗ Quá 12 tháng tại ngày 23/11/2026: Đơn xin vào Đảng (ngày 10/05/2024), Lý lịch bản 1 (ngày     │
              ✓ Đủ 18 │    13/05/2024), Ý kiến đoàn thể nơi công tác (ngày 19/07/2024), Ý kiến chi ủy, đoàn thể nơi cư   │
              ✓ Không │    trú (ngày 19/07/2024); cần làm lại (Thực tiễn địa phương — chưa thấy văn bản trung ương; cần  │
              ✓ Trình │    xác nhận)                                                                                     │
              ✓ Giấy  │  ✓ Chi bộ có ít nhất 3 đảng viên chính thức                                                      │
              ✗ Quá 1 │  ○ Được ít nhất 2/3 chi bộ tán thành (nhập khi làm bước này)                                     │ ến đoàn
                thể n │                                                                                                  │  tiễn
                địa p │                                                                                                  │
              ✓ Chi b │                                                                                                  │
              ○ Được  │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      └──────────────────────────────────────────────────────────────────────────────────────────────────┘

             ↑↓ chọn bước · Enter điền và thực hiện · Esc đóng
            """)
    }

    @Test func addCaseFormWithVietnameseName() throws {
        var state = try small([.char("a")])
        AppFixtures.type("Nguyễn Thị Ánh", into: &state)
        check(state, 80, 24, "add-80", """
             HoSo · Bảng tiến độ                                 23/11/2026 · Thư ký chi bộ
             ┌─ Thêm quần chúng ưu tú được giới thiệu ────────────────────────────────────┐
             │ * bắt buộc · Ctrl-S lưu · Esc hủy                                          │
             │                                                                            │
             │ Họ và tên*            Nguyễn Thị Ánh                                       │
             │                                                                            │
             │ Ngày sinh*                                                                 │
             │                                                                            │
             │ Giới tính             ◀ Nam ▶                                              │
             │                                                                            │
             │ Nơi giới thiệu        ◀ Đoàn Thanh niên ▶                                  │
             │                                                                            │
             │ Học vấn               ◀ Trung học phổ thông ▶                              │
             │                                                                            │
             │ Đoàn viên Đoàn TNCS   ◀ Không ▶                                            │
             │                                                                            │
             │ Đoàn viên công đoàn   ◀ Không ▶                                            │
             │                                                                            │
             │ Nghề nghiệp                                                                │
             │                                                                            │
             │ Nơi cư trú                                                                 │
             └──────────────────────────────────────────────────────────────── ▼ còn nữa ─┘

             Tab/↓ Ô sau · Shift-Tab/↑ Ô trước · Ctrl-S Lưu · Esc Hủy · ? thêm
            """)
        AppFixtures.press([.resize(width: 120, height: 40)], into: &state)
        check(state, 120, 40, "add-120", """
             HoSo · Bảng tiến độ                                                                         23/11/2026 · Thư ký chi bộ
             Hồ sơ đa ┌─ Thêm quần chúng ưu tú được giới thiệu ──────────────────────────────────────────────────────────┐
             Nguồn    │ * bắt buộc · Ctrl-S lưu · Esc hủy                                                                │        1
            ───────── │                                                                                                  │ ─────────
             Được giớ │ Họ và tên*            Nguyễn Thị Ánh                                                             │        1
             Cảm tình │                                                                                                  │        0
                      │ Ngày sinh*                                                                                       │
                      │                                                                                                  │
             Quá hạn  │ Giới tính             ◀ Nam ▶                                                                    │        1
             Sắp đến  │                                                                                                  │        0
             Chưa có  │ Nơi giới thiệu        ◀ Đoàn Thanh niên ▶                                                        │ GĐ     0
                      │                                                                                                  │
             Kết nạp  │ Học vấn               ◀ Trung học phổ thông ▶                                                    │
             Mục tiêu │                                                                                                  │
                      │ Đoàn viên Đoàn TNCS   ◀ Không ▶                                                                  │
             Tổng 5 h │                                                                                                  │
                      │ Đoàn viên công đoàn   ◀ Không ▶                                                                  │
             Thêm hồ  │                                                                                                  │
             Đơn vị ( │ Nghề nghiệp                                                                                      │
                      │                                                                                                  │
                      │ Nơi cư trú                                                                                       │
                      │                                                                                                  │
                      │ Số CCCD                                                                                          │
                      │                                                                                                  │
                      │ Dân tộc               Kinh                                                                       │
                      │                                                                                                  │
                      │ Tôn giáo              Không                                                                      │
                      │                                                                                                  │
                      │ Ngày được giới thiệu* 23/11/2026                                                                 │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      │                                                                                                  │
                      └──────────────────────────────────────────────────────────────────────────────────────────────────┘

             Tab/↓ Ô sau · Shift-Tab/↑ Ô trước · Ctrl-S Lưu · Esc Hủy · ←/→ Đổi lựa chọn · ? thêm
            """)
    }

    @Test func refusalAndConflictPopups() throws {
        var state = AppState(data: AppFixtures.cellData([try AppFixtures.file("HS-0009", "Vũ Minh Tâm", in: .introduced, born: "2009-03-01")]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("n"), .enter, .right, .enter, .tab], into: &state)
        AppFixtures.type("7", into: &state)
        AppFixtures.press([.ctrl("s"), .right, .enter], into: &state)
        check(state, 80, 24, "refused-80", """
             HoSo · Hồ sơ HS-0009                                23/11/2026 · Thư ký chi bộ
             HS-0009 · Vũ Minh Tâm · Nữ, sinh 01/03/2009 · Chi bộ Khu phố 3
             Đủ giới thiệu · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
             1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶
             ┌─ Không thể thực hiện ──────────────────────────────────────────────────────┐
             │                                                                            │
             │ Chưa thể "Chi bộ biểu quyết kết nạp" (chuyển sang "Chi bộ đã xét"):        │
             │ ✗ 17 năm 8 tháng tại ngày chi bộ xét (23/11/2026); cần đủ 18 tuổi (Quy     │
             │   định 294-QĐ/TW — tuổi đời tính theo tháng)                               │
             │ ✗ Quá 12 tháng tại ngày 23/11/2026: Đơn xin vào Đảng (ngày 10/05/2024), Lý │
             │   lịch bản 1 (ngày 13/05/2024), Ý kiến đoàn thể nơi công tác (ngày         │
             │   19/07/2024), Ý kiến chi ủy, đoàn thể nơi cư trú (ngày 19/07/2024); cần   │
             │   làm lại (Thực tiễn địa phương — chưa thấy văn bản trung ương; cần xác    │
             │   nhận)                                                                    │
             │                                                                            │
             │ [ OK ]   Enter hoặc Esc: đóng                                              │
             │                                                                            │
             └────────────────────────────────────────────────────────────────────────────┘
              ✓ Không quá 60 tuổi tại ngày chi bộ xét
              ✓ Trình độ học vấn từ Trung học cơ sở trở lên
              ✓ Giấy chứng nhận bồi dưỡng còn giá trị tại ngày 23/11/2026
              ✗ Quá 12 tháng tại ngày 23/11/2026: Đơn xin vào Đảng (ngày 10/05/2024), Lý

             Enter/Esc đóng
            """)
        _ = AppReducer.reduce(&state, .key(.escape))
        _ = AppReducer.reduce(&state, .conflict("Hồ sơ HS-0009 vừa được Bí thư Lan sửa lúc 2026-11-23T09:15:00+07:00. Thay đổi của bạn chưa được lưu. Hãy tải lại hồ sơ, xem thay đổi mới rồi sửa lại."))
        AppFixtures.press([.resize(width: 120, height: 40)], into: &state)
        check(state, 120, 40, "conflict-120", """
             HoSo · Hồ sơ HS-0009                                                                        23/11/2026 · Thư ký chi bộ
             HS-0009 · Vũ Minh Tâm · Nữ, sinh 01/03/2009 · Chi bộ Khu phố 3
             Trạng thái: Đã có giới thiệu, ý kiến (từ 19/07/2024) · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
             1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │ 5 Kết nạp │ 6 Dự bị │ 7 Hồ sơ giấy tờ │      ▶
             Họ và tên             Vũ Minh Tâm
             Ngày sinh             01/03/2009 (17 tuổi)
             Giới tính             Nữ
             Dân tộc, tôn giáo     Kinh, Không
             Số CCCD               079198001234
             Nơi cư trú            12 Lý Chính Thắng, Phường Xuân Hòa, TP. Hồ Chí Minh
             Nghề nghiệp           Giáo viên
             Học vấn               Đại học
             Đoàn viên / công đoàn Không / Không
             Nơi giới thiệu        Đoàn Thanh niên, ngày 15/01/2024
                               ┌─ Hồ sơ đã bị người khác sửa ──────────────────────────────────────────────────┐
             Bước tiếp theo: C │                                                                               │
              ✗ 17 năm 8 tháng │ Hồ sơ HS-0009 vừa được Bí thư Lan sửa lúc 2026-11-23T09:15:00+07:00. Thay đổi │ nh theo tháng)
              ✓ Không quá 60 t │   của bạn chưa được lưu. Hãy tải lại hồ sơ, xem thay đổi mới rồi sửa lại.     │
              ✓ Trình độ học v │                                                                               │
              ✓ Giấy chứng nhậ │ Tải lại: xem dữ liệu mới; những gì bạn đã nhập được giữ lại để lưu lần nữa.   │
              ✗ Quá 12 tháng t │                                                                               │ 024), Ý kiến đoàn
                thể nơi công t │ [ Hủy ]   [ Tải lại ]                                                         │  lại (Thực tiễn
                địa phương — c │                                                                               │
              ✓ Chi bộ có ít n └───────────────────────────────────────────────────────────────────────────────┘
              ○ Được ít nhất 2/3 chi bộ tán thành (nhập khi làm bước này)














             ←→ chọn nút · Enter trả lời · Esc hủy
            """)
    }

    @Test func classesMentorReportsAndHelp() throws {
        check(try small([.char("c")]), 80, 24, "classes-80", """
             HoSo · Lớp bồi dưỡng nhận thức về Đảng              23/11/2026 · Thư ký chi bộ
             Lớp 1/1 (←/→ đổi lớp): Lớp bồi dưỡng nhận thức về Đảng khóa 4/2024
                │ Mã      │ Họ và tên        │ Chi bộ      │ Trạng thái  │ Giấy chứng nhận
            [ ] │ HS-0004 │ Phạm Thu Hà      │ Khu phố 3   │ Học lớp     │ —

















             1 học viên chờ giấy chứng nhận · Space đánh dấu (không đánh dấu: cả lớp) · n/F…

             ↑↓ Chọn · ←→ Đổi lớp · Space Đánh dấu · ? thêm
            """)
        check(try small([.char("c")], size: Self.big), 120, 40, "classes-120", """
             HoSo · Lớp bồi dưỡng nhận thức về Đảng                                                      23/11/2026 · Thư ký chi bộ
             Lớp 1/1 (←/→ đổi lớp): Lớp bồi dưỡng nhận thức về Đảng khóa 4/2024
                │ Mã      │ Họ và tên                    │ Chi bộ              │ Trạng thái          │ Giấy chứng nhận
            [ ] │ HS-0004 │ Phạm Thu Hà                  │ Chi bộ Khu phố 3    │ Học lớp             │ —

































             1 học viên chờ giấy chứng nhận · Space đánh dấu (không đánh dấu: cả lớp) · n/F4 ghi giấy chứng nhận

             ↑↓ Chọn · ←→ Đổi lớp · Space Đánh dấu · n/F4 Cấp giấy chứng nhận cho cả lớp · Enter Mở hồ sơ · Esc Quay lại · ? thêm
            """)
        check(try small([.char("t"), .down, .enter]), 80, 24, "mentor-80", """
             HoSo · Người giúp đỡ                                23/11/2026 · Thư ký chi bộ
             Trần Văn Hùng (M001) — 5 người được giúp đỡ · 5 người chưa có nhận xét tháng 1…
              │ Mã      │ Họ và tên         │ Trạng thái  │ Nhận xét gần nhất │ Tháng này
            ! │ HS-0002 │ Trần Văn Ánh      │ Thẩm tra    │ chưa có           │ Chưa có nhậ…
            ! │ HS-0003 │ Lê Hoàng Đức      │ Đủ giới th… │ chưa có           │ Chưa có nhậ…
            ! │ HS-0004 │ Phạm Thu Hà       │ Học lớp     │ chưa có           │ Chưa có nhậ…
            ! │ HS-0001 │ Nguyễn Thị Minh … │ Cảm tình đ… │ chưa có           │ Chưa có nhậ…
            ! │ HS-0005 │ Đỗ Quang Vinh     │ Dự bị       │ chưa có           │ Chưa có nhậ…















             ↑↓ Chọn · f/F11 Chọn người giúp đỡ · m/Ctrl-N Thêm nhận xét tháng · ? thêm
            """)
        check(try small([.char("t"), .down, .enter], size: Self.big), 120, 40, "mentor-120", """
             HoSo · Người giúp đỡ                                                                        23/11/2026 · Thư ký chi bộ
             Trần Văn Hùng (M001) — 5 người được giúp đỡ · 5 người chưa có nhận xét tháng 11/2026
              │ Mã      │ Họ và tên                          │ Trạng thái             │ Nhận xét gần nhất │ Tháng này
            ! │ HS-0002 │ Trần Văn Ánh                       │ Thẩm tra               │ chưa có           │ Chưa có nhận xét tháng …
            ! │ HS-0003 │ Lê Hoàng Đức                       │ Đủ giới thiệu          │ chưa có           │ Chưa có nhận xét tháng …
            ! │ HS-0004 │ Phạm Thu Hà                        │ Học lớp                │ chưa có           │ Chưa có nhận xét tháng …
            ! │ HS-0001 │ Nguyễn Thị Minh Khai               │ Cảm tình đảng          │ chưa có           │ Chưa có nhận xét tháng …
            ! │ HS-0005 │ Đỗ Quang Vinh                      │ Dự bị                  │ chưa có           │ Chưa có nhận xét tháng …































             ↑↓ Chọn · f/F11 Chọn người giúp đỡ · m/Ctrl-N Thêm nhận xét tháng · Enter Mở hồ sơ · Esc Quay lại · ? thêm
            """)
        check(try small([.char("r")]), 80, 24, "reports-80", """
             HoSo · Báo cáo                                      23/11/2026 · Thư ký chi bộ
             1 Chỉ tiêu │ 2 Tỷ lệ kết nạp │ 3 Báo cáo định kỳ │ 4 Tình hình hồ sơ
             Kỳ: Hiện nay (23/11/2026) (K) · Đơn vị: Tất cả đơn vị (f) · Xuất tệp: x
             MẬT
             Tài liệu mật: có thông tin cá nhân của quần chúng và đảng viên; không sao chép…

             TÌNH HÌNH HỒ SƠ HIỆN NAY
             Chi bộ Khu phố 3 — Ngày 23/11/2026 — lập ngày 23/11/2026

             Hồ sơ theo giai đoạn và đơn vị
             Đơn vị            Nguồn  Bồi dưỡng  Thẩm tra lý   Kết nạp  Dự bị  Tổng
                                                 lịch
             ────────────────  ─────  ─────────  ────────────  ───────  ─────  ────
             Chi bộ Khu phố 3      1          1             1        1      1     5
             TỔNG CỘNG             1          1             1        1      1     5

             Hồ sơ theo trạng thái
             Trạng thái                Số hồ sơ
             ────────────────────────  ────────
             Cảm tình đảng                    1
             Đang học lớp bồi dưỡng           1
             Đang thẩm tra lý lịch            1

             Tab Báo cáo sau · x/Ctrl-X Xuất tệp · K/Ctrl-K Kỳ · f/F11 Chọn đơn vị · ? thêm
            """)
        check(try small([.char("r")], size: Self.big), 120, 40, "reports-120", """
             HoSo · Báo cáo                                                                              23/11/2026 · Thư ký chi bộ
             1 Chỉ tiêu │ 2 Tỷ lệ kết nạp │ 3 Báo cáo định kỳ │ 4 Tình hình hồ sơ
             Kỳ: Hiện nay (23/11/2026) (K) · Đơn vị: Tất cả đơn vị (f) · Xuất tệp: x
             MẬT
             Tài liệu mật: có thông tin cá nhân của quần chúng và đảng viên; không sao chép, không gửi qua mạng.

             TÌNH HÌNH HỒ SƠ HIỆN NAY
             Chi bộ Khu phố 3 — Ngày 23/11/2026 — lập ngày 23/11/2026

             Hồ sơ theo giai đoạn và đơn vị
             Đơn vị            Nguồn  Bồi dưỡng  Thẩm tra lý   Kết nạp  Dự bị  Tổng
                                                 lịch
             ────────────────  ─────  ─────────  ────────────  ───────  ─────  ────
             Chi bộ Khu phố 3      1          1             1        1      1     5
             TỔNG CỘNG             1          1             1        1      1     5

             Hồ sơ theo trạng thái
             Trạng thái                Số hồ sơ
             ────────────────────────  ────────
             Cảm tình đảng                    1
             Đang học lớp bồi dưỡng           1
             Đang thẩm tra lý lịch            1
             Đã có giới thiệu, ý kiến         1
             Đảng viên dự bị                  1

             Quá hạn: 5
             Mã hồ sơ  Họ và tên             Đơn vị            Nội dung                   Hạn
             ────────  ────────────────────  ────────────────  ─────────────────────────  ──────────
             HS-0002   Trần Văn Ánh          Chi bộ Khu phố 3  Báo cáo của người giúp đỡ  14/03/2024
             HS-0003   Lê Hoàng Đức          Chi bộ Khu phố 3  Báo cáo của người giúp đỡ  14/03/2024
             HS-0004   Phạm Thu Hà           Chi bộ Khu phố 3  Báo cáo của người giúp đỡ  14/03/2024
             HS-0001   Nguyễn Thị Minh Khai  Chi bộ Khu phố 3  Báo cáo của người giúp đỡ  14/03/2024
             HS-0005   Đỗ Quang Vinh         Chi bộ Khu phố 3  Báo cáo của người giúp đỡ  14/03/2024

             Chưa có người giúp đỡ: 0
             Mã hồ sơ  Họ và tên  Đơn vị  Nội dung  Từ ngày
             ────────  ─────────  ──────  ────────  ───────
             (không có)

             Tab Báo cáo sau · x/Ctrl-X Xuất tệp · K/Ctrl-K Kỳ · f/F11 Chọn đơn vị · Esc Quay lại · ? thêm
            """)
        check(try small([.char("?")]), 80, 24, "help-80", """
             HoSo · Bảng tiến độ                                 23/11/2026 · Thư ký chi bộ
             Hồ sơ đang theo dõi: 5   (Enter mở danh sách đã chọn)
             Ngu ┌─ Phím tắt ─────────────────────────────────────────────────────────┐   1
            ──── │ Lọc:                                                               │ ────
             Giớ │                                                                    │   1
             Cảm │ ←↑↓→       Chọn                                                    │   0
                 │ Enter      Mở danh sách                                            │
                 │ a/F3       Thêm hồ sơ                                              │
             Quá │ l/F2       Tất cả hồ sơ                                            │   1
             Sắp │ q/F10      Thoát                                                   │   0
             Chư │ D/F12      Đơn vị                                                  │   0
                 │ ?/F1       Trợ giúp: mọi phím                                      │
             Kết │ c/F6       Lớp bồi dưỡng                                           │
             Mục │ t/F7       Người giúp đỡ và ứng viên                               │
                 │ r/F8       Báo cáo                                                 │
             Tổn │ y/Ctrl-Y   Người dùng và vai trò                                   │  th…
                 │ F5/Ctrl-L  Tải lại dữ liệu                                         │
             Thê │ Ctrl-A     Về bảng tiến độ (từ bất cứ đâu)                         │
             Đơn │ ←/h        Cột trái                                                │
                 │ →          Cột phải                                                │
                 └───────────────────────────────────────────── ▼ còn 2 phím nữa (↓) ─┘


             gõ lọc · ↑↓ cuộn · Esc đóng
            """)
        check(try small([.char("l"), .function(1)] + "tim".map { Key.char($0) }, size: Self.big), 120, 40, "help-120", """
             HoSo · Danh sách: Tất cả hồ sơ                                                              23/11/2026 · Thư ký chi bộ
             Tất cả hồ sơ — 5 hồ sơ · sắp xếp: Họ và tên ▲
               │ Mã      │ Họ và tên ▲              │ Chi bộ             │ Trạng thái         │ Hạn tiếp theo   │ Người giúp đỡ
            !✗ │ HS-0002 │ Trần Văn Ánh             │ Chi bộ Khu phố 3   │ Thẩm tra           │ 14/03/2024      │ Trần Văn Hùng
            !✗ │ HS-0003 │ Lê Hoàng Đức             │ Chi bộ Khu phố 3   │ Đủ giới thiệu      │ 14/03/2024      │ Trần Văn Hùng
            !  │ HS-0004 │ Phạm Thu Hà              │ Chi bộ Khu phố 3   │ Học lớp            │ 14/03/2024      │ Trần Văn Hùng
            !  │ HS-0001 │ Nguyễn Thị Minh Khai     │ Chi bộ Khu phố 3   │ Cảm tình đảng      │ 14/03/2024      │ Trần Văn Hùng
            !  │ HS-0005 │ Đỗ Quang Vinh            │ Chi bộ Khu phố 3   │ Dự bị              │ 14/03/2024      │ Trần Văn Hùng









                                     ┌─ Phím tắt ─────────────────────────────────────────────────────────┐
                                     │ Lọc: tim                                                           │
                                     │                                                                    │
                                     │ /  Tìm                                                             │
                                     └────────────────────────────────────────────────────────────────────┘

















             gõ lọc · ↑↓ cuộn · Esc đóng
            """)
    }

    /// The list as the mentor Trần Văn Hùng sees it: only his three candidates, his name and role in the title.
    @Test func mentorList() throws {
        let data = AppFixtures.signedIn(try AppFixtures.twoMentorCell(), as: AppFixtures.people[1])
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24), .char("l")], into: &state)
        check(state, 80, 24, "mentor-list-80", """
             HoSo · Danh sách: Tất cả hồ sơ            Trần Văn Hùng (hung) · Người giúp đỡ
             Tất cả hồ sơ — 3 hồ sơ · sắp xếp: Họ và tên ▲
               │ Mã      │ Họ và tên ▲   │ Chi bộ    │ Trạng thái  │ Hạn tiếp … │ Người giú…
            !✗ │ HS-0002 │ Trần Văn Ánh  │ Khu phố 3 │ Thẩm tra    │ 14/03/2024 │ Trần Văn …
            !✗ │ HS-0003 │ Lê Hoàng Đức  │ Khu phố 3 │ Đủ ý kiến   │ 14/03/2024 │ Trần Văn …
            !  │ HS-0001 │ Nguyễn Thị M… │ Khu phố 3 │ Cảm tình    │ 14/03/2024 │ Trần Văn …

















             ↑↓ Chọn · Enter Mở hồ sơ · / Tìm · s/F9 Sắp xếp · f/F11 Lọc · ? thêm
            """)
    }

    /// The people screen of a clerk, the mentor Trần Văn Hùng selected.
    @Test func peopleScreen() throws {
        let data = AppFixtures.signedIn(try AppFixtures.twoMentorCell(), as: AppFixtures.people[0], people: AppFixtures.people)
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24), .ctrl("y"), .down], into: &state)
        check(state, 80, 24, "people-80", """
             HoSo · Người dùng và vai trò  23/11/2026 · Nguyễn Thị Lan (lan) · Thư ký hồ sơ
             5 người dùng · Enter cấp vai trò · Del/- thu hồi vai trò · + thêm người dùng
            Mã         │ Họ và tên          │ Tài khoản máy │ Đảng viên │ Vai trò
            lan        │ Nguyễn Thị Lan     │               │           │ Thư ký hồ sơ
            hung       │ Trần Văn Hùng      │               │ M001      │ Người giúp đỡ
            mai        │ Lê Thị Mai         │               │ M002      │ Người giúp đỡ
            bao        │ Phạm Quốc Bảo      │               │ M003      │ Cấp ủy
            captren    │ Võ Minh Cấp        │               │           │ Cấp trên (chỉ xem)

             Vai trò của Trần Văn Hùng (hung) — chưa đặt mật khẩu:
               • Người giúp đỡ — CB-KP3 — Chi bộ Khu phố 3










             Mật khẩu không đặt ở đây: dùng lệnh hoso people passphrase MÃ.

             ↑↓ Chọn · Enter Cấp vai trò · Del/- Thu hồi vai trò · ? thêm
            """)
    }
}
