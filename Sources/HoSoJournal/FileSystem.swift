#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system call that failed, so an error can say which step of a save went wrong.
public enum FileOperation: String, Sendable, Equatable, CaseIterable {
    case open, read, write, fsync, close, rename, unlink, mkdir, stat, chmod, lock, truncate, link, listDirectory
    /// `fsync` of a directory after a rename or a create, so the new name survives power loss.
    case fsyncDirectory
}

/// A failed system call: which one, on which path, and the `errno` it returned.
public struct FileSystemError: Error, Sendable, Equatable {
    /// The call that failed.
    public let operation: FileOperation
    /// The file or directory it was acting on.
    public let path: String
    /// The `errno` value.
    public let code: Int32

    /// Makes an error for `operation` on `path` with `errno` `code`.
    public init(_ operation: FileOperation, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }
}

/// What `stat` tells the store about a file.
public struct FileStatus: Sendable, Equatable {
    /// Device and inode: together they identify the file, whatever its name.
    public let device: UInt64
    /// The inode number.
    public let inode: UInt64
    /// Size in bytes.
    public let size: Int64
    /// Permission bits only (`0o777` mask).
    public let permissions: UInt32
    /// Number of hard links.
    public let linkCount: UInt64
    /// Kind of the file itself (not the target of a symbolic link).
    public let kind: Kind
    /// Modification time in nanoseconds since the epoch.
    public let modifiedNanoseconds: Int64
    /// Change time (`ctime`) in nanoseconds since the epoch: every write and every change of the status
    /// moves it, and unlike the modification time nobody but the system can set it (0 when unknown).
    public let changedNanoseconds: Int64
    /// The user id that owns the file (nil when the file system did not say).
    public let owner: UInt32?

    /// The kinds of file the store distinguishes.
    public enum Kind: Sendable, Equatable { case regular, directory, symbolicLink, other }

    /// Makes a status; used by file-system implementations.
    public init(
        device: UInt64, inode: UInt64, size: Int64, permissions: UInt32, linkCount: UInt64, kind: Kind, modifiedNanoseconds: Int64,
        changedNanoseconds: Int64 = 0, owner: UInt32? = nil
    ) {
        self.changedNanoseconds = changedNanoseconds
        self.owner = owner
        self.device = device
        self.inode = inode
        self.size = size
        self.permissions = permissions
        self.linkCount = linkCount
        self.kind = kind
        self.modifiedNanoseconds = modifiedNanoseconds
    }
}

/// The system calls the store makes, behind a seam so tests can inject disk failures at every step.
///
/// Every call reports failure as a `FileSystemError`; none retries on its own except on `EINTR`.
public protocol FileSystem: Sendable {
    /// `open(2)`; returns a descriptor.
    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileSystemError) -> Int32
    /// One `write(2)`; may write fewer bytes than given.
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileSystemError) -> Int
    /// One `pwrite(2)` at `offset`; may write fewer bytes than given.
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64, path: String) throws(FileSystemError) -> Int
    /// One `pread(2)` at `offset`; returns the number of bytes read, 0 at end of file.
    func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(FileSystemError) -> Int
    /// `fsync(2)` of a file.
    func fsync(_ descriptor: Int32, path: String) throws(FileSystemError)
    /// `fsync(2)` of a directory, opened and closed here.
    func fsyncDirectory(_ path: String) throws(FileSystemError)
    /// `close(2)`; its error matters (NFS and some disks report write errors only here).
    func close(_ descriptor: Int32, path: String) throws(FileSystemError)
    /// `fchmod(2)`: modes are set explicitly so the umask never decides who can read personal data.
    func setPermissions(_ descriptor: Int32, _ permissions: UInt32, path: String) throws(FileSystemError)
    /// `ftruncate(2)`.
    func truncate(_ descriptor: Int32, to length: Int64, path: String) throws(FileSystemError)
    /// `flock(2)`; returns false when `nonBlocking` and another open file description holds it.
    func lock(_ descriptor: Int32, exclusive: Bool, nonBlocking: Bool, path: String) throws(FileSystemError) -> Bool
    /// Releases a `flock(2)`.
    func unlock(_ descriptor: Int32, path: String) throws(FileSystemError)
    /// `rename(2)`.
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    /// `link(2)`.
    func link(_ source: String, to destination: String) throws(FileSystemError)
    /// `unlink(2)`.
    func unlink(_ path: String) throws(FileSystemError)
    /// `mkdir(2)`.
    func makeDirectory(_ path: String, permissions: UInt32) throws(FileSystemError)
    /// `chmod(2)` of a path; used for directories.
    func setPermissions(ofPath path: String, _ permissions: UInt32) throws(FileSystemError)
    /// `lstat(2)`: never follows a symbolic link, so a link is seen as one.
    func status(ofPath path: String) throws(FileSystemError) -> FileStatus
    /// `fstat(2)`.
    func status(of descriptor: Int32, path: String) throws(FileSystemError) -> FileStatus
    /// Names in a directory, without `.` and `..`.
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// The first `size` bytes of an open file mapped read-only (`mmap(2)`), or nil where the file system
    /// offers no mapping (then the caller reads the file instead).
    func mapForReading(_ descriptor: Int32, size: Int, path: String) -> MappedFile?
}

extension FileSystem {
    /// No mapping unless a file system offers one: a test's file system is read through its own `read`.
    public func mapForReading(_ descriptor: Int32, size: Int, path: String) -> MappedFile? { nil }
}

extension FileSystem where Self == RealFileSystem {
    /// The operating system's file system.
    public static var real: RealFileSystem { RealFileSystem() }
}
