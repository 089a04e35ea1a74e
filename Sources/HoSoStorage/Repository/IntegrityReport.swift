/// What `Repository.check()` found, split by who has to act.
public struct IntegrityReport: Sendable, Equatable {
    /// Problems that need a person, usually a restore: corruption, tampering, unsafe files or modes,
    /// breaches of the workflow's invariants. `hoso check` fails when there is one.
    public var errors: [String]
    /// Findings that need no restore: leftovers of an interrupted save (the next save removes them), the
    /// history kept aside by an offline restore, a data directory on a network file system.
    public var notes: [String]

    /// Makes a report.
    public init(errors: [String] = [], notes: [String] = []) {
        self.errors = errors
        self.notes = notes
    }

    /// Nothing found at all.
    public var isClean: Bool { errors.isEmpty && notes.isEmpty }
}

/// How the store came back from a backup.
public enum RestoreOutcome: Sendable, Equatable {
    /// The store was sound: the backup's values were saved as one attributed journal entry, history kept.
    case replayed
    /// The store could not be opened because a file was corrupt: the damaged `snapshot.json` and
    /// `journal/` were kept in `damagedDirectory` and the backup installed in their place.
    case replacedDamagedStore(damagedDirectory: String)
}

/// The sentence that tells a clerk which backup to restore and how.
public enum BackupAdvice {
    /// The command that restores `backup`.
    public static func restoreCommand(_ backup: BackupInfo) -> String {
        "hoso restore \(backup.name)"
    }

    /// "Bản sao lưu gần nhất: NAME (…). Khôi phục: hoso restore NAME", or what to do when there is none.
    public static func sentence(latest backup: BackupInfo?) -> String {
        guard let backup else {
            return "Chưa có bản sao lưu nào. Đừng sửa tệp bằng tay: hãy chép cả thư mục dữ liệu sang nơi khác (cp -a) và nhờ người quản trị."
        }
        return "Bản sao lưu gần nhất: \(backup.name) (\(describe(backup))). Khôi phục: \(restoreCommand(backup))"
    }

    /// "lập lúc 12:05:43 ngày 23/11/2026 (UTC), gồm 5 lần lưu đầu tiên".
    public static func describe(_ backup: BackupInfo) -> String {
        let stamp = Array(backup.createdAt)
        guard stamp.count == 16 else { return "gồm \(backup.seq) lần lưu đầu tiên" }
        let day = String(stamp[6..<8]) + "/" + String(stamp[4..<6]) + "/" + String(stamp[0..<4])
        let time = String(stamp[9..<11]) + ":" + String(stamp[11..<13]) + ":" + String(stamp[13..<15])
        return "lập lúc \(time) ngày \(day) (UTC), gồm \(backup.seq) lần lưu đầu tiên"
    }
}
