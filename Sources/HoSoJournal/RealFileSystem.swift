#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's system calls made for real, retrying only on `EINTR`.
public struct RealFileSystem: FileSystem {
    /// Makes the real file system.
    public init() {}

    public func open(_ path: String, flags: Int32, mode: UInt32) throws(FileSystemError) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, flags | O_CLOEXEC, mode_t(mode))
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw FileSystemError(.open, path: path, code: errno) }
        }
    }

    public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileSystemError) -> Int {
        while true {
            let written = Glibc.write(descriptor, bytes.baseAddress, bytes.count)
            if written >= 0 { return written }
            if errno != EINTR { throw FileSystemError(.write, path: path, code: errno) }
        }
    }

    public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64, path: String) throws(FileSystemError) -> Int {
        while true {
            let written = Glibc.pwrite(descriptor, bytes.baseAddress, bytes.count, off_t(offset))
            if written >= 0 { return written }
            if errno != EINTR { throw FileSystemError(.write, path: path, code: errno) }
        }
    }

    public func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(FileSystemError) -> Int {
        while true {
            let count = Glibc.pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR { throw FileSystemError(.read, path: path, code: errno) }
        }
    }

    public func fsync(_ descriptor: Int32, path: String) throws(FileSystemError) {
        while Glibc.fsync(descriptor) != 0 {
            if errno != EINTR { throw FileSystemError(.fsync, path: path, code: errno) }
        }
    }

    public func fsyncDirectory(_ path: String) throws(FileSystemError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(.fsyncDirectory, path: path, code: errno) }
        defer { _ = Glibc.close(descriptor) }
        while Glibc.fsync(descriptor) != 0 {
            if errno != EINTR { throw FileSystemError(.fsyncDirectory, path: path, code: errno) }
        }
    }

    public func close(_ descriptor: Int32, path: String) throws(FileSystemError) {
        // Retrying close after EINTR on Linux could close a descriptor another thread just got.
        if Glibc.close(descriptor) != 0 && errno != EINTR {
            throw FileSystemError(.close, path: path, code: errno)
        }
    }

    public func setPermissions(_ descriptor: Int32, _ permissions: UInt32, path: String) throws(FileSystemError) {
        if fchmod(descriptor, mode_t(permissions)) != 0 { throw FileSystemError(.chmod, path: path, code: errno) }
    }

    public func truncate(_ descriptor: Int32, to length: Int64, path: String) throws(FileSystemError) {
        while ftruncate(descriptor, off_t(length)) != 0 {
            if errno != EINTR { throw FileSystemError(.truncate, path: path, code: errno) }
        }
    }

    public func lock(_ descriptor: Int32, exclusive: Bool, nonBlocking: Bool, path: String) throws(FileSystemError) -> Bool {
        let operation = (exclusive ? LOCK_EX : LOCK_SH) | (nonBlocking ? LOCK_NB : 0)
        while flock(descriptor, operation) != 0 {
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw FileSystemError(.lock, path: path, code: errno) }
        }
        return true
    }

    public func unlock(_ descriptor: Int32, path: String) throws(FileSystemError) {
        while flock(descriptor, LOCK_UN) != 0 {
            if errno != EINTR { throw FileSystemError(.lock, path: path, code: errno) }
        }
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        if Glibc.rename(source, destination) != 0 { throw FileSystemError(.rename, path: destination, code: errno) }
    }

    public func link(_ source: String, to destination: String) throws(FileSystemError) {
        if Glibc.link(source, destination) != 0 { throw FileSystemError(.link, path: destination, code: errno) }
    }

    public func unlink(_ path: String) throws(FileSystemError) {
        if Glibc.unlink(path) != 0 { throw FileSystemError(.unlink, path: path, code: errno) }
    }

    public func makeDirectory(_ path: String, permissions: UInt32) throws(FileSystemError) {
        if mkdir(path, mode_t(permissions)) != 0 { throw FileSystemError(.mkdir, path: path, code: errno) }
    }

    public func setPermissions(ofPath path: String, _ permissions: UInt32) throws(FileSystemError) {
        if chmod(path, mode_t(permissions)) != 0 { throw FileSystemError(.chmod, path: path, code: errno) }
    }

    public func status(ofPath path: String) throws(FileSystemError) -> FileStatus {
        var buffer = stat()
        guard lstat(path, &buffer) == 0 else { throw FileSystemError(.stat, path: path, code: errno) }
        return FileStatus(buffer)
    }

    public func status(of descriptor: Int32, path: String) throws(FileSystemError) -> FileStatus {
        var buffer = stat()
        guard fstat(descriptor, &buffer) == 0 else { throw FileSystemError(.stat, path: path, code: errno) }
        return FileStatus(buffer)
    }

    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw FileSystemError(.listDirectory, path: path, code: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func mapForReading(_ descriptor: Int32, size: Int, path: String) -> MappedFile? {
        MappedFile(descriptor: descriptor, size: size)
    }
}

extension FileStatus {
    init(_ raw: stat) {
        let format = raw.st_mode & S_IFMT
        let kind: Kind = switch format {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
        self.init(
            device: UInt64(raw.st_dev), inode: UInt64(raw.st_ino), size: Int64(raw.st_size),
            permissions: UInt32(raw.st_mode) & 0o777, linkCount: UInt64(raw.st_nlink), kind: kind,
            modifiedNanoseconds: Int64(raw.st_mtim.tv_sec) * 1_000_000_000 + Int64(raw.st_mtim.tv_nsec),
            changedNanoseconds: Int64(raw.st_ctim.tv_sec) * 1_000_000_000 + Int64(raw.st_ctim.tv_nsec),
            owner: UInt32(raw.st_uid)
        )
    }
}
