#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The `flock` on `store.lock`, a file that is never renamed or deleted, so every process locks the same inode.
///
/// The lock file is opened for each acquisition and closed to release it: closing drops a `flock`
/// even when an explicit unlock would fail, and the kernel drops it when the holder dies, so a stale
/// lock needs no cleanup. `flock` belongs to the open file description, so two store instances in one
/// process exclude each other too.
final class StoreLock: Sendable {
    static let fileName = "store.lock"
    private let files: DurableFiles
    private let path: String
    private let timeout: Duration
    /// Who this process runs as, looked up once: the holder record is written at every save.
    private let identity: (user: String, host: String)

    init(directory: String, files: DurableFiles, timeout: Duration) throws(StoreError) {
        self.files = files
        self.path = directory + "/" + Self.fileName
        self.timeout = timeout
        self.identity = (Self.userName(), Self.hostName())
    }

    /// Runs `body` holding the exclusive lock, waiting at most `timeout` for another holder.
    func withExclusiveLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let (descriptor, size) = try openLockFile()
        defer { try? files.fileSystem.close(descriptor, path: path) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var pause = 0.002
        while true {
            do {
                if try files.fileSystem.lock(descriptor, exclusive: true, nonBlocking: true, path: path) { break }
            } catch {
                throw StoreError.from(error)
            }
            if clock.now >= deadline { throw StoreError.lockHeld(currentHolder(descriptor)) }
            // Short jittered sleeps: saves take milliseconds, and waiters should not wake in lockstep.
            Thread.sleep(forTimeInterval: pause + Double.random(in: 0...0.001))
            pause = min(pause * 2, 0.05)
        }
        recordHolder(descriptor, fileSize: size)
        return try body()
    }

    /// The open lock file and its size.
    private func openLockFile() throws(StoreError) -> (descriptor: Int32, size: Int64) {
        let descriptor: Int32
        do {
            descriptor = try files.fileSystem.open(path, flags: O_RDWR | O_CREAT | O_NOFOLLOW, mode: 0o600)
        } catch {
            throw StoreError.from(error)
        }
        do {
            let status = try files.fileSystem.status(of: descriptor, path: path)
            if status.permissions != 0o600 { try files.fileSystem.setPermissions(descriptor, 0o600, path: path) }
            return (descriptor, status.size)
        } catch {
            try? files.fileSystem.close(descriptor, path: path)
            throw StoreError.from(error)
        }
    }

    /// Writes who holds the lock; only for the "held by …" message, so failures are ignored.
    ///
    /// The record is overwritten in place at a fixed size, never truncated first: on ext4, truncating a
    /// file to zero and writing it again makes its close flush that block to the disk (`auto_da_alloc`),
    /// a second disk write in every save, in series with the journal's fsync. In place, the page is
    /// only dirtied and written back with everything else.
    private func recordHolder(_ descriptor: Int32, fileSize: Int64) {
        let record = Self.holderRecord(
            LockHolder(pid: getpid(), user: identity.user, host: identity.host, since: Timestamp.iso8601(Date())))
        // A longer record left by an older program or an unusual holder name is cut once, so no stale
        // bytes follow ours; from then on every record has the same size.
        if fileSize > Int64(record.count) { try? files.fileSystem.truncate(descriptor, to: Int64(record.count), path: path) }
        _ = record.withUnsafeBytes { buffer in
            try? files.fileSystem.write(descriptor, buffer, at: 0, path: path)
        }
    }

    /// The size every holder record is padded to, unless one is longer.
    static let holderRecordSize = 256

    /// `holder` as JSON, padded with spaces to `holderRecordSize` bytes (or the next multiple of it) and
    /// ended by a newline: JSON readers ignore the padding, and a person reading the file sees one line.
    static func holderRecord(_ holder: LockHolder) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(holderRecordSize)
        bytes.append(contentsOf: #"{"pid":"#.utf8)
        bytes.append(contentsOf: String(holder.pid).utf8)
        bytes.append(contentsOf: #","user":"#.utf8)
        CanonicalJSON.appendString(holder.user, to: &bytes)
        bytes.append(contentsOf: #","host":"#.utf8)
        CanonicalJSON.appendString(holder.host, to: &bytes)
        bytes.append(contentsOf: #","since":"#.utf8)
        CanonicalJSON.appendString(holder.since, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        let size = (bytes.count / holderRecordSize + 1) * holderRecordSize
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: size - 1 - bytes.count))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private func currentHolder(_ descriptor: Int32) -> LockHolder? {
        guard let bytes = try? files.readAll(descriptor, from: 0, path: path) else { return nil }
        return try? JSONDecoder().decode(LockHolder.self, from: Data(bytes))
    }

    private static func userName() -> String {
        if let name = getenv("USER") ?? getenv("LOGNAME") { return String(cString: name) }
        return String(getuid())
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "?" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
