import HoSoDomain

/// The file's sheet: every tab of the file's screen, one after the other, as a document the report writers
/// print (x on a file, first option): what the clerk sees, on one page to file or hand over. Marked MẬT.
enum FileSheet {
    /// Columns the tabs are laid out in: an A4 page's line in a monospaced hand.
    static let width = 100

    static func document(_ file: CaseFile, state: AppState) -> ReportDocument {
        let row = state.index.position(of: file.id).map { state.index.rows[$0] }
        let person = file.person
        var heading = [
            "\(file.id.rawValue) · \(person.fullName) · \(person.sex.vietnamese), sinh \(person.birthDate.vietnamese)",
            "Trạng thái: \(file.state.vietnamese) (từ \(file.stateSince.vietnamese))",
        ]
        if let deadline = row?.deadline {
            heading.append("\(deadline.label): \(deadline.dueText)" + (row?.isOverdue == true ? " — quá hạn" : ""))
        }
        let detail = DetailState(caseID: file.id)
        let tables = [ReportTable(title: "Hồ sơ", columns: [""], rows: heading.map { [$0] })]
            + DetailTab.allCases.map { tab in
                let lines = DetailView.lines(of: tab, file: file, state: state, detail: detail, width: width)
                return ReportTable(title: tab.title, columns: [""], rows: lines.map { [printable($0.text)] })
            }
        return ReportDocument(
            title: "Tờ hồ sơ \(file.id.rawValue) — \(person.fullName)", unitName: state.data.unitName(file.unitID),
            periodLabel: "Ngày in \(state.data.today.vietnamese)", date: state.data.today, tables: tables,
            confidential: true, portrait: true)
    }

    /// A screen line on paper: without its trailing blanks, its indent kept (a page collapses plain spaces).
    static func printable(_ line: String) -> String {
        var text = Substring(line)
        while text.last == " " { text.removeLast() }
        let indent = text.prefix { $0 == " " }.count
        return String(repeating: "\u{00A0}", count: indent) + text.dropFirst(indent)
    }

    /// "to-ho-so-HS-0001".
    static func fileStem(_ id: CaseID) -> String { "to-ho-so-\(id.rawValue)" }
}
