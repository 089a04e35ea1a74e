import HoSoDomain

/// The file screen's own reducer: its tab, scroll and verification item in, what it asks of the app out (a
/// form of the file, the next step, its papers, a warning). The app runs it scoped to the screen on top.
enum DetailLogic {
    static func reduce(_ detail: inout DetailState, _ command: Command, app state: AppState) -> ScreenOutput? {
        let tabs = DetailTab.allCases
        let id = detail.caseID
        let file = AppReducer.file(id, in: state)
        switch command {
        case .nextTab: detail.tab = tabs[(detail.tab.rawValue + 1) % tabs.count]; detail.scroll = 0
        case .previousTab: detail.tab = tabs[(detail.tab.rawValue + tabs.count - 1) % tabs.count]; detail.scroll = 0
        case .tab(let number): detail.tab = tabs[max(0, min(number, tabs.count - 1))]; detail.scroll = 0
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            if detail.tab == .verification, let file, !file.verificationItems.isEmpty {
                AppReducer.moveSelection(&detail.verificationItem, count: file.verificationItems.count, command: command, page: 10)
            } else {
                var scroll = detail.scroll
                AppReducer.moveSelection(&scroll, count: 1000, command: command, page: 10)
                detail.scroll = command == .bottom ? 0 : scroll
            }
        case .nextStep: return .openNextStep(id)
        case .addNote: return .openEditForm(.note(id))
        case .export: return .openPapers(id)
        case .addVerification:
            detail.tab = .verification
            return .openEditForm(.verificationItem(id))
        case .recordResult:
            detail.tab = .verification
            guard let file, file.verificationItems.indices.contains(detail.verificationItem) else {
                return .warn(StatusMessage("Hồ sơ chưa có phiếu thẩm tra; thêm bằng v hoặc Ctrl-T.", kind: .warning))
            }
            return .openEditForm(.verificationResult(id, index: detail.verificationItem))
        case .addIntroducer, .addOpinion, .unionResolution:
            detail.tab = .admission
            return .openEditForm(command == .addIntroducer ? .introducer(id) : command == .addOpinion ? .opinion(id) : .unionResolution(id))
        case .addTask, .assignMentor:
            detail.tab = .mentors
            return .openEditForm(command == .addTask ? .addTask(id) : .assignMentor(id))
        case .completeTask:
            detail.tab = .mentors
            guard let file, file.tasks.contains(where: { $0.done == nil }) else {
                return .warn(StatusMessage("Hồ sơ không có nhiệm vụ nào đang làm; giao bằng w hoặc Ctrl-W.", kind: .warning))
            }
            return .openEditForm(.completeTask(id))
        case .releaseMentor:
            detail.tab = .mentors
            guard let file, !file.activeMentors.isEmpty else {
                return .warn(StatusMessage("Hồ sơ chưa có người giúp đỡ; phân công bằng p hoặc Ctrl-P.", kind: .warning))
            }
            return .openEditForm(.releaseMentor(id))
        case .addDocument:
            detail.tab = .documents
            return .openEditForm(.addDocument(id))
        case .edit:
            detail.tab = .info
            return .openEditForm(.identity(id))
        default: break
        }
        return nil
    }
}
