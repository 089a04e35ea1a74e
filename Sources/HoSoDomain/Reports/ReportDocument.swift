import Foundation

/// A report laid out as titled tables of text cells: what the text, CSV and HTML renderers print and
/// what the TUI can show, independent of which report it is.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// The unit (or units) the report covers.
    public var unitName: String
    /// The period, e.g. "6 tháng đầu năm 2021".
    public var periodLabel: String
    /// The day it was drawn up.
    public var date: CivilDate
    public var tables: [ReportTable]
    /// Remarks printed under the tables (indicators, where figures come from).
    public var notes: [String]
    /// The report names candidates: every renderer marks it "MẬT" (confidential party document).
    public var confidential: Bool
    /// The frame of the party document (issuing body, number, place and date, signature, recipients); nil
    /// for a report shown on the screen.
    public var frame: DocumentFrame?
    /// Paragraphs printed before the tables: the text of a resolution (a report has none).
    public var body: [String]
    /// Printed on A4 portrait, as a resolution is; reports with wide tables are landscape.
    public var portrait: Bool

    /// The mark every confidential output carries, and the sentence that goes with it.
    public static let confidentialMark = "MẬT"
    public static let confidentialNotice = "Tài liệu mật: có thông tin cá nhân của quần chúng và đảng viên; không sao chép, không gửi qua mạng."

    public init(
        title: String, unitName: String, periodLabel: String, date: CivilDate, tables: [ReportTable], notes: [String] = [],
        confidential: Bool = false, frame: DocumentFrame? = nil, body: [String] = [], portrait: Bool = false
    ) {
        self.confidential = confidential
        self.frame = frame
        self.body = body
        self.portrait = portrait
        self.title = title
        self.unitName = unitName
        self.periodLabel = periodLabel
        self.date = date
        self.tables = tables
        self.notes = notes
    }
}

/// One table of a report.
public struct ReportTable: Sendable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    /// Rows that are subtotals or totals, printed in bold.
    public var totalRows: Set<Int>
    /// Columns holding numbers, aligned right.
    public var numericColumns: Set<Int>

    public init(title: String, columns: [String], rows: [[String]], totalRows: Set<Int> = [], numericColumns: Set<Int> = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows
        self.numericColumns = numericColumns
    }
}

extension Optional where Wrapped == Int {
    /// The number, or an empty cell when unknown.
    var cell: String { map(String.init) ?? "" }
}
