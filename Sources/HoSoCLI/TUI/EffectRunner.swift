import HoSoDomain
import HoSoStorage
import HoSoTUI

/// Carries out the TUI's effects against the repository and turns each result into an action.
/// The only code of the application that touches storage.
final class EffectRunner {
    let service: CaseService
    let today: CivilDate
    let actor: String

    init(service: CaseService, today: CivilDate, actor: String) {
        self.service = service
        self.today = today
        self.actor = actor
    }

    var repository: Repository { service.repository }

    /// The data as stored now.
    func loadData() -> AppData {
        var revisions: [CaseID: Int] = [:]
        let cases = repository.cases
        for file in cases { revisions[file.id] = repository.revision(of: file.id) }
        return AppData(cases: cases, revisions: revisions, organisation: repository.organisation,
                       rulebook: repository.rulebook, calendar: repository.calendar, today: today, actor: actor)
    }

    /// Runs `effects` in order; returns the actions to feed back and whether the app should quit.
    func run(_ effects: [Effect]) -> (actions: [Action], quit: Bool) {
        var actions: [Action] = []
        var needsReload = false
        for effect in effects {
            switch effect {
            case .quit:
                return (actions, true)
            case .reload:
                needsReload = true
            case .save(let file, let expectedRevision):
                do throws(ServiceError) {
                    try service.save(file, expectedRevision: expectedRevision, actor: actor)
                    needsReload = true
                    actions.append(.saved(file.id, message: "Đã lưu: \(file.history.last?.summary ?? "hồ sơ")"))
                } catch {
                    needsReload = true
                    if case .storage(let storage) = error, storage.isConflict {
                        actions.append(.conflict(storage.message))
                    } else {
                        actions.append(.failed(error.message))
                    }
                }
            case .addCase(let person, let unit, let source, let date):
                do throws(ServiceError) {
                    let file = try service.addCase(person: person, unit: unit, source: source, date: date, actor: actor)
                    needsReload = true
                    actions.append(.caseAdded(file.id))
                } catch {
                    actions.append(.failed(error.message))
                }
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
