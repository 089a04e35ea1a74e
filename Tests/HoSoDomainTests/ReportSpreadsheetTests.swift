@testable import HoSoDomain
import Testing

@Suite("Reports as spreadsheets: cells typed from the Vietnamese text")
struct ReportSpreadsheetTests {
    @Test("Numbers, Vietnamese percentages and dates become numbers, fractions and dates; the rest stays text")
    func cellTypes() throws {
        #expect(ReportSpreadsheet.cell("1.234", numeric: true) == .number(1234))
        #expect(ReportSpreadsheet.cell("12", numeric: false) == .number(12))
        #expect(ReportSpreadsheet.cell("7,43 %", numeric: true) == .percent(0.0743))
        #expect(ReportSpreadsheet.cell("-100,0 %", numeric: true) == .percent(-1))
        #expect(ReportSpreadsheet.cell("09/04/2026", numeric: false) == .date(try CivilDate.typed("2026-04-09")))
        #expect(ReportSpreadsheet.cell("148*", numeric: true) == .text("148*"))
        #expect(ReportSpreadsheet.cell("079161790756", numeric: false) == .text("079161790756"), "a citizen ID keeps its leading zero")
        #expect(ReportSpreadsheet.cell("1.23", numeric: true) == .text("1.23"), "not a Vietnamese number")
        #expect(ReportSpreadsheet.cell("—", numeric: true) == .text("—"))
        #expect(ReportSpreadsheet.cell("  ", numeric: true) == .empty)
    }

    @Test("Dates count days from 30/12/1899 as spreadsheets do; columns are lettered; sheet names are legal and unique")
    func serialsReferencesAndNames() throws {
        #expect(ReportSpreadsheet.serial(try CivilDate.typed("2000-01-01")) == 36_526)
        #expect(ReportSpreadsheet.reference(column: 0, row: 4) == "A4")
        #expect(ReportSpreadsheet.reference(column: 27, row: 12) == "AB12")
        #expect(ReportSpreadsheet.sheetNames(["Quá hạn: 23/4", "Quá hạn: 23/4", "", String(repeating: "x", count: 40)])
                == ["Quá hạn 234", "Quá hạn 234 2", "Bảng 3", String(repeating: "x", count: 28)])
    }

    @Test("A sheet freezes the rows above the data, bolds totals, and holds the title rows")
    func sheetLayout() throws {
        let document = ReportDocument(
            title: "Tỷ lệ kết nạp", unitName: "Chi bộ Khu phố 3", periodLabel: "Năm 2026", date: try CivilDate.typed("2026-12-06"),
            tables: [ReportTable(title: "Tỷ lệ", columns: ["Đơn vị", "Tỷ lệ"], rows: [["Khu phố 3", "3,50 %"], ["TỔNG CỘNG", "3,50 %"]], totalRows: [1], numericColumns: [1])],
            confidential: true)
        let parts = ReportSpreadsheet.parts(document)
        #expect(parts.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let sheet = try #require(parts.last?.contents)
        #expect(sheet.contains("<pane ySplit=\"4\" topLeftCell=\"A5\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">MẬT</t></is></c>"))
        #expect(sheet.contains("<c r=\"B5\" s=\"4\"><v>0.035</v></c>"), "a percentage is a fraction in the percent style")
        #expect(sheet.contains("<c r=\"B6\" s=\"5\"><v>0.035</v></c>"), "the total's percentage is bold")
    }
}
