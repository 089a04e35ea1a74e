import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTUI

/// Carries out the TUI's effects against the repository and turns each result into an action.
/// The only code of the application that touches storage.
final class EffectRunner {
    let service: CaseService
    /// Adding people and changing roles; it checks the clerk's rights again, whatever the TUI showed.
    let people: PeopleService
    let today: CivilDate
    let actor: String

    /// `people` defaults to the service's person with no operating-system user (the benchmark, which
    /// never changes people).
    init(service: CaseService, people: PeopleService? = nil, today: CivilDate, actor: String) {
        self.service = service
        self.people = people ?? PeopleService(repository: service.repository, access: service.access, systemUser: "")
        self.today = today
        self.actor = actor
    }

    var repository: Repository { service.repository }

    /// The data as stored now: only the files the person's lists may show, and the people only for a
    /// person who may manage them.
    func loadData() -> AppData {
        let cases = service.visibleCases
        // The repository's own table, whole when every file is visible (asking file by file took a lock
        // and built a storage id each time).
        let known = repository.caseRevisions
        var revisions = known
        if cases.count != known.count {
            revisions = [CaseID: Int](minimumCapacity: cases.count)
            for file in cases { revisions[file.id] = known[file.id] }
        }
        let access = service.access
        let managesPeople = access.map { $0.refusalAnywhere(.managePeople) == nil } ?? true
        return AppData(cases: cases, revisions: revisions, organisation: repository.organisation,
                       rulebook: repository.rulebook, calendar: repository.calendar, today: today, actor: actor,
                       access: access, people: managesPeople ? people.people : [])
    }

    /// Runs `effects` in order; returns the actions to feed back and whether the app should quit.
    ///
    /// When the only changes are files this terminal saved, the application gets those files (`.stored`)
    /// and updates their rows in place; anything else (another terminal's change, a conflict, people and
    /// roles, F5) reloads everything (`.loaded`), which at 100,000 files takes seconds.
    func run(_ effects: [Effect]) -> (actions: [Action], quit: Bool) {
        var actions: [Action] = []
        var needsReload = false
        var stored: [CaseID] = []
        for effect in effects {
            switch effect {
            case .quit:
                return (actions, true)
            case .reload:
                needsReload = true
            case .recordRefusal(let refusal):
                service.record(refusal)
            case .save(let file, let expectedRevision):
                if !needsReload, othersChangedTheStore() { needsReload = true }
                do throws(ServiceError) {
                    try service.save(file, expectedRevision: expectedRevision, actor: actor)
                    stored.append(file.id)
                    actions.append(.saved(file.id, message: "Đã lưu: \(file.history.last?.summary ?? "hồ sơ")"))
                } catch {
                    needsReload = true
                    if case .storage(let storage) = error, storage.isConflict {
                        actions.append(.conflict(storage.message))
                    } else {
                        actions.append(refused(error))
                    }
                }
            case .addPerson(let id, let fullName, let systemUser, let memberID, let grant):
                needsReload = true
                actions.append(peopleChange("Đã thêm người dùng \(id) (\(grant.role.vietnamese))") { () throws(ServiceError) in
                    try people.add(id: id, fullName: fullName, systemUser: systemUser, memberID: memberID, grants: [grant],
                                   actor: actor)
                })
            case .grantRole(let grant, let id):
                needsReload = true
                actions.append(peopleChange("Đã cấp vai trò \(grant.role.vietnamese) cho \(id)") { () throws(ServiceError) in
                    try people.grant(grant, to: id, actor: actor)
                })
            case .revokeRole(let grant, let id):
                needsReload = true
                actions.append(peopleChange("Đã thu hồi vai trò \(grant.role.vietnamese) của \(id)") { () throws(ServiceError) in
                    try people.revoke(grant, from: id, actor: actor)
                })
            case .addCase(let person, let unit, let source, let date):
                if !needsReload, othersChangedTheStore() { needsReload = true }
                do throws(ServiceError) {
                    let file = try service.addCase(person: person, unit: unit, source: source, date: date, actor: actor)
                    stored.append(file.id)
                    actions.append(.caseAdded(file.id))
                } catch {
                    actions.append(refused(error))
                }
            }
        }
        if !needsReload, !stored.isEmpty {
            if let files = storedVersions(of: stored) {
                actions.insert(.stored(files), at: 0)
            } else {
                needsReload = true
            }
        }
        if needsReload {
            // Refresh first: a conflict means someone else wrote, and we want to show their version.
            do throws(RepositoryError) {
                try repository.refresh()
                actions.insert(.loaded(loadData(), external: false), at: 0)
            } catch {
                actions.append(.failed(error.message))
            }
        }
        return (actions, false)
    }

    /// Whether another terminal saved since this one last looked, asked just before a save of ours: the
    /// save would take their changes in with it (the store reads the journal's tail before appending),
    /// and only a reload shows them. A change that lands between this question and the save itself is
    /// not seen here; the application shows it at its next reload.
    private func othersChangedTheStore() -> Bool {
        do throws(RepositoryError) {
            return try repository.refresh()
        } catch {
            return true  // the reload that follows reports the error
        }
    }

    /// The files saved, as stored (with the seals the store put on their histories) and at their new
    /// revisions, each once, in the order of their last save; nil if one is missing, which a reload explains.
    private func storedVersions(of ids: [CaseID]) -> [StoredCase]? {
        var seen = Set<CaseID>()
        var files: [StoredCase] = []
        for id in ids.reversed() where seen.insert(id).inserted {
            guard let file = repository.caseFile(id), let revision = repository.revision(of: id) else { return nil }
            files.append(StoredCase(file: file, revision: revision))
        }
        return files.reversed()
    }

    /// Runs one change of people and roles; a refusal (by role or input) leads back to the form.
    private func peopleChange(_ done: String, _ change: () throws(ServiceError) -> Account) -> Action {
        do throws(ServiceError) {
            _ = try change()
            return .peopleChanged(message: done)
        } catch {
            return refused(error)
        }
    }

    /// What the person reads when the store refuses: a refusal by role or of the input leads back to the
    /// form, anything else is an error.
    private func refused(_ error: ServiceError) -> Action {
        switch error {
        case .workflow(.notPermitted(let refusal)):
            .rejected(title: MessageState.refusedByRole, lines: refusal.message.components(separatedBy: "\n"))
        case .workflow(.invalidInput(let problems)):
            .rejected(title: "Không thể thực hiện", lines: problems.map { "• " + $0 })
        default:
            .failed(error.message)
        }
    }

    /// Fresh data when another process saved since the last look (two `stat` calls when nothing changed).
    func pollExternalChanges() -> Action? {
        guard repository.hasExternalChanges() else { return nil }
        do throws(RepositoryError) {
            try repository.refresh()
            return .loaded(loadData(), external: true)
        } catch {
            return .failed(error.message)
        }
    }
}
