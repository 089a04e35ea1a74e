import HoSoDomain

/// `x` on the list: the list as it is shown (its filter, search and sort) written to CSV, XLSX or HTML by the
/// reports screen's writer (`Effect.exportReport`: a new file in the export folder, never over one), in the
/// frame of a party document of the list's cell, marked MẬT since it names candidates.
enum ListExport {
    static func openPicker(_ state: inout AppState, _ list: ListState) {
        guard !list.visible.isEmpty else {
            state.status = StatusMessage("Danh sách đang trống: không có gì để xuất.", kind: .warning)
            return
        }
        if let refusal = refusal(list, state: state) {
            state.modal = CommandAccess.refusalPopup(refusal)
            return
        }
        var picker = PickerState(title: "Xuất danh sách đang xem (\(list.visible.count) hồ sơ) ra tệp",
                                 options: ReportExportFormat.allCases.map(\.vietnamese), purpose: .listExport)
        picker.formats = ReportExportFormat.allCases
        state.modal = .picker(picker)
    }

    /// Why the person may not export every file listed: the first file whose names they may not take out.
    static func refusal(_ list: ListState, state: AppState) -> AccessRefusal? {
        guard let access = state.data.access else { return nil }
        for position in list.visible {
            if let refusal = access.refusal(.exportPersonalData, on: state.index.rows[position].file) { return refusal }
        }
        return nil
    }

    /// The chosen format: the folder is asked next, as for a report (the last one used, prefilled).
    static func choose(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        guard picker.formats.indices.contains(picker.selected), case .list = state.screen else { return [] }
        let format = picker.formats[picker.selected]
        state.modal = .form(FormState(form: folderForm(format, folder: ReportsLogic.lastFolder(state)),
                                      purpose: .listExport(format), baseRevision: nil))
        return []
    }

    /// The dialog asking where to write the list as `format`.
    static func folderForm(_ format: ReportExportFormat, folder: String) -> Form {
        Form(title: "Xuất danh sách đang xem ra tệp \(format.vietnamese)", fields: [ReportsLogic.folderField(folder)])
    }

    /// The list as shown, written by the runner to a new file in the folder typed.
    static func export(_ state: inout AppState, _ format: ReportExportFormat, values: [String: String],
                       formState: FormState) -> [Effect] {
        guard case .list(let list) = state.screen else { return [] }
        let folder = ReportsLogic.takeFolder(&state, values: values, formState: formState)
        return [.exportReport(document(list, state: state), format: format, stem: fileStem(list, state: state), folder: folder)]
    }

    /// The columns of the exported list: the screen's, with the birth date and the step due that a paper needs.
    static let columns = ["STT", "Mã", "Họ và tên", "Ngày sinh", "Chi bộ", "Trạng thái", "Việc đến hạn", "Hạn", "Người giúp đỡ"]

    /// The list as shown, row for row, as a document the report writers take.
    static func document(_ list: ListState, state: AppState) -> ReportDocument {
        let index = state.index
        let rows = list.visible.enumerated().map { number, position -> [String] in
            let row = index.rows[position]
            let file = row.file
            return ["\(number + 1)", file.id.rawValue, file.person.fullName, file.person.birthDate.vietnamese,
                    index.unitNames[position], file.state.vietnamese, row.deadline?.label ?? "",
                    (row.deadline?.shortDueText ?? "") + (row.isOverdue ? " — quá hạn" : ""), index.mentorNames[position]]
        }
        let scope = ReportScope(organisation: state.data.organisation, cases: state.data.cases, root: list.filter.unit,
                                today: state.data.today)
        var notes = ["Lọc: \(list.filter.title).", "Sắp xếp: \(list.sort.title), \(list.descending ? "giảm dần" : "tăng dần")."]
        let query = list.search?.value ?? list.query
        if !query.isEmpty { notes.insert("Tìm: \"\(query)\".", at: 1) }
        let overdue = list.visible.filter { index.rows[$0].isOverdue }.count
        notes.append("\(rows.count) hồ sơ; \(overdue) quá hạn.")
        var document = ReportDocument(
            title: "Danh sách hồ sơ: \(list.filter.title)", unitName: scope.title,
            periodLabel: "Ngày \(state.data.today.vietnamese)", date: state.data.today,
            tables: [ReportTable(title: list.filter.title, columns: columns, rows: rows, numericColumns: [0])],
            notes: notes, confidential: true)
        document.frame = scope.frame()
        return document
    }

    /// "danh-sach-ho-so-2026-11-23", with the cell's id when the list is of one cell.
    static func fileStem(_ list: ListState, state: AppState) -> String {
        let unit = list.filter.unit.map { "-" + $0.rawValue.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } } ?? ""
        return "danh-sach-ho-so\(unit)-\(state.data.today.iso)"
    }
}
