/// The records a `RecordSelection` left unread, with their revisions: enough to apply journal entries and
/// check saves, not to write the records out again.
///
/// Listed one by one when the read met every record (the snapshot read whole, or every entry of its
/// index). A read that names its records through `snapshot.index` lists none: the index answers for the
/// run of records it skipped when asked, so opening costs the same at 100,000 files as at 10,000.
struct UnreadRecords: Sendable {
    private var listed: [String: Int] = [:]
    private var skipped: SkippedRun?

    /// Entries of `lookup` in the runs at `positions` but `read`: unread, with the revisions the index
    /// gives, unless the journal has since settled them (`settled`: decoded, or their revision moved to
    /// `listed`).
    private struct SkippedRun: Sendable {
        let lookup: SnapshotIndexLookup
        let positions: [Range<Int>]
        let read: Set<Int>
        var settled: Set<String> = []

        func isSkipped(_ position: Int) -> Bool {
            !read.contains(position) && positions.contains { $0.contains(position) }
        }

        func revision(of id: String) -> Int? {
            guard !settled.contains(id), let position = lookup.position(of: id), isSkipped(position) else { return nil }
            return lookup.entry(at: position)?.revision
        }

        var count: Int {
            positions.reduce(0) { $0 + $1.count } - read.count { position in positions.contains { $0.contains(position) } } - settled.count
        }
    }

    init(_ listed: [String: Int] = [:]) {
        self.listed = listed
    }

    /// Every entry of `lookup` in the runs at `positions` but those at `read`.
    init(skipping positions: [Range<Int>], of lookup: SnapshotIndexLookup, but read: Set<Int>) {
        skipped = SkippedRun(lookup: lookup, positions: positions, read: read)
    }

    /// The unread records whose id starts with `prefix` and whose string at index path `path` is `value`,
    /// as `snapshot.index` gives them: found by their index lines, without reading the records (a journal
    /// change that may alter such a string is read, see `StoreState.apply`). Nil when this read cannot tell:
    /// it did not go through the index by name, the index keeps no such path, or records are listed
    /// outside it.
    func ids(withPrefix prefix: String, at path: [String], equalTo value: String) -> [String]? {
        guard let skipped, let place = skipped.lookup.index.paths.firstIndex(of: path),
              listed.keys.allSatisfy({ !$0.hasPrefix(prefix) || skipped.settled.contains($0) })
        else { return nil }
        let run = skipped.lookup.positions(withPrefix: prefix)
        let ids = skipped.lookup.positions(in: run, stringAt: place, equalTo: value).compactMap { position -> String? in
            guard skipped.isSkipped(position), let id = skipped.lookup.recordID(at: position),
                  !skipped.settled.contains(id) || listed[id] != nil
            else { return nil }
            return id
        }
        return skipped.lookup.isDamaged ? nil : ids
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

    /// Whether the index this read went through met a part that does not match its digest: its answers
    /// (which records are unread, their revisions) are then not to be trusted.
    var indexDamaged: Bool { skipped?.lookup.isDamaged ?? false }

    var isEmpty: Bool { listed.isEmpty && (skipped?.count ?? 0) == 0 }

    /// Every unread record's revision (parses every skipped entry of the index: for the rare reader that
    /// needs them all).
    var all: [String: Int] {
        var all: [String: Int] = [:]
        if let skipped {
            for position in skipped.positions.joined() where !skipped.read.contains(position) {
                if let entry = skipped.lookup.entry(at: position), !skipped.settled.contains(entry.id) { all[entry.id] = entry.revision }
            }
        }
        all.merge(listed) { _, listed in listed }
        return all
    }
}
