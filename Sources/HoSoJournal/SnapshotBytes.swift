import Foundation
import HoSoDomain

/// The bytes of the snapshot a store was read from, for whatever reads them after the load: a record's
/// parts decoded on first use (its history), the lines of unchanged records a compaction copies, a record
/// a selection left unread. Either held in memory, or read again from the snapshot file, kept open (a
/// compaction replacing `snapshot.json` meanwhile leaves it as it was) — a group of lines at a time,
/// checked against the digest the load verified, so that what is read later is what was read then.
/// A store of 100,000 files then need not hold its 600 MB for as long as the application runs.
final class SnapshotBytes: Sendable {
    private enum Storage: Sendable {
        case memory([UInt8])
        case file(SnapshotFileGroups)
    }

    private let storage: Storage

    /// Bytes in memory; ranges are positions in `bytes`.
    init(_ bytes: [UInt8]) { storage = .memory(bytes) }

    /// The groups of lines of a snapshot file; ranges are positions in the file.
    init(file: SnapshotFileGroups) { storage = .file(file) }

    /// How a reader goes through the file: one file's line or part at a time (a file opened, a record a
    /// journal entry patches), or line after line (a compaction copying the lines it did not change, a
    /// walk over every record), which reads the file a group at a time.
    enum Reading: Sendable { case one, inOrder }

    /// `body` on the bytes of `range`; a failure when the file no longer holds what the load read there.
    func withBytes<Result>(_ range: Range<Int>, reading: Reading = .one, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        switch storage {
        case .memory(let bytes):
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw SnapshotFileGroups.outside }
            return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
        case .file(let groups):
            return try groups.withBytes(range, reading: reading, body)
        }
    }

    /// A copy of the bytes of `range` (read in order, as a compaction copies lines), nil when they cannot
    /// be read as they were.
    func bytes(_ range: Range<Int>) -> [UInt8]? {
        try? withBytes(range, reading: .inOrder) { Array($0) }
    }

    /// The digest of each group of record lines, when the load kept them (it verified them all).
    var groupDigests: [[UInt8]]? {
        if case .file(let groups) = storage { return groups.digests }
        return nil
    }
}

/// A snapshot file kept open, read a group of record lines at a time (`SnapshotCoding.recordsPerHashGroup`),
/// each group checked against its digest before anything is taken from it. The few groups read last are
/// kept: a file's parts lie in one line, and a compaction copies the lines in order.
///
/// Hashing a group (≈ 380 KB at 100,000 files) was most of the first save of a file in a group not read
/// since the load. A file whose status is `unchangedStatus` after the read has not been written since the
/// load verified every group: its change time (`ctime`) moves with every write and cannot be set back by
/// anyone but the system. So when the load found the file last changed long enough before it
/// (`trusting(_:readStart:)`), a group read while the status is still that one is taken without hashing it again,
/// and a reader of one file's part reads only that part.
final class SnapshotFileGroups: @unchecked Sendable {
    // Unchecked: `recent` and the counts are only touched with `lock` held; everything else never changes.
    private let files: DurableFiles
    private let path: String
    private let descriptor: Int32
    /// Each group's bytes in the file, from its first line's first byte to its last line's last byte.
    let groups: [Range<Int>]
    let digests: [[UInt8]]
    /// The file's status when the load had verified it, if it can be trusted to tell a later write.
    private let unchangedStatus: FileStatus?
    private let lock = NSLock()
    private var recent: [(group: Int, bytes: [UInt8])] = []
    /// Groups checked against their digest, groups read whole, parts read alone (for the tests).
    private(set) var hashedGroups = 0
    private(set) var wholeGroupReads = 0
    private(set) var partReads = 0
    private static let kept = 8

    static let outside = DeferredDecodingFailure(reason: "vị trí đọc nằm ngoài snapshot.json đã đọc")

    /// How long before the load began reading the file it must have been changed last for its status to
    /// tell a later write: the system stamps a change with its coarse clock (`CLOCK_REALTIME_COARSE`, a tick
    /// of 1–10 ms), so a write could carry the time of the change before it only within one tick of it. Two
    /// ticks, then; a tenth of a second when the clock does not say its grain. A file system that keeps
    /// coarser times (whole seconds, hundredths: times whose nanoseconds are all zeros there) is given three
    /// of its grains (`settling(for:)`).
    static let settledNanoseconds: Int64 = {
        var resolution = timespec()
        guard clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0 else { return 100_000_000 }
        let tick = Int64(resolution.tv_sec) * 1_000_000_000 + Int64(resolution.tv_nsec)
        return tick > 0 && tick <= 50_000_000 ? 2 * tick : 100_000_000
    }()

    /// The settling time for a file whose times are `status`'s: `settledNanoseconds`, or three grains of
    /// the file system's clock when both times fall on a coarser grain (a chance of one in a million
    /// squared for times kept to the nanosecond).
    static func settling(for status: FileStatus) -> Int64 {
        let times = [status.changedNanoseconds, status.modifiedNanoseconds]
        for grain: Int64 in [1_000_000_000, 100_000_000, 10_000_000, 1_000_000] where times.allSatisfy({ $0 % grain == 0 }) {
            return max(settledNanoseconds, 3 * grain)
        }
        return settledNanoseconds
    }

    /// `status` (taken after the load verified every group), when the file was last changed and modified
    /// long enough (`settling(for:)`) before `readStart`, the wall-clock time taken before the load read its
    /// first byte; nil otherwise (every group is then hashed when read). Judged against the start, not the
    /// end: a write while the load was reading, after the group it changed was hashed, shows in `status`
    /// already, and only its time tells it happened after the read began.
    static func trusting(_ status: FileStatus?, readStart: Int64) -> FileStatus? {
        guard let status, status.changedNanoseconds > 0 else { return nil }
        let settled = settling(for: status)
        guard status.changedNanoseconds <= readStart - settled, status.modifiedNanoseconds <= readStart - settled else { return nil }
        return status
    }

    /// The wall-clock time now, in nanoseconds since 1970 (what file times are in).
    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Takes over `descriptor` (closed when nothing reads the file any more).
    init(files: DurableFiles, path: String, descriptor: Int32, groups: [Range<Int>], digests: [[UInt8]], unchangedStatus: FileStatus? = nil) {
        self.files = files
        self.path = path
        self.descriptor = descriptor
        self.groups = groups
        self.digests = digests
        self.unchangedStatus = unchangedStatus
    }

    deinit { try? files.fileSystem.close(descriptor, path: path) }

    func withBytes<Result>(
        _ range: Range<Int>, reading: SnapshotBytes.Reading = .one, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        // The last group starting at or before the range, which must hold all of it (a line never spans two).
        var low = 0
        var high = groups.count
        while low < high {
            let middle = (low + high) / 2
            if groups[middle].lowerBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        let group = low - 1
        guard group >= 0, range.upperBound <= groups[group].upperBound else { throw Self.outside }
        if reading == .one, let line = try trustedRead(range, in: group) {
            return try line.withUnsafeBufferPointer { try body($0) }
        }
        let bytes = try groupBytes(group)
        let start = range.lowerBound - groups[group].lowerBound
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<(start + range.count)])) }
    }

    /// Only `range`, from a trusted file whose group is not kept: one file's line or part (≈ 6 KB) rather
    /// than its group (≈ 380 KB at 100,000 files, 550 KB at 1,000), whose copy was a third of such a save.
    /// Nil when the group is kept, or the file may have changed (the group is then read and hashed).
    private func trustedRead(_ range: Range<Int>, in group: Int) throws -> [UInt8]? {
        guard unchangedStatus != nil, !lock.withLock({ recent.contains { $0.group == group } }) else { return nil }
        let bytes = try read(range)
        guard bytes.count == range.count, fileUnchanged() else { return nil }
        lock.withLock { partReads += 1 }
        return bytes
    }

    /// Whether the open file's status is still the one the load verified (the status after a read: a
    /// write during or before it has moved the change time already).
    private func fileUnchanged() -> Bool {
        guard let unchanged = unchangedStatus, let now = try? files.fileSystem.status(of: descriptor, path: path) else { return false }
        return now.inode == unchanged.inode && now.size == unchanged.size && now.modifiedNanoseconds == unchanged.modifiedNanoseconds
            && now.changedNanoseconds == unchanged.changedNanoseconds
    }

    private func read(_ range: Range<Int>) throws -> [UInt8] {
        do {
            return try files.read(descriptor, range: range, path: path)
        } catch {
            throw DeferredDecodingFailure(reason: StoreError.from(error).message)
        }
    }

    private func groupBytes(_ group: Int) throws -> [UInt8] {
        if let kept = lock.withLock({ recent.first { $0.group == group }?.bytes }) { return kept }
        let bytes = try read(groups[group])
        lock.withLock { wholeGroupReads += 1 }
        if bytes.count == groups[group].count, fileUnchanged() {
            keep(group, bytes)
            return bytes
        }
        lock.withLock { hashedGroups += 1 }
        guard bytes.count == groups[group].count, JournalLine.sha256(bytes) == digests[group] else {
            throw DeferredDecodingFailure(
                reason: "\(path) đã bị thay đổi ngoài HoSo sau khi được đọc (nhóm dòng \(group + 1) không còn khớp mã băm); "
                    + "đóng HoSo rồi mở lại, và chạy hoso check")
        }
        keep(group, bytes)
        return bytes
    }

    private func keep(_ group: Int, _ bytes: [UInt8]) {
        lock.withLock {
            if !recent.contains(where: { $0.group == group }) {
                if recent.count == Self.kept { recent.removeFirst() }
                recent.append((group, bytes))
            }
        }
    }
}
