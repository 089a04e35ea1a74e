import Foundation

/// A backup and what is wrong with it (nil: it can be restored).
public struct BackupCheck: Sendable, Equatable {
    /// The backup.
    public let backup: BackupInfo
    /// Why restoring it would fail or give a state the journal never had, in Vietnamese; nil when sound.
    public let problem: String?
    /// It was written in an older format (kept by a migration): sound for the program that wrote it, not
    /// restorable by this one, and not a fault.
    public let olderFormat: Bool
}

/// Reads a backup the way a restore would, and compares it with the journal as far as the format allows.
///
/// A backup is a snapshot: it must parse, name a schema version this program reads, hold each record once
/// with a revision from 1, and its `lastHash` must be the hash of journal entry `seq` when the journal
/// still has that entry (it is the state the chain had at that point). The records themselves carry no
/// hash, so a record edited inside an otherwise well-formed backup is not detected.
struct BackupVerifier<Value: JournalValue> {
    let layout: StoreLayout
    let files: DurableFiles
    /// The schema version the store reads; nil when unknown (the backup's own is then not judged).
    let schemaVersion: Int?
    /// Whether the journal still holds the history the backups were made from: after an offline restore it
    /// starts again, and older backups belong to the history kept in `damaged-*`.
    let journalIsTheBackupsHistory: Bool
    private var hashesBySegment: [Int: [Int: String]] = [:]

    init(layout: StoreLayout, files: DurableFiles, schemaVersion: Int?) {
        self.layout = layout
        self.files = files
        self.schemaVersion = schemaVersion
        let names = (try? files.fileSystem.contentsOfDirectory(layout.directory)) ?? []
        journalIsTheBackupsHistory = !names.contains { $0.hasPrefix(DamagedDirectory.prefix) }
    }

    /// The verdict on `backup`.
    mutating func check(_ backup: BackupInfo) -> BackupCheck {
        let path = layout.backupsDirectory + "/" + backup.name
        let bytes: [UInt8]
        do throws(FileSystemError) { bytes = try files.readAll(path) } catch {
            return BackupCheck(backup: backup, problem: StoreError.from(error).message, olderFormat: false)
        }
        if let schemaVersion, let header = SnapshotCoding.header(bytes, as: SchemaVersionHeader.self), header.schemaVersion < schemaVersion {
            return BackupCheck(
                backup: backup, problem: "định dạng cũ (\(header.schemaVersion)), từ trước lần nâng cấp dữ liệu; bản HoSo này không khôi phục được từ nó",
                olderFormat: true)
        }
        return BackupCheck(backup: backup, problem: problem(with: backup, bytes: bytes, path: path), olderFormat: false)
    }

    private mutating func problem(with backup: BackupInfo, bytes: [UInt8], path: String) -> String? {
        let snapshot: Snapshot<Value>
        do throws(StoreError) {
            snapshot = try StoreLoader<Value>(layout: layout, files: files).decodeSnapshot(bytes, path: path)
            if let schemaVersion, snapshot.schemaVersion != schemaVersion {
                throw StoreError.newerSchemaVersion(path: path, found: snapshot.schemaVersion, supported: schemaVersion)
            }
            _ = try StoreLoader<Value>.index(snapshot.records, path: path)
        } catch {
            if case .corruptFile(_, _, let reason) = error { return reason }
            return error.message
        }
        if snapshot.seq != backup.seq {
            return "tên ghi lần lưu \(backup.seq) nhưng nội dung là lần lưu \(snapshot.seq)"
        }
        guard journalIsTheBackupsHistory else { return nil }
        if snapshot.seq == 0 {
            return snapshot.lastHash == JournalLine.genesisHash ? nil : "lastHash không khớp với nhật ký (chưa có lần lưu nào)"
        }
        for segment in [snapshot.segment, snapshot.segment - 1] where segment >= 1 {
            if let hash = hashes(inSegment: segment)[snapshot.seq] {
                return hash == snapshot.lastHash ? nil : "không khớp với mục \(snapshot.seq) của nhật ký (lastHash): không phải trạng thái mà dữ liệu từng có"
            }
        }
        return nil
    }

    /// The hash of every complete line of segment `number`, by sequence number (none when it cannot be read).
    private mutating func hashes(inSegment number: Int) -> [Int: String] {
        if let known = hashesBySegment[number] { return known }
        var result: [Int: String] = [:]
        let path = layout.segment(number)
        if let bytes = try? files.readAll(path), let scanned = try? JournalScanner.scan(bytes, baseOffset: 0, baseLine: 0, path: path) {
            let decoder = JSONDecoder()
            for line in scanned.lines {
                if let header = try? decoder.decode(JournalEntryHeader.self, from: Data(line.entryBytes)) { result[header.seq] = line.hash }
            }
        }
        hashesBySegment[number] = result
        return result
    }
}

extension JournalStore {
    /// Every backup in `directory`, oldest first, each with what is wrong with it; reads them all (for
    /// `check` and `backup --list`), without opening the store.
    public static func inspectBackups(
        inDirectory directory: String, schemaVersion: Int?, fileSystem: any FileSystem = .real
    ) -> [BackupCheck] {
        var verifier = BackupVerifier<Value>(
            layout: StoreLayout(directory: directory), files: DurableFiles(fileSystem: fileSystem), schemaVersion: schemaVersion)
        return allBackups(inDirectory: directory, fileSystem: fileSystem).map { verifier.check($0) }
    }

    /// The backups, oldest first, without the newest ones that do not verify: the last is the one to offer
    /// for a restore. Older ones are listed unread (a restore still verifies what it installs).
    static func restorableBackups(inDirectory directory: String, schemaVersion: Int?, fileSystem: any FileSystem) -> [BackupInfo] {
        var backups = allBackups(inDirectory: directory, fileSystem: fileSystem)
        var verifier = BackupVerifier<Value>(
            layout: StoreLayout(directory: directory), files: DurableFiles(fileSystem: fileSystem), schemaVersion: schemaVersion)
        while let newest = backups.last, verifier.check(newest).problem != nil { backups.removeLast() }
        return backups
    }
}
