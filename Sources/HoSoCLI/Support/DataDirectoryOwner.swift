#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A data directory that belongs to another login: the store keeps it `0700`, so another account can
/// neither read it nor tell that data is there. Said as such, instead of "no data here, run hoso init".
enum DataDirectoryOwner {
    /// Refuses `directory` when it, or the folder above it that hides it, belongs to another login.
    /// Root may open anything (and is not refused); the store's own checks still apply.
    static func refuseOtherLogin(_ directory: String) throws {
        let me = geteuid()
        guard me != 0 else { return }
        var status = stat()
        if stat(directory, &status) == 0 {
            if status.st_uid != me { throw refusal(directory, closedFolder: directory, owner: status.st_uid) }
            return
        }
        guard errno == EACCES else { return }
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

    private static func refusal(_ directory: String, closedFolder folder: String, owner uid: uid_t) -> Failure {
        let owner = SystemUser.login(of: uid)
        let place = folder == directory ? "Thư mục dữ liệu \(directory)" : "Thư mục \(folder) (chứa thư mục dữ liệu \(directory))"
        return Failure.error(
            "\(place) thuộc người dùng \(owner), không phải tài khoản đang chạy (\(SystemUser.name)). "
                + "Chưa đọc hay ghi gì. Hãy chạy HoSo bằng tài khoản \(owner) (ví dụ: sudo -u \(owner) hoso …), "
                + "hoặc chỉ thư mục dữ liệu của bạn bằng --data.")
    }
}
