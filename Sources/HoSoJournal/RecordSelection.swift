import Foundation

/// Which snapshot records a read of the store decodes. A command that shows a few files of a large store
/// (a search, one file) need not decode the others: their lines are parsed (so a damaged line still
/// refuses the open) and only their id and revision are kept, so that journal entries still apply in
/// order and a save still meets the conflict check. A store read this way is partial: it refuses what
/// needs every record (compaction, backups, restores) and saves to records it left unread.
public struct RecordSelection: Sendable {
    let admits: @Sendable (RecordProbe) -> Bool
    /// Set when the selection says by id which records it reads: then `snapshot.index` is searched for
    /// them, and no other record of the `prefixes` is looked at (`SnapshotIndexLookup`).
    var named: Named?

    /// What a selection by name reads: every record outside `prefixes`, of those inside only `ids` and,
    /// when `probed` is set, the records under its prefix that its `admits` accepts (each judged from its
    /// index line alone).
    struct Named: Sendable {
        var prefixes: [String]
        var ids: Set<String>
        var probed: (prefix: String, admits: @Sendable (RecordProbe) -> Bool)?
    }

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
        self.init(Named(prefixes: prefixes, ids: ids, probed: nil))
    }

    /// Every record whose id starts with none of `prefixes`, and of those that do only the ones under
    /// `probed` (one of them) that `admits` accepts: a search (`case/`) that reads no member either. Through
    /// `snapshot.index` the probed records are judged from their index lines, the others not looked at, and
    /// no list of the records left unread is made (100,000 at a province's size).
    public init(readingAllBut prefixes: [String], probing probed: String, _ admits: @escaping @Sendable (RecordProbe) -> Bool) {
        self.init(Named(prefixes: prefixes.contains(probed) ? prefixes : prefixes + [probed], ids: [], probed: (probed, admits)))
    }

    private init(_ named: Named) {
        self.admits = { record in
            if named.ids.contains(record.id) || !named.prefixes.contains(where: record.id.hasPrefix) { return true }
            guard let probed = named.probed, record.id.hasPrefix(probed.prefix) else { return false }
            return probed.admits(record)
        }
        self.named = named
    }

    /// The same selection reading `more` records too (named ones; a selection by closure already reads
    /// whatever it admits, and reads these only if it admits them).
    func reading(_ more: some Sequence<String>) -> RecordSelection {
        guard var named else { return self }
        named.ids.formUnion(more)
        return RecordSelection(named)
    }
}

/// A snapshot record before it is decoded: its id and the strings of its value found by key — read from
/// its line, or from the snapshot's index without reading the line.
public struct RecordProbe {
    private enum Source {
        case line(Tape)
        /// The strings `snapshot.index` keeps, by path.
        case index(paths: [[String]], strings: [String?])
        /// The same, still the bytes of the index line (`=text` or `!` each, tab-separated).
        case indexLine(paths: [[String]], fields: ArraySlice<UInt8>)
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

    /// `fields`: the tab-separated strings of an index line after its id, read only when asked for.
    init(id: String, revision: Int, fields: ArraySlice<UInt8>, paths: [[String]]) {
        source = .indexLine(paths: paths, fields: fields)
        self.id = id
        self.revision = revision
    }

    let revision: Int

    /// Hands `found` each string at `probed.paths` there is (with its place in them), as `string(at:)`
    /// gives it: from an index line, every one in one pass over it, the paths matched to the index's once
    /// for all the lines, no list made (a search over 100,000 files asks four strings of each).
    public func strings(at probed: ProbedPaths, _ found: (Int, String) -> Void) {
        guard case .indexLine(let paths, let fields) = source else {
            for (place, path) in probed.paths.enumerated() { if let string = string(at: path) { found(place, string) } }
            return
        }
        let matched = probed.matched(to: paths)
        var start = fields.startIndex
        var field = 0
        while field <= matched.lastField, start < fields.endIndex {
            let end = fields[start...].firstIndex(of: UInt8(ascii: "\t")) ?? fields.endIndex
            if fields[start] == UInt8(ascii: "=") {
                var string: String?
                for wanted in matched.fields.indices where matched.fields[wanted] == field {
                    if string == nil { string = SnapshotIndex.unescaped(fields[(start + 1)..<end]) }
                    if let string { found(wanted, string) }
                }
            }
            start = end + 1
            field += 1
        }
    }

    /// The strings at `probed.paths`, in their order (nil where there is none).
    public func strings(at probed: ProbedPaths) -> [String?] {
        var strings = [String?](repeating: nil, count: probed.paths.count)
        self.strings(at: probed) { strings[$0] = $1 }
        return strings
    }

    /// The string at `path` of keys inside the record's value, nil if there is none (or it is not a
    /// string, or the index does not keep it: a selection then reads the record to judge it).
    public func string(at path: [String]) -> String? {
        let tape: Tape
        switch source {
        case .index(let paths, let strings):
            guard let position = paths.firstIndex(of: path) else { return nil }
            return strings[position]
        case .indexLine(let paths, let fields):
            guard let position = paths.firstIndex(of: path) else { return nil }
            var start = fields.startIndex
            for _ in 0..<position {
                guard let tab = fields[start...].firstIndex(of: UInt8(ascii: "\t")) else { return nil }
                start = tab + 1
            }
            let field = fields[start..<(fields[start...].firstIndex(of: UInt8(ascii: "\t")) ?? fields.endIndex)]
            guard field.first == UInt8(ascii: "=") else { return nil }
            return SnapshotIndex.unescaped(field.dropFirst())
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

/// Paths of keys whose strings a selection asks of every record it judges (`RecordProbe.strings(at:)`):
/// matched to the paths of `snapshot.index` once, not at each line.
public final class ProbedPaths: @unchecked Sendable {
    // Unchecked: `last` is only read or written with `lock` held; `paths` never changes.
    public let paths: [[String]]
    private let lock = NSLock()
    private var last: Matched?

    /// Where each of `paths` is among the index's paths `indexPaths` (-1 where it is not kept).
    final class Matched: Sendable {
        let indexPaths: [[String]]
        let fields: [Int]
        /// The last field asked for: a line is read no further.
        let lastField: Int

        init(_ paths: [[String]], in indexPaths: [[String]]) {
            self.indexPaths = indexPaths
            fields = paths.map { indexPaths.firstIndex(of: $0) ?? -1 }
            lastField = fields.max() ?? -1
        }
    }

    public init(_ paths: [[String]]) {
        self.paths = paths
    }

    func matched(to indexPaths: [[String]]) -> Matched {
        lock.withLock {
            // Every line of one index hands over the same array: equal at once by its storage.
            if let last, last.indexPaths == indexPaths { return last }
            let matched = Matched(paths, in: indexPaths)
            last = matched
            return matched
        }
    }
}
