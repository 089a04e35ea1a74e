/// Settings and the security log of a backend that keeps them beside its records (a database server),
/// where a data directory has `rules.json`, `holidays.json` and `audit.jsonl`.
package protocol SettingsAndAuditStore: AnyObject, Sendable {
    /// The role the server signed this connection in as: who the person is, as a login is on one machine.
    var sessionRole: String { get }
    /// The text of setting `name` ("rules.json", "holidays.json"), nil when not set.
    func setting(_ name: String) throws(StoreError) -> String?
    /// Appends one security event, committed at once.
    func appendAudit(_ line: String) throws(StoreError)
    /// Every security event, oldest first.
    func auditLines() throws(StoreError) -> [String]
    /// What stops `role` from signing in (no such role, not a member of the HoSo users' group), in
    /// Vietnamese with what the server's administrator should run; nil when it can sign in.
    func signInProblem(ofRole role: String) -> String?
}
