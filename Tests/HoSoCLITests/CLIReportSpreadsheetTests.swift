import Foundation
import HoSoTestSupport
import Testing

/// The `.xlsx` read back by the two programs a clerk's office uses: openpyxl (what Excel would see: types,
/// formats, fonts, frozen panes) and LibreOffice set to English (US), which misread the CSV.
@Suite("hoso report --format xlsx, opened by openpyxl and LibreOffice")
struct CLIReportSpreadsheetTests {
    @Test("Percentages are numbers in a percent format, dates are dates, totals bold, the header frozen; English LibreOffice shows them right")
    func readBack() throws {
        let binary = try hosoExecutablePath()
        let data = HosoRun.temporaryDataDirectory()
        let folder = NSTemporaryDirectory() + "hoso-xlsx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try HosoRun.run(["demo", "--data", data, "--no-open", "--today", "2026-12-06"])
        let rate = folder + "/ty-le.xlsx"
        let pipeline = folder + "/ho-so.xlsx"
        try HosoRun.run(["report", "rate", "--year", "2026", "--today", "2026-12-06", "--format", "xlsx", "-o", rate, "--data", data])
        try HosoRun.run(["report", "pipeline", "--today", "2026-12-06", "--format", "xlsx", "-o", pipeline, "--data", data])

        let checker = """
            import sys, datetime, openpyxl
            rate = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            row = [c for c in rate[5]]
            print("freeze", rate.freeze_panes)
            print("title", rate["A2"].value, rate["A2"].font.b)
            print("percent", type(row[3].value).__name__, row[3].number_format)
            total = [c for c in rate[rate.max_row]]
            print("total", total[0].value, total[0].font.b, total[3].font.b)
            overdue = [ws for ws in openpyxl.load_workbook(sys.argv[2]).worksheets if ws.title.startswith("Quá hạn")][0]
            print("date", type(overdue["E5"].value).__name__, overdue["E5"].number_format)
            """
        let read = try ChildProcess.run(["/usr/bin/python3", "-c", checker, rate, pipeline])
        #expect(read.status == 0, "openpyxl (python3-openpyxl) must be installed: \(read.standardError)")
        let lines = read.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines == [
            "freeze A5", "title TỶ LỆ KẾT NẠP ĐẢNG VIÊN True", "percent float 0.00%", "total TỔNG CỘNG True True", "date datetime dd/mm/yyyy",
        ])

        // LibreOffice in English (US): the percentage reads 7.43 %, not text; the day stays first.
        let converted = try ChildProcess.run(
            ["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1",
             pipeline, rate, "--outdir", folder],
            environment: ["HOME": folder, "LANG": "C.UTF-8"], mergingStandardError: true)
        #expect(converted.status == 0, "LibreOffice (libreoffice-calc-nogui) must be installed: \(converted.standardOutput)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let rateCSV = try #require(files.first { $0.hasPrefix("ty-le") && $0.hasSuffix(".csv") })
        let rateText = try String(contentsOfFile: folder + "/" + rateCSV, encoding: .utf8)
        let rateTotal = try #require(rateText.split(separator: "\n").first { $0.hasPrefix("TỔNG CỘNG") })
        #expect(rateTotal.split(separator: ",")[3].hasSuffix("%") && rateTotal.split(separator: ",")[3].contains("."), "\(rateTotal)")
        let overdueCSV = try #require(files.first { $0.hasPrefix("ho-so-Quá hạn") })
        let overdue = try String(contentsOfFile: folder + "/" + overdueCSV, encoding: .utf8).split(separator: "\n")
        let due = String(overdue[4].split(separator: ",").last ?? "")
        #expect(due.range(of: #"^\d{2}/\d{2}/\d{4}$"#, options: .regularExpression) != nil, "\(due)")

        let toScreen = try ChildProcess.run([binary, "report", "rate", "--format", "xlsx", "--data", data])
        #expect(toScreen.status == 1 && toScreen.standardError.contains("hãy ghi ra tệp bằng -o"), "\(toScreen.standardError)")
    }
}
