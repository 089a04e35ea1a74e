#if canImport(Glibc)
import Glibc
#endif

/// Files of the data directory that belong to someone else than the directory's owner, or that cannot be
/// read: what a run as root leaves behind (a root-owned `audit.jsonl` the owner can no longer read or
/// append to, so their audit log looks empty and wrong passphrases go unrecorded). `check` reports them.
enum FileOwnership {
    /// Why `status` (of `path`) does not belong where it is, or nil.
    static func problem(of status: FileStatus, directoryOwner: UInt32?, path: String) -> String? {
        guard let owner = status.owner, let directoryOwner, owner != directoryOwner else { return nil }
        let rightful = login(of: directoryOwner)
        return "thuộc người dùng \(login(of: owner)), không phải chủ thư mục dữ liệu (\(rightful)): \(rightful) không đọc hay ghi được "
            + "tệp này (thường do đã chạy HoSo bằng root). Sửa bằng: sudo chown \(rightful) \(path) — và từ nay chạy HoSo bằng tài khoản \(rightful)."
    }

    /// Why the file at `path` cannot be opened for reading by this process, or nil.
    static func unreadable(_ path: String, fileSystem: any FileSystem) -> String? {
        do {
            let descriptor = try fileSystem.open(path, flags: O_RDONLY | O_NOFOLLOW | O_NONBLOCK, mode: 0)
            try? fileSystem.close(descriptor, path: path)
            return nil
        } catch {
            if error.code == ELOOP { return nil }  // a symbolic link, reported as such
            return "không đọc được: \(StoreError.from(error).message)"
        }
    }

    /// The login of user id `uid`, or the number when the password database has none.
    static func login(of uid: UInt32) -> String {
        if let entry = getpwuid(uid_t(uid)), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }
}
