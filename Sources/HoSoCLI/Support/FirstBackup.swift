import Foundation
import HoSoStorage

/// The backup a new data directory starts with, so `check` and a damaged store always have one to offer.
enum FirstBackup {
    /// Makes it; a failure does not undo the new directory (it is sound), it is said with what to do.
    static func make(of repository: Repository) {
        do {
            _ = try repository.backup()
        } catch {
            writeToStandardError(
                "hoso: Đã tạo dữ liệu nhưng chưa tạo được bản sao lưu đầu tiên: \(error.message) "
                    + "Hãy tạo sau bằng: hoso backup --data \(repository.directory)")
        }
    }
}
