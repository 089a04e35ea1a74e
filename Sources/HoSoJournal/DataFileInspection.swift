#if canImport(Glibc)
import Glibc
#endif

/// Refuses data files a stranger could read, or that are reachable under another name.
struct DataFileInspection: Sendable {
    let fileSystem: any FileSystem
    let layout: StoreLayout

    /// The status of a regular, private, singly linked data file; nil if it does not exist.
    func inspectFile(_ path: String) throws(StoreError) -> FileStatus? {
        let status: FileStatus
        do {
            status = try fileSystem.status(ofPath: path)
        } catch {
            if error.code == ENOENT { return nil }
            throw StoreError.from(error)
        }
        switch status.kind {
        case .symbolicLink: throw StoreError.unsafeFile(path: path, reason: .symbolicLink)
        case .regular: break
        default: throw StoreError.unsafeFile(path: path, reason: .wrongKind)
        }
        if status.linkCount > 1 && status.linkCount > 1 + backupLinks(to: status) {
            throw StoreError.unsafeFile(path: path, reason: .hardLinked(count: status.linkCount))
        }
        if status.permissions & 0o077 != 0 {
            throw StoreError.insecurePermissions(path: path, permissions: status.permissions)
        }
        return status
    }

    /// Checks that `path` is a real, private directory.
    func inspectDirectory(_ path: String) throws(StoreError) {
        let status: FileStatus
        do {
            status = try fileSystem.status(ofPath: path)
        } catch {
            if error.code == ENOENT { throw StoreError.notAStore(path: path) }
            throw StoreError.from(error)
        }
        if status.kind == .symbolicLink { throw StoreError.unsafeFile(path: path, reason: .symbolicLink) }
        if status.kind != .directory { throw StoreError.unsafeFile(path: path, reason: .wrongKind) }
        if status.permissions & 0o077 != 0 {
            throw StoreError.insecurePermissions(path: path, permissions: status.permissions)
        }
    }

    /// How many names in `backups/` are the same file: the store's own backup links are not a problem.
    func backupLinks(to status: FileStatus) -> UInt64 {
        guard let names = try? fileSystem.contentsOfDirectory(layout.backupsDirectory) else { return 0 }
        var count: UInt64 = 0
        for name in names {
            if let other = try? fileSystem.status(ofPath: layout.backupsDirectory + "/" + name),
               other.device == status.device, other.inode == status.inode {
                count += 1
            }
        }
        return count
    }
}
