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

    /// Appends `event`; a log that cannot be written never stops the work it describes.
    public static func record(_ event: AuditEvent, inDirectory directory: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard var line = try? encoder.encode(event) else { return }
        line.append(0x0A)
        let path = directory + "/" + fileName
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = fchmod(descriptor, 0o600)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written == line.count { _ = fsync(descriptor) }
    }

    /// The events recorded, oldest first (lines that do not parse are skipped: the log is advisory).
    public static func events(inDirectory directory: String) -> [AuditEvent] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(AuditEvent.self, from: Data($0)) }
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
