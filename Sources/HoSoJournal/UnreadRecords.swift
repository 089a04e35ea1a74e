/// The records a `RecordSelection` left unread, with their revisions: enough to apply journal entries and
/// check saves, not to write the records out again.
///
/// Listed one by one when the read met every record (the snapshot read whole, or every entry of its
/// index). A read that names its records through `snapshot.index` lists none: the index answers for the
/// run of records it skipped when asked, so opening costs the same at 100,000 files as at 10,000.
struct UnreadRecords: Sendable {
    private var listed: [String: Int] = [:]
    private var skipped: SkippedRun?

    /// Entries of `lookup` at `positions` but `read`: unread, with the revisions the index gives, unless
    /// the journal has since settled them (`settled`: decoded, or their revision moved to `listed`).
    private struct SkippedRun: Sendable {
        let lookup: SnapshotIndexLookup
        let positions: Range<Int>
        let read: Set<Int>
        var settled: Set<String> = []

        func revision(of id: String) -> Int? {
            guard !settled.contains(id), let position = lookup.position(of: id), positions.contains(position), !read.contains(position)
            else { return nil }
            return lookup.entry(at: position)?.revision
        }

        var count: Int { positions.count - read.count(where: positions.contains) - settled.count }
    }

    init(_ listed: [String: Int] = [:]) {
        self.listed = listed
    }

    /// Every entry of `lookup` at `positions` but those at `read`.
    init(skipping positions: Range<Int>, of lookup: SnapshotIndexLookup, but read: Set<Int>) {
        skipped = SkippedRun(lookup: lookup, positions: positions, read: read)
    }

    /// The revision of unread record `id`; nil when it was read, or is not in the store. Setting nil: it is
    /// read (or removed) now.
    subscript(id: String) -> Int? {
        get { listed[id] ?? skipped?.revision(of: id) }
        set {
            // Settled first, while the index still answers for it.
            if skipped?.revision(of: id) != nil { skipped?.settled.insert(id) }
            listed[id] = newValue
        }
    }

    var isEmpty: Bool { listed.isEmpty && (skipped?.count ?? 0) == 0 }

    /// Every unread record's revision (parses every skipped entry of the index: for the rare reader that
    /// needs them all).
    var all: [String: Int] {
        var all: [String: Int] = [:]
        if let skipped {
            for position in skipped.positions where !skipped.read.contains(position) {
                if let entry = skipped.lookup.entry(at: position), !skipped.settled.contains(entry.id) { all[entry.id] = entry.revision }
            }
        }
        all.merge(listed) { _, listed in listed }
        return all
    }
}
