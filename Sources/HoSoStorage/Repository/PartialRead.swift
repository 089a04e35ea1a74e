import HoSoDomain
import HoSoJournal

/// A case file seen before it is decoded: what a command needs to know whether to read it.
public struct CaseProbe: Sendable, Equatable {
    public let id: CaseID
    public let fullName: String
    public let state: CaseState
    /// As stored (`YYYY-MM-DD`): read into a date only for the files a command prints, not for every file
    /// it judges.
    private let birthDateText: String?

    public init(id: CaseID, fullName: String, state: CaseState, birthDate: CivilDate? = nil) {
        self.init(id: id, fullName: fullName, state: state, birthDateText: birthDate?.iso)
    }

    init(id: CaseID, fullName: String, state: CaseState, birthDateText: String?) {
        self.id = id
        self.fullName = fullName
        self.state = state
        self.birthDateText = birthDateText
    }

    /// The probe of a decoded file, so a command filters decoded files by the same rule.
    public init(_ file: CaseFile) {
        self.init(id: file.id, fullName: file.person.fullName, state: file.state, birthDate: file.person.birthDate)
    }

    /// Nil where the record does not hold a day where the data format puts it.
    public var birthDate: CivilDate? { birthDateText.flatMap(CivilDate.init(iso:)) }
}

extension Repository {
    /// Opens `directory` decoding only the case files `admits` accepts; units, members and people are all
    /// read. For commands that show a few files of a large store (a search, one file): the others are
    /// parsed but not decoded. Such a repository saves people and the files it read, never a file it did
    /// not read, and does not compact or back up (`StoreError.partialRead`).
    /// `readingMembers` false: the members are left unread too, for a command that names none and shows
    /// none (`case list`: a listing's rows and the person's rights come from units, people and files);
    /// its organisation then has no members.
    public static func open(
        at directory: String, readingCasesWhere admits: @escaping @Sendable (CaseProbe) -> Bool, readingMembers: Bool = true
    ) throws(RepositoryError) -> Repository {
        let casePrefix = StoredItem.id(CaseID(""))
        let judged: @Sendable (RecordProbe) -> Bool = { record in
            // A file whose fields are not where the data format puts them is read, and judged once decoded.
            guard record.id.hasPrefix(casePrefix), let probe = caseProbe(record) else { return true }
            return admits(probe)
        }
        if readingMembers { return try open(at: directory, selecting: RecordSelection(judged)) }
        return try open(at: directory, selecting: RecordSelection(readingAllBut: [casePrefix, StoredItem.id(MemberID(""))], probing: casePrefix, judged))
    }

    /// Opens `directory` decoding only the case files `ids`; units, members and people are all read. For a
    /// command on one file: `snapshot.index` is searched for it, so opening costs the same whatever the
    /// number of files (the others are not looked at). Partial as `open(at:readingCasesWhere:)` is.
    public static func open(at directory: String, readingCases ids: Set<CaseID>) throws(RepositoryError) -> Repository {
        try open(at: directory, selecting: RecordSelection(readingAllBut: StoredItem.id(CaseID("")), except: Set(ids.map(StoredItem.id))))
    }

    /// The probe of a case record, read where docs/storage-format.md puts the fields:
    /// `value.case.id`, `value.case.person.fullName`, `value.case.state`, `value.case.person.birthDate`.
    static func caseProbe(_ record: RecordProbe) -> CaseProbe? {
        var id: String?, fullName: String?, stateName: String?, birthDate: String?
        record.strings(at: probedPaths) { place, string in
            switch place {
            case 0: id = string
            case 1: fullName = string
            case 2: stateName = string
            default: birthDate = string
            }
        }
        guard let id, let fullName, let stateName, let state = CaseState(rawValue: stateName) else { return nil }
        return CaseProbe(id: CaseID(id), fullName: fullName, state: state, birthDateText: birthDate)
    }

    /// What `caseProbe` reads of each record, in this order.
    private static let probedPaths = ProbedPaths([StoredItem.probedID, StoredItem.probedName, StoredItem.probedState, StoredItem.probedBirthDate])

    /// The files `ids` this read left unread, read now (each from its snapshot line and the journal since);
    /// nil when one cannot be read so (a compaction replaced the snapshot meanwhile) or when they are more
    /// than `unreadFilesWorthReadingAlone` (one by one they cost more than the store read whole): open the
    /// store again.
    public func readUnreadFiles(_ ids: [CaseID]) -> [CaseFile]? {
        guard let journal = store as? JournalStore<StoredItem>, ids.count <= Self.unreadFilesWorthReadingAlone else { return nil }
        let read = journal.readUnread(ids.map { StoredItem.id($0) })
        var files: [CaseFile] = []
        for id in ids {
            guard case .caseFile(let file)? = read[StoredItem.id(id)] else { return nil }
            files.append(file)
        }
        return files
    }

    /// Whether some case files were left unread (`open(at:readingCasesWhere:)`).
    public var isPartial: Bool { store.isPartial }
}
