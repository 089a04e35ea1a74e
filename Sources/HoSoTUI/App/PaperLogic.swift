import HoSoDomain

/// x or Ctrl-X on a file: its sheet, and the papers of its recorded steps (`hoso case print`), written as HTML to print and sign.
enum PaperLogic {
    /// The file's sheet (every tab of its screen), then the papers the file's recorded steps allow.
    static func openPicker(_ state: inout AppState, _ id: CaseID) {
        guard let file = AppReducer.file(id, in: state) else { return }
        let papers = StepDocument.allCases.filter { paper in
            (try? paper.draw(for: file, organisation: state.data.organisation, classmates: state.data.cases)) != nil
        }
        var picker = PickerState(title: "In hồ sơ \(id.rawValue) ra tệp HTML (để in và ký)",
                                 options: [sheetOption] + papers.map(\.vietnamese), purpose: .stepPaper)
        picker.papers = papers
        picker.caseID = id
        state.modal = .picker(picker)
        if papers.isEmpty {
            state.status = StatusMessage("Chưa có giấy tờ của bước nào: danh sách lớp cần bước vào lớp, nghị quyết cần biểu quyết.")
        }
    }

    /// The first option: the sheet of the whole file.
    static let sheetOption = "Tờ hồ sơ: mọi thẻ của màn hình hồ sơ"

    /// The chosen paper: the folder is asked next, as for a report (the last one used, prefilled).
    static func choose(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        guard let id = picker.caseID else { return [] }
        let paper: StepDocument?
        if picker.selected == 0 {
            paper = nil
        } else {
            guard picker.papers.indices.contains(picker.selected - 1) else { return [] }
            paper = picker.papers[picker.selected - 1]
        }
        state.modal = .form(FormState(form: folderForm(paper, id: id, folder: ReportsLogic.lastFolder(state)),
                                      purpose: .paperExport(id, paper), baseRevision: nil))
        return []
    }

    /// The dialog asking where to write `paper` (nil: the sheet) of file `id`.
    static func folderForm(_ paper: StepDocument?, id: CaseID, folder: String) -> Form {
        Form(title: "Ghi \(paper?.vietnamese ?? "tờ hồ sơ") \(id.rawValue) ra tệp HTML", fields: [ReportsLogic.folderField(folder)])
    }

    /// The paper written by the runner to a new file named after it and the file, in the folder typed.
    static func export(_ state: inout AppState, _ id: CaseID, _ paper: StepDocument?, values: [String: String],
                       formState: FormState) -> [Effect] {
        guard let file = AppReducer.file(id, in: state) else { return [] }
        let document: ReportDocument
        let stem: String
        if let paper {
            guard let drawn = try? paper.draw(for: file, organisation: state.data.organisation, classmates: state.data.cases) else {
                return []
            }
            (document, stem) = (drawn, "giay-to-\(paper.rawValue)-\(id.rawValue)")
        } else {
            (document, stem) = (FileSheet.document(file, state: state), FileSheet.fileStem(id))
        }
        let folder = ReportsLogic.takeFolder(&state, values: values, formState: formState)
        return [.exportReport(document, format: .html, stem: stem, folder: folder)]
    }
}
