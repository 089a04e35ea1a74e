import Foundation

/// Reads the unit-quota table as district committees publish it (seed 002's appendix): a header row,
/// sector rows ("KHỐI PHƯỜNG"), unit rows, "TỔNG CỘNG (n)" subtotal rows and headers repeated between
/// pages, tab-separated or as CSV. Every subtotal is checked against the rows it sums.
public enum QuotaTableParser {
    /// Parses the whole table or fails on the first problem, naming its line and column.
    public static func parse(_ text: String) throws(QuotaTableError) -> QuotaTable {
        let records = DelimitedText.records(text, delimiter: DelimitedText.guessDelimiter(text))
        var header: [QuotaColumn]?
        var titles: [String] = []
        var headerLine = 0
        var sector: String?
        var units: [QuotaTableUnit] = []
        var subtotals: [QuotaTableSubtotal] = []
        var groupStart = 0

        for record in records {
            let cells = record.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if isHeader(cells) {
                let columns = try columns(of: cells, line: record.line)
                if let header, header != columns {
                    throw QuotaTableError(
                        line: record.line, column: nil,
                        message: "Dòng tiêu đề lặp lại không giống dòng tiêu đề ở dòng \(headerLine). "
                            + "Hãy sửa cho các dòng tiêu đề giống hệt nhau, hoặc xóa dòng tiêu đề lặp lại.")
                }
                if header == nil {
                    header = columns
                    titles = Array(cells.prefix(columns.count))
                    headerLine = record.line
                }
                continue
            }
            // Lines above the first header are the table's title.
            guard let columns = header else { continue }
            if cells.count > columns.count, let extra = cells.indices.dropFirst(columns.count).first(where: { !cells[$0].isEmpty }) {
                throw QuotaTableError(
                    line: record.line, column: "cột \(extra + 1)",
                    message: "Có dữ liệu \"\(cells[extra])\" ở ngoài các cột của bảng. Hãy xóa ô đó hoặc thêm tiêu đề cho cột.")
            }
            let row = QuotaTableRowCells(cells: cells, columns: columns, titles: titles, line: record.line)
            let label = row.text(.ordinal) + " " + row.text(.name)
            let foldedLabel = VietnameseText.folded(label)
            if foldedLabel.hasPrefix("tong cong") || foldedLabel.hasPrefix("cong (") || foldedLabel == "cong" {
                let figures = try row.figures()
                try checkSupplementTotal(figures, row: row, label: row.label)
                let group = units[groupStart...]
                let covered = group.isEmpty ? units[...] : group
                if covered.isEmpty {
                    throw QuotaTableError(
                        line: record.line, column: nil,
                        message: "Dòng \"\(row.label)\" là dòng tổng nhưng phía trên chưa có đơn vị nào.")
                }
                for column in columns where column.isNumeric {
                    guard let stated = figures[column] else { continue }
                    let sum = covered.reduce(0) { $0 + ($1.figures[column] ?? 0) }
                    if sum != stated {
                        throw QuotaTableError(
                            line: record.line, column: row.title(of: column),
                            message: "Dòng \"\(row.label)\" ghi \(stated) nhưng cộng các đơn vị "
                                + "(\(covered.first!.name) … \(covered.last!.name)) được \(sum). "
                                + "Hãy sửa số liệu cho khớp rồi nhập lại; chưa có gì được nhập.")
                    }
                }
                subtotals.append(
                    QuotaTableSubtotal(
                        line: record.line, label: row.label, figures: figures, unitCount: covered.count,
                        isGrandTotal: group.isEmpty))
                if !group.isEmpty {
                    for index in groupStart..<units.count { units[index].group = row.label }
                }
                groupStart = units.count
                continue
            }
            if columns.indices.allSatisfy({ !columns[$0].isNumeric || row.cell($0).isEmpty }) {
                sector = cells.first { !$0.isEmpty }
                try refuseControlCharacters(in: sector ?? "", line: record.line, column: nil)
                continue
            }
            let name = row.text(.name)
            if name.isEmpty {
                throw QuotaTableError(
                    line: record.line, column: row.title(of: .name),
                    message: "Dòng có số liệu nhưng không có tên đơn vị. Hãy ghi tên đơn vị hoặc xóa dòng.")
            }
            try refuseControlCharacters(in: name, line: record.line, column: row.title(of: .name))
            var ordinal: Int?
            let ordinalText = row.text(.ordinal)
            if !ordinalText.isEmpty {
                guard let number = Int(ordinalText) else {
                    throw QuotaTableError(
                        line: record.line, column: row.title(of: .ordinal),
                        message: "Số thứ tự \"\(ordinalText)\" không phải là số. Hãy ghi số (1, 2, 3…) hoặc để trống.")
                }
                ordinal = number
            }
            let figures = try row.figures()
            try checkSupplementTotal(figures, row: row, label: name)
            units.append(
                QuotaTableUnit(
                    line: record.line, ordinal: ordinal, name: VietnameseText.normalized(name),
                    sector: sector.map(VietnameseText.normalized), figures: figures))
        }
        guard let header else {
            throw QuotaTableError(
                line: nil, column: nil,
                message: "Không tìm thấy dòng tiêu đề của bảng (có cột \"TT\" và cột \"Đơn vị\"). "
                    + "Hãy dán cả dòng tiêu đề như trong bảng phụ lục.")
        }
        if units.isEmpty {
            throw QuotaTableError(line: nil, column: nil, message: "Bảng không có đơn vị nào dưới dòng tiêu đề.")
        }
        return QuotaTable(columns: header, titles: titles, units: units, subtotals: subtotals)
    }

    /// "Tổng cộng" of the supplements must equal the supplements of the same row.
    private static func checkSupplementTotal(_ figures: [QuotaColumn: Int], row: QuotaTableRowCells, label: String)
        throws(QuotaTableError)
    {
        guard let total = figures[.supplementTotal] else { return }
        let supplements = figures.filter { if case .supplement = $0.key { return true } else { return false } }
        guard !supplements.isEmpty else { return }
        let sum = supplements.values.reduce(0, +)
        if sum != total {
            throw QuotaTableError(
                line: row.line, column: row.title(of: .supplementTotal),
                message: "Dòng \"\(label)\" ghi tổng bổ sung \(total) nhưng cộng các cột bổ sung được \(sum). "
                    + "Hãy sửa cho khớp rồi nhập lại; chưa có gì được nhập.")
        }
    }

    static func isHeader(_ cells: [String]) -> Bool {
        let folded = cells.map(VietnameseText.folded)
        return folded.contains { $0 == "tt" || $0 == "stt" } && folded.contains { $0.contains("don vi") }
    }

    static func columns(of cells: [String], line: Int) throws(QuotaTableError) -> [QuotaColumn] {
        var columns: [QuotaColumn] = []
        let lastTitled = cells.lastIndex { !$0.isEmpty } ?? 0
        for (index, title) in cells.enumerated() where index <= lastTitled {
            guard let column = QuotaColumn(title: title) else {
                throw QuotaTableError(
                    line: line, column: title.isEmpty ? "cột \(index + 1)" : title,
                    message: "Không nhận ra cột này. Các cột được nhận: TT, Đơn vị, Tổng số đảng viên, "
                        + "Chỉ tiêu kết nạp NK …, Tổng số nguồn …, Đã kết nạp năm …, Chỉ tiêu kết nạp năm …, "
                        + "Đã kết nạp tính đến dd/mm/yyyy, Bổ sung chỉ tiêu trong năm …, Tổng cộng.")
            }
            if columns.contains(column) {
                throw QuotaTableError(line: line, column: title, message: "Cột này xuất hiện hai lần trong dòng tiêu đề.")
            }
            columns.append(column)
        }
        for required in [QuotaColumn.name] where !columns.contains(required) {
            throw QuotaTableError(line: line, column: nil, message: "Dòng tiêu đề thiếu cột tên đơn vị.")
        }
        return columns
    }
}

extension QuotaTableParser {
    /// A name that reaches the store is shown in every report and screen: control characters (ESC, BEL…)
    /// are refused here as in every other text a clerk enters.
    static func refuseControlCharacters(in text: String, line: Int, column: String?) throws(QuotaTableError) {
        guard !VietnameseText.controlCharacters(in: text).isEmpty else { return }
        throw QuotaTableError(
            line: line, column: column,
            message: "\"\(VietnameseText.sanitizedForDisplay(text))\": " + VietnameseText.controlCharacterRefusal
                + " Chưa có gì được nhập.")
    }
}

/// A problem in a quota table, with where it is; nothing is imported when there is one.
public struct QuotaTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the file (1-based), when the problem has one.
    public var line: Int?
    /// The column's title as published, when the problem is in one column.
    public var column: String?
    public var message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "Dòng 12, cột "Tổng số đảng viên": …" in Vietnamese.
    public var description: String {
        var place: [String] = []
        if let line { place.append("Dòng \(line)") }
        if let column { place.append("cột \"\(column)\"") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// One row's cells read against the header's columns.
struct QuotaTableRowCells {
    let cells: [String]
    let columns: [QuotaColumn]
    let titles: [String]
    let line: Int

    func cell(_ index: Int) -> String { index < cells.count ? cells[index] : "" }

    func text(_ column: QuotaColumn) -> String { columns.firstIndex(of: column).map(cell) ?? "" }

    func title(of column: QuotaColumn) -> String {
        columns.firstIndex(of: column).map { $0 < titles.count ? titles[$0] : "cột \($0 + 1)" } ?? "\(column)"
    }

    var label: String { [text(.ordinal), text(.name)].filter { !$0.isEmpty }.joined(separator: " ") }

    func figures() throws(QuotaTableError) -> [QuotaColumn: Int] {
        var result: [QuotaColumn: Int] = [:]
        for (index, column) in columns.enumerated() where column.isNumeric {
            let text = cell(index)
            if text.isEmpty { continue }
            guard let number = QuotaNumber.parse(text) else {
                throw QuotaTableError(
                    line: line, column: title(of: column),
                    message: "\"\(text)\" không phải là số nguyên không âm. Hãy ghi số (ví dụ 12 hoặc 1.804) hoặc để trống.")
            }
            // A figure no unit reaches is a typing mistake, and would overflow the sums of every report.
            guard UnitQuota.counts.contains(number) else {
                throw QuotaTableError(
                    line: line, column: title(of: column),
                    message: "\"\(text)\" lớn hơn mức cho phép (từ 0 đến 1.000.000). Hãy kiểm tra lại số trong bảng; chưa nhập gì.")
            }
            result[column] = number
        }
        return result
    }
}

/// Whole numbers as they appear in published tables: "12", "1804", "1.804", "1 804", "1,804".
enum QuotaNumber {
    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Int(trimmed), plain >= 0, trimmed.allSatisfy(\.isASCII) { return plain }
        for separator in [".", ",", " ", "\u{00A0}"] {
            let groups = trimmed.components(separatedBy: separator)
            guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 }),
                groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { continue }
            return Int(groups.joined())
        }
        return nil
    }
}
