import Foundation
import HoSoDomain

/// What each command needs, asked of the domain's `Access`: the footer and the help leave out what the
/// person's roles allow nowhere, and a key pressed anyway shows the refusal instead of doing nothing.
/// Which role may do what is decided only by `Access`; this file only says what a command does.
enum CommandAccess {
    /// The permissions behind `command` on `screen`; the command is available when any one is allowed.
    /// Empty: moving around, reading lists, help — open to every person.
    static func permissions(for command: Command, on screen: Screen) -> [Permission] {
        switch command {
        case .addCase: [.addCase]
        case .nextStep:
            // A class's next step is its certificate.
            if case .classes = screen { [.step(.certify)] } else { Event.Kind.allCases.map { .step($0) } }
        case .export:
            // The list's export and a file's papers name the candidates, as `hoso case print` does; a report
            // may give counts only.
            switch screen {
            case .list, .detail: [.exportPersonalData]
            default: [.readReports]
            }
        case .reports: [.readReports]
        case .people, .addPerson, .grantRole, .revokeRole: [.managePeople]
        case .unitCounts: [.manageUnits]
        case .edit:
            if case .units = screen { [.manageUnits] } else { [.edit(.identity)] }
        case .addNote: [.edit(.note)]
        case .addTask: [.edit(.task)]
        case .completeTask: [.edit(.taskDone)]
        case .assignMentor: [.edit(.mentor)]
        case .releaseMentor: [.edit(.mentorRelease)]
        case .addVerification: [.edit(.verificationItem)]
        case .recordResult: [.edit(.verificationResult)]
        case .addIntroducer: [.edit(.introducer)]
        case .addOpinion: [.edit(.opinion)]
        case .unionResolution: [.edit(.unionResolution)]
        case .addDocument: [.edit(.document)]
        case .open:
            // On the board, Enter opens a list (anyone may read lists); elsewhere it opens a file.
            if case .board = screen { [] } else { [.readFile] }
        default: []
        }
    }

    /// Whether some unit allows `command` to the person (what the footer and the help show).
    static func isEverAllowed(_ command: Command, on screen: Screen, access: Access) -> Bool {
        let needed = permissions(for: command, on: screen)
        return needed.isEmpty || needed.contains { access.refusalAnywhere($0) == nil }
    }

    /// Why the person may not run `command` now: on the file it acts on, or anywhere when it acts on none.
    static func refusal(_ command: Command, state: AppState) -> AccessRefusal? {
        guard let access = state.data.access else { return nil }
        var needed = permissions(for: command, on: state.screen)
        guard !needed.isEmpty else { return nil }
        if let file = targetFile(of: command, state: state) {
            if command == .nextStep {
                // Only the steps that leave the file's state matter; none left is said by the step popup.
                needed = Workflow.events(from: file.state).map { .step($0) }
            }
            let refusals = needed.map { access.refusal($0, on: file) }
            return refusals.contains { $0 == nil } ? nil : refusals.first ?? nil
        }
        // Enter on an empty list opens nothing, so there is nothing to refuse.
        if command == .open { return nil }
        let refusals = needed.map { access.refusalAnywhere($0) }
        return refusals.contains { $0 == nil } ? nil : refusals.first ?? nil
    }

    /// The steps of `steps` the person may take on `file`.
    static func allowedSteps(_ steps: [Event.Kind], of file: CaseFile, access: Access?) -> [Event.Kind] {
        guard let access else { return steps }
        return steps.filter { access.refusal(.step($0), on: file) == nil }
    }

    /// The file `command` acts on: the one open, or the one selected in a list.
    static func targetFile(of command: Command, state: AppState) -> CaseFile? {
        switch state.screen {
        case .detail(let detail):
            return AppReducer.file(detail.caseID, in: state)
        case .list(let list):
            return AppReducer.selectedCase(list, state: state).flatMap { AppReducer.file($0, in: state) }
        case .mentor(let mentor):
            let rows = MentorLogic.candidates(of: mentor.memberID, index: state.index)
            return rows.indices.contains(mentor.selected) ? state.index.rows[rows[mentor.selected]].file : nil
        case .classes(let classes):
            guard command == .open else { return nil }
            let groups = ClassesLogic.groups(state.index)
            guard groups.indices.contains(classes.classIndex) else { return nil }
            let rows = groups[classes.classIndex].rows
            return rows.indices.contains(classes.candidate) ? state.index.rows[rows[classes.candidate]].file : nil
        case .board, .reports, .people, .units:
            return nil
        }
    }

    /// The popup that says why: the domain's own words, so the TUI and the CLI say the same.
    static func refusalPopup(_ refusal: AccessRefusal, returnTo: FormState? = nil) -> ModalState {
        .message(MessageState(title: refusedTitle, lines: refusal.message.components(separatedBy: "\n"), returnTo: returnTo))
    }

    static var refusedTitle: String { MessageState.refusedByRole }
}
