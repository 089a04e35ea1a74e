import HoSoDomain

/// A store that keeps the report facts of each file beside it (a database server), so that a report reads
/// them in one query, and a person who may count files without reading them (a viewer) can.
package protocol ReportFactsSource: AnyObject {
    /// The facts of every file the signed-in person may count, in id order.
    func reportFacts() throws(StoreError) -> [ReportFacts]
    /// The same files counted by the store for one report: a row per group the report cannot tell apart.
    func reportFacts(for request: ReportFactsRequest) throws(StoreError) -> [ReportFacts]
}

extension Repository {
    /// The facts of every file this person's reports count: one query on a server; made from the files
    /// in a data directory (the same `ReportFacts(file)` the server stored).
    public func reportFacts() throws(RepositoryError) -> [ReportFacts] {
        guard let source = store as? any ReportFactsSource else { return cases.map(ReportFacts.init) }
        do { return try source.reportFacts() } catch { throw RepositoryError(error) }
    }

    /// What one report counts (`request`): on a server, the files counted there, a few thousand rows for
    /// 100,000 files; in a data directory, every file's facts, which give the same figures.
    public func reportFacts(for request: ReportFactsRequest) throws(RepositoryError) -> [ReportFacts] {
        guard let source = store as? any ReportFactsSource else { return cases.map(ReportFacts.init) }
        do { return try source.reportFacts(for: request) } catch { throw RepositoryError(error) }
    }
}
