#if canImport(Glibc)
import Glibc
#endif

/// `snapshot.index` searched by id instead of read entry by entry: for a read that names the records it
/// wants (`RecordSelection(readingAllBut:except:)`), whose cost must not grow with the number of files.
///
/// The index is checked whole as before (its `check` line over every byte: a damaged index is never
/// searched), then only the lines a search meets are parsed. The entries are in the snapshot's order,
/// which is id order (every snapshot HoSo writes sorts its records by the bytes of their ids, and
/// `SnapshotIndex.build` writes no index for one that is not), so an id is found by binary search.
struct SnapshotIndexLookup: Sendable, IndexEntries {
    /// The index's header and group digests; its `entries` are empty (see `entry(at:)`).
    let index: SnapshotIndex
    private let bytes: [UInt8]
    /// Where each entry's line starts, and where the `check` line starts after the last one.
    private let lineStarts: [Int]

    /// nil when `bytes` are not one whole, self-consistent index (as `SnapshotIndex.parse` judges it).
    init?(_ bytes: [UInt8]) {
        guard let head = SnapshotIndex.parseHead(bytes) else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(head.index.recordCount + 1)
        var position = head.recordsStart
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while position < head.checkStart {
                starts.append(position)
                // memchr: the one pass over the index (7.7 MB at 100,000 files) besides its check.
                guard let found = memchr(base + position, Int32(UInt8(ascii: "\n")), head.checkStart - position) else {
                    position = -1
                    return
                }
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        guard position == head.checkStart, starts.count == head.index.recordCount else { return nil }
        starts.append(head.checkStart)
        self.index = head.index
        self.bytes = bytes
        self.lineStarts = starts
    }

    var entryCount: Int { lineStarts.count - 1 }

    /// Entry `position`, parsed now; nil when its line is not one (the index is then not to be trusted).
    func entry(at position: Int) -> SnapshotIndex.Entry? {
        SnapshotIndex.parseEntry(bytes[lineStarts[position]..<(lineStarts[position + 1] - 1)], stringCount: index.paths.count)
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
        var low = start
        var high = entryCount
        while low < high {
            let middle = (low + high) / 2
            if let id = id(at: middle), id.starts(with: key) { low = middle + 1 } else { high = middle }
        }
        return start..<low
    }

    /// The positions in `run` whose string at `path` (its place in the index's paths) is `value`: each
    /// line's bytes compared, none parsed into an entry (a unit's members among a province's 12,000).
    func positions(in run: Range<Int>, stringAt path: Int, equalTo value: String) -> [Int] {
        let wanted = [UInt8(ascii: "=")] + SnapshotIndex.escaped(value)
        var found: [Int] = []
        for position in run {
            let line = bytes[lineStarts[position]..<(lineStarts[position + 1] - 1)]
            // The id is followed by one tab-separated field per path.
            var start = line.startIndex
            var tabs = 0
            while start < line.endIndex, tabs <= path {
                if line[start] == UInt8(ascii: "\t") { tabs += 1 }
                start += 1
            }
            guard tabs == path + 1 else { continue }
            let end = line[start...].firstIndex(of: UInt8(ascii: "\t")) ?? line.endIndex
            if line[start..<end].elementsEqual(wanted) { found.append(position) }
        }
        return found
    }

    /// The record of the entry at `position` as a selection judges it, its strings read from the line only
    /// when asked for (a search over 100,000 files makes no entry of each); nil when the line is not one.
    func probe(at position: Int) -> RecordProbe? {
        let line = bytes[lineStarts[position]..<(lineStarts[position + 1] - 1)]
        var start = line.startIndex
        var numbers: [Int] = []
        while numbers.count < 3 {
            guard let space = line[start...].firstIndex(of: UInt8(ascii: " ")), space > start,
                  line[start..<space].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), space - start < 19
            else { return nil }
            numbers.append(line[start..<space].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
            start = space + 1
        }
        guard numbers[2] >= 1, let tab = line[start...].firstIndex(of: UInt8(ascii: "\t")),
              let id = SnapshotIndex.unescaped(line[start..<tab])
        else { return nil }
        return RecordProbe(id: id, revision: numbers[2], fields: line[(tab + 1)...], paths: index.paths)
    }

    /// The id of the entry at `position`, nil when its line does not hold one.
    func recordID(at position: Int) -> String? {
        id(at: position).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first position whose id is not before `key` (in the order of their bytes).
    private func lowerBound(_ key: [UInt8]) -> Int {
        var low = 0
        var high = entryCount
        while low < high {
            let middle = (low + high) / 2
            if let id = id(at: middle), id.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The bytes of the id on line `position` (`<start> <length> <revision> <id>\t…`), unescaped.
    private func id(at position: Int) -> [UInt8]? {
        let line = bytes[lineStarts[position]..<(lineStarts[position + 1] - 1)]
        var spaces = 0
        var start = line.startIndex
        while start < line.endIndex, spaces < 3 {
            if line[start] == UInt8(ascii: " ") { spaces += 1 }
            start += 1
        }
        let end = line[start...].firstIndex(of: UInt8(ascii: "\t")) ?? line.endIndex
        guard spaces == 3, let id = SnapshotIndex.unescaped(line[start..<end]) else { return nil }
        return Array(id.utf8)
    }
}
