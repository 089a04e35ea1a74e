import Foundation
@testable import HoSoCLI
import HoSoApplication
import HoSoDomain
import HoSoStorage
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The reports screen's export (x, then the format): a new file in the export folder, never over another,
/// and the status line says where.
@Suite struct TUIReportExportTests {
    static let today = Fixtures.date("2026-11-23")

    final class Workspace {
        let directory = NSTemporaryDirectory() + "hoso-tui-export-\(UUID().uuidString)"
        let exports = NSTemporaryDirectory() + "hoso-tui-export-out-\(UUID().uuidString)"
        var runner: EffectRunner
        var state: AppState

        init() throws {
            let demo = DemoOrganisation.generate(caseCount: 30, seed: 3, today: TUIReportExportTests.today)
            let repository = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases,
                                                   actor: "test")
            try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
            runner = EffectRunner(service: CaseService(repository: repository), today: TUIReportExportTests.today, actor: "Thư ký")
            runner.exportFolder = exports
            state = AppState(data: runner.loadData())
            _ = AppReducer.reduce(&state, .key(.resize(width: 80, height: 24)))
        }

        deinit {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: exports)
        }

        /// Presses `keys` and runs what they ask, as the application's loop does.
        func press(_ keys: [Key]) {
            var pending = keys.flatMap { AppReducer.reduce(&state, .key($0)) }
            while !pending.isEmpty {
                let actions = runner.run(pending).actions
                pending = actions.flatMap { AppReducer.reduce(&state, $0) }
            }
        }
    }

    @Test func theQuotaReportGoesToCSVAndXLSXAndASecondExportTakesANewName() throws {
        let space = try Workspace()
        // r: reports, 1: quota, x: export, Enter: CSV (the first format).
        space.press([.char("r"), .char("1"), .char("x"), .enter])
        let csvPath = space.exports + "/bao-cao-quota-2026.csv"
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(csvPath)")
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        guard case .reports(let reports) = space.state.screen, var document = reports.document else {
            Issue.record("no reports screen")
            return
        }
        document.frame = ReportScope(organisation: space.state.data.organisation, cases: space.state.data.cases,
                                     today: Self.today).frame()
        // Byte for byte what `hoso report quota --format csv` writes (its BOM included).
        let bytes = try #require(FileManager.default.contents(atPath: csvPath))
        #expect(Array(bytes) == Array(ReportCSVRenderer.render(document).utf8))
        #expect(csv.hasPrefix("Bảng chỉ tiêu kết nạp đảng viên của các đơn vị\r\nĐảng ủy phường Xuân Hòa,Năm 2026,Ngày lập: 23/11/2026"))
        let mode = try FileManager.default.attributesOfItem(atPath: csvPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // The same again: a new name, the first file kept.
        space.press([.char("x"), .enter])
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(space.exports)/bao-cao-quota-2026-2.csv")
        #expect(try String(contentsOfFile: csvPath, encoding: .utf8) == csv)

        // XLSX, read back by openpyxl.
        space.press([.char("x"), .down, .enter])
        let xlsxPath = space.exports + "/bao-cao-quota-2026.xlsx"
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(xlsxPath)")
        let script = """
            import sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1]).active
            print([c for c in (cell.value for row in sheet.iter_rows() for cell in row) if isinstance(c, str) and c.startswith("BẢNG")][0])
            """
        let python = try ChildProcess.run(["/usr/bin/python3", "-c", script, xlsxPath])
        #expect(python.status == 0, "\(python.standardError)")
        #expect(python.standardOutput == "BẢNG CHỈ TIÊU KẾT NẠP ĐẢNG VIÊN CỦA CÁC ĐƠN VỊ\n")

        // HTML.
        space.press([.char("x"), .down, .down, .enter])
        let html = try String(contentsOfFile: space.exports + "/bao-cao-quota-2026.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
    }

    @Test func anExportIntoTheDataDirectoryIsRefusedAndSaysSo() throws {
        let space = try Workspace()
        space.runner.exportFolder = space.directory
        space.press([.char("r"), .char("4"), .char("x"), .enter])
        guard case .message(let message)? = space.state.modal else {
            Issue.record("no popup: \(String(describing: space.state.status))")
            return
        }
        #expect(message.lines.joined(separator: " ").contains("thư mục dữ liệu HoSo"))
        #expect(!FileManager.default.fileExists(atPath: space.directory + "/bao-cao-pipeline-2026-11-23.csv"))
    }
}
