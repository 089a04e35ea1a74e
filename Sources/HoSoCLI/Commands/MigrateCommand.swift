import ArgumentParser
import Foundation
import HoSoDomain
import HoSoPostgres
import HoSoStorage

/// `hoso migrate --from A --to B`: moves a unit's data between a data directory and a PostgreSQL server
/// (either way, or directory to directory), losing nothing: records with their revisions, histories and
/// seals, settings and the security log. The source is only read; the target must be new.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Chuyển dữ liệu giữa thư mục dữ liệu và máy chủ PostgreSQL (hai chiều), không mất gì; nguồn chỉ được đọc.")

    @Option(help: ArgumentHelp("Nơi lấy dữ liệu: thư mục, hoặc postgresql://…", valueName: "DIR|URL")) var from: String
    @Option(help: ArgumentHelp("Nơi mới (phải chưa có dữ liệu HoSo): thư mục, hoặc postgresql://…", valueName: "DIR|URL")) var to: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let source = DataLocation.absolute(from)
            let target = DataLocation.absolute(to)
            guard source != target else { throw Failure.error("Nguồn và đích là một chỗ (\(DataBackend.shown(source))). Hãy chọn đích khác.") }
            var options = global
            options.data = source
            let session = try options.signIn()
            // A copy holds what its maker reads: on a server, a clerk of one unit would carry off a copy
            // of their units only and believe it whole, as with backups; only a clerk of every unit copies.
            try session.requireOverWholeData(.maintainStore)
            let contents: RepositoryContents
            let relinked: AccountID?
            do throws(RepositoryError) {
                // Who signs in changes kind between a machine (logins) and a server (database roles).
                (contents, relinked) = try session.repository.contents()
                    .relinking(login: session.systemUser, to: try DataBackend.login(for: target))
            } catch {
                throw Failure.error(error.message)
            }
            let bar = ProgressBar(total: contents.records.count, label: "Đang chép")
            if !DataBackend.isServer(target) { try DataDirectoryOwner.refuseOtherLogin(target) }
            let copied: Repository
            do throws(RepositoryError) {
                if DataBackend.isServer(target) {
                    copied = try ServerRepository.create(url: target, copying: contents, actor: session.actor) { done, total in
                        bar.show(done)
                    }
                } else {
                    copied = try Repository.create(at: target, copying: contents)
                    bar.show(contents.records.count)
                }
            } catch {
                bar.finish()
                throw Failure.error(error.message + " Nguồn không bị thay đổi.")
            }
            bar.finish()
            let report = copied.check()
            guard report.errors.isEmpty else {
                throw Failure.error("Đã chép nhưng kiểm tra nơi mới thấy lỗi:\n" + report.errors.joined(separator: "\n"))
            }
            print(
                "Đã chép \(copied.cases.count) hồ sơ, \(copied.organisation.members.count) đảng viên, \(copied.accounts.count) người dùng "
                    + "từ \(DataBackend.shown(source)) sang \(copied.directory); kiểm tra toàn vẹn: không có lỗi. Nguồn giữ nguyên. "
                    + "Từ nay hãy dùng --data \(DataBackend.shown(target)) (hoặc đặt HOSO_DATA).")
            FirstBackup.make(of: copied)
            if let relinked, let account = copied.accounts[relinked] {
                print(
                    "\(account.signature) nay đăng nhập ở nơi mới bằng \(DataBackend.isServer(target) ? "vai trò PostgreSQL" : "tài khoản máy tính") "
                        + "\(account.systemUser ?? ""). Người khác: gắn từng người bằng hoso people edit MÃ --system-user TÊN --data \(DataBackend.shown(target)).")
            }
        }
    }
}
