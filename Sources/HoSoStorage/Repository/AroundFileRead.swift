import HoSoDomain
import HoSoJournal

extension Repository {
    /// Opens `directory` reading file `id` and only the part of the organisation a command on it needs:
    /// the file's unit and every unit above it (a person's roles in a unit come from them), the members of
    /// the file's unit (its recorded head-count in a vote's requirement) and every member the file names
    /// (mentors, introducers, note writers, the people responsible for a verification), and every person.
    /// A command on one file then costs the same at 100,000 files and 2,203 units as at 10,000: the other
    /// units and members are found in `snapshot.index` and left unread.
    ///
    /// `naming`: the members a command names besides (a new mentor, an introducer:
    /// `CaseCommand.Change.namedMembers`), read too. What it decides is then what a whole read decides for
    /// this file: roles in its unit are the same, every member the engine looks up is there, the names it
    /// prints are there. When the file is not in the data, or the index cannot say
    /// which members are the unit's, the organisation is read whole (`open(at:readingCases:)`): the answer
    /// to a missing number depends on whether the person sees every file, which only every unit tells.
    public static func open(at directory: String, aroundCase id: CaseID, naming: Set<MemberID> = []) throws(RepositoryError) -> Repository {
        let skipped = [StoredItem.id(CaseID("")), StoredItem.id(UnitID("")), StoredItem.id(MemberID(""))]
        let narrowed = try open(at: directory, selecting: RecordSelection(readingAllBut: skipped, except: [StoredItem.id(id)]))
        if narrowed.readOrganisation(around: id, naming: naming) { return narrowed }
        return try open(at: directory, readingCases: [id])
    }

    /// Reads the units and members a command on file `id` needs (see `open(at:aroundCase:)`); false when
    /// the file is missing or they cannot be read so.
    private func readOrganisation(around id: CaseID, naming: Set<MemberID>) -> Bool {
        guard let journal = store as? JournalStore<StoredItem>, let file = caseFile(id) else { return false }
        var unitID: UnitID? = file.unitID
        var seen: Set<UnitID> = []
        // Up to the top, or to a unit that is not there, as `Access` walks it; a loop ends the walk.
        while let current = unitID, seen.insert(current).inserted {
            guard journal.read([StoredItem.id(current)]) else { return false }
            guard case .unit(let unit)? = store.record(id: StoredItem.id(current))?.value else { break }
            unitID = unit.parentID
        }
        let memberPrefix = StoredItem.id(MemberID(""))
        guard let ofUnit = journal.unreadIDs(withPrefix: memberPrefix, at: StoredItem.memberUnit, equalTo: file.unitID.rawValue)
        else { return false }
        return journal.read(ofUnit + Self.membersNamed(by: file).union(naming).map(StoredItem.id))
    }

    /// Every member a file names.
    static func membersNamed(by file: CaseFile) -> Set<MemberID> {
        var named = Set(file.mentors.map(\.memberID))
        named.formUnion(file.introducers.map(\.memberID))
        named.formUnion(file.notes.compactMap(\.authorMember))
        named.formUnion(file.verificationItems.compactMap(\.responsibleMemberID))
        return named
    }
}
