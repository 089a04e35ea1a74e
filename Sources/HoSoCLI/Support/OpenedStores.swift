import HoSoStorage
import Synchronization

/// The stores this process opened, asked once it is done whether a compaction failed: the save itself
/// had succeeded, so the command still succeeds, but the clerk hears why the journal keeps growing.
enum OpenedStores {
    private static let opened = Mutex<[Repository]>([])
    /// The warnings of stores let go of before the command ended.
    private static let released = Mutex<[String]>([])

    static func remember(_ repository: Repository) {
        opened.withLock { $0.append(repository) }
    }

    /// Lets go of `repository`, done with before the command ends (the data a terminal application opened
    /// without its files to draw its first frame), keeping the warning it would give.
    static func release(_ repository: Repository) {
        let warning = repository.lastCompactionError.map(compactionWarning)
        opened.withLock { $0.removeAll { $0 === repository } }
        if let warning { released.withLock { $0.append(warning) } }
    }

    /// One warning per store whose last compaction failed, saying that nothing was lost and what to do.
    static func warnings() -> [String] {
        released.withLock { $0 } + opened.withLock { $0 }.compactMap { repository in
            repository.lastCompactionError.map(compactionWarning)
        }
    }

    static func compactionWarning(_ error: RepositoryError) -> String {
        "Đã lưu, nhưng chưa gộp được nhật ký vào tệp dữ liệu chính: \(error.message) "
            + "Không mất dữ liệu nào (mọi thay đổi đã nằm trong nhật ký); lần lưu sau sẽ gộp lại. "
            + "Nếu ổ đĩa đầy, hãy giải phóng chỗ trống rồi chạy \"hoso check\"."
    }
}
