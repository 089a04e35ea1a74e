import HoSoDomain
import HoSoJournal

/// A store that keeps the report facts of each file beside it (a database server), so that a report reads
/// them in one query, and a person who may count files without reading them (a viewer) can.
package protocol ReportFactsSource: AnyObject {
    /// The facts of every file the signed-in person may count, in id order.
    func reportFacts() throws(StoreError) -> [ReportFacts]
    /// The same files counted by the store for one report: a row per group the report cannot tell apart.
    func reportFacts(for request: ReportFactsRequest) throws(StoreError) -> CountedReportFacts
}

extension Repository {
    /// The facts of every file this person's reports count: one query on a server; in a data directory,
    /// made from the files read, and for the files a partial read left unread, the ones kept in
    /// `report-facts.jsonl` for their revision (a file saved since is read now).
    public func reportFacts() throws(RepositoryError) -> [ReportFacts] {
        if let source = store as? any ReportFactsSource {
            do { return try source.reportFacts() } catch { throw RepositoryError(error) }
        }
        guard let journal = store as? JournalStore<StoredItem>, journal.isPartial else { return cases.map(ReportFacts.init) }
        if let kept = try keptReportFacts(journal) { return kept }
        return try factsOfEveryFile()
    }

    /// The facts of every file when they come cheaply, without reading the files whole: a server's
    /// (one query); in a data directory opened without its files, the facts kept in `report-facts.tsv`
    /// and those of the few files saved since. Nil when they would cost a full read (none kept, or too
    /// many files saved since: more than `unreadFilesWorthReadingAlone(among:)` to read); the terminal application
    /// then draws its first frame from the files.
    ///
    /// `keeping`: whether facts of files saved since are written back to `report-facts.tsv` (every line of
    /// it: 0.4 s at 100,000 files). The terminal application's first frame passes false: the full read
    /// behind that frame keeps them anyway, and the frame should not wait for a file it does not need.
    public func factsWithoutReadingFiles(keeping: Bool = true) throws(RepositoryError) -> [ReportFacts]? {
        if let source = store as? any ReportFactsSource {
            do { return try source.reportFacts() } catch { throw RepositoryError(error) }
        }
        guard let journal = store as? JournalStore<StoredItem>, journal.isPartial else { return nil }
        return try keptReportFacts(journal, keeping: keeping)
    }

    /// The facts of the files `ids` (those that exist) without reading the other files: in a data directory
    /// opened with these files left unread, the lines kept for them (found by id, the rest of the kept file
    /// not parsed) and, for a file saved since or read anyway, its own; nil when that would cost a full read
    /// (no facts kept and more than `unreadFilesWorthReadingAlone` files to read), or on a server or a
    /// repository that read its files, which have them otherwise (`reportFacts()`, the files).
    public func factsWithoutReadingFiles(of ids: [CaseID]) -> [CaseID: ReportFacts]? {
        guard let journal = store as? JournalStore<StoredItem>, journal.isPartial else { return nil }
        let unread = journal.unreadRevisions(of: ids.map { StoredItem.id($0) })
        let wanted = ids.map { StoredItem.id($0) }.filter { unread[$0] != nil }
        var facts: [CaseID: ReportFacts] = [:]
        facts.reserveCapacity(ids.count)
        for id in ids {
            if let file = caseFile(id) { facts[id] = ReportFacts(file) }
        }
        let kept = ReportFactsFile.read(in: directory, only: wanted).flatMap { $0.seq <= journal.sequence ? $0 : nil }
        var toRead = Set(wanted)
        for line in kept?.lines ?? [] where unread[line.id] == line.revision {
            facts[line.facts.caseID] = line.facts
            toRead.remove(line.id)
        }
        guard toRead.count <= Self.unreadFilesWorthReadingAlone else { return nil }
        let read = journal.readUnread(toRead)
        for id in toRead {
            guard case .caseFile(let file)? = read[id] else { return nil }
            facts[file.id] = ReportFacts(file)
        }
        return facts
    }

    /// Keeps `report-facts.tsv` as every file read now gives it, unless it already is (the same store
    /// sequence): the next terminal application draws its board from it, and the next report reads it.
    /// Only a data directory read whole; errors are ignored (the file is derived data, remade when missing).
    public func keepReportFacts() {
        guard let journal = store as? JournalStore<StoredItem>, !journal.isPartial,
              ReportFactsFile.sequence(in: directory) != journal.sequence
        else { return }
        let revisions = caseRevisions
        let lines = cases.map { file in
            ReportFactsFile.Line(id: StoredItem.id(file.id), revision: revisions[file.id] ?? 0, facts: ReportFacts(file))
        }
        ReportFactsFile.write(lines, seq: journal.sequence, in: directory)
    }

    /// Reading unread files one by one costs more than reading the store whole once this many are needed.
    static let unreadFilesWorthReadingAlone = 256

    /// The same for the kept facts of a store of `total` files: a file read alone costs about 0.5 ms, a
    /// whole read 20–30 µs a file (2.2–3 s at 100,000), so a large store reads up to a hundredth of its files
    /// alone (1,000 at 100,000) rather than every file before the first frame.
    static func unreadFilesWorthReadingAlone(among total: Int) -> Int {
        max(unreadFilesWorthReadingAlone, total / 100)
    }

    /// Nil when the kept facts would not spare a full read. `keeping`: whether what changed is written back.
    private func keptReportFacts(_ journal: JournalStore<StoredItem>, keeping: Bool = true) throws(RepositoryError) -> [ReportFacts]? {
        // Written further on than the store is now, the file belongs to a history since rewound (restored):
        // its revision numbers are being reused.
        let kept = ReportFactsFile.read(in: directory).flatMap { $0.seq <= journal.sequence ? $0 : nil }
        let casePrefix = StoredItem.id(CaseID(""))
        var unread = journal.unreadRevisions.filter { $0.key.hasPrefix(casePrefix) }
        let worthReadingAlone = Self.unreadFilesWorthReadingAlone(among: unread.count + cases.count)
        let keptLines = kept?.lines ?? []
        // The kept lines of files left unread and not saved since (by position: a line is a large value,
        // copied once, into the result).
        var keptAsIs: [Int] = []
        keptAsIs.reserveCapacity(keptLines.count)
        for position in keptLines.indices where unread[keptLines[position].id] == keptLines[position].revision {
            keptAsIs.append(position)
            unread[keptLines[position].id] = nil
        }
        if unread.count > worthReadingAlone { return nil }
        var fresh: [ReportFactsFile.Line] = []
        let read = journal.readUnread(unread.keys)
        for (id, revision) in unread {
            guard case .caseFile(let file)? = read[id] else { return nil }
            fresh.append(ReportFactsFile.Line(id: id, revision: revision, facts: ReportFacts(file)))
        }
        let revisions = caseRevisions
        for file in cases {
            fresh.append(ReportFactsFile.Line(id: StoredItem.id(file.id), revision: revisions[file.id] ?? 0, facts: ReportFacts(file)))
        }
        // Every kept line as it was: the file need not be written again.
        if fresh.isEmpty, keptAsIs.count == keptLines.count { return keptLines.map(\.facts) }
        // Kept again when anything in it is not as it was: a file saved, added or removed since, or read now.
        var lines = keptAsIs.map { keptLines[$0] } + fresh
        lines.sort { $0.id < $1.id }
        if keeping { ReportFactsFile.write(lines, seq: journal.sequence, in: directory) }
        return lines.map(\.facts)
    }

    /// The facts made from every file, read whole now, and kept for the next report.
    private func factsOfEveryFile() throws(RepositoryError) -> [ReportFacts] {
        let whole = try Repository.open(at: directory)
        let revisions = whole.caseRevisions
        let lines = whole.cases.map { file in
            ReportFactsFile.Line(id: StoredItem.id(file.id), revision: revisions[file.id] ?? 0, facts: ReportFacts(file))
        }
        ReportFactsFile.write(lines, seq: whole.store.sequence, in: directory)
        return lines.map(\.facts)
    }

    /// What one report counts (`request`): on a server, the files counted there, a few thousand rows for
    /// 100,000 files; in a data directory, every file's facts (`reportFacts()`), which give the same figures.
    public func reportFacts(for request: ReportFactsRequest) throws(RepositoryError) -> CountedReportFacts {
        guard let source = store as? any ReportFactsSource else { return CountedReportFacts(facts: try reportFacts()) }
        do { return try source.reportFacts(for: request) } catch { throw RepositoryError(error) }
    }
}
