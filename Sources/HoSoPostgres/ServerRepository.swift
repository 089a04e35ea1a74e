import HoSoDomain
import HoSoStorage

extension PostgresRecordStore: SettingsAndAuditStore {}

/// HoSo's repository on a PostgreSQL server: `--data postgresql://user@host/db`.
public enum ServerRepository {
    /// Creates HoSo's tables and the first records; refuses a database that already holds HoSo data.
    public static func create(
        url: String, units: [HoSoDomain.Unit], members: [Member], cases: [CaseFile] = [], accounts: [Account] = [], actor: String
    ) throws(RepositoryError) -> Repository {
        let records = Repository.initialRecords(units: units, members: members, cases: cases, accounts: accounts, actor: actor)
        do {
            return try Repository.onServer(try PostgresRecordStore<StoredItem>.create(url: url, initialRecords: records, actor: actor))
        } catch let error as RepositoryError {
            throw error
        } catch let error as StoreError {
            if case .alreadyExists = error {
                throw RepositoryError(
                    message: "Cơ sở dữ liệu \(PostgresAddress.withoutPassword(url)) đã có dữ liệu HoSo; không tạo đè. "
                        + "Dùng cơ sở dữ liệu khác hoặc mở dữ liệu đang có.",
                    storeError: error)
            }
            throw RepositoryError(message: error.message, storeError: error)
        } catch {
            throw RepositoryError(message: "\(error)")
        }
    }

    /// Opens HoSo's data on the server.
    public static func open(url: String) throws(RepositoryError) -> Repository {
        do {
            return try Repository.onServer(try PostgresRecordStore<StoredItem>.open(url: url))
        } catch let error as RepositoryError {
            throw error
        } catch let error as StoreError {
            if case .notAStore = error {
                throw RepositoryError(
                    message: "Cơ sở dữ liệu \(PostgresAddress.withoutPassword(url)) chưa có dữ liệu HoSo. Tạo mới bằng "
                        + "\"hoso init --data \(PostgresAddress.withoutPassword(url)) --name … --official N\" hoặc \"hoso demo --data …\".",
                    storeError: error)
            }
            throw RepositoryError(message: error.message, storeError: error)
        } catch {
            throw RepositoryError(message: "\(error)")
        }
    }
}
