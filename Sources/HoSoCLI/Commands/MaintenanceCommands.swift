import ArgumentParser
import HoSoDomain
import HoSoStorage

/// `hoso check`: integrity of the data directory; never repairs anything by itself.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra toàn vẹn dữ liệu: JSON, mã trùng, chuỗi băm lịch sử, tệp tạm, quyền truy cập, quy tắc quy trình.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let session: Session
            do {
                session = try global.signIn()
            } catch {
                // A damaged store signs nobody in: its owner (the directory is theirs alone) sees every finding.
                try DataDirectoryOwner.refuseOtherLogin(global.dataDirectory)
                guard let report = Repository.checkIfDamaged(at: global.dataDirectory), !report.errors.isEmpty else { throw error }
                for error in report.errors { print("✗ LỖI: \(error)") }
                for note in report.notes { print("• \(note)") }
                let advice = BackupAdvice.sentence(latest: Repository.listBackups(at: global.dataDirectory).last)
                throw Failure.error("Có \(report.errors.count) lỗi cần người xử lý; dữ liệu không mở được và HoSo không tự sửa.\n\(advice)")
            }
            try session.require(.maintainStore)
            let repository = session.repository
            let report = repository.check()
            for error in report.errors { print("✗ LỖI: \(error)") }
            for note in report.notes { print("• \(note)") }
            guard report.errors.isEmpty else {
                let advice = BackupAdvice.sentence(latest: repository.listBackups().last)
                throw Failure.error("Có \(report.errors.count) lỗi cần người xử lý; HoSo không tự sửa.\n\(advice)")
            }
            let summary = "Dữ liệu ở \(repository.directory) toàn vẹn: \(repository.cases.count) hồ sơ, \(repository.organisation.members.count) đảng viên."
            print(report.notes.isEmpty ? summary : summary + " Các ghi chú trên không cần khôi phục.")
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Sao lưu dữ liệu ngay, hoặc liệt kê các bản sao lưu.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Chỉ liệt kê các bản sao lưu.") var list = false

    func run() throws {
        try reportingFailures {
            if list, DataBackend.isServer(global.dataDirectory) {
                let session = try global.signIn()
                try session.requireOverWholeData(.maintainStore)
                let backups = session.repository.listBackups()
                if backups.isEmpty { print("Chưa có bản sao lưu nào trên \(session.repository.directory). Tạo một bản bằng: hoso backup") }
                for backup in backups { print("\(backup.name)  \(backup.createdAt)  \(backup.size) byte") }
                return
            }
            if list {
                // Without opening the store: the list is needed most when the store does not open.
                try DataDirectoryOwner.refuseOtherLogin(global.dataDirectory)
                let backups = JournalStore<StoredItem>.inspectBackups(inDirectory: global.dataDirectory, schemaVersion: Repository.schemaVersion)
                if backups.isEmpty { print("Chưa có bản sao lưu nào ở \(global.dataDirectory). Tạo một bản bằng: hoso backup") }
                for check in backups {
                    let backup = check.backup
                    let verdict = check.problem.map { "  HỎNG: \($0) — không dùng để khôi phục" } ?? ""
                    print("\(backup.name)  \(backup.createdAt)  \(backup.size) byte\(verdict)")
                }
                return
            }
            let session = try global.signIn()
            try session.requireOverWholeData(.maintainStore)
            let backup = try session.repository.backup()
            print("Đã sao lưu: \(backup.name)")
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Khôi phục dữ liệu từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Tên bản sao lưu (xem: hoso backup --list).") var name: String

    func run() throws {
        try reportingFailures {
            // A damaged store cannot sign anyone in; its owner (the directory is theirs alone) restores it,
            // and nobody else: the files a restore writes must stay theirs.
            if DataBackend.isServer(global.dataDirectory) {
                // The server keeps its tables whole; a restore there is always a new, attributed commit.
                let session = try global.signIn()
                try session.requireOverWholeData(.maintainStore)
                try session.repository.restore(fromBackup: name, actor: session.actor)
                print("Đã khôi phục từ \(name). Dữ liệu trước đó đã được sao lưu; lịch sử giữ lại cả hai.")
                return
            }
            try DataDirectoryOwner.refuseOtherLogin(global.dataDirectory)
            var actor = SystemUser.name
            if (try? global.openRepository()) != nil {
                let session = try global.signIn()
                try session.require(.maintainStore)
                actor = session.actor
            }
            switch try Repository.restore(at: global.dataDirectory, fromBackup: name, actor: actor) {
            case .replayed:
                print("Đã khôi phục từ \(name). Dữ liệu trước đó đã được sao lưu; lịch sử giữ lại cả hai.")
            case .replacedDamagedStore(let damagedDirectory):
                print("Đã khôi phục từ \(name). Các tệp hỏng được giữ nguyên trong \(damagedDirectory) (không xoá). "
                    + "Những lần lưu sau bản sao lưu này không còn trong dữ liệu: hãy nhập lại chúng, rồi chạy hoso check.")
            }
        }
    }
}
