import Foundation
import HoSoDomain

/// The data of a unit: its units, members and files in a durable record store (the data directory's
/// journal, or a PostgreSQL server), plus its settings and security log. The CLI and the TUI both read
/// and write through it.
public final class Repository: @unchecked Sendable {
    /// The format version of the records; raise it with a migration when the model changes.
    /// 2: every snapshot carries `recordsHash`, and every history entry its seal (`migrations`).
    /// 3: the journal writes what a save changed in a file (`CaseFile.Patch`), not the whole file; the
    /// records are as in 2, the version only keeps older HoSo from reading patches as removals.
    public static let schemaVersion = 3

    /// The migrations from each older version, applied on open after a backup of the old snapshot.
    static let migrations = [HistorySeal.sealingMigration, Migration(from: 2) { $0 }]

    /// Where the data is, as people name it: the data directory, or the server's address (no password).
    public let directory: String
    public let rulebook: Rulebook
    public let calendar: WorkingCalendar
    package let store: any RecordStore<StoredItem>
    /// Settings and security log kept with the records (a database server); nil: files in `directory`.
    let sidecar: (any SettingsAndAuditStore)?
    private var cache: Cache?

    private struct Cache {
        var sequence: Int
        let organisation: Organisation
        let accounts: [AccountID: Account]
        var cases: [CaseFile]
        var revisions: [CaseID: Int]

        /// Puts one saved file in place (the list stays in id order).
        mutating func replace(_ file: CaseFile, revision: Int?) {
            var low = 0
            var high = cases.count
            while low < high {
                let middle = (low + high) / 2
                if cases[middle].id < file.id { low = middle + 1 } else { high = middle }
            }
            if low < cases.count, cases[low].id == file.id {
                cases[low] = file
            } else {
                cases.insert(file, at: low)
            }
            revisions[file.id] = revision
        }
    }

    private init(
        directory: String, store: any RecordStore<StoredItem>, rulebook: Rulebook, calendar: WorkingCalendar,
        sidecar: (any SettingsAndAuditStore)? = nil
    ) {
        self.directory = directory
        self.store = store
        self.rulebook = rulebook
        self.calendar = calendar
        self.sidecar = sidecar
    }

    /// A repository on another backend's store, whose settings and security log live beside its records.
    package static func onServer(_ store: any RecordStore<StoredItem> & SettingsAndAuditStore) throws(RepositoryError) -> Repository {
        let place = store.location
        func setting(_ name: String) throws(RepositoryError) -> Data? {
            do { return try store.setting(name).map { Data($0.utf8) } } catch { throw RepositoryError(error) }
        }
        return Repository(
            directory: place, store: store,
            rulebook: try SettingsFiles.rulebook(from: try setting("rules.json"), place: place + " (rules.json)"),
            calendar: try SettingsFiles.calendar(from: try setting("holidays.json"), place: place + " (holidays.json)"),
            sidecar: store)
    }

    /// The first records of a new data set, signed by `actor`.
    package static func initialRecords(
        units: [HoSoDomain.Unit], members: [Member], cases: [CaseFile], accounts: [Account], actor: String
    ) -> [StoredRecord<StoredItem>] {
        let items = units.map(StoredItem.unit) + members.map(StoredItem.member) + accounts.map(StoredItem.account)
            + cases.map { StoredItem.caseFile(HistorySeal.sealed($0)) }
        let now = Timestamp.iso8601(Date())
        return items.map { StoredRecord(id: $0.storageID, revision: 1, value: $0, changedBy: actor, changedAt: now) }
    }

    /// A new data directory with its first units, members and (for the demo) files.
    public static func create(
        at directory: String, units: [HoSoDomain.Unit], members: [Member], cases: [CaseFile] = [],
        accounts: [Account] = [], actor: String
    ) throws(RepositoryError) -> Repository {
        // On a fresh account ~/.local/share may not exist yet; the store makes only the last level.
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            try? FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let store: JournalStore<StoredItem>
        do {
            store = try JournalStore<StoredItem>.create(
                at: directory, schemaVersion: schemaVersion,
                initialRecords: initialRecords(units: units, members: members, cases: cases, accounts: accounts, actor: actor))
        } catch {
            if case .alreadyExists = error {
                throw RepositoryError(
                    message: "Thư mục \(directory) đã có dữ liệu HoSo; không tạo đè. Dùng thư mục khác (--data) hoặc mở dữ liệu đang có.",
                    storeError: error)
            }
            if isDamage(error, directory: directory) { throw failure(error, directory: directory) }
            throw RepositoryError(error)
        }
        return Repository(
            directory: directory, store: store, rulebook: try SettingsFiles.rulebook(in: directory),
            calendar: try SettingsFiles.calendar(in: directory))
    }

    /// Opens an existing data directory, refusing what it does not understand before writing anything.
    public static func open(at directory: String) throws(RepositoryError) -> Repository {
        try open(at: directory, selecting: nil)
    }

    /// `selecting`: the snapshot records to decode (all when nil; see `open(at:readingCasesWhere:)`).
    static func open(at directory: String, selecting selection: RecordSelection?) throws(RepositoryError) -> Repository {
        var isDirectory: ObjCBool = false
        // A store that lost its snapshot is damaged, not absent: the store's own error names what is left.
        guard FileManager.default.fileExists(atPath: directory + "/snapshot.json", isDirectory: &isDirectory)
            || StoreLoader<StoredItem>.storeLeftovers(StoreLayout(directory: directory), fileSystem: .real) != nil
        else {
            throw RepositoryError(
                message: "Chưa có dữ liệu HoSo ở \(directory). Tạo mới bằng \"hoso init --name … --official N\", "
                    + "thử dữ liệu mẫu bằng \"hoso demo\", hoặc chỉ thư mục khác bằng --data.")
        }
        let store: JournalStore<StoredItem>
        do {
            store = try JournalStore<StoredItem>.open(
                at: directory, supportedSchemaVersion: schemaVersion, migrations: migrations, selecting: selection)
        } catch {
            throw failure(error, directory: directory)
        }
        return Repository(
            directory: directory, store: store, rulebook: try SettingsFiles.rulebook(in: directory),
            calendar: try SettingsFiles.calendar(in: directory))
    }

    private var current: Cache {
        if let cache, cache.sequence == store.sequence { return cache }
        var units: [HoSoDomain.Unit] = []
        var members: [Member] = []
        var cases: [CaseFile] = []
        var revisions: [CaseID: Int] = [:]
        var accounts: [AccountID: Account] = [:]
        for record in store.records.values {
            switch record.value {
            case .unit(let unit): units.append(unit)
            case .member(let member): members.append(member)
            case .caseFile(let file):
                cases.append(file)
                revisions[file.id] = record.revision
            case .account(let account): accounts[account.id] = account
            }
        }
        cases.sort { $0.id < $1.id }
        let fresh = Cache(
            sequence: store.sequence, organisation: Organisation(units: units, members: members), accounts: accounts, cases: cases,
            revisions: revisions)
        cache = fresh
        return fresh
    }

    public var organisation: Organisation { current.organisation }

    /// The people who use HoSo on this data, by id.
    public var accounts: [AccountID: Account] { current.accounts }

    public func accountRevision(_ id: AccountID) -> Int? { store.record(id: StoredItem.id(id))?.revision }

    /// Saves a person if nobody changed them since `expectedRevision` (nil: they must be new).
    public func save(account: Account, expectedRevision: Int?, actor: String, summary: String) throws(RepositoryError) {
        try commit(
            [RecordChange(id: StoredItem.id(account.id), expectedRevision: expectedRevision, newValue: .account(account), summary: summary)],
            actor: actor)
    }

    /// Every file, in id order.
    public var cases: [CaseFile] { current.cases }

    public func caseFile(_ id: CaseID) -> CaseFile? {
        guard case .caseFile(let file)? = store.record(id: StoredItem.id(id))?.value else { return nil }
        return file
    }

    /// The compare-and-swap token of a file: a save must name the revision its edit started from.
    /// The revision of every file, as of the last save or refresh.
    public var caseRevisions: [CaseID: Int] { current.revisions }

    public func revision(of id: CaseID) -> Int? { store.record(id: StoredItem.id(id))?.revision }

    /// Who last changed a file, and when (ISO-8601 UTC), for the conflict message and the TUI.
    public func lastChange(of id: CaseID) -> (by: String, at: String)? {
        store.record(id: StoredItem.id(id)).map { ($0.changedBy, $0.changedAt) }
    }

    /// The next free file id, "HS-0001" style.
    public func nextCaseID() -> CaseID {
        let highest = cases.compactMap { Int($0.id.rawValue.split(separator: "-").last ?? "") }.max() ?? 0
        return CaseID("HS-" + String(format: "%04d", highest + 1))
    }

    /// Saves a file if nobody changed it since `expectedRevision` (nil: it must be new).
    public func save(_ file: CaseFile, expectedRevision: Int?, actor: String, summary: String) throws(RepositoryError) {
        try save([(file, expectedRevision)], actor: actor, summary: summary)
    }

    /// Saves files in one commit, all or none, each if nobody changed it since its expected revision
    /// (nil: it must be new): a class's certificates land together.
    public func save(_ files: [(file: CaseFile, expectedRevision: Int?)], actor: String, summary: String) throws(RepositoryError) {
        // A part that could not be read reads as empty: saving over it would lose it.
        for (file, _) in files {
            if let problem = caseFile(file.id)?.unreadablePart ?? file.unreadablePart {
                throw unreadablePart(of: file.id, problem: problem)
            }
        }
        let sealed = files.map { (HistorySeal.sealed($0.file), $0.expectedRevision) }
        let sequenceBefore = store.sequence
        try commit(
            sealed.map { file, expected in
                RecordChange(id: StoredItem.id(file.id), expectedRevision: expected, newValue: .caseFile(file),
                             summary: files.count == 1 ? summary : file.history.last?.summary ?? summary)
            },
            actor: actor)
        // When this save is the only change since the lists were built, update them in place: a save
        // must cost the same whatever the number of files. Taken out of `cache` first so the arrays are
        // uniquely referenced and change in place rather than being copied.
        guard var lists = cache, lists.sequence == sequenceBefore, store.sequence == sequenceBefore + 1 else { return }
        cache = nil
        for (file, _) in sealed { lists.replace(file, revision: revision(of: file.id)) }
        lists.sequence = store.sequence
        cache = lists
    }

    private func unreadablePart(of id: CaseID, problem: String) -> RepositoryError {
        RepositoryError(message: Self.unreadablePartSentence(of: id, problem: problem)
            + " Không lưu thay đổi để khỏi mất phần đó. " + BackupAdvice.sentence(latest: listBackups().last))
    }

    /// "Hồ sơ HS-0001: một phần trong tệp dữ liệu không đọc được (lịch sử: …)…"
    public static func unreadablePartSentence(of id: CaseID, problem: String) -> String {
        "Hồ sơ \(id): một phần trong tệp dữ liệu không đọc được (\(problem)); có lẽ tệp đã bị sửa ngoài HoSo."
    }

    public func save(member: Member, expectedRevision: Int?, actor: String) throws(RepositoryError) {
        try commit(
            [RecordChange(id: StoredItem.id(member.id), expectedRevision: expectedRevision, newValue: .member(member), summary: "Đảng viên")],
            actor: actor)
    }

    public func save(unit: HoSoDomain.Unit, actor: String) throws(RepositoryError) {
        let id = StoredItem.id(unit.id)
        try commit(
            [RecordChange(id: id, expectedRevision: store.record(id: id)?.revision, newValue: .unit(unit), summary: "Đơn vị")],
            actor: actor)
    }

    public func memberRevision(_ id: MemberID) -> Int? { store.record(id: StoredItem.id(id))?.revision }

    private func commit(_ changes: [RecordChange<StoredItem>], actor: String) throws(RepositoryError) {
        do {
            _ = try store.commit(changes, actor: actor, now: Date())
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    /// Runs `decide` on the data as committed now, with the store's write lock held until it returns:
    /// what it saves meets no change made meanwhile by another terminal or client (see `RecordStore`).
    public func exclusively<T>(_ decide: () -> T) throws(RepositoryError) -> T {
        do {
            return try store.exclusively(decide)
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    /// Picks up what other terminals saved; true when something changed.
    @discardableResult
    public func refresh() throws(RepositoryError) -> Bool {
        do {
            return try store.refresh()
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    /// A cheap test (file sizes and inodes) for the TUI to poll every second or so.
    public func hasExternalChanges() -> Bool { store.hasExternalChanges() }

    /// Why the data cannot be reached now (a server down), as the last look found; nil when it can.
    public var connectionProblem: String? { store.connectionProblem }

    /// Integrity of the directory: JSON, ids, hash chain, stray files, modes, the workflow's own
    /// invariants on every file, and a note when the directory is on a network file system (checked here
    /// rather than on every command: one `statfs` is cheap, but the advice belongs to a review).
    public func check() -> IntegrityReport {
        var report = IntegrityReport()
        for problem in store.check() {
            switch problem.severity {
            case .error: report.errors.append(problem.placeAndMessage)
            case .repairable, .note: report.notes.append(problem.description)
            }
        }
        report.errors += CaseInvariants.problems(in: cases, organisation: organisation)
        report.notes += UnitShortName.storedProblems(in: organisation)
        for file in cases {
            if let problem = file.unreadablePart {
                report.errors.append(
                    Self.unreadablePartSentence(of: file.id, problem: problem) + " Khôi phục bản sao lưu trước lần sửa đó.")
            } else if let entry = HistorySeal.firstBrokenEntry(of: file) {
                report.errors.append(
                    "Hồ sơ \(file.id): lịch sử đã bị sửa ngoài HoSo từ mục \(entry) trở đi (dấu niêm phong thiếu hoặc không khớp). "
                        + "Không sửa tay tệp dữ liệu; khôi phục bản sao lưu trước lần sửa đó.")
            }
        }
        if sidecar == nil, !store.isPartial {
            let revisions = caseRevisions
            let computed = cases.map { ReportFactsFile.Line(id: StoredItem.id($0.id), revision: revisions[$0.id] ?? 0, facts: ReportFacts($0)) }
            if let problem = ReportFactsFile.disagreement(in: directory, with: computed) {
                // Derived data, like snapshot.index: written anew from the files, and said.
                ReportFactsFile.write(computed, seq: store.sequence, in: directory)
                report.notes.append("Tệp \(ReportFactsFile.fileName) (số liệu báo cáo giữ sẵn): \(problem). HoSo đã ghi lại tệp từ các hồ sơ; "
                    + "hãy lập lại báo cáo đã gửi từ sau lần sửa đó.")
            }
        }
        if sidecar == nil, let fileSystem = NetworkFileSystem.name(ofPath: directory) {
            report.notes.append(NetworkFileSystem.warning(directory: directory, fileSystem: fileSystem))
        }
        return report
    }

    public func backup() throws(RepositoryError) -> BackupInfo {
        do { return try store.backup(now: Date()) } catch { throw Self.failure(error, directory: directory) }
    }

    /// The backups, oldest first.
    public func listBackups() -> [BackupInfo] { store.listBackups() }

    /// Restores a backup into this (sound) store as one attributed journal entry.
    public func restore(fromBackup name: String, actor: String) throws(RepositoryError) {
        do { try store.restore(fromBackup: name, actor: actor, now: Date()) } catch { throw Self.failure(error, directory: directory) }
    }

    /// What `check()` finds in the store of `directory` when it refuses to open because a file is damaged
    /// (nil when it opens, or is refused for another reason): the store's own findings, every one of them,
    /// without the workflow's (no file can be read).
    public static func checkIfDamaged(at directory: String) -> IntegrityReport? {
        do {
            _ = try open(at: directory)
            return nil
        } catch {
            guard let storeError = error.storeError, isDamage(storeError, directory: directory) else { return nil }
        }
        var report = IntegrityReport()
        for problem in JournalStore<StoredItem>.check(inDirectory: directory, schemaVersion: schemaVersion) {
            switch problem.severity {
            case .error: report.errors.append(problem.placeAndMessage)
            case .repairable, .note: report.notes.append(problem.description)
            }
        }
        return report
    }

    /// The backups of `directory`, oldest first, without opening the store: works when it is damaged.
    public static func listBackups(at directory: String) -> [BackupInfo] {
        JournalStore<StoredItem>.listBackups(inDirectory: directory)
    }

    /// Restores a backup whether or not the store opens. A sound store gets the backup's values as one
    /// journal entry; a store refused because a file is corrupt is replaced by the backup, its damaged
    /// files kept in `damaged-<UTC time>/`. Any other refusal (modes, links, a newer version) is passed on:
    /// a person fixes those, and a restore would hide them.
    public static func restore(at directory: String, fromBackup name: String, actor: String) throws(RepositoryError) -> RestoreOutcome {
        let repository: Repository
        do {
            repository = try open(at: directory)
        } catch {
            guard let storeError = error.storeError, isDamage(storeError, directory: directory) else { throw error }
            // Facts kept for revisions of the history being replaced: the restored history reuses those numbers.
            ReportFactsFile.remove(in: directory)
            do {
                let result = try JournalStore<StoredItem>.restoreDamagedStore(at: directory, fromBackup: name, schemaVersion: schemaVersion)
                return .replacedDamagedStore(damagedDirectory: result.damagedDirectory)
            } catch {
                throw RepositoryError(error)
            }
        }
        try repository.restore(fromBackup: name, actor: actor)
        return .replayed
    }

    /// A refusal that only a backup can answer: a corrupt file, or a journal directory lost mid-restore.
    static func isDamage(_ error: StoreError, directory: String) -> Bool {
        switch error {
        case .corruptFile: true
        case .notAStore(let path): path == StoreLayout(directory: directory).journalDirectory
        default: false
        }
    }

    /// The clerk's message for a store error; a damaged store's message names the latest backup and the
    /// exact command to restore it, so nobody is tempted to edit the files by hand.
    static func failure(_ error: StoreError, directory: String) -> RepositoryError {
        let plain = RepositoryError(error)
        guard isDamage(error, directory: directory) else { return plain }
        let advice = BackupAdvice.sentence(latest: listBackups(at: directory).last)
        return RepositoryError(message: plain.message + "\n" + advice, storeError: error)
    }
}

extension Repository {
    /// Rewrites the snapshot with everything and starts a new journal segment (the old ones stay as history).
    public func compact() throws(RepositoryError) {
        do { try store.compact(now: Date()) } catch { throw RepositoryError(error) }
    }

    /// Whether saves leave the compaction they make due to `compactIfDue()` (see `JournalStore.defersCompaction`).
    public var defersCompaction: Bool {
        get { store.defersCompaction }
        set { store.defersCompaction = newValue }
    }

    /// Why the last compaction (after a save, or `compactIfDue`) failed, if it did. Nothing is lost: the
    /// saves are in the journal, and the next save tries again.
    public var lastCompactionError: RepositoryError? { store.lastCompactionError.map(RepositoryError.init) }

    /// Compacts if the journal is past the thresholds; true when it did.
    @discardableResult
    public func compactIfDue() throws(RepositoryError) -> Bool {
        do { return try store.compactIfDue() } catch { throw RepositoryError(error) }
    }
}
