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
        return try keptReportFacts(journal)
    }

    /// Reading unread files one by one costs more than reading the store whole once this many are needed.
    static let unreadFilesWorthReadingAlone = 256

    private func keptReportFacts(_ journal: JournalStore<StoredItem>) throws(RepositoryError) -> [ReportFacts] {
        // Written further on than the store is now, the file belongs to a history since rewound (restored):
        // its revision numbers are being reused.
        let kept = ReportFactsFile.read(in: directory).flatMap { $0.seq <= journal.sequence ? $0 : nil }
        let casePrefix = StoredItem.id(CaseID(""))
        var unread = journal.unreadRevisions.filter { $0.key.hasPrefix(casePrefix) }
        let revisions = caseRevisions
        var lines: [ReportFactsFile.Line] = []
        lines.reserveCapacity(unread.count + revisions.count)
        // The kept lines of files left unread and not saved since, in the file's (id) order.
        var keptAsIs = 0
        for line in kept?.lines ?? [] where unread[line.id] == line.revision {
            lines.append(line)
            unread[line.id] = nil
            keptAsIs += 1
        }
        if unread.count > Self.unreadFilesWorthReadingAlone { return try factsOfEveryFile() }
        let read = journal.readUnread(unread.keys)
        for (id, revision) in unread {
            guard case .caseFile(let file)? = read[id] else { return try factsOfEveryFile() }
            lines.append(ReportFactsFile.Line(id: id, revision: revision, facts: ReportFacts(file)))
        }
        for file in cases {
            lines.append(ReportFactsFile.Line(id: StoredItem.id(file.id), revision: revisions[file.id] ?? 0, facts: ReportFacts(file)))
        }
        // Kept again when anything in it is not as it was: a file saved, added or removed since, or read now.
        if keptAsIs != lines.count || kept?.lines.count != lines.count {
            lines.sort { $0.id < $1.id }
            ReportFactsFile.write(lines, seq: journal.sequence, in: directory)
        }
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
