import Foundation

/// The security log of a repository, wherever it lives: `audit.jsonl` in a data directory, or the
/// server's `audit` table. Services write through here, never to a path of their own.
extension Repository {
    /// Appends `event`; a log that cannot be written never stops the work it describes (a sign-in is the
    /// exception: it uses `appendAudit`, and is refused when its attempt cannot be recorded).
    public func recordAudit(_ event: AuditEvent, fileSystem: any FileSystem = .real) {
        try? appendAudit(event, fileSystem: fileSystem)
    }

    /// Appends `event`, or says why it could not be written.
    public func appendAudit(_ event: AuditEvent, fileSystem: any FileSystem = .real) throws(StoreError) {
        guard let sidecar else {
            do { try AuditLog.append(event, inDirectory: directory, fileSystem: fileSystem) } catch { throw StoreError.from(error) }
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let line = try? encoder.encode(event) else { throw StoreError.encodingFailed(id: "audit") }
        try sidecar.appendAudit(String(decoding: line, as: UTF8.self))
    }

    /// The events recorded, oldest first; throws when the log exists but cannot be read.
    public func auditEvents() throws(StoreError) -> [AuditEvent] {
        guard let sidecar else {
            do { return try AuditLog.readEvents(inDirectory: directory) } catch { throw StoreError.from(error) }
        }
        let decoder = JSONDecoder()
        return try sidecar.auditLines().compactMap { try? decoder.decode(AuditEvent.self, from: Data($0.utf8)) }
    }

    /// The database role this repository is connected as (nil: a data directory, where the login counts).
    public var serverRole: String? { sidecar?.sessionRole }

    /// On a server, why a person linked to `role` could not sign in yet (nil: they can, or this is a
    /// data directory, where a login needs nothing from HoSo).
    public func signInProblem(ofRole role: String) -> String? { sidecar?.signInProblem(ofRole: role) }

    /// Where the security log is, for messages.
    public var auditLogPlace: String {
        sidecar == nil ? directory + "/" + AuditLog.fileName : directory + " (bảng hoso.audit)"
    }
}
