import Foundation
import HoSoDomain

#if canImport(Glibc)
import Glibc
#endif

/// What HoSo refused or noticed about who is at the terminal: wrong passphrases, locks, a forged
/// `--as`, actions a role does not allow, control characters in input, an unsafe data directory.
/// One JSON line each in `audit.jsonl` of the data directory (mode 0600, appended and fsync'ed).
/// Only ids and codes are written, never a name, a note or a passphrase: the log may be read by
/// whoever looks after the machine, and the files it speaks of are confidential.
public struct AuditEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case signedIn = "signed-in"
        case wrongPassphrase = "wrong-passphrase"
        case locked
        case refusedSignIn = "refused-sign-in"
        case notPermitted = "not-permitted"
        case controlCharacters = "control-characters"
        case insecureDirectory = "insecure-directory"
        case passphraseChanged = "passphrase-changed"
    }

    public var at: String
    public var kind: Kind
    /// The HoSo person concerned (their id), if known.
    public var account: String?
    /// The operating-system user running the program.
    public var systemUser: String
    public var caseID: String?
    /// A code, not words: "step:cell-vote", "edit:note", "read-file"…
    public var detail: String?

    public init(kind: Kind, account: AccountID?, systemUser: String, caseID: CaseID? = nil, detail: String? = nil, at: Date = Date()) {
        self.at = Timestamp.iso8601(at)
        self.kind = kind
        self.account = account?.rawValue
        self.systemUser = systemUser
        self.caseID = caseID?.rawValue
        self.detail = detail
    }
}

public enum AuditLog {
    public static let fileName = "audit.jsonl"

    /// Appends `event`; a log that cannot be written never stops the work it describes (a sign-in is
    /// the exception: it uses `append`, and is refused when its attempt cannot be recorded).
    public static func record(_ event: AuditEvent, inDirectory directory: String, fileSystem: any FileSystem = .real) {
        try? append(event, inDirectory: directory, fileSystem: fileSystem)
    }

    /// Appends `event` as one line, all of it (a short write is continued, never left half), and syncs it.
    /// Through the file-system seam like every other write of the store, so a full disk is seen and tested.
    public static func append(_ event: AuditEvent, inDirectory directory: String, fileSystem: any FileSystem = .real) throws(FileSystemError) {
        let path = directory + "/" + fileName
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // An event of codes and ids always encodes; failing that, nothing is written rather than a torn line.
        guard var line = try? encoder.encode(event) else { throw FileSystemError(.write, path: path, code: EINVAL) }
        line.append(0x0A)
        // Never create a file in the data directory that its owner could not read or append to (a run
        // as root on someone else's directory): the owner's later attempts would go unrecorded.
        let folder = try fileSystem.status(ofPath: directory)
        if let owner = folder.owner, owner != geteuid() { throw FileSystemError(.open, path: path, code: EPERM) }
        let descriptor = try fileSystem.open(path, flags: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode: 0o600)
        do {
            let status = try fileSystem.status(of: descriptor, path: path)
            if status.permissions != 0o600 { try fileSystem.setPermissions(descriptor, 0o600, path: path) }
            try DurableFiles(fileSystem: fileSystem).writeAll(descriptor, Array(line), path: path)
            try fileSystem.fsync(descriptor, path: path)
        } catch {
            try? fileSystem.close(descriptor, path: path)
            throw error
        }
        try fileSystem.close(descriptor, path: path)
    }

    /// The events recorded, oldest first (lines that do not parse are skipped: the log is advisory); none
    /// when the log cannot be read (`readEvents` says why).
    public static func events(inDirectory directory: String) -> [AuditEvent] {
        (try? readEvents(inDirectory: directory)) ?? []
    }

    /// The events recorded, oldest first; throws when the log exists but cannot be read (another login's
    /// file, a directory in its place), so an empty answer never hides an unreadable log.
    public static func readEvents(inDirectory directory: String, fileSystem: any FileSystem = .real) throws(FileSystemError) -> [AuditEvent] {
        let bytes: [UInt8]
        do {
            bytes = try DurableFiles(fileSystem: fileSystem).readAll(directory + "/" + fileName)
        } catch {
            if error.code == ENOENT { return [] }
            throw error
        }
        let decoder = JSONDecoder()
        return bytes.split(separator: 0x0A).compactMap { try? decoder.decode(AuditEvent.self, from: Data($0)) }
    }
}

extension Permission {
    /// The code of the permission in the audit log.
    public var auditCode: String {
        switch self {
        case .readList: "read-list"
        case .readFile: "read-file"
        case .step(let kind): "step:" + kind.rawValue
        case .edit(let kind): "edit:" + kind.rawValue
        case .addCase: "add-case"
        case .manageMembers: "manage-members"
        case .managePeople: "manage-people"
        case .manageUnits: "manage-units"
        case .readReports: "read-reports"
        case .exportPersonalData: "export-personal-data"
        case .maintainStore: "maintain-store"
        }
    }
}
