#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage

/// The real file system with one failure injected at a chosen call, and a record of the calls made.
final class FaultInjectingFileSystem: FileSystem, @unchecked Sendable {
    enum Fault: Equatable, CustomStringConvertible {
        case error(Int32)
        /// Writes half of the bytes and reports it; later writes work (the caller must loop).
        case shortWrite
        /// Writes half, then the next write fails with `errno`: a disk that fills up mid-write.
        case shortWriteThenError(Int32)

        var description: String {
            switch self {
            case .error(let code): "error \(code)"
            case .shortWrite: "short write"
            case .shortWriteThenError(let code): "short write then \(code)"
            }
        }
    }

    private let base = RealFileSystem()
    private let mutex = NSLock()
    private var calls: [FileOperation] = []
    private var paths: [String] = []
    private var armed: (index: Int, fault: Fault)?
    private var faulted: FileOperation?
    private var failNextWrite: Int32?
    /// Operations that fail every time, with their `errno`: a disk that stays full.
    private var alwaysFailing: [FileOperation: Int32] = [:]

    private var writtenBytes = 0
    private var statusHook: (path: String, action: @Sendable () -> Void)?

    /// Runs `action` once, just before the first `stat` of `path`: what another process does at that exact
    /// moment of a load or a save.
    func beforeFirstStatus(of path: String, _ action: @escaping @Sendable () -> Void) {
        mutex.withLock { statusHook = (path, action) }
    }

    /// Bytes written since the last `arm` or `reset`.
    var bytesWritten: Int { mutex.withLock { writtenBytes } }

    /// The operations made since the last `arm` or `reset`.
    var recordedCalls: [FileOperation] { mutex.withLock { calls } }

    /// The same operations with the file each acted on, as `operation path`.
    var recordedCallsWithPaths: [String] { mutex.withLock { zip(calls, paths).map { "\($0.rawValue) \($1)" } } }

    /// The operation the armed fault actually hit. A run may make one call more or fewer than the run the
    /// calls were learned from (a refresh that finds the journal unchanged by its size and time skips a
    /// read), so the test asks what was hit rather than assuming the learned sequence.
    var faultedOperation: FileOperation? { mutex.withLock { faulted } }

    func arm(atCall index: Int, _ fault: Fault) {
        mutex.withLock {
            calls = []
            paths = []
            armed = (index, fault)
            faulted = nil
            failNextWrite = nil
        }
    }

    /// Makes every later `operation` fail with `code` until `reset`: a disk that stays full.
    func failEvery(_ operation: FileOperation, with code: Int32) {
        mutex.withLock { alwaysFailing[operation] = code }
    }

    func reset() {
        mutex.withLock {
            calls = []
            paths = []
            armed = nil
            alwaysFailing = [:]
            writtenBytes = 0
        }
    }

    private func intercept(_ operation: FileOperation, _ path: String) -> Fault? {
        mutex.withLock {
            calls.append(operation)
            paths.append(path)
            if let code = alwaysFailing[operation] { return .error(code) }
            if operation == .write, let code = failNextWrite {
                failNextWrite = nil
                return .error(code)
            }
            guard let armed, armed.index == calls.count - 1 else { return nil }
            faulted = operation
            if case .shortWriteThenError(let code) = armed.fault { failNextWrite = code }
            return armed.fault
        }
    }

    private func failure(_ operation: FileOperation, _ path: String) throws(FileSystemError) {
        if case .error(let code)? = intercept(operation, path) { throw FileSystemError(operation, path: path, code: code) }
    }

    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileSystemError) -> Int32 {
        try failure(.open, path)
        return try base.open(path, flags: flags, mode: mode)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileSystemError) -> Int {
        switch intercept(.write, path) {
        case .error(let code)?: throw FileSystemError(.write, path: path, code: code)
        case .shortWrite?, .shortWriteThenError?:
            return try base.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<max(1, bytes.count / 2)]), path: path)
        case nil:
            let written = try base.write(descriptor, bytes, path: path)
            mutex.withLock { writtenBytes += written }
            return written
        }
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64, path: String) throws(FileSystemError) -> Int {
        try failure(.write, path)
        return try base.write(descriptor, bytes, at: offset, path: path)
    }

    func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(FileSystemError) -> Int {
        try failure(.read, path)
        let count = try base.read(descriptor, into: buffer, at: offset, path: path)
        mutex.withLock { readBytes[path, default: 0] += count }
        return count
    }

    private var readBytes: [String: Int] = [:]

    /// Bytes read from `path` since this file system was made.
    func bytesRead(from path: String) -> Int { mutex.withLock { readBytes[path] ?? 0 } }

    func fsync(_ descriptor: Int32, path: String) throws(FileSystemError) {
        try failure(.fsync, path)
        try base.fsync(descriptor, path: path)
    }

    func fsyncDirectory(_ path: String) throws(FileSystemError) {
        try failure(.fsyncDirectory, path)
        try base.fsyncDirectory(path)
    }

    func close(_ descriptor: Int32, path: String) throws(FileSystemError) {
        if case .error(let code)? = intercept(.close, path) {
            // A failing close still releases the descriptor, as on Linux.
            try? base.close(descriptor, path: path)
            throw FileSystemError(.close, path: path, code: code)
        }
        try base.close(descriptor, path: path)
    }

    func setPermissions(_ descriptor: Int32, _ permissions: UInt32, path: String) throws(FileSystemError) {
        try failure(.chmod, path)
        try base.setPermissions(descriptor, permissions, path: path)
    }

    func truncate(_ descriptor: Int32, to length: Int64, path: String) throws(FileSystemError) {
        try failure(.truncate, path)
        try base.truncate(descriptor, to: length, path: path)
    }

    func lock(_ descriptor: Int32, exclusive: Bool, nonBlocking: Bool, path: String) throws(FileSystemError) -> Bool {
        try failure(.lock, path)
        return try base.lock(descriptor, exclusive: exclusive, nonBlocking: nonBlocking, path: path)
    }

    func unlock(_ descriptor: Int32, path: String) throws(FileSystemError) {
        try failure(.lock, path)
        try base.unlock(descriptor, path: path)
    }

    func rename(_ source: String, to destination: String) throws(FileSystemError) {
        try failure(.rename, destination)
        try base.rename(source, to: destination)
    }

    func link(_ source: String, to destination: String) throws(FileSystemError) {
        try failure(.link, destination)
        try base.link(source, to: destination)
    }

    func unlink(_ path: String) throws(FileSystemError) {
        try failure(.unlink, path)
        try base.unlink(path)
    }

    func makeDirectory(_ path: String, permissions: UInt32) throws(FileSystemError) {
        try failure(.mkdir, path)
        try base.makeDirectory(path, permissions: permissions)
    }

    func setPermissions(ofPath path: String, _ permissions: UInt32) throws(FileSystemError) {
        try failure(.chmod, path)
        try base.setPermissions(ofPath: path, permissions)
    }

    func status(ofPath path: String) throws(FileSystemError) -> FileStatus {
        let hook: (@Sendable () -> Void)? = mutex.withLock {
            guard let statusHook, statusHook.path == path else { return nil }
            self.statusHook = nil
            return statusHook.action
        }
        hook?()
        try failure(.stat, path)
        return try base.status(ofPath: path)
    }

    func status(of descriptor: Int32, path: String) throws(FileSystemError) -> FileStatus {
        try failure(.stat, path)
        return try base.status(of: descriptor, path: path)
    }

    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        try failure(.listDirectory, path)
        return try base.contentsOfDirectory(path)
    }
}
