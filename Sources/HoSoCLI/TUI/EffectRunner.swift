import CoreFoundation
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTUI
// `stat()`'s zero initialiser is CoreFoundation's on Linux: without this import a release build fails.

/// Carries out the TUI's effects against the repository and turns each result into an action.
/// The only code of the application that touches storage.
final class EffectRunner {
    let service: CaseService
    /// Adding people and changing roles; it checks the clerk's rights again, whatever the TUI showed.
    let people: PeopleService
    let today: CivilDate
    let actor: String
    /// The connection problem the person was last told of (nil: none, or told it is over).
    private var shownConnectionProblem: String?
    /// Where the reports screen writes its exports: the person's home folder ($HOME, as the shell's `~`).
    var exportFolder = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()

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
        // The roles as stored now: a role granted or revoked in another terminal shows at the next reload.
        let acting = service.withRolesAsStored()
        let cases = acting.visibleCases
        // The repository's own table, whole when every file is visible (asking file by file took a lock
        // and built a storage id each time).
        let known = repository.caseRevisions
        var revisions = known
        if cases.count != known.count {
            revisions = [CaseID: Int](minimumCapacity: cases.count)
            for file in cases { revisions[file.id] = known[file.id] }
        }
        let access = acting.access
        let managesPeople = access.map { $0.refusalAnywhere(.managePeople) == nil } ?? true
        var data = AppData(cases: cases, revisions: revisions, organisation: repository.organisation,
                           rulebook: repository.rulebook, calendar: repository.calendar, today: today, actor: actor,
                           access: access, people: managesPeople ? people.people : [], exportFolder: exportFolder)
        // On a server a viewer's role reads no file, only the facts the reports count (one query).
        if repository.serverRole != nil, let access, access.refusalAnywhere(.readFile) != nil, access.refusalAnywhere(.readReports) == nil {
            data.reportFacts = try? repository.reportFacts()
        }
        return data
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
            case .exportReport(let document, let format, let stem, let folder):
                actions.append(export(document, format: format, stem: stem, folder: folder))
            case .run(let command):
                if !needsReload, othersChangedTheStore() { needsReload = true }
                do throws(ServiceError) {
                    let file = try service.run(command, actor: actor)
                    stored.append(file.id)
                    actions.append(saved(file))
                } catch {
                    needsReload = true
                    actions.append(refused(error, on: command.caseID))
                }
            case .runTogether(let commands):
                if !needsReload, othersChangedTheStore() { needsReload = true }
                do throws(ServiceError) {
                    let outcome = try service.runTogether(commands, actor: actor)
                    stored += outcome.saved.map(\.id)
                    if outcome.refused.isEmpty {
                        // Everyone saved, by name: the application says who (the question before listed them all).
                        actions.append(.savedTogether(files: outcome.saved.map { "\($0.id.rawValue) \($0.person.fullName)" },
                                                      count: commands.count))
                    } else {
                        needsReload = true
                        actions.append(.rejected(
                            title: "Không thể thực hiện",
                            lines: ["Đã ghi cho \(outcome.saved.count)/\(commands.count) hồ sơ. Chưa ghi được:"]
                                + outcome.refused.flatMap { id, error in ["\(id.rawValue):"] + lines(of: error).map { "  " + $0 } }))
                    }
                } catch {
                    needsReload = true
                    actions.append(refused(error, on: nil))
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
            case .changeUnit(let change, let id):
                needsReload = true
                actions.append(unitChange(change, of: id))
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

    /// Writes `document` to a new file `stem.ext` in `folder` (nil: the export folder; `~/…` and a relative
    /// path as the shell reads them) — `stem-2.ext`, `stem-3.ext`… when the name is taken: never over a
    /// file — through `OutputFile` (never into a data directory, 0600). A typed folder that cannot take it
    /// leads back to the form it was typed in.
    func export(_ document: ReportDocument, format: ReportExportFormat, stem: String, folder typed: String? = nil) -> Action {
        func refused(_ message: String) -> Action {
            typed == nil ? .failed(message) : .rejected(title: "Chưa xuất được báo cáo", lines: message.components(separatedBy: "\n"))
        }
        let exportFolder = typed.map { $0 == "~" ? DataLocation.home() : DataLocation.absolute($0) } ?? self.exportFolder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: exportFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return refused("Không có thư mục \"\(exportFolder)\". Chưa ghi gì. Hãy nhập một thư mục đã có, "
                + "ví dụ thư mục nhà \(self.exportFolder).")
        }
        do {
            let bytes: [UInt8]
            switch format {
            case .csv: bytes = Array(ReportCSVRenderer.render(document).utf8)
            case .html: bytes = Array(ReportHTMLRenderer.render(document).utf8)
            case .xlsx: bytes = try Workbook.archive(document)
            }
            let folder = exportFolder.hasSuffix("/") && exportFolder.count > 1 ? String(exportFolder.dropLast()) : exportFolder
            var suffix = 1
            var path = "\(folder)/\(stem).\(format.rawValue)"
            var status = stat()
            while lstat(path, &status) == 0 {
                suffix += 1
                path = "\(folder)/\(stem)-\(suffix).\(format.rawValue)"
            }
            let written = try OutputFile(dataDirectories: [repository.directory], force: false).write(bytes: bytes, to: path)
            return .exported(message: "Đã ghi báo cáo vào \(written)")
        } catch let failure as Failure {
            return refused(failure.message)
        } catch {
            return refused("Chưa xuất được báo cáo: \(error)")
        }
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

    /// Saves a change of a unit's settings through the units service (the CLI's own path); a refusal
    /// leads back to the form.
    private func unitChange(_ change: UnitChange, of id: UnitID) -> Action {
        let units = UnitService(sharing: service)
        do throws(ServiceError) {
            let unit = try units.change(change, of: id, actor: actor)
            switch change {
            case .counts(let counts):
                return .unitChanged(message: "Đã ghi số đảng viên của \(unit.name) từ ngày \(counts.since.vietnamese).")
            case .letterhead:
                return .unitChanged(message: "Đã ghi tiêu đề văn bản của \(unit.name).")
            case .shortName:
                return .unitChanged(message: "Đã ghi \(UnitShortName.described(unit)) của \(unit.name).")
            case .together:
                return .unitChanged(message: "Đã ghi \(UnitShortName.described(unit)) và tiêu đề văn bản của \(unit.name).")
            }
        } catch {
            return refused(error)
        }
    }

    /// What the person reads once a command is saved: its summary, and the cautions a correction raised.
    private func saved(_ file: CaseFile) -> Action {
        let last = file.history.last
        let cautions = (last?.changes ?? []).filter { $0.field == IdentityRecheck.field }.map(\.after)
        return .saved(file.id, message: "Đã lưu: \(last?.summary ?? "hồ sơ")", cautions: cautions)
    }

    /// What the person reads when the store refuses: a refusal by a rule, by role or of the input, and a
    /// save the disk did not take, lead back to the form; a field someone else changed meanwhile shows
    /// both values, who and when.
    private func refused(_ error: ServiceError, on id: CaseID? = nil) -> Action {
        switch Self.concealingMissingFile(error, access: service.access) {
        case .workflow(.conflict(let fields)):
            let who = id.flatMap { service.lastChange(of: $0) }.map { "Lần sửa mới nhất: \($0.by), lúc \($0.at)." }
            return .fieldConflict(id ?? "", lines: WorkflowError.conflict(fields).problemLines + (who.map { ["", $0] } ?? []))
        case .workflow(let workflow):
            return .rejected(title: workflow.popupTitle, lines: workflow.problemLines)
        case .storage(let storage) where storage.isConflict:
            return .conflict(storage.message)
        default:
            // A full disk, a read-only mount, a damaged store: nothing was saved, and what was typed is
            // kept — the popup leads back to the form, to save again once the cause is fixed.
            return .rejected(title: "Chưa lưu được", lines: error.message.components(separatedBy: "\n"))
        }
    }

    /// A missing file, to a person who does not see every file, reads as a file outside their lists
    /// (`Access.unseenFile`): the same popup for both, as the CLI gives the same answer.
    static func concealingMissingFile(_ error: ServiceError, access: Access?) -> ServiceError {
        guard case .caseNotFound(let id) = error, let access, !access.seesEveryFile else { return error }
        return .workflow(.notPermitted(access.unseenFile(id)))
    }

    /// A refusal as popup lines.
    private func lines(of error: ServiceError) -> [String] {
        if case .workflow(let workflow) = Self.concealingMissingFile(error, access: service.access) { return workflow.problemLines }
        return error.message.components(separatedBy: "\n")
    }

    /// Fresh data when another process saved since the last look (two `stat` calls when nothing changed),
    /// and word when the server stops answering or answers again (then the data is reloaded: what others
    /// saved meanwhile sent no notice).
    func pollExternalChanges() -> [Action] {
        let changed = repository.hasExternalChanges()
        let problem = repository.connectionProblem
        let wasLost = shownConnectionProblem != nil
        shownConnectionProblem = problem
        if let problem, !wasLost { return [.connection(problem: problem)] }
        guard changed else { return [] }
        let before = (revisions: repository.caseRevisions, organisation: repository.organisation, accounts: repository.accounts)
        do throws(RepositoryError) {
            try repository.refresh()
        } catch {
            return [.failed(error.message)]
        }
        if !wasLost, let files = filesChangedAlone(since: before) { return [.storedElsewhere(files)] }
        return [.loaded(loadData(), external: true)] + (wasLost && problem == nil ? [.connection(problem: nil)] : [])
    }

    /// The files others saved since `before`, when nothing else changed (no unit, member or person, no file
    /// gone) and they are few: applied in place, a change from another terminal costs what one's own does
    /// instead of rebuilding the index of every file (seconds at 100,000). Nil: reload everything.
    private func filesChangedAlone(
        since before: (revisions: [CaseID: Int], organisation: Organisation, accounts: [AccountID: Account])
    ) -> [StoredCase]? {
        guard repository.organisation == before.organisation, repository.accounts == before.accounts else { return nil }
        let after = repository.caseRevisions
        var changed: [CaseID] = []
        for (id, revision) in after where before.revisions[id] != revision {
            changed.append(id)
            if changed.count > Self.inPlaceLimit { return nil }
        }
        // Nothing visible changed (a viewer's facts, another unit's file): reload, as before.
        guard !changed.isEmpty, after.count == before.revisions.count + changed.filter({ before.revisions[$0] == nil }).count else {
            return nil
        }
        return storedVersions(of: changed.sorted { $0.rawValue < $1.rawValue })
    }

    /// Above this many files changed elsewhere, a reload costs less than applying each.
    private static let inPlaceLimit = 200
}
