import Foundation
import HoSoDomain
import HoSoStorage

/// The changes of a unit's settings (member counts, letterhead) that every front end shares: the unit
/// must exist, the person must be allowed to manage it, the domain decides what may be written.
public struct UnitService: Sendable {
    let cases: CaseService

    public init(repository: Repository, access: Access?, systemUser: String = "", today: CivilDate? = nil) {
        cases = CaseService(repository: repository, access: access, systemUser: systemUser, today: today)
    }

    /// The service of the same person, on the same data, as `cases` (the TUI's runner holds one).
    public init(sharing cases: CaseService) {
        self.cases = cases
    }

    public var repository: Repository { cases.repository }

    /// Applies `change` to unit `id` as stored now and saves it. A unit that does not exist is said so
    /// before any question of rights (there is nothing to hide about a unit's existence: `units list`
    /// shows them all).
    @discardableResult
    public func change(_ change: UnitChange, of id: UnitID, actor: String) throws(ServiceError) -> HoSoDomain.Unit {
        try repository.decidingUnderLock { () throws(ServiceError) -> HoSoDomain.Unit in
            guard let unit = repository.organisation.units[id] else { throw .unitNotFound(id) }
            try cases.withRolesAsStored().authorize(.manageUnits, inUnit: id)
            let changed: HoSoDomain.Unit
            do throws(WorkflowError) {
                changed = try change.applied(to: unit, in: repository.organisation, today: cases.today)
            } catch {
                throw .workflow(error)
            }
            do throws(RepositoryError) {
                try repository.save(unit: changed, actor: actor)
            } catch {
                throw .storage(error)
            }
            return changed
        }
    }
}
