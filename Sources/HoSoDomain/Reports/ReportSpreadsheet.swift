import Foundation

/// A report as an Office Open XML workbook (the parts of an `.xlsx`, zipped by the caller): one sheet per
/// table, under the report's title rows; numbers as numbers, percentages as fractions with a percent format,
/// dates as dates with a day/month/year format, totals bold, column widths, the header row frozen. A
/// spreadsheet then shows the same figures in every locale — a CSV's "7,43 %" is text to an English
/// LibreOffice, and its "09/04/2026" becomes 4 September.
public enum ReportSpreadsheet {
    /// One typed cell.
    enum Cell: Equatable {
        case text(String)
        case number(Double)
        case percent(Double)
        case date(CivilDate)
        case empty
    }

    /// The rows above every table: MẬT (when confidential), the title, the unit and period, the header.
    static let headerRow = 4

    /// The parts of the workbook by path inside the archive.
    public static func parts(_ document: ReportDocument) -> [(path: String, contents: String)] {
        let tables = document.tables.isEmpty ? [ReportTable(title: document.title, columns: [""], rows: [])] : document.tables
        let names = sheetNames(tables.map(\.title))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets: tables.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: tables.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet(table, of: document)))
        }
        return parts
    }

    /// What a report's cell text is: the renderers' Vietnamese forms read back ("1.234", "7,43 %", "09/04/2026").
    static func cell(_ text: String, numeric: Bool) -> Cell {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .empty }
        if trimmed.hasSuffix("%"), let value = number(String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces)) {
            return .percent((value / 100 * 1e10).rounded() / 1e10)
        }
        if let date = try? CivilDate.typed(trimmed), trimmed.count == 10, trimmed.contains("/") { return .date(date) }
        if numeric, let value = number(trimmed) { return .number(value) }
        if let value = number(trimmed), !trimmed.hasPrefix("0") || trimmed == "0" { return .number(value) }
        return .text(text)
    }

    /// "1.234", "-12", "3,5" as numbers; anything else nil.
    static func number(_ text: String) -> Double? {
        var digits = ""
        var seenComma = false
        for (index, character) in text.enumerated() {
            switch character {
            case "-" where index == 0: digits.append("-")
            case "0"..."9": digits.append(character)
            case ".": continue
            case "," where !seenComma:
                seenComma = true
                digits.append(".")
            default: return nil
            }
        }
        // A dot groups thousands: "1.234" yes, "1.23" (a decimal written the English way) no.
        let groups = text.split(separator: ",").first?.split(separator: ".", omittingEmptySubsequences: false) ?? []
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) { return nil }
        guard digits.contains(where: \.isNumber) else { return nil }
        return Double(digits)
    }

    /// Days since 30/12/1899, the spreadsheet's day 0.
    static func serial(_ date: CivilDate) -> Int { date.julianDay - spreadsheetEpoch }

    /// The julian day of 30/12/1899.
    private static let spreadsheetEpoch = 2_415_019

    private static func sheet(_ table: ReportTable, of document: ReportDocument) -> String {
        var rows: [String] = []
        func row(_ number: Int, _ cells: [String]) -> String {
            "<row r=\"\(number)\">" + cells.joined() + "</row>"
        }
        rows.append(row(1, [inline(document.confidential ? ReportDocument.confidentialMark : "", at: "A1", style: 1)]))
        rows.append(row(2, [inline(document.title.uppercased(), at: "A2", style: 1)]))
        rows.append(row(3, [inline("\(document.unitName) — \(document.periodLabel) — lập ngày \(document.date.vietnamese)", at: "A3", style: 0)]))
        rows.append(row(headerRow, table.columns.enumerated().map { inline($1, at: reference(column: $0, row: headerRow), style: 1) }))
        for (index, values) in table.rows.enumerated() {
            let number = headerRow + 1 + index
            let bold = table.totalRows.contains(index)
            let cells = table.columns.indices.map { column -> String in
                let text = column < values.count ? values[column] : ""
                let at = reference(column: column, row: number)
                switch cell(text, numeric: table.numericColumns.contains(column)) {
                case .empty: return ""
                case .text(let value): return inline(value, at: at, style: bold ? 1 : 0)
                case .number(let value): return "<c r=\"\(at)\" s=\"\(bold ? 3 : 2)\"><v>\(format(value))</v></c>"
                case .percent(let value): return "<c r=\"\(at)\" s=\"\(bold ? 5 : 4)\"><v>\(format(value))</v></c>"
                case .date(let date): return "<c r=\"\(at)\" s=\"\(bold ? 7 : 6)\"><v>\(serial(date))</v></c>"
                }
            }
            rows.append(row(number, cells))
        }
        let widths = ReportTextRenderer.naturalWidths(table, titleWidth: 12).enumerated().map { column, width in
            "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(max(width, 6) + 2)\" customWidth=\"1\"/>"
        }
        return xmlHeader
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(headerRow)\" topLeftCell=\"A\(headerRow + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<cols>" + widths.joined() + "</cols>"
            + "<sheetData>" + rows.joined() + "</sheetData>"
            + "</worksheet>"
    }

    private static func inline(_ text: String, at reference: String, style: Int) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\" s=\"\(style)\"><is><t xml:space=\"preserve\">\(escape(VietnameseText.sanitizedForDisplay(text)))</t></is></c>"
    }

    /// "A4", "AB12": columns are letters from A.
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var index = column + 1
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters + String(row)
    }

    /// A whole number without ".0"; a fraction to ten places, so 7,43 % is 0.0743 and not 0.07429999999999999.
    private static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 1e10).rounded() / 1e10)
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetNames(_ titles: [String]) -> [String] {
        var used: Set<String> = []
        return titles.enumerated().map { index, title in
            var name = String(title.filter { !"[]:*?/\\".contains($0) }.prefix(28)).trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = "Bảng \(index + 1)" }
            var candidate = name
            var suffix = 2
            while !used.insert(candidate.lowercased()).inserted {
                candidate = name + " \(suffix)"
                suffix += 1
            }
            return candidate
        }
    }

    private static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static func contentTypes(sheets: Int) -> String {
        xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...sheets).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "</Types>"
    }

    private static let rootRelationships = xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbook(_ names: [String]) -> String {
        xmlHeader + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheets: Int) -> String {
        xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...sheets).map {
                "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Styles by index: 0 text, 1 bold text, 2 number, 3 bold number, 4 percent, 5 bold percent, 6 date, 7 bold date.
    private static let styles = xmlHeader
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.00%\"/><numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"8\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    private static func escape(_ text: String) -> String { ReportHTMLRenderer.escape(text) }
}
