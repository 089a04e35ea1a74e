import Foundation

/// Plain text for the terminal: columns aligned by display width, totals marked.
public enum ReportTextRenderer {
    /// The document as text; with `width`, each table narrows its widest text columns (names, units,
    /// contents: cut with "…") until it fits, so that a date or a number at the right stays on the screen.
    public static func render(_ document: ReportDocument, width: Int? = nil) -> String {
        var out = document.confidential ? "\(ReportDocument.confidentialMark)\n\(ReportDocument.confidentialNotice)\n\n" : ""
        out += "\(document.title.uppercased())\n\(document.unitName) — \(document.periodLabel) — lập ngày \(document.date.vietnamese)\n"
        for table in document.tables {
            out += "\n" + table.title + "\n"
            let natural = table.columns.indices.map { column in
                let data = table.rows.map { DisplayWidth.columns(of: sanitized(column < $0.count ? $0[column] : "")) }.max() ?? 0
                let longestWord = table.columns[column].split(separator: " ").map { DisplayWidth.columns(of: String($0)) }.max() ?? 0
                return min(40, max(data, longestWord, min(DisplayWidth.columns(of: table.columns[column]), 12)))
            }
            let widths = width.map { fitted(natural, numeric: table.numericColumns, into: $0) } ?? natural
            // Long titles wrap onto several lines so the numbers stay narrow.
            let headerLines = table.columns.indices.map { wrap(sanitized(table.columns[$0]), width: widths[$0]) }
            for lineIndex in 0..<(headerLines.map(\.count).max() ?? 0) {
                let cells = widths.indices.map { column in
                    DisplayWidth.padded(lineIndex < headerLines[column].count ? headerLines[column][lineIndex] : "", toColumns: widths[column])
                }
                out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            }
            out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            for row in table.rows {
                let cells = widths.indices.map { column -> String in
                    let text = sanitized(column < row.count ? row[column] : "")
                    let width = widths[column]
                    if table.numericColumns.contains(column) {
                        let shown = DisplayWidth.truncated(text, toColumns: width)
                        return String(repeating: " ", count: max(0, width - DisplayWidth.columns(of: shown))) + shown
                    }
                    return DisplayWidth.padded(text, toColumns: width)
                }
                out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            }
            if table.rows.isEmpty { out += "(không có)\n" }
        }
        if !document.notes.isEmpty { out += "\n" + document.notes.map { "• " + sanitized($0) }.joined(separator: "\n") + "\n" }
        return out
    }

    static func sanitized(_ text: String) -> String { VietnameseText.sanitizedForDisplay(text) }

    /// `widths` with the widest text column narrowed, one column at a time, until the table (two spaces
    /// between columns) takes at most `total` columns or no text column can narrow further.
    static func fitted(_ widths: [Int], numeric: Set<Int>, into total: Int) -> [Int] {
        let narrowest = 6
        var widths = widths
        while widths.reduce(0, +) + 2 * max(0, widths.count - 1) > total {
            let text = widths.indices.filter { !numeric.contains($0) && widths[$0] > narrowest }
            guard let widest = text.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// Words of `text` on lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.columns(of: candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// CSV that Excel and LibreOffice open with the diacritics intact: UTF-8 with a byte-order mark, CRLF,
/// RFC 4180 quoting. The tables follow each other, each under its title, separated by an empty line.
public enum ReportCSVRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var records: [[String]] = document.confidential
            ? [[ReportDocument.confidentialMark, ReportDocument.confidentialNotice]] : []
        records += [[document.title], [document.unitName, document.periodLabel, "Ngày lập: \(document.date.vietnamese)"]]
        for table in document.tables {
            records.append([])
            records.append([table.title])
            records.append(table.columns)
            records += table.rows
        }
        if !document.notes.isEmpty {
            records.append([])
            records += document.notes.map { [$0] }
        }
        return "\u{FEFF}" + records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing spaces.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// A printable A4 page: the unit's name and the date on top, the tables, the totals in bold.
public enum ReportHTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title)) — \(escape(document.unitName))</title>
            <style>
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: "Times New Roman", serif; font-size: 11pt; color: #000; }
            header { display: flex; justify-content: space-between; }
            h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 8mm 0 2mm; }
            p.period { text-align: center; margin: 0 0 6mm; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm; }
            table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { border: 1px solid #000; padding: 1mm 2mm; vertical-align: top; }
            th { background: #eee; }
            td.number { text-align: right; }
            .secret { font-weight: bold; font-size: 14pt; border: 2px solid #000; padding: 1mm 4mm; display: inline-block; }
            tr.total td { font-weight: bold; }
            </style>
            </head>
            <body>
            \(document.confidential ? "<p><span class=\"secret\">\(ReportDocument.confidentialMark)</span> \(escape(ReportDocument.confidentialNotice))</p>" : "")
            <header><div>\(escape(document.unitName))</div><div>Ngày \(document.date.day) tháng \(document.date.month) năm \(document.date.year)</div></header>
            <h1>\(escape(document.title))</h1>
            <p class="period">\(escape(document.periodLabel))</p>

            """
        for table in document.tables {
            html += "<section>\n<h2>\(escape(table.title))</h2>\n<table>\n<thead><tr>"
            html += table.columns.map { "<th>\(escape($0))</th>" }.joined()
            html += "</tr></thead>\n<tbody>\n"
            for (index, row) in table.rows.enumerated() {
                html += table.totalRows.contains(index) ? "<tr class=\"total\">" : "<tr>"
                for column in table.columns.indices {
                    let text = column < row.count ? row[column] : ""
                    html += table.numericColumns.contains(column) ? "<td class=\"number\">\(escape(text))</td>" : "<td>\(escape(text))</td>"
                }
                html += "</tr>\n"
            }
            if table.rows.isEmpty { html += "<tr><td colspan=\"\(table.columns.count)\">Không có</td></tr>\n" }
            html += "</tbody>\n</table>\n</section>\n"
        }
        if !document.notes.isEmpty {
            html += "<ul>\n" + document.notes.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// Escapes the five characters that could end a text node or an attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
