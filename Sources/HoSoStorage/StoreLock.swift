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

    init(directory: String, files: DurableFiles, timeout: Duration) throws(StoreError) {
        self.files = files
        self.path = directory + "/" + Self.fileName
        self.timeout = timeout
    }

    /// Runs `body` holding the exclusive lock, waiting at most `timeout` for another holder.
    func withExclusiveLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let descriptor = try openLockFile()
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
        recordHolder(descriptor)
        return try body()
    }

    private func openLockFile() throws(StoreError) -> Int32 {
        let descriptor: Int32
        do {
            descriptor = try files.fileSystem.open(path, flags: O_RDWR | O_CREAT | O_NOFOLLOW, mode: 0o600)
        } catch {
            throw StoreError.from(error)
        }
        do {
            let status = try files.fileSystem.status(of: descriptor, path: path)
            if status.permissions != 0o600 { try files.fileSystem.setPermissions(descriptor, 0o600, path: path) }
        } catch {
            try? files.fileSystem.close(descriptor, path: path)
            throw StoreError.from(error)
        }
        return descriptor
    }

    /// Writes who holds the lock; only for the "held by …" message, so failures are ignored.
    private func recordHolder(_ descriptor: Int32) {
        let holder = LockHolder(pid: getpid(), user: Self.userName(), host: Self.hostName(), since: Timestamp.iso8601(Date()))
        guard let bytes = try? JSONEncoder().encode(holder) else { return }
        try? files.fileSystem.truncate(descriptor, to: 0, path: path)
        _ = Array(bytes).withUnsafeBytes { buffer in
            try? files.fileSystem.write(descriptor, buffer, at: 0, path: path)
        }
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
