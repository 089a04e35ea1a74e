/// Which snapshot records a read of the store decodes. A command that shows a few files of a large store
/// (a search, one file) need not decode the others: their lines are parsed (so a damaged line still
/// refuses the open) and only their id and revision are kept, so that journal entries still apply in
/// order and a save still meets the conflict check. A store read this way is partial: it refuses what
/// needs every record (compaction, backups, restores) and saves to records it left unread.
public struct RecordSelection: Sendable {
    let admits: @Sendable (RecordProbe) -> Bool
    /// Set when the selection says by id which records it reads: then `snapshot.index` is searched for
    /// them, and no other record of the `prefixes` is looked at (`SnapshotIndexLookup`).
    var named: (prefixes: [String], ids: Set<String>)?

    /// `admits` sees each snapshot record before it is decoded; records it refuses are left unread.
    public init(_ admits: @escaping @Sendable (RecordProbe) -> Bool) {
        self.admits = admits
        self.named = nil
    }

    /// Every record whose id does not start with `prefix`, and of those that do only `ids`: a command on
    /// one file (`case/…`) reads it and what it depends on, at a cost that does not grow with the files.
    public init(readingAllBut prefix: String, except ids: Set<String>) {
        self.init(readingAllBut: [prefix], except: ids)
    }

    /// Every record whose id starts with none of `prefixes`, and of those that do only `ids`: a command on
    /// one file that reads only the part of the organisation around it (`case/`, `unit/`, `member/`).
    public init(readingAllBut prefixes: [String], except ids: Set<String>) {
        self.admits = { record in ids.contains(record.id) || !prefixes.contains { record.id.hasPrefix($0) } }
        self.named = (prefixes, ids)
    }

    /// The same selection reading `more` records too (named ones; a selection by closure already reads
    /// whatever it admits, and reads these only if it admits them).
    func reading(_ more: some Sequence<String>) -> RecordSelection {
        guard let named else { return self }
        return RecordSelection(readingAllBut: named.prefixes, except: named.ids.union(more))
    }
}

/// A snapshot record before it is decoded: its id and the strings of its value found by key — read from
/// its line, or from the snapshot's index without reading the line.
public struct RecordProbe {
    private enum Source {
        case line(Tape)
        /// The strings `snapshot.index` keeps, by path.
        case index(paths: [[String]], strings: [String?])
    }

    private let source: Source
    /// The record's id (`case/HS-0001`).
    public let id: String

    /// nil when the line does not hold a record's id and revision where they belong: it is decoded then,
    /// which reports what is wrong with it.
    init?(tape: Tape) {
        guard tape.nodes.first?.kind == .object,
              let idNode = tape.member("id", of: 0), let id = try? tape.string(at: idNode),
              let revisionNode = tape.member("revision", of: 0), let revision = try? tape.integer(at: revisionNode), revision >= 1
        else { return nil }
        self.source = .line(tape)
        self.id = id
        self.revision = Int(revision)
    }

    init(entry: SnapshotIndex.Entry, paths: [[String]]) {
        source = .index(paths: paths, strings: entry.strings)
        id = entry.id
        revision = entry.revision
    }

    let revision: Int

    /// The string at `path` of keys inside the record's value, nil if there is none (or it is not a
    /// string, or the index does not keep it: a selection then reads the record to judge it).
    public func string(at path: [String]) -> String? {
        let tape: Tape
        switch source {
        case .index(let paths, let strings):
            guard let position = paths.firstIndex(of: path) else { return nil }
            return strings[position]
        case .line(let lineTape):
            tape = lineTape
        }
        guard var node = tape.member("value", of: 0) else { return nil }
        for key in path {
            guard tape.nodes[node].kind == .object, let child = tape.member(key, of: node) else { return nil }
            node = child
        }
        return try? tape.string(at: node)
    }
}
