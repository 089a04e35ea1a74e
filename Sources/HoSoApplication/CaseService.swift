import Foundation
import HoSoDomain
import HoSoStorage

/// Why an operation on a file failed: a rule, the store, or a file or unit that does not exist.
public enum ServiceError: Error, Sendable {
    case workflow(WorkflowError)
    case storage(RepositoryError)
    case caseNotFound(CaseID)
    case unitNotFound(UnitID?)

    public var message: String {
        switch self {
        case .workflow(let error): error.message
        case .storage(let error): error.message
        case .caseNotFound(let id):
            "Không có hồ sơ mã \(id). Xem danh sách bằng: hoso case list"
        case .unitNotFound(let id):
            id.map { "Không có đơn vị mã \($0). Xem mã các đơn vị bằng: hoso units list" }
                ?? "Dữ liệu chưa có chi bộ nào; tạo bằng hoso init."
        }
    }
}

/// The operations on files that every front end shares: read, take a step, edit, add. Each one asks
/// the domain engine, then saves with compare-and-swap so a change made meanwhile by another
/// terminal is reported, never overwritten.
public struct CaseService: Sendable {
    public let repository: Repository
    /// Who acts and what their roles allow; nil only where no person acts (tests of the store itself).
    public let access: Access?
    /// The operating-system user, for the audit log.
    let systemUser: String
    /// The day it is for the person acting: nothing is recorded after it (nil: no such check).
    public let today: CivilDate?

    public init(repository: Repository, access: Access? = nil, systemUser: String = "", today: CivilDate? = nil) {
        self.repository = repository
        self.access = access
        self.systemUser = systemUser
        self.today = today
    }

    /// A file the person may read (a mentor: only their candidates; a viewer: none).
    public func file(_ id: CaseID) throws(ServiceError) -> CaseFile {
        let file = try storedFile(id)
        try authorize(.readFile, on: file)
        return file
    }

    private func storedFile(_ id: CaseID) throws(ServiceError) -> CaseFile {
        guard let file = repository.caseFile(id) else { throw .caseNotFound(id) }
        return file
    }

    /// Refuses `permission` on `file` when the person's roles do not allow it, and records the refusal.
    public func authorize(_ permission: Permission, on file: CaseFile) throws(ServiceError) {
        if let refusal = access?.refusal(permission, on: file) { throw refused(refusal) }
    }

    /// Refuses `permission` in `unit` (nil: in any unit) when the person's roles do not allow it.
    public func authorize(_ permission: Permission, inUnit unit: UnitID?) throws(ServiceError) {
        guard let access else { return }
        let refusal = unit.map { access.refusal(permission, inUnit: $0) } ?? access.refusalAnywhere(permission)
        if let refusal { throw refused(refusal) }
    }

    /// Refuses `permission` over the whole data (a backup or restore on a server) unless the person holds
    /// it in every unit; the refusal names the people who do.
    public func authorizeOverWholeData(_ permission: Permission) throws(ServiceError) {
        let organisation = repository.organisation
        guard let access, access.refusalOverWholeData(permission, in: organisation) != nil else { return }
        let able = repository.accounts.values
            .filter { Access(account: $0, organisation: organisation).refusalOverWholeData(permission, in: organisation) == nil }
            .map(\.signature).sorted()
        if let refusal = access.refusalOverWholeData(permission, in: organisation, holders: able) { throw refused(refusal) }
    }

    /// Writes a refusal decided elsewhere (the TUI hides and refuses keys with the same policy) to the audit log.
    public func record(_ refusal: AccessRefusal) {
        _ = refused(refusal)
    }

    private func refused(_ refusal: AccessRefusal) -> ServiceError {
        repository.recordAudit(
            AuditEvent(
                kind: .notPermitted, account: refusal.account, systemUser: systemUser, caseID: refusal.caseID,
                detail: refusal.permission.auditCode))
        return .workflow(.notPermitted(refusal))
    }

    /// Records what the engine refused for the person's roles or for control characters, then passes it on.
    private func recorded(_ error: WorkflowError, caseID: CaseID?) -> ServiceError {
        switch error {
        case .notPermitted(let refusal):
            return refused(refusal)
        case .invalidInput(let problems) where problems.contains(VietnameseText.controlCharacterRefusal):
            repository.recordAudit(
                AuditEvent(kind: .controlCharacters, account: access?.account.id, systemUser: systemUser, caseID: caseID))
        default: break
        }
        return .workflow(error)
    }

    public func context(for unit: UnitID, on date: CivilDate, actor: String) throws(ServiceError) -> WorkflowContext {
        guard let context = repository.organisation.context(
            for: unit, on: date, actor: actor, rulebook: repository.rulebook, access: access,
            today: today)
        else { throw .unitNotFound(unit) }
        return context
    }

    /// Takes a step of the procedure and saves it.
    @discardableResult
    public func perform(_ event: Event, on id: CaseID, date: CivilDate, actor: String) throws(ServiceError) -> CaseFile {
        try run(.step(event, on: id, date: date), actor: actor)
    }

    /// Makes an edit that is not a step (a note, a mentor, a verification result…) and saves it.
    @discardableResult
    public func edit(_ edit: CaseEdit, on id: CaseID, date: CivilDate, actor: String) throws(ServiceError) -> CaseFile {
        try run(.edit(edit, on: id, date: date), actor: actor)
    }

    /// The one way a file changes: under the store's write lock, the command is applied by the engine to
    /// the file and the organisation as committed at that moment, then saved. A command carries what its
    /// person saw: when another terminal changed the file since, the engine applies it to their version,
    /// so both changes are kept; what cannot be applied there (a field they changed too, a step from a
    /// state the file has left) is refused with both sides.
    @discardableResult
    public func run(_ command: CaseCommand, actor: String) throws(ServiceError) -> CaseFile {
        let outcome = try runTogether([command], actor: actor)
        if let (_, error) = outcome.refused.first { throw error }
        guard let saved = outcome.saved.first else { throw .caseNotFound(command.caseID) }
        return saved
    }

    /// What became of commands sent together: the files saved (in one commit) and each refusal.
    public struct BatchOutcome: Sendable {
        public var saved: [CaseFile] = []
        public var refused: [(CaseID, ServiceError)] = []
    }

    /// Applies each command to its file as stored now; the accepted ones are saved in one commit (a class's
    /// certificates), the refused ones say why. Decided and committed under the store's write lock.
    public func runTogether(_ commands: [CaseCommand], actor: String) throws(ServiceError) -> BatchOutcome {
        try onFreshData { (service) throws(ServiceError) -> BatchOutcome in try service.decideTogether(commands, actor: actor) }
    }

    private func decideTogether(_ commands: [CaseCommand], actor: String) throws(ServiceError) -> BatchOutcome {
        var outcome = BatchOutcome()
        var accepted: [(file: CaseFile, expectedRevision: Int?)] = []
        for command in commands {
            do throws(ServiceError) {
                let file = try storedFile(command.caseID)
                let context = try context(for: file.unitID, on: command.date, actor: actor)
                do throws(WorkflowError) {
                    accepted.append((try Workflow.run(command, on: file, context: context), repository.revision(of: file.id)))
                } catch {
                    throw recorded(error, caseID: command.caseID)
                }
            } catch {
                outcome.refused.append((command.caseID, error))
            }
        }
        if accepted.isEmpty { return outcome }
        do throws(RepositoryError) {
            try repository.save(accepted, actor: actor, summary: accepted.first?.file.history.last?.summary ?? "")
        } catch {
            throw .storage(error)
        }
        // As stored: with the seals the store put on their histories.
        outcome.saved = accepted.map { repository.caseFile($0.file.id) ?? $0.file }
        return outcome
    }

    /// Runs `attempt` on the data as committed now with the store's write lock held from its reading to
    /// its commit: another terminal's command waits, so the decision is taken once, on fresh data, and
    /// never refused for a save that happened while it was being taken. It is decided with the person's
    /// roles as stored now: a role revoked in another terminal since sign-in no longer acts.
    private func onFreshData<T>(_ attempt: (CaseService) throws(ServiceError) -> T) throws(ServiceError) -> T {
        try repository.decidingUnderLock { () throws(ServiceError) -> T in
            try attempt(withRolesAsStored())
        }
    }

    /// The same person's service with their roles as the store holds them now.
    public func withRolesAsStored() -> CaseService {
        CaseService(repository: repository, access: accessAsStored, systemUser: systemUser, today: today)
    }

    /// The person's roles as the store holds them now (the sign-in's are kept for data made before
    /// people existed, whose owner acts as clerk without being stored; someone removed holds none).
    public var accessAsStored: Access? {
        guard let access else { return nil }
        let accounts = repository.accounts
        if accounts.isEmpty { return access }
        let account = accounts[access.account.id] ?? Account(id: access.account.id, fullName: access.account.fullName)
        return account == access.account ? access : Access(account: account, organisation: repository.organisation)
    }

    /// Who last saved `id` and when, in Vietnam time, for a refusal that shows someone else's change.
    public func lastChange(of id: CaseID) -> (by: String, at: String)? {
        repository.lastChange(of: id).map { ($0.by, Timestamp.vietnamese($0.at)) }
    }

    /// Adds a nominated person as a new file of `unit` (default: the first cell).
    public func addCase(
        person: Person, unit: UnitID?, source: NominationSource, date: CivilDate, actor: String
    ) throws(ServiceError) -> CaseFile {
        // The next free number as stored now: another terminal may have just added a file.
        try onFreshData { (service) throws(ServiceError) -> CaseFile in
            try service.decideNewCase(person: person, unit: unit, source: source, date: date, actor: actor)
        }
    }

    private func decideNewCase(
        person: Person, unit: UnitID?, source: NominationSource, date: CivilDate, actor: String
    ) throws(ServiceError) -> CaseFile {
        let unitID = try resolveUnit(unit)
        let context = try context(for: unitID, on: date, actor: actor)
        let file: CaseFile
        do throws(WorkflowError) {
            file = try Workflow.newCase(id: repository.nextCaseID(), person: person, source: source, context: context)
        } catch {
            throw recorded(error, caseID: nil)
        }
        do throws(RepositoryError) {
            try repository.save(file, expectedRevision: nil, actor: actor, summary: file.history.last?.summary ?? "")
        } catch {
            throw .storage(error)
        }
        return repository.caseFile(file.id) ?? file
    }

    /// The unit named, or the first cell of the organisation.
    public func resolveUnit(_ unit: UnitID?) throws(ServiceError) -> UnitID {
        let units = repository.organisation.units
        if let unit {
            guard units[unit] != nil else { throw .unitNotFound(unit) }
            return unit
        }
        guard let first = repository.organisation.sortedUnits.first(where: { $0.kind == .cell })
            ?? repository.organisation.sortedUnits.last
        else { throw .unitNotFound(nil) }
        return first.id
    }

    public func addMember(
        id: MemberID, name: String, unit: UnitID?, status: Member.Status, officialSince: CivilDate?, actor: String
    ) throws(ServiceError) -> Member {
        try onFreshData { (service) throws(ServiceError) -> Member in
            try service.addMemberDecided(id: id, name: name, unit: unit, status: status, officialSince: officialSince, actor: actor)
        }
    }

    private func addMemberDecided(
        id: MemberID, name: String, unit: UnitID?, status: Member.Status, officialSince: CivilDate?, actor: String
    ) throws(ServiceError) -> Member {
        let unitID = try resolveUnit(unit)
        try authorize(.manageMembers, inUnit: unitID)
        var problems: [String] = []
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { problems.append("Họ và tên không được để trống.") }
        if !VietnameseText.controlCharacters(in: name).isEmpty || !VietnameseText.controlCharacters(in: id.rawValue).isEmpty {
            problems.append(VietnameseText.controlCharacterRefusal)
        }
        if let refusal = VietnameseText.lengthRefusal([trimmed, id.rawValue], longest: VietnameseText.longestLine) { problems.append(refusal) }
        if id.rawValue.isEmpty || id.rawValue.contains("/") { problems.append("Mã đảng viên không hợp lệ: \"\(id)\".") }
        if repository.organisation.members[id] != nil { problems.append("Đã có đảng viên mã \(id).") }
        guard problems.isEmpty else { throw recorded(.invalidInput(problems), caseID: nil) }
        let member = Member(
            id: id, fullName: VietnameseText.normalized(trimmed), unitID: unitID, status: status,
            officialSince: officialSince)
        do {
            try repository.save(member: member, expectedRevision: nil, actor: actor)
        } catch {
            throw .storage(error)
        }
        return member
    }

    /// The next main-path state, if the file is on the main path and not finished.
    public func nextMainState(of file: CaseFile) -> CaseState? {
        guard let index = CaseState.mainPath.firstIndex(of: file.state), index + 1 < CaseState.mainPath.count else {
            return nil
        }
        return CaseState.mainPath[index + 1]
    }

    public func blockers(of file: CaseFile, to target: CaseState, on date: CivilDate, actor: String) throws(ServiceError)
        -> [Requirement]
    {
        Workflow.blockers(to: target, of: file, context: try context(for: file.unitID, on: date, actor: actor))
    }

    /// Every file with its most urgent deadline on `today`, in Vietnamese name order.
    public func overview(on today: CivilDate) -> [CaseRow] {
        CaseRow.rows(visibleCases, rulebook: repository.rulebook, calendar: repository.calendar, today: today)
    }

    /// The files the person's lists show: every file for a clerk, committee or viewer of the unit, only
    /// their own candidates for a mentor.
    public var visibleCases: [CaseFile] {
        guard let access else { return repository.cases }
        return repository.cases.filter(access.listsFile)
    }
}
