#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import Synchronization

/// Whole-file reads, durable whole-file replacement and durable appends, built only on `FileSystem`.
///
/// Foundation's `Data.write(options: .atomic)` is not used: on Linux it skips the directory fsync,
/// leaves temp files behind after a crash and resets the file mode.
package struct DurableFiles: Sendable {
    package let fileSystem: any FileSystem

    package init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    /// Prefix of every temp file the store makes, so stale ones can be recognised and removed.
    static let temporaryPrefix = ".tmp-"

    package func readAll(_ path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = try fileSystem.open(path, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { try? fileSystem.close(descriptor, path: path) }
        return try readAll(descriptor, from: 0, path: path)
    }

    /// At most `count` bytes from the start of the file.
    package func readPrefix(_ path: String, count: Int) throws(FileSystemError) -> [UInt8] {
        let descriptor = try fileSystem.open(path, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { try? fileSystem.close(descriptor, path: path) }
        return try read(descriptor, range: 0..<count, path: path)
    }

    /// The bytes of `range` of an open file; fewer when the file ends before it.
    func read(_ descriptor: Int32, range: Range<Int>, path: String) throws(FileSystemError) -> [UInt8] {
        // Into uninitialized memory, as `readAll`: a search of many files reads most of the snapshot in
        // groups, and zero-filling each group first cost 17 % of it.
        var failure: FileSystemError?
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var filled = 0
            while filled < range.count {
                do throws(FileSystemError) {
                    let read = try fileSystem.read(
                        descriptor, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...])),
                        at: Int64(range.lowerBound + filled), path: path)
                    if read == 0 { break }
                    filled += read
                } catch {
                    failure = error
                    break
                }
            }
            initialized = filled
        }
        if let failure { throw failure }
        return bytes
    }

    func readAll(_ descriptor: Int32, from offset: Int64, path: String) throws(FileSystemError) -> [UInt8] {
        let size = try fileSystem.status(of: descriptor, path: path).size
        // The expected bytes are read straight into uninitialized memory (zero-filling a 58 MB snapshot
        // first cost as much as reading it); a file that grew meanwhile goes on in chunks.
        let expected = Int(max(0, size - offset))
        var failure: FileSystemError?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            // A large file is read in parts on every core: most of a read's time is the kernel giving the
            // process fresh pages, which the cores do side by side.
            let parts = expected >= Self.parallelReadBytes ? ProcessInfo.processInfo.activeProcessorCount : 1
            let partSize = (expected + parts - 1) / max(1, parts)
            let outcomes = Mutex([(filled: Int, failure: FileSystemError?)](repeating: (0, nil), count: parts))
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (part * partSize)..<min(expected, (part + 1) * partSize)
                var filled = 0
                var partFailure: FileSystemError?
                while filled < range.count {
                    do throws(FileSystemError) {
                        let read = try fileSystem.read(
                            descriptor,
                            into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: target[(range.lowerBound + filled)..<range.upperBound])),
                            at: offset + Int64(range.lowerBound + filled), path: path)
                        if read == 0 { break }
                        filled += read
                    } catch {
                        partFailure = error
                        break
                    }
                }
                outcomes.withLock { $0[part] = (filled, partFailure) }
            }
            // What was read up to the first part that came short (the file shrank meanwhile).
            initialized = 0
            for (part, outcome) in outcomes.withLock({ $0 }).enumerated() {
                failure = failure ?? outcome.failure
                initialized += outcome.filled
                if outcome.filled < min(expected, (part + 1) * partSize) - part * partSize { break }
            }
        }
        if let failure { throw failure }
        let filled = bytes.count
        if filled < expected { return bytes }
        var position = offset + Int64(filled)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(FileSystemError) in try fileSystem.read(descriptor, into: buffer, at: position, path: path) }
            }.get()
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            position += Int64(count)
        }
    }

    /// Files at least this large are read in parallel parts (a snapshot of thousands of files).
    static let parallelReadBytes = 8 << 20

    package func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try bytes.withUnsafeBytes { buffer in
                Result { () throws(FileSystemError) in
                    try fileSystem.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]), path: path)
                }
            }.get()
            // A zero-byte write would loop forever; the kernel only does it when it cannot make progress.
            if written <= 0 { throw FileSystemError(.write, path: path, code: EIO) }
            offset += written
        }
    }

    /// Replaces `path` with `bytes` so that a crash at any moment leaves the old file or the new one.
    package func replaceDurably(_ path: String, with bytes: [UInt8], temporaryIn directory: String) throws(FileSystemError) {
        do {
            let temporary = try writeTemporary(in: directory) { file in try file.append(bytes) }
            try install(temporary, as: path, directory: directory)
        } catch let error as FileSystemError {
            throw error
        } catch {
            throw FileSystemError(.write, path: path, code: EIO)  // `append` throws only file-system errors
        }
    }

    /// A new file under a temporary name in `directory` (mode 0600), written by `body` and synced: the
    /// caller installs it (`install`) or removes it. Whatever `body` throws removes it and is rethrown.
    package func writeTemporary(in directory: String, _ body: (TemporaryFileWriter) throws -> Void) throws -> String {
        let temporary = directory + "/" + Self.temporaryPrefix + String(getpid()) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let descriptor = try fileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
        do {
            try fileSystem.setPermissions(descriptor, 0o600, path: temporary)
            try body(TemporaryFileWriter(files: self, descriptor: descriptor, path: temporary))
            try fileSystem.fsync(descriptor, path: temporary)
            try fileSystem.close(descriptor, path: temporary)
        } catch {
            try? fileSystem.close(descriptor, path: temporary)
            try? fileSystem.unlink(temporary)
            throw error
        }
        return temporary
    }

    /// Puts the synced file `temporary` in place of `path` (in `directory`) and makes the name durable; on
    /// failure the temporary file is removed.
    package func install(_ temporary: String, as path: String, directory: String) throws(FileSystemError) {
        do {
            try fileSystem.rename(temporary, to: path)
        } catch {
            try? fileSystem.unlink(temporary)
            throw error
        }
        try fileSystem.fsyncDirectory(directory)
    }

    /// Creates an empty file with mode 0600 and makes its name durable; fails if it exists.
    func createEmpty(_ path: String, directory: String) throws(FileSystemError) {
        let descriptor = try fileSystem.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
        do {
            try fileSystem.setPermissions(descriptor, 0o600, path: path)
            try fileSystem.fsync(descriptor, path: path)
        } catch {
            try? fileSystem.close(descriptor, path: path)
            throw error
        }
        try fileSystem.close(descriptor, path: path)
        try fileSystem.fsyncDirectory(directory)
    }

    /// Appends `bytes` at the end of `path` (expected to be `expectedSize` long) and syncs them.
    ///
    /// On any failure the file is cut back to `expectedSize`, because after a failed `fsync` the
    /// kernel may already show the line to other readers; the result says whether that worked.
    /// Once appended it also gives the file's status, read on the open descriptor (nil if that failed:
    /// it only saves the caller a `stat` by path, and the line is committed either way).
    func appendDurably(_ path: String, _ bytes: [UInt8], expectedSize: Int64) -> AppendResult {
        let descriptor: Int32
        do {
            descriptor = try fileSystem.open(path, flags: O_WRONLY | O_APPEND | O_NOFOLLOW, mode: 0)
        } catch {
            return .failed(error, rolledBack: true)
        }
        do {
            try writeAll(descriptor, bytes, path: path)
            try fileSystem.fsync(descriptor, path: path)
        } catch {
            let rolledBack = cutBack(descriptor, to: expectedSize, path: path)
            try? fileSystem.close(descriptor, path: path)
            return .failed(error, rolledBack: rolledBack)
        }
        let status = try? fileSystem.status(of: descriptor, path: path)
        do {
            try fileSystem.close(descriptor, path: path)
        } catch {
            return .failed(error, rolledBack: cutBack(path, to: expectedSize))
        }
        return .appended(status)
    }

    enum AppendResult {
        case appended(FileStatus?)
        case failed(FileSystemError, rolledBack: Bool)
    }

    func cutBack(_ path: String, to length: Int64) -> Bool {
        guard let descriptor = try? fileSystem.open(path, flags: O_WRONLY | O_NOFOLLOW, mode: 0) else { return false }
        let done = cutBack(descriptor, to: length, path: path)
        do { try fileSystem.close(descriptor, path: path) } catch { return false }
        return done
    }

    private func cutBack(_ descriptor: Int32, to length: Int64, path: String) -> Bool {
        do {
            try fileSystem.truncate(descriptor, to: length, path: path)
            try fileSystem.fsync(descriptor, path: path)
            return true
        } catch {
            return false
        }
    }
}

/// Writes a temporary file from front to back, with a patch of bytes already written (a header whose hash
/// is known only at the end).
package struct TemporaryFileWriter {
    let files: DurableFiles
    let descriptor: Int32
    let path: String

    /// `bytes` after everything written so far.
    package func append(_ bytes: [UInt8]) throws(FileSystemError) {
        try files.writeAll(descriptor, bytes, path: path)
    }

    /// `bytes` over what was written at `offset`.
    package func overwrite(at offset: Int, with bytes: [UInt8]) throws(FileSystemError) {
        var done = 0
        while done < bytes.count {
            let written = try bytes.withUnsafeBytes { buffer in
                Result { () throws(FileSystemError) in
                    try files.fileSystem.write(
                        descriptor, UnsafeRawBufferPointer(rebasing: buffer[done...]), at: Int64(offset + done), path: path)
                }
            }.get()
            if written <= 0 { throw FileSystemError(.write, path: path, code: EIO) }
            done += written
        }
    }
}
