#if canImport(Glibc)
import Glibc
#endif

/// Who holds the store lock, as written into `store.lock` (informational: the `flock` decides).
public struct LockHolder: Codable, Sendable, Equatable {
    /// Process id of the holder.
    public let pid: Int32
    /// Login name of the holder.
    public let user: String
    /// Host name of the holder.
    public let host: String
    /// When the holder took the lock, ISO-8601 UTC.
    public let since: String
}

/// Why the store refused a file that is not a plain, private, singly linked file.
public enum UnsafeFileReason: Sendable, Equatable {
    /// The data file is a symbolic link.
    case symbolicLink
    /// The data file has other hard links (`count` in total) outside `backups/`.
    case hardLinked(count: UInt64)
    /// The path is not a regular file (or not a directory where one is expected).
    case wrongKind
}

/// Everything that can go wrong with the store; `message` says it in Vietnamese for the clerk.
public enum StoreError: Error, Sendable, Equatable {
    /// Another live process holds the lock for longer than the bounded wait.
    case lockHeld(LockHolder?)
    /// The record changed since the edit started (or exists / vanished unexpectedly).
    case conflict(id: String, expected: Int?, actual: Int?, changedBy: String?, changedAt: String?)
    /// A file cannot be understood; `line` is 1-based when the file is line oriented.
    case corruptFile(path: String, line: Int?, reason: String)
    /// The data was written by a newer program (or, `found` below `supported`, a backup from before a migration); nothing was written.
    case newerSchemaVersion(path: String, found: Int, supported: Int)
    /// The data is older and no migration from `from` was given.
    case missingMigration(from: Int)
    /// A migration from `from` failed; the backup taken before it is named.
    case migrationFailed(from: Int, reason: String)
    /// A symbolic link, hard link or non-regular file where a data file should be.
    case unsafeFile(path: String, reason: UnsafeFileReason)
    /// A data file or directory others can read or write.
    case insecurePermissions(path: String, permissions: UInt32)
    /// The operating system refused access (EACCES/EPERM).
    case permissionDenied(path: String, step: FileOperation)
    /// The file system is mounted read-only (EROFS): no permission would help.
    case readOnlyFileSystem(path: String, step: FileOperation)
    /// The disk is full (ENOSPC/EDQUOT); `rolledBack` says the old data is untouched.
    case diskFull(path: String, step: FileOperation, rolledBack: Bool)
    /// Another disk error (EIO, …) at `step`; `rolledBack` says the old data is untouched.
    case diskFailure(path: String, step: FileOperation, code: Int32, rolledBack: Bool)
    /// No store at this place.
    case notAStore(path: String)
    /// A store already exists where one was to be created.
    case alreadyExists(path: String)
    /// The same record appears twice in one batch.
    case duplicateChange(id: String)
    /// A value could not be turned into JSON.
    case encodingFailed(id: String)
    /// The backup asked for does not exist.
    case backupNotFound(name: String)
    /// An offline restore was asked for a store that still loads: its history must be kept.
    case storeNotDamaged(path: String)
    /// The store was read in part (`RecordSelection`) and the step needs every record, or a save touches a
    /// record that was not read.
    case partialRead
    /// The database server could not be reached or refused the sign-in; nothing was written.
    case databaseUnreachable(location: String, reason: String)
    /// Nothing answered at the database server's address within `seconds`; nothing was written.
    case databaseNotAnswering(location: String, seconds: Int)
    /// The database server refused a statement; the transaction was rolled back.
    case databaseFailure(location: String, reason: String)

    /// Maps a failed system call to the error the clerk sees.
    public static func from(_ error: FileSystemError, rolledBack: Bool = true) -> StoreError {
        switch error.code {
        case ENOSPC, EDQUOT: .diskFull(path: error.path, step: error.operation, rolledBack: rolledBack)
        case EACCES, EPERM: .permissionDenied(path: error.path, step: error.operation)
        case EROFS: .readOnlyFileSystem(path: error.path, step: error.operation)
        case ELOOP: .unsafeFile(path: error.path, reason: .symbolicLink)
        default: .diskFailure(path: error.path, step: error.operation, code: error.code, rolledBack: rolledBack)
        }
    }

    /// The failed step, for errors that come from a system call.
    public var failedStep: FileOperation? {
        switch self {
        case .diskFull(_, let step, _), .diskFailure(_, let step, _, _), .permissionDenied(_, let step), .readOnlyFileSystem(_, let step): step
        default: nil
        }
    }

    /// What happened and what to do, in Vietnamese; never contains record contents.
    public var message: String {
        switch self {
        case .lockHeld(let holder):
            let who = holder.map { "\($0.user)@\($0.host) (tiến trình \($0.pid), từ \($0.since))" } ?? "một chương trình khác"
            return "Dữ liệu đang được \(who) lưu, đã chờ nhưng chưa xong. Chưa có gì thay đổi. Hãy thử lại sau ít phút."
        case .conflict(let id, let expected, let actual, let changedBy, let changedAt):
            if actual == nil {
                return "Hồ sơ \(id) không còn nữa (có thể đã được khôi phục về bản cũ). Chưa lưu gì. Hãy tải lại danh sách."
            }
            if expected == nil {
                return "Hồ sơ \(id) đã có người tạo trước. Chưa lưu gì. Hãy tải lại rồi kiểm tra."
            }
            let who = changedBy ?? "người khác"
            let when = changedAt.map { " lúc \(Timestamp.vietnamese($0))" } ?? ""
            return "Hồ sơ \(id) vừa được \(who) sửa\(when). Thay đổi của bạn chưa được lưu. Hãy tải lại hồ sơ, xem thay đổi mới rồi sửa lại."
        case .corruptFile(let path, let line, let reason):
            let place = line.map { "\(path), dòng \($0)" } ?? path
            return "Tệp dữ liệu bị hỏng (\(place)): \(reason). Chương trình không ghi gì vào dữ liệu. Hãy khôi phục từ bản sao lưu gần nhất (hoso restore)."
        case .newerSchemaVersion(let path, let found, let supported) where found < supported:
            // Only a backup kept from before a migration: the store itself is migrated when it opens.
            return "Bản sao lưu \(path) ở định dạng cũ (\(found)), từ trước lần nâng cấp dữ liệu lên định dạng \(supported); "
                + "bản chương trình này không khôi phục từ nó. Không ghi gì. Hãy chọn bản sao lưu mới hơn (hoso backup --list)."
        case .newerSchemaVersion(let path, let found, let supported):
            return "Dữ liệu ở \(path) do phiên bản chương trình mới hơn ghi (định dạng \(found), bản này chỉ đọc được đến \(supported)). Không ghi gì. Hãy cập nhật chương trình."
        case .missingMigration(let from):
            return "Không biết cách nâng cấp dữ liệu từ định dạng \(from). Không ghi gì. Hãy dùng phiên bản chương trình phù hợp."
        case .migrationFailed(let from, let reason):
            return "Nâng cấp dữ liệu từ định dạng \(from) không thành công: \(reason). Dữ liệu cũ vẫn còn nguyên và đã có bản sao lưu."
        case .unsafeFile(let path, let reason):
            let what = switch reason {
            case .symbolicLink: "là liên kết tượng trưng (symlink)"
            case .hardLinked(let count): "có \(count) liên kết cứng (hard link)"
            case .wrongKind: "không phải tệp thường"
            }
            return "Tệp dữ liệu \(path) \(what). Để bảo vệ dữ liệu cá nhân, chương trình từ chối dùng nó. Hãy thay bằng một tệp thường, chỉ có một tên."
        case .insecurePermissions(let path, let permissions):
            return "Người khác có thể đọc \(path) (quyền \(String(permissions, radix: 8))). Chương trình không dùng nó. Hãy chạy: chmod go-rwx '\(path)'."
        case .permissionDenied(let path, let step):
            return "Không có quyền \(step.vietnameseName) \(path). Chưa lưu gì. Hãy kiểm tra quyền của thư mục dữ liệu."
        case .readOnlyFileSystem(let path, let step):
            return "Ổ đĩa chứa \(path) đang được gắn ở chế độ chỉ đọc (read-only), nên không \(step.vietnameseName) được. "
                + "Chưa có gì thay đổi; dữ liệu vẫn nguyên. Hãy gắn lại ổ đĩa ở chế độ ghi được (hoặc chép thư mục dữ liệu "
                + "sang ổ ghi được rồi chỉ đến nó bằng --data), rồi chạy lại lệnh."
        case .diskFull(let path, let step, let rolledBack):
            return rolledBack
                ? "Ổ đĩa đã đầy: chưa lưu được thay đổi (bước \(step.vietnameseName), \(path)). Dữ liệu cũ vẫn còn nguyên. Hãy giải phóng chỗ trống rồi thử lại."
                : "Ổ đĩa đã đầy khi \(step.vietnameseName) \(path) và không chắc thay đổi đã được lưu. Hãy giải phóng chỗ trống, mở lại chương trình và kiểm tra hồ sơ."
        case .diskFailure(let path, let step, let code, let rolledBack):
            let cause = String(cString: strerror(code))
            return rolledBack
                ? "Lỗi ổ đĩa khi \(step.vietnameseName) \(path) (\(cause)). Chưa lưu được thay đổi; dữ liệu cũ vẫn còn nguyên. Hãy kiểm tra ổ đĩa rồi thử lại."
                : "Lỗi ổ đĩa khi \(step.vietnameseName) \(path) (\(cause)) và không chắc thay đổi đã được lưu. Hãy mở lại chương trình, kiểm tra hồ sơ và ổ đĩa."
        case .notAStore(let path):
            return "Không tìm thấy dữ liệu HoSo ở \(path). Hãy kiểm tra đường dẫn (--data) hoặc tạo kho dữ liệu mới."
        case .alreadyExists(let path):
            return "Đã có dữ liệu HoSo ở \(path). Không ghi đè. Hãy chọn thư mục khác."
        case .duplicateChange(let id):
            return "Hồ sơ \(id) xuất hiện hai lần trong cùng một lần lưu. Chưa lưu gì."
        case .encodingFailed(let id):
            return "Không chuyển được hồ sơ \(id) sang JSON. Chưa lưu gì."
        case .backupNotFound(let name):
            return "Không có bản sao lưu \(name). Hãy xem danh sách bản sao lưu (hoso backup --list)."
        case .storeNotDamaged(let path):
            return "Dữ liệu ở \(path) vẫn đọc được, nên không bị thay bằng bản sao lưu. Hãy khôi phục khi dữ liệu mở được (hoso restore), để lịch sử giữ lại cả hai."
        case .partialRead:
            return "Lệnh này chỉ đọc một phần dữ liệu (để nhanh) nên không được ghi hay sao lưu toàn bộ. Chưa ghi gì; hãy dùng lệnh sửa hồ sơ hoặc mở giao diện (hoso) để làm việc này."
        case .databaseUnreachable(let location, let reason):
            return "Không kết nối được máy chủ PostgreSQL \(location) (\(reason)). Chưa có gì thay đổi. Hãy kiểm tra địa chỉ, "
                + "tên người dùng và mật khẩu (biến PGPASSWORD hoặc tệp ~/.pgpass), và máy chủ đang chạy, rồi thử lại."
        case .databaseNotAnswering(let location, let seconds):
            return "Máy chủ PostgreSQL \(location) không trả lời sau \(seconds) giây. Chưa có gì thay đổi. Hãy kiểm tra địa chỉ máy chủ "
                + "(--data hoặc biến HOSO_DATA), mạng giữa máy này và máy chủ (dây mạng, Wi-Fi, tường lửa có mở cổng 5432 không), "
                + "và máy chủ PostgreSQL đang chạy, rồi thử lại."
        case .databaseFailure(let location, let reason):
            return "Máy chủ PostgreSQL \(location) từ chối thao tác (\(reason)). Chưa lưu gì; dữ liệu trên máy chủ vẫn nguyên. "
                + "Hãy thử lại; nếu vẫn lỗi, báo người quản trị máy chủ kèm thông báo này."
        }
    }
}

extension FileOperation {
    /// The step in words, for messages.
    public var vietnameseName: String {
        switch self {
        case .open: "mở tệp"
        case .read: "đọc tệp"
        case .write: "ghi tệp"
        case .fsync: "đồng bộ tệp xuống đĩa (fsync)"
        case .fsyncDirectory: "đồng bộ thư mục xuống đĩa (fsync thư mục)"
        case .close: "đóng tệp"
        case .rename: "đổi tên tệp"
        case .unlink: "xoá tệp"
        case .mkdir: "tạo thư mục"
        case .stat: "xem thông tin tệp"
        case .chmod: "đặt quyền cho tệp"
        case .lock: "khoá dữ liệu"
        case .truncate: "cắt tệp"
        case .link: "tạo liên kết sao lưu"
        case .listDirectory: "đọc thư mục"
        }
    }
}
