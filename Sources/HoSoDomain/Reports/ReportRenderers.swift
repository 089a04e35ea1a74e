import Foundation

/// Plain text for the terminal: columns aligned by display width, totals marked.
public enum ReportTextRenderer {
    /// The document as text; with `width`, each table narrows its widest text columns (names, units,
    /// contents: cut with "…") until it fits, so that a date or a number at the right stays on the screen.
    ///
    /// `recordsWhenTooWide`: a table that cannot fit `width` even narrowed (the quota table's 10 columns at
    /// 80) is printed as records instead — each row's unit on a line, then one line per column, "title  value"
    /// — so that every figure stays readable on a narrow terminal.
    public static func render(_ document: ReportDocument, width: Int? = nil, recordsWhenTooWide: Bool = false) -> String {
        var out = document.confidential ? "\(ReportDocument.confidentialMark)\n\(ReportDocument.confidentialNotice)\n\n" : ""
        let frame = document.frame.map(FrameText.init)
        if let frame { out += frame.header + "\n" }
        out += "\(document.title.uppercased())\n\(document.unitName) — \(document.periodLabel) — lập ngày \(document.date.vietnamese)\n"
        for paragraph in document.body { out += "\n" + sanitized(paragraph) + "\n" }
        for table in document.tables {
            out += "\n" + table.title + "\n"
            let natural = naturalWidths(table)
            let widths = width.map { fitted(natural, numeric: table.numericColumns, into: $0) } ?? natural
            if recordsWhenTooWide, let width, widths.reduce(0, +) + 2 * max(0, widths.count - 1) > width {
                out += records(table, width: width)
                continue
            }
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
        if let frame { out += "\n" + frame.signature }
        return out
    }

    /// `table` as records for a narrow screen: each row's heading (its number and unit, up to the first text
    /// column) on a line, then each further column as "title  value", the titles aligned. A row with nothing
    /// beyond its heading (a group's name) is the heading alone.
    /// What the block layout prints for a figure the data does not give.
    public static let noData = "không có số liệu"

    static func records(_ table: ReportTable, width: Int) -> String {
        let key = table.columns.indices.first { !table.numericColumns.contains($0) } ?? 0
        let rest = table.columns.indices.filter { $0 > key }
        let labels = table.columns.map(sanitized)
        let longest = rest.map { DisplayWidth.columns(of: labels[$0]) }.max() ?? 0
        let labelWidth = max(1, min(longest, width - 18))
        var out = ""
        for row in table.rows {
            func cell(_ column: Int) -> String { sanitized(column < row.count ? row[column] : "") }
            let heading = (0...key).map(cell).filter { !$0.isEmpty }.joined(separator: ". ")
            out += DisplayWidth.truncated(heading, toColumns: width) + "\n"
            guard rest.contains(where: { !cell($0).isEmpty }) else { continue }
            for column in rest {
                // An empty figure is one the data does not give (a target nobody set), not a blank to skip.
                let value = cell(column).isEmpty && table.numericColumns.contains(column) ? noData : cell(column)
                let line = "  " + DisplayWidth.padded(labels[column], toColumns: labelWidth) + "  " + value
                out += DisplayWidth.truncated(line, toColumns: width).trimmingTrailingSpaces() + "\n"
            }
        }
        if table.rows.isEmpty { out += "(không có)\n" }
        return out
    }

    /// The columns each column of `table` takes when nothing forces it narrower: its widest cell, the
    /// longest word of its title (titles wrap), or the title's first `titleWidth` columns; at most 40.
    public static func naturalWidths(_ table: ReportTable, titleWidth: Int = 12) -> [Int] {
        table.columns.indices.map { column in
            let data = table.rows.map { DisplayWidth.columns(of: sanitized(column < $0.count ? $0[column] : "")) }.max() ?? 0
            let longestWord = table.columns[column].split(separator: " ").map { DisplayWidth.columns(of: String($0)) }.max() ?? 0
            return min(40, max(data, longestWord, min(DisplayWidth.columns(of: table.columns[column]), titleWidth)))
        }
    }

    /// The frame of a party document as two columns of text: the issuing body left, the party's name and
    /// the place and date right; at the end the recipients left and the signature right.
    public struct FrameText {
        public let header: String
        public let signature: String

        public init(_ frame: DocumentFrame) {
            /// The lines centred on each other, as the blocks of the frame are printed.
            func centred(_ lines: [String]) -> [String] {
                let width = lines.map { DisplayWidth.columns(of: $0) }.max() ?? 0
                return lines.map { String(repeating: " ", count: (width - DisplayWidth.columns(of: $0)) / 2) + $0 }
            }
            let headerLeft = centred(([frame.superior, frame.issuer, "*", frame.numberLine].compactMap { $0 }).map(sanitized))
            let recipients = [DocumentFrame.recipientsLabel] + frame.recipientLines.map(sanitized)
            let column = max(40, ((headerLeft + recipients).map { DisplayWidth.columns(of: $0) }.max() ?? 0) + 4)
            func columns(_ left: [String], _ right: [String]) -> String {
                (0..<max(left.count, right.count)).map { index in
                    let leftText = index < left.count ? left[index] : ""
                    let rightText = index < right.count ? right[index] : ""
                    return (DisplayWidth.padded(leftText, toColumns: column) + rightText).trimmingTrailingSpaces() + "\n"
                }.joined()
            }
            header = columns(headerLeft, centred([DocumentFrame.party, sanitized(frame.placeAndDate)]))
            signature = columns(
                recipients, centred(([frame.authority, frame.signerTitle] + (frame.signer.map { ["", "", $0] } ?? [])).map(sanitized)))
        }
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

/// Printable A4 landscape pages: the frame of a party document (or, without one, the unit's name and the
/// date), the tables with fixed column widths, the totals in bold, the page numbers, and on a
/// confidential report MẬT on every page.
public enum ReportHTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        let secret = ReportDocument.confidentialMark
        // Printed in the page's margin: the number of every page and, on a confidential report, MẬT on
        // every page after the first (the first has it under the number line).
        var pageRules = "@bottom-center { content: \"Trang \" counter(page) \"/\" counter(pages); font-size: 10pt; }"
        if document.confidential { pageRules += " @top-right { content: \"\(secret)\"; font-weight: bold; font-size: 13pt; }" }
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title)) — \(escape(document.unitName))</title>
            <style>
            @page { size: A4 \(document.portrait ? "portrait" : "landscape"); margin: 15mm 15mm 15mm 20mm; \(pageRules) }
            \(document.confidential ? "@page :first { @top-right { content: none; } }\n" : "")\
            body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; color: #000; margin: 0; }
            header { display: flex; justify-content: space-between; }
            header.frame p { margin: 0; text-align: center; }
            header.frame .name { font-weight: bold; }
            header.frame .number { white-space: pre; }
            header.frame .place { font-style: italic; margin-top: 2mm; }
            h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 6mm 0 1mm; }
            p.period { text-align: center; margin: 0 0 4mm; }
            h2 { font-size: 12pt; margin: 4mm 0 1mm; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; page-break-inside: auto; font-size: 9pt; line-height: 1.1; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { border: 1px solid #000; padding: 0.2mm 1mm; vertical-align: top; }
            td { overflow-wrap: anywhere; }
            th { background: #eee; font-weight: bold; vertical-align: middle; }
            td.number { text-align: right; }
            .secret { font-weight: bold; font-size: 13pt; border: 2px solid #000; padding: 0 3mm; display: inline-block; }
            tr.total td { font-weight: bold; }
            ul.notes { font-size: 10pt; margin: 2mm 0; }
            p.body { text-align: justify; text-indent: 10mm; margin: 0 0 2mm; font-size: 13pt; }
            footer { display: flex; justify-content: space-between; page-break-inside: avoid; margin-top: 6mm; }
            footer p { margin: 0; }
            footer .recipients { font-size: 10pt; }
            footer .label { font-style: italic; text-decoration: underline; font-weight: bold; font-size: 12pt; }
            footer .signer { text-align: center; font-weight: bold; min-width: 80mm; }
            footer .signer .space { height: 20mm; }
            </style>
            </head>
            <body>

            """
        if let frame = document.frame {
            html += "<header class=\"frame\">\n<div class=\"issuer\">\n"
            if let superior = frame.superior { html += "<p>\(escape(superior))</p>\n" }
            html += "<p class=\"name\">\(escape(frame.issuer))</p>\n<p>*</p>\n<p class=\"number\">\(escape(frame.numberLine))</p>\n"
            if document.confidential { html += "<p><span class=\"secret\">\(secret)</span></p>\n" }
            html += "</div>\n<div class=\"party\">\n<p class=\"name\"><u>\(DocumentFrame.party)</u></p>\n"
            html += "<p class=\"place\">\(escape(frame.placeAndDate))</p>\n</div>\n</header>\n"
            if document.confidential { html += "<p>\(escape(ReportDocument.confidentialNotice))</p>\n" }
        } else {
            if document.confidential {
                html += "<p><span class=\"secret\">\(secret)</span> \(escape(ReportDocument.confidentialNotice))</p>\n"
            }
            html += "<header><div>\(escape(document.unitName))</div>"
                + "<div>Ngày \(document.date.day) tháng \(document.date.month) năm \(document.date.year)</div></header>\n"
        }
        html += "<h1>\(escape(document.title))</h1>\n"
        html += "<p class=\"period\">\(escape(document.frame == nil ? document.periodLabel : document.unitName + " — " + document.periodLabel))</p>\n"
        html += document.body.map { "<p class=\"body\">\(escape($0))</p>\n" }.joined()
        for table in document.tables {
            html += "<section>\n<h2>\(escape(table.title))</h2>\n<table>\n<colgroup>"
            // Fixed widths, in proportion to each column's widest cell or the longest word of its title (a
            // title wraps, a row does not), with room for the padding.
            let widths = ReportTextRenderer.naturalWidths(table, titleWidth: 8).map { max($0, 3) + 2 }
            let sum = max(1, widths.reduce(0, +))
            html += widths.map { width in
                let permille = width * 1000 / sum
                return "<col style=\"width: \(permille / 10).\(permille % 10)%\">"
            }.joined()
            html += "</colgroup>\n<thead><tr>"
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
            html += "<ul class=\"notes\">\n" + document.notes.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        if let frame = document.frame {
            html += "<footer>\n<div class=\"recipients\">\n<p class=\"label\">\(DocumentFrame.recipientsLabel)</p>\n"
            html += frame.recipientLines.map { "<p>\(escape($0))</p>\n" }.joined()
            html += "</div>\n<div class=\"signer\">\n<p>\(escape(frame.authority))</p>\n<p>\(escape(frame.signerTitle))</p>\n"
            html += "<p class=\"space\"></p>\n<p>\(escape(frame.signer ?? ""))</p>\n</div>\n</footer>\n"
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
