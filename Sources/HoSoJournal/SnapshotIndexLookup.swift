#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `snapshot.index` searched by id instead of read entry by entry: for a read that names the records it
/// wants (`RecordSelection(readingAllBut:except:)`), whose cost must not grow with the number of files.
///
/// Only the index's head is read and checked at first (its `head` line: the snapshot it describes, the
/// groups' digests, and each part's length, digest and first id); a part of 512 record lines is read and
/// checked against its digest the first time a search or a read meets it, and only the lines a search
/// meets are parsed. The entries are in the snapshot's order, which is id order (every snapshot HoSo
/// writes sorts its records by the bytes of their ids, and `SnapshotIndex.build` writes no index for one
/// that is not), so an id is found by binary search: on the parts' first ids in the head, then in one part.
///
/// A part that does not match its digest makes the lookup `isDamaged` for good, and whatever it was asked
/// then is not to be trusted: a read through it reads the snapshot whole instead, and a save refuses.
struct SnapshotIndexLookup: Sendable, IndexEntries {
    /// The index's header and group digests; its `entries` are empty (see `entry(at:)`).
    var index: SnapshotIndex { parts.head.index }
    private let parts: IndexParts

    /// nil when `bytes` are not one whole index whose head checks (its parts are checked when read).
    init?(_ bytes: [UInt8]) {
        guard let head = SnapshotIndex.parseHead(bytes), head.end == bytes.count else { return nil }
        parts = IndexParts(head: head, source: .bytes(bytes))
    }

    /// The index at `path`, its head read and checked now, each part when it is first needed (from the
    /// file opened now: a compaction that replaces the index meanwhile does not change what this reads).
    /// Nil when there is none, or its head does not check or does not account for the file's size.
    init?(path: String, files: DurableFiles) {
        guard let descriptor = try? files.fileSystem.open(path, flags: O_RDONLY | O_NOFOLLOW, mode: 0) else { return nil }
        guard let size = try? files.fileSystem.status(of: descriptor, path: path).size, let head = Self.readHead(descriptor, size: Int(size), path: path, files: files),
              head.end == Int(size)
        else {
            try? files.fileSystem.close(descriptor, path: path)
            return nil
        }
        parts = IndexParts(head: head, source: .file(files, descriptor, path))
    }

    /// The head of the index open at `descriptor`: its first bytes, read further until they hold the
    /// `head` line (at 100,000 files about 140 KB of the 8.6 MB, most of it the groups' digests, whose
    /// number the first bytes say).
    private static func readHead(_ descriptor: Int32, size: Int, path: String, files: DurableFiles) -> SnapshotIndex.Head? {
        var prefix: [UInt8] = []
        var wanted = 4 << 10
        while true {
            guard let more = try? files.read(descriptor, range: prefix.count..<min(size, wanted), path: path) else { return nil }
            prefix += more
            if let end = SnapshotIndex.headEnd(in: prefix) { return SnapshotIndex.parseHead(Array(prefix[..<end])) }
            guard prefix.count < size, !more.isEmpty else { return nil }
            wanted = max(wanted * 4, SnapshotIndex.headSizeEstimate(prefix) ?? 0)
        }
    }

    /// Whether a part read so far did not match its digest (or hold the lines the head says): nothing
    /// this lookup answered is then to be trusted.
    var isDamaged: Bool { parts.isDamaged }

    var entryCount: Int { parts.head.index.recordCount }

    /// Entry `position`, parsed now; nil when its line is not one (the index is then not to be trusted).
    func entry(at position: Int) -> SnapshotIndex.Entry? {
        line(at: position).flatMap { SnapshotIndex.parseEntry($0, stringCount: index.paths.count) }
    }

    /// The bytes of line `position`, without its newline; nil when its part is damaged.
    private func line(at position: Int) -> ArraySlice<UInt8>? {
        let linesPerPart = parts.head.linesPerPart
        guard position >= 0, position < entryCount, let part = parts.part(position / linesPerPart) else { return nil }
        let local = position % linesPerPart
        return part.bytes[part.starts[local]..<(part.starts[local + 1] - 1)]
    }

    /// Calls `body` with each position of `run` and its line, a part at a time; stops (false) at a part
    /// that is damaged.
    @discardableResult
    func forEachLine(in run: Range<Int>, _ body: (Int, ArraySlice<UInt8>) -> Void) -> Bool {
        let linesPerPart = parts.head.linesPerPart
        var position = run.lowerBound
        while position < run.upperBound {
            guard let part = parts.part(position / linesPerPart) else { return false }
            let partEnd = min(run.upperBound, (position / linesPerPart + 1) * linesPerPart)
            for current in position..<partEnd {
                let local = current % linesPerPart
                body(current, part.bytes[part.starts[local]..<(part.starts[local + 1] - 1)])
            }
            position = partEnd
        }
        return true
    }

    /// The position of the entry of record `id`, nil when the index has none.
    func position(of id: String) -> Int? {
        let key = Array(id.utf8)
        let found = lowerBound(key)
        guard found < entryCount, self.id(at: found) == key else { return nil }
        return found
    }

    /// The positions of the entries whose ids start with `prefix`: a run, the entries being in id order.
    func positions(withPrefix prefix: String) -> Range<Int> {
        let key = Array(prefix.utf8)
        let start = lowerBound(key)
        return start..<max(start, partitionPoint { $0.lexicographicallyPrecedes(key) || $0.starts(with: key) })
    }

    /// The positions in `run` whose string at `path` (its place in the index's paths) is `value`: each
    /// line's bytes compared, none parsed into an entry (a unit's members among a province's 12,000).
    func positions(in run: Range<Int>, stringAt path: Int, equalTo value: String) -> [Int] {
        let wanted = [UInt8(ascii: "=")] + SnapshotIndex.escaped(value)
        var found: [Int] = []
        forEachLine(in: run) { position, line in
            // The id is followed by one tab-separated field per path.
            var start = line.startIndex
            var tabs = 0
            while start < line.endIndex, tabs <= path {
                if line[start] == UInt8(ascii: "\t") { tabs += 1 }
                start += 1
            }
            guard tabs == path + 1 else { return }
            let end = line[start...].firstIndex(of: UInt8(ascii: "\t")) ?? line.endIndex
            if line[start..<end].elementsEqual(wanted) { found.append(position) }
        }
        return found
    }

    /// The record of each entry in `run` as a selection judges it (nil where the line is not one), its
    /// strings read from the line only when asked for: a search over 100,000 files makes no entry of each.
    /// False when a part is damaged.
    @discardableResult
    func forEachProbe(in run: Range<Int>, _ body: (Int, RecordProbe?) -> Void) -> Bool {
        let paths = index.paths
        return forEachLine(in: run) { position, line in body(position, Self.probe(line, paths: paths)) }
    }

    /// The record of the entry at `position` as a selection judges it; nil when the line is not one.
    func probe(at position: Int) -> RecordProbe? {
        line(at: position).flatMap { Self.probe($0, paths: index.paths) }
    }

    private static func probe(_ line: ArraySlice<UInt8>, paths: [[String]]) -> RecordProbe? {
        // `<start> <length> <revision> <id>\t…`: the two numbers checked, the revision kept.
        var start = line.startIndex
        var revision = 0
        for _ in 0..<3 {
            guard let space = line[start...].firstIndex(of: UInt8(ascii: " ")), let number = SnapshotIndex.integer(line[start..<space])
            else { return nil }
            revision = number
            start = space + 1
        }
        guard revision >= 1, let tab = line[start...].firstIndex(of: UInt8(ascii: "\t")),
              let id = SnapshotIndex.unescaped(line[start..<tab])
        else { return nil }
        return RecordProbe(id: id, revision: revision, fields: line[(tab + 1)...], paths: paths)
    }

    /// The id of the entry at `position`, nil when its line does not hold one.
    func recordID(at position: Int) -> String? {
        id(at: position).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first position whose id is not before `key` (in the order of their bytes).
    private func lowerBound(_ key: [UInt8]) -> Int {
        partitionPoint { $0.lexicographicallyPrecedes(key) }
    }

    /// The first position whose id is not `before` (which holds for every id up to some point and for none
    /// after): the part found by the first ids its head names, then the position in that part alone.
    private func partitionPoint(_ before: ([UInt8]) -> Bool) -> Int {
        let head = parts.head
        var low = 0
        var high = head.parts.count
        while low < high {
            let middle = (low + high) / 2
            if before(head.parts[middle].firstID) { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return 0 }
        let part = low - 1
        var first = part * head.linesPerPart + 1
        var end = part * head.linesPerPart + head.lineCount(ofPart: part)
        while first < end {
            let middle = (first + end) / 2
            if let id = id(at: middle), before(id) { first = middle + 1 } else { end = middle }
        }
        return first
    }

    /// The bytes of the id on line `position`, unescaped.
    private func id(at position: Int) -> [UInt8]? {
        line(at: position).flatMap(SnapshotIndex.lineID)
    }
}

/// The parts of one index, each read and checked once, when first needed; shared by every copy of a lookup.
private final class IndexParts: @unchecked Sendable {
    // Unchecked: `checked`, `failed` are only read or written with `lock` held; the rest never changes.
    enum Source {
        /// The whole index, already read.
        case bytes([UInt8])
        /// The index file, open.
        case file(DurableFiles, Int32, String)
    }

    /// A part's lines: `bytes` hold them at `starts` (one more: where the part ends).
    struct CheckedPart {
        let bytes: [UInt8]
        let starts: [Int]
    }

    let head: SnapshotIndex.Head
    private let source: Source
    private let lock = NSLock()
    private var checked: [Int: CheckedPart] = [:]
    private var failed = false

    init(head: SnapshotIndex.Head, source: Source) {
        self.head = head
        self.source = source
    }

    var isDamaged: Bool { lock.withLock { failed } }

    /// Part `number`, read and checked the first time; nil when it does not match its digest.
    func part(_ number: Int) -> CheckedPart? {
        lock.withLock {
            if let part = checked[number] { return part }
            guard number < head.parts.count else { return nil }
            let range = head.parts[number].range
            let part: CheckedPart?
            switch source {
            case .bytes(let all):
                part = head.lineStarts(ofPart: number, in: all[range]).map { CheckedPart(bytes: all, starts: $0) }
            case .file(let files, let descriptor, let path):
                let bytes = (try? files.read(descriptor, range: range, path: path)) ?? []
                part = head.lineStarts(ofPart: number, in: bytes[...]).map { CheckedPart(bytes: bytes, starts: $0) }
            }
            guard let part else {
                failed = true
                return nil
            }
            checked[number] = part
            return part
        }
    }

    deinit {
        if case .file(let files, let descriptor, let path) = source { try? files.fileSystem.close(descriptor, path: path) }
    }
}
