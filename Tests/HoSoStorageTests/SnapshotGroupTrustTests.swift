import Foundation
import HoSoDomain
@testable import HoSoJournal
import Testing

/// `SnapshotFileGroups`: a group of snapshot lines read after the load is hashed against the digest the
/// load verified, unless the open file's status shows nobody wrote to it since (its change time, which only
/// the system sets, and its size and modification time as the load found them).
@Suite struct SnapshotGroupTrustTests {
    @Test func withoutATrustedStatusEveryGroupIsHashedWhenFirstRead() throws {
        let groups = try Groups()
        defer { groups.remove() }
        let reader = groups.reader(trusting: nil)
        for group in 0..<3 { #expect(try groups.read(reader, group: group) == Array(groups.bytes[groups.ranges[group]])) }
        _ = try groups.read(reader, group: 1)
        #expect(reader.hashedGroups == 3)
    }

    @Test func aFileUnchangedSinceTheLoadIsReadWithoutHashing() throws {
        let groups = try Groups()
        defer { groups.remove() }
        let reader = groups.reader(trusting: try groups.status())
        for group in 0..<3 { #expect(try groups.read(reader, group: group) == Array(groups.bytes[groups.ranges[group]])) }
        #expect(reader.hashedGroups == 0)
    }

    /// A save touches one file's line: in a trusted file, a reader of one part reads that part alone, each
    /// time; a reader going line after line (a compaction) reads the group once and keeps it, and parts of a
    /// kept group are taken from it.
    @Test func aTrustedFileIsReadAPartAtATimeAndInOrderAGroupAtATime() throws {
        let groups = try Groups()
        defer { groups.remove() }
        let reader = groups.reader(trusting: try groups.status())
        let line = groups.ranges[1].lowerBound + 100..<groups.ranges[1].lowerBound + 160
        let next = line.upperBound..<line.upperBound + 40
        for range in [line, next, line] { #expect(try reader.withBytes(range) { Array($0) } == Array(groups.bytes[range])) }
        #expect(reader.partReads == 3 && reader.wholeGroupReads == 0)
        for range in [line, next] { #expect(try reader.withBytes(range, reading: .inOrder) { Array($0) } == Array(groups.bytes[range])) }
        #expect(reader.wholeGroupReads == 1)
        #expect(try reader.withBytes(line) { Array($0) } == Array(groups.bytes[line]))
        #expect(reader.partReads == 3 && reader.wholeGroupReads == 1 && reader.hashedGroups == 0)
        // Without trust, the first read of a group reads it whole and hashes it, however it reads.
        let untrusted = groups.reader(trusting: nil)
        #expect(try untrusted.withBytes(line) { Array($0) } == Array(groups.bytes[line]))
        #expect(untrusted.partReads == 0 && untrusted.wholeGroupReads == 1 && untrusted.hashedGroups == 1)
    }

    @Test func aWriteAfterTheLoadIsFoundEvenWithATrustedStatus() async throws {
        let groups = try Groups()
        defer { groups.remove() }
        let reader = groups.reader(trusting: try groups.status())
        #expect(try groups.read(reader, group: 0) == Array(groups.bytes[groups.ranges[0]]))
        // Past the grain of the system's clock for change times, as the load's two seconds make sure.
        try await Task.sleep(for: .milliseconds(50))
        try groups.editInPlace(group: 2)
        let line = groups.ranges[2].lowerBound + 5..<groups.ranges[2].lowerBound + 50
        #expect(throws: DeferredDecodingFailure.self) { try reader.withBytes(line) { Array($0) } }
        #expect(throws: DeferredDecodingFailure.self) { try groups.read(reader, group: 2) }
        #expect(reader.hashedGroups == 2)
    }

    @Test func onlyAFileChangedLongEnoughBeforeTheLoadBeganIsTrusted() throws {
        let second: Int64 = 1_000_000_000
        let millisecond = second / 1_000
        let readStart = 1_800_000_000 * second
        func status(changed: Int64, modified: Int64) -> FileStatus {
            FileStatus(
                device: 1, inode: 2, size: 3, permissions: 0o600, linkCount: 1, kind: .regular, modifiedNanoseconds: modified,
                changedNanoseconds: changed)
        }
        // Two ticks of the system's coarse clock (4 ms on most kernels): measured, not assumed.
        let settle = SnapshotFileGroups.settledNanoseconds
        var resolution = timespec()
        #expect(clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0)
        #expect(settle == 2 * (Int64(resolution.tv_sec) * second + Int64(resolution.tv_nsec)))
        // Times with nanoseconds: settled two ticks before the read began, by both times.
        let settled = status(changed: readStart - settle - 7, modified: readStart - 5 * second + 3)
        #expect(SnapshotFileGroups.trusting(settled, readStart: readStart) == settled)
        #expect(SnapshotFileGroups.trusting(status(changed: readStart - settle + 7, modified: readStart - 5 * second + 3), readStart: readStart) == nil)
        #expect(SnapshotFileGroups.trusting(status(changed: readStart - 3 * second + 7, modified: readStart - settle + 3), readStart: readStart) == nil)
        // Changed while the load was reading (after it began): the status after the load shows that write,
        // so it must not vouch for what the load hashed before it.
        #expect(SnapshotFileGroups.trusting(status(changed: readStart + 500 * (second / 1_000) + 7, modified: readStart - 5 * second + 3), readStart: readStart) == nil)
        // Hundredths of a second (exFAT): three of them, whatever the clock's tick.
        let centiseconds = status(changed: readStart - 40 * millisecond, modified: readStart - 5 * second)
        #expect(SnapshotFileGroups.trusting(centiseconds, readStart: readStart) == centiseconds)
        #expect(SnapshotFileGroups.trusting(status(changed: readStart - 20 * millisecond, modified: readStart - 5 * second), readStart: readStart) == nil)
        // Whole seconds only (a file system that keeps no more): settled three seconds before.
        let wholeSeconds = status(changed: readStart - 4 * second, modified: readStart - 5 * second)
        #expect(SnapshotFileGroups.trusting(wholeSeconds, readStart: readStart) == wholeSeconds)
        #expect(SnapshotFileGroups.trusting(status(changed: readStart - 2 * second, modified: readStart - 5 * second), readStart: readStart) == nil)
        #expect(SnapshotFileGroups.trusting(status(changed: 0, modified: readStart - 5 * second), readStart: readStart) == nil)
        #expect(SnapshotFileGroups.trusting(nil, readStart: readStart) == nil)
    }
}

/// A file of three groups of `groupSize` bytes, open for reading, with their ranges and digests.
private struct Groups {
    static let groupSize = 1_000
    let temporary = TemporaryDirectory()
    let path: String
    let descriptor: Int32
    let ranges: [Range<Int>]
    let digests: [[UInt8]]
    let bytes: [UInt8]

    init() throws {
        try FileManager.default.createDirectory(atPath: temporary.store, withIntermediateDirectories: true)
        let path = temporary.store + "/snapshot.json"
        let bytes: [UInt8] = (0..<(3 * Self.groupSize)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let ranges = (0..<3).map { ($0 * Self.groupSize)..<(($0 + 1) * Self.groupSize) }
        self.path = path
        self.bytes = bytes
        self.ranges = ranges
        digests = ranges.map { JournalLine.sha256(Array(bytes[$0])) }
        descriptor = open(path, O_RDONLY)
    }

    func reader(trusting status: FileStatus?) -> SnapshotFileGroups {
        SnapshotFileGroups(
            files: DurableFiles(fileSystem: .real), path: path, descriptor: dup(descriptor), groups: ranges, digests: digests,
            unchangedStatus: status)
    }

    func status() throws -> FileStatus { try RealFileSystem().status(of: descriptor, path: path) }

    func read(_ reader: SnapshotFileGroups, group: Int) throws -> [UInt8] {
        try reader.withBytes(ranges[group]) { Array($0) }
    }

    /// One byte of `group` changed where it lies, the file neither replaced nor resized.
    func editInPlace(group: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(ranges[group].lowerBound + 10))
        try handle.write(contentsOf: [UInt8(ascii: "Z")])
        try handle.close()
    }

    func remove() {
        close(descriptor)
        temporary.remove()
    }
}
