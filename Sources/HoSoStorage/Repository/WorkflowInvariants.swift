import HoSoDomain

/// What must hold of every stored file whatever path it took; `hoso check` reports any breach.
enum WorkflowInvariants {
    static func problems(in cases: [CaseFile], organisation: Organisation) -> [String] {
        var problems: [String] = []
        for file in cases {
            let name = "Hồ sơ \(file.id)"
            if organisation.units[file.unitID] == nil {
                problems.append("\(name): thuộc đơn vị \(file.unitID) không có trong dữ liệu.")
            }
            if file.state.isMainPath, file.sideState != nil {
                problems.append("\(name): ở trạng thái chính \(file.state.rawValue) nhưng còn ghi lý do trạng thái phụ.")
            }
            if !file.state.isMainPath, file.sideState == nil {
                problems.append("\(name): ở trạng thái \(file.state.rawValue) nhưng không có lý do, ngày, người quyết định.")
            }
            if [.paused, .expired].contains(file.state), file.sideState?.resumeState == nil {
                problems.append("\(name): tạm dừng nhưng không biết trạng thái để quay lại.")
            }
            if let index = CaseState.mainPath.firstIndex(of: file.state) {
                func needs(_ state: CaseState, _ present: Bool, _ what: String) {
                    if index >= CaseState.mainPath.firstIndex(of: state)!, !present {
                        problems.append("\(name): đã qua bước \"\(state.vietnamese)\" nhưng thiếu \(what).")
                    }
                }
                needs(.sympathizer, file.sympathizerResolution != nil, "nghị quyết chi bộ")
                needs(.certified, file.certificate != nil, "giấy chứng nhận bồi dưỡng")
                needs(.cellApproved, file.cellVote != nil, "kết quả biểu quyết của chi bộ")
                needs(.decided, file.decision != nil, "quyết định kết nạp")
                needs(.probation, file.ceremony != nil, "ngày lễ kết nạp")
            }
            let dates = file.history.map(\.date)
            if zip(dates, dates.dropFirst()).contains(where: { $0 > $1 }) {
                problems.append("\(name): lịch sử không theo thứ tự thời gian.")
            }
        }
        return problems
    }
}
