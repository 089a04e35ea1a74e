#if canImport(Glibc)
import Glibc
#endif

/// `snapshot.index`: where each record's line lies in `snapshot.json`, its revision, a few strings of its
/// value (a file's number, name and state), and the digest of every group of lines that `recordsHash`
/// rolls up. A command that names one file reads this, then only the groups holding the lines it needs,
/// each checked against its digest — not the whole snapshot (59 MB at 10,000 files).
///
/// Its entries are in the snapshot's order, which is id order: an index is written only for a snapshot
/// whose records are sorted by the bytes of their ids (every one HoSo writes), so a read that names its
/// records searches it (`SnapshotIndexLookup`) instead of parsing every entry.
///
/// It is derived data, written beside every snapshot HoSo writes; one that does not describe the snapshot
/// on disk (another size, `seq`, `lastHash` or `recordsHash`, digests that do not roll up to it, a `head`
/// or part digest that does not match) is never used — the snapshot is then read whole — and a full open
/// rebuilds it.
///
/// Its record lines come in parts of `linesPerPart`, each with its own digest in the head: a command that
/// searches the index by id checks the head and only the parts it reads (`SnapshotIndexLookup`), so its
/// cost does not grow with the files; `parse` (a selection that judges every record, `hoso check`) checks
/// every part.
///
/// Text, one item a line (docs/storage-format.md):
/// ```
/// hoso-snapshot-index 2
/// snapshot <size> <seq> <lastHash> <recordsHash>
/// paths case.id,case.person.fullName,case.state
/// groups <n>
/// <sha256 hex of group 1> … (n lines)
/// records <m>
/// parts <k> <lines per part>
/// <length> <sha256 hex of the part's lines> <first id> (k lines)
/// head <sha256 hex of every byte before this line>
/// <start> <length> <revision> <id>\t<string 1>\t<string 2>… (m lines; "=text" or "!" when absent)
/// ```
struct SnapshotIndex: Sendable, Equatable, IndexEntries {
    struct Entry: Sendable, Equatable {
        let id: String
        let revision: Int
        /// The line's bytes in the snapshot, without the separating comma.
        let range: Range<Int>
        /// The strings at `paths` inside the record's value, nil where there is none.
        let strings: [String?]
    }

    let snapshotSize: Int
    let seq: Int
    let lastHash: String
    let recordsHash: String
    let paths: [[String]]
    let groupDigests: [[UInt8]]
    let entries: [Entry]
    /// The number of records, whether or not `entries` were read.
    let recordCount: Int

    var index: SnapshotIndex { self }
    var entryCount: Int { entries.count }
    func entry(at position: Int) -> Entry? { entries[position] }

    static let fileName = "snapshot.index"
    /// The first line of every index, then the version of its layout.
    static let magicPrefix = "hoso-snapshot-index "
    static let version = 2
    private static var magic: String { magicPrefix + String(version) }
    /// Record lines a part of the index holds: at 100,000 files, 223 parts of about 44 KB.
    static let linesPerPart = 512

    /// A run of `linesPerPart` record lines (fewer in the last), with the digest of its bytes and the id
    /// of its first record (unescaped): a search by id picks the part from the head, then reads that part.
    struct Part: Sendable, Equatable {
        /// Where its lines lie in the index file, newlines included.
        let range: Range<Int>
        let digest: [UInt8]
        let firstID: [UInt8]
    }

    /// What the head of an index says: the index without its entries, its parts, and where its first
    /// record line starts (the end of the `head` line).
    struct Head: Sendable {
        let index: SnapshotIndex
        let linesPerPart: Int
        let parts: [Part]
        let recordsStart: Int

        /// Where the last part ends: the size of the whole index.
        var end: Int { parts.last?.range.upperBound ?? recordsStart }

        /// The number of lines of part `part`.
        func lineCount(ofPart part: Int) -> Int {
            min(linesPerPart, index.recordCount - part * linesPerPart)
        }

        /// Where each line of part `part` starts in `bytes` (the part's bytes alone), and where the part
        /// ends after its last; nil unless the bytes match the part's digest and hold its lines, the first
        /// being the record the head names.
        func lineStarts(ofPart part: Int, in bytes: ArraySlice<UInt8>) -> [Int]? {
            let expected = lineCount(ofPart: part)
            guard bytes.count == parts[part].range.count, bytes.last == UInt8(ascii: "\n"),
                  JournalLine.sha256(bytes) == parts[part].digest
            else { return nil }
            var starts: [Int] = []
            starts.reserveCapacity(expected + 1)
            var position = bytes.startIndex
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    starts.append(position + offset)
                    // memchr: a part is 512 lines, found in one pass.
                    guard let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) else { return }
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                position += offset
            }
            guard starts.count == expected, position == bytes.endIndex,
                  let first = starts.first, SnapshotIndex.lineID(bytes[first..<(starts.count > 1 ? starts[1] : bytes.endIndex) - 1]) == parts[part].firstID
            else { return nil }
            starts.append(bytes.endIndex)
            return starts
        }
    }

    /// The index of snapshot `bytes` (in the line layout; nil in any other) written from `records` (in
    /// the snapshot's order), with the strings each value gives for its type's `indexedPaths`.
    static func build<Value: JournalValue>(snapshot bytes: [UInt8], records: [StoredRecord<Value>]) -> SnapshotIndex? {
        guard let header = SnapshotCoding.header(bytes, as: SnapshotHeader.self), let lines = SnapshotCoding.recordLines(bytes),
              let digests = SnapshotCoding.groupDigests(bytes, lines)
        else { return nil }
        return build(header: header, size: bytes.count, lines: lines, digests: digests, records: records)
    }

    /// The index of a snapshot known by its header, size, record lines and their groups' digests.
    static func build<Value: JournalValue>(
        header: SnapshotHeader, size: Int, lines: [Range<Int>], digests: [[UInt8]], records: [StoredRecord<Value>]
    ) -> SnapshotIndex? {
        guard let recordsHash = header.recordsHash, lines.count == records.count,
              // In id order, as HoSo writes every snapshot: `SnapshotIndexLookup` finds an id by binary search.
              zip(records, records.dropFirst()).allSatisfy({ $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) })
        else { return nil }
        let entries = zip(records, lines).map { record, range in
            Entry(id: record.id, revision: record.revision, range: range, strings: record.value.indexedStrings)
        }
        return SnapshotIndex(
            snapshotSize: size, seq: header.seq, lastHash: header.lastHash, recordsHash: recordsHash, paths: Value.indexedPaths,
            groupDigests: digests, entries: entries, recordCount: entries.count)
    }

    /// Why `snapshot.index` on disk does not serve a snapshot (`description`: in words for `hoso check`).
    enum Problem: Equatable, CustomStringConvertible {
        case missing
        /// Written by a version of HoSo that lays it out otherwise.
        case otherVersion(Int)
        /// Its head or a part does not match its digest, or it cannot be read as an index.
        case damaged
        /// It describes another snapshot (an offline restore, a crash between the two renames).
        case stale
        /// Written for other paths (an earlier version kept fewer).
        case otherPaths

        /// Whether something outside HoSo's own writing made it so: HoSo replaces the index whole, so it
        /// never leaves one damaged, while a missing, stale or older one follows an upgrade, a migration or
        /// a crash between a compaction's two renames.
        var isDamage: Bool { self == .damaged }

        var description: String {
            switch self {
            case .missing: "không có"
            case .otherVersion(let version): "ghi theo cách của một phiên bản HoSo khác (phiên bản chỉ mục \(version), bản này đọc \(SnapshotIndex.version))"
            case .damaged: "bị hỏng (không đọc được, hoặc mã kiểm tra của phần đầu hay của một phần không khớp)"
            case .stale: "đã cũ: không ứng với snapshot.json hiện tại"
            case .otherPaths: "ghi cho các trường khác"
            }
        }
    }

    /// Why `snapshot.index` on disk does not serve the snapshot `bytes`; nil when it does. A snapshot of an
    /// older layout has no lines to index until a compaction writes it anew.
    static func problem(layout: StoreLayout, files: DurableFiles, snapshot bytes: [UInt8], paths: [[String]]) -> Problem? {
        guard SnapshotCoding.recordLines(bytes) != nil else { return nil }
        return problem(layout: layout, files: files, header: SnapshotCoding.header(bytes, as: SnapshotHeader.self), size: bytes.count, paths: paths)
    }

    /// As above, for a snapshot in the line layout known by its header (nil when it has none) and size.
    static func problem(layout: StoreLayout, files: DurableFiles, header: SnapshotHeader?, size: Int, paths: [[String]]) -> Problem? {
        guard let indexBytes = try? files.readAll(layout.snapshotIndex) else { return .missing }
        if let version = layoutVersion(indexBytes), version != Self.version { return .otherVersion(version) }
        guard let index = parse(indexBytes, entries: false) else { return .damaged }
        guard let header, index.describes(header, size: size) else { return .stale }
        guard index.paths == paths else { return .otherPaths }
        return nil
    }

    /// Whether the index describes the snapshot whose header and size are these, and its digests roll up
    /// to that snapshot's `recordsHash`.
    func describes(_ header: SnapshotHeader, size: Int) -> Bool {
        size == snapshotSize && header.seq == seq && header.lastHash == lastHash && header.recordsHash == recordsHash
            && SnapshotCoding.rollUp(groupDigests) == recordsHash
            && groupDigests.count == (recordCount + SnapshotCoding.recordsPerHashGroup - 1) / SnapshotCoding.recordsPerHashGroup
    }

    // MARK: - Bytes

    func encoded(linesPerPart: Int = SnapshotIndex.linesPerPart) -> [UInt8] {
        var records: [UInt8] = []
        records.reserveCapacity(entries.count * 96)
        var parts: [(length: Int, digest: [UInt8], firstID: [UInt8])] = []
        var partStart = 0
        for (position, entry) in entries.enumerated() {
            records += Array("\(entry.range.lowerBound) \(entry.range.count) \(entry.revision) ".utf8)
            records += Self.escaped(entry.id)
            for string in entry.strings {
                records.append(UInt8(ascii: "\t"))
                if let string {
                    records.append(UInt8(ascii: "="))
                    records += Self.escaped(string)
                } else {
                    records.append(UInt8(ascii: "!"))
                }
            }
            records.append(UInt8(ascii: "\n"))
            if (position + 1) % linesPerPart == 0 || position == entries.count - 1 {
                let part = records[partStart...]
                let first = entries[position - (position % linesPerPart)].id
                parts.append((part.count, JournalLine.sha256(part), Self.escaped(first)))
                partStart = records.count
            }
        }
        var text = Self.magic + "\n"
        text += "snapshot \(snapshotSize) \(seq) \(lastHash) \(recordsHash)\n"
        text += "paths " + paths.map { $0.joined(separator: ".") }.joined(separator: ",") + "\n"
        text += "groups \(groupDigests.count)\n"
        for digest in groupDigests { text += JournalLine.hex(digest) + "\n" }
        text += "records \(entries.count)\n"
        text += "parts \(parts.count) \(linesPerPart)\n"
        var bytes = Array(text.utf8)
        for part in parts {
            bytes += Array("\(part.length) \(JournalLine.hex(part.digest)) ".utf8) + part.firstID
            bytes.append(UInt8(ascii: "\n"))
        }
        bytes += Array("head \(JournalLine.sha256Hex(bytes))\n".utf8)
        return bytes + records
    }

    /// The index in `bytes`, or nil when they are not one whole, self-consistent index: its head and every
    /// part checked. `entries: false` reads all but the records (an empty list): enough to know whether the
    /// index describes a snapshot.
    static func parse(_ bytes: [UInt8], entries readingEntries: Bool = true) -> SnapshotIndex? {
        guard let head = parseHead(bytes), head.end == bytes.count else { return nil }
        var lines: [[Int]] = []
        lines.reserveCapacity(head.parts.count)
        for part in head.parts.indices {
            guard let starts = head.lineStarts(ofPart: part, in: bytes[head.parts[part].range]) else { return nil }
            if readingEntries { lines.append(starts) }
        }
        guard readingEntries else { return head.index }
        // Read on every command that judges every file: no array of fields per line.
        var entries: [Entry] = []
        entries.reserveCapacity(head.index.recordCount)
        for starts in lines {
            for (start, next) in zip(starts, starts.dropFirst()) {
                guard let entry = parseEntry(bytes[start..<(next - 1)], stringCount: head.index.paths.count) else { return nil }
                entries.append(entry)
            }
        }
        let index = head.index
        return SnapshotIndex(
            snapshotSize: index.snapshotSize, seq: index.seq, lastHash: index.lastHash, recordsHash: index.recordsHash, paths: index.paths,
            groupDigests: index.groupDigests, entries: entries, recordCount: index.recordCount)
    }

    /// The version of the layout of the index in `bytes` (its first line), nil when that is not an
    /// index's first line.
    static func layoutVersion(_ bytes: [UInt8]) -> Int? {
        let first = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let magic = Array(magicPrefix.utf8)
        guard first.starts(with: magic) else { return nil }
        return Int(String(decoding: first.dropFirst(magic.count), as: UTF8.self))
    }

    /// Where the `head` line of the index whose first bytes are `prefix` ends, nil when `prefix` does not
    /// reach it: a reader of the head alone reads that far (at 100,000 files, about 120 KB of 8.6 MB).
    static func headEnd(in prefix: [UInt8]) -> Int? {
        let marker = Array("\nhead ".utf8)
        var from = prefix.startIndex
        while let newline = prefix[from...].firstIndex(of: UInt8(ascii: "\n")) {
            if prefix[newline...].starts(with: marker) {
                return prefix[(newline + 1)...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
            }
            from = newline + 1
        }
        return nil
    }

    /// About how long the head is, from the `groups` line among its first bytes `prefix` (a digest line a
    /// group, and room for the parts): nil before that line.
    static func headSizeEstimate(_ prefix: [UInt8]) -> Int? {
        let marker = Array("\ngroups ".utf8)
        guard let start = prefix.indices.first(where: { prefix[$0...].starts(with: marker) }),
              let end = prefix[(start + 1)...].firstIndex(of: UInt8(ascii: "\n")),
              let count = integer(prefix[(start + marker.count)..<end])
        else { return nil }
        return end + count * 65 + count * 64 / linesPerPart * 100 + (16 << 10)
    }

    /// The head of the index whose first bytes are `bytes` (at least up to the end of its `head` line),
    /// once the `head` line matches every byte before it; its parts then lie after it, one after another.
    static func parseHead(_ bytes: [UInt8]) -> Head? {
        let newline = UInt8(ascii: "\n")
        var position = 0
        func nextLine() -> ArraySlice<UInt8>? {
            guard position < bytes.count, let end = bytes[position...].firstIndex(of: newline) else { return nil }
            defer { position = end + 1 }
            return bytes[position..<end]
        }
        func next() -> Substring? { nextLine().map { Substring(String(decoding: $0, as: UTF8.self)) } }
        guard next() == Substring(magic), let snapshot = next()?.split(separator: " "), snapshot.count == 5, snapshot[0] == "snapshot",
              let size = Int(snapshot[1]), let seq = Int(snapshot[2]),
              let pathsLine = next(), pathsLine.hasPrefix("paths "),
              let groupsLine = next()?.split(separator: " "), groupsLine.count == 2, groupsLine[0] == "groups", let groupCount = Int(groupsLine[1]),
              groupCount >= 0
        else { return nil }
        let pathText = pathsLine.dropFirst(6)
        let paths = pathText.isEmpty ? [] : pathText.split(separator: ",").map { $0.split(separator: ".").map(String.init) }
        var digests: [[UInt8]] = []
        digests.reserveCapacity(groupCount)
        for _ in 0..<groupCount {
            guard let line = nextLine(), let digest = JournalLine.bytes(hex: line) else { return nil }
            digests.append(digest)
        }
        guard let recordsLine = next()?.split(separator: " "), recordsLine.count == 2, recordsLine[0] == "records",
              let recordCount = Int(recordsLine[1]), recordCount >= 0,
              let partsLine = next()?.split(separator: " "), partsLine.count == 3, partsLine[0] == "parts",
              let partCount = Int(partsLine[1]), let linesPerPart = Int(partsLine[2]), linesPerPart >= 1,
              partCount == (recordCount + linesPerPart - 1) / linesPerPart
        else { return nil }
        var table: [(length: Int, digest: [UInt8], firstID: [UInt8])] = []
        table.reserveCapacity(partCount)
        for _ in 0..<partCount {
            guard let line = nextLine(), let space = line.firstIndex(of: UInt8(ascii: " ")),
                  let length = integer(line[line.startIndex..<space]), length > 0,
                  line.count > space - line.startIndex + 66, line[space + 65] == UInt8(ascii: " "),
                  let digest = JournalLine.bytes(hex: line[(space + 1)..<(space + 65)]),
                  let firstID = unescaped(line[(space + 66)...])
            else { return nil }
            table.append((length, digest, Array(firstID.utf8)))
        }
        let headStart = position
        guard let headLine = nextLine(), headLine.starts(with: Array("head ".utf8)),
              String(decoding: headLine.dropFirst(5), as: UTF8.self) == JournalLine.sha256Hex(bytes[..<headStart])
        else { return nil }
        var parts: [Part] = []
        parts.reserveCapacity(partCount)
        var start = position
        for part in table {
            parts.append(Part(range: start..<(start + part.length), digest: part.digest, firstID: part.firstID))
            start += part.length
        }
        let index = SnapshotIndex(
            snapshotSize: size, seq: seq, lastHash: String(snapshot[3]), recordsHash: String(snapshot[4]), paths: paths,
            groupDigests: digests, entries: [], recordCount: recordCount)
        return Head(index: index, linesPerPart: linesPerPart, parts: parts, recordsStart: position)
    }

    /// The id of record line `line` (`<start> <length> <revision> <id>\t…`), unescaped; nil when the line
    /// holds none.
    static func lineID(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        var spaces = 0
        var start = line.startIndex
        while start < line.endIndex, spaces < 3 {
            if line[start] == UInt8(ascii: " ") { spaces += 1 }
            start += 1
        }
        let end = line[start...].firstIndex(of: UInt8(ascii: "\t")) ?? line.endIndex
        guard spaces == 3, let id = unescaped(line[start..<end]) else { return nil }
        return Array(id.utf8)
    }

    /// `<start> <length> <revision> <id>\t<string>…`, read in place.
    static func parseEntry(_ line: ArraySlice<UInt8>, stringCount: Int) -> Entry? {
        var index = line.startIndex
        func number() -> Int? {
            let start = index
            while index < line.endIndex, line[index] != UInt8(ascii: " ") { index += 1 }
            guard index < line.endIndex else { return nil }
            defer { index += 1 }
            return integer(line[start..<index])
        }
        /// The bytes up to the next tab or the end; true in `more` when a tab ended them.
        func field() -> (bytes: ArraySlice<UInt8>, more: Bool) {
            let start = index
            while index < line.endIndex, line[index] != UInt8(ascii: "\t") { index += 1 }
            let bytes = line[start..<index]
            guard index < line.endIndex else { return (bytes, false) }
            index += 1
            return (bytes, true)
        }
        guard let start = number(), let length = number(), let revision = number(), start >= 0, length > 0 else { return nil }
        let (idBytes, tabAfterID) = field()
        guard let id = unescaped(idBytes) else { return nil }
        var more = tabAfterID
        var strings: [String?] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            guard more else { return nil }
            let (bytes, tabFollows) = field()
            more = tabFollows
            switch bytes.first {
            case UInt8(ascii: "!") where bytes.count == 1: strings.append(nil)
            case UInt8(ascii: "="):
                guard let string = unescaped(bytes.dropFirst()) else { return nil }
                strings.append(string)
            default: return nil
            }
        }
        guard !more else { return nil }
        return Entry(id: id, revision: revision, range: start..<(start + length), strings: strings)
    }

    static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 19 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// `%`, tab, newline and carriage return as `%25`, `%09`, `%0A`, `%0D`: a string never breaks the layout.
    static func escaped(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                bytes += [UInt8(ascii: "%"), CanonicalJSON.hexDigits[Int(byte >> 4)], CanonicalJSON.hexDigits[Int(byte & 0x0F)]]
            default:
                bytes.append(byte)
            }
        }
        return bytes
    }

    static func unescaped(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let pair = JournalLine.bytes(hex: bytes[(index + 1)...(index + 2)]), pair.count == 1
                else { return nil }
                result.append(pair[0])
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// The entries of an index by position: every one parsed (`SnapshotIndex`), or each when asked
/// (`SnapshotIndexLookup`).
protocol IndexEntries: Sendable {
    /// The header and the group digests.
    var index: SnapshotIndex { get }
    var entryCount: Int { get }
    func entry(at position: Int) -> SnapshotIndex.Entry?
}

extension IndexEntries {
    /// The bytes of group `group` of the snapshot's lines: from its first line's start to its last line's
    /// end; nil when an entry cannot be read.
    func groupRange(_ group: Int) -> Range<Int>? {
        let size = SnapshotCoding.recordsPerHashGroup
        guard let first = entry(at: group * size), let last = entry(at: min(entryCount, (group + 1) * size) - 1) else { return nil }
        return first.range.lowerBound..<last.range.upperBound
    }
}

extension StoreLayout {
    /// `snapshot.index` (see `SnapshotIndex`).
    var snapshotIndex: String { directory + "/" + SnapshotIndex.fileName }
}

/// Reads records of the snapshot through its index: the groups holding them, each checked against the
/// index's digest (which rolls up to the snapshot's `recordsHash`), from the very file the index
/// describes (its inode).
struct IndexedSnapshotReader {
    let layout: StoreLayout
    let files: DurableFiles
    let index: any IndexEntries
    let descriptor: Int32

    /// Nil when the snapshot on disk is no longer the one read (replaced by a compaction meanwhile).
    init?(layout: StoreLayout, files: DurableFiles, index: any IndexEntries, inode: UInt64) {
        guard let descriptor = try? files.fileSystem.open(layout.snapshot, flags: O_RDONLY | O_NOFOLLOW, mode: 0) else { return nil }
        guard (try? files.fileSystem.status(of: descriptor, path: layout.snapshot))?.inode == inode else {
            try? files.fileSystem.close(descriptor, path: layout.snapshot)
            return nil
        }
        self.layout = layout
        self.files = files
        self.index = index
        self.descriptor = descriptor
    }

    /// The records of the index's entries at `positions`, decoded, in lists (one a job); nil when a group's
    /// bytes do not match its digest or a line does not hold the record the index names. Closes the file.
    func records<Value: Codable & Sendable & Equatable>(at positions: [Int]) -> [[StoredRecord<Value>]]? {
        let size = SnapshotCoding.recordsPerHashGroup
        var byGroup: [Int: [Int]] = [:]
        for position in positions { byGroup[position / size, default: []].append(position) }
        var groups: [ReadGroup] = []
        groups.reserveCapacity(byGroup.count)
        do {
            defer { try? files.fileSystem.close(descriptor, path: layout.snapshot) }
            for group in byGroup.keys.sorted() {
                guard group < index.index.groupDigests.count, let range = index.groupRange(group),
                      let bytes = try? files.read(descriptor, range: range, path: layout.snapshot)
                else { return nil }
                var entries: [SnapshotIndex.Entry] = []
                for position in byGroup[group] ?? [] {
                    guard let entry = index.entry(at: position) else { return nil }
                    entries.append(entry)
                }
                groups.append(ReadGroup(digest: index.index.groupDigests[group], start: range.lowerBound, bytes: bytes, entries: entries))
            }
        }
        // Checked and decoded on every core: a command on one file reads every unit and member (at 100,000
        // files, 14,000 lines in 220 groups), most of its work. Each job's records are handed over as its
        // own list, not joined into one: each join copied every record (a tenth of the reading).
        let jobs = SnapshotCoding.jobCount(groups.count)
        return try? SnapshotCoding.concurrentMap(jobs: jobs) { job throws -> [StoredRecord<Value>] in
            let range = SnapshotCoding.jobRange(job, groups.count)
            var records: [StoredRecord<Value>] = []
            records.reserveCapacity(groups[range].reduce(0) { $0 + $1.entries.count })
            for group in groups[range] where !group.decode(into: &records) { throw GroupMismatch() }
            return records
        }
    }

    private struct GroupMismatch: Error {}

    /// The bytes of one group of lines, and the entries wanted from it.
    private struct ReadGroup: Sendable {
        let digest: [UInt8]
        /// Where the bytes start in the snapshot.
        let start: Int
        let bytes: [UInt8]
        let entries: [SnapshotIndex.Entry]

        /// Appends the entries' records to `records`; false when the bytes do not match the digest or a
        /// line does not hold the record its entry names.
        func decode<Value: Codable & Sendable & Equatable>(into records: inout [StoredRecord<Value>]) -> Bool {
            guard JournalLine.sha256(bytes) == digest else { return false }
            let source = SnapshotBytes(bytes)
            for entry in entries {
                let line = (entry.range.lowerBound - start)..<(entry.range.upperBound - start)
                guard line.lowerBound >= 0, line.upperBound <= bytes.count,
                      let record: StoredRecord<Value> = SnapshotCoding.decodeRecordLine(source, line),
                      record.id == entry.id, record.revision == entry.revision
                else { return false }
                records.append(record)
            }
            return true
        }
    }
}
