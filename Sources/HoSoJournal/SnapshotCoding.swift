import Crypto
import Dispatch
import Foundation

/// Stable snapshot bytes, laid out so a reader can split them without parsing:
///
/// ```
/// {"schemaVersion":1,"seq":5,"lastHash":"…","segment":2,"records":[
/// {…first record, compact, sorted keys…},
/// {…last record…}
/// ]}
/// ```
///
/// The header is the first line; every record is one line (the encoder escapes newlines inside strings,
/// so a record never spans two), records sorted by id bytewise, then `]}` and a trailing newline. It is
/// still one JSON document (jq reads it), and any other valid layout — the pretty-printed snapshots of
/// earlier versions, a file a script rewrote — still decodes, through one whole-document parse.
enum SnapshotCoding {
    private static let recordsKey = Array(#""records":["#.utf8)
    private static let ending = Array("\n]}\n".utf8)
    private static let newline = UInt8(ascii: "\n")


    /// From this schema version on, a snapshot must carry `recordsHash` in the line layout: a snapshot
    /// of an older version is migrated, and the migration writes it.
    static let recordsHashRequiredFrom = 2

    /// `reusing`: lines of unchanged records to copy rather than encode (see `SnapshotLines`).
    static func encode<Value>(_ snapshot: Snapshot<Value>, reusing lines: SnapshotLines? = nil) throws -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try write(snapshot, reusing: lines, append: { bytes += $0 }, overwrite: { offset, patch in
            bytes.replaceSubrange(offset..<(offset + patch.count), with: patch)
        })
        return bytes
    }

    /// What `write` wrote: the snapshot's layout, for its index.
    struct Written {
        let header: SnapshotHeader
        let size: Int
        let lines: [Range<Int>]
        let digests: [[UInt8]]
    }

    /// Records encoded together: eight groups of lines (a few MB at most), so that a snapshot of 600 MB is
    /// written a few parts at a time rather than made whole in memory first.
    static let recordsPerPart = 8 * recordsPerHashGroup

    /// Writes `snapshot` in the layout above through `append`, a few parts at a time (each part encoded and
    /// its groups of lines hashed on a core of its own), then puts the records hash in the header through
    /// `overwrite` (at its place, the same length). `reusing` as for `encode`.
    static func write<Value>(
        _ snapshot: Snapshot<Value>, reusing lines: SnapshotLines? = nil,
        append: ([UInt8]) throws -> Void, overwrite: (Int, [UInt8]) throws -> Void
    ) throws -> Written {
        let records = snapshot.records
        var head = Array(#"{"schemaVersion":\#(snapshot.schemaVersion),"seq":\#(snapshot.seq),"#.utf8)
        head += Array(#""lastHash":"#.utf8) + Array(try makeEncoder().encode(snapshot.lastHash))
        head += Array(#","segment":\#(snapshot.segment),"recordsHash":""#.utf8)
        // Written once the records are in place: it is the hash of their lines as they stand in the file.
        let hashStart = head.count
        head += Array(JournalLine.genesisHash.utf8) + Array(#"","#.utf8) + recordsKey + [newline]
        try append(head)
        var size = head.count
        var written: [Range<Int>] = []
        written.reserveCapacity(records.count)
        var digests: [[UInt8]] = []
        let parts = (records.count + recordsPerPart - 1) / recordsPerPart
        let partsAtOnce = max(1, ProcessInfo.processInfo.activeProcessorCount * 2)
        for first in stride(from: 0, to: parts, by: partsAtOnce) {
            let batch = first..<min(parts, first + partsAtOnce)
            let encoded = try concurrentMap(jobs: batch.count) { job throws -> EncodedPart in
                let part = batch.lowerBound + job
                return try encodePart(records, part * recordsPerPart..<min(records.count, (part + 1) * recordsPerPart), reusing: lines)
            }
            for part in encoded {
                written += part.lines.map { (size + $0.lowerBound)..<(size + $0.upperBound) }
                digests += part.digests
                try append(part.bytes)
                size += part.bytes.count
            }
        }
        let tail = records.isEmpty ? Array(ending.dropFirst()) : ending
        try append(tail)
        size += tail.count
        let recordsHash = rollUp(digests)
        try overwrite(hashStart, Array(recordsHash.utf8))
        let header = SnapshotHeader(
            schemaVersion: snapshot.schemaVersion, seq: snapshot.seq, lastHash: snapshot.lastHash, segment: snapshot.segment,
            recordsHash: recordsHash)
        return Written(header: header, size: size, lines: written, digests: digests)
    }

    /// One part's bytes (from the separator before its first line, when it is not the first part), where
    /// its lines are in them, and the digests of its groups.
    private struct EncodedPart {
        let bytes: [UInt8]
        let lines: [Range<Int>]
        let digests: [[UInt8]]
    }

    /// The records of `range` (whole groups of lines but the last) encoded, copied from `reusing` where
    /// they are unchanged.
    private static func encodePart<Value>(
        _ records: [StoredRecord<Value>], _ range: Range<Int>, reusing lines: SnapshotLines?
    ) throws -> EncodedPart {
        let encoder = makeEncoder()
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(range.count)
        for index in range {
            if index > 0 { bytes += [UInt8(ascii: ","), newline] }
            let start = bytes.count
            if let line = lines?.line(of: records[index].id) {
                bytes += line
            } else {
                bytes += try encoder.encode(records[index])
            }
            ranges.append(start..<bytes.count)
        }
        var digests: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            for first in stride(from: 0, to: ranges.count, by: recordsPerHashGroup) {
                let group = ranges[first].lowerBound..<ranges[min(ranges.count, first + recordsPerHashGroup) - 1].upperBound
                appendDigest(of: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[group])), to: &digests)
            }
        }
        return EncodedPart(bytes: bytes, lines: ranges, digests: stride(from: 0, to: digests.count, by: 32).map { Array(digests[$0..<($0 + 32)]) })
    }

    /// Record lines hashed together: few enough hashers to cost nothing, groups enough to use every core.
    static let recordsPerHashGroup = 64

    /// Appends the 32 bytes of SHA-256 of `bytes`, hashed where they are.
    private static func appendDigest(of bytes: UnsafeRawBufferPointer, to digests: inout [UInt8]) {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        hasher.finalize().withUnsafeBytes { digests.append(contentsOf: $0) }
    }

    /// The `recordsHash` of a snapshot in the line layout (nil in any other): SHA-256 (hex) of the SHA-256
    /// digests of consecutive groups of `recordsPerHashGroup` record lines, in order, each group hashed as
    /// it stands in the file (from its first line's first byte to its last line's last byte, the `,` and
    /// newline between its lines included), the groups hashed on every core.
    static func recordsHash(_ bytes: [UInt8]) -> String? {
        guard let lines = recordLines(bytes), let digests = groupDigests(bytes, lines) else { return nil }
        return rollUp(digests)
    }

    /// The `recordsHash` of the digests of the groups of record lines.
    static func rollUp(_ digests: [[UInt8]]) -> String {
        JournalLine.sha256Hex(digests.flatMap { $0 })
    }

    /// Each group's bytes, from its first line's first byte to its last line's last byte.
    static func groupRanges(_ lines: [Range<Int>]) -> [Range<Int>] {
        stride(from: 0, to: lines.count, by: recordsPerHashGroup).map { first in
            lines[first].lowerBound..<lines[min(lines.count, first + recordsPerHashGroup) - 1].upperBound
        }
    }

    /// SHA-256 of each group of `recordsPerHashGroup` lines (`lines` as `recordLines` finds them), hashed
    /// on every core.
    static func groupDigests(_ bytes: [UInt8], _ lines: [Range<Int>]) -> [[UInt8]]? {
        bytes.withUnsafeBufferPointer { groupDigests($0, lines) }
    }

    /// As above, over bytes in place; with `mapped` (whose bytes they are), each group's pages are given
    /// back once hashed.
    static func groupDigests(_ buffer: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], releasing mapped: MappedFile? = nil) -> [[UInt8]]? {
        let groups = groupRanges(lines)
        let parts = try? concurrentMap(jobs: jobCount(groups.count)) { job throws -> [UInt8] in
            var digests: [UInt8] = []
            for group in jobRange(job, groups.count) {
                appendDigest(of: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[groups[group]])), to: &digests)
                mapped?.release(groups[group])
            }
            return digests
        }
        mapped?.release(0..<buffer.count)
        return parts.map { part in
            let all = part.flatMap { $0 }
            return stride(from: 0, to: all.count, by: 32).map { Array(all[$0..<($0 + 32)]) }
        }
    }

    /// The whole snapshot: split along its lines and decoded on every core when it has the layout above,
    /// else parsed as one document (which also gives the precise place of a fault).
    static func decode<Value>(_ bytes: [UInt8]) throws -> Snapshot<Value> {
        try decodeKeepingLines(bytes).snapshot
    }

    /// The snapshot and, when it has the layout above, where each record's line is.
    static func decodeKeepingLines<Value>(_ bytes: [UInt8]) throws -> (snapshot: Snapshot<Value>, lines: SnapshotLines?) {
        let decoded: SelectedSnapshot<Value> = try decodeSelecting(bytes, selection: nil)
        return (decoded.snapshot, decoded.lines)
    }

    /// As `decodeKeepingLines`, decoding only the records `selection` admits (all when nil); the others
    /// are listed by id with their revision. A snapshot of another layout is decoded whole.
    static func decodeSelecting<Value>(_ bytes: [UInt8], selection: RecordSelection?) throws -> SelectedSnapshot<Value> {
        if let header = header(bytes, as: SnapshotHeader.self), let lines = recordLines(bytes),
           let decoded: SelectedSnapshot<Value> = bytes.withUnsafeBufferPointer({ buffer in
               assemble(header: header, buffer: buffer, source: SnapshotBytes(bytes), lines: lines, selection: selection, releasing: nil)
           }) {
            return decoded
        }
        return SelectedSnapshot(snapshot: try JSONDecoder().decode(Snapshot<Value>.self, from: Data(bytes)), lines: nil, unloaded: [])
    }

    /// A snapshot file in the line layout read through its mapping, every page given back once used: its
    /// groups of lines hashed and checked against `recordsHash` first, then the records decoded, their
    /// parts read on demand left to `SnapshotFileGroups` (which takes over `descriptor`). Nil when the
    /// bytes are not all as `encode` writes them (or do not match their hash): the caller then reads the
    /// file whole, which reports what is wrong.
    static func decodeMapped<Value>(
        _ mapped: MappedFile, files: DurableFiles, path: String, descriptor: Int32, selection: RecordSelection?
    ) -> SelectedSnapshot<Value>? {
        // Before the first byte is read: a write since then is one the trust in the file's status must see.
        let readStart = SnapshotFileGroups.wallClockNanoseconds()
        let buffer = mapped.bytes
        guard let header = header(UnsafeBufferPointer(rebasing: buffer.prefix(64 << 10)), as: SnapshotHeader.self),
              let stated = header.recordsHash, let lines = recordLines(buffer, releasing: mapped),
              let digests = groupDigests(buffer, lines, releasing: mapped), rollUp(digests) == stated
        else {
            try? files.fileSystem.close(descriptor, path: path)
            return nil
        }
        // Taken now that every group was verified against `recordsHash`: a write since would have moved it.
        let status = SnapshotFileGroups.trusting(try? files.fileSystem.status(of: descriptor, path: path), readStart: readStart)
        let groups = SnapshotFileGroups(
            files: files, path: path, descriptor: descriptor, groups: groupRanges(lines), digests: digests, unchangedStatus: status)
        return assemble(header: header, buffer: buffer, source: SnapshotBytes(file: groups), lines: lines, selection: selection, releasing: mapped)
    }

    /// The snapshot from its record lines in `buffer` (whose positions are `source`'s).
    private static func assemble<Value>(
        header: SnapshotHeader, buffer: UnsafeBufferPointer<UInt8>, source: SnapshotBytes, lines: [Range<Int>],
        selection: RecordSelection?, releasing mapped: MappedFile?
    ) -> SelectedSnapshot<Value>? {
        guard var parts: [[DecodedLine<Value>]] = decodeLines(buffer, source: source, lines, selection: selection, releasing: mapped) else { return nil }
        var records: [StoredRecord<Value>] = []
        var ranges: [String: Range<Int>] = [:]
        var unloaded: [(id: String, revision: Int)] = []
        records.reserveCapacity(lines.count)
        ranges.reserveCapacity(lines.count)
        var lineIndex = 0
        for job in parts.indices {
            // Each job's list is let go once taken: at 100,000 files a list of every record is 45 MB.
            let part = parts[job]
            parts[job] = []
            for line in part {
                let range = lines[lineIndex]
                lineIndex += 1
                switch line {
                case .record(let record):
                    records.append(record)
                    ranges[record.id] = range
                case .unloaded(let id, let revision):
                    unloaded.append((id, revision))
                    // Kept so a journal patch of the record can decode it then (`decodeRecordLine`).
                    ranges[id] = range
                }
            }
        }
        let snapshot = Snapshot(
            schemaVersion: header.schemaVersion, seq: header.seq, lastHash: header.lastHash, segment: header.segment,
            records: records, recordsHash: header.recordsHash)
        let kept = SnapshotLines(source: source, header: header, size: buffer.count, all: lines, ranges: ranges)
        return SelectedSnapshot(snapshot: snapshot, lines: kept, unloaded: unloaded)
    }

    /// The header from the first line, if the bytes start the way `encode` writes them; `nil` otherwise
    /// (an older layout: the caller then parses the whole document).
    static func header<Header: Decodable>(_ bytes: some Collection<UInt8>, as type: Header.Type) -> Header? {
        guard let newline = bytes.firstIndex(of: newline) else { return nil }
        let line = bytes[..<newline]
        guard line.count > recordsKey.count + 1, line.suffix(recordsKey.count).elementsEqual(recordsKey)
        else { return nil }
        var object = Array(line.dropLast(recordsKey.count))
        guard object.last == UInt8(ascii: ",") else { return nil }
        object[object.count - 1] = UInt8(ascii: "}")
        return try? JSONDecoder().decode(Header.self, from: Data(object))
    }

    /// Byte ranges of the record lines (each without its separating comma), or nil when the layout is not
    /// exactly the one `encode` writes.
    static func recordLines(_ bytes: [UInt8]) -> [Range<Int>]? {
        bytes.withUnsafeBufferPointer { recordLines($0) }
    }

    /// As above, over bytes in place; with `mapped` (whose bytes they are), pages are given back as the
    /// search for line ends passes them.
    static func recordLines(_ bytes: UnsafeBufferPointer<UInt8>, releasing mapped: MappedFile? = nil) -> [Range<Int>]? {
        guard let base = bytes.baseAddress, let first = bytes.firstIndex(of: newline) else { return nil }
        let start = first + 1
        if bytes.count == start + ending.count - 1, bytes[start...].elementsEqual(ending.dropFirst()) { return [] }
        guard bytes.count >= start + ending.count, bytes.suffix(ending.count).elementsEqual(ending) else { return nil }
        let end = bytes.count - ending.count
        var lines: [Range<Int>] = []
        var position = start
        var released = 0
        defer { mapped?.release(0..<bytes.count) }
        while position < end {
            let found = memchr(base + position, Int32(newline), end - position)
            let lineEnd = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
            if lineEnd < end {
                // Every line but the last ends with the comma between records, which is not part of it.
                guard lineEnd > position, base[lineEnd - 1] == UInt8(ascii: ",") else { return nil }
                lines.append(position..<(lineEnd - 1))
            } else {
                lines.append(position..<lineEnd)
            }
            position = lineEnd + 1
            if let mapped, position - released >= releaseStep {
                mapped.release(released..<position)
                released = position
            }
        }
        return lines
    }

    /// How many bytes a pass over a mapped snapshot reads before giving their pages back.
    private static let releaseStep = 4 << 20

    /// Decodes the record lines in jobs spread over the cores, a list per job in order; nil if any line
    /// fails both decoders (the whole-document parse then reports where). The records' deferred parts are
    /// read from `source`.
    private static func decodeLines<Value>(
        _ buffer: UnsafeBufferPointer<UInt8>, source: SnapshotBytes, _ lines: [Range<Int>], selection: RecordSelection?,
        releasing mapped: MappedFile?
    ) -> [[DecodedLine<Value>]]? {
        let parts = try? concurrentMap(jobs: jobCount(lines.count)) { job throws -> [DecodedLine<Value>] in
            let strings = StringTable()
            let range = jobRange(job, lines.count)
            var decoded: [DecodedLine<Value>] = []
            decoded.reserveCapacity(range.count)
            var released = range.isEmpty ? 0 : lines[range.lowerBound].lowerBound
            for index in range {
                let line = lines[index]
                decoded.append(try decodeLine(UnsafeBufferPointer(rebasing: buffer[line]), at: line.lowerBound, source: source, strings: strings, selection: selection))
                if let mapped, line.upperBound - released >= releaseStep {
                    mapped.release(released..<line.upperBound)
                    released = line.upperBound
                }
            }
            return decoded
        }
        mapped?.release(0..<buffer.count)
        return parts
    }

    /// The record on `line`, whose first byte is at `offset` in `source`.
    private static func decodeLine<Value>(
        _ line: UnsafeBufferPointer<UInt8>, at offset: Int, source: SnapshotBytes, strings: StringTable, selection: RecordSelection?
    ) throws -> DecodedLine<Value> {
        // Large arrays (a file's history) stay in the snapshot until they are read.
        let deferral = DeferralSource(source: source, offset: offset)
        if let tape = try? Tape(line, strings: strings, deferral: deferral) {
            if let selection, let probe = RecordProbe(tape: tape), !selection.admits(probe) {
                return .unloaded(id: probe.id, revision: probe.revision)
            }
            if let record = try? RecordDecoder.decode(StoredRecord<Value>.self, from: tape) { return .record(record) }
        }
        return .record(try JSONDecoder().decode(StoredRecord<Value>.self, from: Data(buffer: line)))
    }

    /// The records of the snapshot `lines` were read from, as it holds them: `current`'s record for a line no
    /// journal entry has changed since (its range is still known), the line decoded for the others.
    static func recordsAsInSnapshot<Value>(_ lines: SnapshotLines, current: [String: StoredRecord<Value>]) -> [StoredRecord<Value>]? {
        let unchanged = Dictionary(lines.ranges.map { ($0.value.lowerBound, $0.key) }, uniquingKeysWith: { first, _ in first })
        var records: [StoredRecord<Value>] = []
        records.reserveCapacity(lines.all.count)
        for range in lines.all {
            if let id = unchanged[range.lowerBound], let record = current[id] {
                records.append(record)
            } else {
                guard let record: StoredRecord<Value> = decodeRecordLine(lines.source, range, reading: .inOrder) else { return nil }
                records.append(record)
            }
        }
        return records
    }

    /// The record on line `range` of `source`, decoded whatever a selection left unread; nil when it
    /// cannot be.
    static func decodeRecordLine<Value>(
        _ source: SnapshotBytes, _ range: Range<Int>, reading: SnapshotBytes.Reading = .one
    ) -> StoredRecord<Value>? {
        let decoded = try? source.withBytes(range, reading: reading) { line in
            try decodeLine(line, at: range.lowerBound, source: source, strings: StringTable(), selection: nil) as DecodedLine<Value>
        }
        guard case .record(let record)? = decoded else { return nil }
        return record
    }

    private enum DecodedLine<Value: Codable & Sendable & Equatable>: Sendable {
        case record(StoredRecord<Value>)
        /// Left undecoded by a selection.
        case unloaded(id: String, revision: Int)
    }

    static func sortedRecords<Value>(_ records: [String: StoredRecord<Value>]) -> [StoredRecord<Value>] {
        records.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A few jobs per core, so that a core that finishes early takes another; few enough that each
    /// job's string table sees most of the repeated strings.
    static func jobCount(_ items: Int) -> Int {
        max(1, min(items, ProcessInfo.processInfo.activeProcessorCount * 4))
    }

    static func jobRange(_ job: Int, _ items: Int) -> Range<Int> {
        let jobs = jobCount(items)
        return (items * job / jobs)..<(items * (job + 1) / jobs)
    }

    /// `body` for every job on all cores, results in job order; the first error thrown is rethrown.
    static func concurrentMap<T>(jobs: Int, _ body: (Int) throws -> T) throws -> [T] {
        let results = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: jobs)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body: body, results: results)
            // Each job writes only its own slot, so the slots need no lock.
            DispatchQueue.concurrentPerform(iterations: jobs) { job in
                shared.results[job] = Result { try shared.body(job) }
            }
        }
        return try results.map { try $0!.get() }
    }
}

/// The records hash of `snapshot.json` as the store computes and verifies it (docs/storage-format.md).
public enum SnapshotRecordsHash {
    /// The `recordsHash` of snapshot bytes, or nil when they are not in the line layout HoSo writes: for a
    /// tool that rewrites a snapshot, and for tests that edit one by hand to reach the defences behind it.
    public static func of(_ bytes: [UInt8]) -> String? {
        SnapshotCoding.recordsHash(bytes)
    }
}

private struct UncheckedSendable<T>: @unchecked Sendable {
    let body: (Int) throws -> T
    let results: UnsafeMutableBufferPointer<Result<T, any Error>?>
}

/// A snapshot decoded under a `RecordSelection`.
struct SelectedSnapshot<Value: Codable & Sendable & Equatable> {
    let snapshot: Snapshot<Value>
    /// Where the decoded records' lines are, when the snapshot has the line layout.
    let lines: SnapshotLines?
    /// The records the selection left undecoded, in the snapshot's order.
    let unloaded: [(id: String, revision: Int)]
}
