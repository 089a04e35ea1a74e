import Foundation
import HoSoDomain
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The reports screen (issue 17 item 11): every report, with the period and unit chosen there, and the export.
@Suite struct ReportsScreenTests {
    func small(_ keys: [Key]) throws -> (AppState, [Effect]) {
        var state = AppState(data: try AppFixtures.smallCell())
        let effects = AppFixtures.press([.resize(width: 80, height: 24), .char("r")] + keys, into: &state)
        return (state, effects)
    }

    func reports(_ state: AppState) -> ReportsState? {
        if case .reports(let reports) = state.screen { return reports }
        Issue.record("no reports screen: \(state.screen)")
        return nil
    }

    func check(_ state: AppState, _ name: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let buffer = AppView.render(state, width: 80, height: 24)
        if let directory = ProcessInfo.processInfo.environment["HOSO_RECORD_DIR"] {
            try? buffer.text.write(toFile: "\(directory)/\(name).txt", atomically: true, encoding: .utf8)
        }
        assertSnapshot(buffer, expected, sourceLocation: sourceLocation)
    }

    @Test func quotaAt80Columns() throws {
        check(try small([.char("1")]).0, "reports-quota-80", """
             HoSo · Báo cáo                                      23/11/2026 · Thư ký chi bộ
             1 Chỉ tiêu │ 2 Tỷ lệ kết nạp │ 3 Báo cáo định kỳ │ 4 Tình hình hồ sơ
             Kỳ: Năm 2026 (K) · Đơn vị: Tất cả đơn vị (f) · Xuất tệp: x
             BẢNG CHỈ TIÊU KẾT NẠP ĐẢNG VIÊN CỦA CÁC ĐƠN VỊ
             Chi bộ Khu phố 3 — Năm 2026 — lập ngày 23/11/2026

             Chỉ tiêu và kết quả kết nạp
             Chưa xếp khối
             Chi bộ Khu phố 3
               Tổng số đảng viên               9*
               Chỉ tiêu kết nạp                không có số liệu
               Tổng số nguồn hiện có           4
               Đã kết nạp năm 2025             0
               Chỉ tiêu kết nạp năm 2026       không có số liệu
               Đã kết nạp tính đến 23/11/2026  0
               Tổng cộng bổ sung               không có số liệu
               Cảnh báo
             Cộng Chưa xếp khối
               Tổng số đảng viên               9*
               Chỉ tiêu kết nạp                không có số liệu
               Tổng số nguồn hiện có           4
               Đã kết nạp năm 2025             0

             Tab Báo cáo sau · x/Ctrl-X Xuất tệp · K/Ctrl-K Kỳ · f/F11 Chọn đơn vị · ? thêm
            """)
    }

    @Test func rateAt80Columns() throws {
        check(try small([.char("2")]).0, "reports-rate-80", """
             HoSo · Báo cáo                                      23/11/2026 · Thư ký chi bộ
             1 Chỉ tiêu │ 2 Tỷ lệ kết nạp │ 3 Báo cáo định kỳ │ 4 Tình hình hồ sơ
             Kỳ: Năm 2026 (K) · Đơn vị: Tất cả đơn vị (f) · Xuất tệp: x
             TỶ LỆ KẾT NẠP ĐẢNG VIÊN
             Chi bộ Khu phố 3 — Năm 2026 — lập ngày 23/11/2026

             Tỷ lệ kết nạp
             Chi bộ Khu phố 3
               Đảng viên đầu năm 2026          9*
               Đã kết nạp tính đến 23/11/2026  0
               Tỷ lệ kết nạp                   0,00 %
               Chỉ tiêu năm 2026               không có số liệu
               Đạt % chỉ tiêu                  —
               Bổ sung chỉ tiêu                không có số liệu
               Nguồn hiện có                   4
               Đánh giá (mục tiêu 3–4 %)       Chưa đánh giá (tính đến 23/11/2026)
             TỔNG CỘNG
               Đảng viên đầu năm 2026          9*
               Đã kết nạp tính đến 23/11/2026  0
               Tỷ lệ kết nạp                   0,00 %
               Chỉ tiêu năm 2026               không có số liệu
               Đạt % chỉ tiêu                  —

             Tab Báo cáo sau · x/Ctrl-X Xuất tệp · K/Ctrl-K Kỳ · f/F11 Chọn đơn vị · ? thêm
            """)
    }

    @Test func periodAt80Columns() throws {
        check(try small([.char("3")]).0, "reports-period-80", """
             HoSo · Báo cáo                                      23/11/2026 · Thư ký chi bộ
             1 Chỉ tiêu │ 2 Tỷ lệ kết nạp │ 3 Báo cáo định kỳ │ 4 Tình hình hồ sơ
             Kỳ: Năm 2026 (K) · Đơn vị: Tất cả đơn vị (f) · Xuất tệp: x
             BÁO CÁO CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN
             Chi bộ Khu phố 3 — Năm 2026 — lập ngày 23/11/2026

             Tình hình trong kỳ
             Nội dung                             Năm 2026      Cùng kỳ           Tăng/giảm
                                                  (tính đến     (1/1–23/11/2025)
                                                  23/11/2026)
             ───────────────────────────────────  ────────────  ────────────────  ─────────
             Kết nạp đảng viên                               0                 0          —
             Công nhận đảng viên chính thức                  0                 0          —
             Đưa ra khỏi danh sách cảm tình đảng             0                 0          —
             Xóa tên đảng viên dự bị                         0                 0          —

             Đảng viên mới kết nạp trong kỳ: 0
             Tiêu chí       Nhóm            Năm 2026      Tỷ lệ  Cùng kỳ           Tăng/giảm
                                            (tính đến            (1/1–23/11/2025)
                                            23/11/2026)
             ─────────────  ──────────────  ────────────  ─────  ────────────────  ─────────
             Tổng số                                   0                        0          —

             Tab Báo cáo sau · x/Ctrl-X Xuất tệp · K/Ctrl-K Kỳ · f/F11 Chọn đơn vị · ? thêm
            """)
    }

    /// The pipeline at 80 columns is pinned in AppSnapshotTests ("reports-80"): the screen opens on it, and 4
    /// comes back to it after another report.
    @Test func fourComesBackToThePipelineTheScreenOpensOn() throws {
        let opened = AppView.render(try small([]).0, width: 80, height: 24).text
        #expect(AppView.render(try small([.char("1"), .char("4")]).0, width: 80, height: 24).text == opened)
        #expect(opened.components(separatedBy: "\n")[3] == " MẬT")
    }

    @Test func keysSwitchTheReportThePeriodAndTheUnit() throws {
        var (state, effects) = try small([])
        #expect(effects.isEmpty)
        #expect(reports(state)?.kind == .pipeline)
        AppFixtures.press([.char("1")], into: &state)
        #expect(reports(state)?.kind == .quota)
        #expect(reports(state)?.lines.first == "BẢNG CHỈ TIÊU KẾT NẠP ĐẢNG VIÊN CỦA CÁC ĐƠN VỊ")
        AppFixtures.press([.tab], into: &state)
        #expect(reports(state)?.kind == .rate)
        AppFixtures.press([.backTab, .backTab], into: &state)
        #expect(reports(state)?.kind == .pipeline)
        AppFixtures.press([.char("3")], into: &state)
        #expect(reports(state)?.kind == .period)

        // p: the periods of this year and the two before; ↓ ↓ Enter takes the second half of 2026.
        AppFixtures.press([.char("K")], into: &state)
        guard case .picker(let periods)? = state.modal else { Issue.record("no period picker"); return }
        #expect(periods.options.prefix(8) == ["Năm 2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "Quý I năm 2026",
                                              "Quý II năm 2026", "Quý III năm 2026", "Quý IV năm 2026", "Năm 2025"])
        #expect(periods.options.count == 21)
        AppFixtures.press([.down, .down, .enter], into: &state)
        #expect(reports(state)?.period == ReportPeriod(span: .h2, year: 2026))
        #expect(reports(state)?.lines.dropFirst().first == "Chi bộ Khu phố 3 — 6 tháng cuối năm 2026 — lập ngày 23/11/2026")
        // ← and - go a year back, → and + a year on, the span kept.
        AppFixtures.press([.left, .left, .char("["), .right, .char("]")], into: &state)
        #expect(reports(state)?.period == ReportPeriod(span: .h2, year: 2025))
        AppFixtures.press([.char("]")], into: &state)
        #expect(reports(state)?.period == ReportPeriod(span: .h2, year: 2026))

        // f: every unit or one; the first is "Tất cả đơn vị".
        AppFixtures.press([.char("f")], into: &state)
        guard case .picker(let units)? = state.modal else { Issue.record("no unit picker"); return }
        #expect(units.options.first == "Tất cả đơn vị")
        AppFixtures.press([.down, .enter], into: &state)
        let unit = state.data.organisation.sortedUnits[0]
        #expect(reports(state)?.unit == unit.id)
        let header = AppView.render(state, width: 80, height: 24).text.components(separatedBy: "\n")[2]
        #expect(header == " Kỳ: 6 tháng cuối năm 2026 (K) · Đơn vị: \(unit.name) (f) · Xuất tệp: x")

        // x: the format and the folder; Ctrl-S asks the runner to write the report in its frame there.
        AppFixtures.press([.char("x")], into: &state)
        guard case .form(let dialog)? = state.modal, case .choice(let formats) = dialog.form.fields[0].kind else {
            Issue.record("no export dialog")
            return
        }
        #expect(formats == ["CSV (văn bản, dấu phẩy)", "XLSX (bảng tính Excel, LibreOffice)",
                            "HTML (để in, trong thể thức văn bản)"])
        #expect(dialog.form.fields[1].label == "Thư mục" && dialog.form.fields[1].value == "~")
        let export = AppFixtures.press([.ctrl("s")], into: &state)
        guard case .exportReport(let document, let format, let stem, let folder)? = export.first else {
            Issue.record("no export: \(export)")
            return
        }
        #expect(format == .csv && folder == "~")
        #expect(stem == "bao-cao-period-\(unit.id.rawValue)-2026-H2")
        #expect(document.frame != nil)
    }

    /// A viewer (a committee above) sees the pipeline's counts, and exports the same: no name leaves with it.
    @Test func aViewerExportsThePipelinesCountsOnly() throws {
        let viewer = AppFixtures.people[4]
        let data = AppFixtures.signedIn(try AppFixtures.twoMentorCell(), as: viewer, people: AppFixtures.people)
        var state = AppState(data: data)
        let effects = AppFixtures.press([.resize(width: 80, height: 24), .char("r"), .char("4"), .char("x"), .ctrl("s")], into: &state)
        guard case .exportReport(let document, .csv, let stem, _)? = effects.first, effects.count == 1 else {
            Issue.record("no export: \(effects)")
            return
        }
        #expect(stem == "bao-cao-pipeline-2026-11-23")
        #expect(!document.confidential)
        let csv = ReportCSVRenderer.render(document)
        for row in state.index.rows { #expect(!csv.contains(row.file.person.fullName)) }
        #expect(csv.contains("Cần theo dõi"))
    }
}
