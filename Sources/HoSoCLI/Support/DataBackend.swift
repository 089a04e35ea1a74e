import Foundation
import HoSoDomain
import HoSoPostgres
import HoSoStorage

/// Which backend a `--data` value names: a PostgreSQL address (`postgresql://…`, `postgres://…`) is the
/// server; anything else is a data directory. Every command opens and creates through here.
enum DataBackend {
    static func isServer(_ location: String) -> Bool { PostgresAddress.isPostgres(location) }

    /// `readingMembers` false: with `admits`, a directory's members are left unread (a command that
    /// shows and names none, see `Repository.open(at:readingCasesWhere:readingMembers:)`).
    static func open(
        _ location: String, readingCasesWhere admits: (@Sendable (CaseProbe) -> Bool)? = nil, readingMembers: Bool = true
    ) throws(RepositoryError) -> Repository {
        if isServer(location) { return try ServerRepository.open(url: location) }
        if let admits { return try Repository.open(at: location, readingCasesWhere: admits, readingMembers: readingMembers) }
        return try Repository.open(at: location)
    }

    /// The data with only file `id` read, and of the organisation only what a command on it needs: the
    /// units above it, the members it and its unit name, and `naming` (the members the command names;
    /// `Repository.open(at:aroundCase:naming:)`).
    static func open(_ location: String, aroundFile id: CaseID, naming: Set<MemberID>) throws(RepositoryError) -> Repository {
        if isServer(location) { return try ServerRepository.open(url: location) }
        return try Repository.open(at: location, aroundCase: id, naming: naming)
    }

    /// The data without its files, for a report that counts them from their facts (a server's facts beside
    /// each file, a data directory's `report-facts.jsonl`; the files saved since it was written are read), or
    /// for a command that touches no file (`people add`).
    static func openForReports(_ location: String) throws(RepositoryError) -> Repository {
        if isServer(location) { return try ServerRepository.open(url: location, readingCases: false) }
        return try Repository.open(at: location, readingCases: [])
    }

    static func create(
        _ location: String, units: [HoSoDomain.Unit], members: [Member], cases: [CaseFile] = [], accounts: [Account], actor: String
    ) throws(RepositoryError) -> Repository {
        if isServer(location) {
            return try ServerRepository.create(url: location, units: units, members: members, cases: cases, accounts: accounts, actor: actor)
        }
        return try Repository.create(at: location, units: units, members: members, cases: cases, accounts: accounts, actor: actor)
    }

    /// Whether `location` already holds HoSo data (for `demo`, which creates it only once).
    static func holdsData(_ location: String) -> Bool {
        if isServer(location) { return ServerRepository.holdsData(url: location) }
        return FileManager.default.fileExists(atPath: location + "/snapshot.json")
    }

    /// Who the person creating data at `location` is: the database role on a server, else the login.
    static func login(for location: String) throws(RepositoryError) -> String {
        isServer(location) ? try ServerRepository.role(url: location) : SystemUser.name
    }

    /// The address as it may be printed: a server's password hidden.
    static func shown(_ location: String) -> String {
        isServer(location) ? PostgresAddress.withoutPassword(location) : location
    }
}
