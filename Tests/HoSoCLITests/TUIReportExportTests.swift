import Foundation
@testable import HoSoCLI
import HoSoApplication
import HoSoDomain
import HoSoStorage
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// The reports screen's export (x: the format and the folder, Ctrl-S): a new file in the folder, never over
/// another, and the status line says where.
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
        // r: reports, 1: quota, x: export, Ctrl-S: CSV (the first format) into the folder shown.
        space.press([.char("r"), .char("1"), .char("x")])
        guard case .form(let dialog)? = space.state.modal else { Issue.record("no export dialog"); return }
        #expect(dialog.form.fields.map(\.value) == [ReportExportFormat.csv.vietnamese, space.exports])
        space.press([.ctrl("s")])
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
        space.press([.char("x"), .ctrl("s")])
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(space.exports)/bao-cao-quota-2026-2.csv")
        #expect(try String(contentsOfFile: csvPath, encoding: .utf8) == csv)

        // XLSX, read back by openpyxl.
        space.press([.char("x"), .right, .ctrl("s")])
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
        space.press([.char("x"), .right, .right, .ctrl("s")])
        let html = try String(contentsOfFile: space.exports + "/bao-cao-quota-2026.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
    }

    @Test("A folder typed inside the data directory, or one that does not exist, is refused and the dialog comes back",
          arguments: ["data", "missing"])
    func aFolderThatCannotTakeTheExportIsRefused(folder: String) throws {
        let space = try Workspace()
        let typed = folder == "data" ? space.directory : space.exports + "/khong-co"
        space.press([.char("r"), .char("4"), .char("x"), .tab, .ctrl("u")] + typed.map { Key.char($0) } + [.ctrl("s")])
        guard case .message(let message)? = space.state.modal else {
            Issue.record("no popup: \(String(describing: space.state.status))")
            return
        }
        let text = message.lines.joined(separator: " ")
        #expect(text.contains(folder == "data" ? "thư mục dữ liệu HoSo" : "Không có thư mục \"\(typed)\". Chưa ghi gì."), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: typed + "/bao-cao-pipeline-2026-11-23.csv"))
        space.press([.enter])
        guard case .form(let dialog)? = space.state.modal else { Issue.record("the dialog is lost"); return }
        #expect(dialog.form.fields.last?.value == typed)
    }

    @Test func aFolderTypedInTheDialogTakesTheExportAndIsOfferedNextTime() throws {
        let space = try Workspace()
        let other = space.exports + "/gui-cap-tren"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        space.press([.char("r"), .char("4"), .char("x"), .right, .right, .tab, .ctrl("u")] + other.map { Key.char($0) } + [.ctrl("s")])
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(other)/bao-cao-pipeline-2026-11-23.html")
        #expect(FileManager.default.fileExists(atPath: other + "/bao-cao-pipeline-2026-11-23.html"))
        space.press([.char("x")])
        guard case .form(let dialog)? = space.state.modal else { Issue.record("no export dialog"); return }
        #expect(dialog.form.fields.last?.value == other)
    }

    /// Issue 17 item 4: x on a file (its sheet, a paper of its steps) and on the list ask the folder as the
    /// reports screen does: the last one used prefilled, the same refusals, the dialog back after one.
    @Test func aFileAndTheListWriteToTheLastFolderUsedAskedWithItPrefilled() throws {
        let space = try Workspace()
        let other = space.exports + "/gui-cap-tren"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        space.press([.char("r"), .char("4"), .char("x"), .tab, .ctrl("u")] + other.map { Key.char($0) } + [.ctrl("s"), .escape])
        space.press([.char("l"), .enter, .char("x"), .enter])
        guard case .form(let dialog)? = space.state.modal, case .paperExport(let id, nil) = dialog.purpose else {
            Issue.record("no folder dialog: \(String(describing: space.state.modal))")
            return
        }
        #expect(dialog.form.title == "Ghi tờ hồ sơ \(id.rawValue) ra tệp HTML")
        #expect(dialog.form.fields.map(\.value) == [other], "the folder of the last export")
        space.press([.ctrl("s")])
        let sheet = "\(other)/to-ho-so-\(id.rawValue).html"
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(sheet)")
        #expect(try String(contentsOfFile: sheet, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(!FileManager.default.fileExists(atPath: "\(space.exports)/to-ho-so-\(id.rawValue).html"), "not the default folder")

        // A folder that does not exist is refused as for a report, and the dialog comes back with it.
        let missing = space.exports + "/khong-co"
        space.press([.char("x"), .enter, .ctrl("u")] + missing.map { Key.char($0) } + [.ctrl("s")])
        guard case .message(let message)? = space.state.modal else { Issue.record("no refusal"); return }
        #expect(message.lines.joined(separator: " ").contains("Không có thư mục \"\(missing)\". Chưa ghi gì."))
        space.press([.enter])
        guard case .form(let back)? = space.state.modal else { Issue.record("the dialog is lost"); return }
        #expect(back.form.fields.map(\.value) == [missing])
        space.press([.ctrl("u")] + other.map { Key.char($0) } + [.ctrl("s")])
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(other)/to-ho-so-\(id.rawValue)-2.html")

        // x on the list: the format, then the same folder.
        space.press([.escape, .char("x"), .enter])
        guard case .form(let list)? = space.state.modal, case .listExport(.csv) = list.purpose else {
            Issue.record("no list folder dialog: \(String(describing: space.state.modal))")
            return
        }
        #expect(list.form.fields.map(\.value) == [other])
        space.press([.ctrl("s")])
        #expect(space.state.status?.text == "Đã ghi báo cáo vào \(other)/danh-sach-ho-so-2026-11-23.csv")
    }
}
