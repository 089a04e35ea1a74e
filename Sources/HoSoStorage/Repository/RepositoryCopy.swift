import Foundation
import HoSoDomain

/// What moves when data moves between backends (`hoso migrate`): every record exactly as stored (its
/// revision, who changed it last and when, a file's history with its seals), the settings and the
/// security log. The journal of the old place is not replayed: it stays there as the record of how
/// the data came to be, and the new place's history starts with the copy.
public struct RepositoryContents: Sendable {
    public let records: [StoredRecord<StoredItem>]
    /// "rules.json", "holidays.json": their text, where set.
    public let settings: [String: String]
    public let auditEvents: [AuditEvent]
}

extension Repository {
    /// The settings a data set may carry beside its records.
    package static let settingNames = ["rules.json", "holidays.json"]

    /// Everything to copy, read from this repository; refused on a partial read.
    public func contents() throws(RepositoryError) -> RepositoryContents {
        if store.isPartial { throw RepositoryError(StoreError.partialRead) }
        var settings: [String: String] = [:]
        for name in Self.settingNames {
            if let sidecar {
                do { settings[name] = try sidecar.setting(name) } catch { throw RepositoryError(error) }
            } else if let data = FileManager.default.contents(atPath: directory + "/" + name) {
                settings[name] = String(decoding: data, as: UTF8.self)
            }
        }
        let events: [AuditEvent]
        do { events = try auditEvents() } catch { throw RepositoryError(error) }
        return RepositoryContents(
            records: store.records.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }, settings: settings, auditEvents: events)
    }

    /// A new data directory holding `contents` exactly (records keep their revisions).
    public static func create(at directory: String, copying contents: RepositoryContents) throws(RepositoryError) -> Repository {
        do {
            _ = try JournalStore<StoredItem>.create(at: directory, schemaVersion: schemaVersion, initialRecords: contents.records)
        } catch {
            if case .alreadyExists = error {
                throw RepositoryError(message: "Thư mục \(directory) đã có dữ liệu HoSo; không chép đè. Hãy chọn thư mục trống.", storeError: error)
            }
            throw RepositoryError(error)
        }
        let files = DurableFiles(fileSystem: .real)
        for (name, text) in contents.settings.sorted(by: { $0.key < $1.key }) {
            do { try files.replaceDurably(directory + "/" + name, with: Array(text.utf8), temporaryIn: directory) } catch {
                throw RepositoryError(StoreError.from(error))
            }
        }
        let repository = try open(at: directory)
        for event in contents.auditEvents {
            do { try repository.appendAudit(event) } catch { throw RepositoryError(error) }
        }
        return repository
    }
}

extension RepositoryContents {
    /// The same contents with the person signed in as `login` signed in as `newLogin` instead: on one
    /// machine people are logins, on a server database roles, and the person moving the data must be
    /// able to open it where it lands. Nothing changes when `newLogin` is already someone's, or equal.
    /// Returns the person relinked, if any.
    public func relinking(login: String, to newLogin: String) -> (contents: RepositoryContents, relinked: AccountID?) {
        guard login != newLogin else { return (self, nil) }
        var relinked: AccountID?
        var records = self.records
        let taken = records.contains { if case .account(let account) = $0.value { account.systemUser == newLogin } else { false } }
        guard !taken else { return (self, nil) }
        for index in records.indices {
            guard case .account(var account) = records[index].value, account.systemUser == login, relinked == nil else { continue }
            account.systemUser = newLogin
            relinked = account.id
            let record = records[index]
            records[index] = StoredRecord(
                id: record.id, revision: record.revision, value: .account(account), changedBy: record.changedBy, changedAt: record.changedAt)
        }
        return (RepositoryContents(records: records, settings: settings, auditEvents: auditEvents), relinked)
    }
}
