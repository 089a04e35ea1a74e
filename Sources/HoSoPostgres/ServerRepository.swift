import HoSoDomain
import HoSoStorage

extension PostgresRecordStore: SettingsAndAuditStore {}
extension PostgresRecordStore: ReportFactsSource {}

/// HoSo's repository on a PostgreSQL server: `--data postgresql://user@host/db`.
public enum ServerRepository {
    /// Creates HoSo's tables and the first records; refuses a database that already holds HoSo data.
    public static func create(
        url: String, units: [HoSoDomain.Unit], members: [Member], cases: [CaseFile] = [], accounts: [Account] = [], actor: String
    ) throws(RepositoryError) -> Repository {
        let records = Repository.initialRecords(units: units, members: members, cases: cases, accounts: accounts, actor: actor)
        return try repository(url) { () throws(StoreError) in
            try PostgresRecordStore<StoredItem>.create(url: url, initialRecords: records, actor: actor, factsOf: facts)
        }
    }

    /// HoSo's tables on the server holding `contents` exactly (`hoso migrate`), in one transaction:
    /// a copy cut short leaves nothing behind. `progress` hears (records written, total).
    public static func create(
        url: String, copying contents: RepositoryContents, actor: String, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(RepositoryError) -> Repository {
        let repository = try repository(url) { () throws(StoreError) in
            try PostgresRecordStore<StoredItem>.create(
                url: url, initialRecords: contents.records, settings: contents.settings, actor: actor, factsOf: facts, progress: progress)
        }
        for event in contents.auditEvents {
            do { try repository.appendAudit(event) } catch { throw RepositoryError(message: error.message, storeError: error) }
        }
        return repository
    }

    /// The role `url` connects as: who will sign in, before any HoSo data exists there.
    public static func role(url: String) throws(RepositoryError) -> String {
        do { return try PostgresConnection(url: url).user } catch { throw RepositoryError(message: error.message, storeError: error) }
    }

    /// Whether the database at `url` already holds HoSo data (`hoso demo` creates it only once), without reading
    /// it: false when it cannot be reached either, and creating there then says why.
    public static func holdsData(url: String) -> Bool {
        (try? PostgresRecordStore<StoredItem>.holdsRecords(url: url)) ?? false
    }

    /// Opens HoSo's data on the server. `readingCases` false: units, members and people only, for a report,
    /// which reads the files' facts in one query (`Repository.reportFacts()`); such a repository saves no file.
    public static func open(url: String, readingCases: Bool = true) throws(RepositoryError) -> Repository {
        try repository(url) { () throws(StoreError) in
            try PostgresRecordStore<StoredItem>.open(url: url, factsOf: facts, readingCases: readingCases)
        }
    }

    /// What the server keeps beside each case file for the reports.
    static let facts = ReportFactsOf<StoredItem> { item in
        if case .caseFile(let file) = item { ReportFacts(file) } else { nil }
    }

    /// The repository on the store `connect` makes, its refusals said for a server.
    private static func repository(
        _ url: String, _ connect: () throws(StoreError) -> PostgresRecordStore<StoredItem>
    ) throws(RepositoryError) -> Repository {
        let store: PostgresRecordStore<StoredItem>
        do {
            store = try connect()
        } catch {
            let shown = PostgresAddress.withoutPassword(url)
            switch error {
            case .alreadyExists:
                throw RepositoryError(
                    message: "Cơ sở dữ liệu \(shown) đã có dữ liệu HoSo; không tạo đè. Dùng cơ sở dữ liệu khác hoặc mở dữ liệu đang có.",
                    storeError: error)
            case .notAStore:
                throw RepositoryError(
                    message: "Cơ sở dữ liệu \(shown) chưa có dữ liệu HoSo. Tạo mới bằng \"hoso init --data \(shown) --name … --official N\", "
                        + "chép từ thư mục dữ liệu bằng \"hoso migrate --from THƯ-MỤC --to \(shown)\", hoặc thử \"hoso demo --data …\".",
                    storeError: error)
            default:
                throw RepositoryError(message: error.message, storeError: error)
            }
        }
        return try Repository.onServer(store)
    }
}
