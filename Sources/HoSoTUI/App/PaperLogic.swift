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

    /// The chosen paper, to be written by the runner to a new file named after it and the file.
    static func choose(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        guard let id = picker.caseID, let file = AppReducer.file(id, in: state) else { return [] }
        guard picker.selected > 0 else {
            return [.exportReport(FileSheet.document(file, state: state), format: .html, stem: FileSheet.fileStem(id))]
        }
        guard picker.papers.indices.contains(picker.selected - 1) else { return [] }
        let paper = picker.papers[picker.selected - 1]
        guard let document = try? paper.draw(for: file, organisation: state.data.organisation, classmates: state.data.cases) else { return [] }
        return [.exportReport(document, format: .html, stem: "giay-to-\(paper.rawValue)-\(id.rawValue)")]
    }
}
