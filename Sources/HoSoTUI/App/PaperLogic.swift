import HoSoDomain

/// F9 on a file: the papers of its recorded steps (`hoso case print`), written as HTML to print and sign.
enum PaperLogic {
    /// The papers the file's recorded steps allow; when none, a status line says which step comes first.
    static func openPicker(_ state: inout AppState, _ id: CaseID) {
        guard let file = AppReducer.file(id, in: state) else { return }
        let papers = StepDocument.allCases.filter { paper in
            (try? paper.draw(for: file, organisation: state.data.organisation, classmates: state.data.cases)) != nil
        }
        guard !papers.isEmpty else {
            state.status = StatusMessage(
                "Hồ sơ \(id.rawValue) chưa có bước nào để in giấy tờ: danh sách lớp cần bước vào lớp, nghị quyết cần biểu quyết.",
                kind: .warning)
            return
        }
        var picker = PickerState(title: "In giấy tờ của hồ sơ \(id.rawValue) (tệp HTML để in và ký)", options: papers.map(\.vietnamese),
                                 purpose: .stepPaper)
        picker.papers = papers
        picker.caseID = id
        state.modal = .picker(picker)
    }

    /// The chosen paper, to be written by the runner to a new file named after it and the file.
    static func choose(_ state: inout AppState, _ picker: PickerState) -> [Effect] {
        guard picker.papers.indices.contains(picker.selected), let id = picker.caseID, let file = AppReducer.file(id, in: state) else { return [] }
        let paper = picker.papers[picker.selected]
        guard let document = try? paper.draw(for: file, organisation: state.data.organisation, classmates: state.data.cases) else { return [] }
        return [.exportReport(document, format: .html, stem: "giay-to-\(paper.rawValue)-\(id.rawValue)")]
    }
}
