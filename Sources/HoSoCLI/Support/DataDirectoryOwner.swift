#if canImport(Glibc)
import Glibc
#endif
// In an optimised build `struct stat` is seen through CoreFoundation's headers (with ZIPFoundation and
// libpq in the graph), and its fields need that import to be visible.
#if canImport(CoreFoundation)
import CoreFoundation
#endif
import Foundation

/// A data directory that belongs to another login: the store keeps it `0700`, so another account can
/// neither read it nor tell that data is there. Said as such, instead of "no data here, run hoso init".
///
/// Root is refused too: whatever root writes there (the audit log, a lock file, a new segment) would
/// belong to root, and the owner could then no longer read or append to it: their `people audit`
/// would print nothing and wrong passphrases would go unrecorded.
enum DataDirectoryOwner {
    /// Refuses `directory` when it, or the folder above it that hides it, belongs to another login; as
    /// root, also a data directory still to be made inside a folder that belongs to another login.
    static func refuseOtherLogin(_ directory: String) throws {
        // A server decides who may connect (its roles); there is no directory to own.
        if DataBackend.isServer(directory) { return }
        let me = geteuid()
        var status = stat()
        if stat(directory, &status) == 0 {
            if status.st_uid != me { throw refusal(directory, closedFolder: directory, owner: status.st_uid) }
            return
        }
        let cause = errno
        if cause == ENOENT, me == 0, let (folder, owner) = nearestExistingFolder(of: directory), owner != 0 {
            throw refusal(directory, closedFolder: folder, owner: owner)
        }
        guard cause == EACCES, me != 0 else { return }
        // A folder on the way is closed to this login: name whose it is.
        var folder = (directory as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            if stat(folder, &status) == 0, status.st_uid != me, access(folder, X_OK) != 0 {
                throw refusal(directory, closedFolder: folder, owner: status.st_uid)
            }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// The closest folder above `directory` that exists, and its owner.
    private static func nearestExistingFolder(of directory: String) -> (String, uid_t)? {
        var folder = (directory as NSString).deletingLastPathComponent
        var status = stat()
        while !folder.isEmpty {
            if stat(folder, &status) == 0 { return (folder, status.st_uid) }
            if folder == "/" { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    private static func refusal(_ directory: String, closedFolder folder: String, owner uid: uid_t) -> Failure {
        let owner = SystemUser.login(of: uid)
        let place = folder == directory ? "Thư mục dữ liệu \(directory)" : "Thư mục \(folder) (chứa thư mục dữ liệu \(directory))"
        return Failure.error(
            "\(place) thuộc người dùng \(owner), không phải tài khoản đang chạy (\(SystemUser.name)). "
                + "Chưa đọc hay ghi gì. Hãy chạy HoSo bằng tài khoản \(owner) (ví dụ: sudo -u \(owner) hoso …), "
                + "hoặc chỉ thư mục dữ liệu của bạn bằng --data.")
    }
}
