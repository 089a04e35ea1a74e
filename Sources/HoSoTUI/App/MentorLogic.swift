import Foundation
import HoSoDomain

/// The mentor view: a member's candidates and their monthly notes.
public enum MentorLogic {
    /// The index rows of the files `member` actively mentors.
    public static func candidates(of member: MemberID?, index: CaseIndex) -> [Int] {
        member.map(index.candidates(of:)) ?? []
    }

    /// The screen's reducer, scoped like the units screen's (`AppReducer.runScreen`): its state and the app
    /// as it is in, what it asks of the app out.
    static func reduce(_ mentor: inout MentorState, _ command: Command, app: AppState) -> ScreenOutput? {
        let rows = candidates(of: mentor.memberID, index: app.index)
        let selected = rows.indices.contains(mentor.selected) ? app.index.rows[rows[mentor.selected]].file.id : nil
        switch command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            AppReducer.moveSelection(&mentor.selected, count: rows.count, command: command, page: 10)
        case .filter:
            return .openMemberPicker
        case .addNote:
            return selected.map { .openEditForm(.note($0)) }
        case .open:
            return selected.map { .push(.detail(DetailState(caseID: $0))) }
        default: break
        }
        return nil
    }
}
