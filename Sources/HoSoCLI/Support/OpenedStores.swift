import HoSoStorage
import Synchronization

/// The stores this process opened, asked once it is done whether a compaction failed: the save itself
/// had succeeded, so the command still succeeds, but the clerk hears why the journal keeps growing.
enum OpenedStores {
    private static let opened = Mutex<[Repository]>([])

    static func remember(_ repository: Repository) {
        opened.withLock { $0.append(repository) }
    }

    /// One warning per store whose last compaction failed, saying that nothing was lost and what to do.
    static func warnings() -> [String] {
        opened.withLock { $0 }.compactMap { repository in
            repository.lastCompactionError.map(compactionWarning)
        }
    }

    static func compactionWarning(_ error: RepositoryError) -> String {
        "Đã lưu, nhưng chưa gộp được nhật ký vào tệp dữ liệu chính: \(error.message) "
            + "Không mất dữ liệu nào (mọi thay đổi đã nằm trong nhật ký); lần lưu sau sẽ gộp lại. "
            + "Nếu ổ đĩa đầy, hãy giải phóng chỗ trống rồi chạy \"hoso check\"."
    }
}
