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
            let repository = try global.openRepository()
            let problems = repository.check()
            if problems.isEmpty {
                print("Dữ liệu ở \(repository.directory) toàn vẹn: \(repository.cases.count) hồ sơ, \(repository.organisation.members.count) đảng viên.")
                return
            }
            for problem in problems { print("✗ \(problem)") }
            let backups = repository.listBackups()
            let advice = backups.last.map { " Bản sao lưu gần nhất: \($0.name) (khôi phục: hoso restore \($0.name))." } ?? ""
            throw Failure.error("Có \(problems.count) vấn đề; HoSo không tự sửa.\(advice)")
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Sao lưu dữ liệu ngay, hoặc liệt kê các bản sao lưu.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Chỉ liệt kê các bản sao lưu.") var list = false

    func run() throws {
        try reportingFailures {
            let repository = try global.openRepository()
            if list {
                for backup in repository.listBackups() { print("\(backup.name)  \(backup.createdAt)  \(backup.size) byte") }
                return
            }
            let backup = try repository.backup()
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
            let repository = try global.openRepository()
            try repository.restore(fromBackup: name, actor: global.actorName)
            print("Đã khôi phục từ \(name).")
        }
    }
}
